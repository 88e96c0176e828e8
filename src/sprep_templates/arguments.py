"""Checking the arguments of the public functions: a wrong type or value is an
:class:`~sprep_templates.exceptions.InvalidInputTypeError` (or ``InvalidInputError``)
naming the parameter, never a ``TypeError`` from deep inside (issue 21 item 14).
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterable
from datetime import date
from typing import Any

from .exceptions import InvalidInputError, InvalidInputTypeError

__all__ = [
    "check_bool",
    "check_draft_many_arguments",
    "check_export_arguments",
    "check_path",
    "check_str",
    "shown",
]


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


def check_export_arguments(
    where: str,
    *,
    source: object,
    profile: object,
    jobs: object,
    structure: object,
    require_section: object,
    include_answered: object,
    statuses: object,
    today: object,
    note: object,
    encoding: object,
    profile_type: type,
    max_jobs: int,
    known_statuses: tuple[str, ...],
    output: object = ...,
    callbacks: dict[str, object] | None = None,
    flags: dict[str, object] | None = None,
) -> None:
    """Refuse what :func:`~sprep_templates.export.draft_export` (no ``output``) or
    :func:`~sprep_templates.export.draft_export_to` cannot use, before any row is read,
    naming the parameter: a wrong value found later would reject every row one by one.
    (``profile_type``, ``max_jobs``, ``known_statuses``: what this module cannot import
    without an import circle.)"""
    to_file = output is not ...
    if to_file:
        if isinstance(source, (str, os.PathLike)):
            check_str(f"{where}: source", os.fspath(source))
        elif not _binary_reader(source):
            raise InvalidInputTypeError(
                f"{where}: source must be the export's path (a str or a pathlib.Path) or a "
                f"binary stream (open(path, 'rb')); got {shown(source)} that is a "
                f"{type(source).__name__}"
            )
        if not isinstance(output, (str, os.PathLike)) and not _text_writer(output):
            raise InvalidInputTypeError(
                f"{where}: output must be a path (a str or a pathlib.Path) or a text stream "
                f"(open(path, 'w', encoding='utf-8'), sys.stdout); got {shown(output)} that is "
                f"a {type(output).__name__}"
            )
    elif not _binary_reader(source):
        raise InvalidInputTypeError(
            f"{where}: source must be a binary stream (open(path, 'rb')); got {shown(source)} "
            f"that is a {type(source).__name__} (draft_export_to takes a path)"
        )
    if not isinstance(profile, profile_type):
        raise InvalidInputTypeError(
            f"{where}: profile must be a Profile (Profile.from_toml('profile.toml')); got "
            f"{shown(profile)} that is a {type(profile).__name__}"
        )
    if isinstance(jobs, bool) or not isinstance(jobs, int) or not 1 <= jobs <= max_jobs:
        raise InvalidInputTypeError(
            f"{where}: jobs must be a whole number from 1 to {max_jobs} (got {shown(jobs)})"
        )
    if structure is not None and not isinstance(structure, str):
        if isinstance(structure, bytes) or not isinstance(structure, Iterable):
            raise InvalidInputTypeError(
                f"{where}: structure must be a name or id, or several in a list (got "
                f"{shown(structure)} that is a {type(structure).__name__})"
            )
        if isinstance(structure, (list, tuple, set, frozenset)):  # not a one-shot iterator
            for item in structure:
                check_str(f"{where}: each structure", item)
    check_bool(f"{where}: require_section", require_section)
    check_bool(f"{where}: include_answered", include_answered)
    for name, flag in (flags or {}).items():
        check_bool(f"{where}: {name}", flag)
    if statuses is not None:
        if isinstance(statuses, (str, bytes)) or not isinstance(statuses, Iterable):
            raise InvalidInputTypeError(
                f"{where}: statuses must be a list of statuses, e.g. ['ready'] (got "
                f"{shown(statuses)} that is a {type(statuses).__name__})"
            )
        if isinstance(statuses, (list, tuple, set, frozenset)):
            unknown = [s for s in statuses if s not in known_statuses]
            if unknown:
                raise InvalidInputError(
                    f"{where}: statuses holds {shown(unknown[0])}, which is no status: "
                    f"give some of {', '.join(known_statuses)}"
                )
    if today is not None and not isinstance(today, date):
        raise InvalidInputTypeError(
            f"{where}: today must be a datetime.date (got {shown(today)} that is a "
            f"{type(today).__name__}; date.fromisoformat('2026-12-07') makes one)"
        )
    if note is not None:
        check_str(f"{where}: note", note)
    if encoding is not None:
        check_str(f"{where}: encoding", encoding)
        try:
            codecs.lookup(encoding)  # type: ignore[arg-type]
        except LookupError:
            raise InvalidInputError(
                f"{where}: encoding {encoding!r} is unknown (try utf-8, cp1252, latin-1, "
                "utf-16, or None to detect it)"
            ) from None
    for name, callback in (callbacks or {}).items():
        if callback is not None and not callable(callback):
            raise InvalidInputTypeError(
                f"{where}: {name} must be a function or None (got {shown(callback)} that is a "
                f"{type(callback).__name__})"
            )


def _binary_reader(stream: object) -> bool:
    if not callable(getattr(stream, "read", None)):
        return False
    return not isinstance(stream, io.TextIOBase)


def _text_writer(stream: object) -> bool:
    if not callable(getattr(stream, "write", None)):
        return False
    return not isinstance(stream, (io.RawIOBase, io.BufferedIOBase))
