"""Writing drafts safely: JSON lines or CSV, written to a temporary file then renamed.

An interrupted run leaves the previous output (if any) untouched and no
truncated file passed off as complete.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = ["CSV_COLUMNS", "RecordWriter", "atomic_output", "ids_already_in"]

CSV_COLUMNS = ("id", "sentiment", "status", "word_count", "text", "body", "findings")


class RecordWriter:
    """Writes records as JSON lines, or as CSV rows (findings as a JSON string)."""

    def __init__(self, stream: TextIO, *, as_csv: bool, header: bool = True) -> None:
        self._stream = stream
        self._csv = csv.writer(stream) if as_csv else None
        if self._csv is not None and header:
            self._csv.writerow(CSV_COLUMNS)

    def write(self, record: dict[str, Any] | str) -> None:
        """Write one record (a dict, or a JSON line already serialised)."""
        if isinstance(record, str):
            self._stream.write(record + "\n")
            return
        if self._csv is None:
            self._stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            return
        row = []
        for column in CSV_COLUMNS:
            value = record.get(column)
            row.append(json.dumps(value, ensure_ascii=False) if column == "findings" else value)
        self._csv.writerow(row)


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
