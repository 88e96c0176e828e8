"""A reply as exports write it, made plain before any rule reads it (issue 23); spans
are mapped back to the text as given.

- HTML entities (``&nbsp;``, ``&eacute;``, ``&#39;``) are decoded: left as they are,
  ``&nbsp;`` counts as a word and glues itself to a link ("agirc-arrco.fr&nbsp" is no
  official host).
- A run of spaces (plain, non-breaking, narrow, written as entities or not) becomes one
  plain space, and the " ;" that exports leave for a lost non-breaking space, glued to
  the next word ("par la voie ;postale"), loses its semicolon: an entry of the lexicon
  is found across them.

:func:`decode` returns the plain text and where its characters came from
(:class:`Origins`); :meth:`Origins.span` turns a span of the plain text into one of the
text as given. One pass of one pattern, without nested quantifiers: linear in the text.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from ..memos import BoundedMemo, any_line_matches

__all__ = ["Origins", "decode"]

_SPACE_ENTITY = r"&(?:nbsp|ensp|emsp|thinsp|#160|#8239|#x[aA]0|#x202[fF]);"
_SPACE = rf"(?:[ \t\u00a0\u202f]|{_SPACE_ENTITY})"
# Every alternative starts with one literal character, so that the engine skips to the
# next space or "&" (no position between is tried).
_PLAIN = re.compile(
    # a run of spaces
    rf" {_SPACE}+|\t{_SPACE}+|\u00a0{_SPACE}+|\u202f{_SPACE}+|{_SPACE_ENTITY}{_SPACE}+"
    # the semicolon of a lost non-breaking space, with the space before it
    r"| ;(?=\w)|\u00a0;(?=\w)|\u202f;(?=\w)"
    # an entity
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
)

#: Whether a text may need any of it (a class first: the engine skips to it fast).
# (Written to start with a class, so that the engine skips to those characters:
# "[ \t\u00a0\u202f][ \t\u00a0\u202f;]|&", which tests/test_checking_scans.py compares.)
_MAYBE = re.compile(r"[ \t\u00a0\u202f&](?:(?<=&)|[ \t\u00a0\u202f;])")

#: Whether a line may need any of it, by the line's text: replies share most of their
#: lines, and no match of _MAYBE holds a line break (each line is searched once).
_MAYBE_LINES: BoundedMemo[bool] = BoundedMemo()


def _may_change(text: str) -> bool:
    """``_MAYBE.search(text) is not None``, line by line (see :data:`_MAYBE_LINES`)."""
    return any_line_matches(_MAYBE, text, _MAYBE_LINES)


class Origins:
    """Where the characters of a plain text came from: at each change, the plain
    position and the shift to add to reach the text as given."""

    __slots__ = ("_plain", "_shifts", "_text")

    def __init__(self, text: str, plain: list[int], shifts: list[int]) -> None:
        self._text, self._plain, self._shifts = text, plain, shifts

    def at(self, position: int) -> int:
        """The position in the text as given of the plain text's ``position``."""
        index = bisect_right(self._plain, position) - 1
        return position + (self._shifts[index] if index >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the text as given that the plain ``start:end`` covers: from the
        first character's origin to past the last one's (a whole entity)."""
        first = self.at(start)
        if end <= start:
            return first, first
        last = self.at(end - 1)
        entity = _PLAIN.match(self._text, last) if self._text.startswith("&", last) else None
        return first, entity.end() if entity is not None else last + 1


def _replacement(match: re.Match[str]) -> str | None:
    found = match.group()
    if found.endswith(";") and len(found) == 2 and found[0] in " \u00a0\u202f":
        return " "  # a lost non-breaking space: its semicolon goes
    if found.startswith("&") and found.endswith(";") and found.count(";") == 1:
        decoded = html.unescape(found)
        return None if decoded == found else decoded  # unknown: left as written
    return " "  # a run of spaces


def decode(text: str) -> tuple[str, Origins | None]:
    """``text`` made plain, and where its characters came from (None when unchanged)."""
    if not _may_change(text):
        return text, None
    pieces: list[str] = []
    plain: list[int] = []
    shifts: list[int] = []
    position = length = 0  # in the text as given, in the plain text
    for match in _PLAIN.finditer(text):
        replacement = _replacement(match)
        if replacement is None:
            continue
        kept = text[position : match.start()]
        pieces += (kept, replacement)
        length += len(kept)
        plain.append(length)  # the replacement's characters come from the match's start
        shifts.append(match.start() - length)
        length += len(replacement)
        plain.append(length)  # after it, the text as given resumes at the match's end
        shifts.append(match.end() - length)
        position = match.end()
    if not pieces:
        return text, None
    pieces.append(text[position:])
    return "".join(pieces), Origins(text, plain, shifts)
