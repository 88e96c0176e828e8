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
from sprep_templates.memos import BoundedMemo

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
    monkeypatch.setattr(jargon_lines, "_LINES", BoundedMemo())
    word = _ENTRY_WORDS[0]
    text = f"Bonjour,\n{word} x {word}\n\n{word}"
    reply = Reading(text, False, reading_lexicon())
    expected = _whole_text_matches(reply.lower, reply.candidates.starts("jargon"))
    assert expected
    assert list(jargon_matches(reply)) == expected
    assert not jargon_lines._LINES


def test_the_jargon_line_memo_stays_bounded(monkeypatch):
    import sprep_templates.checking._jargon_lines as jargon_lines

    monkeypatch.setattr(jargon_lines, "_LINES", BoundedMemo(limit=3, max_key_chars=40))
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


def _shipped_pattern_files():
    """Every pattern file of sprep_templates/data (header category, pattern, source),
    read as the library reads it, and the loaders' own PatternFile objects."""
    from importlib import resources

    from sprep_templates.experience import (
        _complaints,
        _needs,
        _praise,
        _problems,
        _requests,
        _said,
        _sensitive,
    )
    from sprep_templates.lexicons._pattern_files import HEADER, parse_pattern_lines

    read = []
    for path in sorted(resources.files("sprep_templates.data").iterdir(), key=str):
        if not path.name.endswith(".tsv"):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        body = [line for line in lines if line.strip() and not line.startswith("#")]
        if tuple(field.strip() for field in body[0].split("\t")) != HEADER:
            continue
        categories = sorted({line.split("\t")[0].strip() for line in body[1:]})
        read.append(parse_pattern_lines(path.name, lines, categories))
    loaded = [
        _complaints._phone_patterns(),
        _needs.needs_patterns(),
        _praise.praise_patterns(),
        _problems.problem_patterns(),
        _problems.severity_patterns(),
        _requests.request_patterns(),
        _said._said_patterns(),
        _said._procedure_patterns(),
        _said._distress_patterns(),
        _sensitive._patterns(),
    ]
    return read, loaded


def test_every_shipped_pattern_line_begins_with_the_word_start_check():
    """A candidate start inside a word is passed over before any line is tried: exact
    only because every line of every shipped pattern file begins with _START."""
    from sprep_templates.lexicons._pattern_files import _START

    read, loaded = _shipped_pattern_files()
    assert len(read) >= 10
    assert {file.name for file in loaded} == {file.name for file in read}
    for file in (*read, *loaded):
        assert file.line_sources
        assert all(source.startswith(_START) for source in file.line_sources), file.name
        assert file.at_word_starts, file.name


def test_a_file_with_a_line_not_checking_word_starts_tries_every_candidate():
    """A PatternFile built otherwise (a line without _START) keeps every candidate."""
    import attrs

    from sprep_templates.lexicons._pattern_files import parse_pattern_lines

    lines = ["category\tpattern\tsource", "a\tmenac\\w*\tx"]
    patterns = parse_pattern_lines("test.tsv", lines, ["a"])
    bare = attrs.evolve(patterns, line_sources=("menac\\w*",))
    assert patterns.at_word_starts and not bare.at_word_starts
    assert list(patterns.finditer("x menace")) == [(0, 2, 8)]
    assert list(patterns.finditer("xmenace")) == []
    assert list(bare.finditer("xmenace")) == [(0, 1, 7)]


_AROUND = ["a", "Z", "é", "É", "1", "_", "'", " ", "-", "?", "²", "İ", "ß", "\u00a0", "x", "Q"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_AROUND), min_size=1, max_size=6).map("".join))
def test_the_word_start_check_is_the_regex_one(text):
    """starts_word is _START matched at that position, for every position."""
    from sprep_templates.lexicons._pattern_files import _START_ALONE, starts_word

    for start in range(len(text)):
        assert starts_word(text, start) == (_START_ALONE.match(text, start) is not None)


