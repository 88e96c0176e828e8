"""The notes a draft gives its agent, without contradictions or noise.

What the words say of the channels is read sentence by sentence (``experience._said``):
a channel praised in one sentence and blamed in another is said both ways, and a note
naming it on one side would mislead the agent, so neither note names it; a channel the
user praised that the experience's own channels do not name ("channel praised: phone"
on an online procedure: "no need to phone") is no channel of this experience.

A note that quotes the user ("the user asks: « … »") carries no personal data and
nothing a UTF-8 output cannot write (``experience._requests.for_agent``).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..experience._requests import asking_clause, for_agent
from ..inputs import channel_kind

__all__ = ["clean_notes"]

_PRAISED = "channel praised: "
_BLAMED = "channel blamed: "
#: The note that quotes the user's question (``experience._said``).
_ASKS = "the user asks: "

#: Notes that explain a personalisation, by the reading of ``personalised_by`` they
#: explain: when the text does not use the reading, the label would tell the agent of
#: something the reply does not say ("praise: speed" beside a reply of regret).
_EXPLAINS = {"praise: ": "praise", "access that failed: ": "access"}


def _asks(note: str) -> str:
    """The question note with its quote from the clause that asks."""
    body = note.removeprefix(_ASKS)
    if body.startswith("« ") and " » " in body:
        asked, rest = body[2:].rsplit(" » ", 1)
        return f"{_ASKS}« {asking_clause(for_agent(asked))} » {rest}"
    return for_agent(note)


#: The kinds the words name for one channel (``_said._CHANNELS``) that count as one.
_SAME_KIND = {"account": "online", "email": "mail"}


def _kinds(note: str, prefix: str) -> list[str]:
    return note.removeprefix(prefix).split(", ")


def clean_notes(
    notes: Iterable[str], channels: tuple[str, ...], used: Collection[str] | None = None
) -> list[str]:
    """``notes`` with the channel notes made consistent (see the module): a kind both
    praised and blamed is in neither note; a praised kind the experience's
    ``channels`` do not name is dropped when they name one; a note left empty goes; a
    note quoting the user has its personal data left out and quotes the clause that
    asks. With ``used`` (the reply's ``personalised_by``), a note that explains a
    reading the text does not use goes (:data:`_EXPLAINS`)."""
    notes = [_asks(n) if n.startswith(_ASKS) else n for n in notes]
    if used is not None:
        notes = [
            n
            for n in notes
            if not any(n.startswith(p) and r not in used for p, r in _EXPLAINS.items())
        ]
    praised = next((n for n in notes if n.startswith(_PRAISED)), None)
    blamed = next((n for n in notes if n.startswith(_BLAMED)), None)
    if praised is None and blamed is None:
        return notes
    own = {channel_kind((channel,)) for channel in channels} - {None}
    own |= {_SAME_KIND.get(kind, kind) for kind in own if kind is not None}
    both = set()
    if praised is not None and blamed is not None:
        both = set(_kinds(praised, _PRAISED)) & set(_kinds(blamed, _BLAMED))
    kept = []
    for note in notes:
        if note is praised or note is blamed:
            prefix = _PRAISED if note is praised else _BLAMED
            kinds = [k for k in _kinds(note, prefix) if k not in both]
            if note is praised and own:
                kinds = [k for k in kinds if _SAME_KIND.get(k, k) in own or k in own]
            if not kinds:
                continue
            note = prefix + ", ".join(kinds)
        kept.append(note)
    return kept
