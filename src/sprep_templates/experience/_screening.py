"""Screening what the user typed before a reply repeats it: pseudonym and title.

The guide: include the user's pseudonym "sauf s’il reflète de l’agressivité ou
est inapproprié, par exemple : « énervédu76 »". When in doubt, the reply
greets with a plain "Bonjour,".
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ..lexicons import (
    first_names,
    fold_for_screening,
    read_alternatives,
    read_list,
    screening_words,
)
from ..lexicons._entry_search import entry_search
from ..limits import (
    MAX_GREETED_LENGTH,
    MAX_GREETED_WORDS,
    MAX_PSEUDONYM_CHARS,
    MAX_QUOTED_TITLE_CHARS,
    MAX_QUOTED_TITLE_WORDS,
)
from ..patterns import ACRONYM, DIGITS_IN_NAME, EMAIL
from ..text import fold

__all__ = [
    "greeting_name",
    "pseudonym_problem",
    "quotable_title",
]


#: What makes a pseudonym look like a web address (not a whole address: a piece is enough).
_LOOKS_LIKE_AN_ADDRESS = re.compile(r"https?:|www\.|\.(?:fr|com|net|org)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+")
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
_ALLOWED = re.compile(r"[\w .'’\-]+")


def _script_problem(pseudonym: str) -> str | None:
    """Why the pseudonym's characters could pass for other ones, or None.

    A greeting shows the pseudonym as typed, so look-alikes are refused, not
    folded: a compatibility form (fullwidth "Ｊｅａｎ", mathematical "𝐒", "½", "²"),
    that is any character NFKC would change; a letter outside the Latin script
    (Cyrillic "Ѕ", Greek "Σ"); a digit other than 0-9. And a pseudonym needs a
    letter: punctuation or digits alone are no name.
    """
    if unicodedata.normalize("NFKC", pseudonym) != pseudonym:
        return "it has look-alike characters (compatibility forms such as fullwidth letters)"
    has_letter = False
    for char in pseudonym:
        if char.isascii():
            has_letter = has_letter or char.isalpha()
        elif unicodedata.category(char).startswith("L"):
            if not unicodedata.name(char, "").startswith("LATIN "):
                return "it mixes in letters of another script than Latin"
            has_letter = True
        elif char.isnumeric():
            return "it has digits other than 0 to 9"
    return None if has_letter else "it has no letter"


@cache
def _service_names() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``service-names.txt``, folded: (one-word entries, phrases as joined words,
    entries of 8 letters or more, matched inside words)."""
    words: set[str] = set()
    phrases: set[str] = set()
    for entry in read_list("service-names.txt"):
        parts = fold_for_screening(entry).split()
        (words if len(parts) == 1 else phrases).add("".join(parts))
    long = frozenset(entry for entry in words | phrases if len(entry) >= 8)
    return frozenset(words), frozenset(phrases | words), long


def _service_name(tokens: list[str]) -> str | None:
    """The entry of ``service-names.txt`` that ``tokens`` (folded, first names
    left out) spell, or None."""
    words, joined, long = _service_names()
    for token in tokens:
        if token in words:
            return token
    for start in range(len(tokens)):
        for end in range(start + 2, len(tokens) + 1):
            if "".join(tokens[start:end]) in joined:
                return " ".join(tokens[start:end])
    for token in ("".join(tokens), *tokens):
        for entry in long:
            if entry in token:
                return entry
    return None


def _tokens(pseudonym: str) -> list[str]:
    """Letter runs of the pseudonym, also split at camelCase joints ("UsagerNul")."""
    words: list[str] = []
    for run in _TOKEN.findall(pseudonym):
        words.extend(part for part in _CAMEL.split(run) if part)
    return words


def pseudonym_problem(pseudonym: str) -> str | None:
    """Why ``pseudonym`` must not be used in a greeting, or None when it can be."""
    if len(pseudonym) > MAX_PSEUDONYM_CHARS:  # read no further, and keep it out of the memo
        return "it is too long for a greeting"
    return _pseudonym_problem(pseudonym)


