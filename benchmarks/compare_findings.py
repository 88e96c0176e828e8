"""Write every finding check_reply gives over a fixed corpus to a JSON file, to compare
two versions of the library: a refactoring must leave the file byte for byte the same.

Run it once per version, then compare the files:

    PYTHONPATH=/tmp/old-main/src python benchmarks/compare_findings.py /tmp/old.json
    PYTHONPATH=src python benchmarks/compare_findings.py /tmp/new.json
    PYTHONPATH=src python benchmarks/compare_findings.py --compare /tmp/old.json /tmp/new.json

The corpus: (a) the real replies of ``--replies`` (field ``reply_text``), checked with
``closing_added=True`` and the record's pseudonym and sentiment; (b) ``--drafts`` replies
that ``draft_reply`` writes for inputs drawn with a seeded ``random.Random`` from the
pools of ``sprep_templates.testing``, checked with the arguments they were drafted with;
their ``reply.findings`` (``check_fragments``) are recorded too. Not the Hypothesis
strategies themselves: Hypothesis also draws string constants it finds in the code under
test, so its inputs change when the code does. (b') as many drafts whose agent's
sentences mix in numbers, addresses, links and acronyms. (c) The users' own texts (the
experiences of ``--replies``, the descriptions of ``--export``), which hold far more of
those than replies: their findings, their typeset text (``apply_typography``) and why
each pseudonym may not be greeted.

The data files are read where they are; nothing of them is copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sprep_templates import (
    GUARANTEED_LIMITS,
    Contact,
    Experience,
    Signature,
    apply_typography,
    draft_reply,
)
from sprep_templates.exceptions import SprepError
from sprep_templates.testing import (
    EXPORT_CHANNELS,
    FIRST_NAMES,
    HOSTILE,
    ORGANISATIONS,
    SENTIMENT_NAMES,
    WORDS,
)

try:  # the experience package since issue 19
    from sprep_templates.experience import pseudonym_problem
except ImportError:  # the flat module before it
    from sprep_templates.screening import pseudonym_problem  # type: ignore[no-redef]

try:  # the package since issue 11
    from sprep_templates.checking import check_reply
except ImportError:  # the module before it
    from sprep_templates.checker import check_reply  # type: ignore[no-redef]

DATA = Path("/work/shared/data")


def _findings(found: Iterable[Any]) -> list[list[object]]:
    return [[f.rule, f.severity, f.message, f.start, f.end] for f in found]


def real_replies(path: Path) -> list[dict[str, object]]:
    """(a) Each real reply's findings, checked as the platform's export holds it."""
    out: list[dict[str, object]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            text = record.get("reply_text")
            if not isinstance(text, str) or not text.strip():
                continue
            found = check_reply(
                text,
                closing_added=True,
                pseudonym=record.get("pseudonym"),
                sentiment=record.get("sentiment"),
            )
            out.append({"id": record.get("case_id"), "findings": _findings(found)})
    return out


# What an agent's sentences may hold that the rules look for: numbers of every kind,
# addresses, links, acronyms, jargon.
TRICKY = [
    "06 12 34 56 78",
    "01 23 45 67",
    "+33 0 12 34 56 78",
    "+33 1 23 45 67 89",
    "0033 1 23 45 67 89",
    "0044 20 7946 0958",
    "+44 20 7946 0958",
    "32 30",
    "3960",
    "1 85 05 78 006 084 36",
    "FR76 3000 6000 0112 3456 7890 189",
    "n° 1234567",
    "née le 12/03/1956",
    "10 000 €",
    "1.500",
    "2023",
    "75002",
    "1500km",
    "1000ème",
    "48h",
    "9h30",
    "jean.dupont@gmail.com",
    "o'brien@caf.fr",
    "contact@caf.fr2",
    "x@y.c",
    "http://www.caf.fr",
    "https://exemple.com/a",
    "CAF",
    "CNI (carte nationale d’identité)",
    "CERFA15776",
    "TRÈS URGENT",
    "ÉTAT",
    "A2B",
    "solliciter",
    "déploiement progressif",
    "au",
    "téléphone",
    "Madame",
    "l'agent",
    ":",
    "!",
]


# Text the public might type: letters of several scripts, digits, punctuation, symbols.
PUBLIC_CHARACTERS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     "
    "éèêàâçôûùïÉÈÀÇŒœ’'\"«»–—…!?.,;:()[]{}@#%&*/+-_=<>|~^$€\u00a0\u202fß中文Жж😀"
)


def _public_text(rng: random.Random) -> str:
    return "".join(rng.choice(PUBLIC_CHARACTERS) for _ in range(rng.randint(0, 60)))


def _sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(low, high))).capitalize() + "."


def draft_inputs(rng: random.Random, noisy: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The fields of an Experience and the other arguments of draft_reply, drawn from
    the pools of :mod:`sprep_templates.testing` (within the guaranteed limits)."""
    low = GUARANTEED_LIMITS["min_free_text_words"]
    pool = WORDS + TRICKY if noisy else WORDS
    fields = {
        "sentiment": rng.choice(SENTIMENT_NAMES),
        "id": rng.choice([None, str(rng.randint(1, 10**8))]),
        "pseudonym": rng.choice([None, rng.choice(FIRST_NAMES + HOSTILE), _public_text(rng)]),
        "title": rng.choice([None, "Relevé de carrière", "vote en ligne", _public_text(rng)]),
        "channels": tuple(rng.sample(EXPORT_CHANNELS, rng.randint(0, 3))),
    }
    contacts = [
        rng.choice(
            [
                ("phone", rng.choice(["32 30", "3960", "01 23 45 67 89", "+33 1 40 00 00 00"])),
                (
                    "web",
                    rng.choice(
                        [
                            "https://www.caf.fr/nous-contacter",
                            "https://www.service-public.fr/particuliers",
                        ]
                    ),
                ),
                ("email", "contact@exemple.gouv.fr"),
            ]
        )
        for _ in range(rng.randint(0, GUARANTEED_LIMITS["contacts"]))
    ]

    def free(limit: str) -> str | None:
        return rng.choice([None, _sentence(rng, pool, low, GUARANTEED_LIMITS[limit])])

    arguments = {
        "signature": (
            rng.choice(["Jean", "Marie Anne", "Zoé", "Jean-Baptiste"]),
            rng.choice(ORGANISATIONS),
            rng.choice([None, "Cordialement", "Bien à vous,"]),
        ),
        "contacts": contacts,
        "situation": free("situation_words"),
        "answer": free("answer_words"),
        "improvement": free("improvement_words"),
    }
    if not contacts and arguments["answer"] is None:
        arguments["contacts"] = [("web", "https://www.caf.fr/nous-contacter")]
    return fields, arguments


