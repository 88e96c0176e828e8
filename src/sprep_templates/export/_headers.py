"""One reading of the export's column names, for ``sprep draft``, :func:`draft_many` and
:meth:`Experience.from_export_row`.

A header cell is read with its BOM dropped, its runs of white space made one space and
its case aside: ``\\ufeffID expérience``, ``Intitulé structure  3`` (the official export's
own double space) and ``ressenti usager`` are the export's ``ID expérience``,
``Intitulé structure 3`` and ``Ressenti usager``. A name that is no export column keeps
its spelling (white space and BOM aside): a JSON line's ``action`` stays ``action``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import attrs

from ..exceptions import InvalidInputError, InvalidInputTypeError
from ..inputs import Experience
from ._columns import (
    ANSWERED_STATUS_COLUMNS,
    EXPORT_COLUMNS,
    STRUCTURE_COLUMNS,
    STRUCTURE_ID_COLUMNS,
    experience_from_fields,
    repair_c1,
)

__all__ = ["column_name", "experience_from_export_row", "export_fields", "repaired_fields"]

_EXPORT_NAMES = (
    *(name for column in EXPORT_COLUMNS for name in column.names),
    *STRUCTURE_COLUMNS,
    *STRUCTURE_ID_COLUMNS,
    *ANSWERED_STATUS_COLUMNS,
    "Etat expérience",
)
_BY_FOLDED = {name.casefold(): name for name in _EXPORT_NAMES}
#: Names a JSON line uses as they are (the Experience fields, ``structures``).
_FIELD_NAMES = frozenset({*(f.name for f in attrs.fields(Experience)), "structures"})


@lru_cache(maxsize=4096)
def column_name(name: str) -> str:
    """The column ``name`` stands for: BOM and runs of white space aside, and case aside
    for the export's own columns."""
    spaced = " ".join(name.replace("\ufeff", "").split())
    if spaced in _FIELD_NAMES:
        return spaced
    return _BY_FOLDED.get(spaced.casefold(), spaced)


def export_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` with every name read by :func:`column_name` (the first of two cells
    that read the same name wins, as in a CSV header)."""
    read: dict[str, Any] = {}
    for name, value in fields.items():
        key = column_name(name) if isinstance(name, str) else name
        if key not in read:
            read[key] = value
    return read


def repaired_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The cells of a row as ``sprep draft`` reads them: names by :func:`column_name`,
    text with the C1 characters of a cp1252 round-trip repaired (``\\x92`` → ``’``,
    :func:`repair_c1`). Raises :class:`InvalidInputError` for a C1 character that no
    encoding explains, naming the column."""
    read = export_fields(fields)
    for name, value in read.items():
        if isinstance(value, str):
            try:
                read[name] = repair_c1(value)
            except UnicodeDecodeError:
                raise InvalidInputError(
                    f"column {name!r} holds a control character that no encoding explains "
                    "(not even cp1252): export the file again, as UTF-8"
                ) from None
    return read


def experience_from_export_row(fields: Mapping[str, Any]) -> Experience:
    """The :class:`Experience` of one export row, read as ``sprep draft`` reads it."""
    if not isinstance(fields, Mapping):
        raise InvalidInputTypeError(
            "Experience.from_export_row takes a mapping of column to cell, such as a "
            f"csv.DictReader row or a DataFrame row's to_dict() (got {type(fields).__name__})"
        )
    return experience_from_fields(repaired_fields(fields)).experience