def _step_sentences_whole_text(reply):
    """step_sentences as it was before the line memo: the reply's cues searched whole."""
    from bisect import bisect_left, bisect_right

    from sprep_templates.checking._cues import GREETING_WITH_NAME, STEPS_UNION
    from sprep_templates.patterns import EMAIL

    greeting = GREETING_WITH_NAME.match(reply.text)
    body_start = greeting.end() if greeting else 0
    sentences = reply.sentences
    first = 0
    while first < len(sentences) and sentences[first][1] <= body_start:
        first += 1
    last = len(sentences)
    if not reply.closing_added and last - first >= 2:
        last -= 2
    if first >= last:
        return {}
    starts = [start for start, _end in sentences[first:last]]
    starts[0] = max(starts[0], body_start)
    low, high = starts[0], sentences[last - 1][1]
    found = {}
    after = low
    cues = reply.candidates.starts("steps")
    for at in range(bisect_left(cues, low), len(cues)):
        start = cues[at]
        if start < after:
            continue
        if start >= high:
            break
        match = STEPS_UNION.match(reply.lower, start, high)
        if match is None:
            continue
        after = match.end()
        index = bisect_right(starts, start) - 1
        indices = found.setdefault(match.lastgroup or "", [])
        if not indices or indices[-1] != index:
            indices.append(index)
    contact_data = [
        bisect_right(starts, match.start()) - 1
        for match in (*reply.urls, *reply.find("phone"))
        if low <= match.start() and match.end() <= high
    ]
    if "@" in reply.text:
        contact_data += [
            bisect_right(starts, match.start()) - 1
            for match in EMAIL.finditer(reply.text, low, high)
        ]
    if contact_data:
        found["orientation"] = sorted({*found.get("orientation", ()), *contact_data})
    return found


_STEP_PIECES = [
    "Bonjour Sandrine,",
    "Bonjour,",
    "Merci",
    "merci",
    "remerciements",
    "nous regrettons",
    "désolé",
    "vous pouvez",
    "contacter",
    "au 32 30",
    "améliorer",
    "nous transmettons",
    "répondre",
    "x",
    "amerci",
    " ",
    " ",
    ".",
    ". ",
    "\n",
    "\n\n",
    "Cordialement,",
    "Jean, pour la Caf de Paris",
    "n'hésitez pas",
    "n’hésitez pas",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_STEP_PIECES), max_size=30).map("".join), st.booleans())
def test_step_words_line_by_line_are_the_whole_text_search(text, closing_added):
    """The steps found with the line memo are those of the reply searched whole."""
    from sprep_templates.checking._step_sentences import step_sentences

    expected = _step_sentences_whole_text(Reading(text, closing_added, reading_lexicon()))
    for _ in range(2):  # the second time from the memo
        reply = Reading(text, closing_added, reading_lexicon())
        assert step_sentences(reply) == expected


def test_the_bundled_step_words_are_searched_line_by_line():
    """No step word can match a line break: the memo is used."""
    from sprep_templates.checking._step_sentences import CUES_BY_LINE

    assert CUES_BY_LINE


def test_the_step_line_memo_stays_bounded(monkeypatch):
    import sprep_templates.checking._step_sentences as step_lines

    monkeypatch.setattr(step_lines, "_LINE_CUES", BoundedMemo(limit=3, max_key_chars=40))
    long_line = "Merci " * 10 + "fin."
    lines = ["Merci a.", "b merci.", "Merci c.", "d merci.", long_line]
    for line in lines:
        step_lines.step_sentences(Reading(line, True, reading_lexicon()))
        assert 0 < len(step_lines._LINE_CUES) <= 3
    assert long_line.lower() not in step_lines._LINE_CUES


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from([*_AROUND, "ŝ", "menace", "Menace", "mari"]), max_size=8).map("".join)
)
def test_candidates_inside_words_passed_over_give_the_regex_matches(text):
    """A start after a letter (Latin-1 or not, a capital after a lower-case letter
    aside) is passed over: the matches are still the file's regex's."""
    from sprep_templates.lexicons._pattern_files import parse_pattern_lines

    lines = ["category\tpattern\tsource", "a\tmenac\\w*\tx", "b\tmari\tx", "b\tmen\tx"]
    patterns = parse_pattern_lines("test.tsv", lines, ["a", "b"])
    expected = [(int(m.lastgroup[1:]), m.start(), m.end()) for m in patterns.regex.finditer(text)]
    assert list(patterns.finditer(text)) == expected


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from([" ", "\t", "\u00a0", "\u202f", "&", ";", "\n", "a", "é"]), max_size=12
    ).map("".join)
)
def test_whether_a_reply_needs_decoding_is_read_line_by_line(text):
    """decode's first look, line by line and remembered (issue 24), says what one search
    of the whole text says; twice the same (the second time from the memo)."""
    from sprep_templates.checking._entities import _MAYBE, _may_change

    for _ in range(2):
        assert _may_change(text) == (_MAYBE.search(text) is not None)


