"""The exhaustive length proof: every reply the templates can give keeps within
60–150 words, for every input within :data:`~sprep_templates.GUARANTEED_LIMITS`.

It runs when asked (``tests/test_length_bounds.py``, ``sprep templates lint``, a
profile checking its signers with :func:`longest_reply`), never on import. It takes
about 4 s of CPU on the built-in templates (``benchmarks/length_proof.py``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from ..experience import (
    ACCESS_KINDS,
    DEFAULT_LATE_AFTER_DAYS,
    MAX_NAMED_CRITERIA,
    MOMENTS,
    PROBLEM_PHRASES,
    PROCEDURE_PHRASES,
    RELATIVE_PHRASES,
    SEVERITIES,
    SUGGESTION_TOPICS,
    WAITED_PHRASES,
    greeting_name,
    personalise,
    quotable_action,
    quotable_title,
)
from ..experience._relatives import FOR_A_RELATIVE
from ..french import contact_phrase, join_alternatives
from ..inputs import CRITERIA, POSTED_AS, SENTIMENTS, Contact, Experience, Signature
from ..limits import (
    CHANNEL_KINDS,
    GUARANTEED_LIMITS,
    MAX_GREETED_LENGTH,
    MAX_GREETED_WORDS,
    MAX_QUOTED_TITLE_WORDS,
    MAX_SIMILAR,
)
from ..steps import STEPS
from ..text import count_words
from ._contract import step_context
from ._environment import TemplateSet
from ._length_pieces import piece_bounds
from ._read_tracing import reading, traced_set
from ._rendering import step_word_count
from ._templates import load_template_set

__all__ = ["Bound", "extreme_inputs", "length_bounds", "longest_reply", "within_guaranteed_limits"]

#: The day the proof's experiences are read on: they have no publication date, so
#: no day makes them late (the proof takes ``late`` both ways through its values).
_ANY_DAY = date(2000, 1, 1)


@attrs.frozen
class _Inputs:
    """One end of the range of inputs the guaranteed limits allow."""

    signature: Signature
    contacts: tuple[Contact, ...]
    pseudonym: str | None
    title: str | None


#: Contacts of each kind a profile may give without label, in their wordiest and
#: tersest forms: the proof takes the wordiest combination the limits allow.
_CONTACT_CANDIDATES = (
    Contact("phone", "32 30"),
    Contact("phone", "01 23 45 67 89"),
    Contact("phone", "+33 1 23 45 67 89"),
    Contact("phone", "+1 514 878 4385"),
    Contact("web", "https://www.exemple.gouv.fr/nous-contacter"),
    Contact("email", "prenom.nom@exemple.gouv.fr"),
)


def _contacts_words(contacts: tuple[Contact, ...]) -> int:
    return count_words(join_alternatives([contact_phrase(c) for c in contacts]))


def _repeated(word: str, count: int) -> str:
    return " ".join([word] * count)


@cache
def extreme_inputs() -> tuple[_Inputs, _Inputs]:
    """The smallest and the largest inputs the limits allow, derived from ``limits``.

    Raising a limit there changes these inputs, so the proof follows it. Each
    derived input is checked to be one the library really uses (a pseudonym
    greeted, a title quoted): otherwise the proof would prove nothing.
    """
    pseudonym = _repeated("Anne", MAX_GREETED_WORDS)
    while len(pseudonym) > MAX_GREETED_LENGTH:  # pragma: no cover - limits as shipped
        pseudonym = pseudonym.rsplit(" ", 1)[0]
    title = "Mot " + _repeated("mot", MAX_QUOTED_TITLE_WORDS - 1)  # a careful title: a capital
    if greeting_name(pseudonym) != pseudonym or quotable_title(title) != title:
        raise RuntimeError(  # pragma: no cover - a screening change the proof must follow
            f"the length proof's largest pseudonym {pseudonym!r} or title {title!r} is not "
            "used as is by the screening: update _length_proof.extreme_inputs"
        )
    most = GUARANTEED_LIMITS["contacts"]
    wordiest = max(
        (
            combination
            for size in range(1, most + 1)
            for combination in itertools.combinations(_CONTACT_CANDIDATES, size)
        ),
        key=_contacts_words,
    )
    tersest = min(((c,) for c in _CONTACT_CANDIDATES), key=_contacts_words)
    # "de la …" adds a word to an organisation: the wordiest start with "la".
    organisation = "la " + _repeated("mot", GUARANTEED_LIMITS["organisation_words"] - 1)
    large = _Inputs(
        Signature(_repeated("Marie", GUARANTEED_LIMITS["first_name_words"]), organisation),
        wordiest,
        pseudonym,
        title,
    )
    small = _Inputs(Signature("Jo", "Urssaf"), tersest, None, None)
    return small, large


_FREE_FIELDS = ("situation", "answer", "improvement")


@attrs.frozen
class Bound:
    """The shortest and longest replies one sentiment and input shape can give."""

    sentiment: str
    shape: tuple[str, ...]  # which of situation, answer, improvement, contacts are given
    shortest: int
    longest: int
    shortest_templates: tuple[str, ...]
    longest_templates: tuple[str, ...]


def _words(count: int) -> str:
    return " ".join(["mot"] * (count - 1) + ["fin."])


#: What the export may say of an experience, each variable with every value it can
#: take in a reply (the ratings apart: see _ratings_pairs).
def _export_values(large: bool, core: bool) -> dict[str, list[object]]:
    action_words = GUARANTEED_LIMITS["action_words" if large else "min_free_text_words"]
    return {
        "channel": [None, *CHANNEL_KINDS],
        "posted_as": list(POSTED_AS),
        # Left out first when a reply would pass 150 words (``_contract.LEFT_OUT_FIRST``):
        # the core is what remains once they are.
        "similar": [0] if core else [0, 1, 2, MAX_SIMILAR],
        "late": [False] if core else [False, True],
        "action": [None, quotable_action(_words(action_words))],
        "sober": [False, True],
        # What the user wrote (experience._said.said_context). A phrase (occasion,
        # bereaved) is said as a whole wherever it is used: its shortest and longest
        # bound it.
        # A relative's file is said in its own phrases (experience._relatives).
        "occasion": [
            *MOMENTS.values(),
            *_extreme_phrases([*PROCEDURE_PHRASES.values(), *FOR_A_RELATIVE["occasion"].values()]),
        ],
        "mixed": [False, True],
        "asks": [False, True],
        "unsolved": [False, True],
        "self_service": [False, True],
        "tried_contacts": [False, True],
        "unanswered": [False, True],
        "point": [None, "suggestion", "bug"],
        "topic": [None, *_extreme_phrases(SUGGESTION_TOPICS.values())],
        "waited": list[object](_extreme_phrases(WAITED_PHRASES)[1 if large else 0 :][:1]),
        "agents": [False, True],
        # What the user praised stands for the phrase of a criterion appreciated, in
        # a positive reply that names one, and is no longer than it (five words at
        # most: experience._praise.PRAISE_PHRASES): the criteria's phrases bound it.
        "praise": [None],
        # Who died is left out first when a reply would pass 150 words.
        "bereaved": [None, ""]
        if core
        else [None, "", *_extreme_phrases(RELATIVE_PHRASES.values())],
    }


def _extreme_phrases(phrases: Iterable[str]) -> list[str]:
    """The shortest and the longest of ``phrases`` by their words."""
    ordered = sorted(set(phrases), key=lambda phrase: (count_words(phrase), phrase))
    return [ordered[0], ordered[-1]]


def _ratings_pairs(core: bool) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every (hard, liked) a reply can name: up to two criteria each, never the same one
    on both sides. The core keeps one criterion found hard and none appreciated."""

    def upto(names: tuple[str, ...], most: int) -> list[tuple[str, ...]]:
        return [c for size in range(most + 1) for c in itertools.combinations(names, size)]

    pairs = []
    for hard in upto(CRITERIA, 1 if core else MAX_NAMED_CRITERIA):
        rest = tuple(c for c in CRITERIA if c not in hard)
        for liked in upto(rest, 0 if core else MAX_NAMED_CRITERIA):
            pairs.append((hard, liked))
    return pairs


