"""The platform's export, column by column: what each one feeds in an :class:`Experience`.

One table (:data:`EXPORT_COLUMNS`) says, for each field of an experience,
which of the export's columns hold it; :func:`experience_from_fields` reads a
row with it. A JSON-lines input uses the :class:`Experience` field names
instead. Values come as the export writes them (text) or as a notebook holds
them (numbers, NaN for missing): both are read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..exceptions import InvalidInputError
from ..inputs import Experience, Structure, read_date
from ..limits import MAX_STRUCTURES

__all__ = [
    "ANSWERED_STATUS_COLUMNS",
    "EXPORT_COLUMNS",
    "STRUCTURE_COLUMNS",
    "STRUCTURE_ID_COLUMNS",
    "Column",
    "RowExperience",
    "cell_text",
    "experience_from_fields",
    "is_answered",
    "is_missing",
    "repair_c1",
    "row_id",
    "structures_of",
]

_C1 = re.compile("[\x80-\x9f]")
_ANSWERED = re.compile(r"avec réponse|trait[ée]e", re.I)


def repair_c1(text: str) -> str:
    """Repair C1 control characters left by a cp1252 round-trip (``\\x92`` → ``’``).

    Raises ValueError (UnicodeDecodeError) for a C1 character that cp1252 does
    not define either.
    """

    def replace(match: re.Match[str]) -> str:
        return match.group().encode("latin-1").decode("cp1252")

    return _C1.sub(replace, text)


def is_missing(value: object) -> bool:
    """None, or a DataFrame's missing value (NaN, NaT, pandas.NA), without importing pandas."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):  # pandas.NA refuses bool()
        return True


def cell_text(column: str, value: object) -> str | None:
    """A cell as text: None when missing or blank; numbers as the export writes them.

    ``12`` and ``12.0`` (a pandas column of ids) both read ``"12"``; numpy
    scalars are read through ``.item()``. Anything else is refused, naming the column.
    """
    if value.__class__ is str:  # what a CSV export gives: the common case first
        return value if value.strip() else None
    if is_missing(value):
        return None
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, (str, bytes)):
        value = item()  # a numpy scalar
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        raise InvalidInputError(f"column {column!r} holds {value!r}; expected text")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise InvalidInputError(
        f"column {column!r} holds {value!r} (a {type(value).__name__}); expected text"
    )


def _first(column_values: list[tuple[str, str]]) -> str | None:
    return column_values[0][1] if column_values else None


def _comma_joined(column_values: list[tuple[str, str]]) -> tuple[str, ...]:
    """Every value of every column, each split on commas (the export joins channels so)."""
    return tuple(
        part.strip() for _, value in column_values for part in value.split(",") if part.strip()
    )


@attrs.frozen
class Column:
    """Where the export holds one :class:`Experience` field.

    ``names`` are the export's column names, in order; ``combine`` turns the
    non-blank cells found there, as (column, text) pairs, into the field's value
    (by default the first one).

    ``field`` is the :class:`Experience` field the columns feed.
    """

    field: str
    names: tuple[str, ...]
    combine: Callable[[list[tuple[str, str]]], object] = _first


#: The export's columns, by the :class:`Experience` field each one feeds.
EXPORT_COLUMNS: tuple[Column, ...] = (
    Column("id", ("ID expérience",)),
    Column("sentiment", ("Ressenti usager",)),
    Column("pseudonym", ("Pseudonyme usager", "Pseudonyme")),
    Column("title", ("Titre",)),
    Column(
        "channels",
        ("Canaux Typologie 1", "Canaux Typologie 2", "Canaux Typologie 3"),
        _comma_joined,
    ),
    Column(
        "ratings",
        (
            "Accessibilité",
            "Information/Explication",
            "Relation",
            "Réactivité",
            "Simplicité/Complexité",
        ),
        dict,
    ),
    Column("posted_as", ("Posté comme",)),
    Column("similar", ("Expériences Similaires",)),
    Column("published", ("Date de publication",)),
    Column("action", ("Action",)),
    Column("description", ("Description",)),
    Column("country", ("Pays",)),
)

#: The structures an experience concerns, in order.
STRUCTURE_COLUMNS = ("Intitulé structure 1", "Intitulé structure 2", "Intitulé structure 3")
#: Each structure's id, in the same order.
STRUCTURE_ID_COLUMNS = ("ID structure 1", "ID structure 2", "ID structure 3")

