"""The lexicon's matches in a reply, line by line: replies share most of their lines
(greeting, stock sentences, closing), and each line is searched once (issue 24).

A line's matches are those the whole text has on that line when no entry can match a
line break: then a match never runs over a line's end, and the text around a line
(a line break, or nothing) is no word character either way, so ``\\b`` and the
in-a-word test of :meth:`..lexicons._entry_search.EntrySearch.finditer` read the same.
:func:`lines_hold_matches` checks that on the entries' regular expressions (a
conservative reading: a ``.``, a negated class or a class escape such as ``\\s`` turns
the memo off, and the whole text is searched as before).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from ..lexicons import JargonEntry
from ..lexicons._entry_search import EntrySearch, entry_search
from ..memos import BoundedMemo
from ._reading import Reading

__all__ = ["jargon_matches", "lines_hold_matches"]

_TOKEN = re.compile(r"\\.|\[\^|.", re.DOTALL)
_SAFE_ESCAPES = frozenset("db")  # \d (a digit) and \b (a boundary) match no line break


def lines_hold_matches(sources: Iterable[str]) -> bool:
    """Whether no regular expression of ``sources`` can match a line break (read
    conservatively: ``False`` when unsure)."""
    for source in sources:
        if "(?" in source.replace("(?:", ""):
            return False  # a flag (s, x…) or a look-around: not read here
        for token in _TOKEN.findall(source):
            if token in ("\n", ".", "[^"):
                return False
            if token[0] == "\\" and token[1:].isalnum() and token[1:] not in _SAFE_ESCAPES:
                return False
    return True


@cache
def _by_line(search: EntrySearch) -> bool:
    # the entries' expressions (the search wraps each in \b(?:…)\b: no line break)
    return lines_hold_matches(search.regexes)


#: Each line's matches, by the line's text (bounded; emptied by ``clear_caches``, and
#: when the lexicon is built anew: ``_READ_WITH`` holds the search they were found with).
_LINES: BoundedMemo[tuple[tuple[int, int, JargonEntry], ...]] = BoundedMemo()
_READ_WITH: list[EntrySearch] = []


def _line_matches(
    search: EntrySearch, line: str, starts: list[int]
) -> tuple[tuple[int, int, JargonEntry], ...]:
    found = _LINES.get(line)
    if found is None:
        found = _LINES.remember(
            line, tuple((m.start(), m.end(), entry) for m, entry in search.finditer(line, starts))
        )
    return found


def jargon_matches(reply: Reading) -> Iterator[tuple[int, int, JargonEntry]]:
    """``(start, end, entry)`` of each match of the bundled lexicon in ``reply.lower``,
    left to right: those of ``entry_search().finditer`` at the reply's candidates."""
    search = entry_search()
    if not _READ_WITH or _READ_WITH[0] is not search:
        _LINES.clear()  # read with another lexicon (a test's or a benchmark's)
        _READ_WITH[:] = [search]
    lines = reply.candidates.lines()
    if not lines or not _by_line(search):
        for match, entry in search.finditer(reply.lower, reply.candidates.starts("jargon")):
            yield match.start(), match.end(), entry
        return
    for offset, line, starts in lines:
        line_starts = starts.get("jargon")
        if line_starts is None:
            continue
        for start, end, entry in _line_matches(search, line, line_starts):
            yield start + offset, end + offset, entry
