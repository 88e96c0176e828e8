"""The platform's export: reading it, drafting every row, writing the drafts.

- ``_columns``: a row's :class:`~sprep_templates.Experience`, built from the values
  ``inputs`` reads (the column table, the header names and the cells live in
  ``inputs/_export_row.py``, shared with ``Experience.from_export_row``; re-exported here);
- ``_reading``: CSV and JSON-lines readers, in chunks (shared by ``sprep draft``
  and ``sprep check --jsonl``);
- ``_drafting``: one result per row (:class:`Drafted`, :class:`Rejected`,
  :class:`Skipped`), and :func:`draft_many` for notebooks and services;
- ``_pool``: :func:`draft_export`, a whole export with processes, chunk by chunk;
- ``_files``: :func:`draft_export_to`, a whole export into files (atomic, ``OUT.partial``,
  resume): what ``sprep draft -o`` does, for services and notebooks too;
- ``_records``: the output schema, and reading a drafts file back (resume).
"""

from ._columns import (
    EXPORT_COLUMNS,
    Column,
    experience_from_fields,
    is_answered,
    repair_c1,
    structures_of,
)
from ._drafting import Drafted, Rejected, Result, Skipped, draft_many, draft_row, is_selected
from ._files import (
    DraftInterrupted,
    ExportSummary,
    NoStructureMatchedError,
    OutOfDescriptorsError,
    OutputError,
    OutputRefusedError,
    draft_export_to,
    rejects_path_for,
)
from ._frame import FRAME_COLUMNS, results_frame
from ._pool import MAX_JOBS, ChunkResult, JobsUnavailableError, draft_export
from ._reading import Row, detect_delimiter, detect_encoding, given_encoding, read_rows
from ._records import (
    RECORD_FIELDS,
    STATUSES,
    drafts_already_in,
    partial_path,
    write_csv_header,
)

__all__ = [
    "EXPORT_COLUMNS",
    "FRAME_COLUMNS",
    "MAX_JOBS",
    "RECORD_FIELDS",
    "STATUSES",
    "ChunkResult",
    "Column",
    "DraftInterrupted",
    "Drafted",
    "ExportSummary",
    "JobsUnavailableError",
    "NoStructureMatchedError",
    "OutOfDescriptorsError",
    "OutputError",
    "OutputRefusedError",
    "Rejected",
    "Result",
    "Row",
    "Skipped",
    "detect_delimiter",
    "detect_encoding",
    "draft_export",
    "draft_export_to",
    "draft_many",
    "draft_row",
    "drafts_already_in",
    "experience_from_fields",
    "given_encoding",
    "is_answered",
    "is_selected",
    "partial_path",
    "read_rows",
    "rejects_path_for",
    "repair_c1",
    "results_frame",
    "structures_of",
    "write_csv_header",
]
