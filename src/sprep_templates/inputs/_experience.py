"""What a user posted: :class:`Experience`, validated field by field when built.

Every refusal raises :class:`~sprep_templates.exceptions.InvalidInputError`
with a message naming the field, what was expected and what came.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Literal

import attrs

from ..arguments import shown
from ..exceptions import InvalidInputError, InvalidInputTypeError
from ..folding import strip_invisible
from ..limits import (
    EXPORT_CHANNELS,
    FREE_TEXT_MAX_CHARS,
    MAX_CHANNELS,
    MAX_DESCRIPTION_CHARS,
    MAX_ID_CHARS,
    MAX_PSEUDONYM_CHARS,
    MAX_SIMILAR,
    MAX_TITLE_CHARS,
)
from ..text import blank_forbidden, clean_text, fold
from ._export_row import (
    FIRST_PUBLICATION_YEAR,
    LAST_PUBLICATION_YEAR,
    export_row_values,
    read_date,
)
from ._values import _optional_text, _text_field

__all__ = [
    "CRITERIA",
    "POSTED_AS",
    "SENTIMENTS",
    "Experience",
    "PostedAs",
    "Ratings",
    "Sentiment",
    "channel_kind",
    "parse_sentiment",
]

Sentiment = Literal["positive", "neutral", "negative"]
SENTIMENTS: tuple[Sentiment, ...] = ("positive", "neutral", "negative")

# The export's "Ressenti usager" values, folded, and the English names.
_SENTIMENT_NAMES: dict[str, Sentiment] = {
    "positive": "positive",
    "positif": "positive",
    "neutral": "neutral",
    "neutre": "neutral",
    "negative": "negative",
    "negatif": "negative",
}

# The export's "Canaux Typologie" values, folded, to the channel a template names
# ("Tchat" and "email" are spellings seen besides the platform's own).
_CHANNELS = {
    **{fold(name): kind for name, kind in EXPORT_CHANNELS.items()},
    "tchat": "chat",
    "email": "email",
}


def _experience_id(value: str | None) -> str | None:
    if value is None:
        return None
    return _optional_text("Experience", "id", value, MAX_ID_CHARS)


def _pseudonym(value: str | None) -> str | None:
    if value is None:
        return None
    return _optional_text("Experience", "pseudonym", value, MAX_PSEUDONYM_CHARS, invisible="strip")


def _title(value: str | None) -> str | None:
    if value is None:
        return None
    return _optional_text("Experience", "title", value, MAX_TITLE_CHARS, invisible="strip")


def parse_sentiment(value: object) -> Sentiment:
    """``positive``, ``neutral`` or ``negative`` for those names or the export's
    ``Positif``, ``Neutre``, ``Négatif`` (any case, with or without accents)."""
    if not isinstance(value, str):
        raise InvalidInputTypeError(
            "Experience.sentiment must be one of positive, neutral, negative (or the "
            f"export's Positif, Neutre, Négatif), as a str; got {shown(value)} that is a "
            f"{type(value).__name__}"
        )
    exact = _SENTIMENT_NAMES.get(value)
    if exact is not None:
        return exact
    found = _sentiment_named(value)
    if found is not None:
        return found
    raise InvalidInputError(
        "Experience.sentiment must be one of positive, neutral, negative "
        f"(or the export's Positif, Neutre, Négatif); got {shown(value)}"
    )


@lru_cache(maxsize=256)
def _sentiment_named(value: str) -> Sentiment | None:
    """The sentiment a text names (the export's "Négatif"…), or None: an export's
    ratings and sentiments take a few values, row after row."""
    return _SENTIMENT_NAMES.get(fold(value.strip()))


def _sentiment(value: str) -> Sentiment:
    """The converter of ``Experience.sentiment``: typed ``str`` so that a type checker
    refuses ``Experience(sentiment=5)``; other types are refused at run time too."""
    return parse_sentiment(value)


def _channels(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if value.__class__ is tuple and _hashable(value):  # an export's cells: a few values
        return _channels_of_tuple(value)
    return _read_channels(value)


def _hashable(value: tuple[object, ...]) -> bool:
    """Whether ``value`` can be remembered (a list in it cannot: it is refused later,
    naming the field)."""
    try:
        hash(value)
    except TypeError:
        return False
    return True


@lru_cache(maxsize=1024)
def _channels_of_tuple(value: tuple[object, ...]) -> tuple[str, ...]:
    return _read_channels(value)  # type: ignore[arg-type]


def _read_channels(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if isinstance(value, (set, frozenset)):
        raise InvalidInputTypeError(
            "Experience.channels must be in order, as a tuple or a list: the first known "
            f"channel is the one a reply names, and a set has no order (got {shown(value)})"
        )
    if not isinstance(value, Iterable):
        raise InvalidInputTypeError(
            f"Experience.channels must be a tuple of str (got {shown(value)} "
            f"that is a {type(value).__name__})"
        )
    channels: list[str] = []
    for item in value:
        if isinstance(item, str) and not item.strip():
            continue
        channel = _text_field("Experience", "channels", item, max_chars=80, invisible="strip")
        if not channel:  # nothing but invisible characters
            continue
        if channel not in channels:  # the export repeats channels across typologies
            channels.append(channel)
    if len(channels) > MAX_CHANNELS:
        raise InvalidInputError(
            f"Experience.channels has {len(channels)} values; the most accepted is {MAX_CHANNELS}"
        )
    return tuple(channels)


@lru_cache(maxsize=4096)
def channel_kind(channels: tuple[str, ...]) -> str | None:
    """The kind of the first known channel: phone, counter, online, account, mail,
    email, chat or social; None when no channel is known."""
    for channel in channels:
        kind = _CHANNELS.get(fold(channel))
        if kind is not None:
            return kind
    return None


#: The five criteria the platform asks users to rate, in the export's order.
CRITERIA = ("accessibility", "information", "relation", "reactivity", "simplicity")

# The criteria by their English names and by the export's column names, folded.
_CRITERION_NAMES = {
    **{name: name for name in CRITERIA},
    "accessibilite": "accessibility",
    "information/explication": "information",
    "reactivite": "reactivity",
    "simplicite/complexite": "simplicity",
}


@attrs.frozen
class Ratings(Mapping[str, Sentiment]):
    """The user's own rating of each criterion they rated: a read-only mapping.

    Keys are among :data:`CRITERIA` (accessibility, information, relation,
    reactivity, simplicity), in that order; values are ``positive``,
    ``neutral`` or ``negative``. Unrated criteria are absent.
    """

    pairs: tuple[tuple[str, Sentiment], ...] = ()

    def __getitem__(self, criterion: str) -> Sentiment:
        for name, value in self.pairs:
            if name == criterion:
                return value
        raise KeyError(criterion)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def rated(self, value: Sentiment) -> tuple[str, ...]:
        """The criteria rated ``value``, in the export's order."""
        return tuple(name for name, rating in self.pairs if rating == value)


#: No criterion rated (shared: the default of every experience).
NO_RATINGS = Ratings()


@lru_cache(maxsize=256)
def _criterion_named(key: str) -> str | None:
    """The criterion a key names (its English name or the export's column), or None."""
    return _CRITERION_NAMES.get(fold(key.strip()))


def _ratings(value: Mapping[str, str | None] | None) -> Ratings:
    if value is None:
        return NO_RATINGS
    if isinstance(value, Ratings):
        return value
    if not isinstance(value, Mapping):
        raise InvalidInputTypeError(
            "Experience.ratings must be a mapping of criterion to rating, such as "
            f"{{'accessibility': 'negative'}} (got {shown(value)} that is a {type(value).__name__})"
        )
    found: dict[str, Sentiment] = {}
    for key, rating in value.items():
        criterion = _criterion_named(key) if isinstance(key, str) else None
        if criterion is None:
            raise InvalidInputError(
                f"Experience.ratings has the unknown criterion {shown(key)}; the criteria are "
                f"{', '.join(CRITERIA)} (or the export's Accessibilité, Information/Explication, "
                "Relation, Réactivité, Simplicité/Complexité)"
            )
        if rating is None or (isinstance(rating, str) and not rating.strip()):
            continue  # not rated
        try:
            found[criterion] = parse_sentiment(rating)
        except InvalidInputError as error:
            raise type(error)(
                f"Experience.ratings[{shown(key)}]: " + str(error).split(" must ", 1)[-1]
            ) from None
    return Ratings(tuple((name, found[name]) for name in CRITERIA if name in found))


PostedAs = Literal["self", "relative", "mediator"]
POSTED_AS: tuple[PostedAs, ...] = ("self", "relative", "mediator")

# The export's "Posté comme" values, folded, and the English names.
_POSTED_AS_NAMES: dict[str, PostedAs] = {
    **{name: name for name in POSTED_AS},
    "la personne concernee": "self",
    "un proche de la personne concernee": "relative",
    "un agent de mediation": "mediator",
}


def _posted_as(value: str | None) -> PostedAs:
    if value == "self":  # the default: no work
        return "self"
    if value.__class__ is str:  # an export's cell: a few values, row after row
        return _posted_as_text(value)
    return _read_posted_as(value)


@lru_cache(maxsize=256)
def _posted_as_text(value: str) -> PostedAs:
    return _read_posted_as(value)


def _read_posted_as(value: str | None) -> PostedAs:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "self"
    if not isinstance(value, str):
        raise InvalidInputTypeError(
            "Experience.posted_as must be a str (got "
            f"{shown(value)} that is a {type(value).__name__})"
        )
    found = _POSTED_AS_NAMES.get(fold(" ".join(value.split())))
    if found is None:
        raise InvalidInputError(
            "Experience.posted_as must be one of self, relative, mediator (or the export's "
            "« La personne concernée », « Un proche de la personne concernée », « Un agent de "
            f"médiation »); got {shown(value)}"
        )
    return found


def _similar(value: int | float | str | None) -> int:
    if value.__class__ is int and 0 <= value <= MAX_SIMILAR:
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    number: object = value
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, (str, bytes)):
        number = item()  # a numpy scalar
    if isinstance(number, str) and re.fullmatch("[0-9]{1,9}", number.strip()):
        number = int(number.strip())  # ASCII digits only: "²", "①" or 5,000 digits are no count
    elif isinstance(number, float) and number.is_integer():
        number = int(number)
    if isinstance(number, bool) or not isinstance(number, int):
        raise InvalidInputTypeError(
            "Experience.similar must be a whole number: how many other users said they "
            f"lived the same (got {shown(value)} that is a {type(value).__name__})"
        )
    if not 0 <= number <= MAX_SIMILAR:
        raise InvalidInputError(
            f"Experience.similar must be between 0 and {MAX_SIMILAR:,} (got {shown(value)})"
        )
    return number


