"""A phrasing's word counts from its pieces: the length proof without the product.

A phrasing such as ``negative/acknowledgement/01.j2`` says what the user went
through (``occasion``), then what they found hard (the ratings), then a serious
situation (``severity``): every combination of their values is a rendering, 11 ×
329 × 7 of them. But each is a separate sentence: the longest reply has the
longest of each. This module proves it for a given phrasing, or declines:

1. **Pieces.** A phrasing made only of text, ``{{ … }}`` and ``{% if %}`` (no
   ``set``, loop, macro, include, block: nothing one part passes to another), its
   imports first and without context, which neither it nor what it imports can
   change (no namespace attribute set, no method called), renders as the
   concatenation of its pieces:
   one per run of output (``nodes.Output``), kept inside the ``if``/``elif``/``else``
   branches that lead to it, the other branches' outputs left out. Each piece is a
   template of its own, whose rendering is exactly that run's part of the
   phrasing's (the tests are the same expressions, on the same values: the
   templates call only filters and macros imported without context, functions of
   their arguments).
2. **What each piece reads.** Each piece is rendered over the values of the
   variables it reads, as a tree (``_length_proof._step_counts``; exact by
   ``_read_tracing``): every piece's every output, and the variables it depends on.
3. **Independent groups.** Pieces that read a common variable are grouped;
   groups read disjoint variables, so any choice of one combination per group is
   one combination of values, and every combination is one such choice.
4. **Words add up** when the pieces are separate words: no digit in any output
   (typography, which changes word counts only around digits, is then not
   applied, and no number spans two pieces: ``text.count_words``), and wherever
   two pieces can meet, one of them has white space on that side (words are
   tokens between white space or dashes). Then a rendering's words are the sum
   of its pieces', and the fewest (most) words are the sum over groups of each
   group's fewest (most). One piece at least is never blank, so no rendering is
   empty.

When the words do not add up (a digit, pieces that may run into each other), every
text the pieces make (one combination of outputs per group) is counted whole, as
``_rendering.step_word_count`` counts a rendering. When a piece's rendering fails,
a text may be empty, or there are too many texts, :func:`piece_bounds` returns None
and the proof renders the whole phrasing (a tree of whole renderings), which reports
a failure as drafting does.
"""

from __future__ import annotations

import copy
import itertools
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import jinja2
import jinja2.nodes as nodes
from jinja2 import meta

from ..text import apply_typography, count_words
from ._contract import CONTEXT_VARIABLES
from ._environment import TemplateSet, _values_getter
from ._read_tracing import reading

__all__ = ["phrasing_pieces", "piece_bounds"]

#: What a phrasing split into pieces may hold nowhere: whatever passes a value from
#: one part of the template to another, or reaches another template with its context.
_UNSPLIT = (
    nodes.Assign,
    nodes.AssignBlock,
    nodes.NSRef,
    nodes.For,
    nodes.Macro,
    nodes.CallBlock,
    nodes.FilterBlock,
    nodes.With,
    nodes.Scope,
    nodes.OverlayScope,
    nodes.Include,
    nodes.Extends,
    nodes.Block,
    nodes.ExprStmt,
    nodes.EvalContextModifier,
    nodes.ScopedEvalContextModifier,
)

_Wrap = Callable[[list[nodes.Node]], list[nodes.Node]]


#: The most renderings one piece keeps (the built-in proof needs at most about 700).
_MOST_KEPT = 20_000


@attrs.define
class _Piece:
    """One piece: its template, the context variables it may read (found by parsing
    it, as ``_environment`` finds a phrasing's: its imports are without context), and
    its renderings by the values of those, each with the variables it read."""

    template: jinja2.Template
    key_of: Callable[[Mapping[str, object]], tuple[object, ...]]
    rendered: dict[tuple[object, ...], tuple[str, frozenset[str]]] = attrs.field(factory=dict)

    def render(self, values: dict[str, object]) -> tuple[str, frozenset[str]]:
        key = self.key_of(values)
        known = self.rendered.get(key)
        if known is None:
            if len(self.rendered) >= _MOST_KEPT:
                self.rendered.clear()
            with reading() as read:
                output = self.template.render(values)
            known = self.rendered[key] = (output, frozenset(read))
        return known


def _outputs(body: Sequence[nodes.Node], wrap: _Wrap) -> Iterator[list[nodes.Node]] | None:
    """Each output run of ``body``, wrapped in the branches that lead to it; None when
    ``body`` holds anything but output and ``if``."""
    found: list[list[nodes.Node]] = []
    for node in body:
        if isinstance(node, nodes.Output):
            found.append(wrap([node]))
        elif isinstance(node, nodes.If):
            branches = [node, *node.elif_]
            for index, branch in enumerate(branches):
                inner = _outputs(branch.body, _branch_wrap(wrap, node, branches, index))
                if inner is None:
                    return None
                found.extend(inner)
            inner = _outputs(node.else_, _branch_wrap(wrap, node, branches, None))
            if inner is None:
                return None
            found.extend(inner)
        else:
            return None
    return iter(found)


