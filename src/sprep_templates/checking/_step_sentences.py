"""Where the steps of the guide are in a reply: the sentences that carry each
(the `steps` rule, :func:`._rules.steps_rule`, judges what is missing or out of order)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..patterns import EMAIL
from ._cues import GREETING_WITH_NAME, STEPS_UNION
from ._reading import Reading

__all__ = ["step_sentences"]


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
    # Candidates.finditer("steps", …, low, high), its loop written out (a reply has
    # a dozen step words: the generator's steps cost as much as the matches)
    lower, match_at, after = reply.lower, STEPS_UNION.match, low
    cues = reply.candidates.starts("steps")
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
        index = bisect_right(starts, start) - 1
        indices = found.setdefault(match.lastgroup or "", [])
        if not indices or indices[-1] != index:  # matches come in order
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
