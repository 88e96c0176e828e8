"""The ``sprep`` command: a thin adapter over the library.

Expected errors become one line on stderr and an exit status, in one place
(:func:`main`); a traceback only ever means a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import hashlib
import io
import json
import os
import shutil
import signal
import stat
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import attrs

from . import __version__
from .audit import AuditReport
from .checking import RULES, Finding, StockGroup, check_reply, find_stock_groups, stock_finding
from .drafting import STEPS, draft_reply, lint_templates, load_template_set
from .exceptions import InvalidInputError, SprepError, UnreadableInputError
from .export import (
    STATUSES,
    atomic_output,
    detect_encoding,
    draft_export,
    drafts_already_in,
    given_encoding,
    is_answered,
    is_selected,
    keep_partial,
    partial_path,
    read_rows,
    repair_c1,
    structures_of,
    write_csv_header,
)
from .export._excel import EXCEL, CsvForm
from .export._reading import ENCODING_SAMPLE
from .inputs import SENTIMENTS, Contact, Experience, Structure
from .profile import Profile, ProfileError, StructureSection, example_profile_path
from .text import fold

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_ERRORS_FOUND",
    "EXIT_FATAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "EXIT_WARNINGS",
    "main",
]

EXIT_OK = 0
EXIT_ERRORS_FOUND = 1  # `check`: at least one error finding
EXIT_USAGE = 2  # bad arguments, unreadable input
EXIT_REJECTED = 3  # `draft`: some rows were rejected (and written to the rejects file)
EXIT_FATAL = 4  # `draft`: nothing could be done (unreadable profile, unwritable output)
EXIT_WARNINGS = 5  # `draft --fail-on-warning`: a warning was printed (the drafts are written)
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_BROKEN_PIPE = 141  # standard output closed before the end (128 + SIGPIPE)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)


#: Every exit status of every command, as ``--help`` and the README list them.
EXIT_CODES = (
    ("0", "done: everything drafted, no error found, a valid profile"),
    (
        "1",
        "check: a reply has an error; templates lint: a problem; profile check: a section "
        "matches no structure",
    ),
    (
        "2",
        "bad usage: a wrong option or value, an input file or folder that does not exist, "
        "a column or a --structure that matches nothing, -o naming the input",
    ),
    ("3", "draft: some rows were rejected (see the rejects file; 0 with --accept-rejects)"),
    (
        "4",
        "nothing could be done: an input that is empty or no export (its encoding, its "
        "columns), an invalid profile or template folder, an output that cannot be written",
    ),
    (
        "5",
        "draft --fail-on-warning: a warning (no --profile, a profile section matching no "
        "structure); the drafts are written",
    ),
    ("130", "interrupted (Ctrl-C); draft -o OUT keeps its drafts in OUT.partial for --resume"),
    ("141", "standard output closed before the end (piped into head)"),
    ("143", "terminated (SIGTERM); kept as on Ctrl-C"),
)

_EPILOG = "exit status (every command):\n" + "".join(
    textwrap.fill(meaning, 79, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7) + "\n"
    for code, meaning in EXIT_CODES
)


class UsageError(SprepError):
    """A mistake in how the command was called; exit status 2."""


class FatalError(SprepError):
    """Nothing can be done (unreadable input or profile, unwritable output); exit status 4."""


class Terminated(BaseException):
    """SIGTERM was received: stop as Ctrl-C does (a BaseException, like KeyboardInterrupt)."""


class _Stopped(BaseException):
    """An interruption, with what the message must say was kept."""

    def __init__(self, cause: BaseException, kept: str) -> None:
        super().__init__(kept)
        self.cause = cause
        self.kept = kept


def _encoding_of(arguments: argparse.Namespace) -> str | None:
    """The codec ``--encoding`` names (None: detect it); a usage error when unknown."""
    if arguments.encoding is None:
        return None
    try:
        return given_encoding(arguments.encoding)
    except ValueError as error:
        raise UsageError(f"--encoding: {error}") from None


def _read_all(path: str, encoding: str | None = None) -> str:
    """A reply's text: UTF-8 (with or without BOM), UTF-16 with BOM or cp1252, detected
    from its first 64 KiB, unless ``encoding`` is given."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as stream:
                data = stream.read()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    try:
        codec = encoding or detect_encoding(data[:ENCODING_SAMPLE])
        return data.decode(codec)
    except (UnicodeDecodeError, UnreadableInputError) as error:
        where = f" (byte {error.start})" if isinstance(error, UnicodeDecodeError) else ""
        raise FatalError(
            f"{path} cannot be read as {encoding or 'UTF-8'}{where}: give its encoding with "
            "--encoding, or convert it to UTF-8"
        ) from None


def _print_findings(
    name: str, text: str, findings: Sequence[Finding], out: TextIO, *, headings: bool = False
) -> None:
    """FILE:LINE:COLUMN: severity [rule] message, grouped by rule (in the order the rules
    run), by position within a rule; ``headings``: a line ``== rule: N`` before each group."""
    for rule in sorted({f.rule for f in findings}, key=_rule_rank):
        group = [f for f in findings if f.rule == rule]
        if headings:
            errors = sum(f.severity == "error" for f in group)
            out.write(f"== {rule}: {errors} error(s), {len(group) - errors} warning(s)\n")
        for finding in group:
            line, column = finding.position(text)
            out.write(
                f"{name}:{line}:{column}: {finding.severity} [{finding.rule}] {finding.message}\n"
            )


