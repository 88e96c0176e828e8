"""French text utilities: cleaning untrusted text, counting words, typography.

Word counting follows the rule in the project's reference notes (it matches
LibreOffice and Word on the cases that matter): a word is a run between white
space (including U+00A0 and U+202F) or dashes that holds a letter or a digit;
``l’administration``, URLs and e-mail addresses are one word; isolated
punctuation is none; digit groups such as ``0 800 123 456`` count as one.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import compress, pairwise
from typing import TypeVar

from .exceptions import InvalidInputError, InvalidInputTypeError
from .memos import BoundedMemo
from .patterns import EMAIL, NUMBER_RUN, URL_UNTOUCHED

__all__ = [
    "NBSP",
    "NNBSP",
    "apply_typography",
    "clean_text",
    "count_words",
    "fold",
]

NBSP = "\u00a0"
NNBSP = "\u202f"

# Characters refused in any input: C0/C1 controls other than white space, and
# the bidirectional controls that can reorder what an agent sees.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# The supplementary private-use planes are refused too: apply_typography uses them.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + "\U000f0000-\U0010ffff]")
#: The characters refused in any input (see :func:`forbidden_character`).
FORBIDDEN = _FORBIDDEN

_DASHES = re.compile("[\u2013\u2014\u2015]")
_WORD_CHAR = re.compile(r"[^\W_]")


T = TypeVar("T")


class TokenMemo(BoundedMemo[T]):
    """``memo[token]``: ``compute(token)``, computed once per distinct token.

    Texts share most of their tokens (words with their punctuation), so looking
    a token up is cheaper than reading it again. The memo is emptied when it
    reaches ``limit`` entries: memory stays bounded whatever the input
    (``clear_caches`` empties it too).
    """

    def __init__(self, compute: Callable[[str], T], limit: int = 50_000) -> None:
        super().__init__(limit, max_key_chars=sys.maxsize)
        self.compute = compute

    def __missing__(self, token: str) -> T:
        if len(self) >= self.limit:
            self.clear()
        value = self[token] = self.compute(token)
        return value


#: See :func:`token_words`.
NUMBER_SHIFT = 32
_FIELD = (1 << NUMBER_SHIFT) - 1


def _is_number_group(token: str) -> bool:
    return token.isdecimal() and len(token) <= 4


def token_words(token: str) -> int:
    """For one token without white space or dashes: 1 if it is a word (it holds a
    letter or a digit), plus ``1 << NUMBER_SHIFT`` if it is a group of 1 to 4
    digits, which may start or continue a number ("0 800 123 456")."""
    word = 1 if _WORD_CHAR.search(token) else 0
    return word | ((1 << NUMBER_SHIFT) if _is_number_group(token) else 0)


_GUIDE_WORDS = TokenMemo(token_words)


def split_dashes(text: str) -> str:
    """``text`` with its dashes (– — ―) as spaces: they separate words."""
    if "\u2013" in text or "\u2014" in text or "\u2015" in text:
        return _DASHES.sub(" ", text)
    return text


_NUMBER_GROUPS = TokenMemo(_is_number_group)


def merged_numbers(tokens: list[str]) -> int:
    """How many ``tokens`` continue a number: "0 800 123 456" is one word, not four.

    A group of 1 to 4 digits starts a number; each following group of 2 or 3
    digits continues it: so does every group of 2 or 3 digits right after a group
    of 1 to 4.
    """
    groups = list(compress(range(len(tokens)), map(_NUMBER_GROUPS.__getitem__, tokens)))
    return sum(
        1
        for before, after in pairwise(groups)
        if after == before + 1 and 2 <= len(tokens[after]) <= 3
    )


def count_words(text: str) -> int:
    """Count the words of ``text`` as the guide's 60–150 rule counts them."""
    if text.__class__ is not str and not isinstance(text, str):
        raise InvalidInputTypeError(f"count_words: text must be a str (got {type(text).__name__})")
    # Tokens between white space (str.split knows U+00A0 and U+202F) or dashes,
    # less those without a letter or digit (isolated punctuation).
    tokens = split_dashes(text).split()
    total = sum(map(_GUIDE_WORDS.__getitem__, tokens))
    words = total & _FIELD
    if total >> NUMBER_SHIFT >= 2:
        words -= merged_numbers(tokens)
    return words


