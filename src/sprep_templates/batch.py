"""Drafting in batch: the platform's export in, one draft (or one rejection) per row out.

Rows come from the platform's CSV export (comma or semicolon separated, with
or without BOM, Windows line endings, text mangled by a cp1252 round-trip) or
from JSON lines with the :class:`~sprep_templates.Experience` fields. A bad
row never stops the batch: it becomes a :class:`Rejected` result with its line
number and the reason.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO, NamedTuple

import attrs

from .compose import Reply, draft_reply
from .exceptions import SprepError
from .inputs import Experience
from .outputs import serialise_records
from .profile import Profile

__all__ = [
    "ChunkResult",
    "Drafted",
    "Rejected",
    "Row",
    "Skipped",
    "detect_delimiter",
    "draft_export",
    "draft_many",
    "draft_row",
    "read_rows",
    "repair_c1",
]

#: A row larger than this is refused (a description of several megabytes is no
#: experience a reply can answer, and it would hold memory for nothing).
MAX_ROW_BYTES = 1 << 20

_C1 = re.compile("[\x80-\x9f]")
_UNDECODABLE = re.compile("[\udc80-\udcff]")
_ANSWERED = re.compile(r"avec réponse|trait[ée]e", re.I)


def repair_c1(text: str) -> str:
    """Repair C1 control characters left by a cp1252 round-trip (``\\x92`` → ``’``).

    Raises ValueError for a C1 character that cp1252 does not define either.
    """

    def replace(match: re.Match[str]) -> str:
        return match.group().encode("latin-1").decode("cp1252")

    return _C1.sub(replace, text)


@attrs.frozen
class Row:
    """One record read from the input: its first line number and its fields (or why not)."""

    line: int
    fields: Mapping[str, Any] | None
    raw: str
    problem: str | None = None


@attrs.frozen
class Drafted:
    """A row drafted: the reply and what identifies it."""

    line: int
    id: str | None
    reply: Reply

    @property
    def status(self) -> str:
        """``ready`` when the checker found no error, else ``to_review``."""
        return "ready" if self.reply.ready else "to_review"

    def record(self) -> dict[str, Any]:
        """The output record: id, sentiment, status, text, body, word_count, findings."""
        return {
            "id": self.id,
            "sentiment": self.reply.sentiment,
            "status": self.status,
            "text": self.reply.text,
            "body": self.reply.body,
            "word_count": self.reply.word_count,
            "findings": [attrs.asdict(f) for f in self.reply.findings],
        }


@attrs.frozen
class Rejected:
    """A row that could not be drafted, with the reason and the row as it came."""

    line: int
    reason: str
    raw: str
    id: str | None = None

    def record(self) -> dict[str, Any]:
        """The rejects-file record: line, id, reason and the raw row."""
        return {"line": self.line, "id": self.id, "reason": self.reason, "raw": self.raw}


@attrs.frozen
class Skipped:
    """A row left out on purpose: already answered, or about another structure."""

    line: int
    id: str | None
    why: str


Result = Drafted | Rejected | Skipped


# --- reading -------------------------------------------------------------------


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


@attrs.frozen
class _Format:
    """How the input is written: JSON lines, or CSV with its delimiter and header."""

    jsonl: bool
    delimiter: str = ","
    names: tuple[str, ...] = ()


def detect_delimiter(header: str) -> str:
    """The CSV delimiter of an export, from its header line: ``;`` or ``,``."""
    return ";" if header.count(";") > header.count(",") else ","


def _csv_rows(lines: _RecordingLines, form: _Format) -> Iterator[Row]:
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


def _too_large(raw: str) -> str:
    return (
        f"row of {len(raw):,} characters, too large: the most accepted is "
        f"{MAX_ROW_BYTES:,} characters a row and {csv.field_size_limit():,} a field"
    )


_CHUNK_LINES = 512


def _chunks(stream: BinaryIO) -> tuple[_Format, Iterator[tuple[int, bytes]]]:
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
        form = _Format(jsonl=True)
        pending, start = [first], 1
    else:
        delimiter = detect_delimiter(header)
        names = next(csv.reader([header], delimiter=delimiter), [])
        form = _Format(False, delimiter, tuple(_normalise_header(n) for n in names))
        pending, start = [], 2

    def chunks() -> Iterator[tuple[int, bytes]]:
        nonlocal pending, start
        quotes = size = 0
        for line in stream:
            pending.append(line)
            size += len(line)
            quotes += line.count(b'"')
            balanced = form.jsonl or quotes % 2 == 0
            if (len(pending) >= _CHUNK_LINES and balanced) or size > 2 * MAX_ROW_BYTES:
                yield start, b"".join(pending)
                start += len(pending)
                pending, quotes, size = [], 0, 0
        if pending:
            yield start, b"".join(pending)

    return form, chunks() if first else iter(())


def _chunk_rows(form: _Format, start: int, data: bytes) -> Iterator[Row]:
    lines = _RecordingLines(io.BytesIO(data), first_line=start)
    return _jsonl_rows(lines) if form.jsonl else _csv_rows(lines, form)


def read_rows(stream: BinaryIO) -> Iterator[Row]:
    """Rows of a CSV export or a JSON-lines file (told apart by the first character)."""
    form, chunks = _chunks(stream)
    for start, data in chunks:
        yield from _chunk_rows(form, start, data)


# --- drafting ------------------------------------------------------------------


def _export_field(fields: Mapping[str, Any], *names: str) -> str | None:
    for name in names:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _experience(fields: Mapping[str, Any]) -> tuple[Experience, list[str], bool]:
    """The experience of a row, the structures it concerns, and whether it is answered."""
    if "ID expérience" in fields or "Ressenti usager" in fields:
        channels: list[str] = []
        for n in (1, 2, 3):
            value = fields.get(f"Canaux Typologie {n}") or ""
            channels.extend(c.strip() for c in value.split(",") if c.strip())
        sentiment = _export_field(fields, "Ressenti usager")
        if sentiment is None:
            raise ValueError("the sentiment (Ressenti usager) is missing")
        experience = Experience(
            sentiment=sentiment,
            id=_export_field(fields, "ID expérience"),
            pseudonym=_export_field(fields, "Pseudonyme usager", "Pseudonyme"),
            title=_export_field(fields, "Titre"),
            channels=tuple(channels),
        )
        structures = [fields.get(f"Intitulé structure {n}") or "" for n in (1, 2, 3)]
        status = _export_field(fields, "Statut de l'expérience", "Statut de l’expérience") or ""
        return experience, [s for s in structures if s.strip()], bool(_ANSWERED.search(status))
    if "sentiment" not in fields:
        raise ValueError("the sentiment is missing")
    known = {"id", "sentiment", "pseudonym", "title", "channels"}
    experience = Experience(**{k: v for k, v in fields.items() if k in known})
    structures = fields.get("structures") or []
    return experience, list(structures) if isinstance(structures, list) else [structures], False


def _row_id(fields: Mapping[str, Any] | None) -> str | None:
    if not fields:
        return None
    value = fields.get("ID expérience", fields.get("id"))
    return str(value) if value not in (None, "") else None


def draft_row(
    row: Row,
    profile: Profile,
    *,
    structure: str | None = None,
    include_answered: bool = False,
) -> Result:
    """Draft one row: a :class:`Drafted`, :class:`Rejected` or :class:`Skipped` result."""
    if row.fields is None:
        return Rejected(row.line, row.problem or "unreadable row", row.raw)
    row_id = _row_id(row.fields)
    try:
        fields = {k: repair_c1(v) if isinstance(v, str) else v for k, v in row.fields.items()}
    except UnicodeDecodeError:
        return Rejected(row.line, "a control character that no encoding explains", row.raw, row_id)
    try:
        experience, structures, answered = _experience(fields)
    except (SprepError, ValueError, TypeError) as error:
        return Rejected(row.line, str(error), row.raw, row_id)
    if answered and not include_answered:
        return Skipped(row.line, row_id, "already answered")
    if structure is not None and _fold_space(structure) not in {_fold_space(s) for s in structures}:
        return Skipped(row.line, row_id, "about another structure")
    try:
        reply = draft_reply(
            experience,
            signature=profile.signature,
            contacts=profile.contacts,
            template_dir=profile.template_dir,
        )
    except SprepError as error:
        return Rejected(row.line, str(error), row.raw, row_id)
    return Drafted(row.line, experience.id, reply)


def _missing(value: object) -> bool:
    """None, or a DataFrame's missing value (NaN, NaT, pandas.NA), without importing pandas."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pandas.NA refuses bool()
        return True