@settings(max_examples=400)
@given(
    st.lists(
        st.sampled_from(["\n", "a", "é", " ", "\u200b", "\u00ad", "\ufeff", "\U000e0041"]),
        max_size=12,
    ).map("".join)
)
def test_whether_a_reply_holds_an_invisible_character_is_read_line_by_line(text):
    """The paragraphs rule's first look for invisible characters, line by line and
    remembered (issue 24), says what one search of the whole text says; twice."""
    from sprep_templates.checking._hidden import _holds_invisible
    from sprep_templates.folding import INVISIBLE

    for _ in range(2):
        assert _holds_invisible(text) == (INVISIBLE.search(text) is not None)


def test_a_context_of_nothing_said_is_the_one_said_context_gives():
    """step_context remembers said_context for experiences whose words say nothing
    (issue 24): the same variables as said_context computed afresh."""
    from sprep_templates import Contact, Experience, Signature
    from sprep_templates.drafting._contract import step_context
    from sprep_templates.experience import NOTHING_SAID, personalise, said_context
    from sprep_templates.inputs import channel_kind

    signature = Signature(first_name="Jean", organisation="la Caf de Paris")
    contacts = (Contact("phone", "32 30"),)
    for sentiment in ("positive", "neutral", "negative"):
        for channels in ((), ("Téléphone",), ("Accueil",)):
            for ratings in ({}, {"accessibility": "negative", "relation": "positive"}):
                experience = Experience(
                    sentiment=sentiment, id="1", channels=channels, ratings=ratings
                )
                reading = personalise(experience, today=None, late_after_days=30)
                assert reading.said is NOTHING_SAID
                for _ in range(2):
                    context = step_context(experience, signature, contacts, {}, reading)
                    expected = said_context(
                        reading.said,
                        channel=channel_kind(experience.channels),
                        tone=reading.tone,
                        sentiment=sentiment,
                        hard=context["hard"],
                        liked=reading.liked,
                    )
                    assert {name: context[name] for name in expected} == expected


_LINE_TOKENS = [
    " ",
    "\n",
    "\n\n",
    "0",
    "1",
    "5",
    "75",
    "2A",
    "012",
    "75001",
    "er",
    "/",
    "-",
    ".",
    "’",
    "mars",
    "Mars",
    "Paris",
    "PARIS",
    "avec",
    "Mme",
    "M.",
    "Nathalie",
    "Éric",
    "transmis à",
    "votre",
    "Votre",
    "message",
    "demande",
    "du",
    "a",
    "été",
    "bien",
    "validée",
    "dossier",
    "x",
    "É",
    "İ",
    "é",
    "malheureusement",
    "Malheureusement",
    "vous devez",
    "impossible",
    "conformément à",
    "en aucun",
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_LINE_TOKENS), max_size=14).map("".join))
def test_a_pattern_matches_some_line_when_it_matches_the_text(text):
    """The line flags of the leak rules (issue 24): a pattern flagged on some line of a
    text matches the text, and one flagged on none does not; twice (from the memo)."""
    from sprep_templates.checking import _leaks  # noqa: F401 - registers its patterns
    from sprep_templates.checking._line_search import LINE_PATTERNS, line_flags
    from sprep_templates.checking._reading import _lower

    assert len(LINE_PATTERNS) >= 4
    for _ in range(2):
        flags = line_flags(text)
        for index, (pattern, lower) in enumerate(LINE_PATTERNS):
            expected = pattern.search(_lower(text) if lower else text) is not None
            assert bool(flags & (1 << index)) == expected, pattern.pattern