def forbidden_character(text: str) -> str | None:
    """The first control or bidirectional-override character in ``text``, if any."""
    match = _FORBIDDEN.search(text)
    return match.group() if match else None


def blank_forbidden(text: str) -> str:
    """``text`` with each forbidden character (see :func:`forbidden_character`) made a space."""
    return _FORBIDDEN.sub(" ", text)


def clean_text(text: str, *, single_line: bool = True) -> str:
    """NFC-normalise and fold runs of white space into one space.

    Nothing is dropped but white space; callers refuse control characters
    first (see :func:`forbidden_character`).
    """
    text = unicodedata.normalize("NFC", text)
    if single_line:
        return " ".join(text.split())
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(lines).strip()


#: The combining marks of U+0300–U+036F, where the accents of Latin letters decompose to.
_COMBINING_DIACRITICS = {c: None for c in range(0x300, 0x370) if unicodedata.combining(chr(c))}

#: Texts up to this length are folded once and remembered: the cells of an export
#: (ratings, sentiments, channels, "Posté comme") take a few values over and over.
_FOLD_MEMO_CHARS = 64


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents, for matching against word lists (the
    screening's own, which also undoes look-alikes, is :func:`.lexicons.fold_for_screening`)."""
    if len(text) <= _FOLD_MEMO_CHARS:
        return _fold_short(text)
    return _fold(text)


@lru_cache(maxsize=4096)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():  # NFKD leaves ASCII as it is; casefold is lower
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold()).translate(_COMBINING_DIACRITICS)
    if not decomposed.isascii():  # combining marks of other blocks, one character at a time
        decomposed = "".join(c for c in decomposed if not unicodedata.combining(c))
    return decomposed.replace("œ", "oe")


# --- typography -------------------------------------------------------------

# Typography leaves alone web addresses, the e-mail addresses the checker finds, and
# numbers in groups.
_PROTECTED = re.compile(f"{URL_UNTOUCHED}|{EMAIL.pattern}|{NUMBER_RUN.pattern}")

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|'")
_DOUBLE_PUNCT = re.compile(r"(?<=[^\s\u00a0\u202f;:!?])[ \u00a0\u202f]?([;!?]+)")
_COLON = re.compile(r"(?<=[^\s\u00a0\u202f\d:])[ \u00a0\u202f]?:(?!//)")
_COLON_AFTER_DIGIT = re.compile(r"(?<=\d) :")
_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = re.compile(r"(?<![ \u00a0\u202f])[ \u00a0\u202f]*+»")  # from a run's start
_STRAIGHT_QUOTES = re.compile(r"\"([^\"\n]+)\"")
_HOURS = re.compile(r"\b(\d{1,2}) ?h ?(\d{2})\b")
_DURATION = re.compile(r"\b(\d+) ?h\b")
_UNIT = re.compile(r"(\d) ?(€|%|Mo|Go|ko|km)(?!\w)")
_ORDINAL = re.compile(r"\b(\d+)(?:ème|eme|ième|ieme)\b")
_SPACES = re.compile(r"[ ]{2,}")
# Placeholders: one supplementary private-use character the text does not hold.
_PLACEHOLDERS = range(0xF0000, 0x10FFFE)


# Any digit, of any script (what ``\d`` in the rules matches).
_ANY_DIGIT = re.compile(r"\d")


