"""What several modules recognise in text, defined once: web and e-mail addresses,
phone numbers, acronyms, and which phone numbers are French.

One definition each, so that the modules agree: the address a :class:`~.inputs.Contact`
accepts is the address the checker finds in a reply; typography leaves alone exactly
what the checker reads as a phone number; the contact rule flags a number in a reply
by the rule :class:`~.inputs.Contact` applies to a phone contact.
"""

from __future__ import annotations

import re

__all__ = [
    "ACRONYM",
    "CAPITAL_WORD",
    "DIGITS_IN_NAME",
    "EMAIL",
    "NUMBER_RUN",
    "PHONE",
    "URL",
    "URL_UNTOUCHED",
    "dialable_from_abroad",
    "french_number",
    "is_abroad",
]

#: An e-mail address in running text; ``EMAIL.fullmatch`` validates one on its own.
#: The local part takes ’ as well as ' (a word processor turns one into the other);
#: the last label of the domain is two letters or more. The parts are bounded as
#: RFC 5321 bounds them (a local part of 64 characters at most, labels of 63): an
#: unbounded local part was read again from every letter of a long word, which
#: made finding addresses quadratic in the text's length.
EMAIL = re.compile(r"[\w.+'’-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})*\.(?i:[a-z]{2,63})")

# A web address: how it starts, what it never holds, what it does not end with.
_URL_START = r"(?:https?://|www\.)"
_NOT_IN_URL = r"\s<>«»\""
_NOT_ENDING_URL = _NOT_IN_URL + r".,;:!?"
#: A web address in a reply, as the checker reads it: a parenthesis ends it (a link
#: written in brackets), trailing punctuation is not part of it.
URL = re.compile(rf"\b{_URL_START}[^{_NOT_IN_URL}()]+[^{_NOT_ENDING_URL}()]", re.I)
#: A web address as typography leaves it alone: the same, but it may hold
#: parentheses (a wiki page's name), only not end with one.
URL_UNTOUCHED = rf"{_URL_START}[^{_NOT_IN_URL}]+[^{_NOT_ENDING_URL})]"

# What separates the groups of a number written in groups: a space (also U+00A0,
# U+202F) or a dot; a phone number may use a dash too.
_GROUP_SEPARATORS = r" .\u00a0\u202f"
_PHONE_SEPARATOR = rf"[{_GROUP_SEPARATORS}\-]"

#: A phone-like run in running text: 4 to 15 digits 0-9 (phone numbers are written
#: with those), grouped by single separators, maybe after + and a country code; a
#: run of its own, not inside a word, a number or a path (a slash after it ends the
#: number only when a word follows: "01 76 35 01 70/ du lundi" is read to its last digit).
PHONE = re.compile(
    rf"(?<![\w/])(?:\+[0-9]{{1,3}}[ .\u00a0]?)?[0-9](?:{_PHONE_SEPARATOR}?[0-9]){{3,14}}(?!\w|/\w)"
)

#: A number of four characters or more written in groups of digits (``01 23 45 67 89``,
#: ``10 000``, ``2015  5``), maybe after +. Typography keeps each such run as it is: it
#: runs before any check, so it cannot tell a phone number from an amount or a file
#: number as :data:`PHONE` does, and the spaces inside a number are the writer's.
NUMBER_RUN = re.compile(rf"\+?\d[\d{_GROUP_SEPARATORS}]{{2,}}\d")

#: Six digits or more (any script), together or grouped, anywhere in a pseudonym:
#: unlike :data:`PHONE` it finds a number glued to letters ("jean0612345678"),
#: since in a name that is how a phone number hides.
DIGITS_IN_NAME = re.compile(rf"(?:\d{_PHONE_SEPARATOR}?){{6,}}")

_CAPITALS = "A-Z"

#: An acronym: a word of two capitals or more (A-Z), digits allowed ("CAF", "CERFA15776").
ACRONYM = re.compile(
    rf"\b[{_CAPITALS}][{_CAPITALS}0-9]*[{_CAPITALS}][{_CAPITALS}0-9]*\b|\b[{_CAPITALS}]{{2,}}\d+\b"
)

#: A word in capitals, accented ones included: several together are a shouted phrase
#: ("TRÈS URGENT") or a name in capitals, where :data:`ACRONYM` alone would see acronyms.
CAPITAL_WORD = re.compile(rf"\b[{_CAPITALS}À-Ý]{{2,}}\b")

_NON_DIGIT = re.compile(r"\D")
_FRANCE = ("+33", "0033")


def french_number(value: str, *, digits: str | None = None) -> str | None:
    """The French number ``value`` writes, as dialled in France; None when it is not one.

    French numbers: 10 digits starting with 0 but not 00 (``01 23 45 67 89``); 4-digit
    service numbers starting with 1 or 3 (``32 30``); ``+33`` or ``0033`` followed by the
    9 digits after the 0 (``+33 1 23 45 67 89``, returned as ``0123456789``). ``value`` is
    the number as written: digits and separators, maybe after ``+``; ``digits``, its
    digits, when the caller has them already.
    """
    if digits is None:
        digits = _NON_DIGIT.sub("", value)
    if value.startswith(_FRANCE):
        national = digits[2:] if value.startswith("+") else digits[4:]
        if len(national) == 9 and national[0] in "123456789":
            return "0" + national
        return None
    if value.startswith("+"):
        return None
    if len(digits) == 10 and digits[0] == "0" and digits[1] != "0":
        return digits
    if len(digits) == 4 and digits[0] in "13":
        return digits
    return None


def is_abroad(value: str) -> bool:
    """Whether ``value`` is dialled with an international prefix (``+`` or ``00``) for a
    country other than France: its country's rules, not :func:`french_number`, apply."""
    return value.startswith(("+", "00")) and not value.startswith(_FRANCE)


def dialable_from_abroad(value: str) -> bool:
    """Whether a phone number can be dialled from outside France.

    International numbers (``+…``, ``00…``, ``+33…`` included) and French numbers with
    10 digits can (the latter as +33 without the 0); French short service numbers
    (``32 30``) and ``08`` special-rate numbers cannot.
    """
    number = french_number(value)
    if number is None:
        return is_abroad(value)
    if value.startswith(("+", "00")):
        return not number.startswith("08")
    return len(number) == 10 and not number.startswith("08")
