"""Checking a folder of custom templates before use (``sprep templates lint DIR``).

Three kinds of problem, each with the file and, where it applies, the line:
syntax errors; variables the templates use but never receive; and the
guide's rules over generated inputs (every phrasing within 60 to 150 words
at the documented limits, and every drafted reply free of checker errors).
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import attrs
import jinja2
import jinja2.nodes
from jinja2 import meta

from .checking import check_reply
from .compose import GUARANTEED_LIMITS, draft_reply, render_step, step_context
from .environment import CONTEXT_VARIABLES, STEPS, TemplateSet, load_template_set
from .exceptions import SprepError
from .inputs import SENTIMENTS, Contact, Experience, Signature
from .limits import MAX_WORDS, MIN_WORDS
from .text import count_words

__all__ = ["Bound", "Problem", "length_bounds", "lint_templates"]

_FILTERS_AND_MACROS = {"loop", "caller", "varargs", "kwargs"}


@attrs.frozen
class Problem:
    """One thing wrong with a custom template folder."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


def _syntax_and_variables(folder: Path) -> list[Problem]:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)))
    problems = []
    for path in sorted(folder.rglob("*.j2")):
        name = path.relative_to(folder).as_posix()
        try:
            tree = environment.parse(path.read_text(encoding="utf-8"), name)
        except UnicodeDecodeError:
            problems.append(Problem(name, None, "not UTF-8 text"))
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
        if name != "shared/macros.j2" and not (
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


_SMALL = (Signature("Jo", "Urssaf"), (Contact("web", "https://www.urssaf.fr"),), None, None)
_LARGE = (
    Signature("Marie Anne", "le consulat général de France à Montréal"),
    (Contact("phone", "+33 1 23 45 67 89"), Contact("email", "prenom.nom@exemple.gouv.fr")),
    "Marie Claire De Lune",  # the longest pseudonym a greeting uses: 4 words
    "un deux trois quatre cinq six",  # the longest title a reply quotes: 6 words
)
_CHANNELS = [
    (),
    ("Téléphone",),
    ("Accueil",),
    ("Démarche en ligne",),
    ("Compte ou espace personnel",),
    ("Courrier",),
    ("E-mail",),
    ("Tchat (messagerie instantanée)",),
    ("Réseaux Sociaux",),
    ("Patrouille",),
]
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


def _extreme(
    templates: TemplateSet, sentiment: str, given: dict[str, bool], large: bool
) -> tuple[int, tuple[str, ...]]:
    signature, contacts, pseudonym, title = _LARGE if large else _SMALL
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
    pick = max if large else min
    total, chosen = 0, []
    for step in STEPS:
        counts = []
        for channels in _CHANNELS:
            experience = Experience(
                sentiment=sentiment, pseudonym=pseudonym, title=title, channels=channels
            )
            context = step_context(
                experience, signature, contacts if given["contacts"] else (), free
            )
            for name in templates.variants[(sentiment, step)]:  # type: ignore[index]
                text = render_step(templates, step, name, context, signature)
                counts.append((count_words(text), name))
        count, name = pick(counts)
        total += count
        chosen.append(name)
    return total, tuple(chosen)


def length_bounds(templates: TemplateSet) -> list[Bound]:
    """For each sentiment and shape of input, the word counts of the shortest and
    longest replies the templates can give within the documented limits.

    Steps are separate paragraphs, so a reply's word count is the sum of its
    steps': each step's shortest (longest) phrasing is found by rendering every
    phrasing with every channel, at the smallest (largest) inputs the limits
    allow. The sums bound every reply that can be drafted.
    """
    bounds = []
    for sentiment in SENTIMENTS:
        for flags in itertools.product((False, True), repeat=4):
            given = dict(zip((*_FREE_FIELDS, "contacts"), flags, strict=True))
            if not (given["answer"] or given["contacts"]):
                continue  # refused: a reply needs an orientation
            shortest, short_names = _extreme(templates, sentiment, given, large=False)
            longest, long_names = _extreme(templates, sentiment, given, large=True)
            shape = tuple(field for field, flag in given.items() if flag)
            bounds.append(Bound(sentiment, shape, shortest, longest, short_names, long_names))
    return bounds


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
        signature = rng.choice([_SMALL[0], _LARGE[0], Signature("Jean", "la Caf de Paris")])
        experience = Experience(
            sentiment=rng.choice(SENTIMENTS),
            id=str(n),
            pseudonym=rng.choice([None, "Sandrine", "énervédu76", "Dominique"]),
            title=rng.choice([None, "Relevé de carrière", "vote en ligne"]),
            channels=rng.choice(_CHANNELS),
        )
        contacts = rng.choice([_SMALL[1], _LARGE[1], ()])
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
    if any("syntax error" in p.message or "unknown variable" in p.message for p in problems):
        return problems  # rendering would only repeat these
    try:
        problems += _length_problems(folder)
        problems += _drafts(folder, samples)
    except SprepError as error:
        problems.append(Problem(str(folder), None, str(error)))
    return problems
