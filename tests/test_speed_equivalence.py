"""Faster paths give the same answers as the paths they replace (issue 24): the jargon
searched line by line, the prefix reader reading over what follows a prefix."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprep_templates.checking._data import lexicon as reading_lexicon
from sprep_templates.checking._jargon_lines import jargon_matches, lines_hold_matches
from sprep_templates.checking._reading import Reading
from sprep_templates.lexicons import literal_prefixes
from sprep_templates.lexicons._entry_search import entry_search
from sprep_templates.lexicons._jargon import lexicon

# Words of entries (the literal prefixes of the first entries, some cut short), and
# what may sit around them: spaces, line breaks, apostrophes, letters that glue.
_ENTRY_WORDS = sorted(
    {
        prefix
        for entry_regex in entry_search().regexes[:60]
        for prefix in literal_prefixes(entry_regex) or ()
    }
)
_PIECES = [
    *_ENTRY_WORDS,
    *(word[:-1] for word in _ENTRY_WORDS[:10]),
    " ",
    " ",
    "\n",
    "\n\n",
    ".",
    "l’",
    "x",
    "Bonjour,",
    "votre dossier",
    "2",
]


def _whole_text_matches(lower: str, starts: list[int]) -> list[tuple[int, int, object]]:
    return [(m.start(), m.end(), entry) for m, entry in entry_search().finditer(lower, starts)]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_jargon_line_by_line_is_the_whole_text_search(text):
    """Each line searched once (and remembered): the matches of the whole text's search."""
    reply = Reading(text, False, reading_lexicon())
    expected = _whole_text_matches(reply.lower, reply.candidates.starts("jargon"))
    for _ in range(2):  # the second time from the memo
        again = Reading(text, False, reading_lexicon())
        assert list(jargon_matches(again)) == expected


def test_the_bundled_lexicon_is_searched_line_by_line():
    """No entry of the bundled lexicon can match a line break: the memo is used."""
    assert lines_hold_matches(entry_search().regexes)
    assert lines_hold_matches(["prendre (?:en )?compte", r"\d+ jours", "n[’']hésitez"])


@pytest.mark.parametrize(
    "source",
    [
        "en.vue",
        "a[^b]c",
        r"a\sb",
        r"a\Wb",
        r"a\Sb",
        r"a\Db",
        "a\nb",
        r"a\x0ab",
        "(?s)a.b",
        "(?x)a b",
    ],
)
def test_what_may_match_a_line_break_turns_the_memo_off(source):
    assert not lines_hold_matches(["merci", source])


def test_without_the_memo_the_whole_text_is_searched(monkeypatch):
    """A lexicon whose entries might match a line break: the whole text's search."""
    import sprep_templates.checking._jargon_lines as jargon_lines

    monkeypatch.setattr(jargon_lines, "_by_line", lambda search: False)
    monkeypatch.setattr(jargon_lines, "_LINES", {})
    word = _ENTRY_WORDS[0]
    text = f"Bonjour,\n{word} x {word}\n\n{word}"
    reply = Reading(text, False, reading_lexicon())
    expected = _whole_text_matches(reply.lower, reply.candidates.starts("jargon"))
    assert expected
    assert list(jargon_matches(reply)) == expected
    assert not jargon_lines._LINES


def test_the_jargon_line_memo_stays_bounded(monkeypatch):
    import sprep_templates.checking._jargon_lines as jargon_lines

    monkeypatch.setattr(jargon_lines, "_LINES", {})
    monkeypatch.setattr(jargon_lines, "LINE_MEMO", 3)
    monkeypatch.setattr(jargon_lines, "MEMO_LINE_CHARS", 40)
    word = _ENTRY_WORDS[0]
    long_line = f"{word} " * 20
    lines = [f"{word} a", f"b {word}", f"{word} c", f"d {word}", long_line]
    for line in lines:
        list(jargon_matches(Reading(line, False, reading_lexicon())))
        assert len(jargon_lines._LINES) <= 3
    assert long_line.lower() not in jargon_lines._LINES


def test_the_lexicon_compiles_entries_when_tried():
    """The entry search compiles an entry the first time it is tried: the same matches."""
    from sprep_templates.lexicons._entry_search import EntrySearch

    fresh = EntrySearch(lexicon())
    assert all(pattern is None for pattern in fresh._patterns)
    text = " ".join(_ENTRY_WORDS[:20]).lower()
    found = [(m.span(), e) for m, e in fresh.finditer(text, range(len(text)))]
    assert found == [(m.span(), e) for m, e in entry_search().finditer(text, range(len(text)))]
    assert 0 < sum(pattern is not None for pattern in fresh._patterns) < len(fresh._patterns)


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("ab.(?i:x)", "unsupported group"),
        ("ab.[cd", "unterminated character class"),
        ("ab.(cd", "unbalanced parenthesis"),
        ("ab.cd)", "unbalanced parenthesis"),
        ("ab.c{2", "substring not found"),
        ("ab.(?P<x", "substring not found"),
    ],
)
def test_what_follows_a_prefix_is_still_read(source, error):
    """The prefix reader reads over the rest of a branch quickly, with the same errors."""
    with pytest.raises(ValueError, match=error):
        literal_prefixes(source)


@pytest.mark.parametrize(
    ("source", "prefixes"),
    [
        (r"ab.c{2}|de", {"ab", "de"}),
        (r"ab\d(?:x|(?=y)z)[)|]+|de", {"ab", "de"}),
        (r"(?:ab+(?P<n>c|d)|e)f", {"ab", "e"}),  # the group is not all literal: no "ef"
        (r"ab?{|cd", {"a", "cd"}),
    ],
)
def test_prefixes_after_a_skipped_part(source, prefixes):
    assert literal_prefixes(source) == prefixes


def test_pattern_file_lines_compile_when_tried():
    """A pattern file's lines are checked when read, compiled again when first tried:
    the same matches as the file's combined regex."""
    from sprep_templates.exceptions import DataFileError
    from sprep_templates.lexicons._pattern_files import parse_pattern_lines

    lines = [
        "category\tpattern\tsource",
        "a\tmenac\\w*\tx",
        "a\tpersonne ne (?:m|nous) répond\tx",
        "b\tpersonne\tx",
    ]
    patterns = parse_pattern_lines("test.tsv", lines, ["a", "b"])
    assert patterns.lines == [None, None, None]
    folded = "Personne ne m repond, on me menace. personne."
    found = list(patterns.finditer(folded))
    expected = [(int(m.lastgroup[1:]), m.start(), m.end()) for m in patterns.regex.finditer(folded)]
    assert found == expected
    assert len(found) == 3
    assert sum(pattern is not None for pattern in patterns.lines) == 3
    with pytest.raises(DataFileError, match=r"test\.tsv:2"):
        parse_pattern_lines("test.tsv", [lines[0], "a\tmenac(\tx"], ["a"])
