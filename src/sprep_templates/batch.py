"""Drafting in batch: the platform's export in, one draft (or one rejection) per row out.

Rows come from the platform's CSV export (comma or semicolon separated, with
or without BOM, Windows line endings, text mangled by a cp1252 round-trip) or
from JSON lines with the :class:`~sprep_templates.Experience` fields. A bad
row never stops the batch: it becomes a :class:`Rejected` result with its line
number and the reason.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, BinaryIO, NamedTuple

import attrs

from .compose import Reply, draft_reply
from .exceptions import SprepError
from .inputs import Experience
from .profile import Profile

__all__ = [
    "Drafted",
    "Outcome",
    "Rejected",
    "Row",
    "Skipped",
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

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.taken: list[str] = []
        self.line = 0
        self.undecodable = False

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        raw = self._stream.readline()
        if not raw:
            raise StopIteration
        self.line += 1
        if self.line == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
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


def _csv_rows(lines: _RecordingLines, first_line: str) -> Iterator[Row]:
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    header = next(csv.reader([first_line], delimiter=delimiter))
    names = [_normalise_header(name) for name in header]
    lines.mark()
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
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


def _jsonl_rows(lines: _RecordingLines, first_line: str) -> Iterator[Row]:
    pending: Iterable[str] = [first_line]
    while True:
        for text in pending:
            line, raw, undecodable = lines.mark()
            if not text.strip():
                continue
            if len(raw) > MAX_ROW_BYTES:
                yield Row(line, None, raw, _too_large(raw))
                continue
            if undecodable:
                yield Row(line, None, raw, "bytes that are not UTF-8")
                continue
            try:
                fields = json.loads(text)
            except json.JSONDecodeError as error:
                yield Row(line, None, raw, f"not a JSON line ({error.msg})")
                continue
            if not isinstance(fields, dict):
                yield Row(line, None, raw, "a JSON line must be an object")
                continue
            yield Row(line, fields, raw)
        try:
            pending = [next(lines)]
        except StopIteration:
            return


def _too_large(raw: str) -> str:
    return (
        f"row of {len(raw):,} characters, too large: the most accepted is "
        f"{MAX_ROW_BYTES:,} characters a row and {csv.field_size_limit():,} a field"
    )


def read_rows(stream: BinaryIO) -> Iterator[Row]:
    """Rows of a CSV export or a JSON-lines file (told apart by the first character)."""
    lines = _RecordingLines(stream)
    try:
        first = next(lines)
    except StopIteration:
        return
    if first.lstrip().startswith("{"):
        yield from _jsonl_rows(lines, first)
    else:
        yield from _csv_rows(lines, first)


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

_WINDOW = 512  # rows read ahead per job: memory stays flat whatever the input size


class Outcome(NamedTuple):
    """What a batch writes for one row, serialised where the row was drafted.

    ``kind`` is drafted, rejected or skipped; ``detail`` the status (ready,
    to_review), the rejection reason or why the row was skipped; ``line`` the
    JSON line to write (output record or rejects record); ``record`` the output
    record as a dict when writing CSV.
    """

    kind: str
    id: str | None
    detail: str
    line: str
    record: dict[str, Any] | None = None


def _outcome(result: Result, as_csv: bool) -> Outcome:
    if isinstance(result, Drafted):
        record = result.record()
        if as_csv:
            return Outcome("drafted", result.id, result.status, "", record)
        return Outcome("drafted", result.id, result.status, json.dumps(record, ensure_ascii=False))
    if isinstance(result, Rejected):
        line = json.dumps(result.record(), ensure_ascii=False)
        return Outcome("rejected", result.id, result.reason, line)
    return Outcome("skipped", result.id, result.why, "")


def _draft_window(
    payload: tuple[list[Row], Profile, str | None, bool, bool],
) -> list[Outcome]:
    rows, profile, structure, include_answered, as_csv = payload
    return [
        _outcome(
            draft_row(row, profile, structure=structure, include_answered=include_answered),
            as_csv,
        )
        for row in rows
    ]


def _windows(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    window: list[Row] = []
    for row in rows:
        window.append(row)
        if len(window) >= size:
            yield window
            window = []
    if window:
        yield window


def draft_export(
    rows: Iterable[Row],
    profile: Profile,
    *,
    jobs: int = 1,
    structure: str | None = None,
    include_answered: bool = False,
    as_csv: bool = False,
) -> Iterator[Outcome]:
    """Draft every row, with ``jobs`` processes; outcomes come in input order.

    Rows go to the processes in windows, a few windows ahead of what has been
    written, so that memory stays flat whatever the input size. Each process
    serialises its own outcomes: the parent only reads and writes.
    """
    options = (profile, structure, include_answered, as_csv)
    if jobs <= 1:
        for window in _windows(rows, _WINDOW):
            yield from _draft_window((window, *options))
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(jobs) as pool:
        pending: deque[Any] = deque()
        for window in _windows(rows, _WINDOW):
            pending.append(pool.apply_async(_draft_window, ((window, *options),)))
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
