"""A supervisor's audit as one JSON object (``sprep check --jsonl FILE --format json``).

``checked`` and ``failing`` (replies with at least one error), ``by_rule`` (per rule,
how many replies have an error or a warning of it), ``stock_groups`` (replies sent
as the same text) and ``replies``: each reply's ``line``, ``id`` and findings
(``Finding.to_dict()``), in the file's order.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from .checking import Finding, StockGroup

__all__ = ["MAX_NOT_CHECKED_LISTED", "AuditReport", "NotChecked"]

#: The rows not checked a report lists, the first ones by line (the others are counted):
#: a file of a million broken rows gives a report of a few kilobytes.
MAX_NOT_CHECKED_LISTED = 100


@attrs.define
class NotChecked:
    """The rows an audit could not read or check: (line, why) of the first
    :data:`MAX_NOT_CHECKED_LISTED` by line, and how many there were."""

    listed: list[tuple[int, str]] = attrs.field(factory=list)
    total: int = 0

    def add(self, line: int, why: str) -> None:
        """One more row not checked (rows come in the file's order)."""
        self.total += 1
        if len(self.listed) < MAX_NOT_CHECKED_LISTED:
            self.listed.append((line, why))

    def joined(self, other: NotChecked) -> NotChecked:
        """Both, the first rows by line listed."""
        listed = sorted(self.listed + other.listed)[:MAX_NOT_CHECKED_LISTED]
        return NotChecked(listed, self.total + other.total)

    def heading(self) -> str:
        """ "3 rows not checked:", "1000000 rows not checked (the first 100 listed):"."""
        rows = "row" if self.total == 1 else "rows"
        first = f" (the first {len(self.listed)} listed)" if len(self.listed) < self.total else ""
        return f"{self.total} {rows} not checked{first}:"


@attrs.define
class AuditReport:
    """The replies of an audit, gathered one by one, then written as JSON (:meth:`json`).

    ``path`` is the file audited; ``replies`` the records gathered by :meth:`add`.
    """

    path: str
    replies: list[dict[str, Any]] = attrs.field(factory=list)

    def add(self, line: int, name: str, findings: Iterable[Finding]) -> None:
        """One reply checked: its line in the file, its id (or ``line N``), its findings."""
        listed = [finding.to_dict() for finding in findings]
        self.replies.append(
            {
                "line": line,
                "id": name,
                "errors": sum(f["severity"] == "error" for f in listed),
                "findings": listed,
            }
        )

    def json(
        self,
        rules: Sequence[str],
        errors_by_rule: Mapping[str, int],
        warnings_by_rule: Mapping[str, int],
        groups: Sequence[StockGroup],
        names: Mapping[int, str],
        not_checked: Sequence[tuple[int, str]] | NotChecked = (),
    ) -> str:
        """The whole report, indented, with a final line end. ``not_checked``: (line,
        why) of each row that could not be read or whose reply could not be checked,
        or a :class:`NotChecked` (its first rows listed, ``not_checked_total`` all)."""
        if not isinstance(not_checked, NotChecked):
            not_checked = NotChecked(list(not_checked), len(not_checked))
        report = {
            "file": self.path,
            "checked": len(self.replies),
            "failing": sum(1 for reply in self.replies if reply["errors"]),
            "not_checked": [{"line": line, "reason": why} for line, why in not_checked.listed],
            "not_checked_total": not_checked.total,
            "by_rule": {
                rule: {
                    "errors": errors_by_rule.get(rule, 0),
                    "warnings": warnings_by_rule.get(rule, 0),
                }
                for rule in rules
            },
            "stock_groups": [
                {
                    "size": group.size,
                    "exact": group.exact,
                    "ids": [names[int(n)] for n in group.ids],
                    "text": group.text,
                }
                for group in groups
            ],
            "replies": self.replies,
        }
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
