"""The platform's export, column by column: what each one feeds in an :class:`Experience`,
and how a row's cells and column names are read.

One table (:data:`EXPORT_COLUMNS`) says, for each field of an experience,
which of the export's columns hold it; :func:`row_values` reads a row with it
into the values of the experience's fields (the caller builds the
:class:`Experience`, whose converters check them: this module does not import it,
so that ``Experience.from_export_row`` can import this one). A JSON-lines input uses
the :class:`Experience` field names instead. Values come as the export writes them
(text) or as a notebook holds them (numbers, NaN for missing): both are read the same way.

A header cell is read with its BOM dropped, its runs of white space made one space and
its case aside: ``\\ufeffID expérience``, ``Intitulé structure  3`` (the official export's
own double space) and ``ressenti usager`` are the export's ``ID expérience``,
``Intitulé structure 3`` and ``Ressenti usager``. A name that is no export column keeps
its spelling (white space and BOM aside): a JSON line's ``action`` stays ``action``.
This one reading serves ``sprep draft``, :func:`draft_many` and
:meth:`Experience.from_export_row`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import attrs

from ..exceptions import InvalidInputError, InvalidInputTypeError
from ..limits import MAX_STRUCTURES
from ._values import Structure

__all__ = [
    "ANSWERED_STATUS_COLUMNS",
    "EXPERIENCE_FIELDS",
    "EXPORT_COLUMNS",
    "STRUCTURE_COLUMNS",
    "STRUCTURE_ID_COLUMNS",
    "Column",
    "RowValues",
    "cell_text",
    "column_name",
    "export_fields",
    "export_row_values",
    "is_answered",
    "is_missing",
    "read_date",
    "repair_c1",
    "repair_c1_cells",
    "repaired_fields",
    "row_values",
    "structures_of",
]

_C1 = re.compile("[\x80-\x9f]")
_ANSWERED = re.compile(r"avec réponse|trait[ée]e", re.I)


_DAY_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::\d{2})?)?")


# ISO dates with their dashes, maybe a time: YYYY-MM-DD[ T]HH:MM[:SS[.ffffff]][offset].
_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
#: The years a publication date may have: Services Publics + opened in 2019 (its
#: predecessor Voxusagers in 2016); a year outside these is a typing or export error.
FIRST_PUBLICATION_YEAR = 2000
LAST_PUBLICATION_YEAR = 2200


def read_date(text: str) -> date | None:
    """A date as the export writes it, or None when it cannot be read.

    ``DD/MM/YYYY HH:MM`` (the export's form; some rows have the day and month
    swapped, which shows when the second number is above 12), ``DD/MM/YYYY``,
    or ISO ``YYYY-MM-DD`` with an optional time; a year before 2000 or after 2200
    is none.
    """
    text = text.strip()
    match = _DAY_FIRST.fullmatch(text)
    try:
        if match is None:
            if not _ISO.fullmatch(text):  # "1" * 20 is no date ("11111111" would read 1111-11-11)
                return None
            found = datetime.fromisoformat(text).date()
        else:
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            day, month = (second, first) if second > 12 >= first else (first, second)
            found = date(year, month, day)
    except ValueError:
        return None
    return found if FIRST_PUBLICATION_YEAR <= found.year <= LAST_PUBLICATION_YEAR else None


def repair_c1(text: str) -> str:
    """Repair C1 control characters left by a cp1252 round-trip (``\\x92`` → ``’``).

    Raises ValueError (UnicodeDecodeError) for a C1 character that cp1252 does
    not define either.
    """

    return _C1.sub(_from_cp1252, text)


def _from_cp1252(match: re.Match[str]) -> str:
    return match.group().encode("latin-1").decode("cp1252")


#: The C1 control characters, each looked for with ``in`` (faster than a pattern).
_C1_CHARACTERS = tuple(map(chr, range(0x80, 0xA0)))


def repair_c1_cells(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A row's cells with :func:`repair_c1` applied to each text: one search over all of
    them when none holds a C1 character (the common case), instead of one per cell.

    Raises ValueError (UnicodeDecodeError) as :func:`repair_c1` does."""
    try:
        joined = "".join(fields.values())  # every cell a text: a CSV row
    except TypeError:
        joined = "".join([v for v in fields.values() if isinstance(v, str)])
    repaired = dict(fields)
    if not any(c in joined for c in _C1_CHARACTERS):
        return repaired
    search = _C1.search
    for name, value in fields.items():
        if isinstance(value, str) and search(value) is not None:
            repaired[name] = repair_c1(value)
    return repaired


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


