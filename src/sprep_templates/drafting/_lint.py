"""Checking a folder of custom templates before use (``sprep templates lint DIR``).

Three kinds of problem, each with the file and, where it applies, the line:
syntax errors; variables the templates use but never receive; and the
guide's rules over generated inputs (every phrasing within 60 to 150 words
at the documented limits, by the length proof of ``_length_proof``, and every
drafted reply free of checker errors).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import attrs
import jinja2
import jinja2.nodes
from jinja2 import meta

from ..checking import check_reply
from ..exceptions import SprepError, TemplateProblemError
from ..inputs import SENTIMENTS, Experience, Signature
from ..limits import EXPORT_CHANNELS, MAX_WORDS, MIN_WORDS
from ..steps import STEPS
from ._compose import draft_reply
from ._contract import CONTEXT_VARIABLES
from ._length_proof import extreme_inputs, length_bounds
from ._sandbox import (
    BoundedSandbox,
    OutsideFolderError,
    UnreadableTemplateError,
    read_template,
    rendering_deadline,
)
from ._templates import load_template_set

__all__ = ["Problem", "lint_templates"]

_FILTERS_AND_MACROS = {"loop", "caller", "varargs", "kwargs"}

#: The longest a lint may spend rendering a custom folder, in CPU time (each rendering
#: is bounded too, see _sandbox.py). Measured (session 7, after the length proof's
#: pieces and tracing): a folder of one phrasing over the built-in ones, 30 drafts,
#: about 5 s (it was 117–119 s before); the length proof alone, about 4 s.
LINT_SECONDS = 120.0


@attrs.frozen
class Problem:
    """One thing wrong with a custom template folder."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


#: Problems that stop the lint before rendering: rendering would only repeat them.
_BLOCKING = (
    "syntax error",
    "unknown variable",
    "outside the template folder",
    "not UTF-8",
    "not a regular file",
    "cannot be read",
    "KiB, the most",
)


def _syntax_and_variables(folder: Path) -> list[Problem]:
    # The sandbox does not fold constants such as 10**5000 while parsing.
    environment = BoundedSandbox()
    root = Path(os.path.realpath(folder))
    problems = []
    for path in sorted(folder.rglob("*.j2")):
        name = path.relative_to(folder).as_posix()
        try:
            tree = environment.parse(read_template(root, root / name, name), name)
        except (OutsideFolderError, UnreadableTemplateError) as error:
            problems.append(Problem(name, None, error.reason))
            continue
        except jinja2.TemplateSyntaxError as error:
            problems.append(Problem(name, error.lineno, f"syntax error: {error.message}"))
            continue
        known = set(CONTEXT_VARIABLES) | _FILTERS_AND_MACROS
        for variable in sorted(meta.find_undeclared_variables(tree) - known):
            line = next(
                (n.lineno for n in tree.find_all(jinja2.nodes.Name) if n.name == variable), None
            )
            problems.append(
                Problem(
                    name,
                    line,
                    f"unknown variable '{variable}'; templates receive "
                    f"{', '.join(CONTEXT_VARIABLES)}",
                )
            )
        parts = name.split("/")
        if not (len(parts) == 2 and parts[0] == "shared") and not (
            len(parts) == 3 and parts[0] in (*SENTIMENTS, "shared") and parts[1] in STEPS
        ):
            problems.append(
                Problem(
                    name,
                    None,
                    "not used: phrasings go in <sentiment>/<step>/NN.j2 or shared/<step>/NN.j2",
                )
            )
    return problems


def _names_by_kind() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for name, kind in EXPORT_CHANNELS.items():
        names.setdefault(kind, []).append(name)
    return names


#: One channel of each kind a template can name, and none (an unknown channel).
_CHANNELS: list[tuple[str, ...]] = [
    (),
    *(tuple(names[:1]) for names in _names_by_kind().values()),
]


def _length_problems(folder: Path) -> list[Problem]:
    problems = []
    for bound in length_bounds(load_template_set(folder)):
        shape = "+".join(bound.shape)
        if bound.shortest < MIN_WORDS:
            problems.append(
                Problem(
                    ", ".join(bound.shortest_templates),
                    None,
                    f"{bound.sentiment} replies with {shape} can have {bound.shortest} words, "
                    f"fewer than {MIN_WORDS}, with the smallest inputs the limits allow",
                )
            )
        if bound.longest > MAX_WORDS:
            problems.append(
                Problem(
                    ", ".join(bound.longest_templates),
                    None,
                    f"{bound.sentiment} replies with {shape} can have {bound.longest} words, "
                    f"more than {MAX_WORDS}, with the largest inputs the limits allow",
                )
            )
    return problems


def _drafts(folder: Path, count: int) -> list[Problem]:
    """Draft ``count`` replies from generated inputs and check each one fully."""
    rng = random.Random(0)
    problems: list[Problem] = []
    seen: set[str] = set()
    for n in range(count):
        small, large = extreme_inputs()
        signature = rng.choice([small.signature, large.signature, Signature("Jean", "la Caf")])
        experience = Experience(
            sentiment=rng.choice(SENTIMENTS),
            id=str(n),
            pseudonym=rng.choice([None, "Sandrine", "énervédu76", "Dominique"]),
            title=rng.choice([None, "Relevé de carrière", "vote en ligne"]),
            channels=rng.choice(_CHANNELS),
        )
        contacts = rng.choice([small.contacts, large.contacts, ()])
        answer = "Vous pouvez suivre votre demande en ligne." if not contacts or n % 2 else None
        try:
            reply = draft_reply(
                experience,
                signature=signature,
                contacts=contacts,
                answer=answer,
                template_dir=folder,
            )
        except SprepError as error:
            key = str(error)
            if key not in seen:
                seen.add(key)
                problems.append(Problem(str(folder), None, f"drafting failed: {error}"))
            continue
        for finding in check_reply(
            reply.text,
            pseudonym=experience.pseudonym,
            signature=signature,
            contacts=contacts,
            sentiment=experience.sentiment,
        ):
            if finding.severity != "error":
                continue
            key = f"{finding.rule}{reply.templates}"
            if key not in seen:
                seen.add(key)
                problems.append(
                    Problem(
                        ", ".join(t for t in reply.templates if not t.startswith("shared/")),
                        None,
                        f"[{finding.rule}] {finding.message}",
                    )
                )
    return problems


def lint_templates(folder: str | Path, *, samples: int = 200) -> list[Problem]:
    """Every problem found in a folder of custom templates; an empty list when none."""
    folder = Path(folder)
    if not folder.is_dir():
        return [Problem(str(folder), None, "not a folder")]
    problems = _syntax_and_variables(folder)
    if any(blocking in p.message for p in problems for blocking in _BLOCKING):
        return problems  # rendering would only repeat these
    try:
        with rendering_deadline(LINT_SECONDS, f"lint (rendering for {LINT_SECONDS:.0f} s)"):
            problems += _length_problems(folder)
            problems += _drafts(folder, samples)
    except TemplateProblemError as error:
        problems.append(Problem(error.template or str(folder), error.line, error.reason))
    except SprepError as error:
        problems.append(Problem(str(folder), None, str(error)))
    return problems
