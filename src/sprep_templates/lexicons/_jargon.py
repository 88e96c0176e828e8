"""The jargon lexicon (``data/jargon.tsv``) and the acronym list
(``data/acronym-expansions.tsv``): read, checked and compiled once.

An entry of the lexicon is written in a small pattern syntax rather than as a
regular expression, so that one line covers the forms of a word::

    régularis{er,e,es,ent,é,ée,és,ées,ation,ations}	jargon	corriger	[SPP]

- ``{a,b,c}``: one of the forms (an empty form is allowed: ``pièce{,s}``; groups nest);
- ``<s>`` is ``{,s}`` (number) and ``<é>`` is ``{é,ée,és,ées}`` (gender and number);
- ``<relever>`` is every form of a verb of the conjugation table (``_morphology``),
  ``<relever:sans-pp>`` without its past participles; around it a negation and up to
  two adverbs may come;
- ``#`` is a number (one or more digits);
- ``|`` separates forms that share nothing (``ledit|ladite``);
- an apostrophe (``’`` or ``'``) matches both; a space matches one space;
- letters are lower case; the whole form is matched as whole words, case aside.

Every form must start with a word (not with an empty form): the checker finds
the lexicon in one pass by looking for those first words (``lexicons/_matcher.py``), and
an entry it could not anchor is refused with :class:`DataFileError`, not skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from typing import Literal

import attrs

from ..exceptions import DataFileError
from ..text import apply_typography, fold
from ._files import numbered_lines, read_list
from ._matcher import literal_prefixes
from ._morphology import (
    CLASSES,
    VERB_MARK,
    complete_paradigms,
    distribute,
    insertion_slot,
    takes_insertion,
    verb_class,
    with_negation,
)

__all__ = [
    "CATEGORIES",
    "Acronym",
    "JargonEntry",
    "Lexicon",
    "acronym_expansions",
    "clear_text_caches",
    "compile_pattern",
    "explained",
    "jargon",
    "lexicon",
    "read_lexicon",
]

Category = Literal["jargon", "register", "legal"]

#: What each category means, and the severity of its findings.
CATEGORIES: dict[str, Literal["error", "warning"]] = {
    "jargon": "error",  # a term the public may not understand: replace it
    "register": "warning",  # formal wording with a plain equivalent
    "legal": "warning",  # a legal term to explain rather than replace
}

_CLASSES = CLASSES
_APOSTROPHES = "’'"
_ALLOWED = re.compile(r"[a-zà-ÿœæ0-9 ’'\-.°{},|<>#:]+")


@attrs.frozen
class JargonEntry:
    """One line of ``jargon.tsv``: the pattern as written, its category, the
    plain wording to suggest (typeset) and its source."""

    pattern: str
    category: Category
    plain: str
    source: str
    line: int

    @property
    def severity(self) -> Literal["error", "warning"]:
        return CATEGORIES[self.category]


@attrs.frozen
class Lexicon:
    """The compiled lexicon: ``combined`` finds every entry in lower-cased text,
    with one named group per entry (``e0``, ``e1``…: ``entry_for`` reads it).

    ``source`` is the combined pattern's text; it is compiled on first use of
    ``combined`` (a quarter of a second for the bundled lexicon), which drafting, that
    searches entry by entry (``_entry_search``), never needs."""

    source: str
    entries: tuple[JargonEntry, ...]

    @cached_property
    def combined(self) -> re.Pattern[str]:
        """Every entry, one named group each, as one pattern for lower-cased text."""
        return re.compile(self.source)

    def entry_for(self, match: re.Match[str]) -> JargonEntry:
        """The entry ``match`` (of ``combined``) found."""
        name = match.lastgroup or "e0"
        return self.entries[int(name[1:])]


class _Syntax(ValueError):
    pass


def _expand_classes(source: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        verb = verb_class(name)
        if verb is not None:
            return verb
        if name not in _CLASSES:
            raise _Syntax(
                f"unknown class <{name}>; known: "
                + ", ".join(f"<{c}>" for c in _CLASSES)
                + ", or a verb of the conjugation table (lexicons/_morphology.py)"
            )
        return _CLASSES[name]

    return re.sub(r"<([^<>]*)>", replace, source)


def compile_pattern(source: str) -> str:
    """The regular expression (for lower-cased text) of a lexicon pattern, or
    ValueError saying what is wrong with it."""
    if source != source.lower():
        raise _Syntax("must start with lower-case words: write it in lower case")
    if not _ALLOWED.fullmatch(source):
        bad = sorted({c for c in source if not _ALLOWED.fullmatch(c)})
        raise _Syntax(f"not a valid pattern: {''.join(bad)!r} is not part of the syntax")
    expanded = complete_paradigms(
        _expand_classes(distribute(with_negation(unicodedata.normalize("NFC", source))))
    )
    out: list[str] = []
    depth = 0
    slot = insertion_slot()
    for index, char in enumerate(expanded):
        if char == "{":
            depth += 1
            out.append("(?:")
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise _Syntax("not a valid pattern: '}' without '{'")
            out.append(")")
        elif char == ",":
            if depth == 0:
                raise _Syntax("not a valid pattern: ',' outside {…}")
            out.append("|")
        elif char == "|":
            if depth:
                raise _Syntax("not a valid pattern: '|' inside {…}; use ','")
            out.append("|")
        elif char == "#":
            out.append(r"\d+")
        elif char == VERB_MARK:
            continue  # a verb's forms end here (see takes_insertion)
        elif char in _APOSTROPHES:
            out.append("[’']")
        elif char == " ":  # an adverb or a negation may come after a word (morphology)
            out.append(
                " " + slot
                if depth == 0 and takes_insertion(expanded[:index], expanded[index + 1 :])
                else " "
            )
        else:
            out.append(re.escape(char))
    if depth:
        raise _Syntax("not a valid pattern: '{' without '}'")
    return "".join(out)


def read_lexicon(
    lines: Iterable[str | tuple[int, str] | tuple[str, int, str]], *, compile_each: bool = True
) -> Lexicon:
    """Parse and compile lexicon lines (each a line of text, ``(number, line)``, or
    ``(file, number, line)`` for a line of another file than ``jargon.tsv``).

    Raises :class:`DataFileError` naming the line for a line with the wrong
    columns, an unknown category, a pattern outside the syntax, or one whose
    matches do not all start with a word the one-pass search can look for.
    ``compile_each=False`` leaves out compiling each entry's regular expression to
    check it (the search compiles an entry the first time it is tried): only for the
    bundled files, which ``tests/test_lexicons.py`` reads with every check."""
    entries: list[JargonEntry] = []
    regexes: list[str] = []
    for index, item in enumerate(lines, start=1):
        file, number, line = (
            item
            if isinstance(item, tuple) and len(item) == 3
            else ("jargon.tsv", *item)
            if isinstance(item, tuple)
            else ("jargon.tsv", index, item)
        )
        where = f"{file}, line {number}"
        fields = line.split("\t")
        if len(fields) != 4:
            raise DataFileError(
                f"{where}: {line!r} has {len(fields)} tab-separated columns; "
                "write: pattern, category, plain wording, source"
            )
        pattern, category, plain, source = (field.strip() for field in fields)
        if category not in CATEGORIES:
            raise DataFileError(
                f"{where}: category {category!r} is not one of " + ", ".join(CATEGORIES)
            )
        if not plain or not source:
            raise DataFileError(f"{where}: {pattern!r} needs a plain wording and a source")
        try:
            regex = compile_pattern(pattern)
            if compile_each:
                re.compile(regex)
            prefixes = literal_prefixes(regex)
        except (re.error, ValueError) as error:
            raise DataFileError(f"{where}: {pattern!r}: {error}") from None
        if prefixes is None or any(not prefix.strip() for prefix in prefixes):
            raise DataFileError(
                f"{where}: {pattern!r} must start with lower-case words, not an empty or "
                "optional part: the checker looks for those words first"
            )
        entries.append(
            JargonEntry(pattern, category, apply_typography(plain), source, number)  # type: ignore[arg-type]
        )
        regexes.append(regex)
    # At one position the first alternative that matches wins: try longer patterns
    # first, so that "l’instruction de votre dossier" is not cut at "l’instruction".
    order = sorted(range(len(regexes)), key=lambda i: -len(regexes[i]))
    branches = "|".join(f"(?P<e{i}>{regexes[i]})" for i in order)
    return Lexicon(rf"\b(?:{branches})\b", tuple(entries))


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon (``jargon.tsv`` and the general ``register.tsv``), read once.

    Its entries' regular expressions are compiled when first tried, not at start-up
    (most never are on a title; compiling all 600 took a second of ``sprep draft``'s
    start): ``tests/test_lexicons.py`` reads the bundled files with every check."""
    return read_lexicon(bundled_lines(), compile_each=False)