def _rule_rank(rule: str) -> int:
    return RULES.index(rule) if rule in RULES else len(RULES)


def _json_report(name: str, text: str, findings: Sequence[Finding]) -> str:
    """One reply's findings as a JSON object (``sprep check --format json``)."""
    listed = []
    for finding in findings:
        line, column = finding.position(text)
        listed.append(
            {
                "rule": finding.rule,
                "severity": finding.severity,
                "message": finding.message,
                "start": finding.start,
                "end": finding.end,
                "line": line,
                "column": column,
            }
        )
    errors = sum(f.severity == "error" for f in findings)
    by_rule = Counter(f.rule for f in findings)
    report = {
        "file": name,
        "findings": listed,
        "counts": {
            "errors": errors,
            "warnings": len(findings) - errors,
            "by_rule": {rule: by_rule[rule] for rule in sorted(by_rule, key=_rule_rank)},
        },
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _closest_names(wanted: str, names: Sequence[str]) -> str:
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    close += [n for n in names if wanted.lower() in n.lower() and n not in close]
    return f"; did you mean: {', '.join(close[:3])}?" if close else ""


class _Table:
    """Rows of a JSON-lines or CSV file, read as ``sprep draft`` reads them, with what
    was seen: how many rows, and the columns (to name the closest to a misspelt one)."""

    def __init__(self, path: str, field: str, encoding: str | None = None) -> None:
        self.path = path
        self.field = field
        self.encoding = encoding
        self.rows = 0
        self.with_field = 0
        self.columns: dict[str, None] = {}

    def rows_of(self, source: BinaryIO) -> Iterator[tuple[int, dict[str, Any]]]:
        """(first line number, row); a usage error when the column is nowhere."""
        path, field = self.path, self.field
        self.rows = self.with_field = 0
        try:
            form, rows = read_rows(source, encoding=self.encoding)
            if not form.jsonl and form.names and field not in form.names:
                raise UsageError(
                    f"{path} has no column {field!r}" + _closest_names(field, form.names)
                )
            for row in rows:
                if row.blank:
                    continue
                if row.fields is None:
                    raise UsageError(f"{path}:{row.line}: {row.problem}")
                self.rows += 1
                self.with_field += field in row.fields
                if len(self.columns) < 1000:
                    self.columns.update(dict.fromkeys(row.fields))
                yield row.line, dict(row.fields)
        except UnreadableInputError as error:
            raise FatalError(f"cannot read {path}: {error}") from None
        if not self.rows:
            raise FatalError(f"{path} holds no row (it is empty, or a header only)")
        if not self.with_field:
            raise UsageError(
                f"{path} has no column {field!r}" + _closest_names(field, list(self.columns))
            )


#: The columns ``sprep check --jsonl`` names a reply by, the first found (else its line).
ID_FIELDS = ("case_id", "id", "ID expérience")


def _replies(table: _Table, source: BinaryIO) -> Iterator[tuple[int, dict[str, Any], str]]:
    """(line number, row, reply text) of each row whose field holds a reply."""
    source.seek(0)
    for number, row in table.rows_of(source):
        reply_text = row.get(table.field)
        if isinstance(reply_text, str) and reply_text.strip():
            yield number, row, reply_text


def _reply_id(row: dict[str, Any], number: int, id_field: str | None) -> str:
    for name in (id_field,) if id_field else ID_FIELDS:
        value = row.get(name)
        if value not in (None, ""):
            return str(value)
    return f"line {number}"


def _check_command(arguments: argparse.Namespace, out: TextIO) -> int:
    options = {
        "closing_added": arguments.closing_added,
        "locale": arguments.locale,
        "official_domains": arguments.official_domain,
    }
    if arguments.jsonl is None:
        if arguments.file is None:
            raise UsageError("give the FILE to check (or - for standard input), or --jsonl FILE")
        text = _read_all(arguments.file, _encoding_of(arguments))
        if not text.strip():
            raise FatalError(f"{arguments.file} is empty: there is no reply to check")
        findings = check_reply(
            text, pseudonym=arguments.pseudonym, sentiment=arguments.sentiment, **options
        )
        errors = sum(f.severity == "error" for f in findings)
        warnings = len(findings) - errors
        if arguments.format == "json":
            out.write(_json_report(arguments.file, text, findings))
        else:
            _print_findings(arguments.file, text, findings, out, headings=True)
            out.write(f"{errors} error(s), {warnings} warning(s)\n")
        return EXIT_ERRORS_FOUND if errors and not arguments.exit_zero else EXIT_OK
    audit = AuditReport(path=arguments.jsonl) if arguments.format == "json" else None
    if arguments.stock_min < 2 or not 0.0 < arguments.similarity <= 1.0:
        raise UsageError("--stock-min must be 2 or more and --similarity in (0, 1]")

    path = arguments.jsonl
    with contextlib.ExitStack() as stack:
        if path == "-":  # read twice: once to group the replies, once to check them
            source: BinaryIO = stack.enter_context(tempfile.TemporaryFile())
            shutil.copyfileobj(sys.stdin.buffer, source)
        else:
            try:
                source = stack.enter_context(open(path, "rb"))
            except OSError as error:
                raise UsageError(f"cannot read {path}: {error.strerror}") from None
        table = _Table(path, arguments.field, _encoding_of(arguments))
        groups = find_stock_groups(
            ((str(number), text) for number, _row, text in _replies(table, source)),
            min_size=arguments.stock_min,
            similarity=arguments.similarity,
        )
        group_of: dict[int, StockGroup] = {int(n): group for group in groups for n in group.ids}
        names: dict[int, str] = {}
        checked = failing = 0
        errors_by_rule: Counter[str] = Counter()
        warnings_by_rule: Counter[str] = Counter()
        for number, row, reply_text in _replies(table, source):
            try:
                findings = check_reply(
                    reply_text,
                    pseudonym=(
                        row.get(arguments.pseudonym_field) if arguments.pseudonym_field else None
                    ),
                    sentiment=(
                        row.get(arguments.sentiment_field) if arguments.sentiment_field else None
                    ),
                    **options,
                )
            except InvalidInputError as error:
                raise UsageError(f"{path}:{number}: {error}") from None
            group = group_of.get(number)
            if group is not None:
                findings.append(stock_finding(group, arguments.locale))
                names[number] = _reply_id(row, number, arguments.id_field)
            checked += 1
            failing += any(f.severity == "error" for f in findings)
            if audit is not None:
                audit.add(number, _reply_id(row, number, arguments.id_field), findings)
            errors_by_rule.update({f.rule for f in findings if f.severity == "error"})
            warnings_by_rule.update({f.rule for f in findings if f.severity == "warning"})
            if arguments.details and audit is None:
                name = _reply_id(row, number, arguments.id_field)
                _print_findings(
                    f"{path}:{number}" if name == f"line {number}" else name,
                    reply_text,
                    findings,
                    out,
                )
    if audit is not None:
        out.write(audit.json(RULES, errors_by_rule, warnings_by_rule, groups, names))
        return EXIT_ERRORS_FOUND if failing and not arguments.exit_zero else EXIT_OK
    out.write(f"{checked} replies checked, {failing} with at least one error\n")
    out.write(f"{'rule':<15}{'errors':>8}{'warnings':>10}\n")
    for rule in RULES:
        out.write(f"{rule:<15}{errors_by_rule[rule]:>8}{warnings_by_rule[rule]:>10}\n")
    out.write(
        f"{len(groups)} group(s) of stock replies (the same text sent "
        f"{arguments.stock_min} times or more, names, numbers, dates and links aside)\n"
    )
    for group in groups:
        how = "the same text" if group.exact else "nearly the same text"
        out.write(f"{group.size} replies, {how}: {', '.join(names[int(n)] for n in group.ids)}\n")
        out.write("".join(f"    {line}".rstrip() + "\n" for line in group.text.splitlines()))
    return EXIT_ERRORS_FOUND if failing and not arguments.exit_zero else EXIT_OK


# --- sprep draft ------------------------------------------------------------------


class _Progress:
    """A one-line progress report on stderr, only on a terminal."""

    def __init__(self, enabled: bool, total_bytes: int | None = None) -> None:
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, rows: int, read_bytes: int | None = None) -> None:
        """``rows`` read so far, and the input's ``read_bytes`` when known (a percentage
        of the file's size: standard input has none)."""
        now = time.monotonic()
        if self.enabled and now - self.shown > 0.2:
            self.shown = now
            rate = rows / max(now - self.started, 1e-9)
            share = ""
            if self.total_bytes and read_bytes is not None:
                share = f"{min(100, 100 * read_bytes // self.total_bytes)} %, "
            sys.stderr.write(f"\rsprep: {share}{rows:,} rows ({rate:,.0f} rows/s)\033[K")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")


