"""What a structure's name or id may hold: nothing a terminal acts on (issue 21, item 5)."""

from __future__ import annotations

import re

from ..arguments import shown
from ..exceptions import InvalidInputError, InvalidInputTypeError
from ..limits import MAX_TITLE_CHARS

__all__ = ["check_structure_text"]

#: Characters a structure's name or id never holds: controls (an escape sequence, a
#: carriage return), bidi and invisible format characters.
_STRUCTURE_REFUSED = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def check_structure_text(field: str, value: object) -> None:
    """Refuse a structure's name or id (None: no id) that a terminal would act on."""
    if value is None and field == "id":
        return
    if not isinstance(value, str):
        raise InvalidInputTypeError(
            f"Structure.{field} must be a str (got {shown(value)} that is a {type(value).__name__})"
        )
    if not value.strip():
        raise InvalidInputError(f"Structure.{field} is empty")
    if len(value) > MAX_TITLE_CHARS:
        raise InvalidInputError(
            f"Structure.{field} is {len(value):,} characters; the most accepted is "
            f"{MAX_TITLE_CHARS}"
        )
    found = _STRUCTURE_REFUSED.search(value)
    if found:
        raise InvalidInputError(
            f"Structure.{field} holds a control or invisible character "
            f"(U+{ord(found.group()):04X}) at {found.start()}: {shown(value)}"
        )
