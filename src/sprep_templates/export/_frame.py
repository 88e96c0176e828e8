"""Results as a pandas DataFrame, for notebooks (pandas is optional: imported here only)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..arguments import shown
from ..exceptions import InvalidInputTypeError
from ._drafting import Drafted, Rejected, Result, Skipped

__all__ = ["FRAME_COLUMNS", "results_frame"]

#: The columns of :func:`results_frame`, one row per result (per row and structure).
FRAME_COLUMNS = (
    "line",
    "id",
    "structure_id",
    "structure",
    "status",
    "sentiment",
    "tone",
    "word_count",
    "attention",
    "personalised_by",
    "notes",
    "text",
    "body",
    "findings",
    "rules",
    "reason",
)

#: Columns of whole numbers (pandas' nullable ``Int64``: a rejected row has none).
_COUNTS = ("line", "word_count", "findings")
#: Columns of lists (an empty list for a row that has none).
_LISTS = ("attention", "personalised_by", "notes", "rules")


def _row(result: Result) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(FRAME_COLUMNS)
    row.update({column: [] for column in _LISTS})
    row.update(line=result.line, id=result.id, status=result.status)
    if result.structure is not None:
        row.update(structure_id=result.structure.id, structure=result.structure.name)
    if isinstance(result, Drafted):
        record = result.record()
        for column in ("sentiment", "tone", "word_count", "text", "body"):
            row[column] = record[column]
        for column in ("attention", "personalised_by", "notes"):
            row[column] = list(record[column])
        row["findings"] = len(record["findings"])
        row["rules"] = [finding["rule"] for finding in record["findings"]]
    elif isinstance(result, Rejected):
        row["reason"] = result.reason
    elif isinstance(result, Skipped):
        row["reason"] = result.why
    return row


def results_frame(results: Iterable[Result]) -> Any:
    """A pandas DataFrame with one row per result (drafted, rejected or skipped), the
    columns of :data:`FRAME_COLUMNS`: ``results_frame(draft_many(rows, profile=p))``.

    ``structure``/``structure_id`` say which structure a row's draft answers for (a row
    concerning two structures gives two rows); ``word_count``, ``findings`` (how many)
    and ``line`` are whole numbers (``Int64``, missing for a row not drafted);
    ``attention``, ``personalised_by``, ``notes`` and ``rules`` (one rule id per
    finding) are lists. :mod:`sprep_templates.summary` makes tables and charts of it.

    Needs pandas (``pip install "sprep_templates[notebook]"``).
    """
    try:
        import pandas  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "results_frame needs pandas: pip install 'sprep_templates[notebook]'"
        ) from error
    if isinstance(results, (str, bytes)) or not isinstance(results, Iterable):
        raise InvalidInputTypeError(
            "results_frame: results must be what draft_many gives (got "
            f"{shown(results)} that is a {type(results).__name__})"
        )
    rows = []
    for result in results:
        if not isinstance(result, (Drafted, Rejected, Skipped)):
            raise InvalidInputTypeError(
                "results_frame: results must hold Drafted, Rejected or Skipped values "
                f"(got {shown(result)} that is a {type(result).__name__})"
            )
        rows.append(_row(result))
    # object columns keep None as None (not NaN), and lists as lists
    frame = pandas.DataFrame(rows, columns=list(FRAME_COLUMNS), dtype=object)
    return frame.astype({column: "Int64" for column in _COUNTS})
