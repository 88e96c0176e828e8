"""What the rules read from the library's data files, and the lexicon a reply is read
with; each is built once, on first use."""

from __future__ import annotations

from functools import cache

from ..lexicons import PatternSet, jargon, read_list
from ._cues import BIRTH, COLD, FORM_NUMBER, GENERIC, STEPS_UNION
from ._leaks import STAFF, STAFF_PREFIXES
from ._reading import READING_PATTERNS, READING_PREFIXES

__all__ = ["lexicon", "official_domains", "personal_email_domains"]


@cache
def lexicon() -> PatternSet:
    """The patterns found with one pass over a reply (see ``lexicons/_matcher.py``): those
    every reply is searched for. Patterns whose prefixes are short and frequent
    ("je", "no") and that are needed rarely or only once are searched alone."""
    combined_jargon, _entries = jargon()
    return PatternSet(
        {
            "steps": STEPS_UNION,
            "jargon": combined_jargon,
            "form-number": FORM_NUMBER,
            "cold": COLD,
            "birth": BIRTH,
            "generic": GENERIC,
            "staff": STAFF,
            **READING_PATTERNS,
        },
        prefixes={**READING_PREFIXES, "staff": STAFF_PREFIXES},
    )


@cache
def official_domains() -> frozenset[str]:
    """The administration's domains (``official-domains.txt``), lower case."""
    return frozenset(domain.lower().lstrip(".") for domain in read_list("official-domains.txt"))


@cache
def personal_email_domains() -> frozenset[str]:
    """Domains of personal mailboxes (``personal-email-domains.txt``)."""
    return frozenset(read_list("personal-email-domains.txt"))
