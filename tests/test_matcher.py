"""One automaton pass, then the regex at each candidate: the same matches as finditer."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprep_templates.checking._data import lexicon  # the checker's lexicon: the patterns to compare
from sprep_templates.lexicons import PatternSet, literal_prefixes


@pytest.mark.parametrize(
    ("source", "prefixes"),
    [
        ("merci", {"merci"}),
        (r"\bmerci\b|\bremerci", {"merci", "remerci"}),
        (r"prenons (?:bonne )?note", {"prenons "}),
        (r"n[’']hésitez", {"n’hésitez", "n'hésitez"}),
        (r"(?P<a>vous pouvez)|(?P<b>joindre)", {"vous pouvez", "joindre"}),
        (r"sous \d+\s?h", {"sous "}),
        (r"solliciter|sollicité(?:e|s|es)?", {"solliciter", "sollicité"}),
        (r"se référer (?:au|à la)", {"se référer au", "se référer à la"}),
        (r"[.!?…]+(?=\s*[A-Z])", {".", "!", "?", "…"}),
        (r"no\.?", {"no"}),
        (r"(?<![\w/])ab+c", {"ab"}),
        (r"t[ée]l[ée]phone", {"téléphone", "télephone", "teléphone", "telephone"}),
    ],
)
def test_literal_prefixes(source, prefixes):
    """Each match of the pattern starts with one of the prefixes read from its source."""
    assert literal_prefixes(source) == prefixes


@pytest.mark.parametrize("source", [r"\d+ jours", r"(?:bonne )?note", r"[a-z]+", r".merci", r"a?b"])
def test_no_literal_prefix(source):
    """A pattern that may start with anything has no prefix to look for."""
    assert literal_prefixes(source) is None
    with pytest.raises(ValueError, match="give its prefixes"):
        PatternSet({"p": re.compile(source)})


def test_prefixes_are_lower_case():
    """Candidates are searched in lower-cased text: an upper-case prefix would never be found."""
    with pytest.raises(ValueError, match="not lower case"):
        PatternSet({"p": re.compile("Merci")})


def test_explicit_prefixes():
    """Given prefixes stand for what the source does not say."""
    patterns = PatternSet({"n": re.compile(r"\d{3}")}, prefixes={"n": "0123456789"})
    text = "a 123 b 4567"
    found = patterns.candidates(text).finditer("n", patterns.patterns["n"], text)
    assert [m.group() for m in found] == ["123", "456"]


# Texts made of the lexicon's own phrases, their prefixes, and the characters that
# decide a match around them (word boundaries, punctuation, digits, capitals).
_LEXICON = lexicon()
_PIECES = sorted(
    {
        prefix
        for pattern in _LEXICON.patterns.values()
        for prefix in (literal_prefixes(pattern.pattern) or ())
    }
    | {
        "ne sommes pas en mesure de vous apporter une réponse personnalisée",
        "prenons bonne note",
        "sous 48h",
        "se référer à l’",
        "comme déjà indiqué",
        "répondre à vos attentes",
        "Bonjour",
        "x",
        "É",
        "",
    }
    | set(" \n\u00a0’'-.,!?…«(A0123456789+")
)


@st.composite
def _texts(draw: st.DrawFn) -> tuple[str, int, int]:
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), max_size=30)))
    pos = draw(st.integers(0, len(text)))
    endpos = draw(st.integers(pos, len(text)))
    return text, pos, endpos


@settings(max_examples=400)
@given(_texts())
def test_same_matches_as_finditer(case):
    """For every lexicon pattern, at any pos/endpos: what finditer would find, in order."""
    text, pos, endpos = case
    lower = text.lower()
    candidates = _LEXICON.candidates(lower)
    for name, pattern in _LEXICON.patterns.items():
        # Word patterns are searched in lower case; the others (punctuation,
        # digits) in the text as written, at the positions found in lower case.
        target = text if name in ("phone", "sentence-end") else lower
        expected = [(m.span(), m.lastgroup) for m in pattern.finditer(target, pos, endpos)]
        found = candidates.finditer(name, pattern, target, pos, endpos)
        assert [(m.span(), m.lastgroup) for m in found] == expected, name


@pytest.mark.parametrize(
    ("source", "text"),
    [
        (r"attente (?:\w+ ){0,3}?au telephone", "une attente longue au telephone"),
        (r"a(?:\w+)?b", "axxb"),
        (r"dé(?:[a-z]+ )?pôt", "déxyz pôt"),
    ],
)
def test_a_group_starting_with_a_class_ends_the_prefix(source, text):
    """A group whose matches start with anything (\\w, a class) is no empty group:
    the literal prefix ends before it, and the one-pass search finds every match."""
    pattern = re.compile(source)
    assert not any(len(p) > len(source.split("(")[0]) for p in literal_prefixes(source))
    found = PatternSet({"x": pattern})
    expected = [m.span() for m in pattern.finditer(text)]
    assert expected
    candidates = found.candidates(text)
    assert [m.span() for m in candidates.finditer("x", pattern, text)] == expected


def _one_pass_starts(patterns: PatternSet, lower: str) -> dict[str, list[int]]:
    """Every pattern's candidate starts from one automaton pass over the whole text."""
    return {name: starts for name, starts in patterns._starts(lower).items()}


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_candidates_line_by_line_are_those_of_the_whole_text(text):
    """Candidates are read line by line and remembered by line (issue 24): the same
    starts, duplicates included, as one pass over the whole text; twice the same."""
    lower = text.lower()
    expected = _one_pass_starts(_LEXICON, lower)
    for _ in range(2):  # the second time from the memo
        found = _LEXICON.candidates(lower)
        assert {name: found.starts(name) for name in expected} == expected
        assert all(not found.starts(name) for name in _LEXICON.patterns if name not in expected)


def test_the_line_memo_stays_bounded(monkeypatch):
    import sprep_templates.lexicons._matcher as matcher

    monkeypatch.setattr(matcher, "LINE_MEMO", 3)
    monkeypatch.setattr(matcher, "MEMO_LINE_CHARS", 40)
    patterns = PatternSet({"merci": re.compile("merci")})
    long_line = "merci " * 20
    text = "\n".join(["merci a", "b merci", "merci c", "d merci", "", long_line, "merci a"])
    expected = patterns._starts(text)["merci"]
    for _ in range(2):
        assert patterns.candidates(text).starts("merci") == expected
        assert len(patterns._lines) <= 3
        assert long_line not in patterns._lines
