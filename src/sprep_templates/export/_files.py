"""Drafting a whole export into files: :func:`draft_export_to`, what ``sprep draft -o``
does, for services and notebooks too.

The promise, held by ``tests/test_hostile_batch*.py``:

- whatever one row holds, it is drafted or rejected with a reason, and the rest of
  the file is drafted;
- OUT (and the rejects file) are replaced only when the whole run succeeds: the
  drafts are written to a temporary file beside OUT, made on disk (fsync), then
  renamed; an interrupted run keeps what it drafted in ``OUT.partial``, which
  ``resume=True`` goes on from;
- no file the caller did not name as an output is created, replaced or widened:
  an output that is a symbolic link, a device, a FIFO or anything but a regular file
  is refused; an existing output keeps its permissions; a new one gets the umask's
  (the file is created with mode 0666, which the kernel masks: no process-wide
  setting is read or changed);
- two runs on one OUT never delete each other's files: a run holds a lock on its
  temporary file while it writes; a second run finds it held and is refused. A
  temporary file whose lock no process holds was left by a run that was killed
  (SIGKILL): the next run on that OUT removes it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
import shutil
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

import attrs

from ..arguments import check_export_arguments, check_path
from ..exceptions import InvalidInputError, SprepError, UnreadableInputError
from ..inputs import Structure
from ..profile import Profile
from ..vocabulary import STATUSES
from ._drafting import is_selected, selected_structures
from ._excel import EXCEL, CsvForm
from ._pool import MAX_JOBS, draft_export
from ._records import drafts_already_in, partial_path, write_csv_header

__all__ = [
    "DraftInterrupted",
    "ExportSummary",
    "NoStructureMatchedError",
    "OutOfDescriptorsError",
    "OutputError",
    "OutputRefusedError",
    "draft_export_to",
    "rejects_path_for",
]


class OutputRefusedError(InvalidInputError):
    """An output that must not be written: the input itself, the other output, a
    symbolic link, a device, a FIFO, or a file another run is writing."""


class OutputError(SprepError):
    """An output could not be written (a full disk, no permission): nothing was
    replaced. ``path`` is the file, ``reason`` what the system said."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


class OutOfDescriptorsError(SprepError):
    """The process ran out of file descriptors (``ulimit -n``): no output is to blame."""


class DraftInterrupted(BaseException):
    """The run was interrupted (Ctrl-C, or ``cause``, what the caller raised on a
    signal). OUT and the rejects file are as they were; ``partial`` is where the drafts
    written so far are kept for ``resume=True`` (None: none were)."""

    def __init__(self, cause: BaseException, partial: Path | None) -> None:
        super().__init__(str(partial))
        self.cause = cause
        self.partial = partial


@attrs.frozen
class ExportSummary:
    """What :func:`draft_export_to` did.

    ``rows`` read; ``drafted`` and ``rejected`` count (row, structure) pairs;
    ``statuses`` the drafts by status; ``skipped`` the pairs left out, by reason;
    ``structures`` and ``sections`` the drafts by structure and by profile section
    (None: the default); ``seen`` the rows read per structure; ``output`` the drafts
    file (None: a stream was written); ``rejects`` the file
    the rejected rows went to (None: none was written); ``unmatched`` the ``structure``
    names asked for that match no structure of the input (when others did).
    """

    rows: int
    drafted: int
    rejected: int
    statuses: Mapping[str, int]
    skipped: Mapping[str, int]
    structures: Mapping[Structure | None, int]
    sections: Mapping[int | None, int]
    seen: Mapping[Structure, int]
    output: Path | None
    rejects: Path | None
    unmatched: tuple[str, ...] = ()


class NoStructureMatchedError(InvalidInputError):
    """No structure asked for matches a structure of the input: nothing was drafted."""

    def __init__(self, asked: tuple[str, ...], names: tuple[str, ...]) -> None:
        super().__init__(
            f"no structure asked for ({', '.join(map(repr, asked))}) matches a structure "
            "of the input; nothing drafted, the output is unchanged"
        )
        self.asked = asked
        self.names = names


def rejects_path_for(output: Path) -> Path:
    """Where ``sprep draft -o drafts.jsonl`` writes its rejects: ``drafts.rejects.jsonl``."""
    return output.with_name(output.stem + ".rejects.jsonl")


