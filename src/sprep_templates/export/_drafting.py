"""Drafting rows: one :class:`Drafted`, :class:`Rejected` or :class:`Skipped` result per row.

A row gets one result per structure it concerns (each structure answers on its
own), signed as the profile's section for that structure says; a row concerning no
structure, or that cannot be read, gets one. A bad row never stops the batch: it
becomes a :class:`Rejected` result with its line number, the reason and the row as it
came. Only the library's own
refusals (:class:`~sprep_templates.SprepError`) reject a row; any other
exception is a bug and is raised.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

import attrs

from ..arguments import check_draft_many_arguments
from ..display import plain_repr, status_badge
from ..drafting import Reply, draft_reply
from ..exceptions import SprepError
from ..inputs import Structure
from ..profile import Profile
from ..serialise import reply_record
from ..vocabulary import Status
from ._columns import experience_from_fields, is_missing, repair_c1_cells, row_id
from ._headers import export_fields
from ._reading import Row
from ._repeats import RepeatGuard

__all__ = [
    "Drafted",
    "Rejected",
    "Result",
    "Skipped",
    "draft_many",
    "draft_row",
    "is_selected",
    "selected_structures",
]


@attrs.frozen(repr=False)
class Drafted:
    """A row drafted: the reply and what identifies it.

    ``line``: the row's first line in the input (from 1); ``id``: the experience id;
    ``reply``: the :class:`~sprep_templates.Reply`; ``notes``: remarks on the row;
    ``structure``: the structure answered for; ``section``: the profile section that
    signed it. ``record()`` is what ``sprep draft`` writes.
    """

    line: int
    id: str | None
    reply: Reply
    #: Remarks on the row itself (a date that could not be read).
    notes: tuple[str, ...] = ()
    #: The structure this draft answers for (None: the row names none).
    structure: Structure | None = None
    #: The profile section that signed it (its number, from 1; None: the default).
    section: int | None = None

    @property
    def status(self) -> Status:
        """``to_review`` (an error, or a sensitive case to read first), ``to_complete``
        (the reply names nothing of a negative or neutral experience's difficulty), or
        ``ready``: see :attr:`Reply.status`."""
        return self.reply.status

    def __repr__(self) -> str:
        return plain_repr(
            "Drafted",
            line=self.line,
            id=self.id,
            status=self.status,
            word_count=self.reply.word_count,
            text=self.reply.text,
        )

    def _repr_html_(self) -> str:
        return f"<p>ligne {self.line}, expérience {html.escape(str(self.id))}</p>" + (
            self.reply._repr_html_()
        )

    def record(self) -> dict[str, Any]:
        """The output record, its fields in ``RECORD_FIELDS`` order (as
        :meth:`Reply.to_dict`, with this row's id, structure and notes)."""
        return reply_record(self.reply, id=self.id, structure=self.structure, notes=self.notes)


@attrs.frozen(repr=False)
class Rejected:
    """A row that could not be drafted, with the reason and the row as it came.

    ``line``: the row's first line; ``reason``: why, naming the column; ``raw``: the
    row as it came; ``id``: its experience id when readable; ``structure``: see below;
    ``status`` is always ``rejected``.
    """

    line: int
    reason: str
    raw: str
    id: str | None = None
    #: The structure it was drafted for, when the row was read and drafting failed.
    structure: Structure | None = None

    #: What ``status`` says of every rejected row (a draft's is its reply's).
    status = "rejected"

    def __repr__(self) -> str:
        return plain_repr("Rejected", line=self.line, id=self.id, reason=self.reason)

    def _repr_html_(self) -> str:
        return f"<p>ligne {self.line} {status_badge(self.status)} : {html.escape(self.reason)}</p>"

    def record(self) -> dict[str, Any]:
        """The rejects-file record: line, id, reason and the raw row (and the structure,
        when drafting for it failed)."""
        record = {"line": self.line, "id": self.id, "reason": self.reason, "raw": self.raw}
        if self.structure is not None:
            record["structure_id"] = self.structure.id
            record["structure"] = self.structure.name
        return record


@attrs.frozen(repr=False)
class Skipped:
    """A row left out on purpose: already answered, or about another structure.

    ``line``: the row's first line; ``id``: its experience id; ``why``: ``already
    answered``, ``about another structure``, ``blank``…; ``structure``: the structure
    left out; ``status`` is always ``skipped``.
    """

    line: int
    id: str | None
    why: str
    structure: Structure | None = None

    #: What ``status`` says of every skipped row (a draft's is its reply's).
    status = "skipped"

    def __repr__(self) -> str:
        return plain_repr("Skipped", line=self.line, id=self.id, why=self.why)

    def _repr_html_(self) -> str:
        return f"<p>ligne {self.line} {status_badge(self.status)} : {html.escape(self.why)}</p>"

    def record(self) -> dict[str, Any]:
        """A record for the row left out: line, id and why."""
        return {"line": self.line, "id": self.id, "skipped": self.why}


Result = Drafted | Rejected | Skipped


def _fold_space(text: str) -> str:
    return " ".join(text.casefold().split())


def selected_structures(structure: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """The structures a run covers, as given (``--structure``, repeatable): None for all."""
    if structure is None:
        return None
    if isinstance(structure, str):
        return (structure,)
    return tuple(structure)


def is_selected(structure: Structure | None, wanted: tuple[str, ...] | None) -> bool:
    """Whether ``structure`` is one of ``wanted`` (an id, or a name with case and runs
    of spaces aside); every structure is when ``wanted`` is None."""
    if wanted is None:
        return True
    if structure is None:
        return False
    name = _fold_space(structure.name)
    return any(w == structure.id or _fold_space(w) == name for w in wanted)


def draft_row(
    row: Row,
    profile: Profile,
    *,
    structure: str | Iterable[str] | None = None,
    require_section: bool = False,
    include_answered: bool = False,
    today: date | None = None,
) -> list[Result]:
    """Draft one row: a :class:`Drafted`, :class:`Rejected` or :class:`Skipped` result
    for each structure it concerns (one when it names none, or cannot be read).

    ``structure`` limits the structures drafted for (names or ids; None: all). Each
    structure is signed by the profile's first section that matches it, or by the
    default; with ``require_section`` a structure no section matches is skipped.
    ``today`` is the date the replies are written (None: today's date)."""
    if row.blank:
        return [Skipped(row.line, None, "blank")]
    if row.fields is None:
        return [Rejected(row.line, row.problem or "unreadable row", row.raw)]
    identifier = row_id(row.fields)
    try:
        fields = repair_c1_cells(row.fields)
    except UnicodeDecodeError:
        return [
            Rejected(row.line, "a control character that no encoding explains", row.raw, identifier)
        ]
    try:
        read = experience_from_fields(fields)
    except SprepError as error:
        return [Rejected(row.line, str(error), row.raw, identifier)]
    if read.experience.id is None:
        # --resume skips the ids already drafted: a draft without id would be
        # drafted again on every run, and an agent could not tell whose it is.
        return [Rejected(row.line, "the experience id is missing", row.raw)]
    wanted = selected_structures(structure)
    results: list[Result] = []
    concerned: tuple[Structure | None, ...] = read.structures or (None,)
    for concerning in concerned:
        if read.answered and not include_answered:
            results.append(Skipped(row.line, identifier, "already answered", concerning))
            continue
        if not is_selected(concerning, wanted):
            results.append(Skipped(row.line, identifier, "about another structure", concerning))
            continue
        section = profile.section_for(concerning)
        if section is None and require_section:
            results.append(
                Skipped(row.line, identifier, "no profile section for the structure", concerning)
            )
            continue
        signer = profile.signer(section)
        try:
            reply = draft_reply(
                read.experience,
                signature=signer.signature,
                contacts=signer.contacts,
                template_dir=signer.template_dir,
                today=today,
                late_after_days=signer.late_after_days,
            )
        except SprepError as error:
            results.append(Rejected(row.line, str(error), row.raw, identifier, concerning))
            continue
        results.append(
            Drafted(
                row.line,
                read.experience.id,
                reply,
                read.notes,
                concerning,
                section.number if section else None,
            )
        )
    return results


def draft_many(
    rows: Iterable[Mapping[str, Any]] | Any,
    *,
    profile: Profile,
    structure: str | Iterable[str] | None = None,
    require_section: bool = False,
    include_answered: bool = False,
    today: date | None = None,
) -> Iterator[Result]:
    """Draft every row of an iterable of mappings (or a pandas DataFrame), lazily.

    Each row has the export's columns (``ID expérience``, ``Ressenti usager``…, their
    names read as ``sprep draft`` reads a header: a BOM, runs of spaces and case aside,
    so the official ``Intitulé structure  3`` counts) or the
    :class:`~sprep_templates.Experience` fields (``structures``: names, or objects with
    ``name`` and ``id``). Text mangled by a cp1252 round-trip is repaired. Yields, in
    order, one result per row and structure it concerns, as :func:`draft_row` does
    (``structure``: the names or ids to draft for; ``require_section``: skip the
    structures no section matches).

    The batch never drafts one ``ready`` text three times: a ready draft that would be
    the same as two earlier ones of the batch (as ``sprep check --jsonl`` groups stock
    replies: word for word or nearly, names, numbers, dates and links aside) takes
    another choice of phrasings, same content and status; when every try still repeats, it is
    ``to_complete`` with a note to personalise it (see ``export._repeats``). A single
    :func:`~sprep_templates.draft_reply` is unchanged.
    """
    check_draft_many_arguments(
        rows, profile, structure, require_section, include_answered, today, profile_type=Profile
    )
    if hasattr(rows, "iterrows"):  # a pandas DataFrame, without importing pandas
        records: Iterable[Mapping[str, Any]] = (
            {str(k): v for k, v in record.items() if not is_missing(v)}
            for _, record in rows.iterrows()
        )
    else:
        records = rows
    repeats = RepeatGuard()  # the batch's drafts so far, as the audit groups them
    for number, fields in enumerate(records, start=1):
        if not isinstance(fields, Mapping):
            yield Rejected(number, f"a row must be a mapping (got {type(fields).__name__})", "")
            continue
        row = Row(number, export_fields(fields), "")  # names read as sprep draft reads them

        def drafted(row: Row = row) -> list[Result]:
            return draft_row(
                row,
                profile,
                structure=structure,
                require_section=require_section,
                include_answered=include_answered,
                today=today,
            )

        for result in repeats.settle_row(drafted(), drafted):  # never one text three times
            if isinstance(result, Rejected):  # the row as it came, written for this one only
                raw = json.dumps(dict(fields), ensure_ascii=False, default=str)
                result = attrs.evolve(result, raw=raw)
            yield result
