"""What users complain of, found in what they wrote.

For now one complaint: the phone could not be reached ("impossible de joindre la
Caf", "ça sonne dans le vide", "une heure d'attente au téléphone"). A reply to
such an experience should not send the user back to the same phone number
alone. The phrasings are in ``data/phone-unreachable.tsv`` (format in
``lexicons/_pattern_files.py``), with the ordinary senses that do not count
("joindre le document") as exclusions or look-aheads.

Out of scope: an agent who hung up on the user ("raccroché au nez"), since the
user did reach someone; a written request left unanswered ("ne répond pas aux
mails").
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..lexicons import PatternFile, read_packaged_patterns, read_pattern_file

__all__ = ["load_phone_patterns", "phone_unreachable_span", "says_phone_unreachable"]

PHONE_DATA_FILE = "phone-unreachable.tsv"
PHONE_CATEGORIES = ("unreachable",)


@cache
def _phone_patterns() -> PatternFile:
    return read_packaged_patterns(PHONE_DATA_FILE, PHONE_CATEGORIES)


def load_phone_patterns(path: str | Path) -> PatternFile:
    """Read a phone-unreachable pattern file from ``path``; raises
    :class:`~sprep_templates.exceptions.DataFileError` naming the line at fault."""
    return read_pattern_file(path, PHONE_CATEGORIES)


def phone_unreachable_span(
    text: str | None, *, patterns: PatternFile | None = None
) -> tuple[int, int] | None:
    """Where ``text`` first says the phone could not be reached, as ``(start, end)``
    in ``text``; ``None`` when it does not (or for ``None`` or a blank text)."""
    if text is None or not text.strip():
        return None
    for _category, start, end in (patterns or _phone_patterns()).matches(text):
        return start, end
    return None


def says_phone_unreachable(text: str | None, *, patterns: PatternFile | None = None) -> bool:
    """Whether ``text`` says the phone could not be reached."""
    return phone_unreachable_span(text, patterns=patterns) is not None