def _same_file(one: Path, other: Path) -> bool:
    if one.exists() and other.exists():
        return one.samefile(other)
    return one.resolve() == other.resolve()


def _is_input(stream: BinaryIO, source: object, output: Path) -> bool:
    """Whether ``output`` is the file the input is read from (by path, or by the open
    stream's device and inode: the same file under another name or a hard link)."""
    if isinstance(source, (str, os.PathLike)) and _same_file(Path(source), output):
        return True
    try:
        found = os.fstat(stream.fileno())
        there = os.stat(output)
    except (OSError, ValueError, AttributeError):
        return False
    return stat.S_ISREG(found.st_mode) and (found.st_dev, found.st_ino) == (
        there.st_dev,
        there.st_ino,
    )


def check_output(path: Path, option: str = "output") -> None:
    """Refuse an output that is no regular file (a symbolic link, a device, a FIFO, a
    folder) or whose folder does not exist."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(path, f"the folder {path.parent} does not exist")
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(found.st_mode):
        raise OutputRefusedError(
            f"{option} {path} is not a regular file but a symbolic link: it is never followed "
            "nor replaced; name the file it points to"
        )
    if not stat.S_ISREG(found.st_mode):
        kind = (
            "a folder"
            if stat.S_ISDIR(found.st_mode)
            else "a FIFO"
            if stat.S_ISFIFO(found.st_mode)
            else "a device"
            if stat.S_ISCHR(found.st_mode) or stat.S_ISBLK(found.st_mode)
            else "a special file"
        )
        raise OutputRefusedError(
            f"{option} {path} is not a regular file but {kind}: the drafts are written to a "
            "regular file (or to standard output without -o)"
        )


def _new_file(path: Path, mode: int | None) -> int:
    """Create ``path`` (never there before), write-only, not following a link: with
    ``mode`` exactly, or (None) with the mode any new file gets (0666 less the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
    if mode is not None:
        os.fchmod(descriptor, mode)
    return descriptor


class _Replacement:
    """The temporary file that replaces ``path`` if the run completes, locked while
    it is written (``.{name}.{token}.part`` beside it)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        existing = None
        with contextlib.suppress(FileNotFoundError):
            existing = stat.S_IMODE(os.stat(path).st_mode)  # never widened
        self.temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        descriptor = _new_file(self.temporary, existing)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self.stream: TextIO = open(descriptor, "w", encoding="utf-8", newline="", closefd=True)
        except BaseException:
            os.close(descriptor)
            self.temporary.unlink(missing_ok=True)
            raise
        try:
            self._clear_stale()
        except BaseException:
            self.discard()
            raise

    def _clear_stale(self) -> None:
        """Remove what killed runs left; refuse while another run writes ``path``."""
        prefix = f".{self.path.name}."
        folder = self.path.parent if str(self.path.parent) else Path(".")
        for other in folder.iterdir():
            name = other.name
            if not (name.startswith(prefix) and name.endswith(".part")) or other == self.temporary:
                continue
            if len(name) != len(prefix) + 8 + len(".part"):  # not ours: left alone
                continue
            try:
                descriptor = os.open(other, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except OSError:
                continue
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise OutputRefusedError(
                    f"another sprep draft is writing {self.path} (its temporary file {other} "
                    "is in use): wait for it to end, or write elsewhere"
                ) from None
            else:  # no process holds it: a run killed outright left it
                other.unlink(missing_ok=True)
            finally:
                os.close(descriptor)

    def keep_partial(self, size: int, partial: Path) -> None:
        """Keep the first ``size`` bytes (whole records) as ``partial``."""
        stream = self.stream
        stream.flush()
        os.ftruncate(stream.fileno(), size)
        os.fsync(stream.fileno())
        linked = partial.with_name(f".{partial.name}.{os.getpid()}.tmp")
        linked.unlink(missing_ok=True)
        try:
            os.link(self.temporary, linked)
        except OSError:  # no hard links here: a copy
            shutil.copyfile(self.temporary, linked)
        os.replace(linked, partial)

    def sync(self) -> None:
        self.stream.flush()
        os.fsync(self.stream.fileno())

    def commit(self) -> None:
        self.stream.close()
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
        with contextlib.suppress(OSError):
            self.temporary.unlink()


def _opened(source: str | os.PathLike[str] | BinaryIO) -> tuple[BinaryIO, bool]:
    if isinstance(source, (str, os.PathLike)):
        try:
            return open(source, "rb"), True
        except OSError as error:
            raise UnreadableInputError(f"cannot read {source}: {error.strerror}") from None
    return source, False


def draft_export_to(
    source: str | os.PathLike[str] | BinaryIO,
    output: str | os.PathLike[str] | TextIO,
    *,
    profile: Profile,
    rejects: str | os.PathLike[str] | None = None,
    resume: bool = False,
    jobs: int = 1,
    structure: str | Iterable[str] | None = None,
    require_section: bool = False,
    include_answered: bool = False,
    statuses: Iterable[str] | None = None,
    today: date | None = None,
    note: str | None = None,
    encoding: str | None = None,
    excel: bool = False,
    on_progress: Callable[[int], None] | None = None,
    on_reject: Callable[[str], None] | None = None,
) -> ExportSummary:
    """Draft every row of an export (a path, or a binary stream) into ``output``.

    ``output`` is a path (JSON lines, or CSV when it ends in ``.csv``), replaced only
    when the run completes, or a text stream written as drafts come (no resume).
    ``rejects``: the file each rejected row goes to, as a JSON line with its line
    number and reason (removed when none is; see :func:`rejects_path_for`), else
    rejected rows are only given to ``on_reject``. ``resume``: keep the drafts
    already in ``OUT.partial`` (what an interrupted run kept), else in OUT, and skip
    their ids. ``excel``: a CSV French Excel opens by double-click (OUT must end in
    ``.csv``). The other options are :func:`draft_export`'s. ``on_progress`` is
    called with the rows read so far after each chunk.

    Raises :class:`UnreadableInputError` (the input, or a file to resume from that
    is no drafts file), :class:`OutputRefusedError`, :class:`OutputError` (nothing
    replaced), :class:`NoStructureMatchedError`, and :class:`DraftInterrupted` on
    Ctrl-C (or any other BaseException the caller raises on a signal).
    """
    check_export_arguments(
        "draft_export_to",
        source=source,
        output=output,
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
        callbacks={"on_progress": on_progress, "on_reject": on_reject},
        flags={"resume": resume, "excel": excel},
    )
    check_path("draft_export_to: rejects", rejects)
    path = None if hasattr(output, "write") else Path(output)
    rejects_path = None if rejects is None else Path(rejects)
    if resume and path is None:
        raise InvalidInputError("resume needs an output file: its drafts are kept")
    stream_in, owned = _opened(source)
    try:
        for out, option in ((path, "-o"), (rejects_path, "--rejects")):
            if out is not None and _is_input(stream_in, source, out):
                raise OutputRefusedError(f"{option} {out} is the input itself: write it elsewhere")
        if path is not None and rejects_path is not None and _same_file(path, rejects_path):
            raise OutputRefusedError(
                f"--rejects {rejects_path} is the drafts file: give each its own file"
            )
        for out, option in ((path, "-o"), (rejects_path, "--rejects")):
            if out is not None:
                check_output(out, option)
        partial = partial_path(path) if path is not None else None
        resume_from = partial if partial is not None and partial.exists() else path
        done = drafts_already_in(resume_from) if resume and resume_from is not None else set()
    except BaseException:
        if owned:
            stream_in.close()
        raise
    as_csv: CsvForm = path is not None and path.suffix.lower() == ".csv"
    if excel:
        if not as_csv:
            raise InvalidInputError("excel writes a spreadsheet's CSV: the output must end in .csv")
        as_csv = EXCEL

    counts: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    by_structure: Counter[Structure | None] = Counter()
    by_section: Counter[int | None] = Counter()
    seen: Counter[Structure] = Counter()
    replacements: list[_Replacement] = []
    writing: Path | str = path or "the output stream"
    started = committed = 0
    drafts: _Replacement | None = None
    rejected: _Replacement | None = None
    try:
        with contextlib.ExitStack() as stack:
            if owned:
                stack.enter_context(stream_in)
            if path is not None:
                assert resume_from is not None
                drafts = _Replacement(path)
                replacements.append(drafts)
                stream = drafts.stream
                keep = resume and resume_from.exists() and resume_from.stat().st_size > 0
                if keep:
                    with resume_from.open(encoding="utf-8", newline="") as existing:
                        shutil.copyfileobj(existing, stream)
                elif as_csv:
                    write_csv_header(stream, excel=as_csv == EXCEL)
                started = committed = stream.tell()
            else:
                stream = output  # type: ignore[assignment]
            if rejects_path is not None:
                writing = rejects_path
                rejected = _Replacement(rejects_path)
                replacements.append(rejected)
            writing = path or "the output stream"
            chunks = stack.enter_context(
                contextlib.closing(
                    draft_export(
                        stream_in,
                        profile,
                        jobs=jobs,
                        structure=structure,
                        require_section=require_section,
                        include_answered=include_answered,
                        as_csv=as_csv,
                        skip_ids=done,
                        statuses=statuses,
                        today=today,
                        note=note,
                        encoding=encoding,
                    )
                )
            )
            try:
                for chunk in chunks:
                    counts["read"] += chunk.rows
                    stream.write(chunk.output)
                    if path is not None and chunk.output:
                        committed = stream.tell()  # whole records up to here
                    counts.update(chunk.statuses)
                    counts["drafted"] += sum(chunk.statuses.values())
                    counts["rejected"] += len(chunk.rejects)
                    skipped.update(chunk.skipped)
                    by_structure.update(chunk.structures)
                    by_section.update(chunk.sections)
                    seen.update(chunk.seen)
                    for line in chunk.rejects:
                        if rejected is not None:
                            writing = rejects_path  # type: ignore[assignment]
                            rejected.stream.write(line + "\n")
                            writing = path or "the output stream"
                        if on_reject is not None:
                            on_reject(line)
                    if on_progress is not None:
                        on_progress(counts["read"])
            except Exception:
                raise
            except BaseException as interruption:
                kept = None
                if drafts is not None and partial is not None and committed > started:
                    drafts.keep_partial(committed, partial)
                    kept = partial
                raise DraftInterrupted(interruption, kept) from None
        if not counts["read"]:  # raised here, OUT stays as it was
            raise UnreadableInputError("it holds no row (it is empty, or a header only)")
        asked = selected_structures(structure) or ()
        unmatched = tuple(w for w in asked if not any(is_selected(s, (w,)) for s in seen))
        if asked and len(unmatched) == len(asked):
            raise NoStructureMatchedError(asked, tuple(sorted({s.name for s in seen})))
        # Everything on disk before anything is renamed: a full disk fails here,
        # and then neither file replaces what was there.
        for replacement in replacements:
            writing = replacement.path
            replacement.sync()
        if rejected is not None:
            writing = rejected.path
            if counts["rejected"]:
                rejected.commit()
            else:  # no reject, no file (one left by an earlier run would mislead)
                rejected.discard()
                rejected.path.unlink(missing_ok=True)
        if drafts is not None:
            writing = drafts.path
            drafts.commit()
            if partial is not None:  # OUT is complete: what an interrupted run kept is in it
                partial.unlink(missing_ok=True)
    except BaseException as error:
        for replacement in replacements:
            replacement.discard()
        if isinstance(error, OSError) and not isinstance(error, BrokenPipeError):
            if error.errno in (errno.EMFILE, errno.ENFILE):
                raise OutOfDescriptorsError(
                    f"the process ran out of file descriptors ({error.strerror}) while writing "
                    f"{writing}: nothing is wrong with that file; ask fewer --jobs or raise "
                    "the limit (ulimit -n)"
                ) from None
            raise OutputError(writing, error.strerror or str(error)) from None
        raise
    return ExportSummary(
        rows=counts["read"],
        drafted=counts["drafted"],
        rejected=counts["rejected"],
        statuses={s: counts[s] for s in ("ready", "to_complete", "to_review")},
        skipped=dict(skipped),
        structures=dict(by_structure),
        sections=dict(by_section),
        seen=dict(seen),
        output=path,
        rejects=rejects_path if rejected is not None and counts["rejected"] else None,
        unmatched=unmatched,
    )
