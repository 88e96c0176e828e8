"""A batch never drafts one ``ready`` text three times (issue 20, kind 10).

``sprep check --jsonl`` groups the replies sent three times or more as stock replies:
the same text, or nearly, once names, numbers, dates and links are blanked
(:mod:`sprep_templates.checking._stock`). Alike experiences (short praises of one online
procedure) get the same content, and the phrasing of each step is chosen from the
experience id's CRC-32: two ids pick the same phrasings by chance, so a batch of a
thousand rows drafted three or four identical texts.

Within one batch (:func:`draft_many`, ``sprep draft`` with any ``--jobs``), each
``ready`` draft is compared, in input order, with the batch's earlier ready drafts as
the audit compares replies (:func:`stock_fingerprint`, and the audit's sketches and word counts for
"nearly"). A draft that would make three drafts alike, around any of them (so that
no audit of the batch, nor of any part of it, groups them), is drafted again with
another choice of phrasings (a salt added to the seed of the choice,
:mod:`drafting._salt`: 1, 2, … up to :data:`MAX_TRIES`; the first that repeats
nothing is kept). Every phrasing is proven by the length proof and Grammalecte, and
the content is the same: only the phrasing changes, not the status nor the notes
(``personalised_by`` says what the new phrasing uses: one may name the channel where
another does not). When every try still repeats, the first draft is
kept and is not ``ready``: ``to_complete``, its note saying that it repeats other
drafts of the batch word for word and must be personalised. A draft to complete or to
review is left as drafted: an agent changes it anyway, and placing every draft doubled
the time of a batch of alike rows. A batch tries at most one other choice per draft
placed, plus :data:`TRIES_AHEAD`; past that a repeating draft is marked at once.

Deterministic: decided where results are emitted in input order (the parent process
of ``sprep draft --jobs N``), so ``--jobs 1`` and ``--jobs N`` write the same drafts.
Rows left out afterwards (``--resume``, ``--status``) are placed too: a resumed run
writes what the whole run would have. A single :func:`draft_reply` is unchanged.

Memory: no draft's text is kept. Per distinct text (a draft not word for word an
earlier one, names, numbers, dates and links aside): its 16-byte digest, its words'
32-bit hashes (about 500 bytes for a reply of 110 words), its sketch (64 values, about
570 bytes as one number) and its 16 bands (about 400 bytes, a crowded band's list
holding 16 texts at most); per draft of a text already seen, nothing. Measured on the
real export: 2.3 MB for 1,174 drafts, about 2 KB a draft with the word cache (itself
bounded, see ``checking._stock``). The batch keeps at most :data:`MAX_TEXTS` distinct
texts (about 8 MB): past them it starts afresh, so a batch of 100,000 rows takes no
more memory than one of 20,000, and the guard holds within each run of
:data:`MAX_TEXTS` distinct texts (a text repeated across two runs is not seen).
Each draft is compared with at most 16 × 17 earlier texts (crowded bands left aside):
the time a draft takes does not grow with the batch.
"""

from __future__ import annotations

import functools
from array import array
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

from ..checking._stock import (
    _BINS,
    _EMPTY,
    MAX_CHANGED_WORDS,
    SIMILARITY,
    _bands,
    _BandTable,
    _few_words_changed,
    _Sketcher,
    stock_fingerprint,
)
from ..drafting import Reply
from ..drafting._reply import Missing
from ..drafting._salt import phrasing_salt
from ._reading import chunk_rows
from ._records import RecordWriter

__all__ = ["MAX_TRIES", "REPEATED_NOTE", "RepeatGuard"]

#: How many other choices of phrasings a repeating draft tries (salts 1 to MAX_TRIES).
#: With 243 choices per tone, a draft whose every try repeats is one of very many alike.
MAX_TRIES = 8

#: The most distinct texts the guard keeps (about 2 KB each): past them it starts
#: afresh, so that memory stays flat however long the batch.
MAX_TEXTS = 4_096

#: The other choices a batch tries, at most: one per draft so far (the real sample
#: export tries one per 28), plus this many. A
#: batch of alike experiences (many short thanks) would otherwise try every salt for
#: most of its drafts, each a draft again and a comparison (ten times the batch's
#: time); past the budget a repeating draft is marked as repeating at once.
TRIES_AHEAD = 64
TRIES_PER = 1

