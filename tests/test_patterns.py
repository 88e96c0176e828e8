"""One definition each for e-mail addresses, phone numbers, acronyms and the French
phone rule: the modules that use them agree."""

from __future__ import annotations

import pytest

from sprep_templates import Contact, InvalidInputError, check_reply
from sprep_templates.experience import pseudonym_problem, quotable_title
from sprep_templates.patterns import (
    ACRONYM,
    CAPITAL_WORD,
    EMAIL,
    PHONE,
    french_number,
    is_abroad,
)
from sprep_templates.text import apply_typography

from .test_checking_rules import NEGATIVE_GOOD


@pytest.mark.parametrize(
    ("value", "number"),
    [
        ("01 23 45 67 89", "0123456789"),
        ("06.12.34.56.78", "0612345678"),
        ("32 30", "3230"),
        ("1010", "1010"),
        ("+33 1 23 45 67 89", "0123456789"),
        ("0033 1 23 45 67 89", "0123456789"),
        ("+33 0 12 34 56 78", None),  # the 0 is dropped after +33
        ("00 12 34 56 78", None),
        ("01 23 45 67", None),
        ("2345", None),
        ("+44 20 7946 0958", None),  # abroad: not a French number
    ],
)
def test_french_number(value, number):
    """The French numbers: 10 digits from 0 (not 00), 4-digit 1xxx/3xxx, +33 and 9 digits."""
    assert french_number(value) == number


def test_abroad_is_an_international_prefix_other_than_france():
    """+44 and 0044 are abroad; +33 and 0033 are France."""
    assert is_abroad("+44 20 7946 0958") and is_abroad("0044 20 7946 0958")
    assert not is_abroad("+33 1 23 45 67 89") and not is_abroad("0033 1 23 45 67 89")
    assert not is_abroad("01 23 45 67 89")


@pytest.mark.parametrize(
    "value",
    ["01 23 45 67 89", "32 30", "+33 1 23 45 67 89", "01 23 45 67", "+33 0 12 34 56 78", "2345"],
)
def test_contact_and_contact_rule_agree_on_french_numbers(value):
    """A number a phone Contact refuses is one the contact rule flags in a reply, and back."""
    try:
        Contact("phone", value)
        accepted = True
    except InvalidInputError:
        accepted = False
    text = NEGATIVE_GOOD.replace("3960", value)
    flagged = any(f.rule == "contact" for f in check_reply(text, pseudonym="Sandrine"))
    assert accepted is not flagged


def test_contact_phone_is_printed_the_french_way():
    """Phone contacts are written in pairs, +33 numbers as +33 X XX XX XX XX."""
    assert Contact("phone", "0123456789").value == "01 23 45 67 89"
    assert Contact("phone", "0033123456789").value == "+33 1 23 45 67 89"
    assert Contact("phone", "3230").value == "32 30"
    assert Contact("phone", "+44 20  7946 0958").value == "+44 20 7946 0958"


@pytest.mark.parametrize(
    "address", ["contact@caf.fr", "jean.dupont+sp@exemple.gouv.fr", "o'brien@caf.fr"]
)
def test_an_address_a_contact_accepts_is_one_address_in_a_reply(address):
    """EMAIL validates a Contact's address and finds the same address in running text."""
    assert Contact("email", address).value == address
    found = [m.group() for m in EMAIL.finditer(f"Écrivez à {address}.")]
    assert found == [address]


@pytest.mark.parametrize("address", ["contact@caf", "contact@caf.f", "contact caf.fr"])
def test_not_an_address(address):
    """Without a domain of two letters or more after its last dot, there is no address."""
    with pytest.raises(InvalidInputError):
        Contact("email", address)


def test_typography_leaves_addresses_and_numbers_alone():
    """Typography keeps an address the checker finds, and numbers written in groups."""
    text = "Écrivez à o'brien@caf.fr ou appelez le 01 23 45 67 89 : merci !"
    assert apply_typography(text) == (
        "Écrivez à o'brien@caf.fr ou appelez le 01 23 45 67 89\u00a0: merci\u202f!"
    )


def test_phone_is_a_run_of_its_own():
    """PHONE finds a grouped number, not digits inside a word or a path."""
    assert [m.group() for m in PHONE.finditer("au 01 23 45 67 89, réf. A12345 ou /1234")] == [
        "01 23 45 67 89"
    ]


def test_pseudonym_with_an_address_or_a_number():
    """A pseudonym holding an address or six digits is not greeted."""
    assert pseudonym_problem("jean@exemple.fr") == "it looks like an e-mail address"
    assert pseudonym_problem("jean0612345678") == "it looks like a phone number"
    assert pseudonym_problem("Dav80") is None


def test_acronyms_and_capital_words():
    """ACRONYM: ASCII capitals, digits allowed; CAPITAL_WORD: accented capitals too."""
    assert [m.group() for m in ACRONYM.finditer("La CAF, le CERFA15776, ÉTAT et Ok")] == [
        "CAF",
        "CERFA15776",
    ]
    assert CAPITAL_WORD.findall("TRÈS URGENT, la CAF") == ["TRÈS", "URGENT", "CAF"]
    assert quotable_title("Dossier CAF") is None
    assert quotable_title("Relevé de carrière") == "Relevé de carrière"
