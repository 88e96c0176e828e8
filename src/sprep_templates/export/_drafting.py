"""Drafting rows: one :class:`Drafted`, :class:`Rejected` or :class:`Skipped` result per row.

A bad row never stops the batch: it becomes a :class:`Rejected` result with
its line number, the reason and the row as it came. Only the library's own
refusals (:class:`~sprep_templates.SprepError`) reject a row; any other
exception is a bug and is raised.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

import attrs

from ..compose import Reply, draft_reply
from ..exceptions import SprepError
from ..profile import Profile
from ._columns import experience_from_fields, is_missing, repair_c1, row_id
from ._reading import Row

__all__ = ["Drafted", "Rejected", "Result", "Skipped", "draft_many", "draft_row"]


@attrs.frozen
class Drafted:
    """A row drafted: the reply and what identifies it."""

    line: int
    id: str | None
    reply: Reply
    #: Remarks on the row itself (a date that could not be read).
    notes: tuple[str, ...] = ()

    @property
    def status(self) -> str:
        """``to_review`` (an error, or a sensitive case to read first), ``to_complete``
        (the reply names nothing of a negative or neutral experience's difficulty), or
        ``ready``: see :attr:`Reply.status`."""
        return self.reply.status

    def record(self) -> dict[str, Any]:
        """The output record, its fields in ``RECORD_FIELDS`` order."""
        reply = self.reply
        return {
            "id": self.id,
            "sentiment": reply.sentiment,
            "tone": reply.tone,
            "status": self.status,
            "attention": list(reply.attention),
            "word_count": reply.word_count,
            "text": reply.text,
            "body": reply.body,
            "personalised_by": list(reply.personalised_by),
            "notes": [*self.notes, *reply.notes],
            "findings": [attrs.asdict(f) for f in reply.findings],
        }


@attrs.frozen
class Rejected:
    """A row that could not be drafted, with the reason and the row as it came."""

    line: int
    reason: str
    raw: str
    id: str | None = None

    def record(self) -> dict[str, Any]:
        """The rejects-file record: line, id, reason and the raw row."""
        return {"line": self.line, "id": self.id, "reason": self.reason, "raw": self.raw}


@attrs.frozen
class Skipped:
    """A row left out on purpose: already answered, or about another structure."""

    line: int
    id: str | None
    why: str


Result = Drafted | Rejected | Skipped


def _fold_space(text: str) -> str:
    return " ".join(text.casefold().split())


def draft_row(
    row: Row,
    profile: Profile,
    *,
    structure: str | None = None,
    include_answered: bool = False,
    today: date | None = None,
) -> Result:
    """Draft one row: a :class:`Drafted`, :class:`Rejected` or :class:`Skipped` result.

    ``today`` is the date the replies are written (None: today's date)."""
    if row.blank:
        return Skipped(row.line, None, "blank")
    if row.fields is None:
        return Rejected(row.line, row.problem or "unreadable row", row.raw)
    identifier = row_id(row.fields)
    try:
        fields = {k: repair_c1(v) if isinstance(v, str) else v for k, v in row.fields.items()}
    except UnicodeDecodeError:
        return Rejected(
            row.line, "a control character that no encoding explains", row.raw, identifier
        )
    try:
        read = experience_from_fields(fields)
    except SprepError as error:
        return Rejected(row.line, str(error), row.raw, identifier)
    if read.experience.id is None:
        # --resume skips the ids already drafted: a draft without id would be
        # drafted again on every run, and an agent could not tell whose it is.
        return Rejected(row.line, "the experience id is missing", row.raw)
    if read.answered and not include_answered:
        return Skipped(row.line, identifier, "already answered")
    if structure is not None and _fold_space(structure) not in {
        _fold_space(s) for s in read.structures
    }:
        return Skipped(row.line, identifier, "about another structure")
    try:
        reply = draft_reply(
            read.experience,
            signature=profile.signature,
            contacts=profile.contacts,
            template_dir=profile.template_dir,
            today=today,
            late_after_days=profile.late_after_days,
        )
    except SprepError as error:
        return Rejected(row.line, str(error), row.raw, identifier)
    return Drafted(row.line, read.experience.id, reply, read.notes)


def draft_many(
    rows: Iterable[Mapping[str, Any]] | Any,
    *,
    profile: Profile,
    structure: str | None = None,
    include_answered: bool = False,
    today: date | None = None,
) -> Iterator[Result]:
    """Draft every row of an iterable of mappings (or a pandas DataFrame), lazily.

    Each row has the export's columns (``ID expérience``, ``Ressenti usager``…)
    or the :class:`~sprep_templates.Experience` fields. Yields one result per
    row, in order.
    """
    if hasattr(rows, "iterrows"):  # a pandas DataFrame, without importing pandas
        records: Iterable[Mapping[str, Any]] = (
            {str(k): v for k, v in record.items() if not is_missing(v)}
            for _, record in rows.iterrows()
        )
    else:
        records = rows
    for number, fields in enumerate(records, start=1):
        if not isinstance(fields, Mapping):
            yield Rejected(number, f"a row must be a mapping (got {type(fields).__name__})", "")
            continue
        row = Row(number, fields, json.dumps(dict(fields), ensure_ascii=False, default=str))
        yield draft_row(
            row, profile, structure=structure, include_answered=include_answered, today=today
        )
