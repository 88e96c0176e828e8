"""Drafting a whole export with processes, chunk by chunk, in input order.

The parent process only reads the input in chunks of lines (and writes what
comes back); jobs parse, draft and serialise each chunk. Nothing is kept in
module state: each chunk travels as a :class:`ChunkJob`, and the ids to leave
out (``--resume``) are applied where the results are gathered, so two runs in
one process never see each other's.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import multiprocessing
import os
import queue
import re
import signal
import sys
import threading
from collections import Counter, deque
from collections.abc import Generator, Iterable
from datetime import date
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, BinaryIO, cast

import attrs

from ..arguments import check_export_arguments
from ..drafting import one_version_per_folder
from ..exceptions import InvalidInputError, SprepError, UnreadableInputError
from ..inputs import Structure
from ..profile import Profile
from ..vocabulary import STATUSES
from ._drafting import Drafted, Rejected, draft_row, selected_structures
from ._excel import CsvForm
from ._reading import Chunk, Format, chunk_rows, chunks
from ._records import RecordWriter
from ._repeats import RepeatGuard

__all__ = [
    "MAX_JOBS",
    "ChunkJob",
    "ChunkResult",
    "DraftedRecord",
    "JobsUnavailableError",
    "draft_export",
]

_SURROGATE = re.compile("[\ud800-\udfff]")


@attrs.frozen
class ChunkJob:
    """One chunk of the input and how to draft it: what a job receives."""

    form: Format
    chunk: Chunk
    profile: Profile
    structures: tuple[str, ...] | None
    include_answered: bool
    as_csv: CsvForm  # False: JSON lines; True: CSV; "excel": a spreadsheet's CSV
    today: date | None
    require_section: bool = False
    note: str | None = None


@attrs.frozen
class DraftedRecord:
    """One drafted row, serialised where it was drafted."""

    id: str | None
    status: str
    text: str
    structure: Structure | None = None
    section: int | None = None
    line: int = 0  # the row's first line, and the reply's text: see export._repeats
    reply_text: str = ""


@attrs.frozen
class ChunkResult:
    """What a batch writes for one chunk of rows.

    ``output`` is the drafts, serialised (JSON lines or CSV rows), one per row and
    structure concerned; ``statuses`` counts them by status (ready, to_review);
    ``rejects`` holds a JSON line per rejected row (or row and structure);
    ``skipped`` counts skipped rows (or row and structure) by reason. ``structures``
    and ``sections`` count the drafts written per structure and per profile section
    (None: the default); ``seen`` counts the rows read per structure they concern.

    ``rows`` is how many rows of the input the chunk held.
    """

    rows: int
    output: str
    statuses: dict[str, int]
    rejects: list[str]
    skipped: dict[str, int]
    structures: dict[Structure | None, int] = attrs.field(factory=dict)
    sections: dict[int | None, int] = attrs.field(factory=dict)
    seen: dict[Structure, int] = attrs.field(factory=dict)


@attrs.frozen
class _DraftedChunk:
    rows: int
    drafted: list[DraftedRecord]
    rejects: list[str]
    skipped: dict[str, int]
    seen: dict[Structure, int]


#: The most jobs ``--jobs`` may ask for. Each job is a process of about 60 MB drafting one
#: chunk at a time; past the machine's cores more jobs only add memory, and each holds a
#: pipe (two descriptors in the parent, one thread to read it). 32 leaves room on machines
#: of up to 32 cores and keeps a typo (``--jobs 1000``) from starting a thousand processes.
MAX_JOBS = 32

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this job when the process that started it dies
    (even by SIGKILL, which no handler sees). Elsewhere a job ends on its pipe's EOF
    once it has drafted its chunk."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _quiet_worker(parent: int) -> None:
    """A job leaves interruptions to the process that started it, and dies with it.

    Ctrl-C and ``kill -TERM -PGID`` reach the whole process group: a job leaves the
    group (its own process group: only the parent is signalled, and stops the jobs),
    and ignores Ctrl-C, so that it prints no traceback of its own. A parent killed
    outright (SIGKILL: a cron timeout, systemd) takes its jobs with it.
    """
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the kernel was asked
        os._exit(1)
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _job_loop(connection: Connection, parent: int) -> None:
    """A job's process: draft the chunks it receives, one at a time, until told to stop
    or its pipe ends (the parent is gone)."""
    _quiet_worker(parent)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if job is None:
            return
        try:
            result: object = _draft_chunk(job)
        except BaseException as error:  # a bug: the parent raises it
            result = _Failure(f"{type(error).__name__}: {error}")
        try:
            connection.send(result)
        except OSError:  # the parent is gone (a broken pipe)
            return


@attrs.frozen
class _Failure:
    """An error raised in a job, sent to the parent (which raises it)."""

    what: str


class JobsUnavailableError(SprepError):
    """The drafting jobs could not be started (no descriptors, no processes left)."""


_ENDED = object()  # what a job's reader thread queues when the job's pipe ends


class _Jobs:
    """Processes that draft chunks, each with a pipe of its own.

    Chunk ``n`` goes to job ``n % count``; each job answers in the order it was
    asked, so results come back in input order. Each job's results are read as soon
    as they come by a thread of the parent (one per job), so that a job never waits
    on a full pipe while the parent sends it the next chunk: neither side can block
    the other, whatever the size of a chunk or a result. Nothing is shared between
    jobs (no queue, no lock): stopping them is killing them, which cannot hang.
    """

    def __init__(self, count: int) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        self._pipes: list[Connection] = []
        self._processes: list[BaseProcess] = []
        self._results: list[queue.SimpleQueue[object]] = []
        self._readers: list[threading.Thread] = []
        try:
            for _ in range(count):
                parent, child = context.Pipe()
                self._pipes.append(parent)
                process = context.Process(  # type: ignore[attr-defined]
                    target=_job_loop, args=(child, os.getpid()), daemon=True
                )
                process.start()
                child.close()
                self._processes.append(process)
                results: queue.SimpleQueue[object] = queue.SimpleQueue()
                reader = threading.Thread(target=_read_results, args=(parent, results), daemon=True)
                reader.start()
                self._results.append(results)
                self._readers.append(reader)
        except OSError as error:
            self.kill()
            if error.errno in (errno.EMFILE, errno.ENFILE):
                raise JobsUnavailableError(
                    f"cannot start {count} drafting jobs: the process ran out of file "
                    f"descriptors ({error.strerror}; each job needs a pipe): ask fewer "
                    "--jobs, or raise the limit (ulimit -n)"
                ) from None
            if error.errno == errno.EAGAIN:
                raise JobsUnavailableError(
                    f"cannot start {count} drafting jobs: no process can be started "
                    f"({error.strerror}): ask fewer --jobs"
                ) from None
            raise
        except BaseException:
            self.kill()
            raise

    def send(self, number: int, job: ChunkJob) -> None:
        try:
            self._pipes[number % len(self._pipes)].send(job)
        except OSError:  # the job died (killed, out of memory): its pipe is broken
            raise RuntimeError("a drafting job ended unexpectedly") from None

    def receive(self, number: int) -> _DraftedChunk:
        results = self._results[number % len(self._results)]
        while True:
            try:  # a timeout, so that Ctrl-C is seen at once in the main thread
                result = results.get(timeout=0.2)
                break
            except queue.Empty:
                continue
        if result is _ENDED:
            raise RuntimeError("a drafting job ended unexpectedly")
        if isinstance(result, _Failure):
            raise RuntimeError(f"a drafting job failed: {result.what}")
        return cast(_DraftedChunk, result)

    def kill(self) -> None:
        """Stop every job at once."""
        for process in self._processes:
            if process.is_alive():
                process.kill()
        for process in self._processes:
            process.join(timeout=5)
        self._end_readers()

    def close(self) -> None:
        """Let every job finish, then end them."""
        for pipe in self._pipes:
            with contextlib.suppress(OSError):
                pipe.send(None)
        for process in self._processes:
            process.join()
        self._end_readers()

    def _end_readers(self) -> None:
        # A job's end closes its side: its reader sees the end of the pipe and returns.
        for reader in self._readers:
            reader.join(timeout=5)
        for pipe in self._pipes:
            pipe.close()

    def __enter__(self) -> _Jobs:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.close()
        else:
            self.kill()


def _read_results(pipe: Connection, results: queue.SimpleQueue[object]) -> None:
    """A reader thread: every result of one job, queued as it comes, then ``_ENDED``."""
    while True:
        try:
            result = pipe.recv()
        except (EOFError, OSError):
            results.put(_ENDED)
            return
        results.put(result)


def _reject_line(record: dict[str, Any]) -> str:
    """A rejects-file line; text that is no Unicode (a lone surrogate) is escaped."""
    line = json.dumps(record, ensure_ascii=False)
    if _SURROGATE.search(line):
        return json.dumps(record)
    return line


def _draft_chunk(job: ChunkJob) -> _DraftedChunk:
    with one_version_per_folder():  # a custom template folder is checked once a chunk
        return _draft_chunk_rows(job)


def _draft_chunk_rows(job: ChunkJob) -> _DraftedChunk:
    rows = 0
    drafted: list[DraftedRecord] = []
    rejects: list[str] = []
    skipped: Counter[str] = Counter()
    seen: Counter[Structure] = Counter()
    serialise = RecordWriter(as_csv=job.as_csv)
    for row in chunk_rows(job.form, job.chunk):
        rows += 1
        for result in draft_row(
            row,
            job.profile,
            structure=job.structures,
            require_section=job.require_section,
            include_answered=job.include_answered,
            today=job.today,
        ):
            if result.structure is not None:
                seen[result.structure] += 1
            if isinstance(result, Drafted):
                record = result.record()
                if job.note:
                    record["notes"] = [*record["notes"], job.note]
                drafted.append(
                    DraftedRecord(
                        result.id,
                        result.status,
                        serialise(record),
                        result.structure,
                        result.section,
                        result.line,
                        result.reply.text,
                    )
                )
            elif isinstance(result, Rejected):
                rejects.append(_reject_line(result.record()))
            else:
                skipped[result.why] += 1
    return _DraftedChunk(rows, drafted, rejects, dict(skipped), dict(seen))


def _gather(
    chunk: _DraftedChunk, skip: frozenset[object], statuses_kept: frozenset[str] | None
) -> ChunkResult:
    statuses: Counter[str] = Counter()
    skipped = Counter(chunk.skipped)
    structures: Counter[Structure | None] = Counter()
    sections: Counter[int | None] = Counter()
    parts = []
    for record in chunk.drafted:
        structure_id = record.structure.id if record.structure else None
        if record.id is not None and (record.id in skip or (record.id, structure_id) in skip):
            skipped["already in the output"] += 1
            continue
        if statuses_kept is not None and record.status not in statuses_kept:
            skipped[f"{record.status}, not asked for"] += 1
            continue
        parts.append(record.text)
        statuses[record.status] += 1
        structures[record.structure] += 1
        sections[record.section] += 1
    return ChunkResult(
        chunk.rows,
        "".join(parts),
        dict(statuses),
        chunk.rejects,
        dict(skipped),
        dict(structures),
        dict(sections),
        chunk.seen,
    )


def missing_columns(form: Format) -> tuple[str, ...]:
    """The columns a CSV header lacks for any row to be drafted (empty when it has them):
    the export's ``ID expérience`` and ``Ressenti usager``, or the fields ``id`` and
    ``sentiment`` when it uses neither of the export's."""
    if form.jsonl or not form.names:  # JSON lines, or an empty file (no row: said later)
        return ()
    names = set(form.names)
    wanted = ("ID expérience", "Ressenti usager")
    if not names & set(wanted):
        if {"id", "sentiment"} <= names:
            return ()
        if names & {"id", "sentiment"}:
            wanted = ("id", "sentiment")
    return tuple(name for name in wanted if name not in names)


