"""What :func:`check_reply` returns: the findings (a list, as always) and the text checked,
which a notebook shows with the findings highlighted where they are."""

from __future__ import annotations

from collections.abc import Iterable

from ..display import findings_html, highlighted
from ._finding import Finding

__all__ = ["CheckResult"]


class CheckResult(list[Finding]):
    """The findings of :func:`check_reply`, in rule order then by position: a ``list``
    (index it, append to it, compare it with a list) that also keeps the ``text`` it is
    about. In Jupyter it shows that text with each finding highlighted where it is,
    then the findings grouped by rule; ``str()`` gives one line per finding, whole.
    """

    #: The reply the findings are about (their ``start``/``end`` index it).
    text: str

    def __init__(self, findings: Iterable[Finding] = (), text: str = "") -> None:
        super().__init__(findings)
        self.text = text

    @property
    def errors(self) -> list[Finding]:
        """The findings that break the guide (severity ``error``)."""
        return [f for f in self if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        """The findings that deserve a look (severity ``warning``)."""
        return [f for f in self if f.severity == "warning"]

    def __str__(self) -> str:
        return "\n".join(str(f) for f in self)

    def _repr_html_(self) -> str:
        """Jupyter display: the text with its findings marked (hover a mark for its
        message), the counts, then every finding in full. Everything is HTML-escaped."""
        body = highlighted(self.text, 0, self)
        counts = f"<p>{len(self.errors)} erreur(s), {len(self.warnings)} point(s) à vérifier</p>"
        return (
            '<div><p style="text-align:left;white-space:normal">'
            f"{body}</p>{counts}{findings_html(self)}</div>"
        )