#: The variables of the export axis that pair (a criterion is never on both sides).
_RATINGS = ("hard", "liked")


_Memo = dict[tuple[object, ...], Any]


#: The user's own problem: a phrase said as a whole (its shortest and longest), never
#: with a criterion rated negative (``_contract._names_problem``: hard is empty then).
_PROBLEMS = (
    None,
    *_extreme_phrases([*PROBLEM_PHRASES.values(), *FOR_A_RELATIVE["problem"].values()]),
)


#: The last sets' shortest severities (a set is no key: it holds a dict), by identity.
_SEVERITIES_OF: dict[int, tuple[TemplateSet, tuple[str, ...]]] = {}


def _shortest_severities(templates: TemplateSet) -> tuple[str, ...]:
    known = _SEVERITIES_OF.get(id(templates))
    if known is not None and known[0] is templates:
        return known[1]
    if len(_SEVERITIES_OF) >= 8:
        _SEVERITIES_OF.clear()
    kinds = _severities_of(templates)
    _SEVERITIES_OF[id(templates)] = (templates, kinds)
    return kinds


def _severities_of(templates: TemplateSet) -> tuple[str, ...]:
    """The kinds of serious situation whose sentence is the shortest in some phrasing
    (the macro ``severity_sentence`` of ``shared/experience.j2``, numbered 0–2): the
    phrasings say a severity only through it, so the shortest reply has one of these
    or none. Every kind when the set has no such macro."""
    try:
        module = templates.environment.get_template("shared/experience.j2").module
        sentence = module.severity_sentence  # type: ignore[attr-defined]
    except Exception:  # a custom set without the macro: every kind is tried
        return SEVERITIES
    waited = _export_values(False, False)["waited"][0]
    kinds: set[str] = set()
    for n in range(3):
        counts = {kind: count_words(str(sentence(kind, waited, n))) for kind in SEVERITIES}
        least = min(counts.values())
        kinds.update(kind for kind, count in counts.items() if count == least)
    return tuple(kind for kind in SEVERITIES if kind in kinds)


