"""The one reader of ``sprep_templates/data`` (sources and licences in its README):
a data file's text, its lines with their numbers, a plain word list; and the lists
read as sets (first names, offensive and hostile words)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ..text import fold

__all__ = ["data_text", "first_names", "numbered_lines", "read_list", "screening_words"]


def data_text(name: str) -> str:
    """The text of data file ``name`` (UTF-8)."""
    return files("sprep_templates").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def numbered_lines(name: str) -> list[tuple[int, str]]:
    """The non-comment, non-blank lines of data file ``name``, each with its number
    (from 1), for messages that point at a line."""
    return [
        (number, line.rstrip("\r"))
        for number, line in enumerate(data_text(name).split("\n"), start=1)
        if line.strip() and not line.startswith("#")
    ]


@cache
def read_list(name: str) -> tuple[str, ...]:
    """The non-comment, non-blank lines of data file ``name``, stripped, read once."""
    return tuple(
        line.strip()
        for line in data_text(name).splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def first_names() -> frozenset[str]:
    """Known first names, folded (lower case, no accents)."""
    return frozenset(fold(name) for name in read_list("first-names.txt"))


@cache
def screening_words() -> tuple[frozenset[str], frozenset[str]]:
    """Offensive and hostile words, folded: (whole-word set, substring set).

    Entries of five characters or more match anywhere; shorter ones only as a
    whole word, since "con" or "nul" hide inside many innocent names.
    """
    whole: set[str] = set()
    anywhere: set[str] = set()
    for name in ("offensive-words.txt", "hostile-words.txt"):
        for word in read_list(name):
            folded = fold(word)
            compact = folded.replace(" ", "").replace("-", "")
            (anywhere if len(compact) >= 5 else whole).add(compact)
    return frozenset(whole), frozenset(anywhere)
