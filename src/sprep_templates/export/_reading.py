"""Reading an export: CSV (the platform's) or JSON lines, as rows of fields.

Shared by ``sprep draft`` (which reads records in chunks that other processes
parse) and ``sprep check --jsonl``. The format is told by the first character:
``{`` starts JSON lines, anything else a CSV header (comma or semicolon
separated). The encoding is UTF-8, with or without BOM, or UTF-16 with its BOM;
lines end with ``\\n``, ``\\r\\n`` or ``\\r``.

The process that reads finds where each record ends exactly as Python's
``csv`` module does (a quote opens a quoted field only at the start of a
field; ``""`` inside one is a quote; after the closing quote the field goes on
unquoted), so that a chunk never cuts a record, a long field never makes the
reader start again inside it, and no record is ever invented. Lines are read
with a size cap: a record larger than ``max_row`` characters is never held
whole; it becomes a :class:`Row` with its ``problem`` and a bounded excerpt. A
row that cannot be read is reported, never dropped.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, BinaryIO

import attrs

from ..exceptions import UnreadableInputError
from ..limits import MAX_ROW_BYTES
from ._headers import column_name

__all__ = [
    "CHUNK_LINES",
    "EXCERPT_CHARS",
    "Chunk",
    "Format",
    "Row",
    "chunk_rows",
    "chunks",
    "detect_delimiter",
    "read_rows",
]

_UNDECODABLE = re.compile("[\udc80-\udcff]")

#: Lines per chunk handed to a job (a chunk ends only where a record ends).
CHUNK_LINES = 512

#: Characters of an oversized row kept in its reject (the start of the row).
EXCERPT_CHARS = 1_000


@attrs.frozen
class Row:
    """One record read from the input: its first line number and its fields (or why not).

    ``blank`` is a record with nothing in it (an empty line, or only delimiters):
    it is counted and skipped, never drafted.

    ``line``: its first line number (from 1); ``fields``: column to cell (None when
    the record cannot be read); ``raw``: the record as it came; ``problem``: why it
    cannot be read.
    """

    line: int
    fields: Mapping[str, Any] | None
    raw: str
    problem: str | None = None
    blank: bool = False


@attrs.frozen
class Format:
    """How the input is written: JSON lines, or CSV with its delimiter and header."""

    jsonl: bool
    delimiter: str = ","
    names: tuple[str, ...] = ()


@attrs.frozen
class Chunk:
    """Whole records of the input, as text, for a job to parse.

    ``records`` holds each record's raw text (its line ends included) and
    ``lines`` how many lines each spans; ``problems`` maps the index of a record
    that was refused while reading (too large: its text is only an excerpt) to
    the reason.
    """

    start: int
    records: list[str]
    lines: list[int]
    problems: dict[int, str] = attrs.field(factory=dict)


def detect_delimiter(header: str) -> str:
    """The CSV delimiter of an export, from its header line: ``;`` or ``,``."""
    return ";" if header.count(";") > header.count(",") else ","


def _refuse_duplicates(names: tuple[str, ...]) -> None:
    """A column named twice would be read last-wins: refuse the file, naming it."""
    where: dict[str, list[int]] = {}
    for number, name in enumerate(names, start=1):
        if name:
            where.setdefault(name, []).append(number)
    for name, numbers in where.items():
        if len(numbers) > 1:
            listed = ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"
            raise UnreadableInputError(
                f"its header names the column {name!r} twice (columns {listed}): which one "
                "holds the value cannot be told; rename or remove one of them"
            )


# --- where a CSV record ends -------------------------------------------------------


@lru_cache(maxsize=4)
def _line_patterns(delimiter: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a line read from a record's start, a line read inside a quoted field) that
    ends the record, as ``csv`` reads them; possessive, so linear in the line."""
    d = re.escape(delimiter)
    quoted = rf'"(?:[^"]++|"")*+"[^{d}\r\n]*+'  # after the closing quote: unquoted
    unquoted = rf'[^{d}"\r\n][^{d}\r\n]*+'  # a quote inside is a character
    field = rf"(?>{quoted}|{unquoted}|)"
    end = r"(?:\r\n|\r|\n)?"
    from_start = re.compile(rf"{field}(?:{d}{field})*+{end}")
    from_quoted = re.compile(rf'(?:[^"]++|"")*+"[^{d}\r\n]*+(?:{d}{field})*+{end}')
    return from_start, from_quoted


