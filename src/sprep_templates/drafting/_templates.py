"""Which template set a draft uses: loaded once per folder, kept while unchanged.

The built-in set is loaded on first use and kept. A custom folder's set is kept
with a fingerprint of the folder (each sub-folder's and ``.j2`` file's modification
time and size, as Jinja's ``auto_reload`` checks a template's): a draft whose folder
no longer matches its fingerprint loads the folder again, so an edited template is
used on the next draft. At most :data:`MAX_CUSTOM_SETS` custom folders are kept (the
least recently used goes). :func:`clear_caches` forgets everything.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from pathlib import Path

from ..exceptions import InvalidInputError
from ._environment import TRIAL_SECONDS, TemplateSet, build_template_set
from ._rendering import render_every_phrasing
from ._sandbox import rendering_deadline

__all__ = ["MAX_CUSTOM_SETS", "clear_template_sets", "load_template_set"]

#: How many custom template folders are kept loaded at once.
MAX_CUSTOM_SETS = 8

_Fingerprint = tuple[tuple[str, int, int], ...]

_builtin: TemplateSet | None = None
_custom: OrderedDict[Path, tuple[_Fingerprint, TemplateSet]] = OrderedDict()
_lock = threading.Lock()


def _fingerprint(folder: Path) -> _Fingerprint:
    """The modification time and size of the folder, its sub-folders and templates.

    A file edited in place changes its own time; a file added, removed or renamed
    changes its folder's. Something that cannot be read counts as changed each time
    (loading it again reports it)."""
    marks: list[tuple[str, int, int]] = []
    for root, folders, names in os.walk(folder):
        folders.sort()
        try:
            status = os.stat(root)
        except OSError:
            marks.append((root, -1, -1))
            continue
        marks.append((root, status.st_mtime_ns, status.st_size))
        for name in sorted(names):
            if not name.endswith(".j2"):
                continue
            path = os.path.join(root, name)
            try:
                status = os.stat(path)
            except OSError:
                marks.append((path, -1, -1))
                continue
            marks.append((path, status.st_mtime_ns, status.st_size))
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
    path = Path(template_dir).expanduser().resolve()
    if not path.is_dir():
        raise InvalidInputError(
            f"template_dir {str(template_dir)!r} is not a folder; give a folder laid out "
            "like the built-in templates/ (positive/, negative/, neutral/, shared/)"
        )
    fingerprint = _fingerprint(path)
    kept = _custom.get(path)
    if kept is not None and kept[0] == fingerprint:
        with _lock:
            if path in _custom:
                _custom.move_to_end(path)
        return kept[1]
    templates = _load_custom(path)
    if any(mark[1] < 0 for mark in fingerprint):
        return templates  # something unreadable: not kept, tried again next time
    with _lock:
        _custom[path] = (fingerprint, templates)
        _custom.move_to_end(path)
        while len(_custom) > MAX_CUSTOM_SETS:
            _custom.popitem(last=False)
    return templates


def clear_template_sets() -> None:
    """Forget every loaded template set (the next draft loads its folder again)."""
    global _builtin
    with _lock:
        _builtin = None
        _custom.clear()