def _published(value: date | str | None) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        if not FIRST_PUBLICATION_YEAR <= day.year <= LAST_PUBLICATION_YEAR:
            raise InvalidInputError(
                f"Experience.published: {day.isoformat()} is no publication date on Services "
                f"Publics + (years {FIRST_PUBLICATION_YEAR} to {LAST_PUBLICATION_YEAR})"
            )
        return day
    if isinstance(value, str):
        found = read_date(value)
        if found is None:
            raise InvalidInputError(
                "Experience.published must be a date: a datetime.date, or text such as "
                f"'06/10/2022 15:07' or '2022-10-06', of a year from {FIRST_PUBLICATION_YEAR} "
                f"to {LAST_PUBLICATION_YEAR} (got {shown(value)})"
            )
        return found
    raise InvalidInputTypeError(
        "Experience.published must be a date, a datetime or the export's text "
        f"(got {shown(value)} that is a {type(value).__name__})"
    )


def _action(value: str | None) -> str | None:
    if value is None:
        return None
    return _optional_text("Experience", "action", value, FREE_TEXT_MAX_CHARS, invisible="strip")


#: The export's ``Pays`` values (folded) that mean France. Overseas France dials
#: French numbers as mainland France does.
_FRANCE_NAMES = frozenset({"france", "france metropolitaine", "fr"})


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    return _optional_text("Experience", "country", value, 100, invisible="strip")


