"""Where the steps of the guide are in a reply: the sentences that carry each
(the `steps` rule, :func:`._rules.steps_rule`, judges what is missing or out of order).

The step words of a line the body holds whole are searched once per line text and
remembered (replies share most of their lines, issue 24): that is exact when no step
pattern can match a line break (:data:`CUES_BY_LINE`, read by
:func:`._jargon_lines.lines_hold_matches`): a match never runs over a line's end, and
what borders a line (a line break, the text's start or the body's end) is no word
character for ``\\b`` either way. A line the body holds only in part (the greeting's,
the closing's) is searched in the reply as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..memos import BoundedMemo
from ..patterns import EMAIL
from ._cues import GREETING_WITH_NAME, STEP_PATTERNS, STEPS_UNION
from ._jargon_lines import lines_hold_matches
from ._reading import Reading

__all__ = ["CUES_BY_LINE", "step_sentences"]

#: Whether the step words may be searched line by line (see the module's docstring).
CUES_BY_LINE = lines_hold_matches(STEP_PATTERNS.values())

#: Each line's step words, by the line's text (bounded; emptied by ``clear_caches``).
_LINE_CUES: BoundedMemo[tuple[tuple[int, str], ...]] = BoundedMemo()


def _line_cues(line: str, starts: list[int]) -> tuple[tuple[int, str], ...]:
    """``(start, step)`` of each step word in ``line`` (lower-cased), left to right,
    trying ``starts`` (the line's candidates): remembered per line text."""
    found = _LINE_CUES.get(line)
    if found is None:
        cues: list[tuple[int, str]] = []
        match_at, after = STEPS_UNION.match, 0
        for start in starts:
            if start < after:
                continue
            match = match_at(line, start)
            if match is not None:
                after = match.end()
                cues.append((start, match.lastgroup or ""))
        found = _LINE_CUES.remember(line, tuple(cues))
    return found


#: Each line's step words as ``(sentence index in its paragraph, step)``, each step's
#: repeats in one sentence left out, by the line's text, with the paragraph's sentences
#: they were found for (bounded; emptied by ``clear_caches``).
_LINE_STEPS: BoundedMemo[tuple[tuple[tuple[int, int], ...], tuple[tuple[int, str], ...]]] = (
    BoundedMemo()
)


def _line_steps(
    line: str, starts: list[int], sentences: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, str], ...]:
    """``(index, step)`` of each step word of ``line`` (a paragraph whose sentences are
    ``sentences``, spans in it): the sentence it starts in (-1 before the first one),
    a step given once per sentence. Remembered per line text."""
    found = _LINE_STEPS.get(line)
    if found is not None and (found[0] is sentences or found[0] == sentences):
        return found[1]
    sentence_starts = [start for start, _end in sentences]
    pairs: list[tuple[int, str]] = []
    last: dict[str, int] = {}
    for start, step in _line_cues(line, starts):
        index = bisect_right(sentence_starts, start) - 1
        if last.get(step) != index:
            last[step] = index
            pairs.append((index, step))
    return _LINE_STEPS.remember(line, (sentences, tuple(pairs)))[1]


def _searched(reply: Reading, cues: list[int], low: int, high: int) -> list[tuple[int, str]]:
    """``(start, step)`` of each step word starting at one of ``cues`` in ``[low, high)``."""
    lower, match_at, after = reply.lower, STEPS_UNION.match, low
    found: list[tuple[int, str]] = []
    for at in range(bisect_left(cues, low), len(cues)):
        start = cues[at]
        if start < after:
            continue
        if start >= high:
            break
        match = match_at(lower, start, high)
        if match is None:
            continue
        after = match.end()
        found.append((start, match.lastgroup or ""))
    return found


def _step_indices(
    reply: Reading, starts: list[int], first: int, low: int, high: int
) -> list[tuple[int, str]]:
    """``(index, step)`` of the step words of ``reply.lower[low:high]``, left to right:
    the index (in ``starts``, the body's sentence starts, from sentence ``first`` on) of
    the sentence each starts in. A paragraph the body holds whole gives its words by
    its line's text (:func:`_line_steps`), shifted by the sentences before it; a step
    said twice in one of its sentences is given once (the caller keeps one anyway)."""
    lines = reply.candidates.lines()
    if not lines or not CUES_BY_LINE:
        cues_all = _searched(reply, reply.candidates.starts("steps"), low, high)
        return [(bisect_right(starts, start) - 1, step) for start, step in cues_all]
    paragraphs, counts = reply.paragraphs, reply.sentence_counts
    own = reply.paragraph_sentences
    found: list[tuple[int, str]] = []
    at = before = 0  # the next paragraph, and how many sentences come before it
    for offset, line, line_starts in lines:
        end = offset + len(line)
        if end <= low:
            continue
        if offset >= high:
            break
        cues = line_starts.get("steps")
        if cues is None:
            continue
        if low <= offset and end <= high:
            while at < len(paragraphs) and paragraphs[at][0] < offset:
                before += counts[at]
                at += 1
            if at < len(paragraphs) and paragraphs[at][0] == offset:
                shift = before - first  # the paragraph's first sentence, in the body
                found += [(shift + index, step) for index, step in _line_steps(line, cues, own[at])]
                continue
            words = [(start + offset, step) for start, step in _line_cues(line, cues)]
        else:
            words = _searched(reply, [start + offset for start in cues], low, high)
        found += [(bisect_right(starts, start) - 1, step) for start, step in words]
    return found


def step_sentences(reply: Reading) -> dict[str, list[int]]:
    """For each step found in the body of the reply (after the greeting, before the
    closing lines), the sorted indices of the sentences that carry it."""
    greeting = GREETING_WITH_NAME.match(reply.text)
    body_start = greeting.end() if greeting else 0
    sentences = reply.sentences
    first = 0
    while first < len(sentences) and sentences[first][1] <= body_start:
        first += 1
    last = len(sentences)
    if not reply.closing_added and last - first >= 2:
        last -= 2  # the closing formula and the signature
    if first >= last:
        return {}
    starts = [start for start, _end in sentences[first:last]]
    starts[0] = max(starts[0], body_start)
    low, high = starts[0], sentences[last - 1][1]
    found: dict[str, list[int]] = {}
    for index, step in _step_indices(reply, starts, first, low, high):
        indices = found.get(step)
        if indices is None:
            found[step] = [index]
        elif indices[-1] != index:  # matches come in order
            indices.append(index)
    # Contact data is orientation too. Neither a URL nor a phone number holds the
    # end of a sentence, so those of the body are those of the whole reply inside it.
    contact_data = [
        bisect_right(starts, match.start()) - 1
        for match in (*reply.urls, *reply.find("phone"))
        if low <= match.start() and match.end() <= high
    ]
    if "@" in reply.text:
        contact_data += [
            bisect_right(starts, match.start()) - 1
            for match in EMAIL.finditer(reply.text, low, high)
        ]
    if contact_data:
        found["orientation"] = sorted({*found.get("orientation", ()), *contact_data})
    return found
