"""Drafts and findings as plain JSON-ready dicts: one record shape for the CLI and Python.

:func:`reply_record` is what ``sprep draft`` writes for each draft (its fields in
:data:`~sprep_templates.export.RECORD_FIELDS` order) and what :meth:`Reply.to_dict`
returns; :func:`finding_record` is one finding in it. The JSON Schema of a record
ships with the package: :func:`record_schema` (``schemas/draft-record.schema.json``).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from .checking._finding import finding_record
from .drafting._reply import reply_record

__all__ = ["finding_record", "record_schema", "reply_record"]


@cache
def _schema_text() -> str:
    return (
        resources.files("sprep_templates")
        .joinpath("schemas/draft-record.schema.json")
        .read_text(encoding="utf-8")
    )


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a draft record; ``$defs/finding`` is a finding's."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
