"""Word lists shipped in ``sprep_templates/data`` (sources and licences in its README)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from .anchored import literal_prefixes
from .exceptions import DataFileError
from .text import apply_typography, fold

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


@cache
def jargon() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    """Administrative jargon (``jargon.tsv``): one combined pattern, for lower-cased
    text, and each pattern (case-insensitive) with its plain replacement (typeset)."""
    return _read_jargon(read_list("jargon.tsv"))


def _read_jargon(
    lines: Iterable[str],
) -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], str], ...]]:
    entries = []
    sources = []
    for line in lines:
        fields = line.split("\t")
        if len(fields) != 3:
            raise DataFileError(
                f"jargon.tsv: {line!r} has {len(fields)} tab-separated columns; "
                "write: pattern, plain wording, source"
            )
        pattern, plain, _source = fields
        try:
            compiled = re.compile(rf"\b(?:{pattern})\b", re.I)
            prefixes = literal_prefixes(pattern)
        except (re.error, ValueError) as error:
            raise DataFileError(
                f"jargon.tsv: {pattern!r} is not a valid pattern ({error})"
            ) from None
        if prefixes is None or any(prefix != prefix.lower() for prefix in prefixes):
            raise DataFileError(
                f"jargon.tsv: {pattern!r} must start with lower-case words, not a character "
                "class or an optional part: the checker looks for those words first"
            )
        entries.append((compiled, apply_typography(plain)))
        sources.append(pattern)
    alternatives = "|".join(f"(?:{source})" for source in sources)
    return re.compile(rf"\b(?:{alternatives})\b"), tuple(entries)
