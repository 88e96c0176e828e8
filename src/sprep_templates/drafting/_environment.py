"""The one place that configures Jinja and finds the templates of each step.

Layout of a template folder (the built-in one is ``templates/`` at the
repository root, shipped inside the wheel as ``sprep_templates/templates``)::

    <sentiment>/<step>/<NN>.j2   one file per phrasing of a step
    shared/<step>/<NN>.j2        used by every sentiment without its own folder
    shared/macros.j2             wording shared by several steps

A custom folder has the same layout; a step it does not provide falls back to
the built-in phrasings. Custom templates render in Jinja's sandbox.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.resources import files
from math import prod
from operator import itemgetter
from pathlib import Path

import attrs
import jinja2
import jinja2.nodes
from jinja2 import meta

from ..exceptions import TemplateProblemError, TemplateSecurityError
from ..french import format_count, with_a, with_de
from ..inputs import SENTIMENTS, Sentiment
from ..steps import STEPS
from ._contract import CONTEXT_VARIABLES
from ._render_cache import RenderCache
from ._sandbox import (
    BoundedSandbox,
    FolderLoader,
    OutsideFolderError,
    UnreadableTemplateError,
)

__all__ = ["TRIAL_SECONDS", "TemplateSet", "build_template_set", "builtin_template_dir"]


def builtin_template_dir() -> Path:
    """The built-in templates: inside the installed package, or the checkout's ``templates/``."""
    packaged = Path(str(files("sprep_templates"))) / "templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if checkout.is_dir():
        return checkout
    raise TemplateProblemError(  # pragma: no cover - a broken installation
        "the built-in templates are missing from this installation; reinstall sprep_templates"
    )


def _variants(root: Path, sentiment: str, step: str) -> tuple[str, ...]:
    for folder in (f"{sentiment}/{step}", f"shared/{step}"):
        paths = sorted((root / folder).glob("*.j2"))
        for path in paths:
            if not path.is_file():  # a FIFO, a device, a folder, a broken symlink
                raise TemplateProblemError(
                    "not a regular file; a phrasing is a text file", template=str(path)
                )
        names = [path.name for path in paths]
        if names:
            return tuple(f"{folder}/{name}" for name in names)
    return ()


#: The most choices of phrasings a template set tabulates per tone (the built-in set
#: has 243 a tone).
MOST_CHOICES_TABULATED = 4096


@attrs.frozen
class TemplateSet:
    """A Jinja environment and, for each (sentiment, step), the names of its phrasings."""

    environment: jinja2.Environment
    variants: dict[tuple[Sentiment, str], tuple[str, ...]]
    sources: tuple[Path, ...]
    #: For each phrasing, a function giving the tuple of the context values it reads
    #: (all of them when it includes another template): what its rendering depends on.
    key_of: dict[str, Callable[[Mapping[str, object]], tuple[object, ...]]] = attrs.field(
        factory=dict, eq=False, repr=False
    )
    #: For each sentiment, the phrasings of each step in order (what ``_compose`` chooses from).
    by_tone: dict[Sentiment, tuple[tuple[str, ...], ...]] = attrs.field(
        factory=dict, eq=False, repr=False
    )
    #: For each sentiment, how many phrasings each step has.
    counts_by_tone: dict[Sentiment, tuple[int, ...]] = attrs.field(
        factory=dict, eq=False, repr=False
    )
    #: For each phrasing, the names of the context variables it reads.
    reads: dict[str, frozenset[str]] = attrs.field(factory=dict, eq=False, repr=False)
    #: Rendered steps, keyed by phrasing and the values it reads (see ``_render_cache``).
    rendered: RenderCache = attrs.field(factory=RenderCache, eq=False, repr=False)
    #: For a reply's chosen phrasings (one per step), a function giving the tuple of the
    #: context values any of them reads (bounded: see :meth:`reply_key_of`).
    _reply_keys: dict[tuple[str, ...], Callable[[Mapping[str, object]], tuple[object, ...]]] = (
        attrs.field(factory=dict, eq=False, repr=False, init=False)
    )

    #: For each tone, every choice of phrasings in the order of the number that picks it
    #: (see ``_compose._chosen``), when there are few enough; None past that.
    _choice_tables: dict[str, tuple[tuple[str, ...], ...] | None] = attrs.field(
        factory=dict, eq=False, repr=False, init=False
    )

    def choice_table(self, tone: str) -> tuple[tuple[str, ...], ...] | None:
        """The phrasings chosen by each number below the product of ``tone``'s counts
        (the mixed-radix digits, one per step, read into names), or None when there are
        more than :data:`MOST_CHOICES_TABULATED` such choices."""
        if tone in self._choice_tables:
            return self._choice_tables[tone]
        options = self.by_tone[tone]  # type: ignore[index]
        total = prod(len(names) for names in options)
        table: tuple[tuple[str, ...], ...] | None = None
        if 0 < total <= MOST_CHOICES_TABULATED:
            rows = []
            for number in range(total):
                chosen = []
                for names in options:
                    number, index = divmod(number, len(names))
                    chosen.append(names[index])
                rows.append(tuple(chosen))
            table = tuple(rows)
        self._choice_tables[tone] = table
        return table

    def reply_key_of(
        self, chosen: tuple[str, ...]
    ) -> Callable[[Mapping[str, object]], tuple[object, ...]]:
        """A function giving the values the phrasings ``chosen`` read, all of them: what
        a whole reply's rendering depends on (one lookup of the render cache a reply)."""
        found = self._reply_keys.get(chosen)
        if found is None:
            variables = sorted(frozenset().union(*(self.reads[name] for name in chosen)))
            found = _values_getter(tuple(variables))
            if len(self._reply_keys) >= 4096:
                self._reply_keys.clear()
            self._reply_keys[chosen] = found
        return found

    def template(self, name: str) -> jinja2.Template:
        """The compiled template ``name`` (compiled once, then cached by Jinja)."""
        return self.environment.get_template(name)