def bundled_lines() -> list[tuple[str, int, str]]:
    """The bundled lexicon's lines, each with its file and number."""
    return [
        *(("jargon.tsv", number, line) for number, line in numbered_lines("jargon.tsv")),
        *(("register.tsv", number, line) for number, line in numbered_lines("register.tsv")),
    ]


def jargon() -> tuple[re.Pattern[str], tuple[JargonEntry, ...]]:
    """Administrative jargon (``jargon.tsv``, ``register.tsv``): one combined pattern,
    for lower-cased text, and its entries."""
    found = lexicon()
    return found.combined, found.entries


# --- acronyms ------------------------------------------------------------------


@attrs.frozen
class Acronym:
    """An acronym with its expansion, as a reply should spell it out."""

    letters: str
    expansion: str
    source: str


@cache
def acronym_expansions() -> dict[str, Acronym]:
    """Administrative acronyms and their expansions (``acronym-expansions.tsv``),
    by their letters in capitals."""
    found: dict[str, Acronym] = {}
    for number, line in numbered_lines("acronym-expansions.tsv"):
        fields = line.split("\t")
        if len(fields) != 3 or not all(field.strip() for field in fields):
            raise DataFileError(
                f"acronym-expansions.tsv, line {number}: {line!r}: write: acronym, "
                "expansion, source (tab-separated)"
            )
        letters, expansion, source = (field.strip() for field in fields)
        found[letters.upper()] = Acronym(letters, expansion, source)
    return found


