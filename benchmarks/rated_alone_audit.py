"""Should a criterion rated negative that the words neither tell nor contradict be
named (issue 20, session 8, point c)?

Over drafts of the real export (review rows left out, ``reading_audit.load_rows``),
takes the replies of regret that name no problem of the user's, and each criterion
rated negative that the draft does not name and the library's reader does not find
contradicted. Naming it would say « des délais trop longs », « une démarche trop
compliquée »… from the rating alone. Each such criterion is classed by this audit's
own word lists (``criteria_audit.TOLD_NEGATIVE`` and ``OPPOSITE``, independent of the
reader): told by the words (naming it would be right), contradicted (naming it would
be wrong), or neither (the rating is all there is).

    PYTHONPATH=src python benchmarks/rated_alone_audit.py drafts.jsonl --split tune
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from criteria_audit import LABELS, OPPOSITE, RATING_COLUMNS, TOLD_NEGATIVE
from reading_audit import _fold, load_rows

from sprep_templates.experience import read_said
from sprep_templates.experience._problems import PROBLEM_PHRASES


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drafts")
    parser.add_argument("--split", choices=("tune", "held"))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    rows = load_rows(args.split)
    drafts = [json.loads(line) for line in open(args.drafts, encoding="utf-8")]
    drafts = [d for d in drafts if d["id"] in rows]
    problems = tuple(PROBLEM_PHRASES.values())
    classes: Counter[str] = Counter()
    per_criterion: Counter[tuple[str, str]] = Counter()
    for d in drafts:
        if d["tone"] == "positive" or any(p in d["text"] for p in problems):
            continue
        row = rows[d["id"]]
        if len(row["Description"].split()) <= 12:
            continue
        said = read_said(row["Titre"], row["Description"])
        words = _fold(row["Titre"] + ". " + row["Description"])
        for criterion, column in RATING_COLUMNS.items():
            if row[column] != "Négatif" or criterion in said.contradicted:
                continue
            if any(label in d["text"] for label in LABELS[criterion]):
                continue
            if OPPOSITE[criterion].search(words):
                kind = "contradicted"
            elif TOLD_NEGATIVE[criterion].search(words):
                kind = "told"
            else:
                kind = "neither"
            classes[kind] += 1
            per_criterion[criterion, kind] += 1
            if args.show:
                print(d["id"], criterion, kind)
    total = sum(classes.values())
    print(f"{len(drafts)} drafts (review rows left out; split {args.split or 'all'})")
    print(
        f"criteria rated negative, unnamed, not contradicted by the reader: {total}; "
        + ", ".join(f"{kind} {classes[kind]}" for kind in ("told", "neither", "contradicted"))
    )
    for criterion in RATING_COLUMNS:
        print(
            f"  {criterion}: "
            + ", ".join(
                f"{kind} {per_criterion[criterion, kind]}"
                for kind in ("told", "neither", "contradicted")
            )
        )


if __name__ == "__main__":
    main()