def drafted_replies(count: int, noisy: bool = False) -> list[dict[str, object]]:
    """(b) ``count`` drafted replies, each checked in full, and draft_reply's own findings.
    ``noisy``: the agent's sentences mix in numbers, addresses, links and acronyms."""
    rng = random.Random(11 if noisy else 7)
    out: list[dict[str, object]] = []
    for _ in range(count):
        fields, arguments = draft_inputs(rng, noisy)
        try:
            experience = Experience(**fields)
            signature = Signature(*arguments["signature"])
            contacts = [Contact(kind, value) for kind, value in arguments["contacts"]]
            reply = draft_reply(
                experience,
                signature=signature,
                contacts=contacts,
                situation=arguments["situation"],
                answer=arguments["answer"],
                improvement=arguments["improvement"],
            )
        except SprepError as error:
            out.append({"raises": f"{type(error).__name__}: {error}"})
            continue
        found = check_reply(
            reply.text,
            pseudonym=experience.pseudonym,
            signature=signature,
            contacts=contacts,
            sentiment=experience.sentiment,
        )
        out.append(
            {
                "text": reply.text,
                "findings": _findings(found),
                "draft_findings": _findings(reply.findings),
            }
        )
    return out


def user_texts(replies: Path, export: Path) -> list[tuple[str, str | None]]:
    """(text, pseudonym) of every experience the users wrote, in both data files."""
    texts: list[tuple[str, str | None]] = []
    with replies.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if isinstance(record.get("experience_text"), str):
                texts.append((record["experience_text"], record.get("pseudonym")))
    with export.open(encoding="utf-8-sig", newline="") as stream:
        for row in csv.DictReader(stream):
            if row.get("Description"):
                texts.append((row["Description"], row.get("Posté comme")))
    return texts


def users_own_texts(texts: list[tuple[str, str | None]]) -> list[dict[str, object]]:
    """Findings over the users' texts (as if they were replies), their typeset form,
    and why each pseudonym may not be greeted (None: it may)."""
    out: list[dict[str, object]] = []
    for text, pseudonym in texts:
        out.append(
            {
                "findings": _findings(check_reply(text, pseudonym=pseudonym)),
                "typeset": apply_typography(text),
                "pseudonym_problem": pseudonym_problem(pseudonym) if pseudonym else None,
            }
        )
    return out


def compare(old_path: Path, new_path: Path) -> int:
    """Print how many findings each section holds and how many differ; 1 if any does."""
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (old_path, new_path))
    status = 0
    for section in old:
        before, after = old[section], new.get(section, [])
        count: Callable[[list[dict[str, Any]]], int] = lambda items: sum(  # noqa: E731
            len(item.get("findings", ())) + len(item.get("draft_findings", ())) for item in items
        )
        differing = sum(1 for a, b in zip(before, after, strict=False) if a != b)
        differing += abs(len(before) - len(after))
        print(
            f"{section}: {len(before)} items, {count(before)} findings before, "
            f"{count(after)} after; {differing} items differ"
        )
        status |= differing > 0
    return status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, nargs="?", help="the JSON file to write")
    parser.add_argument("--replies", type=Path, default=DATA / "experiences-with-replies.jsonl")
    parser.add_argument("--export", type=Path, default=DATA / "experiences-export-sample.csv")
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("OLD", "NEW"))
    arguments = parser.parse_args()
    if arguments.compare:
        sys.exit(compare(*arguments.compare))
    if arguments.output is None:
        parser.error("give the output path, or --compare OLD NEW")
    result = {
        "real_replies": real_replies(arguments.replies),
        "drafted_replies": drafted_replies(arguments.drafts),
        "noisy_drafted_replies": drafted_replies(arguments.drafts, noisy=True),
        "users_own_texts": users_own_texts(user_texts(arguments.replies, arguments.export)),
    }
    arguments.output.write_text(
        json.dumps(result, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8"
    )
    for section, items in result.items():
        print(f"{section}: {len(items)} items")


if __name__ == "__main__":
    main()