def _branch_wrap(wrap: _Wrap, node: nodes.If, branches: list[nodes.If], index: int | None) -> _Wrap:
    """Wrap in ``node``'s tests, ``inner`` as the body of branch ``index`` (None: the
    else), every other branch empty."""

    def wrapped(inner: list[nodes.Node]) -> list[nodes.Node]:
        chain = [
            nodes.If(b.test, inner if i == index else [], [], [], lineno=b.lineno)
            for i, b in enumerate(branches)
        ]
        first = chain[0]
        first.elif_ = chain[1:]
        first.else_ = inner if index is None else []
        return wrap([first])

    return wrapped


#: The pieces of the last sets' phrasings, by set identity and phrasing name.
_PIECES: dict[int, tuple[jinja2.Environment, dict[str, tuple[_Piece, ...] | None]]] = {}


def phrasing_pieces(templates: TemplateSet, name: str) -> tuple[_Piece, ...] | None:
    """The pieces of phrasing ``name`` (see the module), compiled in ``templates``'
    environment; None when it cannot be split."""
    environment = templates.environment
    known = _PIECES.get(id(environment))
    if known is None or known[0] is not environment:
        if len(_PIECES) >= 8:
            _PIECES.clear()
        known = _PIECES[id(environment)] = (environment, {})
    pieces = known[1]
    if name not in pieces:
        pieces[name] = _split(environment, name)
    return pieces[name]


def _split(environment: jinja2.Environment, name: str) -> tuple[_Piece, ...] | None:
    try:
        return _split_parsed(environment, name)
    except Exception:  # unreadable, or an import that is: rendered whole, errors told then
        return None


def _keeps_no_state(environment: jinja2.Environment, tree: nodes.Template, seen: set[str]) -> bool:
    """Whether ``tree`` and the templates it reaches change no value a later piece could
    see: no namespace attribute set, no method called (``list.append``), only plain
    functions, filters and macros. What they reach is named by a constant."""
    if next(tree.find_all(nodes.NSRef), None) is not None:
        return False
    if any(not isinstance(call.node, nodes.Name) for call in tree.find_all(nodes.Call)):
        return False
    loader = environment.loader
    assert loader is not None
    for node in tree.find_all((nodes.Import, nodes.FromImport, nodes.Include, nodes.Extends)):
        reached = node.template  # type: ignore[attr-defined]
        if not (isinstance(reached, nodes.Const) and isinstance(reached.value, str)):
            return False
        if reached.value in seen:
            continue
        seen.add(reached.value)
        source, filename, _uptodate = loader.get_source(environment, reached.value)
        if not _keeps_no_state(
            environment, environment.parse(source, reached.value, filename), seen
        ):
            return False
    return True


def _split_parsed(environment: jinja2.Environment, name: str) -> tuple[_Piece, ...] | None:
    loader = environment.loader
    assert loader is not None
    source, filename, _uptodate = loader.get_source(environment, name)
    tree = environment.parse(source, name, filename)
    if next(tree.find_all(_UNSPLIT), None) is not None:
        return None
    if not _keeps_no_state(environment, tree, {name}):
        return None
    imports = []
    body = list(tree.body)
    while body and isinstance(body[0], (nodes.Import, nodes.FromImport)):
        if body[0].with_context:
            return None
        imports.append(body.pop(0))
    found = _outputs(body, lambda inner: inner)
    if found is None:
        return None
    pieces = []
    for piece in found:
        # Copies: compiling may fold a piece's expressions in place.
        whole = copy.deepcopy(
            nodes.Template([*imports, *piece], lineno=1), {id(environment): environment}
        )
        whole.set_environment(environment)
        reads = sorted(meta.find_undeclared_variables(whole) & set(CONTEXT_VARIABLES))
        code = environment.compile(whole, name, filename)
        template = environment.template_class.from_code(
            environment, code, environment.make_globals(None), None
        )
        pieces.append(_Piece(template, _values_getter(tuple(reads))))
    return tuple(pieces)


_DIGIT = re.compile(r"\d")
#: As ``_rendering`` lays a step out: one line, single spaces.
_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v]+")


#: One piece's explored renderings: its output with each variable's first value, and
#: for each variable that rendering read (an axis index), the subtree of each other
#: value (see _length_proof._step_counts).
_Tree = tuple[str, list[tuple[int, dict[int, "_Tree"]]]]


def _explore(
    piece: _Piece,
    values_of: Callable[[dict[int, int]], dict[str, object]],
    variables_of: Sequence[frozenset[str]],
    sizes: Sequence[int],
    choice: dict[int, int],
) -> _Tree:
    output, read = piece.render(values_of(choice))
    branches = []
    prefix = dict(choice)
    for index, variables in enumerate(variables_of):
        if index in choice or not variables & read:
            continue
        branches.append(
            (
                index,
                {
                    other: _explore(piece, values_of, variables_of, sizes, {**prefix, index: other})
                    for other in range(1, sizes[index])
                },
            )
        )
        prefix[index] = 0
    return output, branches


def _lookup(tree: _Tree, choice: dict[int, int]) -> str:
    output, branches = tree
    for index, subtrees in branches:
        value = choice[index]
        if value:
            return _lookup(subtrees[value], choice)
    return output


