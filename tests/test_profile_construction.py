"""A profile built in Python is checked when it is built, as one read from TOML is.

A service builds its ``Profile`` once at start-up (docs/service.md): a wrong value must
fail there, with a ``SprepError`` naming the field, not on every row of the night's
batch (a ``signature`` given as a dict made every row of an export a reject with the
same reason). And a profile saved by Windows Notepad starts with a BOM.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sprep_templates import (
    Contact,
    Experience,
    InvalidInputError,
    InvalidInputTypeError,
    Profile,
    Signature,
    SprepError,
    draft_reply,
)
from sprep_templates.profile import StructureSection

SIGNATURE = Signature(first_name="Jean", organisation="la Caf de Paris")
CONTACTS = (Contact(kind="phone", value="32 30"),)


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("signature", {"first_name": "Jean", "organisation": "la Caf"}, "Signature("),
        ("signature", None, "Signature("),
        ("contacts", ({"kind": "phone", "value": "32 30"},), "contacts[0]"),
        ("contacts", "32 30", "tuple of Contact"),
        ("contacts", CONTACTS[0], "tuple of Contact"),
        ("contacts", None, "tuple of Contact"),
        ("template_dir", 5, "folder"),
        ("late_after_days", "30", "whole number of days"),
        ("late_after_days", 2.5, "whole number of days"),
        ("late_after_days", True, "whole number of days"),
        ("late_after_days", None, "whole number of days"),
        ("late_after_days", -5, "0 or more"),
    ],
)
def test_a_wrong_value_is_refused_when_the_profile_is_built(
    field: str, value: object, said: str
) -> None:
    arguments: dict[str, object] = {"signature": SIGNATURE, "contacts": CONTACTS, field: value}
    with pytest.raises(InvalidInputError) as raised:
        Profile(**arguments)  # type: ignore[arg-type]
    message = str(raised.value)
    assert f"Profile.{field}" in message, message
    assert said in message, message


def test_a_wrong_type_is_a_type_error_too() -> None:
    with pytest.raises(InvalidInputTypeError):
        Profile(signature={"first_name": "Jean"})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Profile(signature=SIGNATURE, contacts=[object()])  # type: ignore[list-item]


def test_contacts_given_as_a_list_are_kept_as_a_tuple_nobody_can_change() -> None:
    given = list(CONTACTS)
    profile = Profile(signature=SIGNATURE, contacts=given)  # type: ignore[arg-type]
    given.append("not a contact")  # type: ignore[arg-type]
    assert profile.contacts == CONTACTS
    assert isinstance(profile.contacts, tuple)
    hash(profile)  # a frozen profile can be a cache key


def test_a_template_folder_given_as_text_is_a_path() -> None:
    folder = Path(__file__).resolve().parents[1] / "templates"
    profile = Profile(signature=SIGNATURE, contacts=CONTACTS, template_dir=str(folder))  # type: ignore[arg-type]
    assert profile.template_dir == folder
    reply = draft_reply(Experience(sentiment="negative"), profile=profile)
    assert reply.word_count >= 60


def test_a_section_built_in_python_is_checked_too() -> None:
    with pytest.raises(InvalidInputTypeError, match=r"StructureSection\.signature"):
        StructureSection(match="Caf*", signature={"first_name": "Léa"})  # type: ignore[arg-type]
    with pytest.raises(InvalidInputTypeError, match=r"StructureSection\.contacts\[0\]"):
        StructureSection(match="Caf*", contacts=("32 30",))  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match=r"StructureSection\.late_after_days"):
        StructureSection(match="Caf*", late_after_days=-1)
    section = StructureSection(match="Caf*", contacts=list(CONTACTS))  # type: ignore[arg-type]
    assert section.contacts == CONTACTS


def test_the_default_values_and_a_loaded_profile_still_build() -> None:
    assert Profile(signature=SIGNATURE).contacts == ()
    profile = Profile.from_toml(Path(__file__).resolve().parents[1] / "examples" / "profile.toml")
    assert profile.for_structure("Caf de Paris").signature == profile.signature


def test_a_profile_saved_with_a_bom_is_read(tmp_path: Path) -> None:
    """Notepad on Windows saves UTF-8 with a BOM; TOML readers refuse it at line 1."""
    text = (
        '[signature]\nfirst_name = "Jean"\norganisation = "la Caf de Paris"\n\n'
        '[[contacts]]\nkind = "phone"\nvalue = "32 30"\n'
    )
    path = tmp_path / "profile.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    profile = Profile.from_toml(path)
    assert profile.signature == SIGNATURE
    assert profile.contacts == CONTACTS


def test_errors_of_a_built_profile_are_sprep_errors() -> None:
    with pytest.raises(SprepError):
        Profile(signature=SIGNATURE, late_after_days=-1)
