"""Word patterns read from a TSV data file and matched on what the user wrote.

Used by ``experience/_sensitive.py`` and ``experience/_complaints.py``.
Each data file has a header line ``category<TAB>pattern<TAB>source``; lines
starting with ``#`` are comments. A pattern is a Python regular expression
written for *folded* text, that is: any case, accents optional (they are taken
off the pattern and the text alike), every apostrophe written ``'``. It matches
whole words only: the compiled expression adds the word boundaries.

The category ``exclude`` holds the ordinary senses of the same words ("lettre
morte"): a text is read from left to right, and at each position the
exclusions are tried first, then the other lines in the order of the file. What
an exclusion matches is consumed, so no other line can match inside it; so is
what any line matches, so a longer phrase must come before a shorter one that
starts at the same word ("violences sexuelles" before "violences").

Every match of a pattern starts with literal text (not ``\\w``, a class with a range
or an optional part): a line is tried only where that text occurs, found for all
lines at once by the one matcher of ``_matcher`` (its prefix reader and automaton).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import attrs

from ..exceptions import DataFileError
from ..linear import bound_repetitions
from ._files import data_text
from ._folding import fold_char, fold_with_positions
from ._matcher import PrefixAutomaton, required_prefixes

__all__ = [
    "EXCLUDE",
    "PatternFile",
    "fold_keeping_length",
    "parse_pattern_lines",
    "read_packaged_patterns",
    "read_pattern_file",
]

EXCLUDE = "exclude"
HEADER = ("category", "pattern", "source")


def _fold_char(char: str) -> str:
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
    )
    return stripped if len(stripped) == 1 else char


# Characters beyond Latin-1 that matter, replaced first (one for one).
_WIDE = (
    ("’", "'"),
    ("‘", "'"),
    ("ʼ", "'"),
    ("′", "'"),
    ("\u202f", " "),
    ("\u2009", " "),
    ("\u2007", " "),
    ("\u2010", "-"),
    ("\u2011", "-"),
)
# Then each Latin-1 character to its folded form, as one byte table.
_SPECIAL = {0xA0: " ", 0xB4: "'", ord("`"): "'"}
_LATIN1 = bytes(
    ord(_SPECIAL.get(code) or _fold_char(chr(code))) if code >= 0x60 else code
    for code in range(256)
)


def fold_keeping_length(text: str) -> str:
    """``text`` without accents, with ``'`` for every apostrophe and a plain space for
    non-breaking ones: one character for one, so a span found in the result is the
    same span in ``text``. Case is kept (the patterns ignore it, and a capital glued
    to a lower-case letter, as in "décédéeIl", marks where a word starts). Characters
    beyond Latin-1 other than apostrophes, spaces and hyphens become ``?``: no
    pattern looks for them."""
    if text.isascii():
        return text.replace("`", "'")
    for wide, narrow in _WIDE:
        if wide in text:
            text = text.replace(wide, narrow)
    return text.encode("latin-1", errors="replace").translate(_LATIN1).decode("latin-1")


# Text whose characters fold_keeping_length reads as folding.fold_char would: the
# short path. Anything else (an invisible character, a look-alike letter, a
# compatibility form, a combining accent) is folded first (see .folding).
_SHORT_PATH = re.compile(
    "[\x00-\xac\xae-\xff"
    + "".join(wide for wide, _narrow in _WIDE)
    + "\u2013\u2014\u2026\u0152\u0153\u20ac\u201c\u201d\u201e\u2022]+"
)
_INERT: dict[str, bool] = {}


def _inert(char: str) -> bool:
    """Whether ``char`` folds to itself (fold_keeping_length then makes it "?"): no
    invisible character, look-alike letter, compatibility form or combining mark."""
    found = _INERT.get(char)
    if found is None:
        found = fold_char(char) == char and not unicodedata.combining(char)
        if len(_INERT) < 10_000:
            _INERT[char] = found
    return found


def screening_form(text: str) -> tuple[str, list[int] | None]:
    """``text`` as the patterns read it, and for each of its characters the index of
    the character of ``text`` it comes from (None: the same index)."""
    rest = _SHORT_PATH.sub("", text)  # the characters the short path may misread
    if not rest or all(map(_inert, set(rest))):
        return fold_keeping_length(text), None
    folded, where = fold_with_positions(text)
    return fold_keeping_length(folded), where


def _fold_pattern(pattern: str) -> str:
    wide = {narrow for narrow, _ in _WIDE}
    if any(ord(char) > 0xFF and char not in wide for char in pattern):
        raise ValueError("write it with Latin-1 characters only (oe, not œ)")
    return fold_keeping_length(pattern)


# A word starts where no letter comes before it, or where a capital follows a
# lower-case letter (line breaks lost by the export glue "décédéeIl" together).
_LETTER = r"[^\W\d_]"
_START = rf"(?:(?<!{_LETTER})|(?-i:(?<=[a-z])(?=[A-Z])))"
_END = rf"(?:(?!{_LETTER})|(?-i:(?<=[a-z])(?=[A-Z])))"
# _START on its own: every line of a file begins with it (see PatternFile.at_word_starts).
_START_ALONE = re.compile(_START, re.IGNORECASE)
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Whether a character is a _LETTER as the compiled lines read it (filled as met).
_IS_LETTER: dict[str, bool] = {}
_LETTER_ALONE = re.compile(_LETTER, re.IGNORECASE)
_LATIN1_LETTERS = frozenset(
    chr(code) for code in range(0x100) if _LETTER_ALONE.fullmatch(chr(code)) is not None
)


def starts_word(folded: str, start: int) -> bool:
    """Whether ``_START`` holds at ``start`` of ``folded``: what every line of a pattern
    file checks first, here without the regex engine (``_START_ALONE.match`` is the
    definition; tests/test_speed_equivalence.py compares the two)."""
    if start == 0:
        return True
    before = folded[start - 1]
    letter = _IS_LETTER.get(before)
    if letter is None:
        letter = _is_letter(before)
    if not letter:
        return True
    return before in _ASCII_LOWER and start < len(folded) and folded[start] in _ASCII_UPPER


def _is_letter(char: str) -> bool:
    """Whether ``char`` is a ``_LETTER`` as the compiled lines read it (kept in a table)."""
    letter = _LETTER_ALONE.fullmatch(char) is not None
    if len(_IS_LETTER) < 10_000:
        _IS_LETTER[char] = letter
    return letter


@attrs.frozen
class Entry:
    """One line of a pattern file."""

    line: int
    category: str
    pattern: str
    source: str


@attrs.frozen
class PatternFile:
    """The lines of one pattern file, compiled.

    ``regex`` holds every line as one alternation (exclusions first, then the
    file's order) between word boundaries: its ``finditer`` on the folded text
    defines the matches. Python's regex engine would try the ~80 alternatives
    at every position, though; instead one Aho–Corasick pass (in C) finds where
    a line's literal start occurs ("menac", "personne n"), and at each such
    position only the lines starting there are tried, in the same order. Every
    match of a line starts with one of its literal starts, so the matches are
    exactly ``regex.finditer``'s (the tests compare the two)."""

    name: str
    entries: tuple[Entry, ...]
    #: the source of :attr:`regex`, and of each line's own pattern (the file's order)
    regex_source: str
    line_sources: tuple[str, ...]
    automaton: PrefixAutomaton[int]
    #: each line's pattern, compiled the first time it is tried (start-up: a file's
    #: lines are compiled once to check them, and again only when a text needs them)
    lines: list[re.Pattern[str] | None] = attrs.field(init=False, eq=False, repr=False)
    #: whether every line begins with the word-start check ``_START`` (so does every
    #: line :func:`parse_pattern_lines` writes): then a candidate start inside a word
    #: is passed over before any line is tried there, since every line would fail
    at_word_starts: bool = attrs.field(init=False, eq=False, repr=False)

    @lines.default
    def _no_line_compiled(self) -> list[re.Pattern[str] | None]:
        return [None] * len(self.line_sources)

    @at_word_starts.default
    def _every_line_starts_a_word(self) -> bool:
        return all(source.startswith(_START) for source in self.line_sources)

    @property
    def regex(self) -> re.Pattern[str]:
        """Every line as one alternation (group ``g<index>``), compiled when first used."""
        return _compiled(self.regex_source)

    def _line(self, index: int) -> re.Pattern[str]:
        pattern = self.lines[index] = _compiled(self.line_sources[index])
        return pattern

    def _candidates(self, lower: str) -> dict[int, tuple[int, ...]]:
        """For each position where some lines may match, which ones, in the file's order
        (each literal start's lines come sorted; two starts at one position are merged)."""
        found: dict[int, tuple[int, ...]] = {}
        for end, (back, indexes) in self.automaton.hits(lower):
            start = end - back
            known = found.get(start)
            if known is None:
                found[start] = indexes
            elif known != indexes:
                found[start] = tuple(sorted({*known, *indexes}))
        return found

    def finditer(self, folded: str) -> Iterator[tuple[int, int, int]]:
        """``(line index, start, end)`` of each match of ``regex`` in ``folded``."""
        lower = folded.lower()
        if len(lower) != len(folded):  # a character whose lower case is longer
            for match in self.regex.finditer(folded):
                group = match.lastgroup
                assert group is not None
                yield int(group[1:]), match.start(), match.end()
            return
        yield from self._finditer_at(folded, self._candidates(lower))

    def _finditer_at(
        self, folded: str, candidates: dict[int, tuple[int, ...]]
    ) -> Iterator[tuple[int, int, int]]:
        """:meth:`finditer`, trying the lines at ``candidates`` (see :meth:`_candidates`)."""
        after = 0
        lines = self.lines
        # starts_word, written out (a text has a few hundred candidate starts): a start
        # after a letter is inside a word, unless a capital follows a lower-case letter
        check, letters = self.at_word_starts, _LATIN1_LETTERS
        for start in sorted(candidates):
            if start < after:
                continue
            if check and start:
                before = folded[start - 1]
                if before in letters:
                    if before not in _ASCII_LOWER or folded[start] not in _ASCII_UPPER:
                        continue  # inside a word: every line would fail its _START here
                elif before > "\xff" and _is_letter(before):
                    continue
            for index in candidates[start]:
                found = (lines[index] or self._line(index)).match(folded, start)
                if found is not None:
                    after = found.end()
                    yield index, start, found.end()
                    break

    def matches(self, text: str) -> Iterator[tuple[str, int, int]]:
        """``(category, start, end)`` of each match in ``text``, left to right, the
        ordinary senses (``exclude``) left out; spans index ``text`` itself."""
        folded, where = screening_form(text)
        for index, start, end in self.finditer(folded):
            category = self.entries[index].category
            if category != EXCLUDE:
                if where is not None:  # back to the text's own positions
                    start, end = where[start], where[end - 1] + 1
                yield category, start, end


class PatternFileScan:
    """Several pattern files read in one text with one automaton pass: their literal
    starts in one Aho–Corasick automaton, each hit given to the files it belongs to.
    :meth:`finditer_each` gives what each file's own :meth:`PatternFile.finditer` gives."""

    def __init__(self, files: Sequence[PatternFile]) -> None:
        owners: dict[str, set[tuple[int, tuple[int, ...]]]] = {}
        for number, file in enumerate(files):
            for prefix, indexes in file.automaton.owners_of().items():
                owners.setdefault(prefix, set()).add((number, indexes))
        self.files = tuple(files)
        self.automaton = PrefixAutomaton(owners)

    def _candidates(self, lower: str) -> list[dict[int, tuple[int, ...]]]:
        found: list[dict[int, tuple[int, ...]]] = [{} for _ in self.files]
        for end, (back, owners) in self.automaton.hits(lower):
            start = end - back
            for number, indexes in owners:
                of_file = found[number]
                known = of_file.get(start)
                if known is None:
                    of_file[start] = indexes
                elif known != indexes:
                    of_file[start] = tuple(sorted({*known, *indexes}))
        return found

    def finditer_each(self, folded: str) -> tuple[Iterator[tuple[int, int, int]], ...]:
        """For each file, in order, ``file.finditer(folded)``."""
        lower = folded.lower()
        if len(lower) != len(folded):  # each file's own regex path
            return tuple(file.finditer(folded) for file in self.files)
        found = self._candidates(lower)
        return tuple(
            file._finditer_at(folded, candidates)
            for file, candidates in zip(self.files, found, strict=True)
        )


def _one_line(pattern: str) -> str:
    """A line's pattern as the search tries it alone: repetitions bounded (see
    :mod:`..linear`), between word boundaries."""
    return f"{_START}(?:{bound_repetitions(pattern)}){_END}"


@lru_cache(maxsize=4096)
def _compiled(source: str) -> re.Pattern[str]:
    """A pattern file's regex, case aside (each is checked when its file is read)."""
    return re.compile(source, re.IGNORECASE)


def parse_pattern_lines(name: str, lines: Iterable[str], categories: Sequence[str]) -> PatternFile:
    """Read the lines of pattern file ``name``; a line that cannot be used raises
    :class:`DataFileError` naming the file and line number."""
    entries: list[Entry] = []
    prefixes_of: dict[int, frozenset[str]] = {}
    header_seen = False
    allowed = (*categories, EXCLUDE)
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(field.strip() for field in fields) != HEADER:
                raise DataFileError(
                    f"{name}:{number}: the first line that is not a comment must be the "
                    f"header {'<TAB>'.join(HEADER)} (got {line!r})"
                )
            header_seen = True
            continue
        if len(fields) != len(HEADER):
            raise DataFileError(
                f"{name}:{number}: {len(fields)} tab-separated columns instead of 3 "
                f"(category, pattern, source) in {line!r}"
            )
        category, pattern, source = (field.strip() for field in fields)
        if category not in allowed:
            raise DataFileError(
                f"{name}:{number}: unknown category {category!r}; write one of {', '.join(allowed)}"
            )
        if not pattern or not source:
            raise DataFileError(f"{name}:{number}: the pattern and its source are required")
        try:
            folded = _fold_pattern(pattern)
            # Checked as the search compiles it (bounded, between word boundaries):
            # the search then finds it compiled (start-up compiled each line twice).
            compiled = _compiled(_one_line(folded))
        except (re.error, ValueError) as error:
            raise DataFileError(
                f"{name}:{number}: {pattern!r} is not a valid pattern ({error})"
            ) from None
        if compiled.groups:
            raise DataFileError(
                f"{name}:{number}: {pattern!r} has a capturing group; write (?:…) instead"
            )
        if compiled.fullmatch(""):
            raise DataFileError(f"{name}:{number}: {pattern!r} matches an empty text")
        prefixes = required_prefixes(folded.lower(), f"{name}:{number}: {pattern!r}")
        entries.append(Entry(line=number, category=category, pattern=folded, source=source))
        prefixes_of[number] = prefixes
    if not header_seen:
        raise DataFileError(f"{name}: no header line {'<TAB>'.join(HEADER)}")
    # Exclusions first, then the file's order: see the module docstring.
    order = sorted(range(len(entries)), key=lambda i: entries[i].category != EXCLUDE)
    ordered = tuple(entries[i] for i in order)
    # Bounded repetitions: a match attempt costs a constant, the scan is linear (see .linear).
    bounded = [bound_repetitions(entry.pattern) for entry in ordered]
    alternatives = "|".join(f"(?P<g{i}>{pattern})" for i, pattern in enumerate(bounded))
    regex = f"{_START}(?:{alternatives}){_END}"
    one_by_one = tuple(_one_line(entry.pattern) for entry in ordered)
    by_prefix: dict[str, set[int]] = {}
    for index, entry in enumerate(ordered):
        for prefix in prefixes_of[entry.line]:
            by_prefix.setdefault(prefix, set()).add(index)
    return PatternFile(
        name=name,
        entries=ordered,
        regex_source=regex,
        line_sources=one_by_one,
        automaton=PrefixAutomaton(by_prefix),
    )


def read_pattern_file(path: str | Path, categories: Sequence[str]) -> PatternFile:
    """Read the pattern file at ``path`` (on disk)."""
    path = Path(path)
    with path.open(encoding="utf-8") as lines:
        return parse_pattern_lines(path.name, lines, categories)


def read_packaged_patterns(name: str, categories: Sequence[str]) -> PatternFile:
    """Read pattern file ``name`` of ``sprep_templates/data``."""
    return parse_pattern_lines(name, data_text(name).splitlines(), categories)