def _axes(
    reads: set[str],
    large: bool,
    core: bool,
    fixed: dict[str, object],
    severities: tuple[str, ...] = SEVERITIES,
) -> list[list[dict[str, object]]]:
    """The values each variable read (and not fixed) may take, one list per variable
    (``severities``: the kinds of serious situation tried, see _shortest_severities)."""
    axes: list[list[dict[str, object]]] = [
        [{variable: value} for value in values]
        for variable, values in _export_values(large, core).items()
        if variable in reads and variable not in fixed
    ]
    problems = _PROBLEMS if "problem" in reads and "problem" not in fixed else (None,)
    if reads & set(_RATINGS) and not set(_RATINGS) & fixed.keys():
        seen = {
            (hard if "hard" in reads else (), liked if "liked" in reads else ())
            for hard, liked in _ratings_pairs(core)
        }
        axis: list[dict[str, object]] = []
        for hard, liked in sorted(seen):
            # The access that failed words accessibility rated negative, and is set
            # only then (experience._said.said_context): it varies with the ratings.
            accesses = (
                [None, *ACCESS_KINDS] if "access" in reads and "accessibility" in hard else [None]
            )
            axis.extend(
                {"hard": hard, "liked": liked, "access": access, "problem": None}
                for access in accesses
            )
            if not hard:
                axis.extend(
                    {"hard": hard, "liked": liked, "access": None, "problem": problem}
                    for problem in problems[1:]
                )
        axes.append(axis)
    else:
        if "access" in reads and "access" not in fixed:
            axes.append([{"access": access} for access in (None, *ACCESS_KINDS)])
        if len(problems) > 1:
            axes.append([{"problem": problem} for problem in problems])
    if "severity" in reads and "severity" not in fixed and not core:
        # A serious situation is never told partial regret (said_context: not mixed);
        # the regret for it is left out first when a reply would pass 150 words (the
        # core has none); a wait's duration is said as a whole (its shortest).
        mixed = [False, True] if "mixed" in reads and "mixed" not in fixed else [None]
        axes = [axis for axis in axes if "mixed" not in axis[0]]
        serious: list[dict[str, object]] = [
            {"severity": None, **({} if m is None else {"mixed": m})} for m in mixed
        ]
        serious += [
            {"severity": severity, **({} if mixed == [None] else {"mixed": False})}
            for severity in severities
        ]
        axes.append(serious)
    return axes


