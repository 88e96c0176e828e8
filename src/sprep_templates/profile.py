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
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs

from .exceptions import InvalidInputError, ProfileError
from .inputs import Contact, Signature
from .personalisation import DEFAULT_LATE_AFTER_DAYS

__all__ = ["Profile", "ProfileError", "example_profile_path"]


def example_profile_path() -> Path:
    """The bundled example profile (``examples/profile.toml`` in the repository)."""
    packaged = Path(str(files("sprep_templates"))) / "data" / "example-profile.toml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "examples" / "profile.toml"


@attrs.frozen
class Profile:
    """Signature, contacts and (optionally) a folder of custom templates."""

    signature: Signature
    contacts: tuple[Contact, ...] = ()
    template_dir: Path | None = None
    #: A reply written more than this many days after the experience was published
    #: apologises for the wait (``personalisation.DEFAULT_LATE_AFTER_DAYS``: a month).
    late_after_days: int = DEFAULT_LATE_AFTER_DAYS

    @classmethod
    def from_toml(cls, path: str | Path) -> Profile:
        """Read a profile; :class:`ProfileError` says which file and key is wrong."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
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
        """Build a profile from the TOML structure (a dict)."""
        unknown = set(data) - {"signature", "contacts", "templates", "late_after_days"}
        if unknown:
            raise ProfileError(
                f"{source}: unknown key(s) {', '.join(sorted(unknown))}; "
                "expected signature, contacts, templates, late_after_days"
            )
        late_after_days = data.get("late_after_days", DEFAULT_LATE_AFTER_DAYS)
        if (
            isinstance(late_after_days, bool)
            or not isinstance(late_after_days, int)
            or late_after_days < 0
        ):
            raise ProfileError(
                f"{source}: late_after_days must be a whole number of days, 0 or more "
                f"(got {late_after_days!r})"
            )
        signature_data = data.get("signature")
        if not isinstance(signature_data, dict):
            raise ProfileError(
                f"{source}: a [signature] table with first_name and organisation is required"
            )
        try:
            signature = Signature(
                first_name=signature_data.get("first_name"),
                organisation=signature_data.get("organisation"),
                closing=signature_data.get("closing"),
            )
        except InvalidInputError as error:
            raise ProfileError(f"{source}: [signature]: {error}") from None
        contacts_data = data.get("contacts", [])
        if not isinstance(contacts_data, list):
            raise ProfileError(f"{source}: contacts must be an array of tables ([[contacts]])")
        contacts = []
        for number, item in enumerate(contacts_data, start=1):
            if not isinstance(item, dict):
                raise ProfileError(f"{source}: contacts #{number} must be a table")
            try:
                contacts.append(
                    Contact(item.get("kind", ""), item.get("value", ""), item.get("label"))
                )
            except InvalidInputError as error:
                raise ProfileError(f"{source}: contacts #{number}: {error}") from None
        template_dir = None
        if "templates" in data:
            if not isinstance(data["templates"], str):
                raise ProfileError(f"{source}: templates must be a folder path (a string)")
            template_dir = (base or Path.cwd()) / data["templates"]
            if not template_dir.is_dir():
                raise ProfileError(f"{source}: templates folder {template_dir} does not exist")
        return cls(
            signature=signature,
            contacts=tuple(contacts),
            template_dir=template_dir,
            late_after_days=late_after_days,
        )
