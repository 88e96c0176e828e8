"""The user's suggestion: which sentence makes one, and what it is about.

The DITP guide asks a reply to show that we listen to proposals: « Merci pour votre
suggestion sur le rappel par SMS » names what the user proposes, where « Merci pour
votre suggestion » does not. A sentence makes a suggestion when it holds a cue (« il
serait bien de », « pourquoi ne pas », « il faudrait », « je propose », « ne
serait-il pas possible de », or « Ajouter… » where it starts), unless the cue is part of
a complaint, a sarcasm or a request for oneself in the same words (« il faudrait des
mois pour… », « pourquoi ne pas m'avoir prévenu », « serait-il possible de me
rappeler »). What it is about is a topic's noun phrase (:data:`TOPIC_PHRASES`), read
in that sentence only, never elsewhere in the text: the reply names it in our words,
never in the user's (their typos, their case); the agent's note quotes the sentence.

The words are ``data/suggestions.tsv`` (format and sources in its header). The cues
are read on the folded description (one regular expression), the topics only on the
suggestion's sentences: linear in the text.

A draft whose user makes a suggestion it does not name is not ``ready``
(:func:`unnamed_suggestion`, called by the status policy of ``drafting._reply``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import cache
from typing import NamedTuple

from ..exceptions import DataFileError
from ..lexicons._files import numbered_lines
from ..lexicons._matcher import PrefixAutomaton, required_prefixes
from ..lexicons._pattern_files import fold_keeping_length

__all__ = [
    "SUGGESTIONS_FILE",
    "TOPIC_PHRASES",
    "Suggestion",
    "read_suggestion",
    "unnamed_suggestion",
]

SUGGESTIONS_FILE = "suggestions.tsv"

_CUE = "cue"
_CUE_START = "cue-start"
_NOT = "not"
_TOPIC_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
#: A topic's phrase: a noun phrase with its article, in the reply's typography.
_PHRASE = re.compile(r"(?:le|la|les|un|une|des|d’autres|l’\w)[^'\"«»]*")
#: Where a sentence starts, before its first word: spaces, a dash, a bullet, a number.
_OPENING = r"[\s\-–•*\d).:]*"
#: A sentence that announces the suggestions that follow it, and how far they are read.
_ANNOUNCES = re.compile(r":\s*$|\b(?:suivante?s|voici|suggestions)\b", re.IGNORECASE)
_ANNOUNCED = 300
#: A suggestion sentence is quoted for the agent up to this many characters.
MAX_QUOTE = 200


class Suggestion(NamedTuple):
    """The user's suggestion: the sentence that makes it (as they wrote it, for the
    agent's note), where it starts in the text, and what it is about (a key of
    :data:`TOPIC_PHRASES`; None when no topic is read in that sentence)."""

    sentence: str
    start: int
    topic: str | None


class _Words(NamedTuple):
    #: The words a cue starts with (lower case): a sentence without any is no
    #: suggestion, and its patterns are not tried there.
    cue_words: PrefixAutomaton[int]
    cues: re.Pattern[str]
    starts: re.Pattern[str]
    nots: re.Pattern[str]
    topics: tuple[tuple[str, re.Pattern[str]], ...]
    phrases: dict[str, str]


def _whole(pattern: str) -> str:
    """``pattern`` on whole words: it ends at a word's end, or after a space or an
    apostrophe it holds ("de m'": « de m'envoyer »)."""
    return rf"(?<![\w-])(?:{pattern})(?:(?<=[\s'])|(?!\w))"


@cache
def _words() -> _Words:
    """The patterns of ``data/suggestions.tsv``, checked (:class:`DataFileError`)."""
    cues: list[str] = []
    starts: list[str] = []
    nots: list[str] = []
    topics: list[tuple[str, re.Pattern[str]]] = []
    phrases: dict[str, str] = {}
    cue_words: set[str] = set()
    lines = numbered_lines(SUGGESTIONS_FILE)
    for number, line in lines[1:]:  # the first line is the header
        where = f"{SUGGESTIONS_FILE}, line {number}"
        fields = line.split("\t")
        if len(fields) != 4:
            raise DataFileError(
                f"{where}: {len(fields)} fields; write category, pattern, phrase, source "
                "separated by tabs"
            )
        category, pattern, phrase, _source = fields
        try:
            compiled = re.compile(_whole(pattern), re.IGNORECASE)
        except re.error as error:
            raise DataFileError(f"{where}: the pattern is no regular expression: {error}") from None
        if category == _CUE:
            cue_words |= required_prefixes(pattern, f"{where}: the cue {pattern!r}")
        if category in (_CUE, _CUE_START, _NOT):
            {_CUE: cues, _CUE_START: starts, _NOT: nots}[category].append(pattern)
            continue
        if not _TOPIC_NAME.fullmatch(category):
            raise DataFileError(
                f"{where}: category {category!r} is none of cue, cue-start, not, or a "
                "topic's name (lower case words joined by hyphens)"
            )
        if not _PHRASE.fullmatch(phrase) or phrases.get(category, phrase) != phrase:
            raise DataFileError(
                f"{where}: topic {category!r} needs one noun phrase with its article and "
                f"the reply's apostrophe ’ (got {phrase!r})"
            )
        phrases[category] = phrase
        topics.append((category, compiled))
    if lines[:1] and lines[0][1].split("\t") != ["category", "pattern", "phrase", "source"]:
        raise DataFileError(f"{SUGGESTIONS_FILE}, line {lines[0][0]}: the header is missing")

    def alternatives(patterns: list[str], opening: str = "") -> re.Pattern[str]:
        return re.compile(
            opening + "|".join(_whole(p) for p in patterns) if patterns else r"(?!)",
            re.IGNORECASE,
        )

    return _Words(
        cue_words=PrefixAutomaton({word.lower(): (0,) for word in cue_words}),
        cues=alternatives(cues),
        starts=re.compile(
            rf"{_OPENING}(?:{'|'.join(_whole(p) for p in starts) or '(?!)'})", re.IGNORECASE
        ),
        nots=alternatives(nots),
        topics=tuple(topics),
        phrases=phrases,
    )


def topic_phrases() -> dict[str, str]:
    """Each topic's name and the noun phrase a reply names it with."""
    return dict(_words().phrases)


#: Each topic's name and the noun phrase a reply names it with (« le rappel par SMS »).
TOPIC_PHRASES = topic_phrases()


def _topic(folded_sentence: str) -> str | None:
    """The first topic of the file whose words ``folded_sentence`` holds, or None."""
    spaced = folded_sentence.replace("'", "' ")
    return next((name for name, pattern in _words().topics if pattern.search(spaced)), None)


def _spans(ends: Iterable[int], length: int) -> Iterable[tuple[int, int]]:
    start = 0
    for end in [*ends, length]:
        if end > start:
            yield start, end
            start = end


def _suggests(
    folded_sentence: str, also_at: Collection[int], offset: int, cued: bool
) -> int | None:
    """Where the sentence makes a suggestion (in it), or None: the first cue (or one
    of ``also_at``, a position another reader found a suggestion at) that no complaint
    overlaps. ``cued``: whether the sentence holds a cue's first words."""
    words = _words()
    refused: list[tuple[int, int]] | None = None

    def kept(start: int, end: int) -> bool:
        nonlocal refused
        if refused is None:
            refused = [match.span() for match in words.nots.finditer(folded_sentence)]
        return not any(start < r_end and r_start < end for r_start, r_end in refused)

    opening = words.starts.match(folded_sentence)
    if opening is not None and kept(opening.start(), opening.end()):
        return 0
    found = (
        [m.start() for m in words.cues.finditer(folded_sentence) if kept(*m.span())] if cued else []
    )
    # Another reader's cue: refused when a complaint overlaps its first character.
    found.extend(
        at - offset
        for at in also_at
        if 0 <= at - offset < len(folded_sentence) and kept(at - offset, at - offset + 1)
    )
    return min(found, default=None)


def read_suggestion(
    text: str, folded: str, ends: list[int], also_at: Collection[int] = ()
) -> Suggestion | None:
    """The user's suggestion in ``text`` (``folded``: the same folded, one character
    for one; ``ends``: where its sentences end): the first sentence that makes one
    and names a topic, else the first that makes one; None when none does.
    ``also_at``: positions where another reader saw a suggestion (its cue is kept
    unless a complaint in the same words overlaps it)."""
    first: Suggestion | None = None
    # Where a cue's first words occur: the cues are tried in those sentences only.
    cued = [end - back for end, (back, _owners) in _words().cue_words.hits(folded.lower())]
    for start, end in _spans(ends, len(text)):
        said = folded[start:end]
        inside = [at for at in also_at if start <= at < end]
        cue = _suggests(said, inside, start, any(start <= at < end for at in cued))
        if cue is None:
            continue
        # What follows the cue says what is proposed ("…, il serait bon de…"); the
        # sentence's start only when it does not ("…recommandé, mais pourquoi pas la CNI ?");
        # what comes next when this one announces it ("Il serait bon de revoir :",
        # "Voici deux suggestions.").
        topic = _topic(said[cue:]) or _topic(said)
        if topic is None and _ANNOUNCES.search(said):
            topic = _topic(folded[end : end + _ANNOUNCED])
        found = Suggestion(_quote(text[start:end]), start, topic)
        if topic is not None:
            return found
        if first is None:
            first = found
    return first


def _quote(sentence: str) -> str:
    sentence = " ".join(sentence.split())
    if len(sentence) > MAX_QUOTE:
        sentence = sentence[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"
    return sentence


def unnamed_suggestion(
    suggestion: Suggestion | None, fallback: str | None, used: Collection[str]
) -> str | None:
    """The user's suggestion a draft leaves unnamed, quoted for the agent's note, or
    None: a suggestion is named when the draft thanks it (``"suggestion"`` in
    ``used``, the draft's ``personalised_by``) with its topic (:data:`TOPIC_PHRASES`).
    ``fallback``: the suggestion another reader quoted (``experience._needs``), for a
    user whose suggestion this module does not read (not when its words are a
    complaint's: « il faudrait des mois… »)."""
    if suggestion is None:
        # Another reader's suggestion, unless its cue is a complaint in the same words.
        if fallback is None or "suggestion" in used:
            return None
        return None if _words().nots.search(fold_keeping_length(fallback)) else fallback
    if "suggestion" in used and suggestion.topic in TOPIC_PHRASES:
        return None
    return suggestion.sentence
