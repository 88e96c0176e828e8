"""An agent's profile: what they set once on the platform (signature, contacts, templates).

Read from a TOML file (top-level keys come before the first table: in TOML,
a key written after ``[[contacts]]`` belongs to that contact)::

    templates = "my-templates"        # optional, relative to this file
    late_after_days = 30              # optional: when a reply apologises for the wait

    [signature]
    first_name = "Jean"
    organisation = "la Caf de Paris"
    closing = "Cordialement"          # optional

    [[contacts]]
    kind = "phone"
    value = "32 30"

    [[contacts]]
    kind = "web"
    value = "https://www.caf.fr/nous-contacter"

A network's profile adds sections, one per structure or family of structures; the
first whose ``match`` fits a structure signs its drafts, the default above signs the
others::

    [[structures]]
    match = "Consulat général de France à Montréal"   # a name or an id, or "Consulat*"
    signature = { first_name = "Léa", organisation = "le consulat général de France à Montréal" }
    contacts = [ { kind = "phone", value = "+1 514 878 4385", abroad = true } ]
    # templates = "consulate-templates"; late_after_days = 15

A section's ``signature`` keys replace the default's one by one (a section giving only
``organisation`` keeps the default's first name); ``contacts``, ``templates`` and
``late_after_days`` replace the default's whole.

Every signer (the default, and each section with what it inherits) is checked when the
profile loads: a signature or contacts that could push a reply past 150 words are refused
with the figure (``drafting/_length_proof.longest_reply``).
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, cast

import attrs

from .arguments import shown
from .drafting import longest_reply, within_guaranteed_limits
from .exceptions import InvalidInputError, InvalidInputTypeError, ProfileError, SprepError
from .experience import DEFAULT_LATE_AFTER_DAYS
from .french import contact_phrase, join_alternatives
from .inputs import Contact, Signature, Structure
from .limits import MAX_WORDS
from .text import count_words

__all__ = ["Profile", "ProfileError", "StructureSection", "example_profile_path"]

_PROFILE_KEYS = ("signature", "contacts", "templates", "late_after_days", "structures")
_CONTACT_KEYS = ("kind", "value", "label", "abroad")
_SECTION_KEYS = ("match", "signature", "contacts", "templates", "late_after_days")
_SIGNATURE_KEYS = ("first_name", "organisation", "closing")
_PATTERN_CHARACTERS = frozenset("*?[")


def example_profile_path() -> Path:
    """The bundled example profile (``examples/profile.toml`` in the repository)."""
    packaged = Path(str(files("sprep_templates"))) / "data" / "example-profile.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples" / "profile.toml"


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _checked_signature(value: object, owner: str, optional: bool) -> Signature | None:
    """``value`` if it is a :class:`Signature` (or None when ``optional``), else refused."""
    if isinstance(value, Signature) or (optional and value is None):
        return value
    raise InvalidInputTypeError(
        f"{owner}.signature must be a Signature(first_name=…, organisation=…) "
        f"(got {shown(value)} that is a {type(value).__name__})"
    )


def _checked_contacts(value: object, owner: str, optional: bool) -> tuple[Contact, ...] | None:
    """A list or tuple of :class:`Contact` as a tuple: nobody changes a frozen profile's
    contacts after they were checked (None when ``optional``)."""
    if optional and value is None:
        return None
    if not isinstance(value, (tuple, list)):
        raise InvalidInputTypeError(
            f"{owner}.contacts must be a tuple of Contact, such as "
            f"(Contact(kind='phone', value='32 30'),) "
            f"(got {shown(value)} that is a {type(value).__name__})"
        )
    for index, contact in enumerate(value):
        if not isinstance(contact, Contact):
            raise InvalidInputTypeError(
                f"{owner}.contacts[{index}] must be a Contact(kind=…, value=…) "
                f"(got {shown(contact)} that is a {type(contact).__name__})"
            )
    return tuple(value)


def _checked_template_dir(value: object, owner: str) -> Path | None:
    """A folder given as text, as a :class:`~pathlib.Path` (None: the built-in ones)."""
    if value is None or isinstance(value, Path):
        return value
    if isinstance(value, (str, os.PathLike)) and "\x00" not in str(value):
        return Path(value)
    raise InvalidInputTypeError(
        f"{owner}.template_dir must be a folder's path, as a str or a pathlib.Path, "
        f"or None for the built-in templates (got {shown(value)} that is a "
        f"{type(value).__name__})"
    )


def _checked_days(value: object, owner: str, optional: bool) -> None:
    """Refuse a ``late_after_days`` that is no whole number of days, 0 or more."""
    if optional and value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInputTypeError(
            f"{owner}.late_after_days must be a whole number of days, 0 or more "
            f"(got {shown(value)} that is a {type(value).__name__})"
        )
    if value < 0:
        raise InvalidInputError(f"{owner}.late_after_days must be 0 or more days (got {value})")


def _section_signature(value: object) -> Signature | None:
    return _checked_signature(value, "StructureSection", optional=True)


def _section_contacts(value: object) -> tuple[Contact, ...] | None:
    return _checked_contacts(value, "StructureSection", optional=True)


def _section_template_dir(value: object) -> Path | None:
    return _checked_template_dir(value, "StructureSection")


def _section_days(_instance: object, _attribute: object, value: int | None) -> None:
    _checked_days(value, "StructureSection", optional=True)


def _profile_signature(value: object) -> Signature:
    return cast(Signature, _checked_signature(value, "Profile", optional=False))


def _profile_contacts(value: object) -> tuple[Contact, ...]:
    return _checked_contacts(value, "Profile", optional=False) or ()


def _profile_template_dir(value: object) -> Path | None:
    return _checked_template_dir(value, "Profile")


def _profile_days(_instance: object, _attribute: object, value: int) -> None:
    _checked_days(value, "Profile", optional=False)


@attrs.frozen
class StructureSection:
    """A ``[[structures]]`` section: the structures it signs for, and what it overrides.

    ``match`` is a structure's id (exact), its name (case and runs of spaces aside), or
    a shell-style pattern (``*``, ``?``, ``[…]``) over names and ids: ``"Consulat*"``.
    What is None is the profile's default. ``number`` is the section's place in the
    profile (from 1), for messages.
    """

    match: str = attrs.field(validator=attrs.validators.instance_of(str))
    number: int = 0
    signature: Signature | None = attrs.field(default=None, converter=_section_signature)
    contacts: tuple[Contact, ...] | None = attrs.field(default=None, converter=_section_contacts)
    template_dir: Path | None = attrs.field(default=None, converter=_section_template_dir)
    late_after_days: int | None = attrs.field(default=None, validator=_section_days)

    @property
    def is_pattern(self) -> bool:
        """Whether ``match`` is a shell-style pattern rather than a name or an id."""
        return bool(_PATTERN_CHARACTERS & set(self.match))

    def matches(self, structure: Structure) -> bool:
        """Whether this section signs for ``structure``."""
        if self.is_pattern:
            pattern = _fold(self.match)
            return fnmatch.fnmatchcase(_fold(structure.name), pattern) or (
                structure.id is not None and fnmatch.fnmatchcase(_fold(structure.id), pattern)
            )
        return self.match == structure.id or _fold(self.match) == _fold(structure.name)

    def __str__(self) -> str:
        return f"[[structures]] #{self.number} (match = {self.match!r})"


def _sections(value: object) -> tuple[StructureSection, ...]:
    if not isinstance(value, tuple) or not all(isinstance(s, StructureSection) for s in value):
        raise ProfileError("Profile.structures must be a tuple of StructureSection")
    return value


@attrs.frozen
class Profile:
    """Signature, contacts and (optionally) a folder of custom templates, and sections
    per structure (:class:`StructureSection`) that override them for their structures.

    ``signature`` signs, ``contacts`` orient the user, ``template_dir`` holds
    custom templates (None: the built-in ones), ``late_after_days`` and ``structures``
    are described below. Read one with :meth:`from_toml`; pass it to
    ``draft_reply(profile=…)`` or ``draft_many(profile=…)``.
    """

    signature: Signature = attrs.field(converter=_profile_signature)
    contacts: tuple[Contact, ...] = attrs.field(default=(), converter=_profile_contacts)
    template_dir: Path | None = attrs.field(default=None, converter=_profile_template_dir)
    #: A reply written more than this many days after the experience was published
    #: apologises for the wait (``experience.DEFAULT_LATE_AFTER_DAYS``: a month).
    late_after_days: int = attrs.field(default=DEFAULT_LATE_AFTER_DAYS, validator=_profile_days)
    #: Sections per structure, in order: the first that matches a structure signs it.
    structures: tuple[StructureSection, ...] = attrs.field(default=(), converter=_sections)

    def section_for(self, structure: Structure | None) -> StructureSection | None:
        """The first section that matches ``structure``; None: the default signs it."""
        if structure is None:
            return None
        return next((s for s in self.structures if s.matches(structure)), None)

    def signer(self, section: StructureSection | None) -> Profile:
        """The profile a section signs with (no sections of its own): the section's
        values over the default's. None gives the default."""
        if section is None:
            return attrs.evolve(self, structures=()) if self.structures else self
        return Profile(
            signature=section.signature or self.signature,
            contacts=self.contacts if section.contacts is None else section.contacts,
            template_dir=section.template_dir or self.template_dir,
            late_after_days=(
                self.late_after_days if section.late_after_days is None else section.late_after_days
            ),
        )

    def for_structure(self, structure: Structure | str | None) -> Profile:
        """The profile that signs the drafts of ``structure``: a :class:`Structure`, or a
        structure's name or id as text (matched as a section's ``match`` would match
        either); None gives the default."""
        if isinstance(structure, str):
            structure = Structure(structure, structure)  # either its name or its id
        elif structure is not None and not isinstance(structure, Structure):
            raise InvalidInputTypeError(
                "Profile.for_structure takes a Structure, a structure's name or id (str), "
                f"or None (got {shown(structure)} that is a {type(structure).__name__})"
            )
        return self.signer(self.section_for(structure))

    @classmethod
    def from_toml(cls, path: str | Path) -> Profile:
        """Read a profile; :class:`ProfileError` says which file and key is wrong."""
        if not isinstance(path, (str, os.PathLike)) or "\x00" in str(path):
            raise ProfileError(
                f"Profile.from_toml: path must be the profile's file, as a str or a "
                f"pathlib.Path (got {shown(path)} that is a {type(path).__name__})"
            )
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad writes a BOM
        except OSError as error:
            raise ProfileError(f"cannot read profile {path}: {error.strerror}") from None
        except UnicodeDecodeError:
            raise ProfileError(f"profile {path} is not UTF-8 text") from None
        except tomllib.TOMLDecodeError as error:
            raise ProfileError(f"profile {path} is not valid TOML: {error}") from None
        return cls.from_mapping(data, source=str(path), base=path.parent)

    @classmethod
    def from_mapping(
        cls, data: dict[str, Any], *, source: str = "profile", base: Path | None = None
    ) -> Profile:
        """Build a profile from the TOML structure (a dict).

        Raises :class:`ProfileError` naming the source, the section and the key; also
        when a signer's signature or contacts could make a reply longer than 150 words.
        """
        if not isinstance(source, str):
            raise ProfileError(f"Profile.from_mapping: source must be a str (got {shown(source)})")
        if base is not None and not isinstance(base, Path):
            raise ProfileError(
                f"Profile.from_mapping: base must be a pathlib.Path or None (got {shown(base)})"
            )
        if not isinstance(data, dict):
            raise ProfileError(
                f"{source}: the profile must be a table (a dict of keys such as signature "
                f"and contacts), got {shown(data)} that is a {type(data).__name__}"
            )
        _refuse_unknown(data, _PROFILE_KEYS, source)
        signature_data = data.get("signature")
        if not isinstance(signature_data, dict):
            raise ProfileError(
                f"{source}: a [signature] table with first_name and organisation is required"
            )
        default = cls(
            signature=_signature(signature_data, f"{source}: [signature]"),
            contacts=_contacts(data.get("contacts", []), f"{source}: "),
            template_dir=_templates(data, source, base),
            late_after_days=_late_after_days(
                data.get("late_after_days", DEFAULT_LATE_AFTER_DAYS), source
            ),
        )
        _check_length(default, source)
        sections_data = data.get("structures", [])
        if not isinstance(sections_data, list):
            raise ProfileError(f"{source}: structures must be an array of tables ([[structures]])")
        sections: list[StructureSection] = []
        matches: dict[str, StructureSection] = {}  # folded match: the first section with it
        for number, item in enumerate(sections_data, start=1):
            section = _section(item, number, signature_data, source, base)
            where = f"{source}: {section}"
            earlier = matches.setdefault(_fold(section.match), section)
            if earlier is not section:
                raise ProfileError(
                    f"{where}: match repeats {earlier}'s, which comes first and "
                    "always wins: remove one"
                )
            _check_length(default.signer(section), where)
            sections.append(section)
        return attrs.evolve(default, structures=tuple(sections))


