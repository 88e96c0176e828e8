"""The agent text ``sprep_templates.testing.draft_arguments`` draws is plain words:
no run of them is an entry of the jargon lexicon, so that the property "every
drafted reply passes the checker" tests the templates, not a chance run of words.

Hypothesis found « demande de pièces » (a jargon entry) drawn from the vocabulary in
session 8 (`test_every_drafted_reply_passes_the_checker` failed on a saved example).
"""

from __future__ import annotations

import itertools

from sprep_templates.checking import check_reply
from sprep_templates.testing import WORDS


def test_no_three_words_of_the_vocabulary_are_jargon():
    words = sorted(set(WORDS))
    flagged = {
        text[finding.start : finding.end]
        for first, second, third in itertools.product(words, repeat=3)
        for text in [f"Vous {first} {second} {third}."]
        for finding in check_reply(text)
        if finding.rule == "jargon"
    }
    assert not flagged
