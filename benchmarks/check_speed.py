"""check_reply on the real replies: this tree against an older one, in the same run.

Run:  git archive 99b2410 | tar -x -C /tmp/old-checker
      python benchmarks/check_speed.py --old /tmp/old-checker/src [--replies FILE]

Each tree runs in its own process, alternately, five rounds; the figure of a tree is
its best pass over all rounds (the least disturbed on a shared machine): the time to
check every reply once, after one warm-up pass (patterns compiled, caches filled), best
of five passes a round. Times are the process's CPU time (``time.process_time``): on a
machine shared with other work, waiting for a core is not counted. Read the ratio.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPLIES = Path("/work/shared/data/experiences-with-replies.jsonl")

_TIMER = """
import json, sys, time
from sprep_templates import check_reply
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
rows = [(r["reply_text"], r.get("pseudonym")) for r in rows if r.get("reply_text")]
for text, name in rows:
    check_reply(text, pseudonym=name, closing_added=True)
best = float("inf")
for _ in range(5):
    start = time.process_time()
    for text, name in rows:
        check_reply(text, pseudonym=name, closing_added=True)
    best = min(best, time.process_time() - start)
print(json.dumps([len(rows), best]))
"""


def one_round(src: Path, replies: Path) -> tuple[int, float]:
    out = subprocess.run(
        [sys.executable, "-c", _TIMER, str(replies)],
        env={"PYTHONPATH": str(src), "PATH": ""},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    count, seconds = json.loads(out)
    return int(count), float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="the older tree's src/")
    parser.add_argument("--replies", type=Path, default=REPLIES)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    best = {"old": float("inf"), "new": float("inf")}
    count = 0
    for _ in range(args.rounds):
        for name, src in (("old", args.old), ("new", ROOT / "src")):
            count, seconds = one_round(src, args.replies)
            best[name] = min(best[name], seconds)
    for name in ("old", "new"):
        print(f"{name}: {best[name] * 1e6 / count:8.0f} µs a reply ({count} replies)")
    print(f"new / old: {best['new'] / best['old']:.2f}")


if __name__ == "__main__":
    main()