def _refuse_unknown(found: Iterable[str], allowed: Sequence[str], where: str) -> None:
    """Refuse keys ``allowed`` does not list, naming each, the closest allowed one, and
    where a top-level key belongs when TOML put it inside a table."""
    unknown = sorted(set(found) - set(allowed))
    if not unknown:
        return
    hints = []
    for key in unknown:
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            hints.append(f"{key!r}: did you mean {close[0]!r}?")
        elif key in _PROFILE_KEYS and "contacts #" in where:
            hints.append(
                f"{key!r} belongs at the top of the file, before the first table: in TOML "
                "a key written after [[contacts]] belongs to that contact"
            )
        else:
            hints.append(f"{key!r} is not a key here")
    raise ProfileError(
        f"{where}: unknown key(s) {', '.join(unknown)} ({'; '.join(hints)}); "
        f"the keys here are {', '.join(allowed)}"
    )


def _signature(values: Mapping[str, Any], where: str) -> Signature:
    _refuse_unknown(values, _SIGNATURE_KEYS, where)
    try:
        return Signature(
            # a missing one is None, which Signature refuses naming the field
            first_name=values.get("first_name"),  # type: ignore[arg-type]
            organisation=values.get("organisation"),  # type: ignore[arg-type]
            closing=values.get("closing"),
        )
    except InvalidInputError as error:
        raise ProfileError(f"{where}: {error}") from None


