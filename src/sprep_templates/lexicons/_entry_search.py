"""The jargon lexicon searched entry by entry at each candidate start (issue 23).

The combined pattern of :class:`._jargon.Lexicon` is one alternation of every entry;
Python's regex engine tries its branches one after the other at each start, so its cost
grows with the lexicon (430 entries, some with an insertion slot: about 100 µs a try).
Here each start is first read for the literal prefixes that begin there (by their first
two characters, then by the lengths of the prefixes that start so), and only the entries
with such a prefix are tried, in the combined pattern's order (longest first): the same
matches as the combined pattern's ``finditer``, left to right without overlap, for a few
microseconds a start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from ._jargon import JargonEntry, Lexicon, compile_pattern, lexicon
from ._matcher import literal_prefixes

__all__ = ["EntrySearch", "entry_search"]

_KEY = 2  # prefixes are looked up by their first characters


def _word_char(char: str) -> bool:
    """Whether ``char`` is one of the regex engine's ``\\w`` (alphanumeric or _)."""
    return char.isalnum() or char == "_"


class EntrySearch:
    """Where the entries of a lexicon match in lower-cased text."""

    def __init__(self, found: Lexicon) -> None:
        self.entries = found.entries
        regexes = [compile_pattern(entry.pattern) for entry in found.entries]
        # The combined pattern's order: at one start, longer patterns are tried first.
        order = sorted(range(len(regexes)), key=lambda i: -len(regexes[i]))
        self._rank = {index: rank for rank, index in enumerate(order)}
        #: each entry's regular expression (for lower-cased text)
        self.regexes = regexes
        #: each entry's pattern, compiled the first time it is tried (start-up: most
        #: entries are never tried on a title, a reply tries a few dozen)
        self._patterns: list[re.Pattern[str] | None] = [None] * len(regexes)
        by_prefix: dict[str, set[int]] = {}
        lengths: dict[str, set[int]] = {}
        for index, regex in enumerate(regexes):
            for prefix in literal_prefixes(regex) or ():
                by_prefix.setdefault(prefix, set()).add(index)
                lengths.setdefault(prefix[:_KEY], set()).add(len(prefix))
        #: the entries each prefix starts, in the order they are tried
        self._by_prefix = {
            prefix: tuple(sorted(indices, key=self._rank.__getitem__))
            for prefix, indices in by_prefix.items()
        }
        #: for the first characters of a prefix, the lengths of the prefixes that start so
        self._lengths = {key: tuple(sorted(found)) for key, found in lengths.items()}

    def _compiled(self, index: int) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{self.regexes[index]})\b")

    def finditer(
        self, lower: str, starts: Sequence[int]
    ) -> Iterator[tuple[re.Match[str], JargonEntry]]:
        """Matches in ``lower`` at the candidate ``starts`` (sorted; every start of a
        prefix must be among them), each with its entry."""
        after = 0
        for start in starts:
            if start < after:
                continue
            if start and _word_char(lower[start - 1]) and _word_char(lower[start]):
                continue  # inside a word ("jour" in "bonjour"): no \b, no entry matches
            tried: list[int] = []
            for key in {lower[start : start + _KEY], lower[start : start + 1]}:
                for length in self._lengths.get(key, ()):
                    indices = self._by_prefix.get(lower[start : start + length])
                    if indices is not None:
                        tried += indices
            if not tried:
                continue
            for index in (
                sorted(set(tried), key=self._rank.__getitem__) if len(tried) > 1 else tried
            ):
                pattern = self._patterns[index]
                if pattern is None:
                    pattern = self._patterns[index] = self._compiled(index)
                match = pattern.match(lower, start)
                if match is not None:
                    after = match.end()
                    yield match, self.entries[index]
                    break


@cache
def entry_search() -> EntrySearch:
    """The search of the bundled lexicon, built once."""
    return EntrySearch(lexicon())
