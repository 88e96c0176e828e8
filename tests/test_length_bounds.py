"""Exhaustive proof of the documented limits: every phrasing, channel and input shape.

Steps are separate paragraphs, so a reply's word count is the sum of its
steps'. For each sentiment and each shape of input (which of situation,
answer, improvement, title, pseudonym are given; one or two contacts), the
shortest and longest phrasing of each step are found by rendering every
phrasing with every channel, at the smallest and the largest inputs the
limits allow. Their sums bound every reply that can be drafted.
"""

from __future__ import annotations

import itertools

import pytest

from sprep_templates import MAX_WORDS, MIN_WORDS, STEPS, Contact, Experience, Signature, count_words
from sprep_templates.compose import GUARANTEED_LIMITS, render_step, step_context
from sprep_templates.environment import load_template_set

from .strategies import EXPORT_CHANNELS

LIMITS = GUARANTEED_LIMITS
CHANNEL_SHAPES = [(), *((c,) for c in EXPORT_CHANNELS)]


def _words(n: int) -> str:
    return " ".join(["mot"] * (n - 1) + ["fin."])


SMALL = {
    "signature": Signature(first_name="Jo", organisation="Urssaf"),
    "contacts": (Contact(kind="web", value="https://www.urssaf.fr"),),
    "pseudonym": None,
    "title": None,
    "free": LIMITS["min_free_text_words"],
}
LARGE = {
    "signature": Signature(
        first_name="Marie Anne", organisation="le consulat général de France à Montréal"
    ),
    "contacts": (
        Contact(kind="phone", value="+33 1 23 45 67 89"),
        Contact(kind="email", value="prenom.nom@exemple.gouv.fr"),
    ),
    "pseudonym": "Marie Claire De Lune",  # the longest a greeting uses: 4 words
    "title": "un deux trois quatre cinq six",  # the longest a reply quotes: 6 words
    "free": None,
}


def _bound(sentiment: str, given: dict[str, bool], inputs: dict, pick) -> int:
    templates = load_template_set()
    total = 0
    free = {}
    for field in ("situation", "answer", "improvement"):
        if given[field]:
            size = inputs["free"] or LIMITS[f"{field}_words"]
            free[field] = _words(size)
        else:
            free[field] = None
    contacts = inputs["contacts"] if given["contacts"] else ()
    for step in STEPS:
        counts = []
        for channels in CHANNEL_SHAPES:
            experience = Experience(
                sentiment=sentiment,
                pseudonym=inputs["pseudonym"],
                title=inputs["title"],
                channels=channels,
            )
            context = step_context(experience, inputs["signature"], contacts, free)
            for name in templates.variants[(sentiment, step)]:
                counts.append(
                    count_words(render_step(templates, step, name, context, inputs["signature"]))
                )
        total += pick(counts)
    return total


SHAPES = [
    dict(zip(("situation", "answer", "improvement", "contacts"), flags, strict=True))
    for flags in itertools.product((False, True), repeat=4)
    if flags[1] or flags[3]  # an orientation needs an answer or a contact
]


@pytest.mark.parametrize("sentiment", ["positive", "neutral", "negative"])
@pytest.mark.parametrize("given", SHAPES, ids=lambda g: "+".join(k for k, v in g.items() if v))
def test_shortest_possible_reply_has_60_words(sentiment, given):
    """The shortest phrasings with the smallest inputs still make 60 words."""
    assert _bound(sentiment, given, SMALL, min) >= MIN_WORDS


@pytest.mark.parametrize("sentiment", ["positive", "neutral", "negative"])
@pytest.mark.parametrize("given", SHAPES, ids=lambda g: "+".join(k for k, v in g.items() if v))
def test_longest_possible_reply_has_150_words(sentiment, given):
    """The longest phrasings with the largest inputs within the limits stay within 150 words."""
    assert _bound(sentiment, given, LARGE, max) <= MAX_WORDS
