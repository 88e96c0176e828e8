"""One folded form of untrusted text for every screening (issue 21 items 7-8).

A word list or a pattern must find "décédée" whatever hides it: a soft hyphen or a
zero-width space inside (``dé\\u00adcédée``), a fullwidth or mathematical letter
(``ｄécédée``), a Cyrillic "е" that looks Latin (``décédéе``), accents written as
combining marks. Each character is folded on its own:

1. invisible characters (:data:`..folding.INVISIBLE`) are dropped;
2. compatibility forms are decomposed (NFKD: fullwidth, mathematical, circled letters,
   ligatures), accents taken off (combining marks dropped);
3. look-alike letters of other scripts become the Latin letter they pass for
   (``data/confusables.tsv``).

:func:`fold_for_screening` does this and lower-cases (word lists: insults, hostility,
service names, pseudonyms); :func:`fold_with_positions` keeps the case and says, for
each folded character, which character of the text it comes from, so that a span found
in the folded text is a span of the text (the sensitive and phone pattern files).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..folding import INVISIBLE, INVISIBLE_BMP_CLASS, has_astral, is_invisible, strip_invisible
from ._files import data_text

__all__ = ["confusables", "fold_char", "fold_for_screening", "fold_with_positions"]


@cache
def confusables() -> dict[str, str]:
    """``data/confusables.tsv``: each look-alike character and the Latin letter it
    passes for."""
    raw = data_text("confusables.tsv")
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
    return re.compile(f"[{INVISIBLE_BMP_CLASS}{letters}]"), str.maketrans(table)


def fold_for_screening(text: str) -> str:
    """``text`` folded (see the module's docstring), in lower case, without accents,
    "œ" written "oe": the form word lists are matched on."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if not decomposed.isascii():
        finder, table = _look_alike()
        if finder.search(decomposed) or (has_astral(decomposed) and INVISIBLE.search(decomposed)):
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
