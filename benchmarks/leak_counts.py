"""How often the checker's judgement rules fire on real published replies (issue 23):
the personal-data warnings of what replies leak beyond numbers (a postcode with a
town, a staff member's first name, the user's file recounted) and the thin reply that
only thanks (``generic``).

Run:  PYTHONPATH=src python benchmarks/leak_counts.py [--replies FILE] [--show]

Prints, for each kind, how many replies it fires on. ``--show`` prints each hit with a
few words around it, on the terminal only, for a reader to count the false ones: the
replies stay in ../shared/data and nothing of them goes into the repository. Replies
whose experience is in a blind-review list (/work/status/review*-ids.txt) are left out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPLIES = Path("/work/shared/data/experiences-with-replies.jsonl")
REVIEW_LISTS = Path("/work/status")


def _blind_ids() -> set[str]:
    ids: set[str] = set()
    for path in sorted(REVIEW_LISTS.glob("review*-ids.txt")):
        ids.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return ids


def _kind(message: str) -> str:
    if "code postal" in message:
        return "postcode and town"
    if "prénom" in message:
        return "staff first name"
    if "dossier de l’usager" in message:
        return "user's file told"
    return "other personal data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=Path, default=REPLIES)
    parser.add_argument("--show", action="store_true", help="print each hit in context")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from sprep_templates.checking import check_reply

    blind = _blind_ids()
    replies = fired = 0
    by_kind: Counter[str] = Counter()
    for line in args.replies.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if str(row.get("experience_id")) in blind or not row.get("reply_text"):
            continue
        replies += 1
        text = row["reply_text"]
        kinds = set()
        for finding in check_reply(text, pseudonym=row.get("pseudonym"), closing_added=True):
            if finding.rule == "personal-data" and finding.severity == "warning":
                kind = _kind(finding.message)
            elif finding.rule == "generic" and "remercier" in finding.message:
                kind = "thanks only"
            else:
                continue
            kinds.add(kind)
            if args.show and finding.start is not None:
                low, high = max(0, finding.start - 40), finding.end + 40
                around = text[low:high].replace("\n", " ")
                found = text[finding.start : finding.end]
                print(f"[{kind}] {row['case_id']}: …{around}…  ->  {found!r}")
            elif args.show:
                print(f"[{kind}] {row['case_id']}: {finding.message}")
        by_kind.update(kinds)
        fired += bool(kinds)
    print(f"{replies} replies; {fired} with a finding of these kinds")
    for kind, count in by_kind.most_common():
        print(f"  {kind:22}{count:>4} replies")


if __name__ == "__main__":
    main()
