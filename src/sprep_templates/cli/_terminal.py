"""What reaches a terminal: text from the input never raw.

A structure name, an id, a CSV header or a reply may hold control characters: an OSC
sequence retitles the window, ``ESC[2J`` clears the screen, ``\\r`` overwrites the
line, bidi controls reorder what is shown. Every human-readable line the CLI writes
goes through :func:`escape_controls` (one function): such characters are shown as
Python escapes (``\\x1b``, ``\\u202e``). Machine formats (JSON, the drafts) are left
as they are: JSON escapes its own controls, and a reader parses them.
"""

from __future__ import annotations

import re
from typing import TextIO

__all__ = ["TerminalWriter", "escape_controls", "shown"]

#: C0 and C1 controls, DEL, and the bidi and invisible format characters a terminal
#: may act on (line and paragraph separators, bidi embeddings and isolates, marks).
_FORMAT = "\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
_ANY_CONTROL = re.compile(f"[\x00-\x1f{_FORMAT}]")
_KEEP_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f{_FORMAT}]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str, *, keep_newlines: bool = False) -> str:
    """``text`` with every control and bidi character shown as an escape (``\\x1b``);
    with ``keep_newlines``, ``\\n`` stays (a message of several lines)."""
    pattern = _KEEP_NEWLINE if keep_newlines else _ANY_CONTROL
    return pattern.sub(_escaped, text)


def shown(value: object) -> str:
    """A value from the input, as one line a terminal shows as it is (``str`` of it)."""
    return escape_controls(str(value))


class TerminalWriter:
    """A text stream whose writes are escaped (newlines kept): for human formats."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(escape_controls(text, keep_newlines=True))

    def flush(self) -> None:
        self.stream.flush()