def _size_of(source: BinaryIO) -> int | None:
    """The size of a regular file, for the progress line's percentage (else None)."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        status = os.fstat(source.fileno())
        if stat.S_ISREG(status.st_mode):
            return status.st_size
    return None


def _position(source: BinaryIO) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        return source.tell()
    return None


#: The bundled example export (``examples/export.csv``), recognised by its content too.
_EXAMPLE_EXPORT_SHA256 = "d71f92f5c7af4d8dbd64937c8420aa69f54a88869a0b89c958abe1617c503cea"

#: What every draft signed with the example profile says in its notes.
EXAMPLE_PROFILE_NOTE = (
    "signed with the example profile (Jean, pour la Caf de Paris, its contacts): "
    "give your own with --profile"
)


def _is_bundled_example(name: str) -> bool:
    """Whether the input is the bundled example export, by its path or its content."""
    if name == "-":
        return False
    path = Path(name)
    in_tree = Path(__file__).resolve().parents[2] / "examples" / "export.csv"
    with contextlib.suppress(OSError):
        if in_tree.exists() and path.exists() and path.samefile(in_tree):
            return True
        if path.is_file() and path.stat().st_size < 1 << 20:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            return digest == _EXAMPLE_EXPORT_SHA256
    return False


def _draft_command(arguments: argparse.Namespace, out: TextIO) -> int:
    encoding = _encoding_of(arguments)
    example_signs = not arguments.profile and not _is_bundled_example(arguments.input)
    profile_path = Path(arguments.profile) if arguments.profile else example_profile_path()
    try:
        profile = Profile.from_toml(profile_path)
    except ProfileError as error:
        raise FatalError(str(error)) from None
    if arguments.templates:
        folder = Path(arguments.templates)
        if not folder.is_dir():
            raise UsageError(f"--templates {folder} is not a folder")
        profile = attrs.evolve(profile, template_dir=folder)
    try:  # a broken template folder stops the batch before it starts, not row by row
        folders = [profile.template_dir, *(s.template_dir for s in profile.structures)]
        for template_dir in dict.fromkeys(folders):
            load_template_set(template_dir)
    except SprepError as error:
        raise FatalError(str(error)) from None
    if arguments.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    output = None if arguments.output in (None, "-") else Path(arguments.output)
    if arguments.resume and output is None:
        raise UsageError("--resume needs -o OUT: the drafts already written there are kept")
    rejects_path = (
        Path(arguments.rejects)
        if arguments.rejects
        else (output.with_name(output.stem + ".rejects.jsonl") if output else None)
    )
    _refuse_same_files(arguments.input, output, rejects_path)
    for path in (output, rejects_path):
        if path is not None and not (path.parent if str(path.parent) else Path(".")).is_dir():
            raise FatalError(f"cannot write {path}: the folder {path.parent} does not exist")
    # An interrupted run kept its drafts in OUT.partial: --resume goes on from there.
    partial = partial_path(output) if output is not None else None
    resume_from = partial if partial is not None and partial.exists() else output
    try:
        done_ids = drafts_already_in(resume_from) if arguments.resume and resume_from else set()
    except UnreadableInputError as error:
        raise FatalError(str(error)) from None
    try:
        source = sys.stdin.buffer if arguments.input == "-" else open(arguments.input, "rb")
    except OSError as error:
        raise UsageError(f"cannot read {arguments.input}: {error.strerror}") from None

    counts: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    by_structure: Counter[Structure | None] = Counter()
    by_section: Counter[int | None] = Counter()
    seen: Counter[Structure] = Counter()
    progress = _Progress(sys.stderr.isatty() and not arguments.quiet, _size_of(source))
    as_csv: CsvForm = output is not None and output.suffix.lower() == ".csv"
    if arguments.excel:
        if not as_csv:
            raise UsageError("--excel writes a spreadsheet's CSV: give -o OUT.csv")
        as_csv = EXCEL
    if output is None:
        kept = "the drafts already printed on standard output are incomplete"
    elif rejects_path is None:
        kept = f"nothing was written: {output} is as it was"
    else:
        kept = f"nothing was written: {output} and {rejects_path} are as they were"
    writing: Path | str = output or "standard output"
    started = committed = 0
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(source)
            if output is None:
                stream = out
            else:
                assert resume_from is not None
                keep = arguments.resume and resume_from.exists() and resume_from.stat().st_size > 0
                writing = output
                stream = stack.enter_context(
                    atomic_output(output, keep_existing=keep, keep_from=resume_from)
                )
                if as_csv and not keep:
                    write_csv_header(stream, excel=as_csv == EXCEL)
                started = committed = stream.tell()
            rejects_stream = None
            if rejects_path is not None:
                writing = rejects_path
                rejects_stream = stack.enter_context(atomic_output(rejects_path))
            writing = output or "standard output"
            chunks = stack.enter_context(
                contextlib.closing(
                    draft_export(
                        source,
                        profile,
                        jobs=arguments.jobs,
                        structure=arguments.structure,
                        require_section=arguments.require_structure_profile,
                        include_answered=arguments.all,
                        as_csv=as_csv,
                        skip_ids=done_ids,
                        statuses=arguments.status or None,
                        today=arguments.today,
                        note=EXAMPLE_PROFILE_NOTE if example_signs else None,
                        encoding=encoding,
                    )
                )
            )
            try:
                for chunk in chunks:
                    if example_signs and not counts["read"]:  # once the input proved readable
                        progress.close()
                        print(
                            "sprep: WARNING: no --profile: the drafts are signed with the "
                            f"example profile ({profile.signature.line}, the Caf's contacts); "
                            "give your own with --profile",
                            file=sys.stderr,
                        )
                    counts["read"] += chunk.rows
                    progress.update(counts["read"], _position(source))
                    stream.write(chunk.output)
                    if output is not None and chunk.output:
                        committed = stream.tell()  # whole records up to here
                    counts.update(chunk.statuses)
                    counts["drafted"] += sum(chunk.statuses.values())
                    counts["rejected"] += len(chunk.rejects)
                    skipped.update(chunk.skipped)
                    by_structure.update(chunk.structures)
                    by_section.update(chunk.sections)
                    seen.update(chunk.seen)
                    for line in chunk.rejects:
                        if rejects_stream is not None:
                            writing = str(rejects_path)
                            rejects_stream.write(line + "\n")
                            writing = output or "standard output"
                        else:
                            print(f"sprep: rejected {line}", file=sys.stderr)
            except (KeyboardInterrupt, Terminated):
                if partial is not None and committed > started:
                    keep_partial(stream, committed, partial)
                    kept = (
                        f"the drafts written so far are kept in {partial} ({output} is as it "
                        f"was); to finish: sprep draft {arguments.input} -o {output} --resume "
                        "(with the same options)"
                    )
                raise
            progress.close()
            if not counts["read"]:  # raised here, OUT stays as it was
                raise UnreadableInputError("it holds no row (it is empty, or a header only)")
            # Raised here, the error leaves OUT as it was: a typo drafts nothing, erases nothing.
            _check_structures_asked(arguments.structure, seen)
            # Everything on disk before anything is renamed: a full disk fails here,
            # and then neither file replaces what was there.
            for path, written in ((output, stream), (rejects_path, rejects_stream)):
                if path is not None and written is not None:
                    writing = str(path)
                    written.flush()
                    os.fsync(written.fileno())
            stack.pop_all().close()
        if partial is not None:  # OUT is complete: what an interrupted run kept is in it
            partial.unlink(missing_ok=True)
    except UnreadableInputError as error:
        progress.close()
        raise FatalError(f"cannot read {arguments.input}: {error}; {kept}") from None
    except BrokenPipeError:
        progress.close()
        raise
    except OSError as error:
        progress.close()
        raise FatalError(f"cannot write {writing}: {error.strerror or error}; {kept}") from None
    except (KeyboardInterrupt, Terminated) as error:
        progress.close()
        raise _Stopped(error, kept) from None
    if rejects_path is not None and not counts["rejected"]:
        rejects_path.unlink(missing_ok=True)  # no reject, no file
    skipped_total = sum(skipped.values())
    details = ", ".join(f"{n} {why}" for why, n in skipped.items())
    unmatched = _report_structures(profile, by_structure, by_section, seen)
    # Counts are of (row, structure) pairs: a row concerning two structures counts once
    # for each; a row naming none, or that cannot be read, counts once.
    pairs = counts["drafted"] + counts["rejected"] + skipped_total
    print(
        f"sprep: {counts['read']} rows read"
        + (f" ({pairs} row-structure pairs)" if pairs != counts["read"] else "")
        + f": {counts['drafted']} drafted ({counts['ready']} ready, "
        f"{counts['to_complete']} to complete, {counts['to_review']} to review), "
        f"{counts['rejected']} rejected"
        + (f" (see {rejects_path})" if counts["rejected"] and rejects_path else "")
        + f", {skipped_total} skipped"
        + (f" ({details})" if details else "")
        + (
            "; WARNING: signed with the example profile, not yours (--profile)"
            if example_signs
            else ""
        ),
        file=sys.stderr,
    )
    if arguments.fail_on_warning and (example_signs or unmatched):
        return EXIT_WARNINGS
    return EXIT_REJECTED if counts["rejected"] and not arguments.accept_rejects else EXIT_OK


def _closest(wanted: str, names: Sequence[str]) -> list[str]:
    """Up to three structure names close to ``wanted``: those containing it, then the
    most alike."""
    folded = {fold(" ".join(name.split())): name for name in names}
    key = fold(" ".join(wanted.split()))
    found = [name for f, name in folded.items() if key and key in f]
    found += [
        folded[f]
        for f in difflib.get_close_matches(key, list(folded), n=3, cutoff=0.6)
        if folded[f] not in found
    ]
    return found[:3]


def _check_structures_asked(asked: Sequence[str] | None, seen: Counter[Structure]) -> None:
    """Say which ``--structure`` matches no structure of the input, with the closest
    names; when none matches any, that is a usage error."""
    if not asked:
        return
    names = sorted({s.name for s in seen})
    missing = [w for w in asked if not any(is_selected(s, (w,)) for s in seen)]
    messages = []
    for wanted in missing:
        close = _closest(wanted, names)
        messages.append(
            f"--structure {wanted!r} matches no structure of the input"
            + (f"; did you mean: {'; '.join(close)}?" if close else "")
        )
    if missing and len(missing) == len(asked):
        raise UsageError("\nsprep: ".join([*messages, "nothing drafted; the output is unchanged"]))
    for message in messages:
        print(f"sprep: {message}", file=sys.stderr)


def _signed_by(section: StructureSection | int | None) -> str:
    if section is None:
        return "default"
    return f"section #{section}" if isinstance(section, int) else f"section #{section.number}"


#: The structures the closing report names one by one (the others are summed).
_STRUCTURES_SHOWN = 10


def _report_structures(
    profile: Profile,
    by_structure: Counter[Structure | None],
    by_section: Counter[int | None],
    seen: Counter[Structure],
) -> int:
    """The drafts per structure and per profile section, and the profile's sections that
    match no structure of the input (a typo in a name must not go unnoticed): returns
    how many such sections were reported."""
    if any(s is not None for s in by_structure):
        ranked = by_structure.most_common()
        shown = [
            f"{n} {s.name if s else '(no structure)'} ({_signed_by(profile.section_for(s))})"
            for s, n in ranked[:_STRUCTURES_SHOWN]
        ]
        rest = ranked[_STRUCTURES_SHOWN:]
        if rest:
            shown.append(
                f"and {sum(n for _, n in rest)} for {len(rest)} other structures "
                "(sprep profile check lists them all)"
            )
        named = sum(1 for s in by_structure if s is not None)
        print(
            f"sprep: drafted for {named} structure{'s' if named > 1 else ''}: {', '.join(shown)}",
            file=sys.stderr,
        )
    if profile.structures:
        signed = ", ".join(
            f"{by_section.get(s.number, 0)} by {_signed_by(s)} ({s.match})"
            for s in profile.structures
        )
        default = by_section.get(None, 0)
        print(
            f"sprep: drafted per profile section: {signed}, {default} by the default",
            file=sys.stderr,
        )
    unmatched = 0
    for section in profile.structures:
        if not any(section.matches(s) for s in seen):
            print(f"sprep: {section} matches no structure of the input", file=sys.stderr)
            unmatched += 1
    return unmatched


# --- sprep profile ------------------------------------------------------------------


def _describe(profile: Profile) -> str:
    contacts = ", ".join(c.value for c in profile.contacts) or "no contact"
    extra = f"; templates {profile.template_dir}" if profile.template_dir else ""
    return f"{profile.signature.line}; {contacts}; late after {profile.late_after_days} days{extra}"


def _profile_command(arguments: argparse.Namespace, out: TextIO) -> int:
    profile = Profile.from_toml(arguments.profile)
    out.write(f"{arguments.profile}: valid\n  default: {_describe(profile)}\n")
    for section in profile.structures:
        kind = "pattern" if section.is_pattern else "name or id"
        out.write(
            f"  #{section.number} match = {section.match!r} ({kind}): "
            f"{_describe(profile.signer(section))}\n"
        )
    if arguments.export is None:
        return EXIT_OK
    rows: Counter[Structure | None] = Counter()
    waiting: Counter[Structure | None] = Counter()
    total = unreadable = 0
    try:
        source = sys.stdin.buffer if arguments.export == "-" else open(arguments.export, "rb")
    except OSError as error:
        raise UsageError(f"cannot read {arguments.export}: {error.strerror}") from None
    with source:
        _form, read = read_rows(source)
        for row in read:
            total += 1
            try:
                if row.fields is None:
                    raise ValueError(row.problem)
                fields = {
                    k: repair_c1(v) if isinstance(v, str) else v for k, v in row.fields.items()
                }
                structures: tuple[Structure | None, ...] = structures_of(fields) or (None,)
                answered = is_answered(fields)
            except (ValueError, SprepError):
                unreadable += 1
                continue
            rows.update(structures)
            if not answered:
                waiting.update(structures)
    out.write(
        f"{arguments.export}: {total} rows, {sum(1 for s in rows if s is not None)} structures"
        + (f", {unreadable} rows unreadable" if unreadable else "")
        + "\n"
    )
    out.write(f"{'rows':>6} {'waiting':>8}  {'signed by':<12} {'structure id':<14} structure\n")
    for structure, count in sorted(rows.items(), key=lambda item: (-item[1], str(item[0]))):
        name = structure.name if structure else "(no structure)"
        identifier = (structure.id if structure else None) or "-"
        signer = _signed_by(profile.section_for(structure))
        out.write(f"{count:>6} {waiting[structure]:>8}  {signer:<12} {identifier:<14} {name}\n")
    unmatched = [
        s for s in profile.structures if not any(s.matches(t) for t in rows if t is not None)
    ]
    for section in unmatched:
        out.write(f"{section} matches no structure of {arguments.export}\n")
    return EXIT_ERRORS_FOUND if unmatched else EXIT_OK


def _same_file(one: Path, other: Path) -> bool:
    if one.exists() and other.exists():
        return one.samefile(other)
    return one.resolve() == other.resolve()


def _refuse_same_files(source: str, output: Path | None, rejects: Path | None) -> None:
    """Refuse to write over the input, or the drafts and the rejects in one file."""
    given = Path(source) if source != "-" else None
    if given is not None and output is not None and _same_file(given, output):
        raise UsageError(f"-o {output} is the input itself: write the drafts elsewhere")
    if given is not None and rejects is not None and _same_file(given, rejects):
        raise UsageError(f"--rejects {rejects} is the input itself: write the rejects elsewhere")
    if output is not None and rejects is not None and _same_file(output, rejects):
        raise UsageError(f"--rejects {rejects} is the drafts file: give each its own file")


# --- sprep templates ----------------------------------------------------------------


def _templates_command(arguments: argparse.Namespace, out: TextIO) -> int:
    folder = arguments.folder or arguments.templates
    if arguments.action == "lint":
        if folder is None:
            raise UsageError("give the folder to lint: sprep templates lint DIR")
        if not Path(folder).is_dir():
            raise UsageError(f"cannot lint {folder}: not a folder")
        problems = lint_templates(folder)
        for problem in problems:
            out.write(f"{problem}\n")
        out.write(f"{len(problems)} problem(s) in {folder}\n")
        return EXIT_ERRORS_FOUND if problems else EXIT_OK
    arguments.templates = folder
    templates = load_template_set(folder)
    if arguments.action == "preview":
        return _preview(arguments, out)
    out.write("template folders (first wins):\n")
    for source in templates.sources:
        out.write(f"  {source}\n")
    for sentiment in SENTIMENTS:
        out.write(f"{sentiment}:\n")
        for step in STEPS:
            names = templates.variants[(sentiment, step)]
            out.write(f"  {step:<16} {len(names)} phrasing(s): {', '.join(names)}\n")
    return EXIT_OK


def _preview(arguments: argparse.Namespace, out: TextIO) -> int:
    profile = Profile.from_toml(
        Path(arguments.profile) if arguments.profile else example_profile_path()
    )
    sentiments = [arguments.sentiment] if arguments.sentiment else list(SENTIMENTS)
    for sentiment in sentiments:
        for n in range(arguments.count):
            experience = Experience(
                sentiment=sentiment,
                id=f"apercu-{n}",
                pseudonym="Sandrine" if n % 2 == 0 else None,
                channels=(("Téléphone", "Accueil", "Démarche en ligne")[n % 3],),
            )
            reply = draft_reply(
                experience,
                signature=profile.signature,
                contacts=profile.contacts or (Contact("phone", "32 30"),),
                template_dir=arguments.templates,
            )
            out.write(f"--- {sentiment} #{n + 1} ({reply.word_count} mots)\n{reply.text}\n\n")
    return EXIT_OK


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


class _Formatter(argparse.HelpFormatter):
    """Descriptions wrapped as usual; the table of exit codes kept as it is laid out."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("exit status"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sprep",
        description="Draft and check replies to Services Publics + experiences (DITP guide).",
        epilog=_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"sprep {__version__}")
    commands = parser.add_subparsers(
        dest="command", parser_class=_SubParser, metavar="{check,draft,profile,templates}"
    )

    check = commands.add_parser(
        "check",
        help="check replies against the guide's rules",
        description=(
            "Check a reply (a text file, or - for standard input) and print its findings as "
            "FILE:LINE:COLUMN: severity [rule] message. With --jsonl, check a column of a "
            "JSON-lines or CSV file and print how many replies break each rule."
        ),
    )
    check.add_argument("file", nargs="?", help="the reply to check; - for standard input")
    check.add_argument("--jsonl", metavar="FILE", help="a JSON-lines or .csv file of replies")
    check.add_argument("--field", default="reply_text", help="the column holding the replies")
    check.add_argument("--pseudonym", help="the user's pseudonym, for the greeting rule")
    check.add_argument("--sentiment", help="positive, neutral or negative (Positif, Neutre…)")
    check.add_argument("--pseudonym-field", help="with --jsonl: the column of pseudonyms")
    check.add_argument("--sentiment-field", help="with --jsonl: the column of sentiments")
    check.add_argument(
        "--closing-added",
        action="store_true",
        help="the platform adds the politeness formula and signature: skip the signature rule",
    )
    check.add_argument(
        "--official-domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="another domain replies may link to (repeatable)",
    )
    check.add_argument(
        "--encoding",
        metavar="NAME",
        help="the input's encoding (utf-8, cp1252, latin-1, utf-16…); default: detected "
        "from its first 64 KiB (a BOM, else UTF-8 when it reads as UTF-8, else cp1252)",
    )
    check.add_argument("--locale", choices=("fr", "en"), default="fr", help="language of messages")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text, or json: for one reply, one object (findings with rule, severity, "
        "message, start, end, line, column; counts); with --jsonl, one object (checked, "
        "failing, by_rule, stock_groups, replies with their findings)",
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when a reply has an error (for an audit in a script): only a "
        "check that could not run fails",
    )
    check.add_argument(
        "--details",
        action="store_true",
        help="with --jsonl: print every finding, each reply named by its id (--id-field) "
        "when it has one, else FILE:LINE",
    )
    check.add_argument(
        "--id-field",
        help="with --jsonl: the column naming each reply in the stock groups (default: the "
        "first of case_id, id, ID expérience the row has, else its line number)",
    )
    check.add_argument(
        "--stock-min",
        type=int,
        default=3,
        metavar="N",
        help="with --jsonl: report replies sent N times or more as stock replies (default 3)",
    )
    check.add_argument(
        "--similarity",
        type=float,
        default=0.7,
        help="with --jsonl: how alike two replies must be to count as one text (Jaccard "
        "similarity of their word pairs, default 0.7; 1 for exact repetitions only)",
    )
    check.set_defaults(run=_check_command)

    draft = commands.add_parser(
        "draft",
        help="prefill a draft for every experience of the platform's export",
        description=(
            "Draft a reply for every experience waiting for an answer in the platform's CSV "
            "export (or JSON lines with the Experience fields). Writes JSON lines (or CSV, by "
            "the extension of OUT): id, sentiment, tone, status, attention, word_count, text, "
            "body, personalised_by, notes, findings. "
            "Bad rows go to the rejects file with their line number and the reason."
        ),
    )
    draft.add_argument("input", help="the export (CSV) or JSON lines; - for standard input")
    draft.add_argument("-o", "--output", help="where to write the drafts (default: stdout)")
    draft.add_argument(
        "--profile", help="TOML profile: signature, contacts, templates (default: the example)"
    )
    draft.add_argument(
        "--rejects",
        help="where to write rejected rows (default: drafts.rejects.jsonl for -o drafts.jsonl, "
        "or stderr)",
    )
    draft.add_argument("--jobs", type=int, default=1, help="number of processes (default 1)")
    draft.add_argument(
        "--structure",
        action="append",
        metavar="NAME",
        help="only draft for this structure: its name or its id (repeatable)",
    )
    draft.add_argument(
        "--require-structure-profile",
        action="store_true",
        help="skip the structures that no [[structures]] section of the profile matches, "
        "instead of signing them with the default",
    )
    draft.add_argument(
        "--all", action="store_true", help="also draft experiences that already have an answer"
    )
    draft.add_argument(
        "--resume",
        action="store_true",
        help="go on from OUT.partial (what an interrupted run kept), else from OUT: keep "
        "its drafts and skip their ids",
    )
    draft.add_argument(
        "--templates", metavar="DIR", help="a folder of custom templates (over the profile's)"
    )
    draft.add_argument(
        "--excel",
        action="store_true",
        help="with -o OUT.csv: a CSV French Excel opens by double-click (UTF-8 with a BOM, "
        "; between cells, lists as plain text, one item a line)",
    )
    draft.add_argument(
        "--accept-rejects",
        action="store_true",
        help="exit 0 when some rows are rejected but every draft is written (the rejects "
        "file still lists them)",
    )
    draft.add_argument(
        "--fail-on-warning",
        action="store_true",
        help="exit 5 after a warning (no --profile, a profile section matching no "
        "structure): a nightly job's log is not read, its exit status is",
    )
    draft.add_argument(
        "--status",
        action="append",
        choices=STATUSES,
        help="write only the drafts of this status (repeatable): to_review (an error, or a "
        "sensitive case to read first), to_complete (a negative or neutral experience whose "
        "difficulty the draft does not name: add a sentence), ready",
    )
    draft.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the date the replies are written, for the apology for a late answer (default: today)",
    )
    draft.add_argument(
        "--encoding",
        metavar="NAME",
        help="the input's encoding (utf-8, cp1252, latin-1, utf-16…); default: detected "
        "from its first 64 KiB (a BOM, else UTF-8 when it reads as UTF-8, else cp1252)",
    )
    draft.add_argument("--quiet", action="store_true", help="no progress report")
    draft.set_defaults(run=_draft_command)

    profile = commands.add_parser(
        "profile",
        help="check a profile, and which section signs each structure of an export",
        description="Validate a profile (sprep profile check PROFILE) and, given an export, "
        "list per structure its rows, those waiting for an answer, and the section that "
        "would sign its drafts.",
    )
    profile.add_argument("action", choices=("check",))
    profile.add_argument("profile", help="the TOML profile")
    profile.add_argument("export", nargs="?", help="an export (CSV or JSON lines); - for stdin")
    profile.set_defaults(run=_profile_command)

    templates = commands.add_parser(
        "templates",
        help="list the template folders and steps, or preview replies",
        description="List the template folders and the phrasings of each step, preview "
        "sample replies (`sprep templates preview --sentiment negative`), or lint a folder "
        "of custom templates (`sprep templates lint DIR`: syntax errors with file:line, "
        "unknown variables, and the guide's rules over generated inputs).",
    )
    templates.add_argument("action", nargs="?", choices=("list", "preview", "lint"), default="list")
    templates.add_argument("folder", nargs="?", help="a folder of custom templates")
    templates.add_argument("--templates", metavar="DIR", help="a folder of custom templates")
    templates.add_argument("--sentiment", choices=SENTIMENTS, help="preview only this sentiment")
    templates.add_argument("--count", type=int, default=3, help="replies per sentiment (3)")
    templates.add_argument("--profile", help="TOML profile for the signature and contacts")
    templates.set_defaults(run=_templates_command)
    return parser


