"""Reading an experience for its reply: the tone, what the user rated, who wrote, the wait.

The export records more than the title and the channel: the user's rating of
each criterion, who wrote (the person concerned, a relative, a mediator), how
many others said they lived the same, when it was published, the action the
administration registered, and what the user wrote. :func:`personalise` turns
that into what the templates need, and says what a person must read first.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..inputs import POSTED_AS, SENTIMENTS, Experience, PostedAs, Sentiment, channel_kind
from ._channels import every_contact_failed, failed_contacts_last
from ._said import NOTHING_SAID, Said, read_said
from ._sensitive import sensitive_concerns

__all__ = [
    "DEFAULT_LATE_AFTER_DAYS",
    "MAX_NAMED_CRITERIA",
    "Personalisation",
    "every_contact_failed",
    "failed_channels",
    "failed_contacts_last",
    "personalise",
    "quotable_action",
    "tone_of",
]

#: An answer given more than this many days after the experience was published
#: says sorry for the wait. A month: the guide asks for an answer "dans des délais
#: raisonnables", and the State's commitments for written requests are about three
#: weeks, so a month is late by any of them without apologising for an ordinary delay.
DEFAULT_LATE_AFTER_DAYS = 30

#: A description of at most this many words tells no more than the ratings ("Je ne
#: suis pas content du tout."): they are voiced as the user's. Past it, a criterion is
#: named only where the words tell it too. The platform asks for a story: on the
#: sample export (rows outside the blind reviews), no description is shorter than
#: ten words and one in a hundred is at most twelve.
RATINGS_ALONE_WORDS = 12

#: At most this many criteria are named on each side (found hard, appreciated), so
#: that the reply keeps to 150 words.
MAX_NAMED_CRITERIA = 2


class Personalisation(NamedTuple):
    """What a reply takes from its experience (see :func:`personalise`).

    A named tuple, not an attrs class: one is made for every reply drafted, from
    values already validated by :class:`Experience`.
    """

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
    #: What the user wrote, read beyond the ratings (see ``experience._said``).
    said: Said = NOTHING_SAID


def tone_of(experience: Experience) -> Sentiment:
    """The sentiment a reply is written in.

    A negative experience is answered with regret. A positive or neutral one
    whose criteria are rated negative more often than positive is a complaint
    filed under another sentiment: it is answered with regret too, except a
    positive one with a single criterion rated negative (a user who rates the whole
    positive and one point down is satisfied, not complaining).
    """
    ratings = experience.ratings
    return _tone(experience.sentiment, ratings.rated("negative"), ratings.rated("positive"))


def _tone(sentiment: Sentiment, hard: tuple[str, ...], liked: tuple[str, ...]) -> Sentiment:
    if sentiment == "positive" and len(hard) < 2:
        return sentiment
    if sentiment != "negative" and len(hard) > len(liked):
        return "negative"
    return sentiment


def quotable_action(action: str | None) -> str | None:
    """The action as a reply quotes it: no final full stop, no quotes of its own around it."""
    if action is None:
        return None
    text = action.strip().strip('«»"“”').strip().rstrip(".…;:").strip()
    return text or None


def personalise(
    experience: Experience, *, today: date | None, late_after_days: int
) -> Personalisation:
    """What the reply to ``experience``, written on ``today`` (None: today's date),
    takes from it."""
    if (
        not experience.ratings
        and experience.description is None
        and experience.published is None
        and experience.action is None
        and not experience.similar
        and not experience.topics
    ):
        # What most experiences of a plain input say: nothing beyond who wrote.
        return _READING_OF_A_PLAIN_EXPERIENCE[(experience.sentiment, experience.posted_as)]
    ratings = experience.ratings
    hard = ratings.rated("negative") if ratings else ()
    liked = ratings.rated("positive") if ratings else ()
    description = experience.description
    concerns = sensitive_concerns(description) if description else ()
    said = read_said(experience.title, description, experience.topics, experience.published)
    attention = tuple(concern.reason for concern in concerns) + said.distress
    if said.bereaved is not None and not any(c.category == "death" for c in concerns):
        attention += ("décès ou deuil\u00a0: un proche de l’auteur est décédé",)
    phone_unreachable = bool(
        (
            "accessibility" in hard
            and any(channel_kind((channel,)) == "phone" for channel in experience.channels)
        )
        or said.phone_unreachable
    )
    published = experience.published
    tone = _tone(experience.sentiment, hard, liked)
    # Criteria the user did not rate but the words regret or praise are named too,
    # after the rated ones (the tone stays the ratings'). Words only ever confirm the
    # user's own feeling: a word read as praise in a complaint ("pratique", "dans les
    # délais", "patiente") is too often something else, and thanking a complainant for
    # what they did not praise is the worst sentence a draft can write.
    rated = set(hard) | set(liked)
    # A rating against the reply's feeling (a criterion rated positive in a reply of
    # regret, negative in a reply of satisfaction) is voiced only when the words back
    # it: "la simplicité de la démarche" to a furious user, "une démarche trop
    # compliquée" to a delighted one, tell them the opposite of what they wrote.
    # With no text, the ratings are all the user said: they are voiced.
    # A praise is the user's only where the words tell it: "Vous soulignez un accès
    # facile au service" from a rating alone is a claim they never made, in a reply of
    # satisfaction as in one of regret. A criterion rated negative is named in a reply
    # of regret only where the words tell it too ("un accès difficile au service" to a
    # user who reached us and contests a decision): the problem in their words, or
    # sober regret, says it better. A text of a few words tells no more than the
    # ratings: they are voiced then.
    if description is not None and tone == "negative":
        liked = tuple(c for c in liked if _words_back(c, "positive", said))
    elif description is not None and tone == "positive":
        hard = tuple(c for c in hard if _words_back(c, "negative", said))
    if description is not None and len(description.split()) > RATINGS_ALONE_WORDS:
        rated_liked = liked
        liked = tuple(c for c in liked if _words_back(c, "positive", said))
        hard = tuple(c for c in hard if _words_back(c, "negative", said))
        if tone == "positive" and said.praise is not None and not liked:
            # A reply of satisfaction says the praise in the user's words in place
            # of the criterion's phrase: the criterion rated is its place.
            liked = rated_liked[:1]
    if description is not None and _praises_the_staff(said):
        # "un accueil décevant" to a user who praised the agent is the opposite of
        # what they wrote: the rating was about something else.
        hard = tuple(c for c in hard if c != "relation")
    if experience.sentiment != "positive":
        hard += tuple(c for c in said.felt_hard if c not in rated)
    # The words say the opposite of a criterion rated negative ("c'est simple", "tout
    # est allé très vite", "j'ai pu joindre un conseiller"): the rating was about
    # something else, and naming it would contradict the user.
    hard = tuple(c for c in hard if c not in said.contradicted)
    if experience.sentiment == "positive":
        liked += tuple(c for c in said.felt_liked if c not in rated)
    return Personalisation(
        tone=tone,
        hard=hard[:MAX_NAMED_CRITERIA],
        liked=liked[:MAX_NAMED_CRITERIA],
        # "votre proche" only when the words name someone: a user who posted for a
        # relative but tells only of their own file is the person concerned; one who
        # tells of their own steps ("j'appelle", "je tombe sur un répondeur") met the
        # difficulties themselves.
        posted_as=_writer(experience.posted_as, said),
        similar=experience.similar,
        late=published is not None and ((today or date.today()) - published).days > late_after_days,
        action=quotable_action(experience.action),
        sober=bool(attention),
        phone_unreachable=phone_unreachable,
        attention=attention,
        said=said,
    )


def _writer(posted_as: PostedAs, said: Said) -> PostedAs:
    """Who the reply speaks of: "self" for a relative or a mediator whose words tell
    of their own steps or file ("je me suis présentée", "ma demande"), or, for a
    relative, name nobody close; else who they posted as."""
    if posted_as == "relative" and (not said.names_relative or said.acted):
        return "self"
    if posted_as == "mediator" and said.acted:
        return "self"
    return posted_as


#: What the user praised in their words that is the reception itself.
_STAFF_PRAISE = frozenset({"kindness", "listening", "professionalism"})


def _praises_the_staff(said: Said) -> bool:
    """The words praise the people who received the user, and blame none of them."""
    if "relation" in said.felt_hard or said.problem == "staff":
        return False
    return (
        said.praise in _STAFF_PRAISE
        or "relation" in said.felt_liked
        or bool(said.praised & {"counter", "phone"})
    )


def failed_channels(reading: Personalisation) -> frozenset[str]:
    """The channel kinds where the user says their contact failed (the phone out of
    reach, letters or e-mails unanswered): their contacts are not offered first."""
    said = reading.said
    return said.failed | {"phone"} if said.phone_unreachable else said.failed


def _words_back(criterion: str, side: str, said: Said) -> bool:
    """The user's words say ``criterion`` on ``side`` (a criterion they praise or
    regret; access that failed; a channel they praised, for the reception)."""
    if side == "negative" and criterion in said.told:
        return True
    if criterion == "accessibility" and side == "negative":
        return said.access is not None
    felt = said.felt_liked if side == "positive" else said.felt_hard
    if criterion in felt:
        return True
    if criterion == "relation" and side == "positive":
        return bool(said.praised & {"counter", "phone"})
    return False


#: The reading of an experience that says nothing beyond its sentiment and who wrote
#: (no ratings, description, date, action or others), made once for each pair.
_READING_OF_A_PLAIN_EXPERIENCE = {
    (sentiment, posted_as): Personalisation(
        sentiment, (), (), posted_as, 0, False, None, False, False, ()
    )
    for sentiment in SENTIMENTS
    for posted_as in POSTED_AS
}
