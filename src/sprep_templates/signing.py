"""Who signs a draft: the arguments of ``draft_reply``, or a :class:`Profile` set once.

``draft_reply(experience, profile=p, structure=s)`` signs as ``p.for_structure(s)``:
its signature, contacts, template folder and ``late_after_days``. Those four come
either from the profile or from their own arguments, never both: an argument beside
``profile=`` is an :class:`InvalidInputError` (a value silently winning over the
profile, or silently losing to it, is how a consulate's reply gets a Caf's number).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, runtime_checkable

from .exceptions import InvalidInputError, InvalidInputTypeError
from .experience import DEFAULT_LATE_AFTER_DAYS
from .inputs import Contact, Signature, Structure

__all__ = ["SigningProfile", "signer_arguments"]


@runtime_checkable
class SigningProfile(Protocol):
    """What ``draft_reply(profile=…)`` reads of a :class:`~sprep_templates.Profile`
    (drafting depends on this, not on the profile module, which depends on drafting
    for its length proof)."""

    @property
    def signature(self) -> Signature: ...
    @property
    def contacts(self) -> tuple[Contact, ...]: ...
    @property
    def template_dir(self) -> Path | None: ...
    @property
    def late_after_days(self) -> int: ...
    def for_structure(self, structure: Structure | str | None) -> SigningProfile: ...


def signer_arguments(
    profile: SigningProfile | None,
    structure: Structure | str | None,
    signature: Signature | None,
    contacts: Iterable[Contact] | None,
    template_dir: str | Path | None,
    late_after_days: int | None,
) -> tuple[object, Iterable[object], str | Path | None, int]:
    """(signature, contacts, template folder, late_after_days) to draft with."""
    if profile is None:
        if structure is not None:
            raise InvalidInputError(
                "draft_reply: structure= needs profile= (it chooses the profile's section "
                "for that structure); without a profile, give signature= and contacts="
            )
        if signature is None:
            raise InvalidInputError(
                "draft_reply needs signature= or profile=: who signs the reply, such as "
                "signature=Signature('Jean', 'la Caf de Paris') or "
                "profile=Profile.from_toml('profile.toml')"
            )
        return (
            signature,
            () if contacts is None else contacts,
            template_dir,
            DEFAULT_LATE_AFTER_DAYS if late_after_days is None else late_after_days,
        )
    if not isinstance(profile, SigningProfile):
        raise InvalidInputTypeError(
            f"draft_reply profile must be a Profile (got {type(profile).__name__}): "
            "Profile.from_toml('profile.toml')"
        )
    given = {
        "signature": signature,
        "contacts": contacts,
        "template_dir": template_dir,
        "late_after_days": late_after_days,
    }
    both = [name for name, value in given.items() if value is not None]
    if both:
        raise InvalidInputError(
            f"draft_reply: profile= already sets {', '.join(both)}; give either the "
            "profile or those arguments, not both (for another signer, "
            "attrs.evolve(profile, signature=…))"
        )
    signer = profile.for_structure(structure)
    return signer.signature, signer.contacts, signer.template_dir, signer.late_after_days
