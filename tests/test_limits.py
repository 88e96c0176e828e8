"""One source for limits: the length proof and the templates follow `sprep_templates.limits`."""

from __future__ import annotations

import pytest

from sprep_templates import limits
from sprep_templates.drafting import _length_proof as proof
from sprep_templates.drafting import _lint as lint
from sprep_templates.drafting import load_template_set
from sprep_templates.experience import greeting_name, quotable_title
from sprep_templates.limits import CHANNEL_KINDS, EXPORT_CHANNELS, MAX_WORDS
from sprep_templates.text import count_words


def test_every_channel_kind_has_its_own_wording():
    """`moment(channel)` in shared/macros.j2 names every channel the limits list."""
    environment = load_template_set().environment
    moment = environment.get_template("shared/macros.j2").module.moment  # type: ignore[attr-defined]
    fallback = moment(None)
    wordings = {kind: moment(kind) for kind in CHANNEL_KINDS}
    assert all(text != fallback for text in wordings.values()), wordings
    assert len(set(wordings.values())) == len(CHANNEL_KINDS)


def test_the_proof_renders_every_channel_kind():
    """The exhaustive proof's channels cover every kind, and no channel."""
    kinds = {EXPORT_CHANNELS[names[0]] for names in lint._CHANNELS if names}
    assert kinds == set(CHANNEL_KINDS)
    assert () in lint._CHANNELS


def test_the_proofs_largest_inputs_sit_at_the_limits():
    """The largest pseudonym and title are as long as the screening lets through, and used."""
    _small, large = proof.extreme_inputs()
    assert count_words(large.pseudonym) == limits.MAX_GREETED_WORDS
    assert greeting_name(large.pseudonym) == large.pseudonym
    assert count_words(large.title) == limits.MAX_QUOTED_TITLE_WORDS
    assert quotable_title(large.title) == large.title
    assert len(large.contacts) == limits.GUARANTEED_LIMITS["contacts"]
    assert (
        count_words(large.signature.organisation) == limits.GUARANTEED_LIMITS["organisation_words"]
    )


def test_raising_a_limit_is_proven_or_fails(monkeypatch):
    """A limit raised past what the templates allow makes the proof fail."""
    raised = dict(limits.GUARANTEED_LIMITS, answer_words=90)
    monkeypatch.setattr(proof, "GUARANTEED_LIMITS", raised)
    proof.extreme_inputs.cache_clear()
    try:
        bounds = proof.length_bounds(load_template_set())
    finally:
        proof.extreme_inputs.cache_clear()
    assert max(b.longest for b in bounds) > MAX_WORDS


@pytest.mark.parametrize("name", ["MIN_WORDS", "MAX_WORDS", "GUARANTEED_LIMITS"])
def test_limits_are_defined_once(name):
    """The package's public limits are the ones `limits` defines."""
    import sprep_templates

    assert getattr(sprep_templates, name) is getattr(limits, name)
