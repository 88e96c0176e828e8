"""Composing a reply: choose a phrasing per step, render it, check the length."""

from __future__ import annotations

import hashlib
import html
import re
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from math import prod
from pathlib import Path
from types import MappingProxyType, TracebackType
from typing import cast

import attrs
import jinja2
from jinja2.exceptions import SecurityError

from ..checking import Finding, check_fragments, check_reply
from ..display import STEP_LABELS, findings_html, highlighted, plain_repr, status_badge
from ..exceptions import (
    InvalidInputError,
    InvalidInputTypeError,
    MissingOrientationError,
    ReplyTooLongError,
    ReplyTooShortError,
    SprepError,
    TemplateProblemError,
    TemplateSecurityError,
)
from ..experience import (
    DEFAULT_LATE_AFTER_DAYS,
    NOTHING_SAID_CONTEXT,
    Personalisation,
    greeting_name,
    personalise,
    quotable_title,
    said_context,
)
from ..french import contact_phrase, join_alternatives
from ..inputs import Contact, Experience, Sentiment, Signature, channel_kind, clean_free_text
from ..limits import MAX_CONTACTS, MAX_WORDS, MIN_WORDS
from ..text import apply_typography, count_words
from ._environment import STEPS, TemplateSet, load_template_set
from ._sandbox import BoundedSandbox

__all__ = [
    "PERSONALISED_BY",
    "Reply",
    "draft_reply",
    "render_step",
    "step_context",
]


@attrs.frozen
class Reply:
    """A drafted reply: the text, its six steps and what was chosen to write it."""

    sentiment: Sentiment
    step_texts: tuple[tuple[str, str], ...]
    templates: tuple[str, ...]
    word_count: int
    findings: tuple[Finding, ...] = ()
    #: The sentiment the reply is written in (see ``personalisation.tone_of``).
    tone: Sentiment | None = None
    #: Why a person must read the experience first (a sensitive case); empty when none.
    attention: tuple[str, ...] = ()
    #: What of the experience the reply uses: title, channel, ratings, posted_as,
    #: similar, wait, action, agent text (see :data:`PERSONALISED_BY`).
    personalised_by: tuple[str, ...] = ()
    #: Whether the reply names the user's difficulty (the agent's situation, or a
    #: criterion the user rated negative).
    names_difficulty: bool = False
    #: What was left out to keep to 150 words, and other remarks for the agent.
    notes: tuple[str, ...] = ()
    #: The question the user asks, as they wrote it: an agent must answer it.
    question: str | None = None

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
    def ready(self) -> bool:
        """True when no finding is an error and nothing needs a person's attention."""
        return not self.attention and not any(f.severity == "error" for f in self.findings)

    @property
    def status(self) -> str:
        """``to_review`` (an error, or a sensitive case to read first); ``to_complete``
        (compliant, but the user asks a question an agent must answer, or a negative or
        neutral experience whose difficulty the reply does not name: an agent should
        add a sentence); ``ready`` otherwise."""
        if not self.ready:
            return "to_review"
        if self.question is not None:
            return "to_complete"
        if not self.names_difficulty and "negative" in (self.sentiment, self.tone):
            return "to_complete"
        if not self.names_difficulty and self.sentiment == "neutral":
            return "to_complete"
        return "ready"

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


@lru_cache(maxsize=64)
def _combinations(counts: tuple[int, ...]) -> int:
    return prod(counts)


def _choices(seed: str, sentiment: str, counts: Sequence[int]) -> list[int]:
    """Stable indices, one per step: the same seed always picks the same phrasings.

    A CRC-32 of the seed (stable across runs, machines and Python versions),
    read as a mixed-radix number: one digit per step. With more phrasings than
    32 bits can number, a BLAKE2b digest stands in.
    """
    data = f"{seed}\x1f{sentiment}".encode()
    if _combinations(tuple(counts)) <= 1 << 32:
        number = zlib.crc32(data)
    else:
        number = int.from_bytes(hashlib.blake2b(data, digest_size=32).digest(), "big")
    indices = []
    for count in counts:
        number, index = divmod(number, count)
        indices.append(index)
    return indices


