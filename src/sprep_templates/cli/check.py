"""``sprep check``: one reply's findings, or a column of replies audited (``--jsonl``)."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, BinaryIO, TextIO

from ..audit import AuditReport, NotChecked
from ..checking import RULES, Finding, StockGroup, check_reply, find_stock_groups, stock_finding
from ..exceptions import InvalidInputError
from ._common import (
    EXIT_ERRORS_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    FatalError,
    UsageError,
    encoding_of,
    read_bounded,
)
from ._replies import ID_FIELDS, ReplyTable, kept_aside, replies, reply_id, taken_back
from ._terminal import TerminalWriter, shown

__all__ = ["ID_FIELDS", "check_command"]


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


def check_command(arguments: argparse.Namespace, out: TextIO) -> int:
    """``sprep check``: findings as text (controls from the input escaped) or JSON."""
    if arguments.format != "json":  # JSON escapes its own controls; a reader parses it
        out = TerminalWriter(out)  # type: ignore[assignment]
    options = {
        "closing_added": arguments.closing_added,
        "locale": arguments.locale,
        "official_domains": arguments.official_domain,
    }
    if arguments.jsonl is None:
        if arguments.file is None:
            raise UsageError("give the FILE to check (or - for standard input), or --jsonl FILE")
        text = read_bounded(arguments.file, encoding_of(arguments))
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
        if path == "-":
            source: BinaryIO = sys.stdin.buffer
        else:
            try:
                source = stack.enter_context(open(path, "rb"))
            except OSError as error:
                raise UsageError(f"cannot read {path}: {error.strerror}") from None
        table = ReplyTable(path, arguments.field, encoding_of(arguments))
        # Read twice: once to group the replies, once to check them. A regular file is
        # read again; from standard input, a named pipe or a device, the replies read
        # (each row within the export's row limit) are kept aside, not the raw bytes: an
        # endless line is refused at its limit instead of filling the disk.
        if path != "-" and stat.S_ISREG(os.fstat(source.fileno()).st_mode):
            first_pass = replies(table, source)

            def second_pass() -> Iterator[tuple[int, dict[str, Any], str]]:
                source.seek(0)
                return replies(table, source)
        else:
            spool = stack.enter_context(tempfile.TemporaryFile("w+", encoding="ascii"))
            first_pass = kept_aside(replies(table, source), spool)

            def second_pass() -> Iterator[tuple[int, dict[str, Any], str]]:
                return taken_back(spool, table.field)

        groups = find_stock_groups(
            ((str(number), text) for number, _row, text in first_pass),
            min_size=arguments.stock_min,
            similarity=arguments.similarity,
        )
        group_of: dict[int, StockGroup] = {int(n): group for group in groups for n in group.ids}
        names: dict[int, str] = {}
        checked = failing = 0
        refused = NotChecked()
        errors_by_rule: Counter[str] = Counter()
        warnings_by_rule: Counter[str] = Counter()
        for number, row, reply_text in second_pass():
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
                refused.add(number, str(error))
                continue
            group = group_of.get(number)
            if group is not None:
                findings.append(stock_finding(group, arguments.locale))
                names[number] = reply_id(row, number, arguments.id_field)
            checked += 1
            failing += any(f.severity == "error" for f in findings)
            if audit is not None:
                audit.add(number, reply_id(row, number, arguments.id_field), findings)
            errors_by_rule.update({f.rule for f in findings if f.severity == "error"})
            warnings_by_rule.update({f.rule for f in findings if f.severity == "warning"})
            if arguments.details and audit is None:
                name = reply_id(row, number, arguments.id_field)
                _print_findings(
                    f"{shown(path)}:{number}" if name == f"line {number}" else shown(name),
                    reply_text,
                    findings,
                    out,
                )
        not_checked = table.unreadable.joined(refused)
    # A row the audit could not check is a problem of the file (exit 2, as a file that
    # cannot be read, even with --exit-zero, which hides the replies' own errors): the
    # other rows are still checked and reported.
    status = (
        EXIT_USAGE
        if not_checked.total
        else EXIT_ERRORS_FOUND
        if failing and not arguments.exit_zero
        else EXIT_OK
    )
    if audit is not None:
        out.write(audit.json(RULES, errors_by_rule, warnings_by_rule, groups, names, not_checked))
        return status
    out.write(f"{checked} replies checked, {failing} with at least one error\n")
    if not_checked.total:
        out.write(not_checked.heading() + "\n")
        out.write("".join(f"    line {line}: {why}\n" for line, why in not_checked.listed))
    out.write(f"{'rule':<15}{'errors':>8}{'warnings':>10}\n")
    for rule in RULES:
        out.write(f"{rule:<15}{errors_by_rule[rule]:>8}{warnings_by_rule[rule]:>10}\n")
    out.write(
        f"{len(groups)} group(s) of stock replies (the same text sent "
        f"{arguments.stock_min} times or more, names, numbers, dates and links aside)\n"
    )
    for group in groups:
        how = "the same text" if group.exact else "nearly the same text"
        listed = ", ".join(shown(names[int(n)]) for n in group.ids)
        out.write(f"{group.size} replies, {how}: {listed}\n")
        out.write("".join(f"    {line}".rstrip() + "\n" for line in group.text.splitlines()))
    return status
