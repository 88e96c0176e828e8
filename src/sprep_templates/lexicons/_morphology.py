"""A compact French morphology for the jargon lexicon (issue 23): what makes an entry
written once match the ways replies write it.

- **Inflection**: a ``{…}`` group of a first-group verb's endings (it lists ``er`` and a
  participle ``é``) stands for the whole paradigm (:data:`FIRST_GROUP`), so that
  ``réceptionn{er,é,ée}`` finds "réceptionnera" and "réceptionnons"; likewise for a
  second-group verb (``ir`` and ``i``: :data:`SECOND_GROUP`). The classes ``<er>``,
  ``<ir>`` and ``<x>`` (an adjective's ``{,e,s,es}``) write them shorter.
- **Inserted words**: between a word of five letters or more (or a group of forms) and
  a preposition or "que" that follows it, one adverb or negation word of
  :data:`INSERTABLE` may come ("il convient *également* de", "ne relève *pas* de",
  "vous rapprocher *directement* de"). Nowhere else: after a short word (il, à, se…)
  the literal start of the entry, looked for in every reply, would be as short as "a ",
  and every slot lengthens the combined pattern tried at each candidate.

Why not a lemmatiser: simplemma 2.0.0 (checked for this: MIT code, a 19 MB wheel for
all its languages, 163 KB of compressed French data) derives its lists from sources under
several licences (ODbL lemmatisation lists, Wiktionary via Kaikki under CC BY-SA,
FreeLing, spaCy lookups, Unimorph), and maps a word to one lemma without context
("notification" of a decision or on a phone). The positions of a multi-word entry would
have to be rebuilt around lemmas, and the whole text lemmatised before the one-pass
search; a closed set of endings and insertable words keeps the search a plain regular
expression, linear in the text (no nested quantifier: an optional group of literal
words).
"""

from __future__ import annotations

import re

__all__ = [
    "CLASSES",
    "FIRST_GROUP",
    "INSERTABLE",
    "SECOND_GROUP",
    "complete_paradigms",
    "insertion_slot",
    "takes_insertion",
]

#: Endings of a first-group verb (-er): infinitive, present, future, conditional,
#: imperfect, participles.
FIRST_GROUP = (
    "er", "e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ant",
    "era", "eras", "erai", "erons", "erez", "eront", "erait", "eraient", "erions", "eriez",
    "ait", "ais", "aient", "ions", "iez",
)  # fmt: skip
#: Endings of a second-group verb (-ir, -issons).
SECOND_GROUP = (
    "ir", "is", "it", "issons", "issez", "issent", "isse", "i", "ie", "ies",
    "issant", "ira", "irons", "irez", "iront", "irait", "iraient", "issait", "issaient",
)  # fmt: skip

#: Classes of the pattern notation (``<name>``): number, gender and number, verbs.
CLASSES = {
    "s": "{,s}",
    "é": "{é,ée,és,ées}",
    "x": "{,e,s,es}",
    "er": "{" + ",".join(FIRST_GROUP) + "}",
    "ir": "{" + ",".join(SECOND_GROUP) + "}",
}

#: Words that may come between two words of an entry: adverbs replies insert, and
#: the second half of a negation (the first, "ne", comes before the verb the entry
#: starts with, or between its words).
INSERTABLE = (
    "également", "directement", "donc", "bien", "aussi", "alors", "toutefois",
    "cependant", "néanmoins", "désormais", "dorénavant", "notamment", "simplement",
    "uniquement", "seulement", "rapidement", "immédiatement", "systématiquement",
    "obligatoirement", "éventuellement", "toujours", "déjà", "encore", "effectivement",
    "nécessairement", "personnellement", "ne", "pas", "plus", "jamais",
    "guère", "point",
)  # fmt: skip

_GROUP = re.compile(r"\{([^{}]*)\}")


def complete_paradigms(source: str) -> str:
    """``source`` (a lexicon pattern) with each group of a verb's endings completed
    to the verb's whole paradigm; other groups unchanged."""

    def complete(match: re.Match[str]) -> str:
        forms = match.group(1).split(",")
        end = match.end()
        at_word_end = end == len(source) or not source[end].isalpha()
        if not at_word_end:
            return match.group()
        if "er" in forms and ("é" in forms or "e" in forms):
            extra = [form for form in FIRST_GROUP if form not in forms]
        elif "ir" in forms and "i" in forms:
            extra = [form for form in SECOND_GROUP if form not in forms]
        else:
            return match.group()
        return "{" + ",".join(forms + extra) + "}"

    return _GROUP.sub(complete, source)


def insertion_slot() -> str:
    """The regular expression of one optional inserted word and its space (or none)."""
    words = sorted(INSERTABLE, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    return f"(?:(?:{alternatives}) )?"


#: How the part of a pattern after an insertion point must start: a preposition or
#: "que" (the adverb sits between a verb and what it governs: "relève *pas* de").
_GOVERNED = ("de", "d’", "d'", "d{", "du", "des", "à", "au", "aux", "que", "qu’", "qu'", "qu{")


def takes_insertion(before: str, after: str) -> bool:
    """Whether a word may be inserted at a space of a pattern, ``before`` and ``after``
    being the pattern's source on each side: after a word of five letters or more (or a
    group of forms), before a preposition or "que". Elsewhere a slot would cost more than
    it finds: after a short word it would make the literal start of the entry, looked for
    in every reply, as short as "a " or "se "."""
    following = after.lstrip("{")
    if not following.startswith(_GOVERNED):
        return False
    if before.endswith(("}", ">")):
        return True
    run = 0
    for char in reversed(before):
        if not char.isalpha():
            break
        run += 1
    return run >= 5
