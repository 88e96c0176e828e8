"""What the user praised, in their own words ("sa gentillesse", "très efficace"): a
positive reply names it instead of the criterion's phrase ("la qualité de notre
accueil"). The words are ``data/praise.tsv``, read in the same automaton pass as the
other description files (``experience._said``).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ..lexicons import PatternFile, read_packaged_patterns

__all__ = ["PRAISES", "PRAISE_PHRASES", "praise_patterns", "read_praise"]

PRAISE_FILE = "praise.tsv"

#: The quality the user praised, as a positive reply names it: a noun phrase read
#: after "Vous soulignez en particulier", "Vous appréciez en particulier", "Vous
#: relevez aussi", of five words at most (one criterion's phrase, which it stands for
#: in the length proof: a praise is said only where a criterion appreciated is).
PRAISE_PHRASES = {
    "kindness": "la gentillesse de nos agents",
    "speed": "la rapidité du traitement",
    "efficiency": "l’efficacité de nos équipes",
    "punctuality": "la ponctualité du rendez-vous",
    "clarity": "la clarté des explications",
    "listening": "l’écoute de nos agents",
    "professionalism": "le professionnalisme de nos agents",
}
PRAISES = tuple(PRAISE_PHRASES)


@cache
def praise_patterns() -> PatternFile:
    return read_packaged_patterns(PRAISE_FILE, PRAISES)


def read_praise(found: Iterable[tuple[str, int, int]]) -> str | None:
    """The first quality (a key of :data:`PRAISE_PHRASES`) the matches (category,
    start, end) of :func:`praise_patterns` name in the text, or None."""
    first = min(found, key=lambda match: match[1], default=None)
    return None if first is None else first[0]
