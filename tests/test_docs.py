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
    assert {
        "quickstart",
        "service",
        "notebook",
        "nightly",
        "reference",
        "threat-model",
        "benchmarks",
    } <= names


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
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            str(ROOT / "docs"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    reference = (tmp_path / "reference.html").read_text(encoding="utf-8")
    assert "from_export_row" in reference and "statuses_per_structure" in reference


def test_the_quickstart_commands_run_as_written(tmp_path):
    """The quickstart's shell commands (all but creating the venv and installing), in a
    fresh copy of the examples: the draft exits 0 and writes its drafts; the check runs
    (exit 1: the reply it writes has errors, which it shows)."""
    import os
    import shutil

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    shim = tmp_path / "bin" / "sprep"
    shim.parent.mkdir()
    shim.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m sprep_templates "$@"\n', encoding="utf-8"
    )
    shim.chmod(0o755)
    env = {
        **os.environ,
        "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT / "src"),
    }
    page = (ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8")
    commands = [
        line.split("  #")[0]
        for block in re.findall(r"```sh\n(.*?)```", page, re.S)
        for line in block.splitlines()
        if line.strip() and "pip install" not in line and "venv" not in line
    ]
    statuses = []
    for command in commands:
        done = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        statuses.append((command.split()[0], command.split()[1], done.returncode))
        if command.startswith("sprep check"):
            assert "solliciter" in done.stdout
    assert [(a, b if a == "sprep" else "", code) for a, b, code in statuses] == [
        ("sprep", "draft", 0),
        ("printf", "", 0),
        ("sprep", "check", 1),
    ]
    assert (tmp_path / "drafts.jsonl").read_text(encoding="utf-8").count("\n") == 7
