"""Composing a reply: choose a phrasing per step, render it, check the length."""

from __future__ import annotations

import hashlib
import html
import zlib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from math import prod
from pathlib import Path
from types import MappingProxyType, TracebackType

import attrs
import jinja2
from jinja2.exceptions import SecurityError

from .checking import Finding, check_fragments, check_reply
from .environment import STEPS, TemplateSet, load_template_set
from .exceptions import (
    InvalidInputError,
    MissingOrientationError,
    ReplyTooLongError,
    ReplyTooShortError,
    TemplateProblemError,
    TemplateSecurityError,
)
from .french import contact_phrase, join_alternatives
from .inputs import Contact, Experience, Sentiment, Signature, channel_kind, clean_free_text
from .limits import MAX_WORDS, MIN_WORDS
from .screening import greeting_name, quotable_title
from .text import apply_typography, count_words

__all__ = [
    "GUARANTEED_LIMITS",
    "MAX_WORDS",
    "MIN_WORDS",
    "Reply",
    "draft_reply",
    "render_step",
    "step_context",
]


#: Inputs within these limits always give a reply of 60 to 150 words, whatever
#: the sentiment, channel, pseudonym, title and phrasings (proven by the tests).
#: Beyond them a reply may still fit; when it does not, draft_reply raises
#: ReplyTooLongError saying which field to shorten and by how many words.
GUARANTEED_LIMITS = MappingProxyType(
    {
        "situation_words": 15,
        "answer_words": 25,
        "improvement_words": 15,
        "contacts": 2,  # phone, web or e-mail, without label
        "organisation_words": 7,
        "first_name_words": 2,
        "min_free_text_words": 5,  # a situation, answer or improvement given has at least 5 words
    }
)
_MAX_CONTACTS = 4


@attrs.frozen
class Reply:
    """A drafted reply: the text, its six steps and what was chosen to write it."""

    sentiment: Sentiment
    step_texts: tuple[tuple[str, str], ...]
    templates: tuple[str, ...]
    word_count: int
    findings: tuple[Finding, ...] = ()

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
        """True when no finding is an error."""
        return not any(f.severity == "error" for f in self.findings)

    def __str__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        """Jupyter display: each paragraph with its step, the word count, the findings.

        Everything is HTML-escaped: pseudonyms and titles come from the public.
        """
        low, high = MIN_WORDS, MAX_WORDS
        fits = low <= self.word_count <= high
        rows = []
        for step, text in self.step_texts:
            body = html.escape(text).replace("\n", "<br>")
            rows.append(
                f'<tr><th style="text-align:left;vertical-align:top;color:#666">{step}</th>'
                f'<td style="text-align:left">{body}</td></tr>'
            )
        colour = "#1a7f37" if fits else "#cf222e"
        summary = (
            f'<p style="color:{colour}">{self.word_count} mots (attendu : {low} à {high}) — '
            f"{'prête' if self.ready else 'à revoir'}</p>"
        )
        findings = "".join(
            f'<li style="color:{"#cf222e" if f.severity == "error" else "#9a6700"}">'
            f"{html.escape(f.severity)} [{html.escape(f.rule)}] {html.escape(f.message)}</li>"
            for f in self.findings
        )
        return (
            f"<div><table>{''.join(rows)}</table>{summary}"
            + (f"<ul>{findings}</ul>" if findings else "")
            + "</div>"
        )


def _choices(seed: str, sentiment: str, counts: Sequence[int]) -> list[int]:
    """Stable indices, one per step: the same seed always picks the same phrasings.

    A CRC-32 of the seed (stable across runs, machines and Python versions),
    read as a mixed-radix number: one digit per step. With more phrasings than
    32 bits can number, a BLAKE2b digest stands in.
    """
    data = f"{seed}\x1f{sentiment}".encode()
    if prod(counts) <= 1 << 32:
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
    # A step is one paragraph: one line, single spaces.
    return " ".join(raw.split())


