"""The ``sprep`` command line's parser: every command and option, with its help."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from .. import __version__
from ..export import MAX_JOBS, STATUSES
from ..inputs import SENTIMENTS
from ._common import EPILOG
from .check import check_command
from .draft import draft_command
from .profile import profile_command
from .templates import templates_command

__all__ = ["build_parser"]


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


class _Formatter(argparse.HelpFormatter):
    """Descriptions wrapped as usual; the table of exit codes kept as it is laid out."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith("exit status"):
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``sprep`` and its commands."""
    parser = argparse.ArgumentParser(
        prog="sprep",
        description="Draft and check replies to Services Publics + experiences (DITP guide).",
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"sprep {__version__}")
    commands = parser.add_subparsers(
        dest="command", parser_class=_SubParser, metavar="{check,draft,profile,templates}"
    )

    check = commands.add_parser(
        "check",
        help="check replies against the guide's rules",
        description=(
            "Check a reply (a text file, or - for standard input) and print its findings as "
            "FILE:LINE:COLUMN: severity [rule] message. With --jsonl, check a column of a "
            "JSON-lines or CSV file and print how many replies break each rule."
        ),
    )
    check.add_argument("file", nargs="?", help="the reply to check; - for standard input")
    check.add_argument("--jsonl", metavar="FILE", help="a JSON-lines or .csv file of replies")
    check.add_argument("--field", default="reply_text", help="the column holding the replies")
    check.add_argument("--pseudonym", help="the user's pseudonym, for the greeting rule")
    check.add_argument("--sentiment", help="positive, neutral or negative (Positif, Neutre…)")
    check.add_argument("--pseudonym-field", help="with --jsonl: the column of pseudonyms")
    check.add_argument("--sentiment-field", help="with --jsonl: the column of sentiments")
    check.add_argument(
        "--closing-added",
        action="store_true",
        help="the platform adds the politeness formula and signature: skip the signature rule",
    )
    check.add_argument(
        "--official-domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="another domain replies may link to (repeatable)",
    )
    check.add_argument(
        "--encoding",
        metavar="NAME",
        help="the input's encoding (utf-8, cp1252, latin-1, utf-16…); default: detected "
        "from its first 64 KiB (a BOM, else UTF-8 when it reads as UTF-8, else cp1252)",
    )
    check.add_argument("--locale", choices=("fr", "en"), default="fr", help="language of messages")
    check.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text, or json: for one reply, one object (findings with rule, severity, "
        "message, start, end, line, column; counts); with --jsonl, one object (checked, "
        "failing, by_rule, stock_groups, replies with their findings)",
    )
    check.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when a reply has an error (for an audit in a script): only a "
        "check that could not run fails (exit 2), or a --jsonl row that could not be checked",
    )
    check.add_argument(
        "--details",
        action="store_true",
        help="with --jsonl: print every finding, each reply named by its id (--id-field) "
        "when it has one, else FILE:LINE",
    )
    check.add_argument(
        "--id-field",
        help="with --jsonl: the column naming each reply in the stock groups (default: the "
        "first of case_id, id, ID expérience the row has, else its line number)",
    )
    check.add_argument(
        "--stock-min",
        type=int,
        default=3,
        metavar="N",
        help="with --jsonl: report replies sent N times or more as stock replies (default 3)",
    )
    check.add_argument(
        "--similarity",
        type=float,
        default=0.7,
        help="with --jsonl: how alike two replies must be to count as one text (Jaccard "
        "similarity of their word pairs, default 0.7; 1 for exact repetitions only)",
    )
    check.set_defaults(run=check_command)

    draft = commands.add_parser(
        "draft",
        help="prefill a draft for every experience of the platform's export",
        description=(
            "Draft a reply for every experience waiting for an answer in the platform's CSV "
            "export (or JSON lines with the Experience fields). Writes JSON lines (or CSV, by "
            "the extension of OUT): id, sentiment, tone, status, attention, word_count, text, "
            "body, personalised_by, notes, findings. "
            "Bad rows go to the rejects file with their line number and the reason."
        ),
    )
    draft.add_argument("input", help="the export (CSV) or JSON lines; - for standard input")
    draft.add_argument("-o", "--output", help="where to write the drafts (default: stdout)")
    draft.add_argument(
        "--profile", help="TOML profile: signature, contacts, templates (default: the example)"
    )
    draft.add_argument(
        "--rejects",
        help="where to write rejected rows (default: drafts.rejects.jsonl for -o drafts.jsonl, "
        "or stderr)",
    )
    draft.add_argument(
        "--jobs", type=int, default=1, help=f"number of processes (default 1, at most {MAX_JOBS})"
    )
    draft.add_argument(
        "--structure",
        action="append",
        metavar="NAME",
        help="only draft for this structure: its name or its id (repeatable)",
    )
    draft.add_argument(
        "--require-structure-profile",
        action="store_true",
        help="skip the structures that no [[structures]] section of the profile matches, "
        "instead of signing them with the default",
    )
    draft.add_argument(
        "--all", action="store_true", help="also draft experiences that already have an answer"
    )
    draft.add_argument(
        "--resume",
        action="store_true",
        help="go on from OUT.partial (what an interrupted run kept), else from OUT: keep "
        "its drafts and skip their ids",
    )
    draft.add_argument(
        "--templates", metavar="DIR", help="a folder of custom templates (over the profile's)"
    )
    draft.add_argument(
        "--excel",
        action="store_true",
        help="with -o OUT.csv: a CSV French Excel opens by double-click (UTF-8 with a BOM, "
        "; between cells, lists as plain text, one item a line)",
    )
    draft.add_argument(
        "--accept-rejects",
        action="store_true",
        help="exit 0 when some rows are rejected but every draft is written (the rejects "
        "file still lists them)",
    )
    draft.add_argument(
        "--fail-on-warning",
        action="store_true",
        help="exit 5 after a warning (no --profile, a profile section matching no "
        "structure): a nightly job's log is not read, its exit status is",
    )
    draft.add_argument(
        "--status",
        action="append",
        choices=STATUSES,
        help="write only the drafts of this status (repeatable): to_review (an error, or a "
        "sensitive case to read first), to_complete (a negative or neutral experience whose "
        "difficulty the draft does not name: add a sentence), ready",
    )
    draft.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the date the replies are written, for the apology for a late answer (default: today)",
    )
    draft.add_argument(
        "--encoding",
        metavar="NAME",
        help="the input's encoding (utf-8, cp1252, latin-1, utf-16…); default: detected "
        "from its first 64 KiB (a BOM, else UTF-8 when it reads as UTF-8, else cp1252)",
    )
    draft.add_argument("--quiet", action="store_true", help="no progress report")
    draft.set_defaults(run=draft_command)

    profile = commands.add_parser(
        "profile",
        help="check a profile, and which section signs each structure of an export",
        description="Validate a profile (sprep profile check PROFILE) and, given an export, "
        "list per structure its rows, those waiting for an answer, and the section that "
        "would sign its drafts.",
    )
    profile.add_argument("action", choices=("check",))
    profile.add_argument("profile", help="the TOML profile")
    profile.add_argument("export", nargs="?", help="an export (CSV or JSON lines); - for stdin")
    profile.set_defaults(run=profile_command)

    templates = commands.add_parser(
        "templates",
        help="list the template folders and steps, or preview replies",
        description="List the template folders and the phrasings of each step, preview "
        "sample replies (`sprep templates preview --sentiment negative`), or lint a folder "
        "of custom templates (`sprep templates lint DIR`: syntax errors with file:line, "
        "unknown variables, and the guide's rules over generated inputs).",
    )
    templates.add_argument("action", nargs="?", choices=("list", "preview", "lint"), default="list")
    templates.add_argument("folder", nargs="?", help="a folder of custom templates")
    templates.add_argument("--templates", metavar="DIR", help="a folder of custom templates")
    templates.add_argument("--sentiment", choices=SENTIMENTS, help="preview only this sentiment")
    templates.add_argument("--count", type=int, default=3, help="replies per sentiment (3)")
    templates.add_argument("--profile", help="TOML profile for the signature and contacts")
    templates.set_defaults(run=templates_command)
    return parser


class _SubParser(argparse.ArgumentParser):
    """A command's parser: its help ends with the table of exit codes."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("epilog", EPILOG)
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(**kwargs)
