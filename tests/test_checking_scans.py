"""Patterns the checker searches through a whole reply start with a character class
(the engine skips to its characters) instead of ``\\b``: they must find exactly what
their ``\\b`` forms find (issue 24)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprep_templates.checking import _cues, _leaks
from sprep_templates.patterns import ACRONYM

_MONTHS = _leaks._MONTHS

#: The forms with \b the patterns had before (issue 24), as the reference.
REFERENCES = {
    "ACRONYM_SCAN": (ACRONYM, _cues.ACRONYM_SCAN),
    "NIR": (
        re.compile(
            r"\b[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ "
            r".]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?\b"
        ),
        _cues.NIR,
    ),
    "_FULL_DATE": (
        re.compile(
            rf"\b(?:\d{{1,2}}(?:er)? (?:{_MONTHS})(?: \d{{4}})?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})\b"
        ),
        _leaks._FULL_DATE,
    ),
}

# Pieces that make matches and near misses: capitals, digits (also of other scripts),
# letters glued before, month names, separators.
_PIECES = st.sampled_from(
    [*"AZBFRx1290 ./-_é", "CAF", "NIR", "Ab", "1er", "2A", " mars", " 2024", "٣", "ǅ", "\n"]
)
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(REFERENCES))
@pytest.mark.parametrize(
    "text",
    [
        "",
        "La CAF et la CPAM",
        "xCAF CAF2 AB12 A1B",
        "né le 1 85 03 75 123 456 78, 185037512345678",
        "le 1er mars 2024, le 12/03/24, a12 mars, 3 mai",
        "٣ mars, 1٣ mars",
    ],
)
def test_the_scan_finds_what_the_word_boundary_form_finds(name: str, text: str) -> None:
    reference, scan = REFERENCES[name]
    assert _spans(scan, text) == _spans(reference, text)
    assert _spans(scan, text.lower()) == _spans(reference, text.lower())


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_scans_agree_on_any_text(text: str) -> None:
    for name, (reference, scan) in REFERENCES.items():
        assert _spans(scan, text) == _spans(reference, text), name
        assert _spans(scan, text.lower()) == _spans(reference, text.lower()), name
