"""The documentation site (docs/): every page's Python examples run as written and print
what the page says (the README's rule, tests/test_readme.py), and Sphinx builds it with
warnings as errors when it is installed (``.ci/run`` installs the ``docs`` extra)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_readme import check, expected_prints

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").glob("*.md"))
EXAMPLES = [
    pytest.param(page, number, block, id=f"{page.name}#{number}")
    for page in PAGES
    for number, block in enumerate(
        re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S), start=1
    )
]


def test_the_site_has_a_page_per_audience():
    names = {page.stem for page in PAGES}
    assert {"quickstart", "service", "notebook", "nightly", "reference", "threat-model", "benchmarks"} <= names


@pytest.mark.parametrize(("page", "number", "block"), EXAMPLES)
def test_every_example_runs_and_prints_what_it_says(page, number, block, monkeypatch):
    if "import pandas" in block or "results_frame" in block:
        pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)  # examples name files as a clone's root has them
    check(block, {})


def test_most_examples_say_what_they_print():
    said = sum(bool(expected_prints(block)) for _, _, block in (p.values for p in EXAMPLES))
    assert said >= 6


def test_sphinx_builds_without_warnings(tmp_path):
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(ROOT / "docs"), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    reference = (tmp_path / "reference.html").read_text(encoding="utf-8")
    assert "from_export_row" in reference and "statuses_per_structure" in reference
