"""Exhaustive proof of the documented limits: every phrasing, channel and input shape.

``length_bounds`` renders every phrasing of every step with every channel at the
smallest and the largest inputs the limits allow (see its docstring); its sums
bound every reply the built-in templates can give.
"""

from __future__ import annotations

import pytest

from sprep_templates import MAX_WORDS, MIN_WORDS
from sprep_templates.drafting import length_bounds, load_template_set

BOUNDS = length_bounds(load_template_set())


def test_every_sentiment_and_shape_is_bounded():
    """3 sentiments × 12 shapes of input (an orientation is required)."""
    assert len(BOUNDS) == 36


@pytest.mark.parametrize("bound", BOUNDS, ids=lambda b: f"{b.sentiment}-{'+'.join(b.shape)}")
def test_replies_stay_within_60_and_150_words(bound):
    """The shortest possible reply has 60 words or more, the longest 150 or fewer."""
    assert bound.shortest >= MIN_WORDS, bound.shortest_templates
    assert bound.longest <= MAX_WORDS, bound.longest_templates
