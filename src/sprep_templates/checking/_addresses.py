"""Where a reply writes a postal address in capitals, so that the acronym rule leaves
its words alone (issue 23: "capitals in postal addresses" are no acronyms): a town after
its postcode ("37000 TOURS", "37 000 TOURS"), the words in capitals before CEDEX
("LE-PUY-SAINT-MARTIN CEDEX"), its number and the country after it ("Cedex 9 -
FRANCE"), a street in capitals just before a postcode ("ALLÉE DU PARC-SAINT-MARTIN -
42000"), a postal box ("CS 70001", "BP 120", "TSA 41234")."""

from __future__ import annotations

import re

__all__ = ["postal_spans"]

_SPACE = "[ \u00a0\u202f]"
_POSTCODE = rf"\b[0-9][0-9AB]{_SPACE}?[0-9]{{3}}\b"
_WORD = r"(?![Cc][Ee][Dd][Ee][Xx]\b)[A-ZÀ-Ý][A-ZÀ-Ý’'\-]*\b"
_CEDEX = rf"{_SPACE}[Cc](?:EDEX|edex)\b(?:{_SPACE}\d{{1,2}}\b)?"
_COUNTRY = rf"(?:,|{_SPACE}-)?{_SPACE}FRANCE\b"
_ADDRESS = re.compile(
    # a postcode and the town's words in capitals after it (then CEDEX, the country)
    rf"{_POSTCODE}{_SPACE}{_WORD}(?:{_SPACE}{_WORD}){{0,3}}(?:{_CEDEX})?(?:{_COUNTRY})?"
    # the town's words in capitals before CEDEX
    rf"|(?:{_WORD}{_SPACE}){{0,3}}{_WORD}{_CEDEX}(?:{_COUNTRY})?"
    # a street of two words or more in capitals just before a postcode
    rf"|{_WORD}(?:{_SPACE}{_WORD}){{1,5}}(?:{_SPACE}-)?{_SPACE}(?={_POSTCODE})"
    # a postal box
    rf"|\b(?:CS|BP|TSA){_SPACE}?\d{{2,3}}(?:{_SPACE}?\d{{3}})?\b"
)
_DIGITS = re.compile(r"\d\d")


def postal_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the postal addresses of ``text`` (a few words each), in order."""
    if "EDEX" not in text and "edex" not in text and _DIGITS.search(text) is None:
        return []  # no CEDEX, no postcode, no postal box
    return [match.span() for match in _ADDRESS.finditer(text)]