def _contacts(value: object, where: str) -> tuple[Contact, ...]:
    if not isinstance(value, list):
        raise ProfileError(f"{where}contacts must be an array of tables ([[contacts]])")
    contacts = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise ProfileError(f"{where}contacts #{number} must be a table")
        _refuse_unknown(item, _CONTACT_KEYS, f"{where}contacts #{number}")
        try:
            contacts.append(
                Contact(
                    item.get("kind", ""),
                    item.get("value", ""),
                    item.get("label"),
                    item.get("abroad"),
                )
            )
        except InvalidInputError as error:
            raise ProfileError(f"{where}contacts #{number}: {error}") from None
    return tuple(contacts)


def _templates(data: Mapping[str, Any], where: str, base: Path | None) -> Path | None:
    if "templates" not in data:
        return None
    if not isinstance(data["templates"], str):
        raise ProfileError(f"{where}: templates must be a folder path (a string)")
    template_dir = (base or Path.cwd()) / data["templates"]
    if not template_dir.is_dir():
        raise ProfileError(f"{where}: templates folder {template_dir} does not exist")
    return template_dir


def _late_after_days(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ProfileError(
            f"{where}: late_after_days must be a whole number of days, 0 or more "
            f"(got {shown(value)})"
        )
    return value


def _section(
    item: object,
    number: int,
    default_signature: Mapping[str, Any],
    source: str,
    base: Path | None,
) -> StructureSection:
    if not isinstance(item, dict):
        raise ProfileError(f"{source}: [[structures]] #{number} must be a table")
    match = item.get("match")
    if isinstance(match, int) and not isinstance(match, bool):
        match = str(match)  # an id written as a number
    if not isinstance(match, str) or not match.strip():
        raise ProfileError(
            f"{source}: [[structures]] #{number}: match is required: a structure's name or "
            f'id, or a pattern such as "Consulat*" (got {shown(match)})'
        )
    where = f"{source}: [[structures]] #{number} (match = {match!r})"
    _refuse_unknown(item, _SECTION_KEYS, where)
    signature = None
    if "signature" in item:
        if not isinstance(item["signature"], dict):
            raise ProfileError(f"{where}: signature must be a table (signature = {{ … }})")
        signature = _signature({**default_signature, **item["signature"]}, f"{where}: signature")
    return StructureSection(
        match=match.strip(),
        number=number,
        signature=signature,
        contacts=_contacts(item["contacts"], f"{where}: ") if "contacts" in item else None,
        template_dir=_templates(item, where, base),
        late_after_days=(
            _late_after_days(item["late_after_days"], where) if "late_after_days" in item else None
        ),
    )


# The proof's counts for each (contacts, template folder), shared by the signers that
# have them: only the signature step is counted again for each signer. A few kept.
_PROOF_MEMOS: dict[tuple[tuple[Contact, ...], Path | None], dict[tuple[object, ...], int]] = {}


@lru_cache(maxsize=64)
def _longest(
    signature: Signature, contacts: tuple[Contact, ...], template_dir: Path | None
) -> tuple[int, str] | None:
    """The longest reply a signer can give and what it is (None: its templates cannot
    be loaded; the draft command reports a broken folder before drafting)."""
    memo = _PROOF_MEMOS.get((contacts, template_dir))
    if memo is None:
        if len(_PROOF_MEMOS) >= 4:
            _PROOF_MEMOS.clear()
        memo = _PROOF_MEMOS[(contacts, template_dir)] = {}
    try:
        bound = longest_reply(signature, contacts, template_dir, memo)
    except SprepError:
        return None
    return bound.longest, f"a {bound.sentiment} reply with {'+'.join(bound.shape)}"


def _check_length(signer: Profile, where: str) -> None:
    """Refuse a signer whose signature or contacts could make a reply pass 150 words.

    Within the guaranteed limits the exhaustive proof covers them already; beyond, the
    proof runs again with them in place of its largest signature and contacts.
    """
    if within_guaranteed_limits(signer.signature, signer.contacts):
        return
    found = _longest(signer.signature, signer.contacts, signer.template_dir)
    if found is None or found[0] <= MAX_WORDS:
        return
    words, which = found
    excess = words - MAX_WORDS
    parts = [
        f"the organisation ({count_words(signer.signature.organisation)} words)",
        _contacts_summary(signer.contacts),
    ]
    if signer.signature.closing is not None:
        parts.append(f"the closing ({count_words(signer.signature.closing)} words)")
    raise ProfileError(
        f"{where}: with this signature and these contacts {which} could have {words} words, "
        f"{excess} more than the guide's {MAX_WORDS}: shorten {' or '.join(parts)} "
        f"by {excess} words in all"
    )


def _contacts_summary(contacts: Iterable[Contact]) -> str:
    contacts = tuple(contacts)
    words = count_words(join_alternatives([contact_phrase(c) for c in contacts]))
    return f"the contacts ({len(contacts)}, {words} words in the reply)"