class _QuoteTracker:
    """Whether a record has ended, fed piece by piece (pieces of capped lines).

    The same reading as :func:`_line_patterns`, for a record too large to hold:
    its lines come in pieces that may end anywhere.
    """

    _RUN = re.compile(r'(?:[^"]++|"")*+')

    def __init__(self, delimiter: str) -> None:
        self._opening = delimiter + '"'
        self._delimiter = delimiter
        self.quoted = False
        self.field_start = True
        self.quote_last = False  # the piece ended on a quote inside a quoted field

    def feed(self, piece: str) -> bool:
        """Read one more piece; True when the record ends with it."""
        pos, size = 0, len(piece)
        while pos < size:
            if self.quote_last:
                self.quote_last = False
                if piece[pos] == '"':  # "" : a quote, still inside
                    pos += 1
                    continue
                self.quoted = False  # it was the closing quote
                self.field_start = False
            if self.quoted:
                end = self._RUN.match(piece, pos).end()  # type: ignore[union-attr]
                if end >= size:
                    return False
                if end + 1 == size:
                    self.quote_last = True
                    return False
                self.quoted = False  # a closing quote followed by something else
                self.field_start = False
                pos = end + 1
                continue
            if self.field_start and piece[pos] == '"':
                self.quoted = True
                self.field_start = False
                pos += 1
                continue
            found = piece.find(self._opening, pos)
            if found < 0:
                self.field_start = piece[-1] == self._delimiter
                break
            self.quoted = True
            self.field_start = False
            pos = found + 2
        if self.quoted or self.quote_last:
            return False
        if piece.endswith(("\n", "\r")):
            self.field_start = True
            return True
        return False


def _too_large(size: int, lines: int, max_row: int) -> str:
    where = f" over {lines:,} lines" if lines > 1 else ""
    hint = " (a quote left open makes the rest of the file one row)" if lines > 1 else ""
    return (
        f"row of {size:,} characters{where}, too large: the most accepted is "
        f"{max_row:,} characters a row{hint}; its first {EXCERPT_CHARS:,} characters are kept"
    )


class _Lines:
    """Capped lines of the decoded input, with one line of push-back."""

    def __init__(self, text: io.TextIOWrapper, limit: int) -> None:
        self._readline = text.readline
        self.limit = limit
        self.back: str | None = None

    def next(self) -> str:
        if self.back is not None:
            line, self.back = self.back, None
            return line
        line = self._readline(self.limit)
        if len(line) == self.limit and line.endswith("\r"):  # a \r\n the cap cut in two?
            after = self._readline(self.limit)
            if after == "\n":
                return line + after
            self.back = after or None
        return line


def _csv_records(
    lines: _Lines, delimiter: str, max_row: int
) -> Iterator[tuple[int, str, str | None]]:
    """(lines spanned, raw text or excerpt, problem) of each CSV record, in order."""
    from_start, from_quoted = _line_patterns(delimiter)
    while True:
        line = lines.next()
        if not line:
            return
        if len(line) <= max_row and ('"' not in line or from_start.fullmatch(line)):
            yield 1, line, None  # the common case: a record on one line
            continue
        parts, size = [line], len(line)
        while size <= max_row:
            more = lines.next()
            if not more:
                break  # the end of the file inside a quoted field
            parts.append(more)
            size += len(more)
            if size <= max_row and from_quoted.fullmatch(more):
                break
        if size <= max_row:
            yield len(parts), "".join(parts), None
            continue
        # Too large: read on, holding nothing more, to where csv ends the record.
        excerpt = "".join(parts)[:EXCERPT_CHARS]
        tracker = _QuoteTracker(delimiter)
        ended = False
        spanned = 0
        for part in parts:
            ended = tracker.feed(part)
            spanned += part.endswith(("\n", "\r"))
        del parts
        while not ended:
            more = lines.next()
            if not more:
                break
            size += len(more)
            spanned += more.endswith(("\n", "\r"))
            ended = tracker.feed(more)
        yield max(spanned, 1), excerpt, _too_large(size, max(spanned, 1), max_row)


def _jsonl_records(lines: _Lines, max_row: int) -> Iterator[tuple[int, str, str | None]]:
    """(1, raw line or excerpt, problem) of each JSON line (lines end with \\n only)."""
    while True:
        line = lines.next()
        if not line:
            return
        parts, size = [line], len(line)
        while not parts[-1].endswith("\n") and size <= max_row:
            more = lines.next()  # a bare \r, or the cap
            if not more:
                break
            parts.append(more)
            size += len(more)
        if size <= max_row:
            yield 1, "".join(parts), None
            continue
        excerpt = "".join(parts)[:EXCERPT_CHARS]
        last = parts[-1]
        del parts
        while not last.endswith("\n"):
            last = lines.next()
            if not last:
                break
            size += len(last)
        yield 1, excerpt, _too_large(size, 1, max_row)


# --- the input's encoding and format ----------------------------------------------------


