"""The structured inputs of a reply besides the experience (``_experience.py``): who
signs, a contact, a structure; and the checking of text fields they share.

Every refusal raises :class:`~sprep_templates.exceptions.InvalidInputError`
with a message naming the class, the field, what was expected and what came.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

import attrs

from ..arguments import shown
from ..exceptions import InvalidInputError, InvalidInputTypeError
from ..folding import INVISIBLE, strip_invisible
from ..limits import FREE_TEXT_MAX_CHARS
from ..patterns import EMAIL, dialable_from_abroad, french_number, is_abroad
from ..text import FORBIDDEN, clean_text, count_words, forbidden_character
from ._structure_text import check_structure_text as _checked

__all__ = [
    "CONTACT_KINDS",
    "Contact",
    "Signature",
    "Structure",
    "clean_free_text",
]

CONTACT_KINDS = ("web", "phone", "email", "address")


_SURROGATE = re.compile("[\ud800-\udfff]")


# Any character a text field refuses or drops: one scan finds whether there is one.
_SUSPECT = re.compile("[\ud800-\udfff" + FORBIDDEN.pattern[1:-1] + INVISIBLE.pattern[1:-1] + "]")


def _text_field(
    owner: str, field: str, value: object, *, max_chars: int, invisible: str = "refuse"
) -> str:
    """Validate and clean one text field; the error names ``owner.field``.

    Invisible characters (:data:`.folding.INVISIBLE`: zero-width characters, the word
    joiner, a BOM, soft hyphens, tag characters, Hangul fillers) would pass into a reply
    as they are. ``invisible="refuse"`` (the agent's own text: signature, contacts,
    situation, answer, improvement) refuses them, naming the character, since an agent
    can remove them at the source; ``"strip"`` (the user's text in an export: pseudonym,
    title, channels, action, country) drops them, since one row must not be lost for
    what shows nothing. Bidirectional controls are refused in both.
    """
    if (
        value.__class__ is str
        and value.isascii()
        and value.isprintable()  # so no control character, and " " the only space
        and 0 < len(value) <= max_chars
        and value[0] != " " != value[-1]
        and "  " not in value
    ):
        return value  # plain text: what the checks below leave
    if not isinstance(value, str):
        raise InvalidInputTypeError(
            f"{owner}.{field} must be a str (got {shown(value)} that is a {type(value).__name__})"
        )
    suspect = _SUSPECT.search(value) is not None
    surrogate = _SURROGATE.search(value) if suspect else None
    if surrogate is not None:
        raise InvalidInputError(
            f"{owner}.{field} contains U+{ord(surrogate.group()):04X}, half of a surrogate "
            "pair, which is no character (text decoded wrongly?)"
        )
    bad = forbidden_character(value) if suspect else None
    if bad is not None:
        if "\x80" <= bad <= "\x9f":  # C1: text that went through cp1252 and back
            raise InvalidInputError(
                f"{owner}.{field} contains U+{ord(bad):04X}, a character a cp1252 export "
                "leaves in place of ’, «, œ…: read export rows with "
                "Experience.from_export_row(row), which repairs them as sprep draft does "
                "(or repair the text with sprep_templates.export.repair_c1)"
            )
        raise InvalidInputError(
            f"{owner}.{field} contains the control character U+{ord(bad):04X}; "
            "remove it (copy the text again from its source)"
        )
    if len(value) > max_chars:
        raise InvalidInputError(
            f"{owner}.{field} is {len(value)} characters long; the most accepted is {max_chars}"
        )
    hidden = INVISIBLE.search(value) if suspect else None
    if hidden is not None:
        if invisible == "refuse":
            raise InvalidInputError(
                f"{owner}.{field} contains the invisible character U+{ord(hidden.group()):04X} "
                f"({unicodedata.name(hidden.group(), 'unnamed')}), which would pass into the "
                "reply as it is; remove it (retype the text rather than paste it)"
            )
        value = strip_invisible(value)
        if not value.strip():
            return ""  # nothing but invisible characters: blank (see _optional_text)
    cleaned = clean_text(value)
    if not cleaned:
        raise InvalidInputError(f"{owner}.{field} must not be empty or blank (got {shown(value)})")
    return cleaned


def clean_free_text(field: str, value: str | None) -> str | None:
    """Validate an agent's free-text sentence (``situation``, ``answer``, ``improvement``).

    White space is folded to single spaces and a final full stop is added when
    the text ends without punctuation; ``None`` stays ``None``.
    """
    if value is None:
        return None
    # Text is data: "{{ 7*7 }}" in it is printed as it is, never evaluated.
    text = _text_field("draft_reply", field, value, max_chars=FREE_TEXT_MAX_CHARS)
    if text[-1] not in ".!?…»)":
        text += "."
    return text[0].upper() + text[1:]


def _optional_text(
    owner: str, field: str, value: object, max_chars: int, invisible: str = "refuse"
) -> str | None:
    """None for a missing or blank value, else the cleaned text."""
    if (
        value.__class__ is str
        and value.isascii()
        and value.isprintable()
        and 0 < len(value) <= max_chars
        and value[0] != " " != value[-1]
        and "  " not in value
    ):
        return value  # plain text: what _text_field's own first test returns as it is
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = _text_field(owner, field, value, max_chars=max_chars, invisible=invisible)
    return text or None  # "": nothing but invisible characters


def _label(value: str | None) -> str | None:
    return _optional_text("Contact", "label", value, 80)


@attrs.frozen
class Structure:
    """A structure an experience concerns (the export's ``Intitulé structure N``), and
    its id when the export gives it (``ID structure N``). Each one answers on its own.

    ``name`` as the export writes it; ``id`` when known.
    """

    name: str = attrs.field(validator=lambda _s, _a, v: _checked("name", v))
    id: str | None = attrs.field(default=None, validator=lambda _s, _a, v: _checked("id", v))


_FIRST_NAME = re.compile(r"[^\W\d_]+(?:[ '’\-][^\W\d_]+)*")


def _first_name(value: str) -> str:
    text = _text_field("Signature", "first_name", value, max_chars=40)
    if not _FIRST_NAME.fullmatch(text):
        raise InvalidInputError(
            f"Signature.first_name must be a first name: letters, spaces, hyphens or "
            f"apostrophes (got {shown(value)})"
        )
    return text


def _organisation(value: str) -> str:
    text = _text_field("Signature", "organisation", value, max_chars=120)
    if count_words(text) > 12:
        raise InvalidInputError(
            f"Signature.organisation has {count_words(text)} words; the most accepted is 12 "
            f"(got {shown(value)})"
        )
    return text


def _closing(value: str | None) -> str | None:
    if value is None:
        return None
    text = _text_field("Signature", "closing", value, max_chars=60)
    if count_words(text) > 6:
        raise InvalidInputError(
            f"Signature.closing must be a short politeness formula of 6 words at most "
            f"(got {shown(value)})"
        )
    return text if text.endswith(",") else text.rstrip(".") + ","


@attrs.frozen(cache_hash=True)
class Signature:
    """Who signs: "Prénom, pour Organisme", after a politeness formula.

    ``organisation`` is written as it follows "pour", with its article:
    ``la Caf de Paris``, ``l’Assurance Maladie``, ``France Travail``,
    ``le consulat général de France à Montréal``. ``closing`` replaces the
    politeness formula the templates would choose ("Cordialement,").

    ``first_name`` is the agent's first name (letters, spaces, hyphens, apostrophes).
    """

    first_name: str = attrs.field(converter=_first_name)
    organisation: str = attrs.field(converter=_organisation)
    closing: str | None = attrs.field(default=None, converter=_closing)

    @property
    def line(self) -> str:
        """The signature line: ``Jean, pour la Caf de Paris``."""
        return f"{self.first_name}, pour {self.organisation}"


_PHONE_CHARS = re.compile(r"\+?[\d \u00a0.\-()]+")
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+")


def _format_phone(value: str) -> str:
    """Check a phone number and write it the French way, in pairs of digits."""
    if not _PHONE_CHARS.fullmatch(value):
        raise InvalidInputError(
            f"Contact.value for a phone must hold only digits, spaces and a leading + "
            f"(got {shown(value)})"
        )
    number = french_number(value)
    if number is not None and value.startswith(("+", "00")):  # +33 or 0033
        pairs = " ".join(number[i : i + 2] for i in range(2, 10, 2))
        return f"+33 {number[1]} {pairs}"
    if number is not None and len(number) == 10:
        return " ".join(number[i : i + 2] for i in range(0, 10, 2))
    if number is not None:  # short service numbers: 3230, 3939, 1010
        return f"{number[:2]} {number[2:]}"
    digits = re.sub(r"\D", "", value)
    if is_abroad(value) and value.startswith("+") and 8 <= len(digits) <= 15:
        return " ".join(value.split())  # a number abroad, for a consulate or an embassy
    raise InvalidInputError(
        "Contact.value is not a phone number we can print: expected 10 digits starting "
        f"with 0 (01 23 45 67 89), a 4-digit service number (32 30), or +33…/+ an "
        f"international number (got {shown(value)})"
    )


def _check_url(value: str) -> str:
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").lower()
    except ValueError:  # "https://[::1/": an unclosed bracket
        raise InvalidInputError(
            f"Contact.value for web must be a web address such as "
            f"https://www.caf.fr/nous-contacter (got {shown(value)})"
        ) from None
    if parts.scheme != "https":
        raise InvalidInputError(
            f"Contact.value for web must be an https:// address (got {shown(value)})"
        )
    if not _HOST.fullmatch(host) or " " in value or parts.username or parts.password:
        raise InvalidInputError(
            f"Contact.value for web must be a web address such as "
            f"https://www.caf.fr/nous-contacter (got {shown(value)})"
        )
    return value


@attrs.frozen(cache_hash=True)
class Contact:
    """A channel the reply can point the user to.

    ``kind`` is ``web`` (an https URL), ``phone``, ``email`` or ``address`` (a
    counter or postal address, such as a "point numérique"). ``label``
    optionally says more: ``service retraite`` for a phone, ``le point
    numérique de la préfecture`` for an address.

    ``value``: the address, number or text, checked and written the French way
    (phone numbers in pairs of digits). ``abroad``: whether a user abroad can use it
    (derived when not given, see below).
    """

    kind: str = attrs.field()
    value: str = attrs.field()
    label: str | None = attrs.field(default=None, converter=_label)
    #: Whether a user abroad can use this contact. None (the default) derives it: a
    #: phone number can be dialled from abroad unless it is a French short service
    #: number (``32 30``) or an ``08`` special-rate number; other contacts can be used.
    abroad: bool | None = attrs.field(default=None)

    @kind.validator
    def _check_kind(self, attribute: attrs.Attribute[str], kind: object) -> None:
        if kind not in CONTACT_KINDS:
            raise InvalidInputError(
                f"Contact.kind must be one of {', '.join(CONTACT_KINDS)} (got {shown(kind)})"
            )

    def __attrs_post_init__(self) -> None:
        value = _text_field("Contact", "value", self.value, max_chars=300)
        if self.kind == "web":
            value = _check_url(value)
        elif self.kind == "phone":
            value = _format_phone(value)
        elif self.kind == "email":
            if not EMAIL.fullmatch(value):
                raise InvalidInputError(
                    f"Contact.value for email must be an address such as "
                    f"contact@caf.fr (got {shown(value)})"
                )
        elif count_words(value) > 15:
            raise InvalidInputError(
                f"Contact.value for an address has {count_words(value)} words; "
                f"the most accepted is 15 (got {shown(value)})"
            )
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "abroad", self._reachable_from_abroad())

    def _reachable_from_abroad(self) -> bool:
        if self.abroad is not None and not isinstance(self.abroad, bool):
            raise InvalidInputError(
                f"Contact.abroad must be true, false or left out (got {shown(self.abroad)})"
            )
        dialable = self.kind != "phone" or dialable_from_abroad(self.value)
        if self.abroad is None:
            return dialable
        if self.abroad and not dialable:
            raise InvalidInputError(
                f"Contact.abroad: {self.value} cannot be dialled from abroad (French short "
                "service numbers and 08 special-rate numbers cannot); give the "
                "international number instead, or leave abroad out"
            )
        return self.abroad