def _fold_space(text: str) -> str:
    return " ".join(text.casefold().split())


def draft_many(
    rows: Iterable[Mapping[str, Any]] | Any,
    *,
    profile: Profile,
    structure: str | None = None,
    include_answered: bool = False,
) -> Iterator[Result]:
    """Draft every row of an iterable of mappings (or a pandas DataFrame), lazily.

    Each row has the export's columns (``ID expérience``, ``Ressenti usager``…)
    or the :class:`Experience` fields. Yields one result per row, in order.
    """
    if hasattr(rows, "iterrows"):  # a pandas DataFrame, without importing pandas
        records: Iterable[Mapping[str, Any]] = (
            {str(k): v for k, v in record.items() if not _missing(v)}
            for _, record in rows.iterrows()
        )
    else:
        records = rows
    for number, fields in enumerate(records, start=1):
        if not isinstance(fields, Mapping):
            yield Rejected(number, f"a row must be a mapping (got {type(fields).__name__})", "")
            continue
        row = Row(number, fields, json.dumps(dict(fields), ensure_ascii=False, default=str))
        yield draft_row(row, profile, structure=structure, include_answered=include_answered)


# --- whole exports, with processes ---------------------------------------------


class ChunkResult(NamedTuple):
    """What a batch writes for one chunk of rows, made where the chunk was drafted.

    ``output`` is the drafted rows, serialised (JSON lines or CSV rows);
    ``statuses`` counts them by status (ready, to_review); ``rejects`` holds a
    JSON line per rejected row; ``skipped`` counts skipped rows by reason.
    """

    rows: int
    output: str
    statuses: dict[str, int]
    rejects: list[str]
    skipped: dict[str, int]


