"""The export's columns read in ``inputs`` (``inputs/_export_row.py``): one reading for
``Experience.from_export_row`` and for ``sprep draft``, without ``inputs`` importing
``export``."""

from __future__ import annotations

import attrs
import pytest

from sprep_templates import Experience, InvalidInputError, export, inputs
from sprep_templates.export._columns import experience_from_fields


def test_the_field_names_a_json_line_may_give_are_the_experience_fields():
    """The reader cannot import Experience (Experience imports the reader): its copy of
    the field names must follow the class."""
    assert inputs.EXPERIENCE_FIELDS == {field.name for field in attrs.fields(Experience)}


def test_every_column_feeds_an_experience_field():
    assert {column.field for column in inputs.EXPORT_COLUMNS} <= inputs.EXPERIENCE_FIELDS


def test_export_keeps_exporting_the_same_objects():
    for name in ("EXPORT_COLUMNS", "Column", "repair_c1", "is_answered", "structures_of"):
        assert getattr(export, name) is getattr(inputs, name)


ROWS = [
    {"ID expérience": "7", "Ressenti usager": "Positif", "Titre": "Merci"},
    {
        "\ufeffid expérience": "8",
        "Ressenti usager": "Neutre",
        "Date de publication": "31/31/2024",  # unreadable: dropped with a note
        "Canaux Typologie 1": "Téléphone, Courrier",
        "Canaux Typologie 2": "Guichet",
        "Accessibilité": "Négatif",
        "Expériences Similaires": "3",
    },
    {"id": 9, "sentiment": "negative", "published": "2024-02-01", "unknown": "dropped"},
]


@pytest.mark.parametrize("row", ROWS)
def test_from_export_row_reads_a_row_as_sprep_draft_does(row):
    by_cli = experience_from_fields(export._headers.repaired_fields(row)).experience
    assert Experience.from_export_row(row) == by_cli


def test_row_values_are_the_fields_before_the_experience_is_built():
    read = inputs.row_values(inputs.repaired_fields(ROWS[1]))
    assert read.from_export and read.values["id"] == "8"
    assert "published" not in read.values and "31/31/2024" in read.notes[0]
    assert read.values["channels"] == ("Téléphone", "Courrier", "Guichet")
    assert Experience(**read.values).channels == ("Téléphone", "Courrier", "Guichet")


def test_from_export_row_still_refuses_a_bad_structure_cell_naming_it():
    row = {"ID expérience": "7", "Ressenti usager": "Positif", "Intitulé structure 1": True}
    with pytest.raises(InvalidInputError, match="Intitulé structure 1"):
        Experience.from_export_row(row)


def test_repair_c1_cells_repairs_each_text_cell_as_repair_c1_does():
    from sprep_templates.inputs import repair_c1, repair_c1_cells

    clean = {"Titre": "Un titre", "Note": 3, "Vide": None}
    assert repair_c1_cells(clean) == clean
    assert repair_c1_cells(clean) is not clean  # a copy the caller may change
    mangled = {"Titre": "Un titre", "Description": "l\x92agent", "Note": 3.0}
    assert repair_c1_cells(mangled) == {
        "Titre": "Un titre",
        "Description": repair_c1("l\x92agent"),
        "Note": 3.0,
    }
    assert repair_c1_cells(mangled)["Description"] == "l’agent"
    with pytest.raises(UnicodeDecodeError):  # \x81: no cp1252 character either
        repair_c1_cells({"Titre": "ok", "Description": "a\x81b"})


def test_export_fields_reads_each_header_once_and_every_row_by_it():
    """Rows sharing a header are read by the same names; the first of two cells read as
    the same name wins; names that are not text stay as they are; a new header is read
    on its own."""
    from sprep_templates.inputs import export_fields

    first = {"\ufeffID  expérience": "1", "id expérience": "2", 7: "x", "Titre": "T"}
    second = {"\ufeffID  expérience": "3", "id expérience": "4", 7: "y", "Titre": "U"}
    assert export_fields(first) == {"ID expérience": "1", 7: "x", "Titre": "T"}
    assert list(export_fields(second).items()) == [("ID expérience", "3"), (7, "y"), ("Titre", "U")]
    assert export_fields({"Titre": "V", "ID EXPÉRIENCE": "5"}) == {
        "Titre": "V",
        "ID expérience": "5",
    }
