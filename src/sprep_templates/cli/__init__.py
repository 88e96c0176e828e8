"""The ``sprep`` command: a thin adapter over the library.

One module per command (``check``, ``draft``, ``profile``, ``templates``), the parser
in ``_parser``, what they share in ``_common``, the escaping of what reaches a terminal
in ``_terminal``. Expected errors become one line on stderr and an exit status, in one
place (:func:`main`); a traceback only ever means a bug.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from ..exceptions import SprepError
from ..profile import ProfileError
from ._common import (
    EXIT_BROKEN_PIPE,
    EXIT_CODES,
    EXIT_ERRORS_FOUND,
    EXIT_FATAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT_FAILED,
    EXIT_REJECTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    EXIT_WARNINGS,
    FatalError,
    OutputFailed,
    Stopped,
    Terminated,
    UsageError,
    say,
)
from ._parser import build_parser
from ._progress import Progress as _Progress

__all__ = [
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
    "EXIT_WARNINGS",
    "main",
]

_ = _Progress  # the progress line, which tests/test_cli_conventions.py reads


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sprep``; returns the exit status."""
    parser = build_parser()
    arguments, extra = parser.parse_known_args(argv)
    if arguments.command is None:  # bare `sprep`: the help, on stderr, as a usage error
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if extra:  # a wrong option after a command: that command's usage, not the top-level one
        commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        commands.choices[arguments.command].error(f"unrecognized arguments: {' '.join(extra)}")
    with _sigterm_raises():
        return _run(arguments)


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` in the main thread, so that files are cleaned up."""

    def terminated(number: int, frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminated)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stdout_closed() -> None:
    """Standard output is a closed pipe: send what is left in its buffer nowhere."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class _Output:
    """Standard output for a command: a write that fails (a full disk) raises
    :class:`OutputFailed`, told apart from a closed pipe (exit 141)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputFailed(_output_failed(error)) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputFailed(_output_failed(error)) from None


def _output_failed(error: OSError) -> str:
    why = "a full device" if error.errno == errno.ENOSPC else error.strerror or str(error)
    return f"cannot write to standard output ({why}): what it received is incomplete"


def _run(arguments: argparse.Namespace) -> int:
    """Run a command; the one place where expected errors become a line and a status."""
    try:
        status: int = arguments.run(arguments, _Output(sys.stdout))
        _Output(sys.stdout).flush()
    except Stopped as stopped:
        if isinstance(stopped.cause, Terminated):
            say(f"terminated (SIGTERM); {stopped.kept}")
            return EXIT_TERMINATED
        say(f"interrupted; {stopped.kept}")
        return EXIT_INTERRUPTED
    except OutputFailed as error:
        _stdout_closed()
        say(str(error))
        return EXIT_OUTPUT_FAILED
    except UsageError as error:
        say(str(error))
        return EXIT_USAGE
    except (FatalError, ProfileError) as error:
        say(str(error))
        return EXIT_FATAL
    except SprepError as error:
        say(str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        say("terminated (SIGTERM)")
        return EXIT_TERMINATED
    except BrokenPipeError:  # e.g. piped into head
        _stdout_closed()
        say(
            "standard output was closed before the end (piped into head?): "
            "what it received is incomplete"
        )
        return EXIT_BROKEN_PIPE
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
