"""What a rule reports: :class:`Finding`."""

from __future__ import annotations

from typing import Literal

import attrs

from ..display import findings_html, plain_repr

__all__ = ["Finding", "Severity"]

#: ``error`` breaks the guide; ``warning`` deserves a look.
Severity = Literal["error", "warning"]


@attrs.frozen(repr=False)
class Finding:
    """One thing a reply does against the guide.

    ``start``/``end`` delimit the text concerned (``text[start:end]``), or are
    None when the finding is about the whole reply.
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

    def _repr_html_(self) -> str:
        return findings_html([self])

    def position(self, text: str) -> tuple[int, int]:
        """Line and column (both from 1) of ``start`` in ``text``; (1, 1) without a span."""
        if self.start is None:
            return (1, 1)
        line = text.count("\n", 0, self.start) + 1
        column = self.start - (text.rfind("\n", 0, self.start) + 1) + 1
        return (line, column)
