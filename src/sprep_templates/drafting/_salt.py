"""Another choice of phrasings for one draft: a salt added to the seed of the phrasing
choice, set for the drafts of a block of code (a context variable, so that threads and
tasks never see each other's).

A batch sets it for the rare row whose draft would repeat two earlier drafts of the
batch (``export._repeats``); nothing else does: with no salt (0), the seed is the one
``draft_reply`` has always used, and a single draft is unchanged.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar

__all__ = ["phrasing_salt", "salt_set", "salted"]

_SALT: ContextVar[int] = ContextVar("sprep_phrasing_salt", default=0)


def salted(seed: str) -> str:
    """``seed`` with the current salt (``seed`` itself when there is none)."""
    salt = _SALT.get()
    return seed if not salt else f"{seed}\x1e{salt}"


def salt_set() -> bool:
    """Whether a salt is set: the draft is another choice of phrasings of a draft just
    made (``export._repeats``)."""
    return _SALT.get() != 0


@contextlib.contextmanager
def phrasing_salt(salt: int) -> Iterator[None]:
    """Draft with salt ``salt`` (a whole number, 0: none) within the ``with`` block."""
    token = _SALT.set(salt)
    try:
        yield
    finally:
        _SALT.reset(token)