class _SubParser(argparse.ArgumentParser):
    """A command's parser: its help ends with the table of exit codes."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("epilog", _EPILOG)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(**kwargs)


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sprep``; returns the exit status."""
    parser = _parser()
    arguments, extra = parser.parse_known_args(argv)
    if arguments.command is None:  # bare `sprep`: the help, on stderr, as a usage error
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if extra:  # a wrong option after a command: that command's usage, not the top-level one
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        commands.choices[arguments.command].error(f"unrecognized arguments: {' '.join(extra)}")
    with _sigterm_raises():
        return _run(arguments)


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` in the main thread, so that files are cleaned up."""

    def terminated(number: int, frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stdout_closed() -> None:
    """Standard output is a closed pipe: send what is left in its buffer nowhere."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _run(arguments: argparse.Namespace) -> int:
    try:
        status: int = arguments.run(arguments, sys.stdout)
        sys.stdout.flush()
    except _Stopped as stopped:
        if isinstance(stopped.cause, Terminated):
            print(f"sprep: terminated (SIGTERM); {stopped.kept}", file=sys.stderr)
            return EXIT_TERMINATED
        print(f"sprep: interrupted; {stopped.kept}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except UsageError as error:
        print(f"sprep: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (FatalError, ProfileError) as error:
        print(f"sprep: {error}", file=sys.stderr)
        return EXIT_FATAL
    except SprepError as error:
        print(f"sprep: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("sprep: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Terminated:
        print("sprep: terminated (SIGTERM)", file=sys.stderr)
        return EXIT_TERMINATED
    except BrokenPipeError:  # e.g. piped into head
        _stdout_closed()
        print(
            "sprep: standard output was closed before the end (piped into head?): "
            "what it received is incomplete",
            file=sys.stderr,
        )
        return EXIT_BROKEN_PIPE
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
