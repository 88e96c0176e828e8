"""Drafting a reply: check the arguments, read the experience once, choose a phrasing
per step, render it (each rendering kept: see ``_render_cache``), check the length."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from math import prod
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..arguments import shown
from ..checking import Finding, check_fragments, check_reply
from ..exceptions import (
    InvalidInputError,
    InvalidInputTypeError,
    MissingOrientationError,
    ReplyTooLongError,
    ReplyTooShortError,
)
from ..experience import (
    DEFAULT_LATE_AFTER_DAYS,
    NOTHING_SAID,
    Personalisation,
    failed_channels,
    failed_contacts_last,
    personalise,
    voiced_notes,
)
from ..inputs import Contact, Experience, Signature, clean_free_text
from ..limits import MAX_CONTACTS, MAX_WORDS, MIN_WORDS
from ..signing import SigningProfile, signer_arguments
from ..steps import STEPS
from ..text import count_words
from ._contract import (
    LEFT_OUT_FIRST,
    LEFT_OUT_NAMES,
    PERSONALISED_BY,
    PERSONALISED_ITEMS,
    VALUES_WHEN_UNSAID,
    step_context,
)
from ._environment import TemplateSet
from ._notes import clean_notes
from ._render_cache import RenderedReply
from ._rendering import render_step
from ._reply import Reply, missing_of
from ._salt import salt_set, salted
from ._templates import load_template_set

if TYPE_CHECKING:
    from ..inputs import Structure

__all__ = ["draft_reply"]


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


def _chosen(templates: TemplateSet, seed: str, tone: str) -> tuple[str, ...]:
    """The phrasing of each step for ``seed``: the names :func:`_choices`' indices pick
    (the same digits, read straight into names)."""
    table = templates.choice_table(tone)
    if table is not None:
        # the number's digits are those of its remainder by the product of the counts
        return table[zlib.crc32(f"{seed}\x1f{tone}".encode()) % len(table)]
    counts = templates.counts_by_tone[tone]  # type: ignore[index]
    if _combinations(counts) > 1 << 32:
        indices = _choices(seed, tone, counts)
        return tuple(
            [names[i] for names, i in zip(templates.by_tone[tone], indices, strict=True)]  # type: ignore[index]
        )
    number = zlib.crc32(f"{seed}\x1f{tone}".encode())
    chosen = []
    for names in templates.by_tone[tone]:  # type: ignore[index]
        number, index = divmod(number, len(names))
        chosen.append(names[index])
    return tuple(chosen)


#: The last tuple of contacts checked, and what came of it (one assignment: thread-safe).
_LAST_CONTACTS: tuple[object, tuple[Contact, ...]] = (object(), ())


def _check_arguments(
    experience: object, signature: object, contacts: Iterable[object]
) -> tuple[Contact, ...]:
    if not isinstance(experience, Experience):
        raise InvalidInputTypeError(
            f"draft_reply: experience must be an Experience (got {type(experience).__name__})"
        )
    if not isinstance(signature, Signature):
        raise InvalidInputTypeError(
            f"draft_reply signature must be a Signature (got {type(signature).__name__})"
        )
    global _LAST_CONTACTS
    last = _LAST_CONTACTS
    if contacts is last[0]:
        return last[1]  # a batch passes its profile's tuple for every row: checked once
    if contacts is None:
        return ()  # None: no contacts, as ()
    if isinstance(contacts, (str, bytes, Contact)) or not isinstance(contacts, Iterable):
        raise InvalidInputTypeError(
            "draft_reply contacts must be a list of Contact (got "
            f"{shown(contacts)} that is a {type(contacts).__name__})"
        )
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


#: The last experience read, and its reading (one assignment: thread-safe). A batch's
#: drafts of a row again under another choice of phrasings (``export._repeats``, a salt
#: set) take it rather than read the experience again; any other draft reads it.
_LAST_READING: tuple[object, date | None, int, Personalisation | None] = (object(), None, 0, None)


def _reading(experience: Experience, today: date | None, late_after_days: int) -> Personalisation:
    """``personalise(experience…)``, or, for a draft again under a salt, the last
    reading when it was of this experience."""
    global _LAST_READING
    if today is None:
        today = date.today()  # what personalise reads None as; the key must say the day
    last = _LAST_READING
    if salt_set() and last[3] is not None and last[1] == today and last[2] == late_after_days:
        if last[0] is experience or last[0] == experience:
            return last[3]
    reading = personalise(experience, today=today, late_after_days=late_after_days)
    _LAST_READING = (experience, today, late_after_days, reading)
    return reading


def _today(value: object) -> date:
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise InvalidInputTypeError(
        f"draft_reply today must be a date (got {shown(value)} that is a {type(value).__name__})"
    )


def _late_after_days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputTypeError(
            f"draft_reply late_after_days must be a whole number of days (got {shown(value)})"
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
    signature: Signature | None = None,
    contacts: Iterable[Contact] | None = None,
    situation: str | None = None,
    answer: str | None = None,
    improvement: str | None = None,
    template_dir: str | Path | None = None,
    today: date | None = None,
    late_after_days: int | None = None,
    profile: SigningProfile | None = None,
    structure: Structure | str | None = None,
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

    Who signs: ``signature`` and ``contacts`` (with ``template_dir`` and
    ``late_after_days``: a month by default), or ``profile`` (a :class:`Profile`, set
    once), with ``structure`` (a :class:`Structure`, a name or an id) choosing the
    profile's section. Giving one of those four beside ``profile`` is an
    :class:`InvalidInputError`: the profile is the one place they are set.
    """
    if profile is not None or signature is None or structure is not None:
        signature, contacts, template_dir, late_after_days = signer_arguments(  # type: ignore[assignment]
            profile, structure, signature, contacts, template_dir, late_after_days
        )
    elif late_after_days is None:
        late_after_days = DEFAULT_LATE_AFTER_DAYS
    checked_contacts = _check_arguments(experience, signature, () if contacts is None else contacts)
    signature = cast(Signature, signature)  # checked above
    free_text = {
        "situation": clean_free_text("situation", situation),
        "answer": clean_free_text("answer", answer),
        "improvement": clean_free_text("improvement", improvement),
    }
    if not checked_contacts and free_text["answer"] is None:
        raise MissingOrientationError(
            "a reply must orient the user: give at least one contact in contacts "
            "(Contact(kind='phone', value='32 30')) or a first-level answer (answer='…')"
        )
    if late_after_days.__class__ is not int or late_after_days < 0:
        _late_after_days(late_after_days)  # raises, naming the argument
    if today is not None and today.__class__ is not date:
        today = _today(today)  # a datetime, or refused
    reading = _reading(experience, today, late_after_days)
    notes: list[str] = []
    if experience.country is not None:
        checked_contacts, notes = _for_country(experience, checked_contacts)
    if reading.phone_unreachable:
        checked_contacts = _phone_last(checked_contacts)
    # Nor an e-mail the user says went unanswered (experience._channels).
    failed = failed_channels(reading)
    if failed:
        checked_contacts = failed_contacts_last(checked_contacts, failed)
    templates = load_template_set(template_dir)
    context, replies = _context(experience, signature, checked_contacts, free_text, reading)
    # A batch may salt the seed of a draft that would repeat others (drafting._salt).
    seed = salted(experience.id or repr((experience, free_text, checked_contacts)))
    tone = reading.tone
    chosen = _chosen(templates, seed, tone)
    kept = replies.get(chosen) if replies is not None else None
    if kept is not None and kept[0] is templates:
        texts, word_count, items = kept[1]
    else:
        rendered = _rendered_reply(templates, chosen, context, signature, whole=replies is not None)
        if replies is not None:  # the context's replies: one lookup by the choice alone
            if len(replies) >= _REPLIES_PER_CONTEXT:
                replies.clear()
            replies[chosen] = (templates, rendered)
        texts, word_count, items = rendered
    if word_count > MAX_WORDS:
        for variable, shorter in LEFT_OUT_FIRST:
            value = shorter(context[variable])
            if value == context[variable]:
                continue
            context = {**context, variable: value}
            texts, word_count, items = _rendered_reply(
                templates, chosen, context, signature, whole=replies is not None
            )
            notes.append(f"left out to keep to {MAX_WORDS} words: {LEFT_OUT_NAMES[variable]}")
            if word_count <= MAX_WORDS:
                break
    step_texts = tuple(zip(STEPS, texts, strict=True))
    _check_length(word_count, chosen, free_text)
    fragments = [text for text in free_text.values() if text]
    # What of the experience changed the reply (found once per rendering: see _rendered_step).
    used = list(items)
    if "action" in used and reading.action is not None:
        fragments.append(reading.action)
    if "occasion" in used:
        # The occasion names the procedure when the user's words name one, else the channel.
        used[used.index("occasion")] = "procedure" if reading.said.procedure else "channel"
    if any(free_text.values()):
        used.append("agent text")
    if reading.said.notes:
        notes.extend(voiced_notes(reading.said.notes, reading.hard, reading.liked))
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
    # The user's own point (a suggestion, a technical problem) thanked as such is what
    # they came to say: a plain suggestion is no draft to complete.
    names_difficulty = (
        free_text["situation"] is not None
        or ("ratings" in used and bool(context["hard"]))
        # The user's own problem said in place of the criteria they rated negative.
        or ("problem" in used and bool(reading.hard))
        or "suggestion" in used
    )
    asks = reading.said.requests
    answered = free_text["answer"] is not None
    missing = missing_of(
        sentiment=experience.sentiment,
        said=reading.said,
        used=used,
        named_hard=cast(tuple[str, ...], context["hard"]) if "ratings" in used else (),
        description=experience.description,
        situation=free_text["situation"] is not None,
        answered=answered,
    )
    return Reply(
        sentiment=experience.sentiment,
        step_texts=step_texts,
        templates=chosen,
        word_count=word_count,
        findings=tuple(findings),
        tone=tone,
        attention=reading.attention + asks.review,
        personalised_by=tuple(used),
        names_difficulty=names_difficulty,
        notes=tuple(clean_notes(notes, experience.channels, used)) if notes else (),
        # A question, a request or a blockage the agent answers in the reply is answered;
        # a satisfied user's blockage is a wait that ended (read in a reply of regret only).
        question=None if answered else reading.said.question,
        request=None if answered else asks.request,
        blocked=None if answered or tone == "positive" else asks.blocked,
        complaint=asks.complaint,
        complaint_is_title=asks.complaint_is_title,
        missing=missing,
    )


