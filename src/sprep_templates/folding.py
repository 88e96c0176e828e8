"""One folded form of untrusted text for every screening (issue 21 items 7-9).

A word list or a pattern must find "décédée" whatever hides it: a soft hyphen or a
zero-width space inside (``dé\\u00adcédée``), a fullwidth or mathematical letter
(``ｄécédée``), a Cyrillic "е" that looks Latin (``décédéе``), accents written as
combining marks. Each character is folded on its own:

1. invisible characters (:func:`is_invisible`: format characters such as U+00AD, U+200B,
   U+2060, U+FEFF, tag characters, and the other default-ignorable code points such as
   the Hangul fillers) are dropped;
2. compatibility forms are decomposed (NFKD: fullwidth, mathematical, circled letters,
   ligatures), accents taken off (combining marks dropped);
3. look-alike letters of other scripts become the Latin letter they pass for
   (``data/confusables.tsv``).

:func:`fold` does this and lower-cases (word lists); :func:`fold_with_positions` keeps
the case and says, for each folded character, which character of the text it comes
from, so that a span found in the folded text is a span of the text (patterns).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib.resources import files

__all__ = [
    "INVISIBLE",
    "confusables",
    "fold",
    "fold_char",
    "fold_with_positions",
    "is_invisible",
    "strip_invisible",
]

#: Characters that show nothing (or nothing but a blank) and that a text can hide things
#: with: every format character (Unicode category Cf, bidirectional controls included)
#: and the other default-ignorable code points (combining grapheme joiner, Hangul
#: fillers, Khmer inherent vowels, Mongolian variation selectors, variation selectors).
_INVISIBLE_BMP = (
    "\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
)
_INVISIBLE_ASTRAL = (
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
INVISIBLE = re.compile(f"[{_INVISIBLE_BMP}{_INVISIBLE_ASTRAL}]")
# The same without the code points beyond U+FFFF: three times faster to scan, and
# enough for a text that has none (most).
_INVISIBLE_IN_BMP = re.compile(f"[{_INVISIBLE_BMP}]")


def invisible_in(text: str) -> re.Pattern[str]:
    """:data:`INVISIBLE`, or as much of it as ``text`` can hold (the same matches)."""
    return INVISIBLE if _has_astral(text) else _INVISIBLE_IN_BMP


def is_invisible(char: str) -> bool:
    """Whether ``char`` is one of :data:`INVISIBLE`."""
    return INVISIBLE.fullmatch(char) is not None


def strip_invisible(text: str) -> str:
    """``text`` without its invisible characters (see :data:`INVISIBLE`)."""
    if text.isascii():
        return text
    return invisible_in(text).sub("", text)


@cache
def confusables() -> dict[str, str]:
    """``data/confusables.tsv``: each look-alike character and the Latin letter it
    passes for."""
    raw = files("sprep_templates").joinpath("data", "confusables.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in raw.splitlines():
        if not line.strip() or line.startswith(("#", "code_point")):
            continue
        code_point, latin, _name = line.split("\t")
        table[chr(int(code_point.removeprefix("U+"), 16))] = latin
    return table


_FOLDED: dict[str, str] = {}


def fold_char(char: str) -> str:
    """What ``char`` folds to (see the module's docstring), case kept: ``""`` for an
    invisible character or a combining mark, maybe several characters ("ﬁ")."""
    folded = _FOLDED.get(char)
    if folded is None:
        if is_invisible(char):
            folded = ""
        else:
            table = confusables()
            folded = "".join(
                table.get(part, part)
                for part in unicodedata.normalize("NFKD", char)
                if not unicodedata.combining(part) and not is_invisible(part)
            )
        if len(_FOLDED) < 100_000:
            _FOLDED[char] = folded
    return folded


@cache
def _look_alike() -> tuple[re.Pattern[str], dict[int, str]]:
    """A pattern finding the characters :func:`fold` must map (look-alike letters of
    :func:`confusables` and the invisible characters up to U+FFFF), and the table."""
    table = confusables()
    letters = re.escape("".join(table))
    return re.compile(f"[{_INVISIBLE_BMP}{letters}]"), str.maketrans(table)


def _has_astral(text: str) -> bool:
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def fold(text: str) -> str:
    """``text`` folded (see the module's docstring), in lower case, without accents,
    "œ" written "oe": the form word lists are matched on."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if not decomposed.isascii():
        finder, table = _look_alike()
        if finder.search(decomposed) or (_has_astral(decomposed) and INVISIBLE.search(decomposed)):
            mapped = strip_invisible(decomposed).translate(table).casefold()
            decomposed = unicodedata.normalize("NFKD", mapped)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """``text`` folded character by character (case kept), and for each character of
    the result the index in ``text`` of the character it comes from."""
    pieces: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char) if not ("a" <= char <= "z") else char
        if folded:
            pieces.append(folded)
            where.extend([index] * len(folded))
    return "".join(pieces), where