def draft_export(
    source: BinaryIO,
    profile: Profile,
    *,
    jobs: int = 1,
    structure: str | Iterable[str] | None = None,
    require_section: bool = False,
    include_answered: bool = False,
    as_csv: CsvForm = False,
    skip_ids: Iterable[str | tuple[str, str | None]] = (),
    statuses: Iterable[str] | None = None,
    today: date | None = None,
    note: str | None = None,
    encoding: str | None = None,
) -> Generator[ChunkResult, None, None]:
    """Draft every row of an export (CSV or JSON lines), with ``jobs`` processes.

    Each row gives a draft per structure it concerns, as :func:`draft_row` does
    (``structure``: the names or ids to draft for, None: all; ``require_section``:
    skip the structures no section of the profile matches). Results come chunk by
    chunk, in input order, a few chunks ahead of what has
    been written, so that memory stays flat whatever the input size. Rows whose
    id is in ``skip_ids`` are skipped (``--resume``; an (id, structure id) pair skips
    only that structure's draft), and so are drafts whose status
    is not in ``statuses`` (None: every status). ``today`` is the date the replies
    are written (None: today's date, read once for the whole run). ``note`` is added to
    every draft's ``notes`` (the CLI's: signed with the example profile). ``encoding``:
    the input's (None: detected, see :func:`detect_encoding`). No text is drafted three
    times (see :func:`draft_many`): decided here, in input order, whatever ``jobs``.
    """
    check_export_arguments(
        "draft_export",
        source=source,
        profile=profile,
        jobs=jobs,
        structure=structure,
        require_section=require_section,
        include_answered=include_answered,
        statuses=statuses,
        today=today,
        note=note,
        encoding=encoding,
        profile_type=Profile,
        max_jobs=MAX_JOBS,
        known_statuses=STATUSES,
    )
    form, parts = chunks(source, encoding=encoding)
    missing = missing_columns(form)
    if missing:
        raise UnreadableInputError(
            f"its header has no column {' nor '.join(repr(m) for m in missing)}: it is not the "
            "platform's export (ID expérience, Ressenti usager…) nor the Experience fields "
            f"(id, sentiment…); its columns: {', '.join(form.names[:10]) or 'none'}"
        )
    skip: frozenset[object] = frozenset(skip_ids)
    kept = None if statuses is None else frozenset(statuses)
    day = today or date.today()
    wanted = selected_structures(structure)

    def job(chunk: Chunk) -> ChunkJob:
        return ChunkJob(
            form, chunk, profile, wanted, include_answered, as_csv, day, require_section, note
        )

    if not 1 <= jobs <= MAX_JOBS:
        raise InvalidInputError(f"jobs must be 1 to {MAX_JOBS} (got {jobs})")
    # Never one text three times: settled here, in input order, whatever --jobs.
    repeats = RepeatGuard()

    def settled(drafted: _DraftedChunk, chunk_job: ChunkJob) -> ChunkResult:
        return _gather(repeats.settle_chunk(drafted, chunk_job, draft_row), skip, kept)

    if jobs == 1:
        for chunk in parts:
            yield settled(_draft_chunk(job(chunk)), job(chunk))
        return
    with _Jobs(jobs) as workers:
        pending: deque[tuple[int, ChunkJob]] = deque()
        for number, chunk in enumerate(parts):
            workers.send(number, job(chunk))
            pending.append((number, job(chunk)))
            if len(pending) >= 2 * jobs:
                number, sent = pending.popleft()
                yield settled(workers.receive(number), sent)
        while pending:
            number, sent = pending.popleft()
            yield settled(workers.receive(number), sent)
