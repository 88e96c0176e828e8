"""The leave-one-administration-out benchmarks swap the checker's lexicon between
folds (``benchmarks/jargon_loao.py``): after a swap the checker must read the new
lexicon, not what it kept of a line under the old one (issue 23: the two benchmarks
printed 0.722 and 0.377 for the same measure because one of them did not)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import jargon_loao

from sprep_templates.checking import check_reply

#: Two entries on one line: the line has candidates under both lexicons, so what was
#: kept of it under the first one could answer for the second.
SENTENCE = "Nous avons bien reçu vos sollicitations : il convient de patienter."


def jargon_in(text: str) -> list[str]:
    return [
        text[f.start : f.end]
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None
    ]


@pytest.fixture
def restore_lexicon():
    yield
    jargon_loao.use_lexicon(jargon_loao.bundled())


def test_a_swapped_lexicon_is_read_at_once(restore_lexicon) -> None:
    full = jargon_loao.bundled()
    assert jargon_in(SENTENCE) == ["sollicitations", "il convient de"]
    without = {
        name: [(n, line) for n, line in lines if not line.startswith("sollicitation")]
        for name, lines in full.items()
    }
    jargon_loao.use_lexicon(without)
    assert jargon_in(SENTENCE) == ["il convient de"]
    jargon_loao.use_lexicon(full)
    assert jargon_in(SENTENCE) == ["sollicitations", "il convient de"]


def test_the_two_benchmarks_share_one_measure() -> None:
    import jargon_heldout

    assert jargon_heldout.leave_one_administration_out is jargon_loao.leave_one_administration_out


def test_the_line_memo_follows_the_lexicon_it_was_read_with(restore_lexicon) -> None:
    """The checker's own caches: a lexicon built anew (its caches cleared, as a test or a
    benchmark does) is not answered for by lines read with the one before."""
    from sprep_templates.checking import _data
    from sprep_templates.lexicons import _entry_search
    from sprep_templates.lexicons import _jargon as jargon

    full = jargon_loao.bundled()
    assert jargon_in(SENTENCE) == ["sollicitations", "il convient de"]
    original = jargon.numbered_lines
    try:
        jargon.numbered_lines = lambda name: [
            (n, line) for n, line in full[name] if not line.startswith("sollicitation")
        ]
        jargon.lexicon.cache_clear()
        _data.lexicon.cache_clear()
        _entry_search.entry_search.cache_clear()
        assert jargon_in(SENTENCE) == ["il convient de"]
    finally:
        jargon.numbered_lines = original
