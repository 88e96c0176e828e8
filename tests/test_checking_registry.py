"""The rule registry: every rule once, in the documented order, each findable by its id."""

from __future__ import annotations

import inspect
import re
from collections import Counter
from pathlib import Path

import pytest

from sprep_templates.checking import (
    FRAGMENT_RULES,
    REGISTRY,
    RULES,
    Rule,
    check_fragments,
    check_reply,
    rule_by_id,
)
from sprep_templates.checking._registry import ARGUMENTS

README = Path(__file__).parent.parent / "docs" / "guide.md"  # the README's body moved there


def test_rule_ids_are_stable():
    """The rule ids are the documented ones."""
    assert RULES == (
        "word-count",
        "greeting",
        "paragraphs",
        "steps",
        "jargon",
        "generic",
        "personal-data",
        "contact",
        "signature",
        "tone",
    )


def test_registry_runs_in_the_documented_order():
    """The registry holds the rules in the order of the documented table of rules (docs/guide.md)."""
    section = README.read_text(encoding="utf-8").split("## Checking any reply")[1]
    documented = re.findall(r"^\| `([a-z-]+)` \|", section.split("### ")[0], re.M)
    assert tuple(rule.id for rule in REGISTRY) == tuple(documented) == RULES


def test_every_rule_id_has_exactly_one_entry():
    """Each id of RULES names one registry entry, and rule_by_id finds it."""
    counts = Counter(rule.id for rule in REGISTRY)
    assert all(counts[rule_id] == 1 for rule_id in RULES)
    assert set(counts) == set(RULES)
    for rule_id in RULES:
        assert rule_by_id(rule_id).id == rule_id


def test_unknown_rule_id_names_the_rules():
    """rule_by_id refuses an unknown id with the list of known ones."""
    with pytest.raises(KeyError, match="word-count, greeting"):
        rule_by_id("spelling")


def test_each_rule_takes_what_it_needs():
    """A rule's function takes the reply, the arguments its entry names, then ``_``."""
    for rule in REGISTRY:
        parameters = list(inspect.signature(rule.check).parameters)
        assert parameters == ["reply", *rule.needs, "_"], rule.id


def test_a_rule_needs_only_check_reply_arguments():
    """An entry naming an argument check_reply does not have is refused when built."""
    with pytest.raises(ValueError, match="locale"):
        Rule("x", lambda reply, locale, _: (), ("locale",))
    with pytest.raises(TypeError, match="tuple"):
        Rule("x", lambda reply, contacts, _: (), ["contacts"])  # type: ignore[arg-type]
    assert "contacts" in ARGUMENTS


def test_fragment_rules_are_those_marked():
    """check_fragments runs the rules marked on_fragments, in registry order."""
    assert FRAGMENT_RULES == tuple(rule for rule in REGISTRY if rule.on_fragments)
    assert [rule.id for rule in FRAGMENT_RULES] == [
        "jargon",
        "generic",
        "personal-data",
        "contact",
        "tone",
    ]


# One sentence that breaks every rule check_fragments runs (and, as a whole reply,
# the others too): jargon, a stock phrase, a mobile number, an http link, a cold phrase.
EVERY_FRAGMENT_RULE = (
    "Nous ne sommes pas encore en mesure de vous apporter une réponse personnalisée, "
    "veuillez solliciter le 06 12 34 56 78 sur http://www.caf.fr."
)


def test_check_fragments_reports_the_marked_rules_only():
    """On a fragment breaking every rule, check_fragments reports exactly the marked ones."""
    text = f"Bonjour,\n{EVERY_FRAGMENT_RULE}\nCordialement,\nJean, pour la Caf"
    in_reply = {finding.rule for finding in check_reply(text)}
    in_fragment = {finding.rule for finding in check_fragments(text, [EVERY_FRAGMENT_RULE])}
    assert in_fragment == {rule.id for rule in FRAGMENT_RULES}
    assert in_reply - in_fragment  # word-count, steps…: rules about the whole reply


def test_check_fragments_spans_point_into_the_text():
    """A fragment's findings point at the fragment where it sits in the reply."""
    text = f"Bonjour,\n{EVERY_FRAGMENT_RULE}\nCordialement,\nJean, pour la Caf"
    for finding in check_fragments(text, [EVERY_FRAGMENT_RULE]):
        assert finding.start is not None and finding.end is not None
        assert text.index(EVERY_FRAGMENT_RULE) <= finding.start < finding.end


@pytest.mark.parametrize(
    "name", ["NEGATIVE_GOOD", "AVOID_CERFA", "AVOID_ONE_BLOCK", "NUMBERED_GOOD"]
)
def test_check_reply_is_the_registry_run_in_order(name):
    """check_reply's written-out runner gives what calling each rule in turn gives."""
    from sprep_templates.checking._data import lexicon
    from sprep_templates.checking._reading import Reading
    from sprep_templates.i18n import translator

    from . import test_checking_rules

    text = getattr(test_checking_rules, name)
    _ = translator("fr")
    given = {
        "pseudonym": "Sandrine",
        "signature": None,
        "contacts": (),
        "sentiment": "negative",
        "official_domains": (),
    }
    reply = Reading(text, False, lexicon())
    one_by_one = [
        finding
        for rule in REGISTRY
        for finding in rule.check(reply, *(given[need] for need in rule.needs), _)
    ]
    assert check_reply(text, pseudonym="Sandrine", sentiment="negative") == one_by_one