@lru_cache(maxsize=65536)
def _pseudonym_problem(pseudonym: str) -> str | None:
    if not pseudonym.strip():
        return "it is empty"
    stripped = pseudonym.strip()
    if not stripped[0].isalnum() or not (stripped[-1].isalnum() or stripped[-1] == "."):
        # "Bonjour .A," or "Bonjour Jean-," reads as a typing slip, not a name
        return "it starts or ends with punctuation"
    if EMAIL.search(pseudonym):
        return "it looks like an e-mail address"
    if _LOOKS_LIKE_AN_ADDRESS.search(pseudonym):
        return "it looks like a web address"
    if DIGITS_IN_NAME.search(pseudonym):
        return "it looks like a phone number"
    if len(pseudonym) > MAX_GREETED_LENGTH or len(pseudonym.split()) > MAX_GREETED_WORDS:
        return "it is too long for a greeting"
    if not _ALLOWED.fullmatch(pseudonym) or not _TOKEN.search(pseudonym):
        return "it has characters a greeting cannot show"
    script = _script_problem(pseudonym)
    if script is not None:
        return script
    if _placeholder(stripped):
        return "it is a placeholder, not a name"
    whole, anywhere = screening_words()
    names = first_names()
    # Tokens that are first names are never screened (Constance, Dominique, Tiphaine).
    suspects = [
        token for token in map(fold_for_screening, _tokens(pseudonym)) if token not in names
    ]
    service = _service_name(suspects)
    if service is not None:
        return f"it reads as the name of a service or of its staff (“{service}”)"
    # Leetspeak entries ("c0n", "@brut1") are matched on the raw lower-cased text.
    raw_tokens = [
        token
        for token in re.split(r"[\s.'’\-_]+", pseudonym.casefold())
        if token and fold_for_screening(token) not in names
    ]
    for token in suspects + raw_tokens:
        if token in whole:
            return f"it contains the word “{token}”"
    for text in ("".join(suspects), *raw_tokens):
        found = _find_substring(text, anywhere)
        if found is not None:
            return f"it contains “{found}”"
    return None


@cache
def _placeholders() -> frozenset[str]:
    return frozenset(read_list("placeholder-pseudonyms.txt"))


def _placeholder(pseudonym: str) -> bool:
    """Whether ``pseudonym`` fills the field rather than names ("Moi", "Aucun", "X")."""
    return " ".join(fold_for_screening(pseudonym).replace(".", " ").split()) in _placeholders()


def _find_substring(text: str, words: frozenset[str]) -> str | None:
    """The first word of ``words`` (5 to 30 characters) found inside ``text``."""
    for start in range(len(text) - 4):
        for end in range(start + 5, min(len(text), start + 30) + 1):
            if text[start:end] in words:
                return text[start:end]
    return None


def greeting_name(pseudonym: str | None) -> str | None:
    """The name to greet the user by, or None for a plain "Bonjour,"."""
    if pseudonym is None or pseudonym_problem(pseudonym) is not None:
        return None
    return pseudonym.strip()


def _complaint_pattern() -> re.Pattern[str]:
    """Complaints a reply should answer, not repeat back to the user in quotes
    (``data/complaint-words.txt``), in any case, anywhere in a title."""
    return re.compile("|".join(read_alternatives("complaint-words.txt", lower_case=False)), re.I)


_COMPLAINT = _complaint_pattern()
_TITLE_CHARS = re.compile(r"[^\W\d_](?:[^\W\d_]|[ ’'\-,])*")


def _singular(token: str) -> str:
    """``token`` without a plural's final s or x ("nuls": "nul")."""
    return token[:-1] if len(token) > 2 and token[-1] in "sx" else token


def _has_screened_word(text: str) -> bool:
    whole, anywhere = screening_words()
    tokens = [fold_for_screening(token) for token in _tokens(text)]
    if any(token in whole or _singular(token) in whole for token in tokens):
        return True
    return _find_substring("".join(tokens), anywhere) is not None


