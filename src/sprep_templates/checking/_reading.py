"""A reply read once for every rule of the checker.

:class:`Reading` blanks a text's links and e-mail addresses (their dots end no
sentence), cuts it into paragraphs and sentences, finds where the lexicon's
patterns may start (one automaton pass, see ``lexicons/_matcher.py``) and counts its
words, syllables, digits and capitals token by token (see :data:`_TOKEN_COUNTS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..lexicons import PatternSet
from ..memos import BoundedMemo
from ..patterns import ACRONYM, EMAIL, PHONE, URL
from ..text import NUMBER_SHIFT, TokenMemo, count_words, merged_numbers, split_dashes, token_words

__all__ = [
    "READING_PATTERNS",
    "READING_PREFIXES",
    "Counts",
    "Reading",
    "mask",
    "reading_ease",
    "words_of",
]

_PHONE_PREFIXES = tuple("+0123456789")
_LONG_NUMBER = re.compile(r"\d[\d\s]{5,}\d")

# The end of a sentence within a paragraph (a line break ends one too).
# Only from the first mark of a run (the lookbehind): a run of 16,000 "!" was read
# again from each of its marks.
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++(?=\s*[«\"(]?[A-ZÀ-Ý]|\s+[0-9]|\s*$)")
# The same, starting with its character class (the engine skips to the marks): a
# paragraph's own search (tests/test_checking_scans.py compares the two).
_SENTENCE_END_SCAN = re.compile(
    r"[.!?…](?<![.!?…][.!?…])[.!?…]*+(?=\s*[«\"(]?[A-ZÀ-Ý]|\s+[0-9]|\s*$)"
)
_DIGIT = re.compile(r"\d")

#: Patterns every :class:`Reading` needs from the lexicon it is given.
READING_PATTERNS = {"sentence-end": _SENTENCE_END, "phone": PHONE}
#: Their prefixes, where the pattern's source does not say them.
READING_PREFIXES = {"phone": _PHONE_PREFIXES}


def _lower(text: str) -> str:
    """``text`` in lower case, character for character (positions stay valid)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(char.lower()[0] for char in text)  # "İ" lowers to two characters


