"""Sphinx configuration: MyST Markdown pages, the API reference from the docstrings."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # document the working tree, as the tests test it

project = "sprep_templates"
author = "sprep_templates developers"
copyright = "2026, sprep_templates developers"
language = "en"

extensions = ["myst_parser", "sphinx.ext.autodoc"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
# attrs classes: the fields are described in each class's docstring
autodoc_class_signature = "separated"

html_theme = "alabaster"
html_title = "sprep_templates"