def _description(value: str | None) -> str | None:
    """What the user wrote: read to find sensitive cases, never repeated in a reply.

    Control characters are blanked rather than refused: the text is only read.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInputTypeError(
            f"Experience.description must be a str (got a {type(value).__name__})"
        )
    if len(value) > MAX_DESCRIPTION_CHARS:
        raise InvalidInputError(
            f"Experience.description is {len(value):,} characters long; the most accepted "
            f"is {MAX_DESCRIPTION_CHARS:,}"
        )
    if not value.isascii():
        # Half of a character (a lone surrogate, from a JSON line's escape) cannot be
        # written as UTF-8: blanked like a control character.
        value = _SURROGATE.sub(" ", value)
    text = clean_text(strip_invisible(blank_forbidden(value)), single_line=False)
    return text or None


_SURROGATE = re.compile("[\ud800-\udfff]")


#: At most this many topics (typology labels and tags) are kept, each this long at most.
MAX_TOPICS = 12
MAX_TOPIC_CHARS = 200


def _topics(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """The export's typology labels and tags ("Intitulé Typologie", "Tags Métiers"):
    read to find the procedure, never repeated in a reply. A string is split on ``;``."""
    if value is None:
        return ()
    if value.__class__ is tuple and _hashable(value):  # an export's cells: a few values
        return _topics_of_tuple(value)
    return _read_topics(value)


@lru_cache(maxsize=1024)
def _topics_of_tuple(value: tuple[object, ...]) -> tuple[str, ...]:
    return _read_topics(value)  # type: ignore[arg-type]


def _read_topics(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(";")
    if not isinstance(value, (tuple, list)):
        raise InvalidInputTypeError(
            f"Experience.topics must be a tuple of str (got a {type(value).__name__})"
        )
    topics = []
    for position, topic in enumerate(value):
        if not isinstance(topic, str):
            raise InvalidInputTypeError(
                f"Experience.topics[{position}] must be a str (got a {type(topic).__name__})"
            )
        text = clean_text(blank_forbidden(topic), single_line=True)[:MAX_TOPIC_CHARS].strip()
        if text:
            topics.append(text)
    return tuple(topics[:MAX_TOPICS])


@attrs.frozen
class Experience:
    """One experience a user published, as far as the reply needs it.

    ``id`` (optional) drives the deterministic choice of phrasing. ``sentiment``
    takes ``positive``/``neutral``/``negative`` or the export's ``Positif``/
    ``Neutre``/``Négatif``. ``channels`` takes the export's "Canaux Typologie"
    values, as a tuple or as one comma-joined string.

    What the export records besides: ``ratings`` (the user's rating of each
    criterion they rated, see :class:`Ratings`), ``posted_as`` (``self``,
    ``relative`` or ``mediator``, or the export's "Posté comme" values),
    ``similar`` (how many others said they lived the same), ``published`` (the
    publication date), ``action`` (the improvement action the administration
    registered) and ``description`` (what the user wrote: read to find
    sensitive cases and an unreachable phone, never repeated in a reply).

    Fields: ``id``, ``sentiment``, ``pseudonym`` (the name the reply greets, screened
    first), ``title`` (the experience's title, quoted when it reads well), ``channels``,
    ``ratings``, ``posted_as``, ``similar``, ``published``, ``action``, ``description``
    ``country`` (where the user lives: abroad, no number that cannot be dialled
    from there) and ``topics`` (the export's typology labels and tags: read to find
    the procedure). Read an export row with :meth:`from_export_row`.
    """

    sentiment: Sentiment = attrs.field(converter=_sentiment)
    id: str | None = attrs.field(default=None, converter=_experience_id)
    pseudonym: str | None = attrs.field(default=None, converter=_pseudonym)
    title: str | None = attrs.field(default=None, converter=_title)
    channels: tuple[str, ...] = attrs.field(default=(), converter=_channels)
    ratings: Ratings = attrs.field(default=NO_RATINGS, converter=_ratings)
    posted_as: PostedAs = attrs.field(default="self", converter=_posted_as)
    similar: int = attrs.field(default=0, converter=_similar)
    published: date | None = attrs.field(default=None, converter=_published)
    action: str | None = attrs.field(default=None, converter=_action)
    description: str | None = attrs.field(default=None, converter=_description, repr=False)
    country: str | None = attrs.field(default=None, converter=_country)
    topics: tuple[str, ...] = attrs.field(default=(), converter=_topics, repr=False)

    @classmethod
    def from_export_row(cls, row: Mapping[str, object]) -> Experience:
        """The experience of one row of the platform's export, read exactly as
        ``sprep draft`` reads it: a ``csv.DictReader`` row, a DataFrame row's
        ``to_dict()`` or a service's JSON object, with the export's column names
        (``ID expérience``, ``Ressenti usager``…; BOM, runs of spaces and case aside)
        or the field names. Text mangled by a cp1252 round-trip (``\x92`` for ``’``) is
        repaired. Raises :class:`InvalidInputError` naming the column that is wrong."""
        return cls(**export_row_values(row).values)

    @property
    def abroad(self) -> bool:
        """Whether the user lives outside France (``country`` given and not France):
        the reply then offers no number that cannot be dialled from abroad, when
        another contact exists."""
        return self.country is not None and fold(self.country) not in _FRANCE_NAMES