def _typeset(segment: str) -> str:
    # Each rule runs only where the character its every match holds is present (a
    # quote, an apostrophe, a colon, a digit…): a step of a reply has few of them, and
    # a pass that can match nothing leaves the text as it is.
    if '"' in segment:
        segment = _STRAIGHT_QUOTES.sub(lambda m: f"«{NBSP}{m.group(1).strip()}{NBSP}»", segment)
    if "'" in segment:
        segment = _APOSTROPHE.sub("’", segment)
    if "«" in segment:
        segment = _OPEN_QUOTE.sub("«" + NBSP, segment)
    if "»" in segment:
        segment = _CLOSE_QUOTE.sub(NBSP + "»", segment)
    if ";" in segment or "!" in segment or "?" in segment:
        segment = _DOUBLE_PUNCT.sub(lambda m: NNBSP + m.group(1), segment)
    if ":" in segment:
        segment = _COLON.sub(NBSP + ":", segment)
        segment = _COLON_AFTER_DIGIT.sub(NBSP + ":", segment)
    if _ANY_DIGIT.search(segment) is not None:
        if "h" in segment:
            segment = _HOURS.sub(lambda m: f"{m.group(1)}{NBSP}h{NBSP}{m.group(2)}", segment)
            segment = _DURATION.sub(lambda m: f"{m.group(1)}{NBSP}h", segment)
        segment = _UNIT.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", segment)
        segment = _ORDINAL.sub(r"\1e", segment)
    if "  " in segment:
        segment = _SPACES.sub(" ", segment)
    return segment


def _unused_character(text: str, besides: str = "") -> str:
    """A private-use character that neither ``text`` nor ``besides`` holds."""
    for code in _PLACEHOLDERS:
        char = chr(code)
        if char not in text and char != besides:
            return char
    raise InvalidInputError(  # pragma: no cover - a text holding 131,000 private-use characters
        "apply_typography: the text holds every supplementary private-use character"
    )


def _protect(pattern: re.Pattern[str], text: str, besides: str = "") -> tuple[str, str, list[str]]:
    """``text`` with each match of ``pattern`` replaced by one placeholder character (the
    same for all, one that ``text`` does not hold), the placeholder, the matches."""
    placeholder = _unused_character(text, besides)
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group())
        return placeholder

    return pattern.sub(keep, text), placeholder, kept


def _restore(text: str, placeholder: str, kept: list[str]) -> str:
    """``text`` with its placeholders replaced by ``kept``, in order."""
    if not kept:
        return text
    pieces = text.split(placeholder)
    if len(pieces) != len(kept) + 1:  # pragma: no cover - the rules move no character
        raise AssertionError("typography lost or added a protected run")
    out = [pieces[0]]
    for run, piece in zip(kept, pieces[1:], strict=True):
        out += (run, piece)
    return "".join(out)


def apply_typography(text: str, *, also_keep: re.Pattern[str] | None = None) -> str:
    """French typography: ’ apostrophes, « » quotes, non-breaking spaces before
    ; : ! ? and inside guillemets, ``48 h``, ``9 h 30``, ``50 €``, ``2e``.

    URLs, e-mail addresses and phone numbers are left exactly as they are: each
    stands in as one private-use character while the rules run, so punctuation
    right after it is still typeset. That character is one the text does not hold
    (any number of runs, any private-use character in the text is safe), and the
    rules neither move nor drop it: the n-th is the n-th run kept. The matches of
    ``also_keep`` are kept the same way (the checker's messages keep their
    ``{fields}``). The pass is idempotent.
    """
    if not isinstance(text, str):
        raise InvalidInputTypeError(
            f"apply_typography: text must be a str (got {type(text).__name__})"
        )
    if also_keep is not None and not isinstance(also_keep, re.Pattern):
        raise InvalidInputTypeError(
            "apply_typography: also_keep must be a compiled pattern (re.compile) or None "
            f"(got {type(also_keep).__name__})"
        )
    outer, outer_placeholder, outer_kept = text, "", list[str]()
    if also_keep is not None:
        outer, outer_placeholder, outer_kept = _protect(also_keep, text)
    if "http" in outer or "www." in outer or "@" in outer or _ANY_DIGIT.search(outer):
        protected, placeholder, kept = _protect(_PROTECTED, outer, outer_placeholder)
    else:  # no address (it starts with http or www., or holds @) and no number: none kept
        protected, placeholder, kept = outer, "", []
    typeset = _restore(_typeset(protected), placeholder, kept)
    return _restore(typeset, outer_placeholder, outer_kept)