#: The note a draft not ready for other reasons gets when every try still repeats.
REPEATED_NOTE = (
    "this reply repeats two other drafts of this batch word for word (or nearly; names, "
    "numbers, dates and links aside), whatever phrasing it takes: personalise it with "
    "what this user wrote before sending it"
)

#: The most drafts a batch holds of one text, or of texts nearly the same as one
#: (the audit groups three).
_MOST_ALIKE = 2

#: A band more texts than this share is left aside when looking for texts nearly the
#: same: its four bins come from words most drafts hold (a greeting, a signature, a
#: contact paragraph), and following it would compare each draft with all the others.
#: Two texts nearly the same share several of their 16 bands (at a similarity of 0.7,
#: 16 * 0.7 ** 4 = 4 on average; 10 at 0.9), most of them holding their own words; a
#: pair whose only shared bands are crowded is missed (none on the real export).
_CROWDED = 16

_Result = TypeVar("_Result")
_WORD = 0xFFFFFFFF  # a word kept as 32 bits of its 64-bit hash


@attrs.frozen(eq=False)
class _Placed:
    """A draft's text as :class:`_Alike` finds it: ``index`` (its text's, -1: new) and
    ``near`` (the other texts nearly the same), and what :meth:`_Alike.add` keeps."""

    digest: bytes
    index: int
    near: tuple[int, ...]
    words: array[int] | None = None
    sketch: array[int] | None = None
    bands: tuple[int, ...] = ()


class _Alike:
    """Each text the batch drafted, and which are nearly the same, as ``sprep check``
    compares replies (:mod:`checking._stock`: the same normalised words, or an estimated
    similarity of word pairs of :data:`SIMILARITY` or more and at most
    :data:`MAX_CHANGED_WORDS` words changed). The audit groups a first reply with those
    nearly the same as it; here every draft's text may be that first one, so that no
    group of three forms in the batch nor in any part of it (an audit of the drafts
    but a few): a draft repeats when its text, with those nearly the same as it, or
    any of those with those nearly the same as them, would count three drafts.

    Kept per distinct text: its digest, two counts, its words' 32-bit hashes, its
    sketch (64 values) and its bands; per draft of a text already seen, nothing more.
    """

    def __init__(self) -> None:
        self._sketcher = _Sketcher()
        self._by_digest: dict[bytes, int] = {}
        self._count = array("I")  # drafts of each text
        self._around = array("I")  # drafts of the texts nearly the same as each
        self._near: dict[int, list[int]] = {}  # the texts nearly the same (when any)
        self._words: list[array[int]] = []
        self._sketches: list[int] = []  # each text's sketch, as lanes()
        self._empty: list[int] = []  # and its empty bins
        self._bands = _BandTable()  # band → its first text; the others in _more
        self._more: dict[int, list[int]] = {}

    def __len__(self) -> int:
        """How many distinct texts are kept."""
        return len(self._count)

    def place(self, text: str) -> _Placed:
        """Where a draft of ``text`` would go (nothing changed)."""
        _normal, tokens, digest = stock_fingerprint(text)
        index = self._by_digest.get(digest)
        if index is not None:
            return _Placed(digest, index, tuple(self._near.get(index, ())))
        word = self._sketcher.word
        mine = [word(t) & _WORD for t in tokens]
        sketch = self._sketcher.sketch(tokens)
        bands = tuple(_bands(sketch)) if sketch is not None else ()
        found = []
        for band in bands:
            first = self._bands.get(band)
            if first >= 0:
                more = self._more.get(band, ())
                if len(more) >= _CROWDED:
                    continue  # a paragraph most drafts hold: the text's other bands tell
                found.append(first)
                found.extend(more)
        near = []
        mine_lanes, empty = lanes(sketch) if found and sketch is not None else (0, 0)
        length = len(tokens)
        sketches, empties, words = self._sketches, self._empty, self._words
        for other in dict.fromkeys(found):
            if abs(len(words[other]) - length) > MAX_CHANGED_WORDS:
                continue  # more words added or removed than "nearly" allows
            if similarity(mine_lanes, empty, sketches[other], empties[other]) < SIMILARITY:
                continue
            # Words as their hashes: compared for equality only, as the audit's strings.
            earlier = self._words[other].tolist()
            if _few_words_changed(earlier, mine, MAX_CHANGED_WORDS):  # type: ignore[arg-type]
                near.append(other)
        return _Placed(digest, -1, tuple(near), array("I", mine), sketch, bands)

    def repeats(self, placed: _Placed) -> bool:
        """Whether a draft so placed would make three drafts alike."""
        count, around = self._count, self._around
        if placed.index >= 0:
            mine = count[placed.index] + around[placed.index]
        else:
            mine = sum(count[other] for other in placed.near)
        if mine + 1 > _MOST_ALIKE:
            return True
        return any(count[o] + around[o] + 1 > _MOST_ALIKE for o in placed.near)

    def add(self, placed: _Placed) -> None:
        """Keep a draft so placed (the last placed: nothing added since)."""
        index = placed.index
        if index >= 0:
            self._count[index] += 1
        else:
            index = len(self._count)
            self._by_digest[placed.digest] = index
            self._count.append(1)
            self._around.append(sum(self._count[other] for other in placed.near))
            if placed.near:
                self._near[index] = list(placed.near)
            self._words.append(placed.words)  # type: ignore[arg-type]
            sketch = placed.sketch
            number, empty = lanes(sketch) if sketch is not None else (0, 0)
            self._sketches.append(number)  # a text too short has none, and no band
            self._empty.append(empty)
            for band in placed.bands:
                if self._bands.get(band) >= 0:
                    more = self._more.setdefault(band, [])
                    if len(more) < _CROWDED:
                        more.append(index)
                else:
                    self._bands.setdefault(band, index)
        for other in placed.near:
            self._around[other] += 1
            if placed.index < 0:
                self._near.setdefault(other, []).append(index)


