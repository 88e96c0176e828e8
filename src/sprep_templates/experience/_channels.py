"""Which channel the user praised and which they blamed, clause by clause.

``experience._said`` finds the channel words (``channel-*`` of ``said.tsv``), the praise
and blame words (``praise``, ``blame``, ``felt-*``) and the phone out of reach
(``phone-unreachable.tsv``); this module says which channel each judgement is about:

- a judgement counts for a channel named in the same clause: a sentence is cut at
  "mais", "par contre", "alors que", "tandis que", "sauf que", "en revanche",
  "cependant", "pourtant", "toutefois", "néanmoins" and ";" ("Le téléphone ne répond
  jamais mais l'accueil est excellent": the praise is the desk's);
- with several channels in a clause, a judgement goes to the nearest one;
- a praise with a negation just before it in its clause ("n'a pas été efficace") is
  a blame;
- a contact that failed is a blame: the phone out of reach blames the phone, and the
  words of a failed contact ("personne ne décroche", "sans réponse", "ne fonctionne
  pas") blame the channel of their clause; a channel blamed this way is never praised.

Every scan is a single regular-expression pass with no nested repetition (linear).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Protocol, TypeVar


class _Kinded(Protocol):
    """A contact, as far as this module reads it (``inputs.Contact``)."""

    @property
    def kind(self) -> str: ...


C = TypeVar("C", bound=_Kinded)

__all__ = [
    "CONTACT_KINDS_OF",
    "MOMENTS",
    "channel_sides",
    "channel_told",
    "every_contact_failed",
    "failed_contacts_last",
    "failed_sides",
]

#: Where a clause ends inside a sentence (on the folded text: no accents, lower case
#: for the words below once ``re.IGNORECASE``).
_CLAUSE_BREAK = re.compile(
    r"[;]|\b(?:mais|par contre|alors que|alors qu|tandis que|tandis qu|sauf que|sauf qu"
    r"|en revanche|cependant|pourtant|toutefois|neanmoins|bien mieux|contrairement)\b",
    re.IGNORECASE,
)
#: A negation close before a praise, in its clause ("pas", "jamais", "guère", "plus"
#: after a "ne"/"n'" or alone: "pas efficace", "n'a pas été efficace").
_NEGATION = re.compile(r"\b(?:pas|jamais|guere|nullement|aucunement)\b", re.IGNORECASE)
#: How far before a praise a negation still negates it (characters).
NEGATION_REACH = 24
#: How far before the words of a failure a channel still failed with it (characters,
#: from the channel word's start: "par mail et téléphone sans aucune réponse").
FAILED_REACH = 25
#: The words of a contact that failed (folded).
_FAILED = re.compile(
    r"\b(?:personne ne (?:repond|decroche|rappelle)|sonne dans le vide|injoignables?"
    r"|sans (?:aucune )?reponse|aucune reponse|pas de reponse|jamais (?:eu de )?reponse"
    r"|(?:ne|n') ?(?:repond|decroche|fonctionne|marche|aboutit|rappelle)(?: \w+)? "
    r"(?:pas|jamais|plus)\b|(?:ne|n') ?(?:repond|decroche|fonctionne|marche|aboutit)"
    r" (?:pas|jamais|plus)|en panne|inaccessibles?|jamais arrivee?s?|jamais recue?s?)",
    re.IGNORECASE,
)


def _clause_starts(folded: str, ends: list[int]) -> list[int]:
    """Where each clause starts: the sentence ends (``ends``) and the clause breaks."""
    starts = {0, *ends}
    starts.update(match.start() for match in _CLAUSE_BREAK.finditer(folded))
    return sorted(starts)


def _negated(folded: str, clause_start: int, position: int) -> bool:
    window = folded[max(clause_start, position - NEGATION_REACH) : position]
    window = window.rsplit(",", 1)[-1]
    return _NEGATION.search(window) is not None


def channel_sides(
    folded: str,
    ends: list[int],
    channels: Iterable[tuple[int, tuple[str, ...]]],
    judgements: Iterable[tuple[int, str]],
    unreachable: Iterable[int] = (),
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The channel kinds praised, blamed and named in ``folded``: see
    :func:`failed_sides`, which also says the channels where a contact failed."""
    praised, blamed, mentioned, _failed = failed_sides(
        folded, ends, channels, judgements, unreachable
    )
    return praised, blamed, mentioned


