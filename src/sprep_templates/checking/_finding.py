"""What a rule reports: :class:`Finding`."""

from __future__ import annotations

from typing import Any, Literal

import attrs

from ..display import findings_html, plain_repr

__all__ = ["Finding", "Severity", "finding_record"]

#: ``error`` breaks the guide; ``warning`` deserves a look.
Severity = Literal["error", "warning"]


@attrs.frozen(repr=False)
class Finding:
    """One thing a reply does against the guide.

    ``start``/``end`` delimit the text concerned (``text[start:end]``), or are
    None when the finding is about the whole reply.

    ``rule``: the rule's stable id (``jargon``, ``steps``…); ``severity``: ``error``
    or ``warning``; ``message``: what to change, whole (``str(finding)`` keeps it all).
    """

    rule: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None

    def __repr__(self) -> str:
        return plain_repr(
            "Finding",
            rule=self.rule,
            severity=self.severity,
            message=self.message,
            start=self.start,
            end=self.end,
        )

    def __str__(self) -> str:
        """``error [jargon] 12-30: the whole message`` (never cut: a log line keeps it)."""
        where = f" {self.start}-{self.end}" if self.start is not None else ""
        return f"{self.severity} [{self.rule}]{where}: {self.message}"

    def _repr_html_(self) -> str:
        """Jupyter display: the finding in its severity's colour."""
        return findings_html([self])

    def to_dict(self) -> dict[str, Any]:
        """``{"rule", "severity", "message", "start", "end"}``, JSON-ready (the
        ``findings`` items of a draft record; schema: ``serialise.record_schema()``)."""
        return finding_record(self)

    def position(self, text: str) -> tuple[int, int]:
        """Line and column (both from 1) of ``start`` in ``text``; (1, 1) without a span."""
        if self.start is None:
            return (1, 1)
        line = text.count("\n", 0, self.start) + 1
        column = self.start - (text.rfind("\n", 0, self.start) + 1) + 1
        return (line, column)


def finding_record(finding: Finding) -> dict[str, Any]:
    """``{"rule", "severity", "message", "start", "end"}``: spans are offsets in the
    reply's text (None for a finding about the whole reply)."""
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "start": finding.start,
        "end": finding.end,
    }
