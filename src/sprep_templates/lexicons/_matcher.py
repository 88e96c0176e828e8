"""The one matcher of the library's word lists: many regular expressions searched in
one pass over a text.

Python's regex engine tries a pattern at every position of the text: a dozen
patterns mean a dozen scans. Most of the checker's patterns start with a
literal text (a word stem, a phrase, a punctuation mark), so one Aho–Corasick
automaton (pyahocorasick, in C) over the text finds every position where one
of them can start, and the pattern is tried there only. The result is exactly
what ``pattern.finditer`` returns: every match starts with one of its literal
prefixes, so no start is missed, and matches are taken left to right without
overlap, as ``finditer`` does. ``tests/test_matcher.py`` compares the two.

The prefixes are read from the pattern's source (:func:`literal_prefixes`, the one
prefix reader), or given when the source is beyond that reading (see
:class:`PatternSet`). Candidates are looked for in lower-cased text, so prefixes are
lower case. :class:`PrefixAutomaton` is the one automaton: :class:`PatternSet` (the
checker's patterns, by name), the jargon lexicon and the pattern files of the
description (``_pattern_files``) all find their candidates with it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import product
from typing import Any, Generic, TypeVar

import ahocorasick

from ..exceptions import DataFileError
from ..memos import LINE_MEMO, MEMO_LINE_CHARS, BoundedMemo

T = TypeVar("T")

__all__ = [
    "Candidates",
    "PatternSet",
    "PrefixAutomaton",
    "literal_prefixes",
    "required_prefixes",
]

#: Past this many alternatives a prefix stops growing (the first element is always
#: taken): shorter keys find more candidates, never fewer, so correctness does not
#: depend on it.
_MAX_PREFIXES = 64
_ESCAPED_LITERALS = frozenset(".^$*+?{}[]()|\\/-'’ \"#&~<>=!,:;@%`")
_QUANTIFIER_START = "?*+{"
# Characters that are one literal element each, whatever follows (a run of them is
# read over at once when only a branch's end is looked for).
_PLAIN_RUN = re.compile(r"[^\\\[()|{?*+]+")
# Characters that are one literal text each (:meth:`_Reader.element`).
_LITERAL_RUN = re.compile(r"[^\\\[\](){}|?*+.^$]+")
_QUANTIFIER_ONE = frozenset(_QUANTIFIER_START)


class _Reader:
    """A small reader of Python regex syntax: enough to know, for each branch,
    which literal text every match of it starts with."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.position = 0

    def peek(self) -> str:
        return self.source[self.position] if self.position < len(self.source) else ""

    def alternation(self) -> tuple[set[str], bool]:
        """Prefixes of ``a|b|…`` up to the end of the source or of the enclosing group,
        and whether every branch was read to its end as plain literal text."""
        prefixes: set[str] = set()
        complete = True
        while True:
            branch, branch_complete = self.branch()
            prefixes |= branch
            complete = complete and branch_complete
            if self.peek() != "|":
                return prefixes, complete
            self.position += 1

    def branch(self) -> tuple[set[str], bool]:
        current = {""}
        growing = True
        while self.peek() not in ("", "|", ")"):
            if not growing:  # the prefix is known: the rest is only read over
                self._skip_branch()
                break
            if len(current) <= _MAX_PREFIXES:
                # literal characters, each followed by no quantifier: at once
                run = _LITERAL_RUN.match(self.source, self.position)
                if run is not None:
                    end = run.end()
                    if self.source[end : end + 1] in _QUANTIFIER_ONE:
                        end -= 1  # the last one has a quantifier: read it alone
                    if end > self.position:
                        block = self.source[self.position : end]
                        current = {start + block for start in current}
                        self.position = end
                        continue
            element, exact = self.element()
            quantifier = self.quantifier()
            if element is None:  # a class, a wildcard, \d …: anything may come
                growing = False
                continue
            if element == {""}:
                if exact:  # zero-width: \b, a lookaround
                    continue
                growing = False  # a group whose matches start with anything: \w, [a-z]…
                continue
            if quantifier == "optional":  # may be absent: the prefix ends before it
                growing = False
                continue
            grown = {start + more for start, more in product(current, element)}
            if len(grown) > _MAX_PREFIXES and current != {""}:
                growing = False
                continue
            current = grown
            if quantifier == "repeated" or not exact:
                growing = False
        return current, growing

    def _skip_branch(self) -> None:
        """Read over the rest of a branch as :meth:`branch` would (the same errors),
        without its prefixes: runs of plain characters at once."""
        source = self.source
        while self.peek() not in ("", "|", ")"):
            run = _PLAIN_RUN.match(source, self.position)
            if run is not None:
                self.position = run.end()  # each followed by a plain character but the last
            else:
                char = self.peek()
                self.position += 1
                if char == "\\":
                    self.position += 1
                elif char == "[":
                    self.character_class()
                elif char == "(":
                    self._skip_group()
            self.quantifier()

    def _skip_group(self) -> None:
        """:meth:`group` without its prefixes."""
        if self.peek() == "?":
            kind = self.source[self.position + 1 : self.position + 3]
            if kind.startswith(("=", "!")) or kind in ("<=", "<!"):
                self.position += 1 + (1 if kind[0] in "=!" else 2)
            elif kind.startswith(":"):
                self.position += 2
            elif kind.startswith("P<"):
                self.position = self.source.index(">", self.position) + 1
            else:
                raise ValueError(f"unsupported group (?{kind} in {self.source!r}")
        while True:
            self._skip_branch()
            if self.peek() != "|":
                break
            self.position += 1
        self._close()

    def quantifier(self) -> str | None:
        """Skip a quantifier after an element: "optional" (may match zero times),
        "repeated" (at least once, maybe more) or None."""
        char = self.peek()
        if not char or char not in _QUANTIFIER_START:
            return None
        if char == "{":
            end = self.source.index("}", self.position)
            body = self.source[self.position + 1 : end]
            self.position = end + 1
            minimum = body.split(",")[0].strip()
            kind = "optional" if minimum in ("", "0") else "repeated"
        else:
            self.position += 1
            kind = "repeated" if char == "+" else "optional"
        if self.peek() in ("?", "+"):  # lazy or possessive
            self.position += 1
        return kind

    def element(self) -> tuple[set[str] | None, bool]:
        """One element: its possible texts (None: not a known literal; {""}: zero-width)
        and whether those texts are all of it (False when only its start is known)."""
        char = self.peek()
        self.position += 1
        if char == "\\":
            escaped = self.peek()
            self.position += 1
            if escaped in ("b", "B", "A", "Z"):
                return {""}, True
            if escaped in _ESCAPED_LITERALS:
                return {escaped}, True
            if escaped == "n":
                return {"\n"}, True
            return None, False
        if char == "[":
            return self.character_class(), True
        if char == "(":
            return self.group()
        if char in (".", "^", "$"):
            return ({""}, True) if char in "^$" else (None, False)
        return {char}, True

    def character_class(self) -> set[str] | None:
        negated = self.peek() == "^"
        chars: set[str] = set()
        plain = not negated
        first = True
        while True:
            char = self.peek()
            if char == "":
                raise ValueError(f"unterminated character class in {self.source!r}")
            self.position += 1
            if char == "]" and not first:
                break
            first = False
            if char == "\\":
                escaped = self.peek()
                self.position += 1
                if escaped in _ESCAPED_LITERALS:
                    chars.add(escaped)
                else:
                    plain = False  # \d, \w, \s …
            elif char == "-" and chars and self.peek() not in ("]", ""):
                plain = False  # a range
            else:
                chars.add(char)
        return chars if plain and chars else None

    def group(self) -> tuple[set[str] | None, bool]:
        if self.peek() == "?":
            kind = self.source[self.position + 1 : self.position + 3]
            if kind.startswith(("=", "!")) or kind in ("<=", "<!"):
                self.position += 1 + (1 if kind[0] in "=!" else 2)
                self.alternation()
                self._close()
                return {""}, True  # a lookaround consumes nothing
            if kind.startswith(":"):
                self.position += 2
            elif kind.startswith("P<"):
                self.position = self.source.index(">", self.position) + 1
            else:
                raise ValueError(f"unsupported group (?{kind} in {self.source!r}")
        prefixes, complete = self.alternation()
        self._close()
        return prefixes, complete

    def _close(self) -> None:
        if self.peek() != ")":
            raise ValueError(f"unbalanced parenthesis in {self.source!r}")
        self.position += 1