def _phrasing_axes(
    templates: TemplateSet,
    name: str,
    context: dict[str, object],
    large: bool,
    core: bool,
    fixed: dict[str, object],
) -> tuple[dict[str, object], list[list[dict[str, object]]]]:
    """The values phrasing ``name`` renders with whatever the export says (``context``
    and ``fixed``), and the values of each variable it reads that may vary."""
    reads = set(templates.reads[name])
    if context["improvement"] is not None:
        reads.discard("action")  # the agent's own improvement wins over the action
    severities = _shortest_severities(templates) if "severity" in reads else SEVERITIES
    return {**context, **fixed}, _axes(reads, large, core, fixed, severities)


def _step_counts(
    templates: TemplateSet,
    step: str,
    name: str,
    context: dict[str, object],
    signature: Signature,
    large: bool,
    core: bool,
    fixed: dict[str, object] | None = None,
    memo: _Memo | None = None,
) -> list[int]:
    """The word counts of phrasing ``name`` over every value of what the export says
    that it reads (found by parsing it: a phrasing reading nothing renders once);
    the variables in ``fixed`` keep the value given there. A phrasing of separate
    pieces gives only its fewest and most words, each of one combination
    (``_length_pieces``); another, or one whose pieces do not add up, is rendered whole.

    Every combination of values is covered, but not every one is rendered: a
    rendering reads some variables only (see ``_read_tracing``), and every
    combination that agrees with it on those renders the same. So the values are
    tried as a tree: render with each variable's first value; for each variable
    that rendering read, in turn, try each other value of it, the variables before
    it at their first value, the variables after it free (a subtree). The subtrees
    and the first rendering split the combinations between them, none left out.
    ``_brute_force_counts`` is the same proof rendering every combination."""
    memo = {} if memo is None else memo
    base, axes = _phrasing_axes(templates, name, context, large, core, fixed or {})
    key_of = templates.key_of[name]
    variables_of = [frozenset().union(*(update.keys() for update in axis)) for axis in axes]
    traced = traced_set(templates)
    if step != "signature":
        bounds = piece_bounds(traced, name, axes, base)
        if bounds is not None:
            return list(bounds)  # the fewest and the most words, each of a rendering
    counts: list[int] = []

    def render(choice: dict[int, int]) -> frozenset[str]:
        values = dict(base)
        for index, axis in enumerate(axes):
            values.update(axis[choice.get(index, 0)])
        # Only the signature step prints the signature: other steps' counts hold for
        # every signer (a profile's signers share them, see longest_reply's memo).
        key = (
            (name, signature.closing, signature.line, key_of(values))
            if step == "signature"
            else (name, key_of(values))
        )
        known = memo.get(key)
        if known is None:
            with reading() as read:
                count = step_word_count(traced, step, name, values, signature)
            known = memo[key] = (count, frozenset(read))
        counts.append(known[0])
        return known[1]

    def explore(choice: dict[int, int]) -> None:
        read = render(choice)
        prefix = dict(choice)
        for index, axis in enumerate(axes):
            if index in choice or not variables_of[index] & read:
                continue  # fixed above, or unread: its other values render the same
            for other in range(1, len(axis)):
                explore({**prefix, index: other})
            prefix[index] = 0

    explore({})
    return counts