@lru_cache(maxsize=16)
def _words(text: str) -> str:
    """The words of ``text``, folded, one space apart (kept for the last few texts: a
    reply with several acronyms is read once, not once per acronym)."""
    return " ".join(re.findall(r"\w+", fold(text)))


@lru_cache(maxsize=1024)
def _expansion_words(letters: str) -> str | None:
    acronym = acronym_expansions().get(letters.upper())
    return _words(acronym.expansion) if acronym else None


#: Latin letters to what :func:`..text.fold` makes of them, for ``str.translate``: a
#: cheap first look before folding a whole reply.
_UNACCENT = str.maketrans(
    {c: fold(c) for c in map(chr, range(0xC0, 0x250)) if fold(c) != c.lower()} | {"ß": "ss"}
)


def explained(letters: str, text: str) -> bool:
    """Whether ``text`` spells out the acronym ``letters`` anywhere (its known
    expansion, accents, case and punctuation aside)."""
    words = _expansion_words(letters)
    if not words:
        return False
    # The expansion's longest word must be there: looked for first, without folding the
    # whole reply (folding costs a millisecond on a long one).
    if max(words.split(), key=len) not in text.lower().translate(_UNACCENT):
        return False
    return f" {words} " in f" {_words(text)} "


def clear_text_caches() -> None:
    """Forget the acronyms and texts read lately (their expansions stay)."""
    _words.cache_clear()
    _expansion_words.cache_clear()


@cache
def known_acronyms() -> frozenset[str]:
    """Acronyms a reply may use unexplained (``acronyms.txt``)."""
    return frozenset(read_list("acronyms.txt"))
