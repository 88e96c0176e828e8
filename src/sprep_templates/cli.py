"""The ``sprep`` command: a thin adapter over the library.

Expected errors become one line on stderr and an exit status, in one place
(:func:`main`); a traceback only ever means a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import attrs

from .checking import RULES, Finding, check_reply
from .compose import draft_reply
from .environment import STEPS, load_template_set
from .exceptions import InvalidInputError, SprepError, UnreadableInputError
from .export import (
    STATUSES,
    atomic_output,
    draft_export,
    ids_already_in,
    read_rows,
    write_csv_header,
)
from .inputs import SENTIMENTS, Contact, Experience
from .lint import lint_templates
from .profile import Profile, ProfileError, example_profile_path

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_ERRORS_FOUND",
    "EXIT_FATAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_REJECTED",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
EXIT_ERRORS_FOUND = 1  # `check`: at least one error finding
EXIT_USAGE = 2  # bad arguments, unreadable input
EXIT_REJECTED = 3  # `draft`: some rows were rejected (and written to the rejects file)
EXIT_FATAL = 4  # `draft`: nothing could be done (unreadable profile, unwritable output)
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_BROKEN_PIPE = 141  # standard output closed before the end (128 + SIGPIPE)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)


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


def _open_text(path: str) -> TextIO:
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="strict")
    try:
        return open(path, encoding="utf-8-sig", newline="")
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None


def _read_all(path: str) -> str:
    with _open_text(path) as stream:
        try:
            return stream.read()
        except UnicodeDecodeError as error:
            raise UsageError(
                f"{path} is not UTF-8 text (byte {error.start}): convert it to UTF-8"
            ) from None


def _print_findings(name: str, text: str, findings: Sequence[Finding], out: TextIO) -> None:
    for finding in findings:
        line, column = finding.position(text)
        out.write(
            f"{name}:{line}:{column}: {finding.severity} [{finding.rule}] {finding.message}\n"
        )


def _table_rows(path: str, field: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(first line number, row) of a JSON-lines or CSV file, read as ``sprep draft`` reads."""
    try:
        source = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror}") from None
    with source:
        try:
            form, rows = read_rows(source)
            if not form.jsonl and field not in form.names:
                raise UsageError(f"{path} has no column {field!r}")
            for row in rows:
                if row.blank:
                    continue
                if row.fields is None:
                    raise UsageError(f"{path}:{row.line}: {row.problem}")
                yield row.line, dict(row.fields)
        except UnreadableInputError as error:
            raise UsageError(f"cannot read {path}: {error}") from None


def _check_command(arguments: argparse.Namespace, out: TextIO) -> int:
    options = {
        "closing_added": arguments.closing_added,
        "locale": arguments.locale,
        "official_domains": arguments.official_domain,
    }
    if arguments.jsonl is None:
        if arguments.file is None:
            raise UsageError("give the FILE to check (or - for standard input), or --jsonl FILE")
        text = _read_all(arguments.file)
        findings = check_reply(
            text, pseudonym=arguments.pseudonym, sentiment=arguments.sentiment, **options
        )
        _print_findings(arguments.file, text, findings, out)
        errors = sum(f.severity == "error" for f in findings)
        warnings = len(findings) - errors
        out.write(f"{errors} error(s), {warnings} warning(s)\n")
        return EXIT_ERRORS_FOUND if errors else EXIT_OK

    checked = failing = 0
    errors_by_rule: Counter[str] = Counter()
    warnings_by_rule: Counter[str] = Counter()
    for number, row in _table_rows(arguments.jsonl, arguments.field):
        reply_text = row.get(arguments.field)
        if not isinstance(reply_text, str) or not reply_text.strip():
            continue
        try:
            findings = check_reply(
                reply_text,
                pseudonym=row.get(arguments.pseudonym_field) if arguments.pseudonym_field else None,
                sentiment=row.get(arguments.sentiment_field) if arguments.sentiment_field else None,
                **options,
            )
        except InvalidInputError as error:
            raise UsageError(f"{arguments.jsonl}:{number}: {error}") from None
        checked += 1
        failing += any(f.severity == "error" for f in findings)
        errors_by_rule.update({f.rule for f in findings if f.severity == "error"})
        warnings_by_rule.update({f.rule for f in findings if f.severity == "warning"})
        if arguments.details:
            _print_findings(f"{arguments.jsonl}:{number}", reply_text, findings, out)
    out.write(f"{checked} replies checked, {failing} with at least one error\n")
    out.write(f"{'rule':<15}{'errors':>8}{'warnings':>10}\n")
    for rule in RULES:
        out.write(f"{rule:<15}{errors_by_rule[rule]:>8}{warnings_by_rule[rule]:>10}\n")
    return EXIT_ERRORS_FOUND if failing else EXIT_OK


# --- sprep draft ------------------------------------------------------------------


