"""The progress line ``sprep draft`` shows on a terminal."""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import time
from typing import BinaryIO

__all__ = ["Progress", "position", "size_of"]


class Progress:
    """A one-line progress report on stderr, only on a terminal."""

    def __init__(self, enabled: bool, total_bytes: int | None = None) -> None:
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.started = time.monotonic()
        self.shown = 0.0

    def update(self, rows: int, read_bytes: int | None = None) -> None:
        """``rows`` read so far, and the input's ``read_bytes`` when known (a percentage
        of the file's size: standard input has none)."""
        now = time.monotonic()
        if self.enabled and now - self.shown > 0.2:
            self.shown = now
            rate = rows / max(now - self.started, 1e-9)
            share = ""
            if self.total_bytes and read_bytes is not None:
                share = f"{min(100, 100 * read_bytes // self.total_bytes)} %, "
            sys.stderr.write(f"\rsprep: {share}{rows:,} rows ({rate:,.0f} rows/s)\033[K")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")


def size_of(source: BinaryIO) -> int | None:
    """The size of a regular file, for the progress line's percentage (else None)."""
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        status = os.fstat(source.fileno())
        if stat.S_ISREG(status.st_mode):
            return status.st_size
    return None


def position(source: BinaryIO) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        return source.tell()
    return None
