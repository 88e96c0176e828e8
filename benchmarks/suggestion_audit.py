"""Audit of issue 20, kind 5 (session 8): is the user's suggestion named in the draft?

Counts, over drafts of the real export (``sprep draft --today 2026-12-07``, the rows of
the blind reviews left out, as ``reading_audit.load_rows``):

- drafts with a suggestion note (the reader saw one: « the user makes a suggestion… »,
  or the status's « … suggestion the reply does not name … »);
- drafts that thank a suggestion (« suggestion » in the reply), and those that name it
  with a topic (« suggestion sur … »), split by what the topic is: what the user
  proposes (``experience._suggestions.TOPIC_PHRASES``) or only its domain;
- ``ready`` drafts whose user makes a suggestion (by the words below, written here,
  independent of the library's reader) that the reply does not name with a topic.

    PYTHONPATH=src python benchmarks/suggestion_audit.py drafts.jsonl [--split tune|held]
        [--show named|unnamed-ready] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from reading_audit import _fold, load_rows

from sprep_templates.experience import SUGGESTION_TOPICS
from sprep_templates.experience._suggestions import TOPIC_PHRASES

#: A suggestion, as a reader would spot one (folded): the issue's cues, written here.
SUGGESTS = re.compile(
    r"\b(?:il serait (?:\w+ )?(?:bien|bon|judicieux|utile|souhaitable|interessant|pratique)"
    r"|ce serait (?:\w+ )?(?:bien|bon|mieux|utile|pratique)|pourquoi ne pas (?!m'|me |nous |avoir)"
    r"|il faudrait (?!des |que je|me |m')|je suggere|je propose|ne serait-il pas possible de"
    r" (?!me |m')|suggestion)"
)
THANKED = re.compile(r"suggestion")
NAMED = re.compile(r"suggestion sur (.+?)(?:\s:| nous aide| avec nos équipes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drafts")
    parser.add_argument("--split", choices=("tune", "held"))
    parser.add_argument("--show", choices=("named", "unnamed-ready"))
    parser.add_argument("--limit", type=int, default=15)
    args = parser.parse_args()
    rows = load_rows(args.split)
    drafts = [json.loads(line) for line in open(args.drafts, encoding="utf-8")]
    drafts = [d for d in drafts if d["id"] in rows]
    proposals = set(TOPIC_PHRASES.values())
    domains = set(SUGGESTION_TOPICS.values()) - proposals
    counts: Counter[str] = Counter()
    shown = 0
    for d in drafts:
        text = d["body"] if "body" in d else d["text"]
        row = rows[d["id"]]
        notes = " ".join(d["notes"])
        noted = "makes a suggestion" in notes
        counts["drafts"] += 1
        counts["suggestion note"] += noted
        thanked = bool(THANKED.search(text))
        counts["thanked"] += thanked
        named = NAMED.search(text)
        topic = named.group(1) if named else None
        counts["named with a topic"] += topic is not None
        counts["  of which a proposal"] += topic in proposals
        counts["  of which a domain only"] += topic in domains
        user_suggests = bool(SUGGESTS.search(_fold(f"{row['Titre']}. {row['Description']}")))
        counts["user suggests (script's words)"] += user_suggests
        unnamed_ready = user_suggests and d["status"] == "ready" and topic not in proposals
        counts["ready, user suggests, not named"] += unnamed_ready
        counts["ready with a suggestion note, not named"] += (
            noted and d["status"] == "ready" and topic not in proposals
        )
        if shown < args.limit and (
            (args.show == "named" and topic is not None)
            or (args.show == "unnamed-ready" and unnamed_ready)
        ):
            shown += 1
            print(d["id"], d["status"], "| topic:", topic)
            print("  NOTES:", [n for n in d["notes"] if "suggest" in n])
            print("  DESC:", " ".join(row["Description"].split())[:900])
            print()
    for name, value in counts.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
