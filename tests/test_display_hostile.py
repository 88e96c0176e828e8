"""A reply shown in a notebook whatever its findings: two findings of the same span (a
signature and a tone finding on the same closing paragraph, as real replies give) made
``check_reply(...)`` in a cell raise ``TypeError: '<' not supported between instances
of 'Finding' and 'Finding'`` (the spans were sorted with the findings themselves)."""

from __future__ import annotations

from sprep_templates import Finding
from sprep_templates.checking import CheckResult
from sprep_templates.display import highlighted


def _finding(rule: str, start: int, end: int, severity: str = "warning") -> Finding:
    return Finding(rule=rule, severity=severity, message=f"<b>{rule}</b>", start=start, end=end)  # type: ignore[arg-type]


def test_two_findings_of_the_same_span_are_shown() -> None:
    text = "Bonjour,\n\nCordialement,\nJean <script>"
    same = [_finding("signature", 10, len(text)), _finding("tone", 10, len(text), "error")]
    shown = highlighted(text, 0, same)
    assert shown.count("<mark") == 1  # overlapping spans: marked from the first one
    assert "&lt;script&gt;" in shown and "<script>" not in shown


def test_a_check_result_with_findings_of_the_same_span_shows_in_a_notebook() -> None:
    text = "Bonjour,\n\nCordialement,\nJean"
    result = CheckResult(
        [_finding("signature", 10, len(text)), _finding("tone", 10, len(text))], text
    )
    page = result._repr_html_()
    assert "signature" in page and "tone" in page
