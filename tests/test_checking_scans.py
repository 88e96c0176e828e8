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
from sprep_templates.text import count_words

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


def test_the_sentence_end_scan_finds_what_the_lexicon_pattern_finds() -> None:
    from sprep_templates.checking._reading import _SENTENCE_END, _SENTENCE_END_SCAN

    for text in ["Oui. Non !! Et… 12 ans?", "a.b. C", "...Fin.", "x !?! A", ". \u00a0« B"]:
        assert _spans(_SENTENCE_END_SCAN, text) == _spans(_SENTENCE_END, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*".!?… \nAb1«x", "\u00a0", " https://a.fr/x.Y", "a@b.fr"])))
def test_the_sentence_end_scan_agrees_on_any_text(pieces: list[str]) -> None:
    from sprep_templates.checking._reading import _SENTENCE_END, _SENTENCE_END_SCAN

    text = "".join(pieces)
    assert _spans(_SENTENCE_END_SCAN, text) == _spans(_SENTENCE_END, text)


def _reference_reading(text: str, masked: str) -> tuple[list, list, list, object]:
    """Paragraphs, sentences, sentence counts and counts as the whole-text reading
    computed them before paragraphs were read one by one (issue 24)."""
    from sprep_templates.checking._reading import _SENTENCE_END, _count

    paragraphs = []
    position = 0
    for line in text.split("\n"):
        content = line.rstrip()
        if content.strip():
            paragraphs.append((position, position + len(content)))
        position += len(line) + 1
    ends = [m.end() for m in _SENTENCE_END.finditer(masked)]
    sentences: list[tuple[int, int]] = []
    counts = []
    index = 0
    for start, end in paragraphs:
        before = len(sentences)
        position = start
        while index < len(ends) and ends[index] <= end:
            if ends[index] > start:
                sentences.append((position, ends[index]))
                position = ends[index]
            index += 1
        sentences.append((position, end))
        for at in range(len(sentences) - 1, before - 1, -1):
            s, e = sentences[at]
            if s == e or text[s].isspace() or text[e - 1].isspace():
                piece = text[s:e]
                if piece.strip():
                    sentences[at] = (s + len(piece) - len(piece.lstrip()), e)
                else:
                    del sentences[at]
        counts.append(len(sentences) - before)
    return paragraphs, sentences, counts, _count(masked)


_READING_PIECES = st.sampled_from(
    [
        *".!?… \n\t\rAb1«x",
        *("\u00a0", "\u2028", " https://a.fr/x.Y z", "a@b.fr", "0 800 12"),
        *("—", "  \n", " 12", "\n12 ", "12345", " 0", "\n—\n45"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_READING_PIECES, max_size=40).map("".join))
def test_a_reading_by_paragraphs_is_the_whole_text_reading(text: str) -> None:
    from sprep_templates.checking._data import lexicon
    from sprep_templates.checking._reading import Reading

    for _ in range(2):  # the second time from the memo
        reading = Reading(text, False, lexicon())
        paragraphs, sentences, counts, total = _reference_reading(text, reading.masked)
        assert reading.paragraphs == paragraphs
        assert reading.sentences == sentences
        assert reading.sentence_counts == counts
        if reading.masked != text and any(dash in text for dash in "\u2013\u2014\u2015"):
            total = total._replace(guide_words=count_words(text))  # a dash inside a link
        assert reading.counts == total


@pytest.mark.parametrize(
    "text",
    [
        "Appelez le 0 800\n12 34 56 ou le 3230.",  # a number over a line break: one word
        "Au 12\n—\n345 puis 1",  # over a line of dashes (no token)
        "1\n\n12\n123\n1234 12",
        "Bonjour.\nNous. Avons !\n  Merci… 12 ans.\n\nhttps://a.fr/x.Y Fin",
    ],
)
def test_a_reading_by_paragraphs_counts_numbers_over_lines(text: str) -> None:
    test_a_reading_by_paragraphs_is_the_whole_text_reading.hypothesis.inner_test(text)  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["bon", "jour", "sous réserve", "x", "_", " ", "é", "1", "’", "\n"])
        | st.sampled_from(["indu", "trop-perçu", "idoine", "le cas échéant", "relève"]),
        max_size=12,
    ).map("".join)
)
def test_entry_search_skips_starts_inside_a_word_only(text: str) -> None:
    """A start inside a word (``jour`` in ``bonjour``) is skipped (issue 24): the same
    matches as the combined pattern, with entries glued to words around them."""
    from sprep_templates.checking._data import lexicon as pattern_set
    from sprep_templates.lexicons._entry_search import entry_search
    from sprep_templates.lexicons._jargon import lexicon

    lower = text.lower()
    starts = pattern_set().candidates(lower).starts("jargon")
    found = lexicon()
    expected = [(m.span(), found.entry_for(m)) for m in found.combined.finditer(lower)]
    assert [(m.span(), e) for m, e in entry_search().finditer(lower, starts)] == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*" \t\u00a0\u202f;&x\n", "&amp;", "é"]), max_size=20).map("".join))
def test_the_entity_precheck_finds_what_its_branch_form_finds(text: str) -> None:
    from sprep_templates.checking._entities import _MAYBE

    reference = re.compile(r"[ \t\u00a0\u202f][ \t\u00a0\u202f;]|&")
    assert _spans(_MAYBE, text) == _spans(reference, text)
