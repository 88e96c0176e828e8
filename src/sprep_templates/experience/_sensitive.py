"""Sensitive cases: what the user wrote tells of a death, violence or a threat.

Such an experience must be read by a person before any reply: the draft is then
written in a sober register and never marked ready. The words are in
``data/sensitive-situations.tsv`` (format in ``lexicons/_pattern_files.py``),
with the ordinary senses that must not count ("lettre morte", "nous nous sommes
battus", "menace de suspension des droits") as exclusions.

Out of scope on purpose: scams ("arnaque", "escroquerie"), which are not in the
list of situations that call for a person's attention; and the user's own
anger, which ``_screening.py`` deals with.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType

import attrs

from ..lexicons import PatternFile, read_packaged_patterns, read_pattern_file

__all__ = ["CATEGORIES", "CATEGORY_LABELS", "Concern", "sensitive_concerns"]

#: The kinds of situations, in the order concerns are returned.
CATEGORIES: tuple[str, ...] = (
    "death",
    "violence",
    "sexual-violence",
    "harassment",
    "suicide",
    "child-in-danger",
    "threat",
)

#: Each category as an agent reads it.
CATEGORY_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "death": "décès ou deuil",
        "violence": "violences",
        "sexual-violence": "violences sexuelles",
        "harassment": "harcèlement",
        "suicide": "suicide ou automutilation",
        "child-in-danger": "enfant en danger",
        "threat": "menaces",
    }
)

DATA_FILE = "sensitive-situations.tsv"


@attrs.frozen
class Concern:
    """A sensitive situation found in a text: its category and the words that tell it."""

    category: str = attrs.field(validator=attrs.validators.in_(CATEGORIES))
    found: str
    start: int
    end: int

    @property
    def reason(self) -> str:
        """Why the experience needs a person, in French: ``décès ou deuil : « décédée »``."""
        return f"{CATEGORY_LABELS[self.category]}\u00a0: «\u202f{self.found}\u202f»"


@cache
def _patterns() -> PatternFile:
    return read_packaged_patterns(DATA_FILE, CATEGORIES)


def load_patterns(path: str | Path) -> PatternFile:
    """Read a sensitive-situations file from ``path``, for ``sensitive_concerns(patterns=)``;
    raises :class:`~sprep_templates.exceptions.DataFileError` naming the line at fault."""
    return read_pattern_file(path, CATEGORIES)


def sensitive_concerns(
    text: str | None, *, patterns: PatternFile | None = None
) -> tuple[Concern, ...]:
    """The sensitive situations ``text`` tells of: at most one :class:`Concern` per
    category (its first occurrence), in the order of :data:`CATEGORIES`; ``()`` for
    ``None`` or a blank text. ``patterns`` replaces the shipped word list."""
    if text is None or not text.strip():
        return ()
    first: dict[str, tuple[int, int]] = {}
    for category, start, end in (patterns or _patterns()).matches(text):
        if category not in first:
            first[category] = (start, end)
            if len(first) == len(CATEGORIES):
                break
    return tuple(
        Concern(category=category, found=text[start:end], start=start, end=end)
        for category in CATEGORIES
        if category in first
        for start, end in (first[category],)
    )
