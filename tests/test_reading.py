"""A reply read once: counts summed token by token equal the whole text's."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprep_templates.checking import _reading as reading
from sprep_templates.checking._reading import reading_ease


def _reading_ease_of_whole_text(text: str) -> float:
    """Kandel–Moles read off the whole text at once, as the formula says."""
    prose = reading.mask(text)
    words = len(reading._WORDS.findall(prose))
    if not words:
        return 100.0
    sentences = max(len(reading._SENTENCE_MARK.findall(prose)), 1)
    lower = prose.lower()
    syllables = (
        len(reading._VOWEL_GROUP.findall(lower))
        - len(reading._MUTE_E.findall(lower))
        + len(reading._NO_VOWEL_WORD.findall(lower))
    )
    return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)


@given(
    st.lists(
        st.sampled_from(
            [
                "Nous",
                "votre",
                "message",
                "l’équipe",
                "aujourd’hui",
                "CAF",
                "St",
                "32 30",
                "www.caf.fr",
                "https://www.caf.fr/a.b",
                "a@b.fr",
                ".",
                "!",
                "…",
                "?",
                ",",
                " ",
                "\n",
                "\u00a0",
                "\u2013",
                "-",
                "xyz",
                "é",
                "2024",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_reading_ease_sums_token_counts(text):
    """Counted token by token (and remembered), the score is the whole text's score."""
    assert reading_ease(text) == pytest.approx(_reading_ease_of_whole_text(text))


@settings(max_examples=500)
@given(
    st.lists(
        st.sampled_from([*"aeéiouyœbcdfgjlmnstvzçAEÉBCSTZ.,;:!?…«»()’'\"-_0٣", "ent", "es"]),
        min_size=1,
        max_size=10,
    ).map("".join)
)
def test_word_counts_take_a_shorter_path_to_the_same_counts(token):
    """The shorter reading of a word with punctuation around it counts as the full one."""
    word = token.strip(reading._AFFIXES)
    if word.isalpha():
        assert reading._read_word_counts(token, word) == reading._read_counts(token)
