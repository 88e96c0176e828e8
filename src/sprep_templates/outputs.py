"""Writing drafts safely: JSON lines or CSV, written to a temporary file then renamed.

An interrupted run leaves the previous output (if any) untouched and no
truncated file passed off as complete.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = [
    "CSV_COLUMNS",
    "atomic_output",
    "ids_already_in",
    "serialise_records",
    "write_csv_header",
]

CSV_COLUMNS = ("id", "sentiment", "status", "word_count", "text", "body", "findings")


def serialise_records(records: Iterable[dict[str, Any]], *, as_csv: bool) -> str:
    """Records as JSON lines, or as CSV rows (no header; findings as a JSON string)."""
    if not as_csv:
        return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for record in records:
        writer.writerow(
            json.dumps(record.get(column), ensure_ascii=False)
            if column == "findings"
            else record.get(column)
            for column in CSV_COLUMNS
        )
    return buffer.getvalue()


def write_csv_header(stream: TextIO) -> None:
    """The header row of a CSV output."""
    csv.writer(stream).writerow(CSV_COLUMNS)


def ids_already_in(path: Path) -> set[str]:
    """The ids of the drafts already in ``path`` (JSON lines or CSV), for ``--resume``."""
    if not path.exists():
        return set()
    with path.open(encoding="utf-8", newline="") as stream:
        if path.suffix.lower() == ".csv":
            return {row["id"] for row in csv.DictReader(stream) if row.get("id")}
        ids = set()
        for line in stream:
            if line.strip():
                value = json.loads(line).get("id")
                if value is not None:
                    ids.add(str(value))
        return ids


@contextlib.contextmanager
def atomic_output(path: Path, *, keep_existing: bool = False) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` only if the block completes.

    With ``keep_existing`` the current content of ``path`` is copied first, so
    new records are added after it (``--resume``).
    """
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            if keep_existing and path.exists():
                with path.open(encoding="utf-8", newline="") as existing:
                    for line in existing:
                        stream.write(line)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