#: The items of each set a reply's steps depend on, in PERSONALISED_ITEMS' order (a
#: batch has a few dozen sets).
_ORDERED: dict[frozenset[str], tuple[str, ...]] = {}


def _in_order(items: frozenset[str]) -> list[str]:
    """``items`` in the order of :data:`PERSONALISED_ITEMS` (a new list)."""
    found = _ORDERED.get(items)
    if found is None:
        found = tuple(item for item in PERSONALISED_ITEMS if item in items)
        if len(_ORDERED) >= 1024:
            _ORDERED.clear()
        _ORDERED[items] = found
    return list(found)


#: A shared context's replies: for each choice of phrasings, the template set they were
#: rendered with and what came of it (see :func:`_rendered_reply`).
_Replies = dict[tuple[str, ...], tuple[TemplateSet, RenderedReply]]
#: The contexts of replies whose experience's words say nothing (its reading is one of
#: personalise's few shared readings), with their replies: (signature, contacts,
#: {key: (reading, context, replies)}), for the last signature and contacts (a batch
#: passes the same ones for every row).
_PLAIN_CONTEXTS: tuple[
    object, object, dict[tuple[object, ...], tuple[object, dict[str, object], _Replies]]
]
_PLAIN_CONTEXTS = (object(), object(), {})
#: At most this many replies kept per shared context.
_REPLIES_PER_CONTEXT = 256


