"""Invisible characters: what a text can hide things with (issue 21 items 8-9).

Inputs drop or refuse them (:mod:`.inputs`), the checker reports them in a reply, and
the screening's folding (:mod:`.lexicons._folding`) takes them out before matching.
"""

from __future__ import annotations

import re

__all__ = [
    "INVISIBLE",
    "INVISIBLE_BMP_CLASS",
    "INVISIBLE_IN_BMP",
    "has_astral",
    "invisible_in",
    "is_invisible",
    "strip_invisible",
]

#: Characters that show nothing (or nothing but a blank) and that a text can hide things
#: with: every format character (Unicode category Cf, bidirectional controls included)
#: and the other default-ignorable code points (combining grapheme joiner, Hangul
#: fillers, Khmer inherent vowels, Mongolian variation selectors, variation selectors).
INVISIBLE_BMP_CLASS = (
    "\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
)
_INVISIBLE_ASTRAL = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
INVISIBLE = re.compile(f"[{INVISIBLE_BMP_CLASS}{_INVISIBLE_ASTRAL}]")
# The same without the code points beyond U+FFFF: three times faster to scan, and
# enough for a text that has none (most).
INVISIBLE_IN_BMP = re.compile(f"[{INVISIBLE_BMP_CLASS}]")


def invisible_in(text: str) -> re.Pattern[str]:
    """:data:`INVISIBLE`, or as much of it as ``text`` can hold (the same matches)."""
    return INVISIBLE if has_astral(text) else INVISIBLE_IN_BMP


def is_invisible(char: str) -> bool:
    """Whether ``char`` is one of :data:`INVISIBLE`."""
    return INVISIBLE.fullmatch(char) is not None


def strip_invisible(text: str) -> str:
    """``text`` without its invisible characters (see :data:`INVISIBLE`)."""
    if text.isascii():
        return text
    return invisible_in(text).sub("", text)


def has_astral(text: str) -> bool:
    """Whether ``text`` holds a character beyond U+FFFF."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
