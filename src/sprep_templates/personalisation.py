"""Reading an experience for its reply: the tone, what the user rated, who wrote, the wait.

The export records more than the title and the channel: the user's rating of
each criterion, who wrote (the person concerned, a relative, a mediator), how
many others said they lived the same, when it was published, the action the
administration registered, and what the user wrote. :func:`personalise` turns
that into what the templates need, and says what a person must read first.
"""

from __future__ import annotations

from datetime import date

import attrs

from .complaints import says_phone_unreachable
from .inputs import Experience, PostedAs, Sentiment, channel_kind
from .sensitive import sensitive_concerns

__all__ = [
    "DEFAULT_LATE_AFTER_DAYS",
    "MAX_NAMED_CRITERIA",
    "Personalisation",
    "personalise",
    "tone_of",
]

#: An answer given more than this many days after the experience was published
#: says sorry for the wait. A month: the guide asks for an answer "dans des délais
#: raisonnables", and the State's commitments for written requests are about three
#: weeks, so a month is late by any of them without apologising for an ordinary delay.
DEFAULT_LATE_AFTER_DAYS = 30

#: At most this many criteria are named on each side (found hard, appreciated), so
#: that the reply keeps to 150 words.
MAX_NAMED_CRITERIA = 2


@attrs.frozen
class Personalisation:
    """What a reply takes from its experience (see :func:`personalise`)."""

    #: The templates' sentiment folder: the experience's sentiment, or negative
    #: for a complaint filed as positive or neutral (more criteria rated negative
    #: than positive).
    tone: Sentiment
    #: Criteria the user rated negative, then positive, at most two each.
    hard: tuple[str, ...]
    liked: tuple[str, ...]
    posted_as: PostedAs
    similar: int
    #: Published more than ``late_after_days`` before the reply is written.
    late: bool
    #: The registered action, ready to quote (no final full stop), or None.
    action: str | None
    #: A sensitive case: no exclamation, no joy phrase, no quoted title.
    sober: bool
    #: The user says the phone could not be reached: other contacts come first.
    phone_unreachable: bool
    #: Why a person must read the experience before the reply is sent.
    attention: tuple[str, ...]


def tone_of(experience: Experience) -> Sentiment:
    """The sentiment a reply is written in.

    A negative experience is answered with regret. A positive or neutral one
    whose criteria are rated negative more often than positive is a complaint
    filed under another sentiment: it is answered with regret too.
    """
    if experience.sentiment == "negative":
        return "negative"
    negative = len(experience.ratings.rated("negative"))
    if negative and negative > len(experience.ratings.rated("positive")):
        return "negative"
    return experience.sentiment


def _quotable_action(action: str | None) -> str | None:
    """The action as a reply quotes it: no final full stop, no quotes of its own around it."""
    if action is None:
        return None
    text = action.strip().strip('«»"“”').strip().rstrip(".…;:").strip()
    return text or None


def personalise(experience: Experience, *, today: date, late_after_days: int) -> Personalisation:
    """What the reply to ``experience``, written on ``today``, takes from it."""
    ratings = experience.ratings
    concerns = sensitive_concerns(experience.description)
    phone_unreachable = (
        "phone" in _channel_kinds(experience) and ratings.get("accessibility") == "negative"
    ) or says_phone_unreachable(experience.description)
    published = experience.published
    return Personalisation(
        tone=tone_of(experience),
        hard=ratings.rated("negative")[:MAX_NAMED_CRITERIA],
        liked=ratings.rated("positive")[:MAX_NAMED_CRITERIA],
        posted_as=experience.posted_as,
        similar=experience.similar,
        late=published is not None and (today - published).days > late_after_days,
        action=_quotable_action(experience.action),
        sober=bool(concerns),
        phone_unreachable=phone_unreachable,
        attention=tuple(concern.reason for concern in concerns),
    )


def _channel_kinds(experience: Experience) -> set[str]:
    return {kind for channel in experience.channels if (kind := channel_kind((channel,)))}
