"""``sprep profile check``: a profile, and which section signs each structure of an export."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import TextIO

from ..exceptions import SprepError
from ..export import is_answered, read_rows, repair_c1, structures_of
from ..inputs import Structure
from ..profile import Profile
from ._common import EXIT_ERRORS_FOUND, EXIT_OK, UsageError, load_profile, signed_by
from ._terminal import TerminalWriter, shown

__all__ = ["profile_command"]


def _describe(profile: Profile) -> str:
    contacts = ", ".join(c.value for c in profile.contacts) or "no contact"
    extra = f"; templates {profile.template_dir}" if profile.template_dir else ""
    return f"{profile.signature.line}; {contacts}; late after {profile.late_after_days} days{extra}"


def profile_command(arguments: argparse.Namespace, out: TextIO) -> int:
    """``sprep profile check PROFILE [EXPORT]`` (controls from the input escaped)."""
    out = TerminalWriter(out)  # type: ignore[assignment]
    profile = load_profile(arguments.profile)
    out.write(f"{arguments.profile}: valid\n  default: {_describe(profile)}\n")
    for section in profile.structures:
        kind = "pattern" if section.is_pattern else "name or id"
        out.write(
            f"  #{section.number} match = {section.match!r} ({kind}): "
            f"{_describe(profile.signer(section))}\n"
        )
    if arguments.export is None:
        return EXIT_OK
    rows: Counter[Structure | None] = Counter()
    waiting: Counter[Structure | None] = Counter()
    total = unreadable = 0
    try:
        source = sys.stdin.buffer if arguments.export == "-" else open(arguments.export, "rb")
    except OSError as error:
        raise UsageError(f"cannot read {shown(arguments.export)}: {error.strerror}") from None
    with source:
        _form, read = read_rows(source)
        for row in read:
            total += 1
            try:
                if row.fields is None:
                    raise ValueError(row.problem)
                fields = {
                    k: repair_c1(v) if isinstance(v, str) else v for k, v in row.fields.items()
                }
                structures: tuple[Structure | None, ...] = structures_of(fields) or (None,)
                answered = is_answered(fields)
            except (ValueError, SprepError):
                unreadable += 1
                continue
            rows.update(structures)
            if not answered:
                waiting.update(structures)
    out.write(
        f"{arguments.export}: {total} rows, {sum(1 for s in rows if s is not None)} structures"
        + (f", {unreadable} rows unreadable" if unreadable else "")
        + "\n"
    )
    out.write(f"{'rows':>6} {'waiting':>8}  {'signed by':<12} {'structure id':<14} structure\n")
    for structure, count in sorted(rows.items(), key=lambda item: (-item[1], str(item[0]))):
        name = shown(structure.name) if structure else "(no structure)"
        identifier = shown(structure.id if structure and structure.id else "-")
        signer = signed_by(profile.section_for(structure))
        out.write(f"{count:>6} {waiting[structure]:>8}  {signer:<12} {identifier:<14} {name}\n")
    unmatched = [
        s for s in profile.structures if not any(s.matches(t) for t in rows if t is not None)
    ]
    for section in unmatched:
        out.write(f"{section} matches no structure of {arguments.export}\n")
    return EXIT_ERRORS_FOUND if unmatched else EXIT_OK
