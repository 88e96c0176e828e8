"""The reply a draft gives: its text, its steps, its status, and how it shows."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from ..checking import Finding
from ..display import STEP_LABELS, findings_html, highlighted, plain_repr, status_badge
from ..experience._requests import for_agent
from ..inputs import Sentiment
from ..limits import MAX_WORDS, MIN_WORDS
from ..vocabulary import Status

if TYPE_CHECKING:
    from ..inputs import Structure

__all__ = ["Reply", "reply_record"]


def _for_agent(text: str | None) -> str | None:
    """A sentence of the user's as a note quotes it: no personal data, nothing a UTF-8
    output cannot write (``experience._requests.for_agent``), whichever reading
    quoted it."""
    return None if text is None else for_agent(text)


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
    ``complaint`` (the user's sentence that carries the complaint); described below.
    Use ``text``, ``body``, ``steps``, ``status`` and ``to_dict()``.
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
    question: str | None = attrs.field(default=None, converter=_for_agent)
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
        situation, distress, staff behaviour or serious harm told; see ``attention``);
        ``to_complete`` (compliant, but the user asks a question or an action, or is
        blocked, which an agent must answer with a first-level answer, the next step
        or a contact; or a negative or neutral experience whose difficulty the reply
        does not name: an agent should add a sentence); ``ready`` otherwise: an agent
        can send it as it is."""
        if not self.compliant:
            return "to_review"
        if self.question is not None or self.request is not None or self.blocked is not None:
            return "to_complete"
        if not self.names_difficulty and "negative" in (self.sentiment, self.tone):
            return "to_complete"
        if not self.names_difficulty and self.sentiment == "neutral":
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
        if self.request is not None and self.request != self.question:
            tasks.append(
                f"the user asks for an action or an answer: « {self.request} »: say what "
                "will be done, or who can do it"
            )
        if self.blocked is not None and self.blocked not in (self.question, self.request):
            tasks.append(
                f"the user is blocked: « {self.blocked} »: give the next step or the "
                "contact who can act"
            )
        if not tasks:
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
        "notes": [*notes, *reply.notes, *([reply.to_add] if reply.to_add else [])],
        "findings": [f.to_dict() for f in reply.findings],
    }
