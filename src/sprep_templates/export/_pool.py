"""Drafting a whole export with processes, chunk by chunk, in input order.

The parent process only reads the input in chunks of lines (and writes what
comes back); jobs parse, draft and serialise each chunk. Nothing is kept in
module state: each chunk travels as a :class:`ChunkJob`, and the ids to leave
out (``--resume``) are applied where the results are gathered, so two runs in
one process never see each other's.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import signal
from collections import Counter, deque
from collections.abc import Generator, Iterable
from datetime import date
from typing import Any, BinaryIO

import attrs

from ..profile import Profile
from ._drafting import Drafted, Rejected, draft_row
from ._reading import Chunk, Format, chunk_rows, chunks
from ._records import RecordWriter

__all__ = ["ChunkJob", "ChunkResult", "DraftedRecord", "draft_export"]

_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen
class ChunkJob:
    """One chunk of the input and how to draft it: what a job receives."""

    form: Format
    chunk: Chunk
    profile: Profile
    structure: str | None
    include_answered: bool
    as_csv: bool
    today: date | None


@attrs.frozen
class DraftedRecord:
    """One drafted row, serialised where it was drafted."""

    id: str | None
    status: str
    text: str


@attrs.frozen
class ChunkResult:
    """What a batch writes for one chunk of rows.

    ``output`` is the drafted rows, serialised (JSON lines or CSV rows);
    ``statuses`` counts them by status (ready, to_review); ``rejects`` holds a
    JSON line per rejected row; ``skipped`` counts skipped rows by reason.
    """

    rows: int
    output: str
    statuses: dict[str, int]
    rejects: list[str]
    skipped: dict[str, int]


@attrs.frozen
class _DraftedChunk:
    rows: int
    drafted: list[DraftedRecord]
    rejects: list[str]
    skipped: dict[str, int]


def _quiet_worker() -> None:
    """A job leaves interruptions to the process that started it.

    Ctrl-C reaches the whole process group: the parent stops the pool, and a
    job that raised KeyboardInterrupt too would print a traceback of its own
    (and could hang the pool). SIGTERM ends a job at once, with no message.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _reject_line(record: dict[str, Any]) -> str:
    """A rejects-file line; text that is no Unicode (a lone surrogate) is escaped."""
    line = json.dumps(record, ensure_ascii=False)
    if _SURROGATE.search(line):
        return json.dumps(record)
    return line


def _draft_chunk(job: ChunkJob) -> _DraftedChunk:
    rows = 0
    drafted: list[DraftedRecord] = []
    rejects: list[str] = []
    skipped: Counter[str] = Counter()
    serialise = RecordWriter(as_csv=job.as_csv)
    for row in chunk_rows(job.form, job.chunk):
        rows += 1
        result = draft_row(
            row,
            job.profile,
            structure=job.structure,
            include_answered=job.include_answered,
            today=job.today,
        )
        if isinstance(result, Drafted):
            drafted.append(DraftedRecord(result.id, result.status, serialise(result.record())))
        elif isinstance(result, Rejected):
            rejects.append(_reject_line(result.record()))
        else:
            skipped[result.why] += 1
    return _DraftedChunk(rows, drafted, rejects, dict(skipped))


def _gather(
    chunk: _DraftedChunk, skip: frozenset[str], statuses_kept: frozenset[str] | None
) -> ChunkResult:
    statuses: Counter[str] = Counter()
    skipped = Counter(chunk.skipped)
    parts = []
    for record in chunk.drafted:
        if record.id is not None and record.id in skip:
            skipped["already in the output"] += 1
            continue
        if statuses_kept is not None and record.status not in statuses_kept:
            skipped[f"{record.status}, not asked for"] += 1
            continue
        parts.append(record.text)
        statuses[record.status] += 1
    return ChunkResult(chunk.rows, "".join(parts), dict(statuses), chunk.rejects, dict(skipped))


def draft_export(
    source: BinaryIO,
    profile: Profile,
    *,
    jobs: int = 1,
    structure: str | None = None,
    include_answered: bool = False,
    as_csv: bool = False,
    skip_ids: Iterable[str] = (),
    statuses: Iterable[str] | None = None,
    today: date | None = None,
) -> Generator[ChunkResult, None, None]:
    """Draft every row of an export (CSV or JSON lines), with ``jobs`` processes.

    Results come chunk by chunk, in input order, a few chunks ahead of what has
    been written, so that memory stays flat whatever the input size. Rows whose
    id is in ``skip_ids`` are skipped (``--resume``), and so are drafts whose status
    is not in ``statuses`` (None: every status). ``today`` is the date the replies
    are written (None: today's date, read once for the whole run).
    """
    form, parts = chunks(source)
    skip = frozenset(skip_ids)
    kept = None if statuses is None else frozenset(statuses)
    day = today or date.today()

    def job(chunk: Chunk) -> ChunkJob:
        return ChunkJob(form, chunk, profile, structure, include_answered, as_csv, day)

    if jobs <= 1:
        for chunk in parts:
            yield _gather(_draft_chunk(job(chunk)), skip, kept)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with context.Pool(jobs, initializer=_quiet_worker) as pool:
        pending: deque[Any] = deque()
        for chunk in parts:
            pending.append(pool.apply_async(_draft_chunk, (job(chunk),)))
            if len(pending) >= 2 * jobs:
                yield _gather(pending.popleft().get(), skip, kept)
        while pending:
            yield _gather(pending.popleft().get(), skip, kept)