def clear_plain_contexts() -> None:
    """Forget the shared contexts and their replies (``clear_caches``)."""
    global _PLAIN_CONTEXTS
    _PLAIN_CONTEXTS = (object(), object(), {})


def _context(
    experience: Experience,
    signature: Signature,
    contacts: tuple[Contact, ...],
    free_text: Mapping[str, str | None],
    reading: Personalisation,
) -> tuple[dict[str, object], _Replies | None]:
    """:func:`step_context`, remembered for experiences whose words say nothing (what
    the context reads of them is their sentiment, pseudonym, title and channels), with
    the replies kept for that context (None when not remembered). The context is
    shared: it is never changed (a shorter one is a new dict)."""
    if reading.said is not NOTHING_SAID:
        return step_context(experience, signature, contacts, free_text, reading), None
    global _PLAIN_CONTEXTS
    last = _PLAIN_CONTEXTS
    if last[0] is not signature or last[1] is not contacts:
        last = _PLAIN_CONTEXTS = (signature, contacts, {})
    key = (
        id(reading),
        experience.sentiment,
        experience.pseudonym,
        experience.title,
        experience.channels,
        free_text["situation"],
        free_text["answer"],
        free_text["improvement"],
    )
    found = last[2].get(key)
    if found is not None and found[0] is reading:
        return found[1], found[2]
    context = step_context(experience, signature, contacts, free_text, reading)
    replies: _Replies = {}
    if len(last[2]) >= 1024:
        last[2].clear()
    last[2][key] = (reading, context, replies)
    return context, replies


