"""Exhaustive proof of the documented limits: every phrasing, channel and input shape.

``length_bounds`` renders every phrasing of every step with every channel at the
smallest and the largest inputs the limits allow (see its docstring); its sums
bound every reply the built-in templates can give.

The proof runs once, when the first test here asks for it (the ``bounds`` fixture),
not when pytest collects the tests: ``pytest -k other`` does not pay for it.
"""

from __future__ import annotations

import itertools

import pytest

from sprep_templates import MAX_WORDS, MIN_WORDS
from sprep_templates.drafting import length_bounds, load_template_set
from sprep_templates.inputs import SENTIMENTS

#: Each sentiment and shape of input the proof bounds: which of situation, answer,
#: improvement and contacts are given (a reply needs an answer or a contact).
FIELDS = ("situation", "answer", "improvement", "contacts")
SHAPES = [
    (sentiment, tuple(field for field, flag in zip(FIELDS, flags, strict=True) if flag))
    for sentiment in SENTIMENTS
    for flags in itertools.product((False, True), repeat=4)
    if flags[1] or flags[3]  # an answer or a contact
]


@pytest.fixture(scope="module")
def bounds():
    """The proof's bounds for the built-in templates, by (sentiment, shape)."""
    return {(b.sentiment, b.shape): b for b in length_bounds(load_template_set())}


def test_every_sentiment_and_shape_is_bounded(bounds):
    """3 sentiments × 12 shapes of input (an orientation is required)."""
    assert len(bounds) == 36
    assert set(bounds) == set(SHAPES)


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: f"{s[0]}-{'+'.join(s[1])}")
def test_replies_stay_within_60_and_150_words(bounds, shape):
    """The shortest possible reply has 60 words or more, the longest 150 or fewer."""
    bound = bounds[shape]
    assert bound.shortest >= MIN_WORDS, bound.shortest_templates
    assert bound.longest <= MAX_WORDS, bound.longest_templates
