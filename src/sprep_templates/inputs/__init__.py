"""What a draft is made from: validated, frozen values.

:class:`Experience` (what a user posted), :class:`Signature` (who answers),
:class:`Contact` (a way to reach the service), :class:`Structure` (a service of
the export) and :class:`Ratings`. Each refuses a bad value on construction,
naming the field and what to write instead.

The export's columns are read here too (``_export_row``: which column feeds which
field, header names, cells), so that :meth:`Experience.from_export_row` and the
``export`` package share one reading without importing each other.
"""

from ._experience import (
    CRITERIA,
    POSTED_AS,
    SENTIMENTS,
    Experience,
    PostedAs,
    Ratings,
    Sentiment,
    channel_kind,
    parse_sentiment,
)
from ._export_row import (
    ANSWERED_STATUS_COLUMNS,
    EXPERIENCE_FIELDS,
    EXPORT_COLUMNS,
    STRUCTURE_COLUMNS,
    STRUCTURE_ID_COLUMNS,
    Column,
    RowValues,
    cell_text,
    column_name,
    export_fields,
    export_row_values,
    is_answered,
    is_missing,
    read_date,
    repair_c1,
    repair_c1_cells,
    repaired_fields,
    row_values,
    structures_of,
)
from ._values import CONTACT_KINDS, Contact, Signature, Structure, clean_free_text

__all__ = [
    "ANSWERED_STATUS_COLUMNS",
    "CONTACT_KINDS",
    "CRITERIA",
    "EXPERIENCE_FIELDS",
    "EXPORT_COLUMNS",
    "POSTED_AS",
    "SENTIMENTS",
    "STRUCTURE_COLUMNS",
    "STRUCTURE_ID_COLUMNS",
    "Column",
    "Contact",
    "Experience",
    "PostedAs",
    "Ratings",
    "RowValues",
    "Sentiment",
    "Signature",
    "Structure",
    "cell_text",
    "channel_kind",
    "clean_free_text",
    "column_name",
    "export_fields",
    "export_row_values",
    "is_answered",
    "is_missing",
    "parse_sentiment",
    "read_date",
    "repair_c1",
    "repair_c1_cells",
    "repaired_fields",
    "row_values",
    "structures_of",
]
