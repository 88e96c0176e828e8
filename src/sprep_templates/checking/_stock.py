"""Stock replies found by repetition: the same text sent again and again.

A supervisor's audit (``sprep check --jsonl``) groups the replies whose text is the
same once what changes from one user to the next is blanked (:func:`normalise_reply`:
the name greeted, the signer, numbers, dates, e-mail addresses and links), or nearly
the same (a few words changed), and reports the groups of three replies or more.

How near-duplicates are found, in one pass that holds for 100,000 replies:

- Each reply becomes the set of its word pairs (shingles of two words), after
  normalisation. Changing one word of a 60-word reply changes 2 pairs of 59. Pairs
  rather than trigrams: trigrams lose 3 per changed word, and a 55-word reply with
  three words changed falls to about 0.7, where the estimate below is noisy (on
  20,000 synthetic replies, trigrams split 40 stock texts into 69 groups, pairs into 44).
- Each set is summarised by a one-permutation MinHash sketch (Li, Owen and Zhang,
  2012): every pair is hashed once to 64 bits; the top 6 bits choose one of 64
  bins, each bin keeps the smallest rest. The share of bins two sketches agree on
  (among the bins not empty in both) estimates the Jaccard similarity of the two sets
  (standard error about 0.05 at 0.7).
- Locality-sensitive hashing: the 64 bins are cut into 16 bands of 4; two replies
  whose sets have a Jaccard similarity of 0.7 share at least one band with probability
  0.988 (0.9998 at 0.8; 0.64 at 0.5, then checked and dropped; 0.12 at 0.3).
- A group is a star: its first reply (the *representative*) and every reply whose
  estimated similarity to it is ``similarity`` or more (0.7 by default: on the real
  replies, the platform's waiting message with "courant 2021" and a link added is at
  0.85 of the plain one, a 55-word reply with its organisation's name changed at 0.77;
  two different replies on the same matter stay under 0.45). A reply joins
  the most similar representative found through its bands, or starts a group. No
  chaining: a reply is compared with the group's first text, not with the last one
  that joined, so a group cannot drift from one text to another.
- "Nearly" means a few words: a reply joins a group only when, word by word, it
  differs from the group's first text by at most ``max_changed_words`` words (8 by
  default; replaced, added or removed, counted on the longer side). The similarity of
  word pairs is relative to length: two 110-word replies of one phrasing that name
  each user's own title, procedure and difficulty (a dozen words in three or four
  places) are at 0.75, yet each is adapted to its reader. On the 195 published
  replies of the real export every near member of a stock group differs from its
  group's first text by 6 words or fewer (a date and a link added, an organisation's
  name changed); drafts of one phrasing for different users differ by 2 to 37.

Only the representatives' sketches and bands are kept (and each distinct text's
16-byte digest, and every id): memory grows with the number of different texts, not
with their length. ``benchmarks/stock_bench.py`` measures 100,000 replies.

Why not datasketch (``MinHash``, ``MinHashLSH``), which does this well: it needs numpy
and scipy (about 60 MB installed, for one audit of a library whose other dependencies
are small), hashes each shingle with SHA-1 in a Python loop, and keeps every sketch
(128 integers a reply by default). One-permutation hashing needs one hash a shingle
and fits in the few functions below.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable, Iterator

import attrs

from ..i18n import translator
from ..patterns import EMAIL, URL
from ._cues import GREETING_WITH_NAME, SIGNER
from ._finding import Finding

__all__ = [
    "SIMILARITY",
    "StockGroup",
    "find_stock_groups",
    "normalise_reply",
    "stock_finding",
    "stock_fingerprint",
]

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre"
)
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b",
    re.I,
)
_NUMBER = re.compile(r"\d+(?:[\s.,:h/-]?\d+)*")
_ENTITY = re.compile(r"&(?:nbsp|amp|quot|lt|gt|#\d+);")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")
#: A short line closing a reply that is a first name: "Camille,".
_NAME_LINE = re.compile(r"[A-ZÀ-Ý][\w’'\-.]*(?: [A-ZÀ-Ý][\w’'\-.]*){0,2},?")
_TOKEN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_FIRST_WORD = re.compile(r"\s*\w+")

_BINS = 64  # one-permutation MinHash bins
_BIN_SHIFT = 58  # 64 - log2(_BINS): the top 6 bits of a hash choose its bin
_ROWS = 4  # bins per band
_EMPTY = 1 << _BIN_SHIFT  # above any value a bin keeps
_MASK64 = (1 << 64) - 1
_SHINGLE = 2


_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_reply(text: str) -> str:
    """``text`` with what changes from one user to the next blanked: the name after the
    greeting (``<nom>``), a signer line (``<signature>``, or ``<nom>`` for a closing line
    holding a first name only), e-mail addresses (``<e-mail>``), links (``<lien>``),
    dates (``<date>``) and numbers (``<nombre>``); white space collapsed. Half of a
    surrogate pair (a JSON line may escape one) becomes U+FFFD: no character, and no
    UTF-8 output could write it.
    """
    if not text.isascii():
        text = _SURROGATE.sub("\ufffd", text)
    if "&" in text:
        text = _ENTITY.sub(" ", text)
    greeting = GREETING_WITH_NAME.match(text)
    if greeting:
        name_start = _FIRST_WORD.match(text).end()  # type: ignore[union-attr]
        name_end = greeting.end() - (greeting.group()[-1] in ",.!")
        if text[name_start:name_end].strip() and len(text[name_start:name_end].split()) <= 4:
            text = text[:name_start] + " <nom>" + text[name_end:]
    lines = text.split("\n")
    seen = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if not line:
            continue
        seen += 1
        if seen > 3:
            break
        if SIGNER.match(line):
            lines[index] = "<signature>"
        elif _NAME_LINE.fullmatch(line) and line.endswith(","):
            lines[index] = "<nom>,"
    text = "\n".join(lines)
    if "://" in text or "www." in text.lower():
        text = URL.sub("<lien>", text)
    if "@" in text:
        text = EMAIL.sub("<e-mail>", text)
    if _DIGIT.search(text):
        text = _NUMBER.sub("<nombre>", _DATE.sub("<date>", text))
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


@attrs.frozen
class StockGroup:
    """Replies sent as one text: ``size`` of them, with their ``ids`` in input order,
    and ``text``, the first one normalised (:func:`normalise_reply`). ``exact``: every
    reply of the group is that text, word for word once normalised; otherwise some
    differ by a few words."""

    size: int
    ids: tuple[str, ...]
    text: str
    exact: bool


class _Group:
    __slots__ = ("distinct", "ids", "text")

    def __init__(self, text: str) -> None:
        self.ids: list[str] = []
        self.text = text.encode()  # half the memory of an accented str
        self.distinct = 1


class _Sketcher:
    """Words to 64-bit values (each word hashed once), word pairs to sketches."""

    def __init__(self) -> None:
        self.words: dict[str, int] = {}

    #: The most words whose hash is kept: a vocabulary is a few tens of thousands of
    #: words, but replies of random text would grow the cache without end (a hash is
    #: computed again after a clear, the same: results never change).
    MAX_WORDS = 200_000

    def word(self, word: str) -> int:
        value = self.words.get(word)
        if value is None:
            if len(self.words) >= self.MAX_WORDS:
                self.words.clear()
            digest = hashlib.blake2b(word.encode(), digest_size=8).digest()
            value = self.words[word] = int.from_bytes(digest, "little") >> 3
        return value

    def sketch(self, tokens: list[str]) -> array[int] | None:
        """The one-permutation MinHash of the word pairs of ``tokens``; None when
        the reply is too short to have one."""
        if len(tokens) < _SHINGLE + 1:
            return None
        values = [self.words.get(t) or self.word(t) for t in tokens]
        bins = [_EMPTY] * _BINS
        shift, low = _BIN_SHIFT, (1 << _BIN_SHIFT) - 1
        for shingle in zip(*(values[i:] for i in range(_SHINGLE)), strict=False):
            hashed = hash(shingle) & _MASK64  # a tuple of ints hashes the same in every run
            position, rest = hashed >> shift, hashed & low
            if rest < bins[position]:
                bins[position] = rest
        return array("Q", bins)


def _similarity(one: array[int], other: array[int]) -> float:
    """The Jaccard similarity of two sets of word pairs, estimated from their sketches."""
    same = empty = 0
    for a, b in zip(one, other, strict=True):
        if a == b:
            if a == _EMPTY:
                empty += 1
            else:
                same += 1
    return same / (_BINS - empty) if empty < _BINS else 1.0


class _BandTable:
    """Band hash → the first group that had it: a dict in two flat arrays (open
    addressing), about 24 bytes a band where a dict takes about 90 (an int object for
    each key). ``hash()`` never returns -1: it marks an empty slot."""

    def __init__(self) -> None:
        self._keys = array("q", [-1]) * 1024
        self._values = array("i", [0]) * 1024
        self._count = 0

    def get(self, key: int) -> int:
        """The group of ``key``, or -1."""
        keys, mask = self._keys, len(self._keys) - 1
        slot = key & mask
        while True:
            found = keys[slot]
            if found == key:
                return self._values[slot]
            if found == -1:
                return -1
            slot = (slot + 1) & mask

    def setdefault(self, key: int, value: int) -> None:
        """Keep ``value`` for ``key`` unless it has one."""
        if 2 * (self._count + 1) > len(self._keys):
            self._grow()
        keys, mask = self._keys, len(self._keys) - 1
        slot = key & mask
        while True:
            found = keys[slot]
            if found == key:
                return
            if found == -1:
                keys[slot] = key
                self._values[slot] = value
                self._count += 1
                return
            slot = (slot + 1) & mask

    def _grow(self) -> None:
        old_keys, old_values = self._keys, self._values
        self._keys = array("q", [-1]) * (2 * len(old_keys))
        self._values = array("i", [0]) * (2 * len(old_keys))
        self._count = 0
        for key, value in zip(old_keys, old_values, strict=True):
            if key != -1:
                self.setdefault(key, value)


#: A near-duplicate differs from its group's first text by at most this many words.
MAX_CHANGED_WORDS = 8


def _few_words_changed(first: list[str], other: list[str], most: int) -> bool:
    """Whether ``other`` is ``first`` with at most ``most`` words replaced, added or
    removed (each changed stretch counted on its longer side: the least number of
    words replaced, added or removed, Levenshtein's distance on words).

    Linear: the common start and end are set aside, then Landau and Vishkin's
    diagonals (each number of changes up to ``most``, on the ``2 * most + 1``
    diagonals it can reach, slides along equal words): O(``most`` × length) whatever
    the words repeat (a general alignment of repeated words is quadratic)."""
    if abs(len(first) - len(other)) > most:
        return False
    start, shortest = 0, min(len(first), len(other))
    while start < shortest and first[start] == other[start]:
        start += 1
    end_first, end_other = len(first), len(other)
    while end_first > start and end_other > start and first[end_first - 1] == other[end_other - 1]:
        end_first -= 1
        end_other -= 1
    a, b = first[start:end_first], other[start:end_other]
    if max(len(a), len(b)) <= most:  # one changed stretch
        return True
    length_a, length_b = len(a), len(b)
    goal = length_b - length_a  # the diagonal (j - i) where both texts end
    # reach[d]: the furthest i on diagonal d (j = i + d) with the changes counted so far.
    reach: dict[int, int] = {}
    for changes in range(most + 1):
        before = reach
        reach = {}
        for diagonal in range(-changes, changes + 1):
            if changes == 0:
                i = 0
            else:
                i = max(
                    before.get(diagonal, -2) + 1,  # a word replaced
                    before.get(diagonal + 1, -2) + 1,  # a word of ``first`` removed
                    before.get(diagonal - 1, -1),  # a word of ``other`` added
                )
            i = min(i, length_a, length_b - diagonal)
            if i < 0 or i + diagonal < 0:
                continue
            while i < length_a and i + diagonal < length_b and a[i] == b[i + diagonal]:
                i += 1
            reach[diagonal] = i
            if diagonal == goal and i == length_a:
                return True
    return False


def _bands(sketch: array[int]) -> Iterator[int]:
    for band in range(0, _BINS, _ROWS):
        values = tuple(sketch[band : band + _ROWS])
        if values != (_EMPTY,) * _ROWS:
            yield hash((band, *values))


def stock_fingerprint(text: str) -> tuple[str, list[str], bytes]:
    """What the audit compares of a reply: its text normalised (:func:`normalise_reply`),
    its words in lower case, and their 16-byte digest (one digest: one text, word for
    word once normalised). ``export._repeats`` uses it so that a batch never drafts what
    this audit groups."""
    normal = normalise_reply(text)
    tokens = _TOKEN.findall(normal.lower())
    return normal, tokens, hashlib.blake2b(" ".join(tokens).encode(), digest_size=16).digest()


#: The estimated similarity of word pairs from which a reply joins a group (by default).
SIMILARITY = 0.7


def find_stock_groups(
    replies: Iterable[tuple[str, str]],
    *,
    min_size: int = 3,
    similarity: float = SIMILARITY,
    max_changed_words: int = MAX_CHANGED_WORDS,
) -> list[StockGroup]:
    """The groups of ``min_size`` replies or more that are one text, word for word once
    normalised (:func:`normalise_reply`) or nearly (estimated Jaccard similarity of
    their word pairs ``similarity`` or more to the group's first reply, and at most
    ``max_changed_words`` words changed from it; ``similarity`` 1.0 keeps exact
    repetitions only). ``replies``: ``(id, text)`` pairs, read once. Groups come
    largest first, then in the order their first reply came.
    """
    if min_size < 2:
        raise ValueError(f"min_size must be 2 or more (got {min_size})")
    if not 0.0 < similarity <= 1.0:
        raise ValueError(f"similarity must be in (0, 1] (got {similarity})")
    if isinstance(max_changed_words, bool) or not isinstance(max_changed_words, int):
        raise ValueError(f"max_changed_words must be a whole number (got {max_changed_words!r})")
    if max_changed_words < 0:
        raise ValueError(f"max_changed_words must be 0 or more (got {max_changed_words})")
    groups: list[_Group] = []
    by_digest: dict[bytes, int] = {}
    # The representatives' sketches, end to end (_BINS values each), and where each
    # group's starts (-1: none, a reply too short): flat arrays, no object per sketch.
    sketches = array("Q")
    sketch_at = array("q")
    buckets = _BandTable()  # band hash → group index
    sketcher = _Sketcher()
    near = similarity < 1.0
    for reply_id, text in replies:
        normal, tokens, digest = stock_fingerprint(text)
        index = by_digest.get(digest)
        if index is None:
            sketch = sketcher.sketch(tokens) if near else None
            bands = list(_bands(sketch)) if sketch is not None else []
            best = -1
            candidates = (buckets.get(b) for b in bands)
            scored = []
            for seen, candidate in enumerate(dict.fromkeys(c for c in candidates if c >= 0)):
                start = sketch_at[candidate]
                score = _similarity(sketch, sketches[start : start + _BINS])  # type: ignore[arg-type]
                if score >= similarity:
                    scored.append((-score, -seen, candidate))
            # The most similar first text a few words away (ties: the last one seen).
            for _score, _seen, candidate in sorted(scored):
                first = _TOKEN.findall(groups[candidate].text.decode().lower())
                if _few_words_changed(first, tokens, max_changed_words):
                    best = candidate
                    break
            if best >= 0:
                index = best
                groups[index].distinct += 1
            else:
                index = len(groups)
                groups.append(_Group(normal))
                sketch_at.append(len(sketches) if sketch is not None else -1)
                if sketch is not None:
                    sketches.extend(sketch)
                    for band in bands:
                        buckets.setdefault(band, index)
            by_digest[digest] = index
        groups[index].ids.append(reply_id)
    found = [(group, order) for order, group in enumerate(groups) if len(group.ids) >= min_size]
    found.sort(key=lambda pair: (-len(pair[0].ids), pair[1]))
    return [
        StockGroup(len(group.ids), tuple(group.ids), group.text.decode(), group.distinct == 1)
        for group, _order in found
    ]


def stock_finding(group: StockGroup, locale: str = "fr") -> Finding:
    """The ``generic`` finding each reply of ``group`` carries in an audit, naming the
    group's size (about the whole reply: no span)."""
    _ = translator(locale)
    if group.exact:
        message = _(
            "Réponse type : le même texte (noms, nombres, dates et liens mis à part) a été "
            "envoyé {count} fois. Le guide demande une réponse personnalisée."
        )
    else:
        message = _(
            "Réponse type : ce texte a été envoyé {count} fois, à quelques mots près (noms, "
            "nombres, dates et liens mis à part). Le guide demande une réponse personnalisée."
        )
    return Finding("generic", "error", message.format(count=group.size))
