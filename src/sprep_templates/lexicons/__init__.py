"""Word lists shipped in ``sprep_templates/data`` and how they are matched.

- ``_files``: the one reader of a data file (sources and licences in
  ``data/README.md``), first names, offensive and hostile words;
- ``_jargon``: the administrative jargon lexicon (``jargon.tsv``, and the general
  ``register.tsv``) and acronyms;
- ``_morphology``: what makes an entry match the forms replies write (verb paradigms,
  an adverb or negation between its words);
- ``_entry_search``: the lexicon searched entry by entry at its candidate starts;
- ``_matcher``: the one matcher: a regex's literal prefixes, one automaton, the
  checker's patterns found through them;
- ``_pattern_files``: the pattern files of the description (sensitive
  situations, unreachable phone);
- ``_alternatives``: the cue lists of regular-expression alternatives (the words of
  each step, cold phrases, complaint words), checked line by line.
"""

from ._alternatives import read_alternatives, read_keyed_alternatives
from ._files import data_text, first_names, numbered_lines, read_list, screening_words
from ._folding import confusables, fold_for_screening
from ._jargon import (
    JargonEntry,
    Lexicon,
    acronym_expansions,
    clear_text_caches,
    explained,
    jargon,
    known_acronyms,
    read_lexicon,
)
from ._jargon import lexicon as jargon_lexicon
from ._matcher import Candidates, PatternSet, PrefixAutomaton, literal_prefixes
from ._pattern_files import (
    PatternFile,
    PatternFileScan,
    fold_keeping_length,
    read_packaged_patterns,
    read_pattern_file,
)

__all__ = [
    "Candidates",
    "JargonEntry",
    "Lexicon",
    "PatternFile",
    "PatternFileScan",
    "PatternSet",
    "PrefixAutomaton",
    "acronym_expansions",
    "clear_text_caches",
    "confusables",
    "data_text",
    "explained",
    "first_names",
    "fold_for_screening",
    "fold_keeping_length",
    "jargon",
    "jargon_lexicon",
    "known_acronyms",
    "literal_prefixes",
    "numbered_lines",
    "read_alternatives",
    "read_keyed_alternatives",
    "read_lexicon",
    "read_list",
    "read_packaged_patterns",
    "read_pattern_file",
    "screening_words",
]