# A letter alone where French writes an apostrophe: "d un", "l attente", "qu il".
_LOST_APOSTROPHE = re.compile(r"(?:^|\s)(?:[cdjlmnst]|qu)\s+[^\W\d_]", re.I)
_SPACE_BEFORE = re.compile(r"\s[,.]")
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _careless_spellings() -> tuple[frozenset[str], tuple[str, ...]]:
    """Words (and phrases) of careless-spellings.txt."""
    entries = read_list("careless-spellings.txt")
    return frozenset(e for e in entries if " " not in e), tuple(e for e in entries if " " in e)


def _reads_as_careful(title: str) -> bool:
    """Whether a title reads as written with care: a capital first, apostrophes and
    spaces where French puts them, no word missing its accents or misspelt."""
    if not title[0].isupper():
        return False
    if _LOST_APOSTROPHE.search(title) or _SPACE_BEFORE.search(title) or "  " in title:
        return False
    words, phrases = _careless_spellings()
    lowered = title.lower()
    if any(word in words for word in _WORD.findall(lowered)):
        return False
    return not any(phrase in lowered for phrase in phrases)


@cache
def _story_words() -> frozenset[str]:
    """Words of story-title-words.txt: a title telling a crime, violence or a death."""
    return frozenset(read_list("story-title-words.txt"))


def _tells_a_story_or_a_name(text: str) -> bool:
    """Whether a title tells a crime, violence or a death ("Vol de ma voiture"), or is
    a person's name ("Julien", "Marie Dubois": most often the writer's own)."""
    words = [fold(word) for word in _WORD.findall(text)]
    stories = _story_words()
    if any(word in stories or _singular(word) in stories for word in words):
        return True
    names = first_names()
    capitalised = all(word[:1].isupper() for word in _WORD.findall(text))
    return len(words) <= 2 and words[0] in names and capitalised


def _has_jargon(text: str) -> bool:
    """Whether ``text`` holds an entry of the jargon lexicon: the checker's search, entry
    by entry, tried at every position (the same matches as the combined pattern, which
    tries its hundreds of branches, verb forms included, at each position)."""
    lower = text.lower()
    return next(iter(entry_search().finditer(lower, range(len(lower)))), None) is not None


@lru_cache(maxsize=65536)
def quotable_title(title: str | None) -> str | None:
    """The experience's title when a reply can quote it safely, else None.

    Safe means short (six words at most), letters only (no digits that could be
    a file number, no address, no quotes or exclamation), not shouted in
    capitals, with no acronym or administrative jargon, no complaint
    ("impossible", "catastrophique") and none of the screened offensive or
    hostile words. It must also read as written with care: a capital first,
    apostrophes and spaces where French puts them ("d un", "efficacité ," are
    not), no word missing its accents ("demarche") or misspelt ("acceuil"). It
    must not tell a crime, violence or a death (story-title-words.txt) nor be a
    person's name ("Julien").
    """
    if title is None:
        return None
    text = title.strip().rstrip(".").strip()
    if not text or len(text.split()) > MAX_QUOTED_TITLE_WORDS or len(text) > MAX_QUOTED_TITLE_CHARS:
        return None
    if not _TITLE_CHARS.fullmatch(text) or (text.isupper() and len(text) > 3):
        return None
    if _script_problem(text) is not None:
        return None  # look-alike letters (Cyrillic, fullwidth): a quote would show them
    if _has_screened_word(text) or _has_jargon(text) or _COMPLAINT.search(text):
        return None
    if _tells_a_story_or_a_name(text):
        return None  # a crime or a death as a label, or the writer's own name
    if not _reads_as_careful(text):
        return None  # quoting a hasty title back would repeat its mistakes
    if ACRONYM.search(text):  # letters only here: a word of capitals
        return None  # an acronym the reply would have to explain
    return text.replace("'", "’")
