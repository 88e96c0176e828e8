"""Patterns run on untrusted text take time in proportion to the text (issue 21 item 4).

Python's regex engine tries a pattern at every start position; a pattern that can
read an unbounded stretch from each (``menac\\w*?``, ``[0-9]*``) then costs the square
of the text: 8,000 repetitions of "Menac" took seconds. A pattern file's lines are
word patterns: no word or gap between words is longer than :data:`MAX_REPEAT`
characters, so :func:`bound_repetitions` rewrites each unbounded repetition
(``*``, ``+``, ``{n,}``) as a bounded one, and a match attempt costs at most a
constant: the scan is linear.
"""

from __future__ import annotations

import re

__all__ = ["MAX_REPEAT", "bound_repetitions"]

#: The most repetitions an unbounded quantifier of a word pattern takes: longer than
#: any French word, number or run of spaces a phrase of the pattern files spans.
MAX_REPEAT = 64

_OPEN_COUNT = re.compile(r"\{(\d+),\}")
_COUNT = re.compile(r"\{\d*(?:,\d*)?\}")


def bound_repetitions(source: str, limit: int = MAX_REPEAT) -> str:
    """``source`` with ``*``, ``+`` and ``{n,}`` made ``{0,limit}``, ``{1,limit}`` and
    ``{n,limit}`` (lazy ``?`` and possessive ``+`` suffixes kept), outside character
    classes and escapes. Matches of at most ``limit`` repetitions are unchanged."""
    out: list[str] = []
    index = 0
    after_quantifier = False  # a ? or + right after a quantifier is its modifier
    while index < len(source):
        char = source[index]
        if char == "\\":
            out.append(source[index : index + 2])
            index += 2
            after_quantifier = False
            continue
        if char == "[":
            end = index + 1
            if source[end : end + 1] == "^":
                end += 1
            if source[end : end + 1] == "]":
                end += 1
            while end < len(source) and source[end] != "]":
                end += 2 if source[end] == "\\" else 1
            out.append(source[index : end + 1])
            index = end + 1
            after_quantifier = False
            continue
        if after_quantifier and char in "?+":
            out.append(char)
            index += 1
            after_quantifier = False
            continue
        if char == "(" and source[index + 1 : index + 2] == "?":
            out.append("(?")
            index += 2
            after_quantifier = False
            continue
        if char in "*+":
            out.append(f"{{{0 if char == '*' else 1},{limit}}}")
            index += 1
            after_quantifier = True
            continue
        if char == "{":
            opened = _OPEN_COUNT.match(source, index)
            if opened is not None:
                least = int(opened.group(1))
                out.append(f"{{{least},{max(least, limit)}}}")
                index = opened.end()
                after_quantifier = True
                continue
            count = _COUNT.match(source, index)
            if count is not None:
                out.append(count.group())
                index = count.end()
                after_quantifier = True
                continue
        out.append(char)
        index += 1
        after_quantifier = char == "?"
    return "".join(out)
