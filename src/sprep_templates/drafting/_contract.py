"""The template contract: the variables every step template may read, and their values.

One place for what a template receives (:func:`step_context`, its names in
:data:`CONTEXT_VARIABLES`), what of the experience a reply can use
(:data:`PERSONALISED_BY`), each such variable's value when the experience says nothing
of it (:data:`VALUES_WHEN_UNSAID`), and what a reply leaves out first to keep to
150 words (:data:`LEFT_OUT_FIRST`). Adding a variable: add it here (all four when it
comes from the experience), then to the length proof's values
(``_length_proof._export_values``) and to ``tests/test_french.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

from ..experience import (
    NOTHING_SAID,
    NOTHING_SAID_CONTEXT,
    Personalisation,
    every_contact_failed,
    failed_channels,
    greeting_name,
    problem_named,
    quotable_title,
    said_context,
)
from ..experience._relatives import for_a_relative
from ..french import contact_phrase, join_alternatives
from ..inputs import Contact, Experience, Signature, channel_kind
from ..steps import STEPS

__all__ = [
    "CONTEXT_VARIABLES",
    "LEFT_OUT_FIRST",
    "LEFT_OUT_NAMES",
    "PERSONALISED_BY",
    "PERSONALISED_ITEMS",
    "STEPS",
    "VALUES_WHEN_UNSAID",
    "step_context",
]

#: The variables every step template receives.
CONTEXT_VARIABLES = (
    "access",
    "action",
    "agents",
    "answer",
    "asks",
    "bereaved",
    "channel",
    "contacts",
    "first_name",
    "hard",
    "improvement",
    "late",
    "liked",
    "mixed",
    "occasion",
    "organisation",
    "point",
    "posted_as",
    "praise",
    "problem",
    "pseudonym",
    "severity",
    "self_service",
    "similar",
    "situation",
    "sober",
    "title",
    "topic",
    "tried_contacts",
    "unanswered",
    "unsolved",
    "waited",
)


def _fewer_criteria(names: object) -> object:
    return names[:-1] if isinstance(names, tuple) else names


#: What a reply leaves out, in this order, when the agent's own text leaves no room
#: for it within 150 words: (context variable, how to shorten it).
LEFT_OUT_FIRST: tuple[tuple[str, Callable[[object], object]], ...] = (
    ("liked", _fewer_criteria),
    ("liked", _fewer_criteria),
    ("similar", lambda value: 0),
    ("late", lambda value: False),
    ("hard", _fewer_criteria),
    ("bereaved", lambda value: "" if value else value),
    ("severity", lambda value: None),
)


LEFT_OUT_NAMES = {
    "liked": "a criterion the user appreciated",
    "similar": "the others who lived the same",
    "late": "the apology for the late answer",
    "hard": "a criterion the user found hard",
    "bereaved": "who died, in the condolences",
    "severity": "the regret for how serious the situation is",
}


#: What of the experience a reply can use, and the context variables that carry it.
PERSONALISED_BY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("title", ("title",)),
    ("channel", ("channel", "agents")),
    ("occasion", ("occasion", "self_service")),
    ("ratings", ("hard", "liked")),
    ("access", ("access",)),
    ("problem", ("problem",)),
    ("praise", ("praise",)),
    ("severity", ("severity", "waited")),
    ("mixed", ("mixed",)),
    ("question", ("asks",)),
    ("suggestion", ("point", "topic")),
    ("bereavement", ("bereaved",)),
    ("posted_as", ("posted_as",)),
    ("similar", ("similar",)),
    ("wait", ("late",)),
    ("action", ("action",)),
)


PERSONALISED_ITEMS = tuple(item for item, _variables in PERSONALISED_BY)


#: Each of those variables when the experience says nothing of it.
VALUES_WHEN_UNSAID: dict[str, object] = {
    "title": None,
    "channel": None,
    "hard": (),
    "liked": (),
    "posted_as": "self",
    "similar": 0,
    "late": False,
    "action": None,
    # What the user wrote (experience._said.said_context).
    **NOTHING_SAID_CONTEXT,
}


def step_context(
    experience: Experience,
    signature: Signature,
    contacts: tuple[Contact, ...],
    free_text: Mapping[str, str | None],
    reading: Personalisation,
) -> dict[str, object]:
    """The variables every step template receives (all validated, none undefined).

    ``reading`` is the draft's one reading of the experience (:func:`personalise`):
    the pseudonym, title and channel are read here, the rest comes from it.
    """
    channel = channel_kind(experience.channels)
    failed = failed_channels(reading)
    hard = () if _names_problem(reading) else reading.hard
    return {
        "pseudonym": greeting_name(experience.pseudonym),
        # A sensitive case's title is not quoted back.
        "title": None if reading.sober else quotable_title(experience.title),
        "channel": channel,
        "contacts": _phrase_of(contacts) if contacts else None,
        # Every contact given is a way in the user says failed: not offered as if it
        # worked (experience._channels).
        "tried_contacts": every_contact_failed(contacts, failed) if failed else False,
        # A way in the user says failed (calls, e-mails unanswered): no "nos équipes
        # restent à votre écoute" to them, even where another contact is offered.
        "unanswered": bool(failed),
        "organisation": signature.organisation,
        "first_name": signature.first_name,
        "situation": free_text.get("situation"),
        "answer": free_text.get("answer"),
        "improvement": free_text.get("improvement"),
        # The user's own problem, when the words name one, is said instead of the
        # criteria rated negative (experience._said.said_context: "problem").
        "hard": hard,
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
        **_said_context(reading, channel, experience.sentiment, hard),
    }


#: said_context of experiences whose words say nothing (NOTHING_SAID: plain inputs,
#: ratings alone), by what else it reads: a batch of those has a few dozen.
_NOTHING_SAID_CONTEXTS: dict[tuple[object, ...], dict[str, object]] = {}


def _said_context(
    reading: Personalisation, channel: str | None, sentiment: str, hard: tuple[str, ...]
) -> dict[str, object]:
    """``said_context`` of the reading (remembered when nothing was said)."""
    said = reading.said
    if said is not NOTHING_SAID:
        context = said_context(
            said,
            channel=channel,
            tone=reading.tone,
            sentiment=sentiment,
            hard=hard,
            liked=reading.liked,
        )
        # A relative's money or file is not the writer's (experience._relatives).
        return for_a_relative(context) if said.relatives_file else context
    key = (channel, reading.tone, sentiment, hard, reading.liked)
    found = _NOTHING_SAID_CONTEXTS.get(key)
    if found is None:
        found = said_context(
            said,
            channel=channel,
            tone=reading.tone,
            sentiment=sentiment,
            hard=hard,
            liked=reading.liked,
        )
        if len(_NOTHING_SAID_CONTEXTS) >= 1024:
            _NOTHING_SAID_CONTEXTS.clear()
        _NOTHING_SAID_CONTEXTS[key] = found
    return found


def _names_problem(reading: Personalisation) -> bool:
    """Whether the reply names the user's own problem (a reply of regret whose words
    name one): then it says no criterion rated negative (the length proof counts on
    it: a problem and a criterion are never said together)."""
    return problem_named(reading.said, reading.tone, reading.hard) is not None


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
