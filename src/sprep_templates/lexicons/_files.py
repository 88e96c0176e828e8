"""Word lists shipped in ``sprep_templates/data`` (sources and licences in its README)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from ..text import fold

if TYPE_CHECKING:
    from ._jargon import JargonEntry

__all__ = ["first_names", "jargon", "read_list", "screening_words"]


@cache
def read_list(name: str) -> tuple[str, ...]:
    """The non-comment, non-blank lines of data file ``name``, read once."""
    raw = files("sprep_templates").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
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


def jargon() -> tuple[re.Pattern[str], tuple[JargonEntry, ...]]:
    """Administrative jargon (``jargon.tsv``, see :mod:`.jargon`): one combined
    pattern, for lower-cased text, and its entries."""
    from ._jargon import lexicon

    found = lexicon()
    return found.combined, found.entries


def _read_jargon(lines: Iterable[str]) -> tuple[re.Pattern[str], tuple[JargonEntry, ...]]:
    from ._jargon import read_lexicon

    found = read_lexicon(lines)
    return found.combined, found.entries