class _Prefixed(io.RawIOBase):
    """A binary stream whose first bytes were read already: those, then the rest."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            size = min(len(view), len(self._head))
            view[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._stream.read(len(view))
        view[: len(data)] = data
        return len(data)


#: How much of the input the encoding is guessed from.
ENCODING_SAMPLE = 1 << 16

#: A well-formed UTF-8 sequence of two to four bytes (rare by chance in cp1252 text).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def detect_encoding(head: bytes) -> str:
    """The encoding of an input from its first bytes (up to :data:`ENCODING_SAMPLE`).

    A BOM decides (UTF-8, UTF-16; UTF-32 is refused). Else UTF-8 when the sample decodes
    as UTF-8 (a character cut at its end aside), and also when it holds well-formed
    UTF-8 sequences beside bytes that are not (a mixed file: its bad rows are rejected
    one by one), and for JSON lines; else cp1252, what Excel writes on French Windows (a superset of
    latin-1's printable characters).
    """
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise UnreadableInputError(
            "the input is UTF-32 (its BOM says so): save it as UTF-8 (or UTF-16)"
        )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.lstrip()[:1] == b"{":  # JSON lines: UTF-8 (RFC 8259), its bad lines rejected
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return "utf-8-sig" if _UTF8_MULTIBYTE.search(head) else "cp1252"
    return "utf-8-sig"


def given_encoding(name: str) -> str:
    """The codec for an ``--encoding`` name (UTF-8 skips a BOM); ValueError when unknown."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ValueError(
            f"unknown encoding {name!r} (try utf-8, cp1252, latin-1, utf-16)"
        ) from None
    return "utf-8-sig" if codec in ("utf-8", "utf-8-sig") else codec


def chunks(
    stream: BinaryIO,
    *,
    chunk_lines: int = CHUNK_LINES,
    max_row: int = MAX_ROW_BYTES,
    encoding: str | None = None,
) -> tuple[Format, Iterator[Chunk]]:
    """The input's format, and its records in chunks of about ``chunk_lines`` lines.

    A chunk ends only where a record ends. Parsing a chunk needs nothing from
    the others, so chunks can be parsed and drafted in other processes while
    this one only reads. Raises :class:`UnreadableInputError` when the input as a
    whole cannot be read (its encoding, or a header that is no CSV header).
    ``encoding``: the input's (None: :func:`detect_encoding` on its first 64 KiB).
    """
    head = stream.read(ENCODING_SAMPLE)
    encoding = detect_encoding(head) if encoding is None else encoding
    raw = io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)
    text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")
    lines = _Lines(text, max_row + 1)
    try:
        first = lines.next()
    except UnicodeError as error:
        raise UnreadableInputError(f"the input cannot be decoded as {encoding}: {error}") from None
    if len(first) > max_row:
        raise UnreadableInputError(
            f"the first line is longer than {max_row:,} characters: no CSV header nor JSON line"
        )
    if "\x00" in first:
        raise UnreadableInputError(
            "the first line holds NUL characters: the file is not UTF-8 text (UTF-16 without "
            "BOM?): save it as UTF-8"
        )
    if first.lstrip().startswith("{"):
        form = Format(jsonl=True)
        lines.back = first
        start = 1
        records = _jsonl_records(lines, max_row)
    else:
        if _UNDECODABLE.search(first):
            raise UnreadableInputError(
                "the header is not UTF-8 text: save the export as UTF-8 (or UTF-16 with BOM), "
                "or give its encoding with --encoding"
            )
        delimiter = detect_delimiter(first)
        try:
            names = next(csv.reader([first], delimiter=delimiter), [])
        except csv.Error as error:
            raise UnreadableInputError(f"the header cannot be read as CSV ({error})") from None
        form = Format(False, delimiter, tuple(column_name(n) for n in names))
        _refuse_duplicates(form.names)
        start = 2
        records = _csv_records(lines, delimiter, max_row)

    def chunked() -> Iterator[Chunk]:
        line = start
        texts: list[str] = []
        spans: list[int] = []
        problems: dict[int, str] = {}
        taken = 0
        try:
            for spanned, record, problem in records:
                if problem is not None:
                    problems[len(texts)] = problem
                texts.append(record)
                spans.append(spanned)
                taken += spanned
                if taken >= chunk_lines:
                    yield Chunk(line, texts, spans, problems)
                    line += taken
                    texts, spans, problems, taken = [], [], {}, 0
        except UnicodeError as error:  # a codec that cannot go on (UTF-16 cut short)
            raise UnreadableInputError(
                f"line {line + taken}: the input cannot be decoded as {encoding}: {error}"
            ) from None
        if texts:
            yield Chunk(line, texts, spans, problems)

    return form, chunked() if first else iter(())


# --- parsing a chunk (in a job) ----------------------------------------------------------


def _shown(raw: str) -> str:
    """The raw text with undecodable bytes made readable: ``\\xff``."""
    return raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@lru_cache(maxsize=4)
