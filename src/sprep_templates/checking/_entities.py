"""A reply as exports write it, made plain before any rule reads it (issue 23); spans
are mapped back to the text as given.

- HTML entities (``&nbsp;``, ``&eacute;``, ``&#39;``) are decoded: left as they are,
  ``&nbsp;`` counts as a word and glues itself to a link ("agirc-arrco.fr&nbsp" is no
  official host).
- A run of spaces (plain, non-breaking, narrow) becomes one plain space, and the " ;"
  that exports leave for a lost non-breaking space, glued to the next word ("par la
  voie ;postale"), loses its semicolon: an entry of the lexicon is found across them.

:func:`decode` returns the plain text and, for each of its characters, where it came
from; :func:`map_back` turns a span of the plain text into one of the text as given.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

__all__ = ["decode", "map_back"]

#: A named or numeric character reference, with its semicolon (as the editor writes it).
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
#: Two spaces or more, or the semicolon of a lost non-breaking space (" ;mot").
_SPACING = re.compile(r"[ \t\u00a0\u202f]{2,}|(?<=[ \u00a0\u202f]);(?=\w)")


def _rewrite(
    text: str,
    origins: list[int],
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], str | None],
) -> tuple[str, list[int]] | None:
    """``text`` with each match of ``pattern`` replaced by ``replace(match)`` (None:
    left as it is), and the origins of the new text's characters; None if unchanged."""
    pieces: list[str] = []
    new_origins: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        replacement = replace(match)
        if replacement is None:
            continue
        pieces.append(text[position : match.start()])
        new_origins.extend(origins[position : match.start()])
        pieces.append(replacement)
        new_origins.extend([origins[match.start()]] * len(replacement))
        position = match.end()
    if not pieces:
        return None
    pieces.append(text[position:])
    new_origins.extend(origins[position:])
    return "".join(pieces), new_origins


def _entity(match: re.Match[str]) -> str | None:
    decoded = html.unescape(match.group())
    return None if decoded == match.group() else decoded  # unknown: left as written


def _spacing(match: re.Match[str]) -> str | None:
    return "" if match.group() == ";" else " "


def decode(text: str) -> tuple[str, list[int] | None]:
    """``text`` made plain, and the start in ``text`` of each plain character followed
    by ``len(text)`` (None when there is nothing to change)."""
    if "&" not in text and _SPACING.search(text) is None:
        return text, None
    length = len(text)
    origins = list(range(length))
    changed = False
    for pattern, replace in ((_ENTITY, _entity), (_SPACING, _spacing)):
        rewritten = _rewrite(text, origins, pattern, replace)
        if rewritten is not None:
            text, origins = rewritten
            changed = True
    if not changed:
        return text, None
    return text, [*origins, length]


def map_back(origins: list[int], start: int, end: int, text: str) -> tuple[int, int]:
    """The span of ``text`` (as given) that the span ``start:end`` of its plain form
    covers: from the first character's origin to past the last one's entity."""
    first = origins[start]
    if end <= start:
        return first, first
    last = origins[end - 1]
    entity = _ENTITY.match(text, last) if text.startswith("&", last) else None
    return first, entity.end() if entity is not None else last + 1
