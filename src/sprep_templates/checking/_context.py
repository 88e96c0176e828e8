"""What the text around a term says about it (issue 23): an acronym the reply defines
in brackets, a title it quotes."""

from __future__ import annotations

import re

__all__ = ["bracket_definitions", "inside", "quoted_spans", "shouted"]

_CAPITALS = re.compile(r"\b[A-ZÀ-Ý]{2,}\b")
_LIST_SEPARATORS = frozenset({"", "/", ",", "ou", "et", "-", "&"})

# "(SDIF)" after the words it abbreviates, or "SDIF (Service des impôts…)".
_BRACKETED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_BEFORE_BRACKET = re.compile(r"\b([A-Z][A-Z0-9]{1,7}) ?\((?=[^)]{4})")
# A quotation on one line, of 150 characters at most: « … » or “ … ” (straight quotes
# open and close alike: a stray one would pair with the next and hide what lies between).
_QUOTED = re.compile(r"«[^«»\n]{1,150}»|“[^“”\n]{1,150}”")


def bracket_definitions(text: str) -> frozenset[str]:
    """Acronyms ``text`` defines with brackets, anywhere in it: later uses are explained."""
    if "(" not in text:
        return frozenset()
    return frozenset(
        [m.group(1) for m in _BRACKETED.finditer(text)]
        + [m.group(1) for m in _BEFORE_BRACKET.finditer(text)]
    )


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the short quotations of ``text`` (a title, a rubric quoted as it is)."""
    if "«" not in text and "“" not in text:
        return []
    return [m.span() for m in _QUOTED.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one of ``spans``."""
    return any(low <= start and end <= high for low, high in spans)


def shouted(text: str, start: int, end: int, known: frozenset[str] | set[str]) -> bool:
    """Whether the capitals at ``start:end`` are part of a phrase in capitals (a shouted
    phrase, a name): another word in capitals next to them that is neither a known
    acronym nor joined to them as in a list ("RCS ou RSAC", "RCS/RSAC")."""
    low = max(0, start - 12)
    for match in _CAPITALS.finditer(text, low, end + 12):
        if match.start() == start or match.group() in known:
            continue
        between = text[match.end() : start] if match.end() <= start else text[end : match.start()]
        if between.strip().lower() in _LIST_SEPARATORS and len(match.group()) <= 6:
            continue
        return True
    return False
