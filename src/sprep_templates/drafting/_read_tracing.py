"""Which context variables one rendering of a phrasing actually reads.

The length proof (``_length_proof``) renders a phrasing with every value of every
variable it may read. Most variables are read only inside a branch (``{% if
situation %}…{% else %}… occasion …{% endif %}``): when a rendering does not read
a variable, its other values give the same rendering, and the proof need not try
them. :func:`traced_set` gives a copy of a template set whose templates note each
variable they read, *when they read it*; :func:`reading` collects those names.

Why it is exact. Jinja's compiled code looks every name up at the top of the
template (``l_0_x = resolve('x')``), so looking at the context would see every
name as read; instead the copy is compiled by :class:`_TracingCodeGenerator`,
which wraps each *use* of a name in the generated Python (every ``nodes.Name``
loaded, in phrasings, in what they import or include, and in macros) in
``environment.sprep_read(name, value)``, which notes ``name`` and returns ``value``
unchanged: the copy renders exactly what the original renders. A template can
reach a context variable only through a name (the built-in filters and globals
read no variable by name, and a custom folder cannot add any); so two contexts
that agree on every variable one rendering read give the same rendering, step by
step (each value the rendering computes is computed from the same values), and
that rendering reads the same variables. Names noted that are not context
variables are not noted; a macro's own parameter named as one (``access``) is, which
only makes the proof try more values.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import attrs
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Name

from ._contract import CONTEXT_VARIABLES
from ._environment import TemplateSet

__all__ = ["reading", "traced_set"]

#: The names read by the rendering under way in this context (None: not noted).
_READS: ContextVar[set[str] | None] = ContextVar("sprep_reads", default=None)


def _read(name: str, value: Any) -> Any:
    """``value``, the name ``name`` noted as read (the generated code calls it)."""
    reads = _READS.get()
    if reads is not None:
        reads.add(name)
    return value


#: The names noted: other names (a loop's variable, a macro) are no context variable.
_NOTED = frozenset(CONTEXT_VARIABLES)


class _TracingCodeGenerator(CodeGenerator):
    """Jinja's code generator, each name loaded wrapped in ``environment.sprep_read``."""

    def visit_Name(self, node: Name, frame: Frame) -> None:
        if node.ctx != "load" or node.name not in _NOTED:
            super().visit_Name(node, frame)
            return
        self.write(f"environment.sprep_read({node.name!r}, ")
        super().visit_Name(node, frame)
        self.write(")")


#: The last sets' traced copies (a set is no key: it holds dicts), by identity.
_TRACED: dict[int, tuple[TemplateSet, TemplateSet]] = {}


def traced_set(templates: TemplateSet) -> TemplateSet:
    """``templates`` with the same loader, filters, globals and class (a custom set's
    copy stays sandboxed, with its bounds), compiled to note what each rendering reads."""
    known = _TRACED.get(id(templates))
    if known is not None and known[0] is templates:
        return known[1]
    environment = templates.environment.overlay(cache_size=-1)  # compiled anew
    environment.code_generator_class = _TracingCodeGenerator
    environment.sprep_read = _read  # type: ignore[attr-defined]
    traced = attrs.evolve(templates, environment=environment)
    if len(_TRACED) >= 8:
        _TRACED.clear()
    _TRACED[id(templates)] = (templates, traced)
    return traced


@contextmanager
def reading() -> Iterator[set[str]]:
    """The names that renderings of a traced set read inside the block."""
    names: set[str] = set()
    token = _READS.set(names)
    try:
        yield names
    finally:
        _READS.reset(token)
