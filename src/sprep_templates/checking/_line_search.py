"""Which of a few patterns match anywhere in a reply, read line by line (issue 24).

Replies share most of their lines, and most rules find nothing in most replies: a
pattern no line of a reply matches needs no search of the reply at all. Each line of
the masked text (:attr:`.Reading.masked`) is searched once for every pattern of
:data:`LINE_PATTERNS` and its answer (one bit a pattern) remembered, in a bounded
memo that ``clear_caches`` empties; a reply's answer is its lines' together.

Exact for a pattern none of whose matches holds a line break and whose match at a
position does not depend on what is beyond the line: a line break and a text's start
or end read the same for ``\\b``, ``\\w`` and the look-behinds used (no ``^``/``$``
with MULTILINE, no ``.`` with DOTALL, no class that holds a line break). Then the
text has a match exactly when one of its lines has one; tests/test_speed_equivalence.py
checks each pattern registered.
"""

from __future__ import annotations

import re

from ..memos import BoundedMemo
from ._reading import Reading, _lower

__all__ = ["LINE_PATTERNS", "line_flag", "line_flags", "reply_flags"]

#: The patterns read line by line: (pattern, searched in the lower-cased text).
LINE_PATTERNS: list[tuple[re.Pattern[str], bool]] = []

_FLAGS: BoundedMemo[int] = BoundedMemo()


def line_flag(pattern: re.Pattern[str], *, lower: bool) -> int:
    """Register ``pattern`` (searched in the lower-cased text when ``lower``, else in the
    masked text as written): its bit in :func:`line_flags`."""
    if "\n" in pattern.pattern or pattern.flags & (re.MULTILINE | re.DOTALL):
        raise ValueError(f"{pattern.pattern!r} may match across a line break")
    LINE_PATTERNS.append((pattern, lower))
    _FLAGS.clear()  # lines read before knew fewer patterns
    return 1 << (len(LINE_PATTERNS) - 1)


def _line_bits(line: str) -> int:
    lowered = None
    bits = 0
    for index, (pattern, lower) in enumerate(LINE_PATTERNS):
        if lower and lowered is None:
            lowered = _lower(line)
        if pattern.search(lowered if lower else line) is not None:  # type: ignore[arg-type]
            bits |= 1 << index
    return bits


def line_flags(masked: str) -> int:
    """The bits (:func:`line_flag`) of the patterns some line of ``masked`` matches."""
    remembered = _FLAGS.get
    bits = 0
    for line in masked.split("\n"):
        found = remembered(line)
        if found is None:
            found = _FLAGS.remember(line, _line_bits(line))
        bits |= found
    return bits


def reply_flags(reply: Reading) -> int:
    """:func:`line_flags` of the reply's masked text, found once per reading."""
    found = reply.line_flags
    if found is None:
        found = reply.line_flags = line_flags(reply.masked)
    return found
