"""The platform's export, column by column: what each one feeds in an :class:`Experience`.

The table (:data:`EXPORT_COLUMNS`) and the reading of a row's cells live in
``inputs`` (``inputs/_export_row.py``, shared with :meth:`Experience.from_export_row`);
here :func:`experience_from_fields` builds a row's :class:`Experience` from them. A
JSON-lines input uses the :class:`Experience` field names instead. Values come as the
export writes them (text) or as a notebook holds them (numbers, NaN for missing): both
are read the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..exceptions import InvalidInputError
from ..inputs import (
    ANSWERED_STATUS_COLUMNS,
    EXPORT_COLUMNS,
    STRUCTURE_COLUMNS,
    STRUCTURE_ID_COLUMNS,
    Column,
    Experience,
    Structure,
    cell_text,
    is_answered,
    is_missing,
    repair_c1,
    repair_c1_cells,
    row_values,
    structures_of,
)

__all__ = [
    "ANSWERED_STATUS_COLUMNS",
    "EXPORT_COLUMNS",
    "STRUCTURE_COLUMNS",
    "STRUCTURE_ID_COLUMNS",
    "Column",
    "RowExperience",
    "cell_text",
    "experience_from_fields",
    "is_answered",
    "is_missing",
    "repair_c1",
    "repair_c1_cells",
    "row_id",
    "structures_of",
]


@attrs.frozen
class RowExperience:
    """What one row of an export says: the experience, the structures it concerns (each
    once, in order), whether answered, and remarks on what could not be read (``notes``)."""

    experience: Experience
    structures: tuple[Structure, ...]
    answered: bool
    notes: tuple[str, ...] = ()


def experience_from_fields(fields: Mapping[str, Any]) -> RowExperience:
    """Read one row, with the export's column names or the :class:`Experience` field names.

    Raises :class:`InvalidInputError` naming the column or field that is wrong.
    """
    read = row_values(fields)
    experience = Experience(**read.values)
    return RowExperience(
        experience, read.structures, read.from_export and is_answered(fields), read.notes
    )


def row_id(fields: Mapping[str, Any] | None) -> str | None:
    """The row's experience id, as text, when it has one (for the rejects file)."""
    if not fields:
        return None
    value = fields.get("ID expérience", fields.get("id"))
    try:
        return cell_text("id", value)
    except InvalidInputError:
        return None