def failed_sides(
    folded: str,
    ends: list[int],
    channels: Iterable[tuple[int, tuple[str, ...]]],
    judgements: Iterable[tuple[int, str]],
    unreachable: Iterable[int] = (),
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The channel kinds praised, blamed, named, and those where a contact failed (no
    answer, out of reach: a blame of the way in, not of what was said there), in
    ``folded`` (the folded text;
    ``ends``: where its sentences end), from ``channels`` (where a channel word starts,
    and its kinds), ``judgements`` (where a praise or blame word starts, and
    ``"positive"`` or ``"negative"``) and ``unreachable`` (where the phone out of reach
    is told)."""
    starts = _clause_starts(folded, ends)
    in_clause: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    mentioned: set[str] = set()
    for position, kinds in channels:
        mentioned.update(kinds)
        in_clause.setdefault(bisect_right(starts, position), []).append((position, kinds))
    praised: set[str] = set()
    blamed: set[str] = set()
    failed: set[str] = set()

    def judge(position: int, side: str) -> None:
        clause = bisect_right(starts, position)
        named = in_clause.get(clause)
        if not named:
            return
        if side == "positive" and _negated(folded, starts[clause - 1], position):
            side = "negative"
        nearest = min(named, key=lambda item: (abs(item[0] - position), item[0]))[1]
        (praised if side == "positive" else blamed).update(nearest)

    for position, side in judgements:
        judge(position, side)
    for clause, named in in_clause.items():
        start = starts[clause - 1]
        end = starts[clause] if clause < len(starts) else len(folded)
        for match in _FAILED.finditer(folded, start, end):
            failed.update(_nearest_to_span(named, match.start(), match.end()))
            # "par mail et téléphone sans aucune réponse": every channel named just
            # before the failure's words failed too.
            for position, kinds in named:
                if 0 <= match.start() - position <= FAILED_REACH:
                    failed.update(kinds)
    if any(True for _ in unreachable):
        failed.add("phone")
    blamed |= failed
    praised -= failed
    return frozenset(praised), frozenset(blamed), frozenset(mentioned), frozenset(failed)


def _nearest_to_span(
    named: list[tuple[int, tuple[str, ...]]], start: int, end: int
) -> tuple[str, ...]:
    """The kinds of the channel nearest to the words of a failure between ``start`` and
    ``end``: a channel after them is measured from their end ("injoignable par
    téléphone et ne répond pas aux mails": the mails did not answer), one before them
    from their start."""

    def distance(item: tuple[int, tuple[str, ...]]) -> tuple[int, int]:
        position = item[0]
        return (position - end if position >= end else start - position, position)

    return min(named, key=distance)[1]


#: The kinds of contact a reply offers (``inputs.Contact.kind``) on each channel kind
#: the words tell of.
CONTACT_KINDS_OF = {
    "phone": ("phone",),
    # An e-mail or a contact form left unanswered: a web contact is most often that
    # same written way in (a "nous contacter" page), not a way forward.
    "email": ("email", "web"),
    "mail": ("address",),
    "online": ("web",),
    "account": ("web",),
}


def failed_contacts_last(contacts: tuple[C, ...], failed: frozenset[str]) -> tuple[C, ...]:
    """``contacts`` (each with a ``kind``) with those on a channel where the user's
    contact failed (``failed``: channel kinds) last: the reply never offers first the
    way in the user says did not work."""
    kinds = {kind for channel in failed for kind in CONTACT_KINDS_OF.get(channel, ())}
    if not kinds:
        return contacts
    working = tuple(c for c in contacts if c.kind not in kinds)
    if not working or len(working) == len(contacts):
        return contacts
    return working + tuple(c for c in contacts if c.kind in kinds)


def every_contact_failed(contacts: tuple[_Kinded, ...], failed: frozenset[str]) -> bool:
    """Whether every one of ``contacts`` is on a channel where the user's contact failed."""
    kinds = {kind for channel in failed for kind in CONTACT_KINDS_OF.get(channel, ())}
    return bool(contacts) and all(c.kind in kinds for c in contacts)


#: What the user went through on each channel kind (None: an unknown channel), as a
#: noun phrase that fits after "lors de", "de" or "après": the same wording as the
#: templates' ``moment`` macro (templates/shared/macros.j2; a test keeps them equal).
MOMENTS = {
    "phone": "votre appel",
    "counter": "votre visite à notre accueil",
    "online": "votre démarche en ligne",
    "account": "votre démarche dans votre espace personnel",
    "mail": "votre échange de courriers avec nos services",
    "email": "votre échange de courriels avec nos services",
    "chat": "votre échange sur notre messagerie en ligne",
    "social": "votre échange avec nous sur les réseaux sociaux",
    None: "votre démarche",
}


#: The channel kinds the words can tell of (said.tsv's channel words).
_TOLD_CHANNELS = frozenset({"counter", "phone", "online", "account", "mail", "email"})


def channel_told(
    channel: str | None, mentioned: frozenset[str] | None, phone_unreachable: bool
) -> bool:
    """Whether a reply may name ``channel`` (a visit, a call, an online procedure, an
    exchange of letters): when the words (``mentioned``: the channel kinds they name,
    None with no description) tell of it. The export's channels are often the
    service's, not what the user went through (a border check is no "démarche en
    ligne")."""
    if channel not in _TOLD_CHANNELS or mentioned is None:
        return True
    return channel in mentioned or (channel == "phone" and phone_unreachable)