#: Bit 0 of each 64-bit lane of a sketch read as one number (:func:`lanes`).
_LANE_LOW = sum(1 << (64 * bin_) for bin_ in range(_BINS))


def lanes(sketch: array[int]) -> tuple[int, int]:
    """``sketch`` as one number (its 64 values side by side, 64 bits each), and its
    empty bins (those no word pair fell in) as the bits of a 64-bit number."""
    empty = sum(1 << bin_ for bin_, value in enumerate(sketch) if value == _EMPTY)
    return int.from_bytes(sketch.tobytes(), "little"), empty


def similarity(one: int, one_empty: int, other: int, other_empty: int) -> float:
    """:func:`checking._stock._similarity` (the audit's estimate) of two sketches given
    as :func:`lanes`: the bins that differ are the lanes of ``one ^ other`` not zero,
    each folded onto its bit 0 (six shifts of the whole number, not 64 comparisons)."""
    both_empty = (one_empty & other_empty).bit_count()
    if both_empty == _BINS:
        return 1.0
    differ = one ^ other
    for shift in (32, 16, 8, 4, 2, 1):
        differ |= differ >> shift
    same = _BINS - (differ & _LANE_LOW).bit_count() - both_empty
    return same / (_BINS - both_empty)


def _repeated(reply: Reply) -> Reply:
    """``reply`` marked as repeating other drafts: ``to_complete`` when it was ready."""
    if reply.status == "ready":
        return attrs.evolve(reply, missing=Missing("repeated"))
    return attrs.evolve(reply, notes=(*reply.notes, REPEATED_NOTE))


