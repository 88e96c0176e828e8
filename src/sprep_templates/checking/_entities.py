"""HTML entities in a reply (``&nbsp;``, ``&eacute;``, ``&#39;``): decoded before any
rule reads the text, spans mapped back to the text as given (issue 23).

Exports of the platform keep the entities of its editor: left as they are, ``&nbsp;``
counts as a word and glues itself to a link ("agirc-arrco.fr&nbsp" is no official
host). :func:`decode` returns the decoded text and, for each of its characters, where
it came from; :func:`map_back` turns a span of the decoded text into one of the text.
"""

from __future__ import annotations

import html
import re

__all__ = ["decode", "map_back"]

#: A named or numeric character reference, with its semicolon (as the editor writes it).
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def decode(text: str) -> tuple[str, list[int] | None]:
    """``text`` with its entities decoded, and the start in ``text`` of each decoded
    character followed by ``len(text)`` (None when there is nothing to decode)."""
    if "&" not in text:
        return text, None
    pieces: list[str] = []
    origins: list[int] = []
    position = 0
    for match in _ENTITY.finditer(text):
        decoded = html.unescape(match.group())
        if decoded == match.group():
            continue  # not an entity html knows: left as written
        pieces.append(text[position : match.start()])
        origins.extend(range(position, match.start()))
        pieces.append(decoded)
        origins.extend([match.start()] * len(decoded))
        position = match.end()
    if not pieces:
        return text, None
    pieces.append(text[position:])
    origins.extend(range(position, len(text)))
    origins.append(len(text))
    return "".join(pieces), origins


def map_back(origins: list[int], start: int, end: int, text: str) -> tuple[int, int]:
    """The span of ``text`` (as given) that the span ``start:end`` of its decoded form
    covers: from the first character's origin to past the last one's entity."""
    first = origins[start]
    if end <= start:
        return first, first
    last = origins[end - 1]
    entity = _ENTITY.match(text, last) if text.startswith("&", last) else None
    return first, entity.end() if entity is not None else last + 1