def _semicolon_joined(column_values: list[tuple[str, str]]) -> tuple[str, ...]:
    """Every value of every column, each split on semicolons (the export joins tags so)."""
    return tuple(
        part.strip() for _, value in column_values for part in value.split(";") if part.strip()
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
    Column(
        "topics",
        ("Tags Métiers", "Intitulé Typologie 1", "Intitulé Typologie 2", "Intitulé Typologie 3"),
        _semicolon_joined,
    ),
)

#: The structures an experience concerns, in order.
STRUCTURE_COLUMNS = ("Intitulé structure 1", "Intitulé structure 2", "Intitulé structure 3")
#: Each structure's id, in the same order.
STRUCTURE_ID_COLUMNS = ("ID structure 1", "ID structure 2", "ID structure 3")

#: Where the export says whether an experience already has an answer.
ANSWERED_STATUS_COLUMNS = ("Statut de l'expérience", "Statut de l’expérience")

#: The fields of an :class:`Experience`, which a JSON-lines input gives by name
#: (``tests/test_inputs_export_row.py`` checks them against the class).
EXPERIENCE_FIELDS = frozenset(
    {
        "sentiment",
        "id",
        "pseudonym",
        "title",
        "channels",
        "ratings",
        "posted_as",
        "similar",
        "published",
        "action",
        "description",
        "country",
        "topics",
    }
)


@attrs.frozen
class RowValues:
    """What one row of an export says, before its :class:`Experience` is built: the
    ``values`` of the experience's fields (each checked by its converter when the
    experience is built), the ``structures`` it concerns (each once, in order), whether
    it was read with the export's column names (``from_export``, else the field names of
    a JSON line), and remarks on what could not be read (``notes``)."""

    values: dict[str, Any]
    structures: tuple[Structure, ...]
    from_export: bool
    notes: tuple[str, ...] = ()


def _is_export_row(fields: Mapping[str, Any]) -> bool:
    return "ID expérience" in fields or "Ressenti usager" in fields


_Combine = Callable[[list[tuple[str, str]]], object]


@lru_cache(maxsize=64)
def _columns_in(names: tuple[Any, ...]) -> tuple[tuple[str, tuple[str, ...], _Combine | None], ...]:
    """The :data:`EXPORT_COLUMNS` a header holds: each field, its columns present in
    ``names`` (in the table's order) and how they combine (None: the one column's cell).
    The rows of one export share their header: read once."""
    present = set(names)
    plan = []
    for column in EXPORT_COLUMNS:
        found = tuple(name for name in column.names if name in present)
        if found:
            single = len(found) == 1 and column.combine is _first
            plan.append((column.field, found, None if single else column.combine))
    return tuple(plan)