def _field_pattern(delimiter: str) -> re.Pattern[str]:
    """One field of a record as ``csv`` reads it with ``strict=True``, and what ends it."""
    d = re.escape(delimiter)
    return re.compile(rf'(?:"((?:[^"]++|"")*+)"|([^{d}"\r\n][^{d}\r\n]*+|))({d}|\r\n|\r|\n|\Z)')


def _split_record(raw: str, delimiter: str) -> list[str]:
    """The fields of one record, read as ``csv.reader(strict=True)`` reads them, for a
    record larger than csv's field limit (which is process-wide: never changed here).
    Raises :class:`csv.Error` where csv would."""
    pattern = _field_pattern(delimiter)
    fields: list[str] = []
    position, size = 0, len(raw)
    while True:
        match = pattern.match(raw, position)
        if match is None:
            raise csv.Error(f"'{delimiter}' expected after '\"'")
        quoted, plain, end = match.groups()
        fields.append(quoted.replace('""', '"') if quoted is not None else plain)
        position = match.end()
        if end != delimiter:
            if position != size:
                raise csv.Error("new-line character seen in unquoted field")
            return fields


def _csv_row(form: Format, line: int, spanned: int, raw: str) -> Row:
    names = form.names
    try:
        if len(raw) < csv.field_size_limit():  # no field can pass csv's limit
            parsed = list(
                csv.reader(
                    (raw,) if spanned == 1 else io.StringIO(raw, newline=""),
                    delimiter=form.delimiter,
                    strict=True,
                )
            )
        else:
            parsed = [_split_record(raw, form.delimiter)]
    except csv.Error as error:
        return Row(line, None, _shown(raw), f"broken CSV quoting ({error})")
    if len(parsed) != 1:  # never seen: the reading process found one record here
        return Row(line, None, _shown(raw), "broken CSV quoting (a record in pieces)")
    values = parsed[0]
    if not any(v.strip() for v in values):
        return Row(line, None, raw, blank=True)
    if _UNDECODABLE.search(raw):
        return Row(
            line, None, _shown(raw), "bytes that are not UTF-8 (the file's encoding is mixed)"
        )
    if len(values) != len(names):
        return Row(line, None, raw, f"{len(values)} columns where the header has {len(names)}")
    return Row(line, dict(zip(names, values, strict=True)), raw)


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each given once (else last-wins would hide one)."""
    fields = dict(pairs)
    if len(fields) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(
                    f"the key {key!r} is given twice in one object: which value holds cannot "
                    "be told"
                )
            seen.add(key)
    return fields


def _jsonl_row(line: int, raw: str) -> Row:
    if not raw.strip():
        return Row(line, None, raw, blank=True)
    if _UNDECODABLE.search(raw):
        return Row(line, None, _shown(raw), "bytes that are not UTF-8")
    try:
        fields = json.loads(raw, object_pairs_hook=_unique_keys)
    except _DuplicateKey as duplicate:
        return Row(line, None, raw, str(duplicate))
    except json.JSONDecodeError as error:
        return Row(line, None, raw, f"not a JSON line ({error.msg})")
    except RecursionError:
        return Row(line, None, raw, "not a JSON line (nested too deeply)")
    except ValueError as error:  # an integer of thousands of digits
        return Row(line, None, raw, f"not a JSON line ({error})")
    if isinstance(fields, dict):
        return Row(line, fields, raw)
    return Row(line, None, raw, "a JSON line must be an object")


def chunk_rows(form: Format, chunk: Chunk) -> list[Row]:
    """The rows of one chunk, numbered from its first line."""
    rows = []
    line = chunk.start
    # A field may be as large as a row (csv's own limit is 128 KiB): a record past
    # csv's limit is split by _split_record, the process-wide limit left alone.
    for index, (raw, spanned) in enumerate(zip(chunk.records, chunk.lines, strict=True)):
        problem = chunk.problems.get(index)
        if problem is not None:
            rows.append(Row(line, None, _shown(raw), problem))
        elif form.jsonl:
            rows.append(_jsonl_row(line, raw))
        else:
            rows.append(_csv_row(form, line, spanned, raw))
        line += spanned
    return rows


def read_rows(
    stream: BinaryIO,
    *,
    chunk_lines: int = CHUNK_LINES,
    max_row: int = MAX_ROW_BYTES,
    encoding: str | None = None,
) -> tuple[Format, Iterator[Row]]:
    """The format of a CSV export or a JSON-lines file, and its rows, in one process."""
    form, parts = chunks(stream, chunk_lines=chunk_lines, max_row=max_row, encoding=encoding)

    def rows() -> Iterator[Row]:
        for chunk in parts:
            yield from chunk_rows(form, chunk)

    return form, rows()
