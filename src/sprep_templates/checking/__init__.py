"""The DITP guide's rules, applied to any reply: written by hand or drafted.

``check_reply(text)`` returns :class:`Finding` objects with a stable rule id,
a severity (``error`` breaks the guide, ``warning`` deserves a look), a
message for the agent (French by default, English with ``locale="en"``) and
the span of text concerned. Patterns and word lists are compiled and read
once, on first use (the cue lists of :mod:`._cues` when it is imported); each reply is
read once for all the rules (:mod:`._reading`).

Inside: :mod:`._registry` lists the rules in order (:data:`REGISTRY`), one
function each in :mod:`._rules`; the cues they look for are in :mod:`._cues`,
what they read from data files in :mod:`._data`. :mod:`._stock` finds replies
sent many times with only the name changed (the stock groups of ``sprep check --jsonl``).
"""

from ._check import check_fragments, check_reply
from ._finding import Finding, Severity
from ._registry import FRAGMENT_RULES, REGISTRY, RULES, Rule, rule_by_id
from ._result import CheckResult
from ._rules import READING_EASE_FLOOR
from ._stock import StockGroup, find_stock_groups, normalise_reply, stock_finding

__all__ = [
    "FRAGMENT_RULES",
    "READING_EASE_FLOOR",
    "REGISTRY",
    "RULES",
    "CheckResult",
    "Finding",
    "Rule",
    "Severity",
    "StockGroup",
    "check_fragments",
    "check_reply",
    "find_stock_groups",
    "normalise_reply",
    "rule_by_id",
    "stock_finding",
]