def _template_line(error: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a rendering error came from, found in its traceback."""
    trace: TracebackType | None = error.__traceback__
    found: tuple[str | None, int | None] = (None, None)
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _render(templates: TemplateSet, name: str, context: dict[str, object]) -> str:
    try:
        raw = templates.template(name).render(context)
    except SecurityError as error:
        filename, line = _template_line(error)
        raise TemplateSecurityError(
            f"the template tried something unsafe and was stopped: {error}",
            template=filename or name,
            line=line,
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblemError(
            f"syntax error: {error.message}", template=error.filename or name, line=error.lineno
        ) from None
    except jinja2.TemplateError as error:
        filename, line = _template_line(error)
        raise TemplateProblemError(
            f"rendering failed: {error}", template=filename or name, line=line
        ) from None
    except SprepError:
        raise
    except Exception as error:
        if not isinstance(templates.environment, BoundedSandbox):
            raise  # a built-in template failing is a bug, not the user's problem
        # A custom template is untrusted: 1/0, 'a' + 1, a template that includes
        # itself (RecursionError) are its author's mistakes, reported as such.
        filename, line = _template_line(error)
        raise TemplateProblemError(
            f"rendering failed: {type(error).__name__}: {error}",
            template=filename or name,
            line=line,
        ) from None
    # A step is one paragraph: one line, single spaces (non-breaking spaces are kept:
    # they are typography, such as the narrow one in "1 200").
    return _LAYOUT_SPACE.sub(" ", raw).strip(" ")


#: The last tuple of contacts checked, and what came of it (one assignment: thread-safe).
_LAST_CONTACTS: tuple[object, tuple[Contact, ...]] = (None, ())


def _check_arguments(
    experience: object, signature: object, contacts: Iterable[object]
) -> tuple[Contact, ...]:
    if not isinstance(experience, Experience):
        raise InvalidInputTypeError(
            f"draft_reply needs an Experience (got {type(experience).__name__})"
        )
    if not isinstance(signature, Signature):
        raise InvalidInputTypeError(
            f"draft_reply signature must be a Signature (got {type(signature).__name__})"
        )
    global _LAST_CONTACTS
    last = _LAST_CONTACTS
    if contacts is last[0]:
        return last[1]  # a batch passes its profile's tuple for every row: checked once
    if isinstance(contacts, (str, bytes, Contact)):
        raise InvalidInputTypeError("draft_reply contacts must be a list of Contact")
    given = contacts
    contacts = tuple(contacts)
    for position, contact in enumerate(contacts):
        if contact.__class__ is not Contact and not isinstance(contact, Contact):
            raise InvalidInputTypeError(
                f"draft_reply contacts[{position}] must be a Contact (got {type(contact).__name__})"
            )
    # The same contact twice is said once (dict keys keep the first, in order).
    checked = cast(tuple[Contact, ...], tuple(dict.fromkeys(contacts)))
    if len(checked) > MAX_CONTACTS:
        raise InvalidInputError(
            f"draft_reply takes {MAX_CONTACTS} contacts at most (got {len(checked)}): "
            "point the user to the most appropriate ones"
        )
    if isinstance(given, tuple):  # immutable: the same object is the same contacts
        _LAST_CONTACTS = (given, checked)
    return checked


def _today(value: object) -> date:
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise InvalidInputTypeError(
        f"draft_reply today must be a date (got {value!r} that is a {type(value).__name__})"
    )


def _late_after_days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputTypeError(
            f"draft_reply late_after_days must be a whole number of days (got {value!r})"
        )
    if value < 0:
        raise InvalidInputError(f"draft_reply late_after_days must be 0 or more (got {value})")
    return value


def _phone_last(contacts: tuple[Contact, ...]) -> tuple[Contact, ...]:
    """The contacts with phones last, when another contact exists."""
    others = tuple(c for c in contacts if c.kind != "phone")
    if not others:
        return contacts
    return others + tuple(c for c in contacts if c.kind == "phone")


def _for_country(
    experience: Experience, contacts: tuple[Contact, ...]
) -> tuple[tuple[Contact, ...], list[str]]:
    """The contacts a user can use from where they live, and a note on what was left out.

    A user abroad (``Experience.country`` not France) is not offered a contact that
    cannot be used from abroad (:attr:`Contact.abroad`: a French short number, an 08
    number), when another contact exists; when none exists, the note says so.
    """
    if not experience.abroad:
        return contacts, []
    usable = tuple(c for c in contacts if c.abroad)
    left_out = [c.value for c in contacts if not c.abroad]
    if not left_out:
        return contacts, []
    if not usable:
        return contacts, [
            f"the user lives abroad ({experience.country}) and no contact can be used "
            f"from there: {', '.join(left_out)}"
        ]
    return usable, [f"left out for a user abroad ({experience.country}): {', '.join(left_out)}"]


def draft_reply(
    experience: Experience,
    *,
    signature: Signature,
    contacts: Iterable[Contact] = (),
    situation: str | None = None,
    answer: str | None = None,
    improvement: str | None = None,
    template_dir: str | Path | None = None,
    today: date | None = None,
    late_after_days: int = DEFAULT_LATE_AFTER_DAYS,
) -> Reply:
    """Draft the six-step reply the DITP guide asks for.

    ``situation`` (step 3), ``answer`` (step 4) and ``improvement`` (step 5)
    are the agent's own sentences; ``contacts`` the channels to point the user
    to. A reply needs an orientation: at least one contact or an ``answer``.

    The reply also reads what the export records about the experience (see
    :class:`Experience`): the criteria the user rated, who wrote, how many
    others lived the same, the registered action, and, written on ``today``
    (None: today's date), a short apology when the experience was published
    more than ``late_after_days`` before. A sensitive case (a death, violence…
    in the description) gives ``reply.attention`` its reasons and a sober reply.

    Raises :class:`InvalidInputError` for a refused value,
    :class:`MissingOrientationError` with neither contact nor answer,
    :class:`ReplyTooLongError` when the agent's text makes the reply longer than
    150 words (the message says which field and by how much), and
    :class:`TemplateProblemError` for a broken custom template.
    """
    checked_contacts = _check_arguments(experience, signature, contacts)
    free_text = {
        "situation": clean_free_text("situation", situation),
        "answer": clean_free_text("answer", answer),
        "improvement": clean_free_text("improvement", improvement),
    }
    if not checked_contacts and free_text["answer"] is None:
        raise MissingOrientationError(
            "a reply must orient the user: give at least one contact "
            "(Contact(kind='phone', value='32 30')) or a first-level answer (answer='…')"
        )
    if late_after_days.__class__ is not int or late_after_days < 0:
        _late_after_days(late_after_days)  # raises, naming the argument
    if today is not None and today.__class__ is not date:
        today = _today(today)  # a datetime, or refused
    reading = personalise(experience, today=today, late_after_days=late_after_days)
    notes: list[str] = []
    if experience.country is not None:
        checked_contacts, notes = _for_country(experience, checked_contacts)
    if reading.phone_unreachable:
        checked_contacts = _phone_last(checked_contacts)
    templates = load_template_set(template_dir)
    context = step_context(experience, signature, checked_contacts, free_text, reading)
    seed = experience.id or repr((experience, free_text, checked_contacts))
    tone = reading.tone
    options = templates.by_tone[tone]
    indices = _choices(seed, tone, templates.counts_by_tone[tone])
    chosen = tuple([names[index] for names, index in zip(options, indices, strict=True)])
    rendered = _render_steps(templates, chosen, context, signature)
    # Steps are paragraphs: the reply's words are the sum of theirs.
    word_count = sum([count for _text, count, _uses in rendered])
    if word_count > MAX_WORDS:
        for variable, shorter in _LEFT_OUT_FIRST:
            value = shorter(context[variable])
            if value == context[variable]:
                continue
            context = {**context, variable: value}
            rendered = _render_steps(templates, chosen, context, signature)
            word_count = sum([count for _text, count, _uses in rendered])
            notes.append(f"left out to keep to {MAX_WORDS} words: {_LEFT_OUT_NAMES[variable]}")
            if word_count <= MAX_WORDS:
                break
    texts: list[str] = []
    depends_on: list[frozenset[str]] = []
    for text, _count, uses in rendered:
        texts.append(text)
        if uses:
            depends_on.append(uses)
    step_texts = tuple(zip(STEPS, texts, strict=True))
    _check_length(word_count, chosen, free_text)
    fragments = [text for text in free_text.values() if text]
    # What of the experience changed the reply (found once per rendering: see _rendered_step).
    used = []
    if depends_on:
        union = frozenset().union(*depends_on)
        used = [item for item in _ITEMS if item in union]
    if "action" in used and reading.action is not None:
        fragments.append(reading.action)
    if "occasion" in used:
        # The occasion names the procedure when the user's words name one, else the channel.
        used[used.index("occasion")] = "procedure" if reading.said.procedure else "channel"
    if any(free_text.values()):
        used.append("agent text")
    notes.extend(reading.said.notes)
    if context["posted_as"] != reading.posted_as:
        notes.append("written for a relative who died: the reply speaks to the writer")
    findings: list[Finding] = []
    if template_dir is not None:
        findings = check_reply(
            "\n\n".join(text for _step, text in step_texts),
            pseudonym=experience.pseudonym,
            signature=signature,
            contacts=checked_contacts,
            sentiment=tone,
        )
    elif fragments:
        # The built-in templates are proven compliant by the test suite (every
        # phrasing, every input shape): only what the agent wrote needs checking.
        findings = check_fragments(
            "\n\n".join(text for _step, text in step_texts),
            fragments,
            contacts=checked_contacts,
        )
    names_difficulty = free_text["situation"] is not None or (
        "ratings" in used and bool(context["hard"])
    )
    return Reply(
        sentiment=experience.sentiment,
        step_texts=step_texts,
        templates=chosen,
        word_count=word_count,
        findings=tuple(findings),
        tone=tone,
        attention=reading.attention,
        personalised_by=tuple(used),
        names_difficulty=names_difficulty,
        notes=tuple(notes),
        # A question the agent answers in the reply is answered.
        question=None if free_text["answer"] else reading.said.question,
    )


def _fewer_criteria(names: object) -> object:
    return names[:-1] if isinstance(names, tuple) else names


#: What a reply leaves out, in this order, when the agent's own text leaves no room
#: for it within 150 words: (context variable, how to shorten it).
_LEFT_OUT_FIRST: tuple[tuple[str, Callable[[object], object]], ...] = (
    ("liked", _fewer_criteria),
    ("liked", _fewer_criteria),
    ("similar", lambda value: 0),
    ("late", lambda value: False),
    ("hard", _fewer_criteria),
    ("bereaved", lambda value: "" if value else value),
)
_LEFT_OUT_NAMES = {
    "liked": "a criterion the user appreciated",
    "similar": "the others who lived the same",
    "late": "the apology for the late answer",
    "hard": "a criterion the user found hard",
    "bereaved": "who died, in the condolences",
}

#: What of the experience a reply can use, and the context variables that carry it.
PERSONALISED_BY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("title", ("title",)),
    ("channel", ("channel",)),
    ("occasion", ("occasion",)),
    ("ratings", ("hard", "liked")),
    ("access", ("access",)),
    ("mixed", ("mixed",)),
    ("question", ("asks",)),
    ("suggestion", ("point",)),
    ("bereavement", ("bereaved",)),
    ("posted_as", ("posted_as",)),
    ("similar", ("similar",)),
    ("wait", ("late",)),
    ("action", ("action",)),
)

_ITEMS = tuple(item for item, _variables in PERSONALISED_BY)

#: Each of those variables when the experience says nothing of it.
_SAYS_NOTHING: dict[str, object] = {
    "title": None,
    "channel": None,
    "hard": (),
    "liked": (),
    "posted_as": "self",
    "similar": 0,
    "late": False,
    "action": None,
    **NOTHING_SAID_CONTEXT,
}


def _render_steps(
    templates: TemplateSet,
    chosen: Sequence[str],
    context: Mapping[str, object],
    signature: Signature,
) -> list[tuple[str, int, frozenset[str]]]:
    return [
        _rendered_step(templates, step, name, context, signature)
        for step, name in zip(STEPS, chosen, strict=True)
    ]


def _items_used(
    templates: TemplateSet,
    step: str,
    name: str,
    context: Mapping[str, object],
    signature: Signature,
    text: str,
) -> frozenset[str]:
    """What of the experience (PERSONALISED_BY) the step's text depends on: each item
    the phrasing reads, whose value says something, and without which the text differs."""
    reads = templates.reads[name]
    used = []
    for item, variables in PERSONALISED_BY:
        if reads.isdisjoint(variables) or all(context[v] == _SAYS_NOTHING[v] for v in variables):
            continue
        plain = {**context, **{v: _SAYS_NOTHING[v] for v in variables}}
        if render_step(templates, step, name, plain, signature) != text:
            used.append(item)
    return frozenset(used)


_RENDER_CACHE_SIZE = 100_000


def _rendered_step(
    templates: TemplateSet,
    step: str,
    name: str,
    context: Mapping[str, object],
    signature: Signature,
) -> tuple[str, int, frozenset[str]]:
    """A step's text, its word count and what of the experience it depends on,
    rendered once per phrasing and values it reads."""
    signer = (signature.closing, signature.line) if step == "signature" else None
    key = (name, signer, templates.key_of[name](context))
    found = templates.rendered.get(key)
    if found is None:
        text = render_step(templates, step, name, context, signature)
        found = (
            text,
            count_words(text),
            _items_used(templates, step, name, context, signature, text),
        )
        if len(templates.rendered) >= _RENDER_CACHE_SIZE:
            templates.rendered.clear()
        templates.rendered[key] = found
    return found


def step_context(
    experience: Experience,
    signature: Signature,
    contacts: tuple[Contact, ...],
    free_text: Mapping[str, str | None],
    reading: Personalisation | None = None,
) -> dict[str, object]:
    """The variables every step template receives (all validated, none undefined)."""
    if reading is None:
        reading = personalise(
            experience, today=date.today(), late_after_days=DEFAULT_LATE_AFTER_DAYS
        )
    channel = channel_kind(experience.channels)
    return {
        "pseudonym": greeting_name(experience.pseudonym),
        # A sensitive case's title is not quoted back.
        "title": None if reading.sober else quotable_title(experience.title),
        "channel": channel,
        "contacts": _phrase_of(contacts) if contacts else None,
        "organisation": signature.organisation,
        "first_name": signature.first_name,
        "situation": free_text.get("situation"),
        "answer": free_text.get("answer"),
        "improvement": free_text.get("improvement"),
        "hard": reading.hard,
        "liked": reading.liked,
        # "votre proche" is never the one who died: the reply speaks to the writer.
        "posted_as": "self"
        if reading.said.bereaved is not None and reading.posted_as == "relative"
        else reading.posted_as,
        "similar": reading.similar,
        "late": reading.late,
        # The agent's own improvement wins over the registered action.
        "action": None if free_text.get("improvement") else reading.action,
        "sober": reading.sober,
        **said_context(
            reading.said,
            channel=channel,
            tone=reading.tone,
            sentiment=experience.sentiment,
            hard=reading.hard,
            liked=reading.liked,
        ),
    }


_LAST_PHRASE: tuple[object, str] = (None, "")


def _phrase_of(contacts: tuple[Contact, ...]) -> str:
    """The contacts as the orientation says them; the same tuple as last time is not
    hashed again (a batch passes one tuple for every row)."""
    global _LAST_PHRASE
    last = _LAST_PHRASE
    if contacts is last[0]:
        return last[1]
    phrase = _contacts_phrase(contacts)
    _LAST_PHRASE = (contacts, phrase)
    return phrase


@lru_cache(maxsize=1024)
def _contacts_phrase(contacts: tuple[Contact, ...]) -> str:
    return join_alternatives([contact_phrase(c) for c in contacts])


_DIGIT = re.compile(r"\d")


def render_every_phrasing(templates: TemplateSet) -> None:
    """Render every phrasing once, with an ordinary experience of its sentiment.

    Raises :class:`TemplateProblemError` (or :class:`TemplateSecurityError`) for the
    first one that fails: what fails for an ordinary experience is a broken folder.
    """
    signature = Signature("Jean", "la Caf de Paris")
    contacts = (Contact("phone", "32 30"),)
    for (sentiment, step), names in templates.variants.items():
        experience = Experience(
            sentiment=sentiment,
            id="trial",
            pseudonym="Sandrine",
            title="Relevé de carrière",
            channels=("Téléphone",),
        )
        context = step_context(experience, signature, contacts, {})
        for name in names:
            render_step(templates, step, name, context, signature)


def step_word_count(
    templates: TemplateSet,
    step: str,
    name: str,
    context: Mapping[str, object],
    signature: Signature,
) -> int:
    """``count_words(render_step(...))``, faster: typography changes a word count only
    around digits (``48h`` → ``48 h``), so a step without digits is counted untypeset.
    For the exhaustive length proof, which renders hundreds of thousands of steps."""
    if step == "signature":
        return count_words(render_step(templates, step, name, context, signature))
    raw = _render(templates, name, dict(context))
    if not raw:
        raise TemplateProblemError(f"the {step} step rendered empty", template=name)
    return count_words(apply_typography(raw) if _DIGIT.search(raw) else raw)


def render_step(
    templates: TemplateSet,
    step: str,
    name: str,
    context: Mapping[str, object],
    signature: Signature,
) -> str:
    """One step's paragraph from template ``name``, typeset.

    The signature step is the politeness formula (the signer's own ``closing``
    when set) and, on the next line, "Prénom, pour Organisme".
    """
    if step == "signature" and signature.closing is not None:
        rendered = signature.closing
    else:
        rendered = _render(templates, name, dict(context))
    if not rendered:
        raise TemplateProblemError(f"the {step} step rendered empty", template=name)
    if step == "signature":
        rendered = f"{rendered}\n{signature.line}"
    return apply_typography(rendered)


def _check_length(
    word_count: int, templates: Sequence[str], free_text: Mapping[str, str | None]
) -> None:
    if MIN_WORDS <= word_count <= MAX_WORDS:
        return
    words = {field: count_words(text) for field, text in free_text.items() if text}
    if word_count > MAX_WORDS:
        excess = word_count - MAX_WORDS
        parts = ", ".join(
            f"{field} ({count} words)"
            for field, count in sorted(words.items(), key=lambda item: -item[1])
        )
        advice = f"shorten {parts}" if parts else "use fewer or shorter contacts"
        raise ReplyTooLongError(
            f"the reply would be {word_count} words, {excess} more than the guide's "
            f"{MAX_WORDS}: {advice} by {excess} words in all",
            word_count=word_count,
            free_text_words=words,
        )
    if word_count < MIN_WORDS:
        raise ReplyTooShortError(
            f"the reply would be {word_count} words, {MIN_WORDS - word_count} fewer "
            f"than the guide's {MIN_WORDS}: write a fuller situation, answer or improvement "
            f"(or lengthen the templates {', '.join(templates)})",
            word_count=word_count,
            free_text_words=words,
        )
