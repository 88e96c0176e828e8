"""What a custom template may read and cost (the README's threat model).

Custom template folders are not trusted. Jinja's ``SandboxedEnvironment``
stops attribute tricks; this module adds the rest:

- **Reading**: a template is read only when its path, symlinks resolved, lies
  inside its folder, and only when it is a regular file of at most
  :data:`MAX_TEMPLATE_BYTES` in UTF-8 (never a FIFO or a device, which would
  block or never end).
- **Cost, per rendering**: at most :data:`MAX_LOOP_ITERATIONS` loop iterations
  (all loops together, nested ones included, and no ``range`` longer than
  that); at most :data:`MAX_TEXT` characters written, and no string or list
  longer than that built by ``*``, ``+``, ``~``, ``%``, a filter or a call; no
  number passed to a call or a filter above :data:`MAX_TEXT`, no format width
  or precision above it, no call whose two largest arguments multiply above
  :data:`MAX_WORK`; no integer above :data:`MAX_NUMBER_BITS` bits from ``*`` or
  ``**``; and :data:`RENDER_SECONDS` of the thread's CPU time, checked at every call, filter,
  operator and loop iteration. A rendering that goes beyond stops with
  :class:`TemplateCostError` (a Jinja ``SecurityError``, reported as a
  :class:`~sprep_templates.TemplateSecurityError` naming the file and line).

The bounds are checked in the sandboxed environment only: the built-in
templates are trusted and render in a plain, faster one.
"""

from __future__ import annotations

import functools
import math
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import attrs
import jinja2
import jinja2.nodes
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.loaders import split_template_path
from jinja2.runtime import Macro
from jinja2.sandbox import SandboxedEnvironment

__all__ = [
    "MAX_LOOP_ITERATIONS",
    "MAX_NUMBER_BITS",
    "MAX_TEMPLATE_BYTES",
    "MAX_TEXT",
    "MAX_WORK",
    "RENDER_SECONDS",
    "BoundedSandbox",
    "FolderLoader",
    "OutsideFolderError",
    "TemplateCostError",
    "UnreadableTemplateError",
    "read_template",
    "rendering_deadline",
]

#: The largest template file read, in bytes (the built-in ones are under 2 KiB).
MAX_TEMPLATE_BYTES = 64 * 1024
#: Loop iterations per rendering, all loops together (a phrasing loops over two criteria).
MAX_LOOP_ITERATIONS = 10_000
#: Characters one rendering may write, and the size of any string or list it builds
#: (a step is one paragraph: about 1,000 characters at 150 words).
MAX_TEXT = 100_000
#: The most work one call or filter may do: the product of its two largest arguments'
#: sizes (``'x' * 10000`` replaced in ``'a' * 10000`` would write 10**8 characters).
MAX_WORK = 10_000_000
#: The largest integer ``*`` or ``**`` may make (about 1,233 digits).
MAX_NUMBER_BITS = 4096
#: Time one rendering may take (built-in phrasings take about 10 µs): CPU time of the
#: rendering thread, so that a phrasing that renders in time on a quiet machine does
#: so on a loaded one, or in 16 threads at once (the wall clock counted their waits).
RENDER_SECONDS = 0.5


def _clock() -> float:
    """The rendering thread's CPU time, in seconds."""
    return time.thread_time()


class TemplateCostError(SecurityError):
    """A custom template went beyond what one rendering may cost."""


class UnreadableTemplateError(TemplateError):
    """A template file that is not read: not a regular file, too large, not UTF-8."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class OutsideFolderError(SecurityError):
    """A template path that resolves (through a symlink) outside its folder."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


