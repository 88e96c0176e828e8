"""Results as a pandas DataFrame, for notebooks (pandas is optional: imported here only)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..arguments import shown
from ..exceptions import InvalidInputTypeError
from ._drafting import Drafted, Rejected, Result, Skipped

__all__ = ["FRAME_COLUMNS", "results_frame"]

#: The columns of :func:`results_frame`, one row per result.
FRAME_COLUMNS = (
    "line",
    "id",
    "status",
    "sentiment",
    "tone",
    "word_count",
    "attention",
    "personalised_by",
    "notes",
    "text",
    "findings",
    "reason",
)


def _row(result: Result) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(FRAME_COLUMNS)
    row.update(line=result.line, id=result.id, status=result.status)
    if isinstance(result, Drafted):
        record = result.record()
        for column in ("sentiment", "tone", "word_count", "text"):
            row[column] = record[column]
        for column in ("attention", "personalised_by", "notes"):
            row[column] = ", ".join(record[column])
        row["findings"] = len(record["findings"])
    elif isinstance(result, Rejected):
        row["reason"] = result.reason
    elif isinstance(result, Skipped):
        row["reason"] = result.why
    return row


def results_frame(results: Iterable[Result]) -> Any:
    """A pandas DataFrame with one row per result (drafted, rejected or skipped), the
    columns of :data:`FRAME_COLUMNS`: ``results_frame(draft_many(rows, profile=p))``.

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
    return pandas.DataFrame(rows, columns=list(FRAME_COLUMNS))