class _Progress:
    """A one-line progress report on stderr, only on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, rows: int) -> None:
        now = time.monotonic()
        if self.enabled and now - self.shown > 0.2:
            self.shown = now
            rate = rows / max(now - self.started, 1e-9)
            sys.stderr.write(f"\rsprep: {rows:,} rows ({rate:,.0f} rows/s)")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")


def _draft_command(arguments: argparse.Namespace, out: TextIO) -> int:
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
        load_template_set(profile.template_dir)
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
    try:
        done_ids = ids_already_in(output) if arguments.resume and output else set()
    except UnreadableInputError as error:
        raise FatalError(str(error)) from None
    try:
        source = sys.stdin.buffer if arguments.input == "-" else open(arguments.input, "rb")
    except OSError as error:
        raise FatalError(f"cannot read {arguments.input}: {error.strerror}") from None

    counts: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    progress = _Progress(sys.stderr.isatty() and not arguments.quiet)
    as_csv = output is not None and output.suffix.lower() == ".csv"
    if output is None:
        kept = "the drafts already printed on standard output are incomplete"
    elif rejects_path is None:
        kept = f"nothing was written: {output} is as it was"
    else:
        kept = f"nothing was written: {output} and {rejects_path} are as they were"
    writing: Path | str = output or "standard output"
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(source)
            if output is None:
                stream = out
            else:
                keep = arguments.resume and output.exists() and output.stat().st_size > 0
                writing = output
                stream = stack.enter_context(atomic_output(output, keep_existing=keep))
                if as_csv and not keep:
                    write_csv_header(stream)
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
                        include_answered=arguments.all,
                        as_csv=as_csv,
                        skip_ids=done_ids,
                        statuses=arguments.status or None,
                        today=arguments.today,
                    )
                )
            )
            for chunk in chunks:
                counts["read"] += chunk.rows
                progress.update(counts["read"])
                stream.write(chunk.output)
                counts.update(chunk.statuses)
                counts["drafted"] += sum(chunk.statuses.values())
                counts["rejected"] += len(chunk.rejects)
                skipped.update(chunk.skipped)
                for line in chunk.rejects:
                    if rejects_stream is not None:
                        writing = str(rejects_path)
                        rejects_stream.write(line + "\n")
                        writing = output or "standard output"
                    else:
                        print(f"sprep: rejected {line}", file=sys.stderr)
            progress.close()
            # Everything on disk before anything is renamed: a full disk fails here,
            # and then neither file replaces what was there.
            for path, written in ((output, stream), (rejects_path, rejects_stream)):
                if path is not None and written is not None:
                    writing = str(path)
                    written.flush()
                    os.fsync(written.fileno())
            stack.pop_all().close()
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
    print(
        f"sprep: {counts['read']} rows read: {counts['drafted']} drafted "
        f"({counts['ready']} ready, {counts['to_complete']} to complete, "
        f"{counts['to_review']} to review), "
        f"{counts['rejected']} rejected"
        + (f" (see {rejects_path})" if counts["rejected"] and rejects_path else "")
        + f", {skipped_total} skipped"
        + (f" ({details})" if details else ""),
        file=sys.stderr,
    )
    return EXIT_REJECTED if counts["rejected"] else EXIT_OK


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sprep",
        description="Draft and check replies to Services Publics + experiences (DITP guide).",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser(
        "check",
        help="check replies against the guide's rules",
        description=(
            "Check a reply (a text file, or - for standard input) and print its findings as "
            "FILE:LINE:COLUMN: severity [rule] message. Exit status: 0 no error, 1 errors "
            "found, 2 bad usage. With --jsonl, check a column of a JSON-lines or CSV file and "
            "print how many replies break each rule."
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
    check.add_argument("--locale", choices=("fr", "en"), default="fr", help="language of messages")
    check.add_argument("--details", action="store_true", help="with --jsonl: print every finding")
    check.set_defaults(run=_check_command)

    draft = commands.add_parser(
        "draft",
        help="prefill a draft for every experience of the platform's export",
        description=(
            "Draft a reply for every experience waiting for an answer in the platform's CSV "
            "export (or JSON lines with the Experience fields). Writes JSON lines (or CSV, by "
            "the extension of OUT): id, sentiment, tone, status, attention, word_count, text, "
            "body, personalised_by, notes, findings. "
            "Bad rows go to the rejects file with their line number and the reason. Exit "
            "status: 0 all drafted, 3 some rows rejected, 4 fatal error (unreadable input or "
            "profile, output that cannot be written), 2 bad usage, 130 interrupted, 143 "
            "terminated (SIGTERM), 141 standard output closed before the end."
        ),
    )
    draft.add_argument("input", help="the export (CSV) or JSON lines; - for standard input")
    draft.add_argument("-o", "--output", help="where to write the drafts (default: stdout)")
    draft.add_argument(
        "--profile", help="TOML profile: signature, contacts, templates (default: the example)"
    )
    draft.add_argument(
        "--rejects", help="where to write rejected rows (default: OUT.rejects.jsonl, or stderr)"
    )
    draft.add_argument("--jobs", type=int, default=1, help="number of processes (default 1)")
    draft.add_argument("--structure", help="only experiences concerning this structure")
    draft.add_argument(
        "--all", action="store_true", help="also draft experiences that already have an answer"
    )
    draft.add_argument("--resume", action="store_true", help="skip the ids already in OUT")
    draft.add_argument(
        "--templates", metavar="DIR", help="a folder of custom templates (over the profile's)"
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
    draft.add_argument("--quiet", action="store_true", help="no progress report")
    draft.set_defaults(run=_draft_command)

    templates = commands.add_parser(
        "templates",
        help="list the template folders and steps, or preview replies",
        description="List the template folders and the phrasings of each step, preview "
        "sample replies (`sprep templates preview --sentiment negative`), or lint a folder "
        "of custom templates (`sprep templates lint DIR`: syntax errors with file:line, "
        "unknown variables, and the guide's rules over generated inputs; exit status 1 "
        "when there is a problem).",
    )
    templates.add_argument("action", nargs="?", choices=("list", "preview", "lint"), default="list")
    templates.add_argument("folder", nargs="?", help="a folder of custom templates")
    templates.add_argument("--templates", metavar="DIR", help="a folder of custom templates")
    templates.add_argument("--sentiment", choices=SENTIMENTS, help="preview only this sentiment")
    templates.add_argument("--count", type=int, default=3, help="replies per sentiment (3)")
    templates.add_argument("--profile", help="TOML profile for the signature and contacts")
    templates.set_defaults(run=_templates_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sprep``; returns the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
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