def _brute_force_counts(
    templates: TemplateSet,
    step: str,
    name: str,
    context: dict[str, object],
    signature: Signature,
    large: bool,
    core: bool,
    fixed: dict[str, object] | None = None,
    memo: _Memo | None = None,
) -> list[int]:
    """:func:`_step_counts` rendering every combination of values, with the templates
    as drafting renders them (no tracing): what the tests compare the proof with."""
    base, axes = _phrasing_axes(templates, name, context, large, core, fixed or {})
    counts = []
    for updates in itertools.product(*axes):
        values = dict(base)
        for update in updates:
            values.update(update)
        counts.append(step_word_count(templates, step, name, values, signature))
    return counts


#: How the proof finds a phrasing's word counts (_step_counts, or _brute_force_counts).
_StepCounts = Callable[
    [
        TemplateSet,
        str,
        str,
        dict[str, object],
        Signature,
        bool,
        bool,
        "dict[str, object] | None",
        "_Memo | None",
    ],
    list[int],
]


def _shared_axes(
    templates: TemplateSet, sentiment: str, large: bool, core: bool
) -> list[list[dict[str, object]]]:
    """The export's variables that phrasings of two steps or more read: one reply has
    one value of each for all its steps, so the bound takes them together."""
    per_step = [
        set().union(*(templates.reads[n] for n in templates.variants[(sentiment, step)]))  # type: ignore[index]
        for step in STEPS
    ]
    variables = [*_export_values(large, core), *_RATINGS]
    shared = {v for v in variables if sum(v in reads for reads in per_step) >= 2}
    if shared & set(_RATINGS):
        shared |= set(_RATINGS)
    return _axes(shared, large, core, {})


def _extreme(
    templates: TemplateSet,
    sentiment: str,
    given: dict[str, bool],
    large: bool,
    core: bool,
    memo: _Memo,
    inputs: _Inputs | None = None,
    counts_of: _StepCounts | None = None,
) -> tuple[int, tuple[str, ...]]:
    counts_of = counts_of or _step_counts
    inputs = inputs or extreme_inputs()[1 if large else 0]
    signature, contacts = inputs.signature, inputs.contacts
    free = {
        field: _words(
            GUARANTEED_LIMITS[f"{field}_words"]
            if large
            else GUARANTEED_LIMITS["min_free_text_words"]
        )
        if given[field]
        else None
        for field in _FREE_FIELDS
    }
    experience = Experience(sentiment=sentiment, pseudonym=inputs.pseudonym, title=inputs.title)
    reading = personalise(experience, today=_ANY_DAY, late_after_days=DEFAULT_LATE_AFTER_DAYS)
    context = step_context(
        experience, signature, contacts if given["contacts"] else (), free, reading
    )
    pick = max if large else min
    results = []
    for updates in itertools.product(*_shared_axes(templates, sentiment, large, core)):
        fixed: dict[str, object] = {}
        for update in updates:
            fixed.update(update)
        total, chosen = 0, []
        for step in STEPS:
            candidates = []
            for name in templates.variants[(sentiment, step)]:  # type: ignore[index]
                values = {**context, **fixed}
                signer = signature if step == "signature" else None
                key = ("extreme", pick, core, name, templates.key_of[name](values), signer)
                extreme = memo.get(key)
                if extreme is None:
                    extreme = pick(
                        counts_of(
                            templates, step, name, context, signature, large, core, fixed, memo
                        )
                    )
                    memo[key] = extreme
                candidates.append((extreme, name))
            count, name = pick(candidates)
            total += count
            chosen.append(name)
        results.append((total, tuple(chosen)))
    return pick(results)


def length_bounds(templates: TemplateSet) -> list[Bound]:
    """For each sentiment and shape of input, the word counts of the shortest and
    longest replies the templates can give within the documented limits.

    Steps are separate paragraphs, so a reply's word count is the sum of its
    steps': each step's shortest (longest) phrasing is found by rendering every
    phrasing with every channel and every value of what the export says of the
    experience that it reads (ratings, who wrote, others, the wait, the action,
    a sensitive case), at the smallest (largest) inputs the limits allow. What
    phrasings of several steps read (who wrote, a sensitive case) takes one value
    for the whole reply. The sums bound every reply that can be drafted.

    Every combination of values is covered, though not every one is rendered: a
    phrasing made of independent sentences is proven sentence by sentence where
    their words add up (``_length_pieces``), and values of a variable a rendering
    did not read are not tried (``_read_tracing``, ``_step_counts``).
    ``tests/test_length_proof_exact.py`` checks the bounds against rendering every
    combination (``_brute_force_counts``).

    ``longest`` is the reply's core: what remains once the sentences a reply
    leaves out to keep to 150 words are left out (``_contract.LEFT_OUT_FIRST``), so
    ``longest <= 150`` proves every reply fits once they are.
    """
    return _length_bounds(templates, _step_counts)


