"""The documentation as one text: the README (a front page) and every page of docs/, for
the tests that check what it says (an exit code table, a bound, a file name)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def documentation() -> str:
    """README.md, then docs/*.md in name order."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return "\n\n".join(page.read_text(encoding="utf-8") for page in pages)


GUIDE = ROOT / "docs" / "guide.md"
