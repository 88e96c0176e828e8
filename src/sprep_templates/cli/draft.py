"""``sprep draft``: argument checks, then :func:`~sprep_templates.export.draft_export_to`,
then its summary on stderr. The files (atomic outputs, ``OUT.partial``, resume) are the
library's, so that a service or a notebook does the same in one call."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import hashlib
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TextIO

import attrs

from ..drafting import load_template_set
from ..exceptions import InvalidInputError, SprepError, UnreadableInputError
from ..export import (
    MAX_JOBS,
    DraftInterrupted,
    ExportSummary,
    JobsUnavailableError,
    NoStructureMatchedError,
    OutOfDescriptorsError,
    OutputError,
    OutputRefusedError,
    draft_export_to,
    rejects_path_for,
)
from ..inputs import Structure
from ..profile import Profile, ProfileError, example_profile_path
from ..text import fold
from ._common import (
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_WARNINGS,
    FatalError,
    Stopped,
    UsageError,
    encoding_of,
    load_profile,
    say,
    signed_by,
)
from ._progress import Progress, position, size_of
from ._terminal import shown

__all__ = ["EXAMPLE_PROFILE_NOTE", "Progress", "draft_command"]


#: The bundled example export (``examples/export.csv``), recognised by its content too.
_EXAMPLE_EXPORT_SHA256 = "d71f92f5c7af4d8dbd64937c8420aa69f54a88869a0b89c958abe1617c503cea"

#: What every draft signed with the example profile says in its notes.
EXAMPLE_PROFILE_NOTE = (
    "signed with the example profile (Jean, pour la Caf de Paris, its contacts): "
    "give your own with --profile"
)


def _is_bundled_example(name: str) -> bool:
    """Whether the input is the bundled example export, by its path or its content."""
    if name == "-":
        return False
    path = Path(name)
    in_tree = Path(__file__).resolve().parents[3] / "examples" / "export.csv"
    with contextlib.suppress(OSError):
        if in_tree.exists() and path.exists() and path.samefile(in_tree):
            return True
        if path.is_file() and path.stat().st_size < 1 << 20:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            return digest == _EXAMPLE_EXPORT_SHA256
    return False


def _profile_of(arguments: argparse.Namespace) -> Profile:
    """The profile (``--profile``, else the example), its templates checked at once: a
    broken template folder stops the batch before it starts, not row by row."""
    profile_path = Path(arguments.profile) if arguments.profile else example_profile_path()
    try:
        profile = load_profile(profile_path, "--profile")
    except ProfileError as error:
        raise FatalError(str(error)) from None
    if arguments.templates:
        folder = Path(arguments.templates)
        if not folder.is_dir():
            raise UsageError(f"--templates {shown(folder)} is not a folder")
        profile = attrs.evolve(profile, template_dir=folder)
    try:
        folders = [profile.template_dir, *(s.template_dir for s in profile.structures)]
        for template_dir in dict.fromkeys(folders):
            load_template_set(template_dir)
    except SprepError as error:
        raise FatalError(str(error)) from None
    return profile


def draft_command(arguments: argparse.Namespace, out: TextIO) -> int:
    """``sprep draft INPUT [-o OUT]``: the drafts into OUT (or standard output)."""
    encoding = encoding_of(arguments)
    example_signs = not arguments.profile and not _is_bundled_example(arguments.input)
    profile = _profile_of(arguments)
    if not 1 <= arguments.jobs <= MAX_JOBS:
        raise UsageError(
            f"--jobs must be 1 to {MAX_JOBS} (each job is a process drafting one chunk; more "
            "jobs than cores only add memory)"
        )
    output = None if arguments.output in (None, "-") else Path(arguments.output)
    if arguments.resume and output is None:
        raise UsageError("--resume needs -o OUT: the drafts already written there are kept")
    if arguments.excel and (output is None or output.suffix.lower() != ".csv"):
        raise UsageError("--excel writes a spreadsheet's CSV: give -o OUT.csv")
    rejects = (
        Path(arguments.rejects)
        if arguments.rejects
        else (rejects_path_for(output) if output else None)
    )
    try:
        source = sys.stdin.buffer if arguments.input == "-" else open(arguments.input, "rb")
    except OSError as error:
        raise UsageError(f"cannot read {shown(arguments.input)}: {error.strerror}") from None
    progress = Progress(sys.stderr.isatty() and not arguments.quiet, size_of(source))
    if output is None:
        kept = "the drafts already printed on standard output are incomplete"
    elif rejects is None:
        kept = f"nothing was written: {output} is as it was"
    else:
        kept = f"nothing was written: {output} and {rejects} are as they were"
    warned = False

    def on_progress(rows: int) -> None:
        nonlocal warned
        if example_signs and not warned:  # once the input proved readable
            warned = True
            progress.close()
            say(
                "WARNING: no --profile: the drafts are signed with the example profile "
                f"({profile.signature.line}, the Caf's contacts); give your own with --profile"
            )
        progress.update(rows, position(source))

    def on_reject(line: str) -> None:
        if rejects is None:
            say(f"rejected {line}")

    try:
        with source:
            summary = draft_export_to(
                source,
                output if output is not None else out,
                profile=profile,
                rejects=rejects,
                resume=arguments.resume,
                jobs=arguments.jobs,
                structure=arguments.structure,
                require_section=arguments.require_structure_profile,
                include_answered=arguments.all,
                statuses=arguments.status or None,
                today=arguments.today,
                note=EXAMPLE_PROFILE_NOTE if example_signs else None,
                encoding=encoding,
                excel=arguments.excel,
                on_progress=on_progress,
                on_reject=on_reject,
            )
    except DraftInterrupted as stopped:
        progress.close()
        if stopped.partial is not None:
            kept = (
                f"the drafts written so far are kept in {stopped.partial} ({output} is as it "
                f"was); to finish: sprep draft {arguments.input} -o {output} --resume "
                "(with the same options)"
            )
        raise Stopped(stopped.cause, kept) from None
    except NoStructureMatchedError as error:
        progress.close()
        messages = [_unmatched(wanted, error.names) for wanted in error.asked]
        raise UsageError(
            "\n".join([*messages, "nothing drafted; the output is unchanged"])
        ) from None
    except OutputRefusedError as error:
        progress.close()
        raise UsageError(str(error)) from None
    except (OutOfDescriptorsError, JobsUnavailableError) as error:
        progress.close()
        raise FatalError(str(error)) from None
    except OutputError as error:
        progress.close()
        target = "standard output" if error.path == "the output stream" else error.path
        raise FatalError(f"cannot write {target}: {error.reason}; {kept}") from None
    except UnreadableInputError as error:
        progress.close()
        if str(error).startswith("--resume"):
            raise FatalError(str(error)) from None
        raise FatalError(f"cannot read {arguments.input}: {error}; {kept}") from None
    except InvalidInputError as error:
        progress.close()
        raise UsageError(str(error)) from None
    progress.close()
    for wanted in summary.unmatched:
        say(_unmatched(wanted, tuple(sorted({s.name for s in summary.seen}))))
    unmatched = _report(arguments, profile, summary, example_signs)
    if arguments.fail_on_warning and (example_signs or unmatched):
        return EXIT_WARNINGS
    return EXIT_REJECTED if summary.rejected and not arguments.accept_rejects else EXIT_OK


def _unmatched(wanted: str, names: Sequence[str]) -> str:
    close = _closest(wanted, names)
    return f"--structure {wanted!r} matches no structure of the input" + (
        f"; did you mean: {'; '.join(shown(c) for c in close)}?" if close else ""
    )


def _report(
    arguments: argparse.Namespace, profile: Profile, summary: ExportSummary, example_signs: bool
) -> int:
    """The closing report on stderr; returns how many profile sections match no structure."""
    skipped_total = sum(summary.skipped.values())
    details = ", ".join(f"{n} {why}" for why, n in summary.skipped.items())
    unmatched = _report_structures(profile, summary.structures, summary.sections, summary.seen)
    # Counts are of (row, structure) pairs: a row concerning two structures counts once
    # for each; a row naming none, or that cannot be read, counts once.
    pairs = summary.drafted + summary.rejected + skipped_total
    statuses = summary.statuses
    say(
        f"{summary.rows} rows read"
        + (f" ({pairs} row-structure pairs)" if pairs != summary.rows else "")
        + f": {summary.drafted} drafted ({statuses['ready']} ready, "
        f"{statuses['to_complete']} to complete, {statuses['to_review']} to review), "
        f"{summary.rejected} rejected"
        + (f" (see {summary.rejects})" if summary.rejected and summary.rejects else "")
        + f", {skipped_total} skipped"
        + (f" ({details})" if details else "")
        + (
            "; WARNING: signed with the example profile, not yours (--profile)"
            if example_signs
            else ""
        )
    )
    return unmatched


def _closest(wanted: str, names: Sequence[str]) -> list[str]:
    """Up to three structure names close to ``wanted``: those containing it, then the
    most alike."""
    folded = {fold(" ".join(name.split())): name for name in names}
    key = fold(" ".join(wanted.split()))
    found = [name for f, name in folded.items() if key and key in f]
    found += [
        folded[f]
        for f in difflib.get_close_matches(key, list(folded), n=3, cutoff=0.6)
        if folded[f] not in found
    ]
    return found[:3]


#: The structures the closing report names one by one (the others are summed).
_STRUCTURES_SHOWN = 10


def _report_structures(
    profile: Profile,
    by_structure: Mapping[Structure | None, int],
    by_section: Mapping[int | None, int],
    seen: Mapping[Structure, int],
) -> int:
    """The drafts per structure and per profile section, and the profile's sections that
    match no structure of the input (a typo in a name must not go unnoticed): returns
    how many such sections were reported."""
    if any(s is not None for s in by_structure):
        ranked = sorted(by_structure.items(), key=lambda item: -item[1])
        listed = [
            f"{n} {shown(s.name) if s else '(no structure)'} ({signed_by(profile.section_for(s))})"
            for s, n in ranked[:_STRUCTURES_SHOWN]
        ]
        rest = ranked[_STRUCTURES_SHOWN:]
        if rest:
            listed.append(
                f"and {sum(n for _, n in rest)} for {len(rest)} other structures "
                "(sprep profile check lists them all)"
            )
        named = sum(1 for s in by_structure if s is not None)
        say(f"drafted for {named} structure{'s' if named > 1 else ''}: {', '.join(listed)}")
    if profile.structures:
        signed = ", ".join(
            f"{by_section.get(s.number, 0)} by {signed_by(s)} ({s.match})"
            for s in profile.structures
        )
        default = by_section.get(None, 0)
        say(f"drafted per profile section: {signed}, {default} by the default")
    unmatched = 0
    for section in profile.structures:
        if not any(section.matches(s) for s in seen):
            say(f"{section} matches no structure of the input")
            unmatched += 1
    return unmatched
