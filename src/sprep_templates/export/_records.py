"""What ``sprep draft`` writes: the output schema (once), and writing it safely.

Records go out as JSON lines, or CSV when OUT ends in ``.csv``. The output is
written to a temporary file then renamed: an interrupted run leaves the
previous output (if any) untouched and no truncated file passed off as complete.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any, TextIO

from ..exceptions import UnreadableInputError
from ..vocabulary import STATUSES
from ._excel import EXCEL, EXCEL_BOM, EXCEL_DELIMITER, CsvForm, excel_cell

__all__ = [
    "RECORD_FIELDS",
    "STATUSES",
    "RecordWriter",
    "drafts_already_in",
    "partial_path",
    "spreadsheet_safe",
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


#: Fields a CSV cell holds as JSON text (lists and mappings).
_JSON_IN_CSV = frozenset({"attention", "personalised_by", "notes", "findings"})


#: What makes a spreadsheet read a cell as a formula (OWASP's CSV-injection rule).
_FORMULA_STARTS = frozenset("=+-@\t\r")


def spreadsheet_safe(cell: object) -> object:
    """A CSV cell that no spreadsheet reads as a formula: text starting with ``= + - @``,
    a tab or a carriage return gets a leading ``'`` (OWASP's CSV-injection rule)."""
    if isinstance(cell, str) and cell and cell[0] in _FORMULA_STARTS:
        return "'" + cell
    return cell


class RecordWriter:
    """Serialises records one by one, as JSON lines or CSV rows (no header).

    In CSV, every cell a spreadsheet would read as a formula is neutralised
    (:func:`spreadsheet_safe`); JSON lines are written as they are.
    """

    def __init__(self, *, as_csv: CsvForm) -> None:
        self.as_csv = bool(as_csv)
        self.excel = as_csv == EXCEL  # a spreadsheet's CSV: see _excel
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=EXCEL_DELIMITER if self.excel else ",")

    def __call__(self, record: dict[str, Any]) -> str:
        """One record as text, with its line end."""
        if not self.as_csv:
            return json.dumps(record, ensure_ascii=False) + "\n"
        if self.excel:
            self._writer.writerow(
                spreadsheet_safe(excel_cell(field, record.get(field))) for field in RECORD_FIELDS
            )
        else:
            self._writer.writerow(
                spreadsheet_safe(
                    json.dumps(record.get(field), ensure_ascii=False)
                    if field in _JSON_IN_CSV
                    else record.get(field)
                )
                for field in RECORD_FIELDS
            )
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text


def write_csv_header(stream: TextIO, *, excel: bool = False) -> None:
    """The header row of a CSV output (``excel``: after a BOM, ``;``-separated)."""
    if excel:
        stream.write(EXCEL_BOM)
    csv.writer(stream, delimiter=EXCEL_DELIMITER if excel else ",").writerow(RECORD_FIELDS)


def _records_in(path: Path) -> list[dict[str, Any]]:
    """The records of a drafts file (JSON lines or CSV), for ``--resume``.

    Raises :class:`UnreadableInputError` when ``path`` is not what ``sprep draft``
    writes (not UTF-8, another CSV header, a line that is no draft record, a
    last line cut short): adding drafts after it would mix them with something else.
    """
    if not path.exists():
        return []
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            return (
                _csv_records(path, stream)
                if Path(path.name.removesuffix(".partial")).suffix.lower() == ".csv"
                else _jsonl_records(path, stream)
            )
    except UnicodeDecodeError as error:
        raise UnreadableInputError(
            f"--resume: {path} is not UTF-8 text (byte {error.start}): it is not a drafts file"
        ) from None
    except OSError as error:
        raise UnreadableInputError(f"--resume: cannot read {path}: {error.strerror}") from None


def _ends_a_line(path: Path) -> bool:
    with path.open("rb") as stream:
        stream.seek(0, os.SEEK_END)
        if stream.tell() == 0:
            return True
        stream.seek(-1, os.SEEK_END)
        return stream.read(1) == b"\n"


def _csv_records(path: Path, stream: TextIO) -> list[dict[str, Any]]:
    if not _ends_a_line(path):
        raise UnreadableInputError(
            f"--resume: {path} ends in the middle of a line (cut short?): it cannot be added to"
        )
    # No field of a drafts file is near csv's field limit (128 KiB): a file that has
    # one is no drafts file, and is refused below (the process-wide limit is left alone).
    records: list[dict[str, Any]] = []
    try:
        # a plain CSV, or a spreadsheet's (--excel: a BOM, then ;-separated)
        excel = stream.read(1) == EXCEL_BOM
        if not excel:
            stream.seek(0)
        rows = csv.reader(stream, strict=True, delimiter=EXCEL_DELIMITER if excel else ",")
        header = next(rows, None)
        if header is None:
            return records
        if tuple(header) != RECORD_FIELDS:
            raise UnreadableInputError(
                f"--resume: {path} is not a drafts file: its header is not "
                f"{','.join(RECORD_FIELDS)}"
            )
        for row in rows:
            if len(row) != len(RECORD_FIELDS):
                raise UnreadableInputError(
                    f"--resume: {path} line {rows.line_num} has {len(row)} columns, not "
                    f"{len(RECORD_FIELDS)}: it is not a drafts file"
                )
            record: dict[str, Any] = dict(zip(RECORD_FIELDS, row, strict=True))
            for field in ("id", "structure_id"):
                value = record[field]
                # a cell a spreadsheet would read as a formula was written with a ' before it
                if value[:1] == "'" and value[1:2] in _FORMULA_STARTS:
                    record[field] = value[1:]
            if not record["id"] or record["status"] not in STATUSES:
                raise UnreadableInputError(
                    f"--resume: {path} line {rows.line_num} is not a draft record (its id or "
                    "its status is not one sprep draft writes): it is not a drafts file, or it "
                    "was damaged"
                )
            records.append(record)
    except csv.Error as error:
        raise UnreadableInputError(f"--resume: {path} is not a CSV drafts file ({error})") from None
    return records


#: The type of each field of a draft record (``structure_id`` and ``structure`` may be
#: absent: drafts written before they were made per structure).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "structure_id": (str, type(None)),
    "structure": (str, type(None)),
    "sentiment": (str,),
    "tone": (str,),
    "status": (str,),
    "attention": (list,),
    "word_count": (int,),
    "text": (str,),
    "body": (str,),
    "personalised_by": (list,),
    "notes": (list,),
    "findings": (list,),
}
_OPTIONAL_FIELDS = frozenset({"structure_id", "structure"})


def is_draft_record(record: object) -> bool:
    """Whether ``record`` is what ``sprep draft`` writes: every field of
    :data:`RECORD_FIELDS` and no other, each of its type, an id, a known status."""
    if not isinstance(record, dict):
        return False
    keys = set(record)
    if not (keys <= set(RECORD_FIELDS) and set(RECORD_FIELDS) - keys <= _OPTIONAL_FIELDS):
        return False
    for field, value in record.items():
        if not isinstance(value, _FIELD_TYPES[field]) or isinstance(value, bool):
            return False
    return bool(record["id"]) and record["status"] in STATUSES


def _jsonl_records(path: Path, stream: TextIO) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            record = None
        if not is_draft_record(record) or not line.endswith("\n"):
            raise UnreadableInputError(
                f"--resume: {path}:{number} is not a draft record"
                + (" (the file is cut short)" if not line.endswith("\n") else "")
                + ": it is not a drafts file, or it was damaged"
            )
        records.append(record)
    return records


def drafts_already_in(path: Path) -> set[str | tuple[str, str | None]]:
    """What ``--resume`` skips: (id, structure id) for each draft in ``path`` (JSON lines
    or CSV) that names its structure, the bare id for one that does not (written before
    drafts were made per structure, or for a row naming no structure): every structure
    of that id is then taken as done. :class:`UnreadableInputError` when ``path`` is no
    drafts file."""
    done: set[str | tuple[str, str | None]] = set()
    for record in _records_in(path):
        identifier = record.get("id")
        if identifier in (None, ""):
            continue
        structure_id = record.get("structure_id") or None
        if structure_id is None:
            done.add(str(identifier))
        else:
            done.add((str(identifier), str(structure_id)))
    return done


def partial_path(output: Path) -> Path:
    """Where an interrupted ``sprep draft -o OUT`` keeps what it drafted: ``OUT.partial``
    (``drafts.jsonl.partial``), which ``--resume`` reads; never taken for a complete OUT."""
    return output.with_name(output.name + ".partial")
