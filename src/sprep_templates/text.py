"""French text utilities: cleaning untrusted text, counting words, typography.

Word counting follows the rule in the project's reference notes (it matches
LibreOffice and Word on the cases that matter): a word is a run between white
space (including U+00A0 and U+202F) or dashes that holds a letter or a digit;
``l’administration``, URLs and e-mail addresses are one word; isolated
punctuation is none; digit groups such as ``0 800 123 456`` count as one.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "NBSP",
    "NNBSP",
    "apply_typography",
    "clean_text",
    "count_words",
    "fold",
    "protected_spans",
]

NBSP = "\u00a0"
NNBSP = "\u202f"

_SEP = "\\s\u00a0\u202f\u2013\u2014\u2015"  # white space, non-breaking spaces, dashes
_ANY_DIGIT = re.compile(r"\d")
_DASHES = re.compile("[\u2013\u2014\u2015]")
# A token (between single spaces) with no letter or digit in it.
_NO_WORD_TOKEN = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")
_NUMBER_RUN = re.compile(f"(?<![^{_SEP}])\\d{{1,4}}(?:[{_SEP}]+\\d{{2,3}}(?![^{_SEP}]))+")

# Characters refused in any input: C0/C1 controls other than white space, and
# the bidirectional controls that can reorder what an agent sees.
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# The supplementary private-use planes are refused too: apply_typography uses them.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + "\U000f0000-\U0010ffff]")


def count_words(text: str) -> int:
    """Count the words of ``text`` as the guide's 60–150 rule counts them."""
    if _ANY_DIGIT.search(text):
        # "10 000", "0 800 123 456", "32 30": digit groups after a number continue it.
        text = _NUMBER_RUN.sub("0", text)
    # Tokens between white space (str.split knows U+00A0 and U+202F) or dashes,
    # less those without a letter or digit (isolated punctuation).
    if "\u2013" in text or "\u2014" in text or "\u2015" in text:
        text = _DASHES.sub(" ", text)
    tokens = text.split()
    return len(tokens) - len(_NO_WORD_TOKEN.findall(" ".join(tokens)))


def forbidden_character(text: str) -> str | None:
    """The first control or bidirectional-override character in ``text``, if any."""
    match = _FORBIDDEN.search(text)
    return match.group() if match else None


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


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents, for matching against word lists."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


# --- typography -------------------------------------------------------------

_URL = r"(?:https?://|www\.)[^\s<>«»\"]+[^\s<>«»\".,;:!?)]"
_EMAIL = r"[\w.+'’-]+@[\w-]+(?:\.[\w-]+)+"
_PHONE = r"\+?\d[\d \u00a0\u202f.]{2,}\d"
_PROTECTED = re.compile(f"{_URL}|{_EMAIL}|{_PHONE}")

_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|'")
_DOUBLE_PUNCT = re.compile(r"(?<=[^\s\u00a0\u202f;:!?])[ \u00a0\u202f]?([;!?]+)")
_COLON = re.compile(r"(?<=[^\s\u00a0\u202f\d:])[ \u00a0\u202f]?:(?!//)")
_COLON_AFTER_DIGIT = re.compile(r"(?<=\d) :")
_OPEN_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSE_QUOTE = re.compile(r"[ \u00a0\u202f]*»")
_STRAIGHT_QUOTES = re.compile(r"\"([^\"\n]+)\"")
_HOURS = re.compile(r"\b(\d{1,2}) ?h ?(\d{2})\b")
_DURATION = re.compile(r"\b(\d+) ?h\b")
_UNIT = re.compile(r"(\d) ?(€|%|Mo|Go|ko|km)(?!\w)")
_ORDINAL = re.compile(r"\b(\d+)(?:ème|eme|ième|ieme)\b")
_SPACES = re.compile(r"[ ]{2,}")
_PLACEHOLDER_BASE = 0xF0000  # Supplementary Private Use Area-A
_PLACEHOLDER = re.compile("[\U000f0000-\U000ffffd]")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses and phone numbers: typography leaves them alone."""
    return [m.span() for m in _PROTECTED.finditer(text)]


def _typeset(segment: str) -> str:
    segment = _STRAIGHT_QUOTES.sub(lambda m: f"«{NBSP}{m.group(1).strip()}{NBSP}»", segment)
    segment = _APOSTROPHE.sub("’", segment)
    segment = _OPEN_QUOTE.sub("«" + NBSP, segment)
    segment = _CLOSE_QUOTE.sub(NBSP + "»", segment)
    segment = _DOUBLE_PUNCT.sub(lambda m: NNBSP + m.group(1), segment)
    segment = _COLON.sub(NBSP + ":", segment)
    segment = _COLON_AFTER_DIGIT.sub(NBSP + ":", segment)
    segment = _HOURS.sub(lambda m: f"{m.group(1)}{NBSP}h{NBSP}{m.group(2)}", segment)
    segment = _DURATION.sub(lambda m: f"{m.group(1)}{NBSP}h", segment)
    segment = _UNIT.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", segment)
    segment = _ORDINAL.sub(r"\1e", segment)
    return _SPACES.sub(" ", segment)


def apply_typography(text: str) -> str:
    """French typography: ’ apostrophes, « » quotes, non-breaking spaces before
    ; : ! ? and inside guillemets, ``48 h``, ``9 h 30``, ``50 €``, ``2e``.

    URLs, e-mail addresses and phone numbers are left exactly as they are: each
    stands in as one private-use character while the rules run, so punctuation
    right after it is still typeset. The pass is idempotent.
    """
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group())
        return chr(_PLACEHOLDER_BASE + len(kept) - 1)

    typeset = _typeset(_PROTECTED.sub(keep, text))
    if not kept:
        return typeset
    return _PLACEHOLDER.sub(lambda m: kept[ord(m.group()) - _PLACEHOLDER_BASE], typeset)