@lru_cache(maxsize=4096)
def literal_prefixes(source: str) -> frozenset[str] | None:
    """Texts one of which starts every match of the regex ``source``; None when a
    match may start with anything (a class, a wildcard, an optional first part).

    Kept by source (the answer is a frozenset): the lexicon, its entry search and the
    pattern files read the same sources at start-up."""
    reader = _Reader(source)
    prefixes, _complete = reader.alternation()
    if reader.position != len(source):
        raise ValueError(f"unbalanced parenthesis in {source!r}")
    if not prefixes or "" in prefixes:
        return None
    return frozenset(prefixes)


class PrefixAutomaton(Generic[T]):
    """One Aho–Corasick automaton (pyahocorasick, in C) over literal prefixes, each
    with the owners (pattern names, line numbers…) whose matches may start with it."""

    __slots__ = ("_automaton", "empty")

    def __init__(self, owners_of: Mapping[str, Iterable[T]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for prefix, owners in owners_of.items():
            self._automaton.add_word(prefix, (len(prefix) - 1, tuple(sorted(owners))))  # type: ignore[type-var]
        self.empty = not owners_of
        if not self.empty:
            self._automaton.make_automaton()

    def owners_of(self) -> dict[str, tuple[T, ...]]:
        """Each prefix and its owners (sorted): what the automaton was built from."""
        if self.empty:
            return {}
        return {key: owners for key, (_back, owners) in self._automaton.items()}

    def hits(self, lower: str) -> Iterator[tuple[int, tuple[int, tuple[T, ...]]]]:
        """``(end, (length - 1, owners))`` for each prefix found in ``lower`` (where it
        starts: ``end - (length - 1)``); pyahocorasick's own iterator, unwrapped, since
        a reply has hundreds of hits."""
        if self.empty:
            return iter(())
        hits: Iterator[Any] = self._automaton.iter(lower)
        return hits


class Candidates:
    """Where each pattern of a :class:`PatternSet` may match in one text."""

    __slots__ = ("_lines", "_starts")

    def __init__(
        self,
        starts: dict[str, list[int]],
        lines: Sequence[tuple[int, str, dict[str, list[int]]]] = (),
    ) -> None:
        """``starts``: for each pattern name, the sorted positions where it may match;
        ``lines``: or the text's lines, each ``(offset, line, its starts)`` in text
        order, whose starts are gathered the first time a name is asked for (a rule
        asks for a few of the lexicon's names: the others are never gathered)."""
        self._starts = starts
        self._lines = lines

    def starts(self, name: str) -> list[int]:
        """Sorted positions where pattern ``name`` may match."""
        found = self._starts.get(name)
        if found is None:
            found = []
            for offset, _line, line_starts in self._lines:
                more = line_starts.get(name)
                if more is not None:
                    found += [start + offset for start in more] if offset else more
            self._starts[name] = found
        return found

    def lines(self) -> Sequence[tuple[int, str, dict[str, list[int]]]]:
        """The text's non-empty lines, each ``(offset, line, the starts in it)``, when
        they were read line by line (see :meth:`PatternSet.candidates`), else ``()``."""
        return self._lines

    def finditer(
        self,
        name: str,
        pattern: re.Pattern[str],
        text: str,
        pos: int = 0,
        endpos: int | None = None,
    ) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos, endpos)``, trying only the candidate starts.

        ``text`` is the lower-cased text the candidates were found in, or a text
        with the same characters at those positions (the original case, when the
        prefixes are case-less such as punctuation or digits)."""
        starts = self.starts(name)
        end = len(text) if endpos is None else endpos
        after = pos
        for index in range(bisect_left(starts, pos), len(starts)):
            start = starts[index]
            if start < after:
                continue
            if start >= end:
                return
            match = pattern.match(text, start, end)
            if match is not None:
                after = match.end()
                yield match


class PatternSet:
    """Named regexes whose candidate starts are found by one automaton pass.

    ``patterns`` maps a name to a compiled pattern; ``prefixes`` gives, for the
    names whose source :func:`literal_prefixes` cannot read, the literal texts
    every match starts with (their soundness is the caller's to test).
    """

    def __init__(
        self,
        patterns: Mapping[str, re.Pattern[str]],
        prefixes: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        given = dict(prefixes or {})
        keys: dict[str, set[str]] = {}
        for name, pattern in patterns.items():
            found = given.get(name)
            starts = frozenset(found) if found is not None else literal_prefixes(pattern.pattern)
            if not starts:
                raise ValueError(
                    f"pattern {name!r} has no literal prefix to look for: give its prefixes"
                )
            for prefix in starts:
                if prefix != prefix.lower():
                    raise ValueError(f"prefix {prefix!r} of pattern {name!r} is not lower case")
                keys.setdefault(prefix, set()).add(name)
        self.patterns = dict(patterns)
        self._automaton = PrefixAutomaton(keys)
        # No prefix holds a line break: a text's candidates are those of its lines,
        # and replies share most of their lines (see :meth:`candidates`).
        self._by_line = not any("\n" in key for key in keys)
        self._lines: BoundedMemo[dict[str, list[int]]] = BoundedMemo(LINE_MEMO, MEMO_LINE_CHARS)

    def _starts(self, lower: str) -> dict[str, list[int]]:
        starts: dict[str, list[int]] = {}
        for end, (back, names) in self._automaton.hits(lower):
            start = end - back
            for name in names:
                found = starts.get(name)
                if found is None:
                    starts[name] = [start]
                else:
                    found.append(start)
        for found in starts.values():
            found.sort()
        return starts

    def _line_starts(self, line: str) -> dict[str, list[int]]:
        """:meth:`_starts` of one line, read once: the memo keeps at most
        :data:`LINE_MEMO` lines of :data:`MEMO_LINE_CHARS` characters at most."""
        found = self._lines.get(line)
        if found is None:
            found = self._lines.remember(line, self._starts(line))
        return found

    def candidates(self, lower: str) -> Candidates:
        """The candidate starts of every pattern in ``lower`` (lower-cased text)."""
        if not self._by_line:
            return Candidates(self._starts(lower))
        lines: list[tuple[int, str, dict[str, list[int]]]] = []
        offset = 0
        remembered = self._lines.get
        for line in lower.split("\n"):
            if line:
                lines.append((offset, line, remembered(line) or self._line_starts(line)))
            offset += len(line) + 1
        return Candidates({}, lines)


def required_prefixes(source: str, where: str) -> frozenset[str]:
    """:func:`literal_prefixes` of a data file's pattern ``source``, or a
    :class:`DataFileError` naming ``where`` (file, line and pattern) when a match may
    start anywhere: a data file's patterns are tried only where their words occur."""
    try:
        prefixes = literal_prefixes(source)
    except ValueError:
        prefixes = None  # a group the prefix reader does not know, such as (?i:…)
    if prefixes is None:
        raise DataFileError(
            f"{where} must start with a word in every branch, not a character class, "
            "\\w or an optional part: matches are looked for where those words occur"
        )
    return prefixes
