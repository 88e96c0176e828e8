"""Data files of regular-expression alternatives: the cue lists the checker and the
title screening build their patterns from (``step-cues.tsv``, ``cold-phrases.txt``,
``complaint-words.txt``; formats in their headers).

One alternative a line, or, in a keyed file, a key and an alternative separated by a
tab; the alternatives are kept in the order of the file (a regex tries them in that
order). Each is checked when read, and a line that cannot be used raises
:class:`DataFileError` naming the file and line: it must compile, hold no capturing
group (write ``(?:…)``), and match no empty text. Alternatives searched in the
lower-cased text must also be written in lower case and start with literal words in
every branch, since the one matcher (``_matcher``) looks for where those words occur.
Unbounded repetitions are bounded (see ``..linear``), so a match attempt costs a
constant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..exceptions import DataFileError
from ..linear import bound_repetitions
from ._files import numbered_lines
from ._matcher import required_prefixes

__all__ = ["parse_alternatives", "read_alternatives", "read_keyed_alternatives"]

_ESCAPE = re.compile(r"\\.")


def _checked(name: str, number: int, source: str, *, lower_case: bool) -> str:
    """``source`` (line ``number`` of ``name``) with its repetitions bounded, once
    checked (see the module docstring)."""
    where = f"{name}:{number}"
    try:
        compiled = re.compile(source)
    except re.error as error:
        raise DataFileError(
            f"{where}: {source!r} is not a valid regular expression ({error})"
        ) from None
    if compiled.groups:
        raise DataFileError(f"{where}: {source!r} has a capturing group; write (?:…) instead")
    if compiled.fullmatch(""):
        raise DataFileError(f"{where}: {source!r} matches an empty text")
    if lower_case:
        if any(char.isupper() for char in _ESCAPE.sub("", source)):
            raise DataFileError(
                f"{where}: {source!r} must be written in lower case: the text is "
                "lower-cased before it is searched"
            )
        required_prefixes(source, f"{where}: {source!r}")
    return bound_repetitions(source)


def parse_alternatives(
    name: str, lines: Iterable[tuple[int, str]], *, lower_case: bool
) -> tuple[str, ...]:
    """The alternatives of ``lines`` (numbered lines of file ``name``), checked."""
    return tuple(
        _checked(name, number, line.strip(), lower_case=lower_case) for number, line in lines
    )


def read_alternatives(name: str, *, lower_case: bool) -> tuple[str, ...]:
    """The alternatives of data file ``name``, one a line, in its order, checked;
    ``lower_case``: they are searched in lower-cased text by the one matcher."""
    return parse_alternatives(name, numbered_lines(name), lower_case=lower_case)


def read_keyed_alternatives(
    name: str, keys: Sequence[str], *, lower_case: bool, key_name: str = "key"
) -> dict[str, tuple[str, ...]]:
    """For each of ``keys`` (in that order), the alternatives data file ``name`` gives
    it: lines ``key<TAB>alternative``, each key one of ``keys`` and every key given
    at least one line; ``key_name`` is what messages call a key ("step")."""
    found: dict[str, list[tuple[int, str]]] = {key: [] for key in keys}
    for number, line in numbered_lines(name):
        fields = line.split("\t")
        if len(fields) != 2:
            raise DataFileError(
                f"{name}:{number}: {len(fields)} tab-separated columns instead of 2 "
                f"(the {key_name} and the pattern) in {line!r}"
            )
        key, source = (field.strip() for field in fields)
        if key not in found:
            raise DataFileError(
                f"{name}:{number}: unknown {key_name} {key!r}; write one of {', '.join(keys)}"
            )
        found[key].append((number, source))
    for key, lines in found.items():
        if not lines:
            raise DataFileError(f"{name}: no line for {key}; each of {', '.join(keys)} needs one")
    return {
        key: parse_alternatives(name, lines, lower_case=lower_case) for key, lines in found.items()
    }
