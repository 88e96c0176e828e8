"""Word lists shipped in ``sprep_templates/data`` and how they are matched.

- ``_files``: the one reader of a data file (sources and licences in
  ``data/README.md``), first names, offensive and hostile words;
- ``_jargon``: the administrative jargon lexicon (``jargon.tsv``) and acronyms;
- ``_matcher``: the one matcher: a regex's literal prefixes, one automaton, the
  checker's patterns found through them;
- ``_pattern_files``: the pattern files of the description (sensitive
  situations, unreachable phone).
"""

from ._files import data_text, first_names, numbered_lines, read_list, screening_words
from ._jargon import (
    JargonEntry,
    acronym_expansions,
    clear_text_caches,
    explained,
    jargon,
    known_acronyms,
    read_lexicon,
)

__all__ = [
    "JargonEntry",
    "acronym_expansions",
    "clear_text_caches",
    "data_text",
    "explained",
    "first_names",
    "jargon",
    "known_acronyms",
    "numbered_lines",
    "read_lexicon",
    "read_list",
    "screening_words",
]