def _check_arguments(
    experience: object, signature: object, contacts: Iterable[object]
) -> tuple[Contact, ...]:
    if not isinstance(experience, Experience):
        raise InvalidInputError(
            f"draft_reply needs an Experience (got {type(experience).__name__})"
        )
    if not isinstance(signature, Signature):
        raise InvalidInputError(
            f"draft_reply signature must be a Signature (got {type(signature).__name__})"
        )
    if isinstance(contacts, (str, bytes, Contact)):
        raise InvalidInputError("draft_reply contacts must be a list of Contact")
    checked: list[Contact] = []
    for position, contact in enumerate(contacts):
        if isinstance(contact, Contact):
            if contact not in checked:  # the same contact twice is said once
                checked.append(contact)
        else:
            raise InvalidInputError(
                f"draft_reply contacts[{position}] must be a Contact (got {type(contact).__name__})"
            )
    if len(checked) > _MAX_CONTACTS:
        raise InvalidInputError(
            f"draft_reply takes {_MAX_CONTACTS} contacts at most (got {len(checked)}): "
            "point the user to the most appropriate ones"
        )
    return tuple(checked)


def draft_reply(
    experience: Experience,
    *,
    signature: Signature,
    contacts: Iterable[Contact] = (),
    situation: str | None = None,
    answer: str | None = None,
    improvement: str | None = None,
    template_dir: str | Path | None = None,
) -> Reply:
    """Draft the six-step reply the DITP guide asks for.

    ``situation`` (step 3), ``answer`` (step 4) and ``improvement`` (step 5)
    are the agent's own sentences; ``contacts`` the channels to point the user
    to. A reply needs an orientation: at least one contact or an ``answer``.

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
    templates = load_template_set(template_dir)
    context = step_context(experience, signature, checked_contacts, free_text)
    seed = experience.id or repr((experience, free_text, checked_contacts))
    sentiment = experience.sentiment
    options = [templates.variants[(sentiment, step)] for step in STEPS]
    indices = _choices(seed, sentiment, [len(names) for names in options])
    chosen = tuple(names[index] for names, index in zip(options, indices, strict=True))
    rendered = [
        _rendered_step(templates, step, name, context, signature)
        for step, name in zip(STEPS, chosen, strict=True)
    ]
    step_texts = tuple((step, text) for step, (text, _count) in zip(STEPS, rendered, strict=True))
    # Steps are paragraphs: the reply's words are the sum of theirs.
    word_count = sum(count for _text, count in rendered)
    _check_length(word_count, chosen, free_text)
    fragments = [text for text in free_text.values() if text]
    findings: list[Finding] = []
    if template_dir is not None:
        findings = check_reply(
            "\n\n".join(text for _step, text in step_texts),
            pseudonym=experience.pseudonym,
            signature=signature,
            contacts=checked_contacts,
            sentiment=sentiment,
        )
    elif fragments:
        # The built-in templates are proven compliant by the test suite (every
        # phrasing, every input shape): only what the agent wrote needs checking.
        findings = check_fragments(
            "\n\n".join(text for _step, text in step_texts),
            fragments,
            contacts=checked_contacts,
        )
    return Reply(
        sentiment=sentiment,
        step_texts=step_texts,
        templates=chosen,
        word_count=word_count,
        findings=tuple(findings),
    )


_RENDER_CACHE_SIZE = 100_000


def _rendered_step(
    templates: TemplateSet,
    step: str,
    name: str,
    context: Mapping[str, object],
    signature: Signature,
) -> tuple[str, int]:
    """A step's text and word count, rendered once per phrasing and values it reads."""
    signer = (signature.closing, signature.line) if step == "signature" else None
    key = (name, signer, templates.key_of[name](context))
    found = templates.rendered.get(key)
    if found is None:
        text = render_step(templates, step, name, context, signature)
        found = (text, count_words(text))
        if len(templates.rendered) >= _RENDER_CACHE_SIZE:
            templates.rendered.clear()
        templates.rendered[key] = found
    return found


def step_context(
    experience: Experience,
    signature: Signature,
    contacts: tuple[Contact, ...],
    free_text: Mapping[str, str | None],
) -> dict[str, object]:
    """The variables every step template receives (all validated, none undefined)."""
    return {
        "pseudonym": greeting_name(experience.pseudonym),
        "title": quotable_title(experience.title),
        "channel": channel_kind(experience.channels),
        "contacts": _contacts_phrase(contacts) if contacts else None,
        "organisation": signature.organisation,
        "first_name": signature.first_name,
        "situation": free_text.get("situation"),
        "answer": free_text.get("answer"),
        "improvement": free_text.get("improvement"),
    }


@lru_cache(maxsize=1024)
def _contacts_phrase(contacts: tuple[Contact, ...]) -> str:
    return join_alternatives([contact_phrase(c) for c in contacts])


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
