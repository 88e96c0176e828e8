"""The ``sprep`` command: a thin adapter over the library.

Expected errors become one line on stderr and an exit status, in one place
(:func:`main`); a traceback only ever means a bug.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TextIO

from .checker import RULES, Finding, check_reply
from .exceptions import SprepError

__all__ = ["EXIT_ERRORS_FOUND", "EXIT_FATAL", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_ERRORS_FOUND = 1  # `check`: at least one error finding
EXIT_USAGE = 2  # bad arguments, unreadable input
EXIT_REJECTED = 3  # `draft`: some rows were rejected (and written to the rejects file)
EXIT_FATAL = 4  # `draft`: nothing could be done (unreadable profile, unwritable output)


class UsageError(SprepError):
    """A mistake in how the command was called; exit status 2."""


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


def _table_rows(path: str, field: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) from a JSON-lines file, or a CSV file by its extension."""
    stream = _open_text(path)
    with stream:
        if path.lower().endswith(".csv"):
            header = stream.readline()
            stream.seek(0)
            delimiter = ";" if header.count(";") > header.count(",") else ","
            reader = csv.DictReader(stream, delimiter=delimiter)
            if reader.fieldnames is None or field not in reader.fieldnames:
                raise UsageError(f"{path} has no column {field!r}")
            for row in reader:
                yield reader.line_num, row
            return
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise UsageError(f"{path}:{number}: not a JSON line ({error.msg})") from None
            if not isinstance(row, dict):
                raise UsageError(f"{path}:{number}: a JSON line must be an object")
            yield number, row


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
        findings = check_reply(
            reply_text,
            pseudonym=row.get(arguments.pseudonym_field) if arguments.pseudonym_field else None,
            sentiment=row.get(arguments.sentiment_field) if arguments.sentiment_field else None,
            **options,
        )
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sprep``; returns the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        status: int = arguments.run(arguments, sys.stdout)
    except UsageError as error:
        print(f"sprep: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SprepError as error:
        print(f"sprep: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return EXIT_OK
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
