"""What every command shares: exit statuses, the errors the one mapper (``main``)
turns into one line and a status, reading an input file within bounds."""

from __future__ import annotations

import argparse
import difflib
import os
import stat
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from ..exceptions import SprepError, UnreadableInputError
from ..export import detect_encoding, given_encoding
from ..export._reading import ENCODING_SAMPLE
from ..limits import MAX_ROW_BYTES
from ..profile import Profile, StructureSection
from ._terminal import escape_controls, shown

__all__ = [
    "EPILOG",
    "EXIT_BROKEN_PIPE",
    "EXIT_CODES",
    "EXIT_ERRORS_FOUND",
    "EXIT_FATAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTPUT_FAILED",
    "EXIT_REJECTED",
    "EXIT_TERMINATED",
    "EXIT_USAGE",
    "FatalError",
    "OutputFailed",
    "Stopped",
    "Terminated",
    "UsageError",
    "closest_names",
    "encoding_of",
    "load_profile",
    "read_bounded",
    "say",
    "signed_by",
]

EXIT_OK = 0
EXIT_ERRORS_FOUND = 1  # `check`: at least one error finding
EXIT_USAGE = 2  # bad arguments, unreadable input
EXIT_REJECTED = 3  # `draft`: some rows were rejected (and written to the rejects file)
EXIT_FATAL = 4  # `draft`: nothing could be done (unreadable profile, unwritable output)
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_BROKEN_PIPE = 141  # standard output closed before the end (128 + SIGPIPE)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)
EXIT_WARNINGS = 5  # `draft --fail-on-warning`: a warning was printed (the drafts are written)
EXIT_OUTPUT_FAILED = 6  # standard output could not be written (a full disk)

#: Every exit status of every command, as ``--help`` and the README list them.
EXIT_CODES = (
    ("0", "done: everything drafted, no error found, a valid profile"),
    (
        "1",
        "check: a reply has an error; templates lint: a problem; profile check: a section "
        "matches no structure",
    ),
    (
        "2",
        "bad usage: a wrong option or value, an input file or folder that does not exist, "
        "a column or a --structure that matches nothing, -o naming the input, a row of "
        "check --jsonl that could not be read or checked (the others are)",
    ),
    ("3", "draft: some rows were rejected (see the rejects file; 0 with --accept-rejects)"),
    (
        "4",
        "nothing could be done: an input that is empty or no export (its encoding, its "
        "columns), an invalid profile or template folder, an output that cannot be written",
    ),
    (
        "5",
        "draft --fail-on-warning: a warning (no --profile, a profile section matching no "
        "structure); the drafts are written",
    ),
    (
        "6",
        "standard output could not be written (a full disk, a device that refuses "
        "writes): what it received is incomplete",
    ),
    ("130", "interrupted (Ctrl-C); draft -o OUT keeps its drafts in OUT.partial for --resume"),
    ("141", "standard output closed before the end (piped into head)"),
    ("143", "terminated (SIGTERM); kept as on Ctrl-C"),
)

EPILOG = "exit status (every command):\n" + "".join(
    textwrap.fill(meaning, 79, initial_indent=f"  {code:<4} ", subsequent_indent=" " * 7) + "\n"
    for code, meaning in EXIT_CODES
)


class UsageError(SprepError):
    """A mistake in how the command was called; exit status 2."""


class FatalError(SprepError):
    """Nothing can be done (unreadable input or profile, unwritable output); exit status 4."""


class Terminated(BaseException):
    """SIGTERM was received: stop as Ctrl-C does (a BaseException, like KeyboardInterrupt)."""


class OutputFailed(SprepError):
    """Standard output could not be written (not a closed pipe): exit status 6."""


class Stopped(BaseException):
    """An interruption, with what the message must say was kept."""

    def __init__(self, cause: BaseException, kept: str) -> None:
        super().__init__(kept)
        self.cause = cause
        self.kept = kept


def say(message: str) -> None:
    """One message on stderr, ``sprep: `` before each line, controls escaped."""
    text = escape_controls(message, keep_newlines=True).replace("\n", "\nsprep: ")
    print(f"sprep: {text}", file=sys.stderr)


def encoding_of(arguments: argparse.Namespace) -> str | None:
    """The codec ``--encoding`` names (None: detect it); a usage error when unknown."""
    if arguments.encoding is None:
        return None
    try:
        return given_encoding(arguments.encoding)
    except ValueError as error:
        raise UsageError(f"--encoding: {error}") from None


#: The most a reply or a profile read whole may hold (a row's bound: 1 MiB).
MAX_INPUT_BYTES = MAX_ROW_BYTES


def _regular(path: str, what: str) -> None:
    """Refuse what is not a regular file (a FIFO blocks, /dev/zero never ends)."""
    try:
        found = os.stat(path)
    except OSError:  # missing or unreadable: the reader says so, as it always did
        return
    if not stat.S_ISREG(found.st_mode):
        raise UsageError(
            f"{what} {shown(path)} is not a regular file (a FIFO, a device or a folder): "
            "give a file, or - for standard input"
        )
    if found.st_size > MAX_INPUT_BYTES:
        raise FatalError(
            f"{what} {shown(path)} is too large ({found.st_size:,} bytes; the most accepted "
            f"is {MAX_INPUT_BYTES:,})"
        )


def read_bounded(path: str, encoding: str | None = None, what: str = "the reply") -> str:
    """A reply's text (a regular file, or - for standard input, at most 1 MiB): UTF-8
    (with or without BOM), UTF-16 with BOM or cp1252, detected from its first 64 KiB,
    unless ``encoding`` is given."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            _regular(path, what)
            with open(path, "rb") as stream:
                data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {shown(path)}: {error.strerror}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise FatalError(
            f"{what} {shown(path)} is too large (the most accepted is {MAX_INPUT_BYTES:,} bytes)"
        )
    try:
        codec = encoding or detect_encoding(data[:ENCODING_SAMPLE])
        return data.decode(codec)
    except (UnicodeDecodeError, UnreadableInputError) as error:
        where = f" (byte {error.start})" if isinstance(error, UnicodeDecodeError) else ""
        raise FatalError(
            f"{shown(path)} cannot be read as {encoding or 'UTF-8'}{where}: give its encoding "
            "with --encoding, or convert it to UTF-8"
        ) from None


def load_profile(path: str | Path, option: str = "the profile") -> Profile:
    """A profile from a regular file of at most 1 MiB (a FIFO or a device is refused)."""
    _regular(str(path), option)
    return Profile.from_toml(Path(path))


def closest_names(wanted: str, names: Sequence[str]) -> str:
    """``; did you mean: …?`` with up to three names close to ``wanted`` (escaped)."""
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    close += [n for n in names if wanted.lower() in n.lower() and n not in close]
    return f"; did you mean: {', '.join(shown(n) for n in close[:3])}?" if close else ""


def signed_by(section: StructureSection | int | None) -> str:
    if section is None:
        return "default"
    return f"section #{section}" if isinstance(section, int) else f"section #{section.number}"
