"""The reply a draft gives: its text, its steps, its status, and how it shows."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ..checking import Finding
from ..display import STEP_LABELS, findings_html, highlighted, plain_repr, status_badge
from ..experience._needs import SEVERE_LABELS, names_another_body
from ..experience._requests import (
    REVIEW_LABELS,
    asking_clause,
    awaits_an_answer_only,
    for_agent,
)
from ..experience._said import Said
from ..experience._sensitive import CATEGORY_LABELS
from ..experience._suggestions import unnamed_suggestion
from ..inputs import Sentiment
from ..limits import MAX_WORDS, MIN_WORDS
from ..vocabulary import Status

if TYPE_CHECKING:
    from ..inputs import Structure

__all__ = ["MISSING_KINDS", "Missing", "Reply", "missing_of", "reply_record"]


def _for_agent(text: str | None) -> str | None:
    """A sentence of the user's as a note quotes it: no personal data, nothing a UTF-8
    output cannot write (``experience._requests.for_agent``), whichever reading
    quoted it."""
    return None if text is None else for_agent(text)


def _question_for_agent(text: str | None) -> str | None:
    """The user's question as a note quotes it: from the clause that asks
    (``experience._requests.asking_clause``), without personal data."""
    return None if text is None else asking_clause(for_agent(text))


#: What a ``to_review`` note asks of the agent, by the kind of reason in ``attention``.
_REVIEW_TASKS = {
    "danger": "the user tells of violence or danger (see attention): check whether "
    "someone is in danger now and give the emergency contact that fits (17 or 112, "
    "119 for a child, 3919 for violence against women, 3114 for suicide)",
    "death": "someone close to the user died (see attention): offer condolences, "
    "soberly, and say who handles what is left to do",
    "distress": "the user tells of distress (see attention): make the reply personal "
    "and sober, name their situation and give a contact who can act now (a named "
    "service or direct line, social support where it fits)",
    "staff": "the user tells of how staff treated them: have a manager read it, say "
    "that what they describe will be looked into, and give a contact",
    "harm": "the user tells of a serious loss: say what can be done for them and who can act",
    "legal": "the user is in a legal conflict (see attention): say nothing on the case "
    "itself; say what the service can do and who handles the rest",
    "fragile": "the user looks after a fragile person (see attention): make the reply "
    "personal and give a contact who can act for them now",
    "vulnerable": "a vulnerable person (great age, serious illness, dependence, "
    "disability, isolation) whose payments stopped long ago or whose situation gets "
    "worse (see attention): make the reply personal, say who handles their file and "
    "by when, and give a direct contact who can act now (not a channel that already "
    "failed them)",
    "income": "the user cannot work or has no income left (see attention): give the "
    "contact who can act now (a payment, social support) and the next step",
    "hazard": "the user reports a danger to health or safety (see attention): say who "
    "will check it and when (a named service), and the emergency number (18 or 112) if "
    "the danger is immediate",
}
_REVIEW_ORDER = (
    "danger",
    "hazard",
    "death",
    "distress",
    "vulnerable",
    "income",
    "legal",
    "fragile",
    "staff",
    "harm",
)
#: The reasons of ``attention`` by how they start (the labels of experience._sensitive,
#: experience._said's distress and experience._requests' staff and harm).
_REVIEW_STARTS = (
    ("death", (CATEGORY_LABELS["death"],)),
    ("staff", (REVIEW_LABELS["staff"],)),
    ("harm", (REVIEW_LABELS["harm"],)),
    ("legal", (SEVERE_LABELS["severe-legal"],)),
    ("fragile", (SEVERE_LABELS["severe-fragile"],)),
    ("income", (SEVERE_LABELS["severe-income"],)),
    ("vulnerable", (SEVERE_LABELS["severe-vulnerable"],)),
    ("hazard", (SEVERE_LABELS["severe-danger"],)),
    ("danger", tuple(label for kind, label in CATEGORY_LABELS.items() if kind != "death")),
)


#: A description of this many words or fewer that says what a rating's phrase says
#: ("Ma mère n'a pas compris le courrier reçu.": information) says nothing more
#: specific: the phrase names the user's point.
SHORT_DESCRIPTION = 30


def missing_of(
    *,
    sentiment: Sentiment,
    said: Said,
    used: Iterable[str],
    named_hard: tuple[str, ...],
    description: str | None,
    situation: bool,
    answered: bool,
) -> Missing | None:
    """What keeps a draft from being sent as it is, beyond a question, a request or a
    blockage (the status policy of issue 20; None when nothing does).

    A negative or neutral experience: what the user still needs (``experience._needs``:
    something awaited, unanswered, impossible, urgent, a channel that failed), unless
    the agent's ``answered``; then a serious situation (``said.severity``) or a point
    the reply does not name from the user's words (only a rating's phrase: the
    problem read in the words, the access that failed, the agent's ``situation``
    name it; a rating's phrase does when the words of a short description say the
    same); then a suggestion the reply does not name. A positive one: a reservation,
    something still awaited or impossible (an urgency there was most often met), a
    suggestion the reply does not name.
    ``named_hard``: the criteria the reply names as hard; ``used``: what of the
    experience it uses (``personalised_by``)."""
    needs = said.requests.needs
    used = set(used)
    # A suggestion is named with what it proposes (experience._suggestions).
    unnamed = unnamed_suggestion(said.suggested, needs.suggestion, used)
    suggestion = Missing("suggestion", unnamed, needs.tried) if unnamed is not None else None
    if sentiment == "positive":
        # A satisfied user's small regret that their suggestion is about ("Dommage que
        # le site soit lent : il faudrait un bouton…"): the reply thanks them for the
        # suggestion, and nothing is left to do.
        regret_named = "suggestion" in used and needs.suggestion is not None
        if needs.reservation is not None and not (regret_named and needs.need is None):
            return Missing("reservation", needs.reservation, needs.tried)
        if needs.need in ("awaited", "impossible") and not answered:
            return Missing("reservation", needs.need_said, needs.tried)
        return suggestion
    if needs.need is not None and not answered:
        return Missing(needs.need, needs.need_said, needs.tried)
    if said.severity is not None and not situation and not answered:
        return Missing("serious", needs.point, needs.tried, said.severity, named="severity" in used)
    words = len(description.split()) if description else 0
    point_named = (
        situation
        or words == 0
        or "problem" in used
        or "access" in used
        or (
            "ratings" in used
            and words <= SHORT_DESCRIPTION
            and not needs.labels.isdisjoint(named_hard)
        )
    )
    if not point_named:
        if suggestion is not None and (needs.point_is_title or needs.point == needs.suggestion):
            return suggestion  # the suggestion is what the user came to say
        return Missing(
            "point-unclear" if needs.point_is_title else "point", needs.point, needs.tried
        )
    return suggestion


def _review_kind(reason: str) -> str:
    """The kind of a reason of ``attention`` (see :data:`_REVIEW_TASKS`); distress
    (illness, money, shelter, despair) when no other."""
    for kind, starts in _REVIEW_STARTS:
        if reason.startswith(starts):
            return kind
    return "distress"


#: Why a draft is ``to_complete`` beyond a question, a request or a blockage: what the
#: agent must add, by kind (``Missing.kind``). ``{said}`` is the user's sentence.
_MISSING_TASKS = {
    "urgent": "the user needs it urgently: « {said} »: give the fastest concrete next "
    "step and who can act now",
    "impossible": "the user cannot do what they came for: « {said} »: give the concrete "
    "next step (another way to do it, or who can unblock it)",
    "awaited": "the user still awaits something: « {said} »: say where it stands, when "
    "it will come, or who can tell them",
    "no-answer": "the user got no answer: « {said} »: say where their request stands "
    "and who will answer it",
    "no-answer-elsewhere": "the user got no answer from a body they name: « {said} »: it "
    "may be another body's silence, not this service's: say who can answer them there "
    "(and, if the request is with this service, where it stands)",
    "tried": "the user already tried a channel that failed: « {said} »: give another way "
    "that works (a named service, a direct line, an appointment)",
    "serious": "the user's situation is serious ({severity}): « {said} »: name it and give "
    "the concrete next step",
    "serious-named": "the user's situation is serious ({severity}): « {said} »: the reply "
    "says so; give the concrete next step and who can act",
    "point": "the reply does not name the user's point: « {said} »: name it (situation=…)",
    "point-unclear": "the user's point is not clear from the words: read the experience "
    "and add a sentence on what went wrong (situation=…); title « {said} »",
    "suggestion": "the user makes a suggestion the reply does not name: « {said} »: name "
    "it and say what will be done with it (improvement=…)",
    "reservation": "the user is satisfied but also writes « {said} »: acknowledge it, "
    "and give the next step if something is left to do (situation=…)",
    "repeated": "the reply repeats two other drafts of this batch word for word (or "
    "nearly; names, numbers, dates and links aside), whatever phrasing it takes: "
    "personalise it with what this user wrote (situation=…) before sending it",
}
#: What is still outstanding is said beside a question or a request too (a blockage's
#: task, "give the next step", already covers it; the user's point and a suggestion
#: are what answering them names).
_KEPT_BESIDE_A_QUESTION = frozenset({"urgent", "impossible", "awaited", "no-answer"})
#: The kinds of :data:`_MISSING_TASKS` (``no-answer-elsewhere`` is how a ``no-answer``
#: whose sentence names another body is told, ``serious-named`` a ``serious`` the
#: reply already says: not kinds of their own).
MISSING_KINDS = tuple(
    kind for kind in _MISSING_TASKS if kind not in ("no-answer-elsewhere", "serious-named")
)


@attrs.frozen
class Missing:
    """What keeps a draft from being sent as it is, beyond a question, a request or a
    blockage (see :attr:`Reply.missing`): ``kind`` (one of :data:`MISSING_KINDS`),
    ``said`` (the user's sentence that shows it, quoted), ``tried`` (the user's
    sentence telling of a channel that failed them: the reply must not send them back
    to it), ``severity`` (for ``serious``: how serious, as ``experience._problems``
    reads it)."""

    kind: str = attrs.field(validator=attrs.validators.in_(MISSING_KINDS))
    said: str | None = attrs.field(default=None, converter=_for_agent)
    tried: str | None = attrs.field(default=None, converter=_for_agent)
    severity: str | None = None
    #: For ``serious``: the reply already says how serious it is (``severity`` in
    #: ``personalised_by``): the agent gives the next step, not a sentence naming it.
    named: bool = False

    def task(self) -> str:
        """What the agent must add, as a note says it."""
        if self.said is None:
            if self.kind in ("point", "point-unclear"):
                return (
                    "the reply does not name what went wrong for the user; add a sentence "
                    "on it (situation=…)"
                )
            return _MISSING_TASKS[self.kind].split(": « {said} »")[0]
        kind = self.kind
        if kind == "no-answer" and names_another_body(self.said):
            kind = "no-answer-elsewhere"
        if kind == "serious" and self.named:
            kind = "serious-named"
        task = _MISSING_TASKS[kind].format(said=self.said, severity=self.severity)
        return task + self.not_back()

    def not_back(self, *quoted: str | None) -> str:
        """The clause that tells the agent not to send the user back to a channel that
        failed them ("" when none did, or when the task or the ``quoted`` sentences
        already say it)."""
        if self.tried is None or self.kind == "tried":
            return ""
        if self.tried in (self.said, *quoted):
            return "; they already tried a channel that failed: do not send them back to it"
        return f"; do not send them back to what failed: « {self.tried} »"


@attrs.frozen
class Reply:
    """A drafted reply: the text, its six steps and what was chosen to write it.

    Fields: ``sentiment`` (the user's), ``tone`` (the reply's), ``step_texts`` (the
    six (step, paragraph) pairs, in order), ``templates`` (the phrasing chosen per
    step), ``word_count`` (60 to 150), ``findings`` (what the checker found in the
    agent's own sentences, or in the whole reply with custom templates), ``attention``,
    ``personalised_by``, ``names_difficulty``, ``notes``, ``question`` (the
    question the user asks, which an agent must answer), ``request`` (an action or
    an answer the user asks for), ``blocked`` (what keeps the user stuck) and
    ``complaint`` (the user's sentence that carries the complaint) and
    ``complaint_is_title`` (the complaint is the title, for want of one in the words);
    ``missing`` (what else keeps it from being sent as it is: :class:`Missing`);
    described below. Use ``text``, ``body``, ``steps``, ``status``, ``to_add``,
    ``to_review`` and ``to_dict()``.
    """

    sentiment: Sentiment
    step_texts: tuple[tuple[str, str], ...]
    templates: tuple[str, ...]
    word_count: int
    findings: tuple[Finding, ...] = ()
    #: The sentiment the reply is written in (see ``experience.tone_of``).
    tone: Sentiment | None = None
    #: Why a person must read the experience first (a sensitive case); empty when none.
    attention: tuple[str, ...] = ()
    #: What of the experience the reply uses: title, channel, ratings, posted_as,
    #: similar, wait, action, and what the user wrote: procedure, access, mixed,
    #: question, suggestion, bereavement; agent text (see :data:`PERSONALISED_BY`).
    personalised_by: tuple[str, ...] = ()
    #: Whether the reply names the user's difficulty (the agent's situation, or a
    #: criterion the user rated negative).
    names_difficulty: bool = False
    #: What was left out to keep to 150 words, and other remarks for the agent.
    notes: tuple[str, ...] = ()
    #: The question the user asks, as they wrote it: an agent must answer it.
    question: str | None = attrs.field(default=None, converter=_question_for_agent)
    #: The action or answer the user asks for ("merci de traiter mon dossier"), quoted
    #: (numbers, e-mail addresses and links left out): an agent must say what will be
    #: done or who can do it.
    request: str | None = attrs.field(default=None, converter=_for_agent)
    #: What keeps the user stuck (a document about to expire, an allowance suspended,
    #: months without an answer, a procedure that cannot be completed), quoted: an
    #: agent must give the next step or the contact who can act.
    blocked: str | None = attrs.field(default=None, converter=_for_agent)
    #: The user's sentence that carries the complaint most strongly, quoted: what a
    #: ``to_complete`` note asks the agent to name when the reply does not.
    complaint: str | None = attrs.field(default=None, converter=_for_agent)
    #: Whether ``complaint`` is the experience's title, quoted because no sentence of
    #: the description carries a complaint: the note then says the point is not clear.
    complaint_is_title: bool = False
    #: What keeps the draft from being sent as it is beyond a question, a request or a
    #: blockage (an answer or a document still awaited, a channel that failed, the
    #: user's point not named, a suggestion or a reservation not acknowledged): see
    #: :class:`Missing`; None when nothing is.
    missing: Missing | None = None

    @property
    def text(self) -> str:
        """The whole reply: paragraphs separated by exactly one blank line."""
        return "\n\n".join(text for _, text in self.step_texts)

    @property
    def steps(self) -> Mapping[str, str]:
        """The six steps in order: greeting, thanks, acknowledgement, orientation,
        improvement, signature, each mapped to its text."""
        return MappingProxyType(dict(self.step_texts))

    @property
    def body(self) -> str:
        """The reply without the politeness formula and signature, which the
        platform's reply form adds from the agent's settings."""
        return "\n\n".join(text for step, text in self.step_texts if step != "signature")

    @property
    def compliant(self) -> bool:
        """True when no finding is an error and nothing needs a person's attention
        (what ``ready`` meant before 0.2: a compliant draft may still be ``to_complete``)."""
        return not self.attention and not any(f.severity == "error" for f in self.findings)

    @property
    def ready(self) -> bool:
        """True when the draft can be sent as it is: ``status == "ready"``.

        ``if reply.ready: send(reply)`` never sends a draft to review or to complete.
        """
        return self.status == "ready"

    @property
    def status(self) -> Status:
        """``to_review`` (an error, or a case a person reads first: a sensitive
        situation, distress, staff behaviour or serious harm told, a legal conflict, a
        fragile person, a vulnerable person whose payments stopped long ago or whose
        situation worsens, no work or income; see ``attention``); ``to_complete``
        (compliant, but the user asks a question or an action, or is blocked, which an
        agent must answer with a first-level answer, the next step or a contact; or
        something else keeps it from being sent as it is, see :attr:`missing`: the
        user still awaits something or tried a channel that failed, the situation is
        serious, the reply does not name the user's point from their words, a
        satisfied user's reservation or suggestion is not acknowledged; or a negative
        or neutral experience whose difficulty the reply does not name); ``ready``
        otherwise: an agent can send it as it is."""
        if not self.compliant:
            return "to_review"
        if self.question is not None or self.request is not None or self.blocked is not None:
            return "to_complete"
        if self.missing is not None:
            return "to_complete"
        # The user's own problem said names the difficulty, rated or not.
        named = self.names_difficulty or "problem" in self.personalised_by
        if not named and "negative" in (self.sentiment, self.tone):
            return "to_complete"
        if not named and self.sentiment == "neutral":
            return "to_complete"
        return "ready"

    @property
    def to_add(self) -> str | None:
        """What an agent must add to a ``to_complete`` draft (the record's last note);
        None for any other status."""
        if self.status != "to_complete":
            return None
        tasks = []
        if self.question is not None:
            tasks.append(f"answer the user's question « {self.question} »")
        side_remark = (
            self.question is not None
            and self.request is not None
            and awaits_an_answer_only(self.request)
        )  # "Merci pour votre réponse rapide" beside "Où est-il ?": the question wins
        if self.request is not None and self.request != self.question and not side_remark:
            tasks.append(
                f"the user asks for an action or an answer: « {self.request} »: say what "
                "will be done, or who can do it"
            )
        if self.blocked is not None and self.blocked not in (self.question, self.request):
            tasks.append(
                f"the user is blocked: « {self.blocked} »: give the next step or the "
                "contact who can act"
            )
        if self.missing is not None:
            if not tasks:
                return "to complete: " + self.missing.task()
            quoted = (self.question, self.request, self.blocked)
            if (
                self.blocked is None
                and self.missing.kind in _KEPT_BESIDE_A_QUESTION
                and self.missing.said not in quoted
            ):
                # "Se chauffent-ils… ?" beside « c'est urgent »: the urgency is not lost.
                return "to complete: " + "; ".join(tasks) + "; " + self.missing.task()
            return "to complete: " + "; ".join(tasks) + self.missing.not_back(*quoted)
        if not tasks:
            if self.complaint is not None and self.complaint_is_title:
                return (
                    "to complete: the user's point is not clear from the words: read the "
                    f"experience and add a sentence on what went wrong (situation=…); "
                    f"title « {self.complaint} »"
                )
            if self.complaint is not None:
                return (
                    "to complete: the reply does not name what went wrong for the user, "
                    f"who writes « {self.complaint} »: add a sentence on it (situation=…)"
                )
            return (
                "to complete: the reply does not name what went wrong for the user; "
                "add a sentence on it (situation=…)"
            )
        return "to complete: " + "; ".join(tasks)

    @property
    def to_review(self) -> str | None:
        """What an agent must do with a ``to_review`` draft (the record's last note),
        by why it is to review (``attention``, errors among ``findings``); None for
        any other status."""
        if self.status != "to_review":
            return None
        kinds = {_review_kind(reason) for reason in self.attention}
        tasks = [_REVIEW_TASKS[kind] for kind in _REVIEW_ORDER if kind in kinds]
        if any(f.severity == "error" for f in self.findings):
            tasks.append("fix the errors the checker found (findings)")
        return "to review: read the experience before replying; " + "; ".join(tasks)

    def to_dict(
        self, *, id: str | None = None, structure: Structure | None = None
    ) -> dict[str, Any]:
        """The draft as the record ``sprep draft`` writes (JSON-ready, the fields of
        ``export.RECORD_FIELDS`` in order, lists as lists): ``id`` and ``structure``
        identify it when known. Its JSON Schema: ``serialise.record_schema()``."""
        return reply_record(self, id=id, structure=structure)

    def __str__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        """Jupyter display: each paragraph beside its step (in French), the findings
        highlighted where they are, the word count and the status in its colour.

        Everything is HTML-escaped: pseudonyms and titles come from the public.
        """
        low, high = MIN_WORDS, MAX_WORDS
        rows, offset = [], 0
        for step, text in self.step_texts:
            body = highlighted(text, offset, self.findings)
            offset += len(text) + 2  # paragraphs are joined by a blank line
            rows.append(
                '<tr><th style="text-align:left;vertical-align:top;color:#666">'
                f"{STEP_LABELS.get(step, step)}</th>"
                f'<td style="text-align:left">{body}</td></tr>'
            )
        fits = low <= self.word_count <= high
        count = (
            f'<span style="color:{"#1a7f37" if fits else "#cf222e"}">'
            f"{self.word_count} mots (attendu : {low} à {high})</span>"
        )
        summary = f"<p>{count} — {status_badge(self.status)}</p>"
        if self.attention:
            summary += (
                '<p style="color:#cf222e">À lire avant de répondre : '
                + html.escape(" ; ".join(self.attention))
                + "</p>"
            )
        return f"<div><table>{''.join(rows)}</table>{summary}{findings_html(self.findings)}</div>"

    def __repr__(self) -> str:
        return plain_repr(
            "Reply",
            status=self.status,
            tone=self.tone,
            word_count=self.word_count,
            text=self.text,
        )


def reply_record(
    reply: Reply,
    *,
    id: str | None = None,
    structure: Structure | None = None,
    notes: Iterable[str] = (),
) -> dict[str, Any]:
    """The record of a draft, as ``sprep draft`` writes it: ``id`` and ``structure``
    identify it (None when not known), ``notes`` (remarks on the row) come before the
    reply's own notes. Lists are lists, everything JSON-ready."""
    return {
        "id": id,
        "structure_id": structure.id if structure else None,
        "structure": structure.name if structure else None,
        "sentiment": reply.sentiment,
        "tone": reply.tone,
        "status": reply.status,
        "attention": list(reply.attention),
        "word_count": reply.word_count,
        "text": reply.text,
        "body": reply.body,
        "personalised_by": list(reply.personalised_by),
        "notes": [*notes, *reply.notes, *[n for n in (reply.to_add, reply.to_review) if n]],
        "findings": [f.to_dict() for f in reply.findings],
    }