def _rendered_reply(
    templates: TemplateSet,
    chosen: tuple[str, ...],
    context: Mapping[str, object],
    signature: Signature,
    *,
    whole: bool,
) -> RenderedReply:
    """The steps' texts, the reply's word count and what of the experience it used (in
    PERSONALISED_ITEMS' order), each step rendered once per phrasing and values it
    reads. ``whole``: the reply is also kept in the render cache under one key, the
    phrasings and every value they read (a reply whose values were all seen is one
    lookup): for experiences whose words say nothing, which share those values. A
    reply to a description seldom shares them all: it is not kept whole."""
    key = (chosen, signature, templates.reply_key_of(chosen)(context)) if whole else None
    found = templates.rendered.reply(key) if key is not None else None
    if found is None:
        rendered = [
            _rendered_step(templates, step, name, context, signature)
            for step, name in zip(STEPS, chosen, strict=True)
        ]
        depends_on = [uses for _text, _count, uses in rendered if uses]
        found = (
            tuple([text for text, _count, _uses in rendered]),
            # Steps are paragraphs: the reply's words are the sum of theirs.
            sum([count for _text, count, _uses in rendered]),
            tuple(_in_order(frozenset().union(*depends_on))) if depends_on else (),
        )
        if key is not None:
            templates.rendered.put_reply(key, found)
    return found


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
        if reads.isdisjoint(variables) or all(
            context[v] == VALUES_WHEN_UNSAID[v] for v in variables
        ):
            continue
        plain = {**context, **{v: VALUES_WHEN_UNSAID[v] for v in variables}}
        # The plain text, rendered once per phrasing and values it reads, as a step is.
        key = (name, signer_of(step, signature), templates.key_of[name](plain))
        plain_text = templates.rendered.text(key)
        if plain_text is None:
            plain_text = render_step(templates, step, name, plain, signature)
            templates.rendered.put_text(key, plain_text)
        if plain_text != text:
            used.append(item)
    return frozenset(used)


def signer_of(step: str, signature: Signature) -> tuple[str | None, str] | None:
    """What of the signature a step's text holds besides the values it reads."""
    return (signature.closing, signature.line) if step == "signature" else None


def _rendered_step(
    templates: TemplateSet,
    step: str,
    name: str,
    context: Mapping[str, object],
    signature: Signature,
) -> tuple[str, int, frozenset[str]]:
    """A step's text, its word count and what of the experience it depends on,
    rendered once per phrasing and values it reads."""
    key = (name, signer_of(step, signature), templates.key_of[name](context))
    found = templates.rendered.get(key)
    if found is None:
        text = render_step(templates, step, name, context, signature)
        found = (
            text,
            count_words(text),
            _items_used(templates, step, name, context, signature, text),
        )
        templates.rendered.put(key, found)
    return found


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
