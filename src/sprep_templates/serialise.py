"""Drafts and findings as plain JSON-ready dicts: one record shape for the CLI and Python.

:func:`reply_record` is what ``sprep draft`` writes for each draft (its fields in
:data:`~sprep_templates.export.RECORD_FIELDS` order) and what :meth:`Reply.to_dict`
returns; :func:`finding_record` is one finding in it. The JSON Schema of a record
ships with the package: :func:`record_schema` (``schemas/draft-record.schema.json``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported for types only: compose and checking import this module
    from .checking import Finding
    from .drafting import Reply
    from .inputs import Structure

__all__ = ["finding_record", "record_schema", "reply_record"]


def finding_record(finding: Finding) -> dict[str, Any]:
    """``{"rule", "severity", "message", "start", "end"}``: spans are offsets in the
    reply's text (None for a finding about the whole reply)."""
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "start": finding.start,
        "end": finding.end,
    }


def reply_record(
    reply: Reply,
    *,
    id: str | None = None,
    structure: Structure | None = None,
    notes: Iterable[str] = (),
) -> dict[str, Any]:
    """The record of a draft, as ``sprep draft`` writes it: ``id`` and ``structure``
    identify it (None when not known), ``notes`` (remarks on the row) come before the
    reply's own notes. Lists are lists, everything JSON-ready."""
    return {
        "id": id,
        "structure_id": structure.id if structure else None,
        "structure": structure.name if structure else None,
        "sentiment": reply.sentiment,
        "tone": reply.tone,
        "status": reply.status,
        "attention": list(reply.attention),
        "word_count": reply.word_count,
        "text": reply.text,
        "body": reply.body,
        "personalised_by": list(reply.personalised_by),
        "notes": [*notes, *reply.notes],
        "findings": [finding_record(f) for f in reply.findings],
    }


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
