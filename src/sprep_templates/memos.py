"""Bounded memos of what was read of texts, and forgetting them all (``clear_caches``).

Replies share most of their lines (greeting, stock sentences, closing): what the
checker reads of a line (its candidates, its lexicon matches, its step words, its
sentences and counts) is kept by the line's text and read once. A memo is bounded:
it is emptied when it holds ``limit`` entries (cheaper than tracking the least
recently used; a batch refills what it needs within a few replies), and a text longer
than ``max_key_chars`` is not kept. :func:`clear_memos` empties every memo made.
"""

from __future__ import annotations

import re
import weakref
from typing import TypeVar

__all__ = ["LINE_MEMO", "MEMO_LINE_CHARS", "BoundedMemo", "any_line_matches", "clear_memos"]

V = TypeVar("V")

#: How many lines a line memo keeps, and how long each may be.
LINE_MEMO = 4096
MEMO_LINE_CHARS = 2000

#: Every memo made (weakly: a memo no longer used goes with its owner).
_MEMOS: list[weakref.ref[BoundedMemo[object]]] = []


class BoundedMemo(dict[str, V]):
    """A dict of what was computed from a text, by the text: at most ``limit`` entries,
    each of a text of at most ``max_key_chars`` characters. Read it as a dict
    (``memo.get(text)``); keep a value with :meth:`remember`."""

    def __init__(self, limit: int = LINE_MEMO, max_key_chars: int = MEMO_LINE_CHARS) -> None:
        super().__init__()
        self.limit = limit
        self.max_key_chars = max_key_chars
        if len(_MEMOS) >= 64:  # memos made and gone (a pattern set's): let their references go
            _MEMOS[:] = [reference for reference in _MEMOS if reference() is not None]
        _MEMOS.append(weakref.ref(self))  # type: ignore[arg-type]

    def remember(self, text: str, value: V) -> V:
        """Keep ``value`` for ``text`` (unless ``text`` is too long), emptying the memo
        first when it is full; returns ``value``."""
        if len(text) <= self.max_key_chars:
            if len(self) >= self.limit:
                self.clear()
            self[text] = value
        return value


def any_line_matches(pattern: re.Pattern[str], text: str, memo: BoundedMemo[bool]) -> bool:
    """``pattern.search(text) is not None`` for a pattern that never spans a line
    break, line by line, each line's answer kept in ``memo`` (replies share most of
    their lines); a text of one line is searched as it is."""
    if "\n" not in text:
        return pattern.search(text) is not None
    remembered = memo.get
    for line in text.split("\n"):
        found = remembered(line)
        if found is None:
            found = memo.remember(line, pattern.search(line) is not None)
        if found:
            return True
    return False


def clear_memos() -> None:
    """Empty every memo made (they refill as texts are read again)."""
    alive = []
    for reference in list(_MEMOS):
        memo = reference()
        if memo is not None:
            memo.clear()
            alive.append(reference)
    _MEMOS[:] = alive