def _length_bounds(templates: TemplateSet, counts_of: _StepCounts) -> list[Bound]:
    """:func:`length_bounds`, each phrasing's counts found by ``counts_of``."""
    bounds = []
    memo: _Memo = {}
    for sentiment in SENTIMENTS:
        for flags in itertools.product((False, True), repeat=4):
            given = dict(zip((*_FREE_FIELDS, "contacts"), flags, strict=True))
            if not (given["answer"] or given["contacts"]):
                continue  # refused: a reply needs an orientation
            shortest, short_names = _extreme(
                templates, sentiment, given, False, False, memo, counts_of=counts_of
            )
            longest, long_names = _extreme(
                templates, sentiment, given, True, True, memo, counts_of=counts_of
            )
            shape = tuple(field for field, flag in given.items() if flag)
            bounds.append(Bound(sentiment, shape, shortest, longest, short_names, long_names))
    return bounds


def within_guaranteed_limits(signature: Signature, contacts: Sequence[Contact]) -> bool:
    """Whether a signature and contacts sit within :data:`GUARANTEED_LIMITS`, where the
    exhaustive proof already covers them: a first name and an organisation no wordier
    than the proof's, a closing of the signer's own of one word at most (it replaces a
    politeness formula, which has one word or more), and at most two phone, web or
    e-mail contacts without label that say no more words than the proof's wordiest."""
    _small, large = extreme_inputs()
    return (
        count_words(signature.first_name) <= GUARANTEED_LIMITS["first_name_words"]
        and count_words(signature.organisation) <= GUARANTEED_LIMITS["organisation_words"]
        and (signature.closing is None or count_words(signature.closing) <= 1)
        and len(contacts) <= GUARANTEED_LIMITS["contacts"]
        and all(c.kind in ("phone", "web", "email") and c.label is None for c in contacts)
        and (not contacts or _contacts_words(tuple(contacts)) <= _contacts_words(large.contacts))
    )


def longest_reply(
    signature: Signature,
    contacts: Sequence[Contact],
    template_dir: str | Path | None = None,
    memo: _Memo | None = None,
) -> Bound:
    """The longest reply the templates can give with this signature and these contacts,
    the other inputs at the largest the limits allow: the proof of :func:`length_bounds`
    with the signer's own signature and contacts in place of the largest ones.

    Like ``Bound.longest`` there, it is the reply's core (what the reply keeps once it
    leaves out what it may to keep to 150 words). A profile checks each signer with it
    when it loads (:meth:`~sprep_templates.Profile.from_mapping`). ``memo``: the counts
    of earlier calls with the same ``contacts`` and ``template_dir``, shared (only the
    signature step's differ from one signer to the next).
    """
    templates = load_template_set(template_dir)
    inputs = attrs.evolve(extreme_inputs()[1], signature=signature, contacts=tuple(contacts))
    memo = {} if memo is None else memo
    longest: Bound | None = None
    for sentiment in SENTIMENTS:
        for flags in itertools.product((False, True), repeat=3):
            given = dict(zip(_FREE_FIELDS, flags, strict=True))
            given["contacts"] = bool(contacts)
            if not (given["answer"] or given["contacts"]):
                continue
            count, names = _extreme(templates, sentiment, given, True, True, memo, inputs)
            if longest is None or count > longest.longest:
                shape = tuple(field for field, flag in given.items() if flag)
                longest = Bound(sentiment, shape, 0, count, (), names)
    assert longest is not None  # the shape with an answer is always bounded
    return longest