def row_values(fields: Mapping[str, Any]) -> RowValues:
    """Read one row, with the export's column names or the :class:`Experience` field names,
    into the values of the experience's fields (not checked yet: the caller builds the
    :class:`Experience`).

    Raises :class:`InvalidInputError` naming the column or field that is wrong.
    """
    if _is_export_row(fields):
        values: dict[str, Any] = {}  # each checked by its Experience converter
        for field, names, combine in _columns_in(tuple(fields)):
            if combine is None:  # one column, its first cell: the common case
                value = fields[names[0]]
                if value.__class__ is str:
                    if value and not value.isspace():  # cell_text's reading, inline
                        values[field] = value
                elif (text := cell_text(names[0], value)) is not None:
                    values[field] = text
                continue
            found = []
            for name in names:
                value = fields[name]
                if value.__class__ is str:
                    if value and not value.isspace():
                        found.append((name, value))
                elif (text := cell_text(name, value)) is not None:
                    found.append((name, text))
            if found:
                values[field] = combine(found)
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
        return RowValues(values, structures, True, tuple(notes))
    if "sentiment" not in fields:
        raise InvalidInputError("the sentiment is missing")
    given = {key: value for key, value in fields.items() if key in EXPERIENCE_FIELDS}
    if "id" in given:
        given["id"] = cell_text("id", given["id"])
    notes = []
    published = given.get("published")
    if isinstance(published, str) and published.strip() and read_date(published) is None:
        del given["published"]
        notes.append(f"published {published!r} could not be read: no apology for a late answer")
    structures = structures_of(fields)
    return RowValues(given, structures, False, tuple(notes))


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
            _structure(text, cell_text(id_column, fields.get(id_column)))
            for name, id_column in zip(STRUCTURE_COLUMNS, STRUCTURE_ID_COLUMNS, strict=True)
            if (text := cell_text(name, fields.get(name)))
        ]
    else:
        values = fields.get("structures") or []
        found = _json_structures(values if isinstance(values, list) else [values])
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=1024)
def _structure(name: str, id: str | None) -> Structure:
    """``Structure(name, id)``, checked once: an export names the same few structures
    on row after row (a refused one raises each time: lru_cache keeps no error)."""
    return Structure(name, id)


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


_EXPORT_NAMES = (
    *(name for column in EXPORT_COLUMNS for name in column.names),
    *STRUCTURE_COLUMNS,
    *STRUCTURE_ID_COLUMNS,
    *ANSWERED_STATUS_COLUMNS,
    "Etat expérience",
)
_BY_FOLDED = {name.casefold(): name for name in _EXPORT_NAMES}
#: Names a JSON line uses as they are (the Experience fields, ``structures``).
_FIELD_NAMES = frozenset({*EXPERIENCE_FIELDS, "structures"})


@lru_cache(maxsize=4096)
def column_name(name: str) -> str:
    """The column ``name`` stands for: BOM and runs of white space aside, and case aside
    for the export's own columns."""
    spaced = " ".join(name.replace("\ufeff", "").split())
    if spaced in _FIELD_NAMES:
        return spaced
    return _BY_FOLDED.get(spaced.casefold(), spaced)


def export_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` with every name read by :func:`column_name` (the first of two cells
    that read the same name wins, as in a CSV header)."""
    return {key: fields[name] for name, key in _header_reading(tuple(fields))}


@lru_cache(maxsize=64)
def _header_reading(names: tuple[Any, ...]) -> tuple[tuple[Any, Any], ...]:
    """Each name of a header that counts, and the name it reads as: the rows of one
    export share their header, read once."""
    read: dict[Any, Any] = {}
    for name in names:
        key = column_name(name) if isinstance(name, str) else name
        if key not in read:
            read[key] = name
    return tuple((name, key) for key, name in read.items())


def repaired_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The cells of a row as ``sprep draft`` reads them: names by :func:`column_name`,
    text with the C1 characters of a cp1252 round-trip repaired (``\\x92`` → ``’``,
    :func:`repair_c1`). Raises :class:`InvalidInputError` for a C1 character that no
    encoding explains, naming the column."""
    read = export_fields(fields)
    for name, value in read.items():
        if isinstance(value, str):
            try:
                read[name] = repair_c1(value)
            except UnicodeDecodeError:
                raise InvalidInputError(
                    f"column {name!r} holds a control character that no encoding explains "
                    "(not even cp1252): export the file again, as UTF-8"
                ) from None
    return read


def export_row_values(fields: Mapping[str, Any]) -> RowValues:
    """The values of one export row, read as ``sprep draft`` reads it (column names by
    :func:`column_name`, text repaired by :func:`repair_c1`): what
    :meth:`Experience.from_export_row` builds its experience from."""
    if not isinstance(fields, Mapping):
        raise InvalidInputTypeError(
            "Experience.from_export_row takes a mapping of column to cell, such as a "
            f"csv.DictReader row or a DataFrame row's to_dict() (got {type(fields).__name__})"
        )
    return row_values(repaired_fields(fields))
