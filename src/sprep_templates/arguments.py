"""Checking the arguments of the public functions: a wrong type or value is an
:class:`~sprep_templates.exceptions.InvalidInputTypeError` (or ``InvalidInputError``)
naming the parameter, never a ``TypeError`` from deep inside (issue 21 item 14).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from typing import Any

from .exceptions import InvalidInputTypeError

__all__ = ["check_bool", "check_draft_many_arguments", "check_path", "check_str", "shown"]


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)`` for an error message: cut to ``limit`` characters, and a
    description when the value has no printable repr (an integer of 5,000 digits)."""
    try:
        text = repr(value)
    except Exception:
        return f"a {type(value).__name__} that cannot be shown"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_str(where: str, value: object) -> str:
    """``value`` when it is a str, else an error naming ``where``."""
    if not isinstance(value, str):
        raise InvalidInputTypeError(
            f"{where} must be a str (got {shown(value)} that is a {type(value).__name__})"
        )
    return value


def check_bool(where: str, value: object) -> bool:
    """``value`` when it is True or False: ``"false"`` would be true."""
    if not isinstance(value, bool):
        raise InvalidInputTypeError(
            f"{where} must be True or False (got {shown(value)} that is a {type(value).__name__})"
        )
    return value


def check_path(where: str, value: object) -> str | os.PathLike[str] | None:
    """``value`` when it is None, a str or a path, else an error naming ``where``."""
    if value is None or isinstance(value, (str, os.PathLike)):
        if isinstance(value, str) and "\x00" in value:
            raise InvalidInputTypeError(f"{where} must be a folder's path (got {shown(value)})")
        return value
    raise InvalidInputTypeError(
        f"{where} must be a folder's path, as a str or a pathlib.Path (got {shown(value)} "
        f"that is a {type(value).__name__})"
    )


def check_draft_many_arguments(
    rows: Any,
    profile: object,
    structure: object,
    require_section: object,
    include_answered: object,
    today: object,
    *,
    profile_type: type,
) -> None:
    """Refuse what :func:`~sprep_templates.draft_many` cannot use, naming the parameter
    (``profile_type``: :class:`~sprep_templates.Profile`, which this module cannot import)."""
    if isinstance(rows, (str, bytes)) or not (
        hasattr(rows, "iterrows") or isinstance(rows, Iterable)
    ):
        raise InvalidInputTypeError(
            "draft_many: rows must be an iterable of mappings (the export's rows) or a "
            f"pandas DataFrame (got {shown(rows)} that is a {type(rows).__name__})"
        )
    if not isinstance(profile, profile_type):
        raise InvalidInputTypeError(
            "draft_many: profile must be a Profile (Profile.from_toml('profile.toml')); "
            f"got {shown(profile)} that is a {type(profile).__name__}"
        )
    if structure is not None and not isinstance(structure, str):
        if isinstance(structure, bytes) or not isinstance(structure, Iterable):
            raise InvalidInputTypeError(
                "draft_many: structure must be a name or id, or several in a list "
                f"(got {shown(structure)} that is a {type(structure).__name__})"
            )
        if isinstance(structure, (list, tuple, set, frozenset)):  # not a one-shot iterator
            for item in structure:
                check_str("draft_many: each structure", item)
    check_bool("draft_many: require_section", require_section)
    check_bool("draft_many: include_answered", include_answered)
    if today is not None and not isinstance(today, date):
        raise InvalidInputTypeError(
            f"draft_many: today must be a date (got {shown(today)} that is a "
            f"{type(today).__name__})"
        )