#: Where the export says whether an experience already has an answer.
ANSWERED_STATUS_COLUMNS = ("Statut de l'expérience", "Statut de l’expérience")

#: The fields a JSON-lines input may give (the :class:`Experience` field names).
_EXPERIENCE_FIELDS = frozenset(field.name for field in attrs.fields(Experience))


@attrs.frozen
class RowExperience:
    """What one row of an export says: the experience, the structures it concerns (each
    once, in order), whether answered, and remarks on what could not be read (``notes``)."""

    experience: Experience
    structures: tuple[Structure, ...]
    answered: bool
    notes: tuple[str, ...] = ()


def _is_export_row(fields: Mapping[str, Any]) -> bool:
    return "ID expérience" in fields or "Ressenti usager" in fields


def experience_from_fields(fields: Mapping[str, Any]) -> RowExperience:
    """Read one row, with the export's column names or the :class:`Experience` field names.

    Raises :class:`InvalidInputError` naming the column or field that is wrong.
    """
    if _is_export_row(fields):
        values: dict[str, Any] = {}  # each checked by its Experience converter
        for column in EXPORT_COLUMNS:
            found = [
                (name, text)
                for name in column.names
                if name in fields and (text := cell_text(name, fields[name])) is not None
            ]
            if found:
                values[column.field] = column.combine(found)
        if "sentiment" not in values:
            raise InvalidInputError("the sentiment (Ressenti usager) is missing")
        notes = []
        published = values.get("published")
        if isinstance(published, str) and read_date(published) is None:
            # An unreadable date is no reason to refuse the row: the reply only
            # cannot say whether it comes late.
            del values["published"]
            notes.append(
                f"Date de publication {published!r} could not be read: no apology for a late answer"
            )
        structures = structures_of(fields)
        return RowExperience(Experience(**values), structures, is_answered(fields), tuple(notes))
    if "sentiment" not in fields:
        raise InvalidInputError("the sentiment is missing")
    given = {key: value for key, value in fields.items() if key in _EXPERIENCE_FIELDS}
    if "id" in given:
        given["id"] = cell_text("id", given["id"])
    notes = []
    published = given.get("published")
    if isinstance(published, str) and published.strip() and read_date(published) is None:
        del given["published"]
        notes.append(f"published {published!r} could not be read: no apology for a late answer")
    structures = structures_of(fields)
    return RowExperience(Experience(**given), structures, False, tuple(notes))


def is_answered(fields: Mapping[str, Any]) -> bool:
    """Whether the export says the experience already has an answer."""
    status = next(
        (text for name in ANSWERED_STATUS_COLUMNS if (text := cell_text(name, fields.get(name)))),
        "",
    )
    return bool(_ANSWERED.search(status))


def structures_of(fields: Mapping[str, Any]) -> tuple[Structure, ...]:
    """The structures a row concerns, each once, in order: the export's ``Intitulé
    structure N`` with ``ID structure N``, or a JSON line's ``structures``."""
    if _is_export_row(fields):
        found = [
            Structure(text, cell_text(id_column, fields.get(id_column)))
            for name, id_column in zip(STRUCTURE_COLUMNS, STRUCTURE_ID_COLUMNS, strict=True)
            if (text := cell_text(name, fields.get(name)))
        ]
    else:
        values = fields.get("structures") or []
        found = _json_structures(values if isinstance(values, list) else [values])
    return tuple(dict.fromkeys(found))


def _json_structures(values: list[Any]) -> list[Structure]:
    """A JSON line's ``structures``: names, or objects with ``name`` and ``id``; at most
    :data:`~sprep_templates.limits.MAX_STRUCTURES` (each one is a draft)."""
    if len(values) > MAX_STRUCTURES:
        raise InvalidInputError(
            f"structures lists {len(values):,} structures; the most accepted is "
            f"{MAX_STRUCTURES} (the export names three at most)"
        )
    found = []
    for value in values:
        if isinstance(value, Mapping):
            name = cell_text("structures.name", value.get("name"))
            if name is None:
                raise InvalidInputError(f"structures: {value!r} has no name")
            found.append(Structure(name, cell_text("structures.id", value.get("id"))))
        elif (name := cell_text("structures", value)) is not None:
            found.append(Structure(name))
    return found


def row_id(fields: Mapping[str, Any] | None) -> str | None:
    """The row's experience id, as text, when it has one (for the rejects file)."""
    if not fields:
        return None
    value = fields.get("ID expérience", fields.get("id"))
    try:
        return cell_text("id", value)
    except InvalidInputError:
        return None