#: Ids to leave out (``--resume``), set once per process by the pool's initializer.
_SKIP_IDS: frozenset[str] = frozenset()


def _set_skip_ids(ids: frozenset[str]) -> None:
    global _SKIP_IDS
    _SKIP_IDS = ids


def _draft_chunk(
    payload: tuple[_Format, int, bytes, Profile, str | None, bool, bool],
) -> ChunkResult:
    form, start, data, profile, structure, include_answered, as_csv = payload
    rows = 0
    records: list[dict[str, Any]] = []
    statuses: Counter[str] = Counter()
    rejects: list[str] = []
    skipped: Counter[str] = Counter()
    for row in _chunk_rows(form, start, data):
        rows += 1
        result = draft_row(row, profile, structure=structure, include_answered=include_answered)
        if isinstance(result, Drafted):
            if result.id is not None and result.id in _SKIP_IDS:
                skipped["already in the output"] += 1
            else:
                records.append(result.record())
                statuses[result.status] += 1
        elif isinstance(result, Rejected):
            rejects.append(json.dumps(result.record(), ensure_ascii=False))
        else:
            skipped[result.why] += 1
    output = serialise_records(records, as_csv=as_csv)
    return ChunkResult(rows, output, dict(statuses), rejects, dict(skipped))


def draft_export(
    source: BinaryIO,
    profile: Profile,
    *,
    jobs: int = 1,
    structure: str | None = None,
    include_answered: bool = False,
    as_csv: bool = False,
    skip_ids: Iterable[str] = (),
) -> Iterator[ChunkResult]:
    """Draft every row of an export (CSV or JSON lines), with ``jobs`` processes.

    Results come chunk by chunk, in input order. This process only reads the
    input in chunks of lines; the jobs parse, draft and serialise them, a few
    chunks ahead of what has been written, so that memory stays flat whatever
    the input size. Rows whose id is in ``skip_ids`` are skipped (``--resume``).
    """
    form, chunks = _chunks(source)
    options = (profile, structure, include_answered, as_csv)
    skip = frozenset(skip_ids)
    if jobs <= 1:
        _set_skip_ids(skip)
        try:
            for start, data in chunks:
                yield _draft_chunk((form, start, data, *options))
        finally:
            _set_skip_ids(frozenset())
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with context.Pool(jobs, initializer=_set_skip_ids, initargs=(skip,)) as pool:
        pending: deque[Any] = deque()
        for start, data in chunks:
            pending.append(pool.apply_async(_draft_chunk, ((form, start, data, *options),)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
