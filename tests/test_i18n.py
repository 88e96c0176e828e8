"""The English catalogue is complete and compiled from its .po file."""

from __future__ import annotations

import io
from importlib.resources import files
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

PACKAGE = Path(str(files("sprep_templates")))
PO = PACKAGE / "locale" / "en" / "LC_MESSAGES" / "sprep_templates.po"
MO = PO.with_suffix(".mo")


def test_every_message_has_an_english_translation():
    """Every message marked in the code is translated in the English catalogue."""
    source = Path(__file__).resolve().parents[1] / "src" / "sprep_templates"
    marked = {message for _, _, message, _, _ in extract_from_dir(str(source)) if message}
    catalogue = read_po(io.BytesIO(PO.read_bytes()))
    translated = {m.id for m in catalogue if m.id and m.string}
    assert marked <= translated, sorted(marked - translated)


def test_compiled_catalogue_matches_the_po_file():
    """The shipped .mo holds exactly the .po's translations (recompile after editing)."""
    po = {m.id: m.string for m in read_po(io.BytesIO(PO.read_bytes())) if m.id}
    mo = {m.id: m.string for m in read_mo(io.BytesIO(MO.read_bytes())) if m.id}
    assert po == mo
