"""Which template set a draft uses: loaded once per folder, kept while unchanged.

The built-in set is loaded on first use and kept. A custom folder's set is kept
with the modification time and size of the folder, its sub-folders and its ``.j2``
files when it was loaded (as Jinja's ``auto_reload`` checks a template's): a draft
that finds one of them changed loads the folder again, so an edited, added or removed
template is used on the next draft. At most :data:`MAX_CUSTOM_SETS` custom folders are kept (the
least recently used goes). :func:`clear_template_sets` forgets everything. A batch
drafts each chunk of rows within :func:`one_version_per_folder`: one check per folder
and chunk, rather than one per row.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

from ..arguments import check_path
from ..exceptions import InvalidInputError
from ._environment import TRIAL_SECONDS, TemplateSet, build_template_set
from ._rendering import render_every_phrasing
from ._sandbox import rendering_deadline

__all__ = [
    "MAX_CUSTOM_SETS",
    "clear_template_sets",
    "load_template_set",
    "one_version_per_folder",
]

#: How many custom template folders are kept loaded at once.
MAX_CUSTOM_SETS = 8

#: What a custom folder was loaded from: its folders and templates (paths), and each
#: one's modification time and size when it was loaded.
_Watched = tuple[tuple[str, ...], tuple[tuple[int, int], ...]]

_builtin: TemplateSet | None = None
_custom: OrderedDict[Path, tuple[_Watched, TemplateSet]] = OrderedDict()
_lock = threading.Lock()

#: Within :func:`one_version_per_folder`: the sets already checked, by folder as given.
_pinned = threading.local()

#: Marks an entry that could not be read: never equal to what a later look finds.
_UNREADABLE = (-1, -1)


def _paths(folder: Path) -> tuple[str, ...]:
    """The folder, its sub-folders and its ``.j2`` files. A file edited in place changes
    its own time; a file or folder added, removed or renamed changes its folder's."""
    paths: list[str] = []
    for root, folders, names in os.walk(folder):
        folders.sort()
        paths.append(root)
        paths.extend(os.path.join(root, name) for name in sorted(names) if name.endswith(".j2"))
    return tuple(paths)


def _marks(paths: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    marks = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            marks.append(_UNREADABLE)
            continue
        marks.append((status.st_mtime_ns, status.st_size))
    return tuple(marks)


def _load_custom(folder: Path) -> TemplateSet:
    templates = build_template_set(folder)
    # A phrasing that fails whatever the experience (``{{ 1/0 }}``) is found now,
    # so that a batch stops before its first row rather than rejecting every one.
    with rendering_deadline(TRIAL_SECONDS, "rendering every phrasing once"):
        render_every_phrasing(templates)
    return templates


def load_template_set(template_dir: str | Path | None = None) -> TemplateSet:
    """The templates to draft with: built-in, or ``template_dir`` over the built-in ones.

    Loaded and compiled once per folder, and again when a template in it changed.
    """
    global _builtin
    if template_dir is None:
        found = _builtin
        if found is None:
            with _lock:
                if _builtin is None:
                    _builtin = build_template_set(None)
                found = _builtin
        return found
    check_path("template_dir", template_dir)
    pinned: dict[str | Path, TemplateSet] | None = getattr(_pinned, "sets", None)
    if pinned is not None:
        found = pinned.get(template_dir)
        if found is None:
            found = pinned[template_dir] = _custom_set(template_dir)
        return found
    return _custom_set(template_dir)


def _custom_set(template_dir: str | Path) -> TemplateSet:
    path = Path(template_dir).expanduser().resolve()
    if not path.is_dir():
        raise InvalidInputError(
            f"template_dir {str(template_dir)!r} is not a folder; give a folder laid out "
            "like the built-in templates/ (positive/, negative/, neutral/, shared/)"
        )
    kept = _custom.get(path)
    if kept is not None:
        (paths, marks), templates = kept
        if _marks(paths) == marks:  # one stat a folder and a template: as Jinja's auto_reload
            with _lock:
                if path in _custom:
                    _custom.move_to_end(path)
            return templates
    paths = _paths(path)
    marks = _marks(paths)
    templates = _load_custom(path)
    if _UNREADABLE in marks:
        return templates  # something unreadable: not kept, tried again next time
    with _lock:
        _custom[path] = ((paths, marks), templates)
        _custom.move_to_end(path)
        while len(_custom) > MAX_CUSTOM_SETS:
            _custom.popitem(last=False)
    return templates


@contextlib.contextmanager
def one_version_per_folder() -> Iterator[None]:
    """Within the block (in this thread), each custom folder is checked for changes
    once: a batch's chunk of rows is drafted with one version of its templates, and
    does not look at every file of the folder again for each row."""
    outer = getattr(_pinned, "sets", None)
    if outer is None:
        _pinned.sets = {}
    try:
        yield
    finally:
        if outer is None:
            _pinned.sets = None


def clear_template_sets() -> None:
    """Forget every loaded template set (the next draft loads its folder again)."""
    global _builtin
    with _lock:
        _builtin = None
        _custom.clear()
