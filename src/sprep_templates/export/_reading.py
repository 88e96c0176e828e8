"""Reading an export: CSV (the platform's) or JSON lines, as rows of fields.

Shared by ``sprep draft`` (which reads in chunks that other processes parse)
and ``sprep check --jsonl``. The format is told by the first character: ``{``
starts JSON lines, anything else a CSV header (comma or semicolon separated,
with or without BOM, Windows line endings). A row that cannot be read becomes
a :class:`Row` with its ``problem``: it is reported, never dropped.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

import attrs

from ..limits import MAX_ROW_BYTES

__all__ = ["CHUNK_LINES", "Format", "Row", "chunk_rows", "chunks", "detect_delimiter", "read_rows"]

_UNDECODABLE = re.compile("[\udc80-\udcff]")

#: Lines per chunk handed to a job (a chunk ends only where CSV quotes balance).
CHUNK_LINES = 512


@attrs.frozen
class Row:
    """One record read from the input: its first line number and its fields (or why not)."""

    line: int
    fields: Mapping[str, Any] | None
    raw: str
    problem: str | None = None


@attrs.frozen
class Format:
    """How the input is written: JSON lines, or CSV with its delimiter and header."""

    jsonl: bool
    delimiter: str = ","
    names: tuple[str, ...] = ()


def detect_delimiter(header: str) -> str:
    """The CSV delimiter of an export, from its header line: ``;`` or ``,``."""
    return ";" if header.count(";") > header.count(",") else ","


def _normalise_header(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split())


class _RecordingLines:
    """Decoded lines of a binary stream, remembering the raw text since the last mark."""

    def __init__(self, stream: BinaryIO, *, first_line: int = 1) -> None:
        self._stream = stream
        self.taken: list[str] = []
        self.line = first_line - 1
        self.undecodable = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        raw = self._stream.readline()
        if not raw:
            raise StopIteration
        self.line += 1
        text = raw.decode("utf-8", errors="surrogateescape")
        if _UNDECODABLE.search(text):
            self.undecodable = True
        self.taken.append(text)
        return text

    def mark(self) -> tuple[int, str, bool]:
        """(first line, raw text, had undecodable bytes) of the lines taken since the last mark."""
        first = self.line - len(self.taken) + 1
        raw = "".join(self.taken)
        undecodable = self.undecodable
        if undecodable:  # keep the bytes, readable: \xff
            raw = raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        self.taken = []
        self.undecodable = False
        return first, raw, undecodable


def _too_large(raw: str) -> str:
    return (
        f"row of {len(raw):,} characters, too large: the most accepted is "
        f"{MAX_ROW_BYTES:,} characters a row and {csv.field_size_limit():,} a field"
    )


def _csv_rows(lines: _RecordingLines, form: Format) -> Iterator[Row]:
    names = form.names
    reader = csv.reader(lines, delimiter=form.delimiter, strict=True)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            line, raw, _ = lines.mark()
            if "field larger than field limit" in str(error):
                # the csv module's own limit (128 KiB a field) came first
                yield Row(line, None, raw, _too_large(raw))
            else:
                yield Row(line, None, raw, f"broken CSV quoting ({error})")
            continue
        line, raw, undecodable = lines.mark()
        if not any(v.strip() for v in values):
            continue  # a blank line
        if len(raw) > MAX_ROW_BYTES:
            yield Row(line, None, raw, _too_large(raw))
        elif undecodable:
            yield Row(line, None, raw, "bytes that are not UTF-8 (the file's encoding is mixed)")
        elif len(values) != len(names):
            yield Row(line, None, raw, f"{len(values)} columns where the header has {len(names)}")
        else:
            yield Row(line, dict(zip(names, values, strict=True)), raw)


def _jsonl_rows(lines: _RecordingLines) -> Iterator[Row]:
    for text in lines:
        line, raw, undecodable = lines.mark()
        if not text.strip():
            continue
        if len(raw) > MAX_ROW_BYTES:
            yield Row(line, None, raw, _too_large(raw))
        elif undecodable:
            yield Row(line, None, raw, "bytes that are not UTF-8")
        else:
            try:
                fields = json.loads(text)
            except json.JSONDecodeError as error:
                yield Row(line, None, raw, f"not a JSON line ({error.msg})")
                continue
            if isinstance(fields, dict):
                yield Row(line, fields, raw)
            else:
                yield Row(line, None, raw, "a JSON line must be an object")


def chunks(stream: BinaryIO) -> tuple[Format, Iterator[tuple[int, bytes]]]:
    """The input's format, and its lines in chunks: (first line number, bytes).

    A CSV chunk ends only where the quotes seen so far are balanced, so that no
    record is cut in two (unless it grows past twice the row limit: broken
    quoting). Parsing a chunk needs nothing from the others, so chunks can be
    parsed and drafted in other processes while this one only reads.
    """
    first = stream.readline()
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    header = first.decode("utf-8", errors="replace")
    if header.lstrip().startswith("{"):
        form = Format(jsonl=True)
        pending, start = [first], 1
    else:
        delimiter = detect_delimiter(header)
        names = next(csv.reader([header], delimiter=delimiter), [])
        form = Format(False, delimiter, tuple(_normalise_header(n) for n in names))
        pending, start = [], 2

    def chunked() -> Iterator[tuple[int, bytes]]:
        nonlocal pending, start
        quotes = size = 0
        for line in stream:
            pending.append(line)
            size += len(line)
            quotes += line.count(b'"')
            balanced = form.jsonl or quotes % 2 == 0
            if (len(pending) >= CHUNK_LINES and balanced) or size > 2 * MAX_ROW_BYTES:
                yield start, b"".join(pending)
                start += len(pending)
                pending, quotes, size = [], 0, 0
        if pending:
            yield start, b"".join(pending)

    return form, chunked() if first else iter(())


def chunk_rows(form: Format, start: int, data: bytes) -> Iterator[Row]:
    """The rows of one chunk, numbered from its first line ``start``."""
    lines = _RecordingLines(io.BytesIO(data), first_line=start)
    return _jsonl_rows(lines) if form.jsonl else _csv_rows(lines, form)


def read_rows(stream: BinaryIO) -> tuple[Format, Iterator[Row]]:
    """The format of a CSV export or a JSON-lines file, and its rows, in one process."""
    form, parts = chunks(stream)

    def rows() -> Iterator[Row]:
        for start, data in parts:
            yield from chunk_rows(form, start, data)

    return form, rows()
