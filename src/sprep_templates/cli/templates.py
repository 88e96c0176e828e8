"""``sprep templates``: list the template folders, preview replies, lint a folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..drafting import STEPS, draft_reply, lint_templates, load_template_set
from ..inputs import SENTIMENTS, Contact, Experience
from ..profile import example_profile_path
from ._common import EXIT_ERRORS_FOUND, EXIT_OK, UsageError, load_profile
from ._terminal import TerminalWriter

__all__ = ["templates_command"]


def templates_command(arguments: argparse.Namespace, out: TextIO) -> int:
    """``sprep templates [list|preview|lint]`` (controls in names escaped)."""
    out = TerminalWriter(out)  # type: ignore[assignment]
    folder = arguments.folder or arguments.templates
    if arguments.action == "lint":
        if folder is None:
            raise UsageError("give the folder to lint: sprep templates lint DIR")
        if not Path(folder).is_dir():
            raise UsageError(f"cannot lint {folder}: not a folder")
        problems = lint_templates(folder)
        for problem in problems:
            out.write(f"{problem}\n")
        out.write(f"{len(problems)} problem(s) in {folder}\n")
        return EXIT_ERRORS_FOUND if problems else EXIT_OK
    arguments.templates = folder
    templates = load_template_set(folder)
    if arguments.action == "preview":
        return _preview(arguments, out)
    out.write("template folders (first wins):\n")
    for source in templates.sources:
        out.write(f"  {source}\n")
    for sentiment in SENTIMENTS:
        out.write(f"{sentiment}:\n")
        for step in STEPS:
            names = templates.variants[(sentiment, step)]
            out.write(f"  {step:<16} {len(names)} phrasing(s): {', '.join(names)}\n")
    return EXIT_OK


def _preview(arguments: argparse.Namespace, out: TextIO) -> int:
    profile = load_profile(
        Path(arguments.profile) if arguments.profile else example_profile_path(), "--profile"
    )
    sentiments = [arguments.sentiment] if arguments.sentiment else list(SENTIMENTS)
    for sentiment in sentiments:
        for n in range(arguments.count):
            experience = Experience(
                sentiment=sentiment,
                id=f"apercu-{n}",
                pseudonym="Sandrine" if n % 2 == 0 else None,
                channels=(("Téléphone", "Accueil", "Démarche en ligne")[n % 3],),
            )
            reply = draft_reply(
                experience,
                signature=profile.signature,
                contacts=profile.contacts or (Contact("phone", "32 30"),),
                template_dir=arguments.templates,
            )
            out.write(f"--- {sentiment} #{n + 1} ({reply.word_count} mots)\n{reply.text}\n\n")
    return EXIT_OK