def _urls(text: str, lower: str) -> tuple[list[int], list[re.Match[str]]]:
    """Where a URL may start (each "http" and "www."), and the URLs of ``text``."""
    starts = []
    for key in ("http", "www."):
        at = lower.find(key)
        while at >= 0:
            starts.append(at)
            at = lower.find(key, at + 1)
    if not starts:
        return starts, []
    starts.sort()
    # Candidates.finditer("url", …), its loop written out (a reply has a link or two).
    urls: list[re.Match[str]] = []
    match_at, after = URL.match, 0
    for start in starts:
        if start >= after:
            match = match_at(text, start)
            if match is not None:
                after = match.end()
                urls.append(match)
    return starts, urls


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with ``spans`` replaced by as many x's."""
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        pieces += (text[position:start], "x" * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def mask(text: str) -> str:
    """``text`` with URLs and e-mail addresses blanked (same length): their dots end nothing."""
    _starts, urls = _urls(text, _lower(text))
    masked = _blank(text, (m.span() for m in urls))
    if "@" in masked:
        masked = EMAIL.sub(lambda m: "x" * len(m.group()), masked)
    return masked


_VOWELS = "aeiouyàâäéèêëîïôöùûüœ"
_WORDS = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
_VOWEL_GROUP = re.compile(f"[{_VOWELS}]+")
_NO_VOWEL_WORD = re.compile(r"\b[bcdfghjklmnpqrstvwxzç]+\b")
# A final mute e after a consonant, in a word with another vowel before it: "votre".
_MUTE_E = re.compile(f"[{_VOWELS}][^\\W\\d_{_VOWELS}]*[^\\W\\d_{_VOWELS}]e(?:s|nt)?\\b")
_SENTENCE_MARK = re.compile(r"[.!?…]+")


# What the rules count in a reply, token by token (the runs between white space
# and dashes): none of these patterns spans white space, so a text's counts are
# the sums of its tokens' counts, and a token read once is looked up after.
# Each count has a 32-bit field of one integer, so summing integers sums them all.
_FIELD_BITS = 32
_FIELD = (1 << _FIELD_BITS) - 1


# Punctuation around a word: stripped, it leaves the word's counts unchanged.
_AFFIXES = ".,;:!?…«»()[]\"'’“”"
_CONSONANTS = "bcdfghjklmnpqrstvwxzç"


def _read_counts(token: str) -> tuple[int, int, int, int, int]:
    """A token's counts, as :class:`Counts` orders them (less the guide's words)."""
    lower = token.lower()
    return (
        len(_WORDS.findall(token)),
        # Syllables by vowel groups, less mute final e's; a word without vowel counts one.
        len(_VOWEL_GROUP.findall(lower))
        - len(_MUTE_E.findall(lower))
        + len(_NO_VOWEL_WORD.findall(lower)),
        len(_SENTENCE_MARK.findall(token)),
        len(_DIGIT.findall(token)),
        1 if ACRONYM.search(token) else 0,
    )


def _read_word_counts(token: str, word: str) -> tuple[int, int, int, int, int]:
    """:func:`_read_counts` for a token that is one word of letters (``word``) with
    punctuation around it, in fewer steps: one word, no digit; a final mute e and a
    word without vowel can only be the whole word; capitals make an acronym only
    all together."""
    lower = word.lower()
    mute_e = lower.endswith(("e", "es", "ent")) and _MUTE_E.search(lower) is not None
    return (
        1,
        len(_VOWEL_GROUP.findall(lower)) - mute_e + (not lower.strip(_CONSONANTS)),
        len(_SENTENCE_MARK.findall(token)) if word != token else 0,
        0,
        1 if len(word) >= 2 and word.isascii() and word.isupper() else 0,
    )


_SHIFTS = tuple(_FIELD_BITS * (index + 1) + NUMBER_SHIFT for index in range(5))


def _token_counts(token: str) -> int:
    word = token.strip(_AFFIXES)
    if word.isalpha():
        counts = _read_word_counts(token, word)
        packed = 1  # one word of the guide's count, not a number
    else:
        counts = _read_counts(token)
        packed = token_words(token)
    words, syllables, marks, digits, acronyms = counts
    shift_words, shift_syllables, shift_marks, shift_digits, shift_acronyms = _SHIFTS
    return (
        packed
        | words << shift_words
        | syllables << shift_syllables
        | marks << shift_marks
        | digits << shift_digits
        | acronyms << shift_acronyms
    )


_TOKEN_COUNTS = TokenMemo(_token_counts)


class Counts(NamedTuple):
    """Counts over a (masked) text: see :func:`_count`."""

    words: int  # runs of letters, for the reading ease
    syllables: int
    sentence_marks: int
    digits: int
    acronyms: int  # tokens that hold a run of capitals
    guide_words: int  # words as the 60–150 rule counts them

    def reading_ease(self) -> float:
        """Kandel–Moles reading ease of the counted text: see :func:`reading_ease`."""
        if not self.words:
            return 100.0
        sentences = max(self.sentence_marks, 1)
        return 207 - 1.015 * (self.words / sentences) - 73.6 * (self.syllables / self.words)


def _packed_counts(masked: str) -> int:
    """The sum of the packed counts of ``masked``'s tokens (see :func:`_token_counts`)."""
    return sum(map(_TOKEN_COUNTS.__getitem__, split_dashes(masked).split()))


def _count(masked: str, known: tuple[int, int] | None = None) -> Counts:
    """The counts of ``masked``; ``known``: :func:`_packed_counts` of it and how many
    of its tokens continue a number (:func:`..text.merged_numbers`), when known."""
    if known is None:
        total = _packed_counts(masked)
        guide_words = total & ((1 << NUMBER_SHIFT) - 1)
        if (total >> NUMBER_SHIFT) & _FIELD >= 2:  # numbers may go on over tokens
            guide_words -= merged_numbers(split_dashes(masked).split())
    else:
        total, merged = known
        guide_words = (total & ((1 << NUMBER_SHIFT) - 1)) - merged
    words, syllables, marks, digits, acronyms = _SHIFTS
    return Counts(
        (total >> words) & _FIELD,
        (total >> syllables) & _FIELD,
        (total >> marks) & _FIELD,
        (total >> digits) & _FIELD,
        (total >> acronyms) & _FIELD,
        guide_words,
    )


def reading_ease(text: str, *, masked: str | None = None) -> float:
    """Kandel–Moles reading ease (the French Flesch formula); higher is easier.

    ``masked`` is ``text`` with its URLs and e-mail addresses blanked, when the
    caller has it already."""
    return _count(masked if masked is not None else mask(text)).reading_ease()


#: The guide's word count of the paragraphs and sentences the rules count (replies
#: share most of them), by their text.
_WORD_COUNTS: BoundedMemo[int] = BoundedMemo()


def words_of(text: str) -> int:
    """``count_words(text)``, remembered by the text."""
    found = _WORD_COUNTS.get(text)
    if found is None:
        found = _WORD_COUNTS.remember(text, count_words(text))
    return found


def _paragraph_sentences(content: str) -> tuple[tuple[int, int], ...]:
    """The sentences of one paragraph (spans in it): a sentence ends at ., !, ?, …
    before a capital letter, a number or the end; white space before a sentence is
    not part of it. ``content`` has no line break and ends with no white space."""
    sentences = []
    position = 0
    for match in _SENTENCE_END_SCAN.finditer(content):
        sentences.append((position, match.end()))
        position = match.end()
    sentences.append((position, len(content)))
    for at in range(len(sentences) - 1, -1, -1):
        s, e = sentences[at]
        if s == e or content[s].isspace() or content[e - 1].isspace():
            piece = content[s:e]
            if piece.strip():
                sentences[at] = (s + len(piece) - len(piece.lstrip()), e)
            else:
                del sentences[at]
    return tuple(sentences)


class _Paragraph(NamedTuple):
    """What the reading needs of one paragraph (see :func:`_read_paragraph`)."""

    sentences: tuple[tuple[int, int], ...]  # spans in the paragraph
    packed: int  # the sum of its tokens' packed counts
    merged: int  # its tokens that continue a number (text.merged_numbers)
    tokens: bool  # whether it has a token at all (a line of dashes has none)
    opens: bool  # its first token may continue a number before it: 2 or 3 digits
    closes: bool  # its last token may start or continue one: 1 to 4 digits


def _paragraph(content: str) -> _Paragraph:
    tokens = split_dashes(content).split()
    total = sum(map(_TOKEN_COUNTS.__getitem__, tokens))
    merged = merged_numbers(tokens) if (total >> NUMBER_SHIFT) & _FIELD >= 2 else 0
    first, last = (tokens[0], tokens[-1]) if tokens else ("", "")
    return _Paragraph(
        _paragraph_sentences(content),
        total,
        merged,
        bool(tokens),
        first.isdecimal() and 2 <= len(first) <= 3,
        last.isdecimal() and len(last) <= 4,
    )


#: What a paragraph gives, by its text. Replies share most of their paragraphs
#: (greeting, stock sentences, closing): each is read once (bounded; emptied by
#: ``clear_caches``).
_PARAGRAPHS: BoundedMemo[_Paragraph] = BoundedMemo()


def _read_paragraph(content: str) -> _Paragraph:
    found = _PARAGRAPHS.get(content)
    if found is None:
        found = _PARAGRAPHS.remember(content, _paragraph(content))
    return found


def _read(
    masked: str,
) -> tuple[
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[int],
    Counts,
    list[tuple[tuple[int, int], ...]],
]:
    """Paragraphs, sentences and counts, paragraph by paragraph (see
    :func:`_read_paragraph`). Blanking keeps white space where it is (links and
    addresses hold none), so ``masked`` has the paragraphs and sentences of
    ``text``; a token never spans a line, so the counts are the paragraphs' sums."""
    paragraphs: list[tuple[int, int]] = []
    sentences: list[tuple[int, int]] = []
    counts: list[int] = []
    own: list[tuple[tuple[int, int], ...]] = []  # each paragraph's sentences, in it
    total = merged = 0
    number_before = False  # the last token so far may start or continue a number
    position = 0
    remembered = _PARAGRAPHS.get
    for line in masked.split("\n"):
        content = line.rstrip()
        if content:  # on the platform a line break starts a paragraph
            paragraph = remembered(content) or _read_paragraph(content)
            found, packed, more, tokens, opens, closes = paragraph
            paragraphs.append((position, position + len(content)))
            if not position:
                sentences += found
            elif len(found) == 1:
                ((s, e),) = found
                sentences.append((position + s, position + e))
            else:
                sentences += [(position + s, position + e) for s, e in found]
            counts.append(len(found))
            own.append(found)
            total += packed
            merged += more
            if tokens:  # a number goes on over a line break too
                merged += number_before and opens
                number_before = closes
        position += len(line) + 1
    # the paragraphs, the sentences of every paragraph (spans), how many each has, the
    # counts, and each paragraph's sentences as spans in it (the memo's tuple)
    return paragraphs, sentences, counts, _count(masked, (total, merged)), own


class Reading:
    """A reply read once for every rule: its URLs blanked, its paragraphs and
    sentences, the candidate starts of every pattern of ``lexicon`` (which holds
    :data:`READING_PATTERNS`), its counts."""

    __slots__ = (
        "_found",
        "candidates",
        "closing_added",
        "counts",
        "lexicon",
        "line_flags",
        "lower",
        "masked",
        "paragraph_sentences",
        "paragraphs",
        "sentence_counts",
        "sentences",
        "text",
        "url_starts",
        "urls",
        "whole",
    )

    def __init__(
        self, text: str, closing_added: bool, lexicon: PatternSet, *, whole: bool = True
    ) -> None:
        self.text = text
        #: False for a sentence an agent wrote into a draft (check_fragments): rules that
        #: judge a whole reply (a reply that only thanks) leave it alone.
        self.whole = whole
        self.lexicon = lexicon
        self.closing_added = closing_added
        lower = _lower(text)
        self.url_starts, self.urls = _urls(text, lower)
        masked = text
        spans = [m.span() for m in self.urls]
        if spans:
            masked, lower = _blank(masked, spans), _blank(lower, spans)
        if "@" in masked:  # e-mail addresses, outside the links
            emails = [m.span() for m in EMAIL.finditer(masked)]
            if emails:
                masked, lower = _blank(masked, emails), _blank(lower, emails)
                spans += emails
        #: ``text`` with URLs and e-mail addresses blanked: their dots end nothing.
        self.masked = masked
        #: ``masked`` in lower case, where the word patterns are searched.
        self.lower = lower
        self.candidates = lexicon.candidates(lower)
        self._found: dict[str, list[re.Match[str]]] = {}
        #: Which patterns of ``_line_search`` match some line (found when first asked).
        self.line_flags: int | None = None
        (
            self.paragraphs,
            self.sentences,
            self.sentence_counts,
            self.counts,
            #: Each paragraph's sentences, as spans in the paragraph (shared by every
            #: reply holding that paragraph: see ``_read_paragraph``).
            self.paragraph_sentences,
        ) = _read(masked)
        if spans and any(dash in text for dash in "\u2013\u2014\u2015"):
            # A dash inside a URL separates words in the text, not in the blanked text.
            self.counts = self.counts._replace(guide_words=count_words(text))

    def has_long_number(self) -> bool:
        """Whether the text holds 7 characters or more of digits and white space,
        from a digit to a digit (what a file number needs)."""
        masked = self.masked
        digits = [p for p in self.candidates.starts("phone") if masked[p] != "+"]
        if len(digits) != self.counts.digits:  # digits of other scripts: read it all
            return _LONG_NUMBER.search(masked) is not None
        first = previous = -10
        for position in digits:
            joined = position == previous + 1 or masked[previous + 1 : position].isspace()
            if previous >= 0 and joined:
                if position - first >= 6:
                    return True
            else:
                first = position
            previous = position
        return False

    def find(self, name: str) -> list[re.Match[str]]:
        """The matches of lexicon pattern ``name`` (positions as in ``text``)."""
        found = self._found.get(name)
        if found is None:
            if not self.candidates.starts(name):  # no candidate: most names, most replies
                found = self._found[name] = []
                return found
            pattern = self.lexicon.patterns[name]
            target = self.masked if name in ("phone", "sentence-end") else self.lower
            found = self._found[name] = list(self.candidates.finditer(name, pattern, target))
        return found