def read_template(root: Path, path: Path, name: str) -> str:
    """The text of template file ``path`` of folder ``root`` (already resolved).

    Refuses, with :class:`OutsideFolderError`, a path whose symlinks lead out of
    ``root``; and with :class:`UnreadableTemplateError` anything but a regular
    UTF-8 file of at most :data:`MAX_TEMPLATE_BYTES`. A FIFO is opened without
    blocking and refused; a device is never read.
    """
    real = os.path.realpath(path)
    if os.path.commonpath([real, str(root)]) != str(root):
        raise OutsideFolderError(name, "lies outside the template folder (a symlink leads out)")
    try:
        descriptor = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        raise UnreadableTemplateError(name, f"cannot be read ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise UnreadableTemplateError(name, "not a regular file")
        data = file.read(MAX_TEMPLATE_BYTES + 1)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise UnreadableTemplateError(
            name, f"larger than {MAX_TEMPLATE_BYTES // 1024} KiB, the most a template may be"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableTemplateError(name, "not UTF-8 text") from None


class FolderLoader(jinja2.FileSystemLoader):
    """``FileSystemLoader`` that reads through :func:`read_template`: nothing outside
    the folders, only regular files of bounded size. The first folder holding the
    name wins, even with a file it refuses (no silent fallback)."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__([str(root) for root in roots], encoding="utf-8")
        self.roots = [Path(os.path.realpath(root)) for root in roots]

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ".."
        for root in self.roots:
            path = root.joinpath(*pieces)
            if os.path.lexists(path):
                return read_template(root, path, template), str(path), lambda: True
        raise jinja2.TemplateNotFound(template)


# --- the cost of one rendering ------------------------------------------------------


@attrs.define
class _Budget:
    deadline: float
    iterations: int
    #: Whether the deadline is a caller's overall one (see rendering_deadline).
    overall: bool


_BUDGET: ContextVar[_Budget | None] = ContextVar("sprep_template_budget", default=None)
_OVERALL_DEADLINE: ContextVar[tuple[float, str] | None] = ContextVar(
    "sprep_overall_deadline", default=None
)


@contextmanager
def rendering_deadline(seconds: float, what: str) -> Iterator[None]:
    """Renderings of custom templates inside the block stop after ``seconds`` of CPU time
    (``lint`` renders each phrasing thousands of times: it bounds the total)."""
    token = _OVERALL_DEADLINE.set((_clock() + seconds, what))
    try:
        yield
    finally:
        _OVERALL_DEADLINE.reset(token)


def _out_of_time(budget: _Budget) -> TemplateCostError:
    if budget.overall:
        found = _OVERALL_DEADLINE.get()
        return TemplateCostError(f"{found[1] if found else 'rendering'} ran out of time")
    return TemplateCostError(
        f"it took more than {RENDER_SECONDS} s to render, the most a custom template may"
    )


def _spend() -> None:
    budget = _BUDGET.get()
    if budget is not None and _clock() > budget.deadline:
        raise _out_of_time(budget)


def _counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """``iterable``, one loop iteration spent per item (every ``for`` goes through it)."""
    budget = _BUDGET.get()
    if budget is None:
        yield from iterable
        return
    for item in iterable:
        budget.iterations -= 1
        if budget.iterations < 0:
            raise TemplateCostError(
                f"it ran more than {MAX_LOOP_ITERATIONS:,} loop iterations, "
                "the most a custom template may"
            )
        if _clock() > budget.deadline:
            raise _out_of_time(budget)
        yield item


def _bounded_range(*arguments: int) -> range:
    numbers = range(*arguments)
    try:
        too_long = len(numbers) > MAX_LOOP_ITERATIONS
    except OverflowError:
        too_long = True
    if too_long:
        raise TemplateCostError(
            f"a range of more than {MAX_LOOP_ITERATIONS:,} numbers, the most a custom "
            "template may loop over"
        )
    return numbers


def _check_size(value: object) -> object:
    if isinstance(value, Sized) and not isinstance(value, range) and len(value) > MAX_TEXT:
        raise TemplateCostError(
            f"it built a value of {len(value):,} characters or items; the most a custom "
            f"template may is {MAX_TEXT:,}"
        )
    return value


def _bounded_concat(parts: Iterable[str]) -> str:
    """``"".join(parts)``, refusing to write more than :data:`MAX_TEXT` characters."""
    kept = []
    size = 0
    for part in parts:
        size += len(part)
        if size > MAX_TEXT:
            raise TemplateCostError(
                f"it wrote more than {MAX_TEXT:,} characters, the most a custom template may"
            )
        kept.append(part)
    return "".join(kept)


#: A printf or str.format width or precision of 6 digits or more.
_WIDE_FORMAT = re.compile(r"%[-+ #0]*(?:\d{6,}|\d*\.\d{6,})|\{[^{}]*:[^{}]*\d{6,}[^{}]*\}")


def _check_format(text: object) -> None:
    if isinstance(text, str) and _WIDE_FORMAT.search(text):
        raise TemplateCostError(
            f"a format width or precision above {MAX_TEXT:,}, the most a custom template may"
        )


def _check_arguments(arguments: Iterable[object]) -> None:
    """No number above MAX_TEXT, and no two arguments whose sizes multiply above MAX_WORK."""
    sizes = []
    for argument in arguments:
        if isinstance(argument, int) and abs(argument) > MAX_TEXT:
            raise TemplateCostError(
                f"a number above {MAX_TEXT:,} given to a function or filter; the most a "
                "custom template may"
            )
        if isinstance(argument, Sized):
            sizes.append(len(argument))
    if len(sizes) >= 2:
        sizes.sort()
        if sizes[-1] * sizes[-2] > MAX_WORK:
            raise TemplateCostError(
                f"a function or filter given values of {sizes[-1]:,} and {sizes[-2]:,} "
                "characters or items: too much work for a custom template"
            )


def _check_binop(operator: str, left: object, right: object) -> None:
    if operator == "**":
        if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if right * math.log2(abs(left)) > MAX_NUMBER_BITS:
                raise TemplateCostError(
                    f"a number of more than {MAX_NUMBER_BITS:,} bits, the most a custom "
                    "template may make"
                )
    elif operator == "*":
        if isinstance(left, int) and isinstance(right, int):
            if left.bit_length() + right.bit_length() > MAX_NUMBER_BITS:
                raise TemplateCostError(
                    f"a number of more than {MAX_NUMBER_BITS:,} bits, the most a custom "
                    "template may make"
                )
        else:
            count, sequence = (left, right) if isinstance(left, int) else (right, left)
            if (
                isinstance(count, int)
                and isinstance(sequence, Sized)
                and len(sequence) * max(count, 0) > MAX_TEXT
            ):
                raise TemplateCostError(
                    f"a repetition of more than {MAX_TEXT:,} characters or items, the most "
                    "a custom template may"
                )
    elif operator == "%":
        _check_format(left)
        _check_arguments(right if isinstance(right, tuple) else (right,))


def _bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    passes_first = getattr(function, "jinja_pass_arg", None) is not None

    @functools.wraps(function)
    def bounded(*arguments: Any, **keywords: Any) -> Any:
        _spend()
        own = arguments[1:] if passes_first else arguments
        if own and name == "format":
            _check_format(own[0])
        # The filtered value may be any number the templates receive (similar|number).
        _check_arguments([*own[1:], *keywords.values()])
        if own and isinstance(own[0], Sized):
            _check_arguments([own[0], *own[1:], *keywords.values()])
        return _check_size(function(*arguments, **keywords))

    bounded.__sprep_bounded__ = True  # type: ignore[attr-defined]
    return bounded


class _Bounding(jinja2.visitor.NodeTransformer):
    """Counts every loop's iterations and checks the size of every ``~``."""

    def visit_For(self, node: jinja2.nodes.For) -> jinja2.nodes.Node:
        self.generic_visit(node)
        node.iter = jinja2.nodes.Filter(
            node.iter, "_sprep_counted", [], [], None, None, lineno=node.iter.lineno
        )
        return node

    def visit_Concat(self, node: jinja2.nodes.Concat) -> jinja2.nodes.Node:
        self.generic_visit(node)
        return jinja2.nodes.Filter(node, "_sprep_sized", [], [], None, None, lineno=node.lineno)


class _BoundedTemplate(jinja2.Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        deadline = _clock() + RENDER_SECONDS
        overall = _OVERALL_DEADLINE.get()
        budget = _Budget(deadline, MAX_LOOP_ITERATIONS, overall=False)
        if overall is not None and overall[0] < deadline:
            budget = _Budget(overall[0], MAX_LOOP_ITERATIONS, overall=True)
        token = _BUDGET.set(budget)
        try:
            return super().render(*args, **kwargs)
        finally:
            _BUDGET.reset(token)


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox, with the bounds of this module on what one rendering costs."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    template_class = _BoundedTemplate
    concat = staticmethod(_bounded_concat)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _bounded_range
        self.bound_filters()

    def bound_filters(self) -> None:
        """Wrap every filter not yet wrapped (call again after adding filters)."""
        for name, function in list(self.filters.items()):
            if not hasattr(function, "__sprep_bounded__"):
                self.filters[name] = _bounded_filter(name, function)
        self.filters["_sprep_counted"] = _counted
        self.filters["_sprep_sized"] = _check_size

    def _parse(self, source: str, name: str | None, filename: str | None) -> jinja2.nodes.Template:
        tree = super()._parse(source, name, filename)
        return _Bounding().visit(tree)  # type: ignore[no-any-return]

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        _spend()
        _check_binop(operator, left, right)
        result = super().call_binop(context, operator, left, right)
        return _check_size(result) if operator in ("+", "%", "*") else result

    def call(
        __self,
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        _spend()
        if not isinstance(__obj, Macro):  # a macro's own work is checked as it runs
            owner = getattr(__obj, "__self__", None)
            if isinstance(owner, str) and getattr(__obj, "__name__", "") in (
                "format",
                "format_map",
            ):
                _check_format(owner)
            _check_arguments([*args, *kwargs.values()])
            if isinstance(owner, Sized):
                _check_arguments([owner, *args, *kwargs.values()])
        return _check_size(super().call(__context, __obj, *args, **kwargs))
