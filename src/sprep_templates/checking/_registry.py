"""The rule registry: every rule once, in the order it runs and reports.

A :class:`Rule` ties a stable id to the function that applies it, the arguments of
:func:`~.check_reply` that function reads, and whether :func:`~.check_fragments`
runs it. :func:`~.check_reply` runs :data:`REGISTRY` from first to last
(:data:`run_every_rule`); adding a rule is adding one entry here.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from ._finding import Finding
from ._rules import (
    contact_rule,
    generic_rule,
    greeting_rule,
    jargon_rule,
    paragraphs_rule,
    personal_data_rule,
    signature_rule,
    steps_rule,
    tone_rule,
    word_count_rule,
)

__all__ = [
    "ARGUMENTS",
    "FRAGMENT_RULES",
    "REGISTRY",
    "RULES",
    "Rule",
    "rule_by_id",
    "run_every_rule",
    "run_fragment_rules",
]

#: The arguments of check_reply a rule may read, besides the reply itself.
ARGUMENTS = ("pseudonym", "signature", "contacts", "sentiment", "official_domains")


def _known_arguments(
    rule: Rule, attribute: attrs.Attribute[tuple[str, ...]], needs: object
) -> None:
    """``needs`` names arguments of check_reply only: the runners pass them by name."""
    if not isinstance(needs, tuple):
        raise TypeError(f"Rule {rule.id!r}: needs must be a tuple of names (got {needs!r})")
    unknown = set(needs) - set(ARGUMENTS)
    if unknown:
        raise ValueError(f"Rule {rule.id!r} needs {sorted(map(str, unknown))}: not in {ARGUMENTS}")


@attrs.frozen
class Rule:
    """One rule of the guide.

    ``check(reply, *needed, _)`` yields the rule's findings for a reply as read
    (:class:`..reading.Reading`): ``needs`` names the arguments of check_reply it
    takes after the reply, in its parameters' order (``contacts`` always comes as a
    tuple, ``sentiment`` as ``positive``/``neutral``/``negative``), and ``_`` is the
    translation function. ``on_fragments``: the rule is about wording or data, and
    :func:`~.check_fragments` runs it on the sentences an agent wrote into a draft.

    ``id`` is the rule's stable id (in findings and ``--details``); ``check`` its function.
    """

    id: str
    check: Callable[..., Iterable[Finding]]
    needs: tuple[str, ...] = attrs.field(default=(), validator=_known_arguments)
    on_fragments: bool = False


#: Every rule, in the order it runs; findings come rule by rule in this order.
REGISTRY: tuple[Rule, ...] = (
    Rule("word-count", word_count_rule, ("signature",)),
    Rule("greeting", greeting_rule, ("pseudonym",)),
    Rule("paragraphs", paragraphs_rule),
    Rule("steps", steps_rule, ("sentiment",)),
    Rule("jargon", jargon_rule, ("pseudonym",), on_fragments=True),
    Rule("generic", generic_rule, on_fragments=True),
    Rule("personal-data", personal_data_rule, ("contacts",), on_fragments=True),
    Rule("contact", contact_rule, ("contacts", "official_domains"), on_fragments=True),
    Rule("signature", signature_rule, ("signature",)),
    Rule("tone", tone_rule, on_fragments=True),
)

#: The rule ids, in the order findings are reported.
RULES: tuple[str, ...] = tuple(rule.id for rule in REGISTRY)

#: The rules :func:`~.check_fragments` runs, in registry order.
FRAGMENT_RULES: tuple[Rule, ...] = tuple(rule for rule in REGISTRY if rule.on_fragments)

_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in REGISTRY})


#: ``run(reply, pseudonym, signature, contacts, sentiment, official_domains, _)``.
Runner = Callable[..., list[Finding]]


def _runner(rules: tuple[Rule, ...], name: str) -> Runner:
    """One function that calls ``rules`` in order, each with the arguments it ``needs``,
    the calls written out: ``run(reply, *arguments, _)``, with the arguments of
    :data:`ARGUMENTS` in that order, is the list of findings.

    Written out rather than a loop: a loop's one call site, calling a different rule
    each time, cannot be specialised by CPython and cost 2 µs a reply (3 % of
    check_reply on a drafted reply). attrs compiles its ``__init__`` the same way. The
    source holds only rule indices and names from ARGUMENTS (checked by the ``needs``
    validator); it is registered with linecache so that tracebacks show it.
    """
    lines = [f"def run(reply, {', '.join(ARGUMENTS)}, _):", "    findings = []"]
    for index, rule in enumerate(rules):
        arguments = "".join(f"{need}, " for need in rule.needs)
        lines.append(f"    findings += check_{index}(reply, {arguments}_)  # {rule.id}")
    lines.append("    return findings")
    source = "\n".join(lines) + "\n"
    filename = f"<sprep_templates rules: {name}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace: dict[str, Any] = {f"check_{index}": rule.check for index, rule in enumerate(rules)}
    exec(compile(source, filename, "exec"), namespace)
    run: Runner = namespace["run"]
    return run


#: Every rule of the registry, in order: what check_reply runs.
run_every_rule = _runner(REGISTRY, "every rule")
#: The rules marked ``on_fragments``, in order: what check_fragments runs on each fragment.
run_fragment_rules = _runner(FRAGMENT_RULES, "fragment rules")


def rule_by_id(rule_id: str) -> Rule:
    """The rule whose id is ``rule_id`` (``"jargon"``); KeyError naming the ids if none."""
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise KeyError(f"no rule {rule_id!r}; the rules are {', '.join(RULES)}") from None
