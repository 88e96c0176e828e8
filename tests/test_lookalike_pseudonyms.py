"""Item 17: look-alike and impersonating pseudonyms are never greeted."""

from __future__ import annotations

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.experience import greeting_name, pseudonym_problem

JEAN = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")


@pytest.mark.parametrize(
    "pseudonym",
    [
        "\u0405andrine",  # Cyrillic capital DZE for the S
        "S\u0430ndrine",  # Cyrillic small a
        "\uff2a\uff45\uff41\uff4e",  # fullwidth Jean
        "Sandrine\uff33",  # a fullwidth S at the end
        "\U0001d412andrine",  # mathematical bold S
        "\u03a3andrine",  # Greek capital sigma
    ],
)
def test_look_alike_letters_are_not_greeted(pseudonym):
    """A pseudonym with a letter outside the Latin script, or a compatibility form
    (fullwidth, mathematical), gets a plain "Bonjour,"."""
    reply = draft_reply(
        Experience(sentiment="negative", pseudonym=pseudonym), signature=JEAN, contacts=[PHONE]
    )
    assert reply.steps["greeting"] == "Bonjour,"


@pytest.mark.parametrize("pseudonym", ["½", ".²", "²", "³½", "٣٤", "Jean²"])
def test_punctuation_digits_and_number_forms_are_not_greeted(pseudonym):
    """A pseudonym of punctuation or digits alone, or with number forms, is never greeted."""
    assert greeting_name(pseudonym) is None


@pytest.mark.parametrize(
    "pseudonym",
    [
        "Admin",
        "admin2",
        "Administrateur",
        "Modérateur",
        "Service Client Officiel",
        "Support",
        "ServiceClient",
        "Caf",
        "CAF Paris",
        "Préfecture",
        "La Préfecture",
        "Équipe Services Publics",
        "Officiel",
    ],
)
def test_names_that_impersonate_a_service_are_not_greeted(pseudonym):
    """A pseudonym that reads as the administration or its staff is not greeted."""
    assert "service" in (pseudonym_problem(pseudonym) or "")


@pytest.mark.parametrize(
    "pseudonym",
    [
        "Sandrine",
        "Marianne",
        "France",
        "Dominique",
        "Hélène",
        "Zoé",
        "Jean-François",
        "Ælis",
        "Œnone",
        "Çağla",
        "Nguyễn",
        "Søren",
        "Agathe",
        "Servane",
        "Carla",
        "Sylvie",
    ],
)
def test_latin_first_names_are_still_greeted(pseudonym):
    """Real first names in Latin script, accents included, are still greeted."""
    assert greeting_name(pseudonym) == pseudonym


def test_a_pseudonym_starting_or_ending_with_punctuation_is_not_greeted():
    """ ".A" or "Jean-" are typing slips: "Bonjour .A," would read oddly."""
    from sprep_templates.experience import greeting_name

    assert greeting_name(".A") is None
    assert greeting_name("Jean-") is None
    assert greeting_name("Jean-Marc") == "Jean-Marc"
