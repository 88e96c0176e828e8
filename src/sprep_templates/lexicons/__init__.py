"""Word lists shipped in ``sprep_templates/data`` and how they are matched.

- ``_files``: reading a data file (sources and licences in ``data/README.md``),
  first names, offensive and hostile words;
- ``_jargon``: the administrative jargon lexicon (``jargon.tsv``) and acronyms;
- ``_anchored``: the checker's patterns found through their literal prefixes;
- ``_pattern_files``: the pattern files of the description (sensitive
  situations, unreachable phone).
"""

from ._files import first_names, jargon, read_list, screening_words
from ._jargon import JargonEntry, acronym_expansions, explained, known_acronyms, read_lexicon

__all__ = [
    "JargonEntry",
    "acronym_expansions",
    "explained",
    "first_names",
    "jargon",
    "known_acronyms",
    "read_lexicon",
    "read_list",
    "screening_words",
]