class RepeatGuard:
    """The drafts of one batch so far, as the audit compares them (see :class:`_Alike`):
    :meth:`settle` each draft in input order."""

    def __init__(self) -> None:
        self._alike = _Alike()
        self._placed = 0  # drafts placed so far
        self._tried = 0  # other choices tried so far (see TRIES_AHEAD)

    def _bounded(self) -> _Alike:
        """The texts kept, started afresh once they reach :data:`MAX_TEXTS`."""
        if len(self._alike) >= MAX_TEXTS:
            self._alike = _Alike()
        self._placed += 1
        return self._alike

    def settle(self, reply: Reply, redraft: Callable[[int], Reply | None]) -> Reply:
        """``reply``, or, when it would repeat earlier drafts, the first of
        ``redraft(1)``, ``redraft(2)``… (the draft again with that salt; None: none)
        that does not, or ``reply`` marked as repeating (see the module)."""
        if reply.status != "ready":
            return reply  # only what the library calls ready must not be stock
        placed = self._bounded().place(reply.text)
        if not self._alike.repeats(placed):
            self._alike.add(placed)
            return reply
        return self._settle_placed(placed, reply, redraft) or reply

    def settle_row(
        self, results: Sequence[_Result], draft: Callable[[], Sequence[_Result]]
    ) -> list[_Result]:
        """The results of one row (:func:`draft_row`'s), each draft settled in turn;
        ``draft()`` drafts the row again (under the salt :meth:`settle` sets)."""
        settled = list(results)
        for position, result in enumerate(settled):
            reply = getattr(result, "reply", None)
            if isinstance(reply, Reply):
                kept = self.settle(reply, functools.partial(_again, draft, position))
                if kept is not reply:
                    settled[position] = attrs.evolve(result, reply=kept)  # type: ignore[misc]
        return settled

    def settle_chunk(self, chunk: Any, job: Any, draft_row: Callable[..., list[Any]]) -> Any:
        """A chunk drafted by ``export._pool`` (its ``drafted`` records, each with its
        reply's text and row line), settled in the parent, in input order: a repeating
        record is drafted again from ``job``'s rows with ``draft_row``, and serialised
        as the job serialises."""
        rows: dict[int, Any] | None = None
        for position, record in enumerate(chunk.drafted):
            if record.status != "ready":
                continue  # only what the library calls ready must not be stock
            placed = self._bounded().place(record.reply_text)
            if not self._alike.repeats(placed):
                self._alike.add(placed)
                continue
            if rows is None:  # the rare chunk with a repeat is read again, once
                rows = {row.line: row for row in chunk_rows(job.form, job.chunk)}
            redraft = _Redraft(rows[record.line], record.structure, job, draft_row)
            kept = self._settle_placed(placed, None, redraft)
            result = redraft.result_of(kept)
            if result is not None:
                chunk.drafted[position] = _record(result, job, record)
        return chunk

    def _settle_placed(
        self, placed: _Placed, reply: Reply | None, redraft: Callable[[int], Reply | None]
    ) -> Reply | None:
        """:meth:`settle` for a draft ``placed`` says repeats: the first salt whose
        draft does not, or the draft (``reply``, None: ``redraft(0)``) marked as
        repeating (None if there is none)."""
        for salt in range(1, MAX_TRIES + 1):
            if self._tried >= self._placed // TRIES_PER + TRIES_AHEAD:
                break  # the batch's budget of other choices is spent
            self._tried += 1
            other = redraft(salt)
            if other is None:
                continue
            tried = self._alike.place(other.text)
            if not self._alike.repeats(tried):
                self._alike.add(tried)
                return other
        self._alike.add(placed)
        if reply is None:
            reply = redraft(0)
        return None if reply is None else _repeated(reply)


def _again(draft: Callable[[], Sequence[object]], position: int, salt: int) -> Reply | None:
    """The reply at ``position`` of the row drafted again with ``salt`` (None if the row
    no longer gives a draft there)."""
    with phrasing_salt(salt):
        results = draft()
    if position >= len(results):
        return None
    reply = getattr(results[position], "reply", None)
    return reply if isinstance(reply, Reply) else None


def _draft_job_row(row: Any, job: Any, draft_row: Callable[..., list[Any]]) -> list[Any]:
    """``row`` drafted as ``export._pool`` drafts a chunk's rows."""
    return draft_row(
        row,
        job.profile,
        structure=job.structures,
        require_section=job.require_section,
        include_answered=job.include_answered,
        today=job.today,
    )


class _Redraft:
    """A chunk's row drafted again for one structure, with a salt: its reply (None: no
    draft); :meth:`result_of` gives back the whole result of a reply it gave."""

    def __init__(
        self, row: Any, structure: object, job: Any, draft_row: Callable[..., list[Any]]
    ) -> None:
        self.row, self.structure, self.job, self.draft_row = row, structure, job, draft_row
        self.results: list[Any] = []

    def __call__(self, salt: int) -> Reply | None:
        with phrasing_salt(salt):
            results = _draft_job_row(self.row, self.job, self.draft_row)
        for result in results:
            reply = getattr(result, "reply", None)
            if isinstance(reply, Reply) and result.structure == self.structure:
                self.results.append(result)
                return reply
        return None

    def result_of(self, reply: Reply | None) -> Any:
        """The result ``reply`` came from, or the last result with ``reply`` in it (a
        reply marked as repeating); None for None."""
        if reply is None or not self.results:
            return None
        for result in self.results:
            if result.reply is reply:
                return result
        return attrs.evolve(self.results[-1], reply=reply)


def _record(result: Any, job: Any, record: Any) -> Any:
    """``record`` with ``result``'s reply, serialised as ``export._pool`` serialises."""
    written = result.record()
    if job.note:
        written["notes"] = [*written["notes"], job.note]
    text = RecordWriter(as_csv=job.as_csv)(written)
    return attrs.evolve(record, status=result.status, text=text, reply_text=result.reply.text)
