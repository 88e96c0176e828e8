"""Inputs refuse bad values when built, with a message naming the field."""

from __future__ import annotations

import re

import attrs
import pytest

from sprep_templates import Contact, Experience, InvalidInputError, Signature


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("positive", "positive"),
        ("Positif", "positive"),
        ("Neutre", "neutral"),
        ("Négatif", "negative"),
        ("negatif", "negative"),
        (" NEGATIVE ", "negative"),
    ],
)
def test_sentiment_accepts_the_export_values(given, expected):
    """The export's Positif / Neutre / Négatif are accepted beside the English names."""
    assert Experience(sentiment=given).sentiment == expected


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Experience(sentiment="bof"), "Experience.sentiment must be one of positive"),
        (lambda: Experience(sentiment=3), "Experience.sentiment must be one of"),
        (
            lambda: Experience(sentiment="positive", pseudonym="a\x07b"),
            "Experience.pseudonym contains the control character U+0007",
        ),
        (
            lambda: Experience(sentiment="positive", title="x\u202ey"),
            "Experience.title contains the control character U+202E",
        ),
        (
            lambda: Experience(sentiment="positive", pseudonym="x" * 101),
            "Experience.pseudonym is 101 characters long",
        ),
        (
            lambda: Experience(sentiment="positive", id=12),
            "Experience.id must be a str (got 12 that is a int)",
        ),
        (
            lambda: Signature(first_name="", organisation="la Caf"),
            "Signature.first_name must not be empty",
        ),
        (
            lambda: Signature(first_name="Jean2", organisation="la Caf"),
            "Signature.first_name must be a first name",
        ),
        (
            lambda: Signature(first_name="Jean", organisation="  "),
            "Signature.organisation must not be empty",
        ),
        (
            lambda: Signature(
                first_name="Jean",
                organisation="la Caf",
                closing="Je vous prie d’agréer mes salutations les plus distinguées",
            ),
            "Signature.closing must be a short politeness formula",
        ),
        (
            lambda: Contact(kind="fax", value="01 23 45 67 89"),
            "Contact.kind must be one of web, phone, email, address",
        ),
        (
            lambda: Contact(kind="web", value="http://www.caf.fr"),
            "Contact.value for web must be an https:// address",
        ),
        (
            lambda: Contact(kind="web", value="https://"),
            "Contact.value for web must be a web address",
        ),
        (
            lambda: Contact(kind="phone", value="12"),
            "Contact.value is not a phone number we can print",
        ),
        (lambda: Contact(kind="phone", value="01 23 45"), "Contact.value is not a phone number"),
        (
            lambda: Contact(kind="phone", value="appelez-nous"),
            "Contact.value for a phone must hold only digits",
        ),
        (
            lambda: Contact(kind="email", value="contact@"),
            "Contact.value for email must be an address",
        ),
    ],
)
def test_bad_values_are_refused_with_the_field_named(build, message):
    """Each refusal says which field, what was expected and what came."""
    with pytest.raises(InvalidInputError, match=re.escape(message)):
        build()


def test_errors_are_value_errors_too():
    """InvalidInputError is also a ValueError, for callers that catch builtins."""
    with pytest.raises(ValueError):
        Experience(sentiment="bof")


def test_inputs_are_frozen():
    """Inputs cannot change once built."""
    experience = Experience(sentiment="positive")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        experience.sentiment = "negative"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("3230", "32 30"),
        ("32 30", "32 30"),
        ("0123456789", "01 23 45 67 89"),
        ("01.23.45.67.89", "01 23 45 67 89"),
        ("+33123456789", "+33 1 23 45 67 89"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
    ],
)
def test_phone_numbers_are_written_the_french_way(given, shown):
    """Phone numbers are checked and printed in pairs of digits."""
    assert Contact(kind="phone", value=given).value == shown


def test_text_is_normalised():
    """Unicode is NFC-normalised and white space folded; blank optional text is None."""
    experience = Experience(
        sentiment="positive", pseudonym="Ze\u0301lie  ", title="   ", channels="Accueil, ,Téléphone"
    )
    assert experience.pseudonym == "Zélie"
    assert experience.title is None
    assert experience.channels == ("Accueil", "Téléphone")


def test_closing_gets_its_comma():
    """A politeness formula always ends with a comma."""
    assert (
        Signature(first_name="Jean", organisation="la Caf", closing="Bien à vous").closing
        == "Bien à vous,"
    )


@pytest.mark.parametrize(
    "build",
    [
        lambda: Experience(sentiment=5),
        lambda: Experience(sentiment="negative", title=12),
        lambda: Signature(first_name=["Jean"], organisation="la Caf"),
        lambda: Contact("phone", 3230),
    ],
)
def test_wrong_types_are_type_errors(build):
    """A value of the wrong type raises an InvalidInputError that is also a TypeError."""
    with pytest.raises(InvalidInputError) as caught:
        build()
    assert isinstance(caught.value, TypeError)


def test_wrong_values_are_value_errors_only():
    """A refused value of the right type is a ValueError, not a TypeError."""
    with pytest.raises(ValueError) as caught:
        Experience(sentiment="bof")
    assert not isinstance(caught.value, TypeError)