def _make_environment(search_path: list[Path], *, sandboxed: bool) -> jinja2.Environment:
    environment_class = BoundedSandbox if sandboxed else jinja2.Environment
    environment = environment_class(
        loader=FolderLoader(search_path),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        cache_size=-1,
    )
    environment.filters["de"] = with_de
    environment.filters["a"] = with_a
    environment.filters["number"] = format_count
    if isinstance(environment, BoundedSandbox):
        environment.bound_filters()
    return environment


#: How long rendering every phrasing of a custom folder once, when it is loaded, may take.
TRIAL_SECONDS = 10.0


def build_template_set(custom: Path | None) -> TemplateSet:
    """The template set of the built-in folder, or of ``custom`` over it: read, parsed,
    each phrasing's variables found. Not cached, not tried (see ``_templates``)."""
    builtin = builtin_template_dir()
    roots = [custom, builtin] if custom is not None else [builtin]
    variants: dict[tuple[Sentiment, str], tuple[str, ...]] = {}
    for sentiment in SENTIMENTS:
        for step in STEPS:
            names: tuple[str, ...] = ()
            for root in roots:
                names = _variants(root, sentiment, step)
                if names:
                    break
            if not names:
                raise TemplateProblemError(
                    f"no phrasing for the {step} step of {sentiment} replies: add "
                    f"{sentiment}/{step}/01.j2 or shared/{step}/01.j2",
                    template=str(roots[0]),
                )
            variants[(sentiment, step)] = names
    environment = _make_environment(roots, sandboxed=custom is not None)
    uses = {}
    for names in variants.values():
        for name in names:
            uses[name] = _variables_read(environment, name)
    return TemplateSet(
        environment=environment,
        variants=variants,
        sources=tuple(roots),
        key_of={name: _values_getter(variables) for name, variables in uses.items()},
        reads={name: frozenset(variables) for name, variables in uses.items()},
        by_tone={
            sentiment: tuple(variants[(sentiment, step)] for step in STEPS)
            for sentiment in SENTIMENTS
        },
        counts_by_tone={
            sentiment: tuple(len(variants[(sentiment, step)]) for step in STEPS)
            for sentiment in SENTIMENTS
        },
    )


def _values_getter(
    variables: tuple[str, ...],
) -> Callable[[Mapping[str, object]], tuple[object, ...]]:
    """A fast ``lambda context: tuple(context[v] for v in variables)``."""
    if not variables:
        return lambda context: ()
    getter = itemgetter(*variables)
    if len(variables) == 1:
        return lambda context: (getter(context),)
    return getter


#: The nodes through which a template reaches another one (``jinja2.meta``'s own list).
_REFERENCE_NODES = (
    jinja2.nodes.Extends,
    jinja2.nodes.FromImport,
    jinja2.nodes.Import,
    jinja2.nodes.Include,
)


def _reads_whole_context(node: jinja2.nodes.Node) -> bool:
    """Whether the template reached through ``node`` sees the caller's variables.

    An include or an extends always does; an import only ``with context``
    (without it, a macro reads only the arguments it is given, which the
    calling template's own variables already account for).
    """
    if isinstance(node, (jinja2.nodes.Import, jinja2.nodes.FromImport)):
        return bool(node.with_context)
    return True


def _variables_read(environment: jinja2.Environment, name: str) -> tuple[str, ...]:
    """The context variables template ``name`` reads, or every one when another template
    it reaches (include, extends, import with context) may read them."""
    try:
        source = environment.loader.get_source(environment, name)[0]  # type: ignore[union-attr]
        tree = environment.parse(source, name)
    except OutsideFolderError as error:
        raise TemplateSecurityError(error.reason, template=name) from None
    except UnreadableTemplateError as error:
        raise TemplateProblemError(error.reason, template=name) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblemError(
            f"syntax error: {error.message}", template=error.filename or name, line=error.lineno
        ) from None
    if any(_reads_whole_context(node) for node in tree.find_all(_REFERENCE_NODES)):
        return CONTEXT_VARIABLES
    return tuple(sorted(meta.find_undeclared_variables(tree) & set(CONTEXT_VARIABLES)))