def _axes_of(tree: _Tree) -> set[int]:
    found = set()
    for index, subtrees in tree[1]:
        found.add(index)
        for subtree in subtrees.values():
            found |= _axes_of(subtree)
    return found


def piece_bounds(
    templates: TemplateSet,
    name: str,
    axes: Sequence[Sequence[dict[str, object]]],
    base: dict[str, object],
) -> tuple[int, int] | None:
    """The fewest and most words phrasing ``name`` of ``templates`` (a traced set, see
    ``_read_tracing``) renders over every combination of ``axes`` (one value of each
    axis updates ``base``), from its pieces; None when they do not add up (see the
    module): the caller renders the whole phrasing then."""
    pieces = phrasing_pieces(templates, name)
    if pieces is None:
        return None
    variables_of = [frozenset().union(*(update.keys() for update in axis)) for axis in axes]

    def values_of(choice: dict[int, int]) -> dict[str, Any]:
        values = dict(base)
        for index, axis in enumerate(axes):
            values.update(axis[choice.get(index, 0)])
        return values

    sizes = [len(axis) for axis in axes]
    try:
        trees = [_explore(piece, values_of, variables_of, sizes, {}) for piece in pieces]
    except Exception:  # the whole phrasing's rendering reports it as drafting does
        return None
    read_axes = [_axes_of(tree) for tree in trees]
    groups = _groups(read_axes)
    outputs: list[set[str]] = [set() for _ in pieces]
    said_by_group: list[set[tuple[str, ...]]] = []
    for group in groups:
        group_axes = sorted(set().union(*(read_axes[p] for p in group)))
        said_by_group.append(set())
        for values in itertools.product(*(range(len(axes[a])) for a in group_axes)):
            choice = dict(zip(group_axes, values, strict=True))
            said = tuple(_lookup(trees[p], choice) for p in group)
            said_by_group[-1].add(said)
            for p, output in zip(group, said, strict=True):
                outputs[p].add(output)
    if _words_add_up(outputs):
        lowest = highest = 0
        words: dict[str, int] = {}
        for said_of_group in said_by_group:
            totals = set()
            for said in said_of_group:
                total = 0
                for output in said:
                    count = words.get(output)
                    if count is None:
                        count = words[output] = count_words(output)
                    total += count
                totals.add(total)
            lowest += min(totals)
            highest += max(totals)
        return lowest, highest
    return _whole_texts(groups, said_by_group, len(pieces))


#: The most combinations of the groups' outputs counted as whole texts.
_MOST_TEXTS = 100_000


def _whole_texts(
    groups: list[list[int]], said_by_group: list[set[tuple[str, ...]]], size: int
) -> tuple[int, int] | None:
    """The fewest and most words over every text the pieces make, each counted whole as
    ``_rendering.step_word_count`` counts a step (when the words of the pieces do not
    add up: a digit, pieces that may run into each other); None when there are too many
    texts or one is empty (the whole phrasing is rendered then, and reports it)."""
    if math.prod(len(said) for said in said_by_group) > _MOST_TEXTS:
        return None
    counts = set()
    outputs = [""] * size
    for choice in itertools.product(*said_by_group):
        for group, said in zip(groups, choice, strict=True):
            for p, output in zip(group, said, strict=True):
                outputs[p] = output
        text = _LAYOUT_SPACE.sub(" ", "".join(outputs)).strip(" ")
        if not text:
            return None
        counts.add(count_words(apply_typography(text) if _DIGIT.search(text) else text))
    return min(counts), max(counts)


def _groups(read_axes: list[set[int]]) -> list[list[int]]:
    """The pieces grouped by the axes they read (joined when they share one), in order."""
    groups: list[tuple[set[int], list[int]]] = []
    for piece, axes in enumerate(read_axes):
        joined = [g for g in groups if g[0] & axes]
        merged: tuple[set[int], list[int]] = (set(axes), [piece])
        for group in joined:
            merged[0].update(group[0])
            merged[1].extend(group[1])
            groups.remove(group)
        merged[1].sort()
        groups.append(merged)
    return [members for _axes, members in groups]


def _words_add_up(outputs: list[set[str]]) -> bool:
    """Whether every rendering's word count is the sum of its pieces' (see the module),
    given every output each piece can give, in the phrasing's order."""
    if any(_DIGIT.search(output) for said in outputs for output in said):
        return False
    if all(any(not output.strip(" \t\n\r\f\v") for output in said) for said in outputs):
        return False  # every piece may be blank: a rendering may be empty
    starts = [all(o[0].isspace() for o in said if o) for said in outputs]
    ends = [all(o[-1].isspace() for o in said if o) for said in outputs]
    may_be_empty = ["" in said for said in outputs]
    for first in range(len(outputs)):
        if not any(outputs[first] - {""}):
            continue  # never says anything: meets nothing
        for second in range(first + 1, len(outputs)):
            if not (ends[first] or starts[second]):
                return False
            if not may_be_empty[second]:
                break  # nothing after it meets ``first``
    return True
