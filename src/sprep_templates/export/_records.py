"""What ``sprep draft`` writes: the output schema (once), and writing it safely.

Records go out as JSON lines, or CSV when OUT ends in ``.csv``. The output is
written to a temporary file then renamed: an interrupted run leaves the
previous output (if any) untouched and no truncated file passed off as complete.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = [
    "RECORD_FIELDS",
    "STATUSES",
    "RecordWriter",
    "atomic_output",
    "drafts_already_in",
    "ids_already_in",
    "write_csv_header",
]

#: The fields of an output record, in the order a CSV output's columns take.
RECORD_FIELDS = (
    "id",
    "structure_id",
    "structure",
    "sentiment",
    "tone",
    "status",
    "attention",
    "word_count",
    "text",
    "body",
    "personalised_by",
    "notes",
    "findings",
)

#: The statuses a draft can have, from the one needing the most work.
STATUSES = ("to_review", "to_complete", "ready")

#: Fields a CSV cell holds as JSON text (lists and mappings).
_JSON_IN_CSV = frozenset({"attention", "personalised_by", "notes", "findings"})


class RecordWriter:
    """Serialises records one by one, as JSON lines or CSV rows (no header)."""

    def __init__(self, *, as_csv: bool) -> None:
        self.as_csv = as_csv
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer)

    def __call__(self, record: dict[str, Any]) -> str:
        """One record as text, with its line end."""
        if not self.as_csv:
            return json.dumps(record, ensure_ascii=False) + "\n"
        self._writer.writerow(
            json.dumps(record.get(field), ensure_ascii=False)
            if field in _JSON_IN_CSV
            else record.get(field)
            for field in RECORD_FIELDS
        )
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text


def write_csv_header(stream: TextIO) -> None:
    """The header row of a CSV output."""
    csv.writer(stream).writerow(RECORD_FIELDS)


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


def drafts_already_in(path: Path) -> set[str | tuple[str, str | None]]:
    """What ``--resume`` skips: (id, structure id) for each draft in ``path`` (JSON lines
    or CSV) that names its structure, the bare id for one that does not (written before
    drafts were made per structure, or for a row naming no structure): every structure
    of that id is then taken as done."""
    if not path.exists():
        return set()
    with path.open(encoding="utf-8", newline="") as stream:
        if path.suffix.lower() == ".csv":
            records: list[dict[str, Any]] = list(csv.DictReader(stream))
        else:
            records = [json.loads(line) for line in stream if line.strip()]
    done: set[str | tuple[str, str | None]] = set()
    for record in records:
        identifier = record.get("id")
        if identifier in (None, ""):
            continue
        structure_id = record.get("structure_id") or None
        if structure_id is None:
            done.add(str(identifier))
        else:
            done.add((str(identifier), str(structure_id)))
    return done


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
