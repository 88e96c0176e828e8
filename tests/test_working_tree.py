"""The test suite tests the code in the working tree, whatever copy is installed."""

from __future__ import annotations

from pathlib import Path

import sprep_templates

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_under_test_is_the_working_trees():
    """Editing src/ and running pytest tests the edit (pytest's pythonpath = src)."""
    assert Path(sprep_templates.__file__).resolve().is_relative_to(ROOT / "src")
