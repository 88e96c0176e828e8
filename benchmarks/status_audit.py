"""Issue 20's statuses on the real export: how many drafts are ready, to complete, to
review, by the user's sentiment, with the rows of the blind reviews left out.

Drafts the real export with the tree on ``PYTHONPATH`` (``sprep draft --today
2026-12-07``, the example profile), or reads drafts already written (``--drafts``).
``--split tune|held`` keeps the rows the word lists of ``data/needs.tsv`` were tuned
on or the quarter held out (crc32 of the id modulo 4 is 0, as
``benchmarks/reading_audit.py``); ``--before FILE`` (drafts of another tree) counts
the statuses that changed, from which to which.

    PYTHONPATH=src python benchmarks/status_audit.py --split held
    PYTHONPATH=src python benchmarks/status_audit.py --drafts new.jsonl --before old.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from reading_audit import REVIEW_IDS, draft

SENTIMENTS = ("negative", "neutral", "positive")
STATUSES = ("ready", "to_complete", "to_review")


def kept(row_id: str, review: set[str], split: str | None) -> bool:
    if row_id in review:
        return False
    held = zlib.crc32(row_id.encode()) % 4 == 0
    return not ((split == "tune" and held) or (split == "held" and not held))


def records(
    path: str, review: set[str], split: str | None
) -> dict[tuple[str, str | None], dict[str, str]]:
    """The drafts of ``path`` kept, by (row id, structure id): a row drafted for two
    structures counts twice, as ``sprep draft`` counts it."""
    found = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] is not None and kept(record["id"], review, split):
                found[(record["id"], record["structure_id"])] = record
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held"))
    parser.add_argument("--drafts", help="drafts already written (sprep draft -o)")
    parser.add_argument("--before", help="drafts of another tree, to count what changed")
    arguments = parser.parse_args()
    review = {row_id for path in REVIEW_IDS for row_id in open(path).read().split()}
    path = arguments.drafts
    if path is None:
        path = str(Path(tempfile.mkdtemp()) / "drafts.jsonl")
        draft(path)
    after = records(path, review, arguments.split)
    counts = Counter((r["sentiment"], r["status"]) for r in after.values())
    print(f"{len(after)} drafts (blind-review rows left out; split: {arguments.split or 'all'})")
    for sentiment in SENTIMENTS:
        print(
            f"  {sentiment:9}"
            + " / ".join(f"{counts[(sentiment, status)]} {status}" for status in STATUSES)
        )
    if arguments.before:
        before = records(arguments.before, review, arguments.split)
        changed = Counter(
            (r["sentiment"], before[i]["status"], r["status"])
            for i, r in after.items()
            if i in before and before[i]["status"] != r["status"]
        )
        print("changed (sentiment: before -> after):")
        for (sentiment, old, new), count in sorted(changed.items()):
            print(f"  {sentiment:9}{old} -> {new}: {count}")


if __name__ == "__main__":
    main()
