"""How drafts, findings and results show in a notebook: French labels, a colour per
status, the findings highlighted where they are in the text, readable reprs.

Everything the public typed is HTML-escaped before it is shown.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Protocol

__all__ = [
    "STATUS_COLOURS",
    "STATUS_LABELS",
    "STEP_LABELS",
    "findings_html",
    "highlighted",
    "plain_repr",
    "status_badge",
]

#: The six steps as the guide names them, in French.
STEP_LABELS = {
    "greeting": "Salutation",
    "thanks": "Remerciement",
    "acknowledgement": "Ressenti",
    "orientation": "Orientation",
    "improvement": "Amélioration",
    "signature": "Signature",
}

STATUS_LABELS = {
    "ready": "prête",
    "to_complete": "à compléter",
    "to_review": "à revoir",
    "rejected": "rejetée",
    "skipped": "écartée",
}
STATUS_COLOURS = {
    "ready": "#1a7f37",  # green
    "to_complete": "#9a6700",  # amber
    "to_review": "#cf222e",  # red
    "rejected": "#cf222e",
    "skipped": "#666666",
}
_SEVERITY_COLOURS = {"error": "#cf222e", "warning": "#9a6700"}
_MARKS = {"error": "#ffd7d5", "warning": "#fff1c2"}


class _Finding(Protocol):
    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def start(self) -> int | None: ...
    @property
    def end(self) -> int | None: ...


def status_badge(status: str) -> str:
    """The status, in French, in its colour."""
    colour = STATUS_COLOURS.get(status, "#666666")
    label = html.escape(STATUS_LABELS.get(status, status))
    return f'<span style="color:{colour};font-weight:bold">{label}</span>'


def highlighted(text: str, offset: int, findings: Sequence[_Finding]) -> str:
    """``text`` (which starts at ``offset`` in the reply) escaped, with each finding's
    span in it marked; overlapping spans are marked from the first one's start."""
    spans = sorted(
        (
            (max(f.start, offset) - offset, min(f.end, offset + len(text)) - offset, f)
            for f in findings
            if f.start is not None
            and f.end is not None
            and f.start < offset + len(text)
            and f.end > offset
        ),
        key=lambda span: span[:2],  # by place only: two findings of one span never compare
    )
    parts, position = [], 0
    for start, end, finding in spans:
        if start < position:
            continue
        parts.append(html.escape(text[position:start]))
        parts.append(
            f'<mark style="background:{_MARKS.get(finding.severity, "#eee")}" '
            f'title="{html.escape(finding.rule)}: {html.escape(finding.message)}">'
            f"{html.escape(text[start:end])}</mark>"
        )
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts).replace("\n", "<br>")


def findings_html(findings: Iterable[_Finding]) -> str:
    """The findings as a list, grouped by rule (errors first within each)."""
    items = sorted(findings, key=lambda f: (f.rule, f.severity != "error"))
    if not items:
        return ""
    rows = "".join(
        f'<li style="color:{_SEVERITY_COLOURS.get(f.severity, "#666")}">'
        f"{'erreur' if f.severity == 'error' else 'à vérifier'} "
        f"[{html.escape(f.rule)}] {html.escape(f.message)}</li>"
        for f in items
    )
    return f"<ul>{rows}</ul>"


def plain_repr(name: str, **fields: object) -> str:
    """``Name(field=value, …)`` with text shown as it reads (no ``\\xa0`` escapes),
    long text cut to 60 characters."""
    shown = []
    for key, value in fields.items():
        if isinstance(value, str):
            text = " ".join(value.split("\n"))
            text = text if len(text) <= 60 else text[:59] + "…"
            shown.append(f"{key}='{text}'")
        else:
            shown.append(f"{key}={value!r}")
    return f"{name}({', '.join(shown)})"
