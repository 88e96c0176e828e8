"""The replies of a JSON-lines or CSV file, read for ``sprep check --jsonl``: as ``sprep
draft`` reads rows, twice (once to group stock replies, once to check them)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO

from ..audit import NotChecked
from ..exceptions import UnreadableInputError
from ..export import read_rows
from ._common import FatalError, UsageError, closest_names

__all__ = ["ID_FIELDS", "ReplyTable", "kept_aside", "replies", "reply_id", "taken_back"]


class ReplyTable:
    """Rows of a JSON-lines or CSV file, read as ``sprep draft`` reads them, with what
    was seen: how many rows, and the columns (to name the closest to a misspelt one)."""

    def __init__(self, path: str, field: str, encoding: str | None = None) -> None:
        self.path = path
        self.field = field
        self.encoding = encoding
        self.rows = 0
        self.with_field = 0
        self.columns: dict[str, None] = {}
        #: The rows that could not be read, in the last pass (the first listed, all
        #: counted).
        self.unreadable = NotChecked()

    def rows_of(self, source: BinaryIO) -> Iterator[tuple[int, dict[str, Any]]]:
        """(first line number, row); a usage error when the column is nowhere, or when
        no row can be read. A row that cannot be read (bad JSON, over the size of an
        export row…) is kept in :attr:`unreadable` and the rows after it are read."""
        path, field = self.path, self.field
        self.rows = self.with_field = 0
        self.unreadable = NotChecked()
        try:
            form, rows = read_rows(source, encoding=self.encoding)
            if not form.jsonl and form.names and field not in form.names:
                raise UsageError(
                    f"{path} has no column {field!r}" + closest_names(field, form.names)
                )
            for row in rows:
                if row.blank:
                    continue
                if row.fields is None:
                    self.unreadable.add(row.line, row.problem or "the row cannot be read")
                    continue
                self.rows += 1
                self.with_field += field in row.fields
                if len(self.columns) < 1000:
                    self.columns.update(dict.fromkeys(row.fields))
                yield row.line, dict(row.fields)
        except UnreadableInputError as error:
            raise FatalError(f"cannot read {path}: {error}") from None
        if not self.rows and self.unreadable.total:
            line, problem = self.unreadable.listed[0]
            raise UsageError(f"{path}:{line}: {problem}")
        if not self.rows:
            raise FatalError(f"{path} holds no row (it is empty, or a header only)")
        if not self.with_field:
            raise UsageError(
                f"{path} has no column {field!r}" + closest_names(field, list(self.columns))
            )


#: The columns ``sprep check --jsonl`` names a reply by, the first found (else its line).
ID_FIELDS = ("case_id", "id", "ID expérience")


def replies(table: ReplyTable, source: BinaryIO) -> Iterator[tuple[int, dict[str, Any], str]]:
    """(line number, row, reply text) of each row whose field holds a reply, read from
    where ``source`` stands."""
    for number, row in table.rows_of(source):
        reply_text = row.get(table.field)
        if isinstance(reply_text, str) and reply_text.strip():
            yield number, row, reply_text


def kept_aside(
    replies: Iterator[tuple[int, dict[str, Any], str]], spool: TextIO
) -> Iterator[tuple[int, dict[str, Any], str]]:
    """``replies``, each also written to ``spool`` as it was read (one JSON line)."""
    for number, row, reply_text in replies:
        spool.write(json.dumps([number, row]) + "\n")  # ASCII: lone surrogates survive
        yield number, row, reply_text


def taken_back(spool: TextIO, field: str) -> Iterator[tuple[int, dict[str, Any], str]]:
    """The replies :func:`kept_aside` wrote, in order."""
    spool.seek(0)
    for line in spool:
        number, row = json.loads(line)
        yield number, row, row[field]


def reply_id(row: dict[str, Any], number: int, id_field: str | None) -> str:
    for name in (id_field,) if id_field else ID_FIELDS:
        value = row.get(name)
        if value not in (None, ""):
            return str(value)
    return f"line {number}"
