"""The exhaustive length proof: how long it takes, and that its bounds do not change.

Run:  python benchmarks/length_proof.py                       (this tree, every case)
      python benchmarks/length_proof.py --compare /tmp/old/src  (an older tree too:
                                  every case run by both, each in its own process)
      python benchmarks/length_proof.py --save bounds.json      (keep this tree's bounds)
      python benchmarks/length_proof.py --against bounds.json   (compare with kept ones)
      python benchmarks/length_proof.py --cases builtin,short   (some cases only)

Cases: ``builtin`` (the built-in templates, as ``tests/test_length_bounds.py`` proves
them) and three custom folders over them, proven in the sandbox as ``sprep templates
lint`` does: ``short`` (a phrasing made too short: ``negative/thanks/01.j2`` is
"Merci."), ``long`` (a phrasing made too long), ``extra`` (a phrasing reading
variables it did not: ``agents``, and ``similar`` through a ``set``, with digits).

Each case runs ``length_bounds`` in a fresh process (``PYTHONPATH`` the tree's
``src``) and reports its CPU time (the process's own: a shared machine's waits are
not counted) and its bounds. The comparison is of every field of every bound
(shortest, longest, the phrasings): any difference is printed and the exit status is 1.
The proof takes minutes on an old tree: run it once, not in a loop.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = ROOT / "templates"

#: The worker run in each process: the proof of one folder (or the built-in one).
WORKER = """
import json, sys, time, attrs
from sprep_templates.drafting import length_bounds, load_template_set
folder = sys.argv[1] or None
start = time.process_time()
bounds = length_bounds(load_template_set(folder))
seconds = time.process_time() - start
print(json.dumps({"seconds": seconds, "bounds": [attrs.asdict(b) for b in bounds]}))
"""


def _overlay(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _cases(work: Path) -> dict[str, str]:
    """Each case's folder ("" for the built-in templates)."""
    short = work / "short"
    _overlay(short, "negative/thanks/01.j2", "Merci.\n")
    long = work / "long"
    name = "positive/acknowledgement/02.j2"
    _overlay(
        long,
        name,
        (BUILTIN / name).read_text(encoding="utf-8").rstrip("\n")
        + " Nous vous remercions encore très sincèrement pour ce message si détaillé, "
        "qui nous aide beaucoup à comprendre ce que vous avez vécu avec nos services, "
        "jour après jour, et à mieux faire la prochaine fois.\n",
    )
    extra = work / "extra"
    name = "neutral/thanks/01.j2"
    _overlay(
        extra,
        name,
        (BUILTIN / name).read_text(encoding="utf-8").rstrip("\n")
        + "{% set others = similar %}{% if agents %} Merci pour nos agents.{% endif %}"
        "{% if others %} Vous êtes {{ others + 1 }} à nous l’écrire.{% endif %}\n",
    )
    return {"builtin": "", "short": str(short), "long": str(long), "extra": str(extra)}


def _run(src: str, folder: str) -> dict[str, object]:
    environment = dict(os.environ, PYTHONPATH=src)
    done = subprocess.run(
        [sys.executable, "-c", WORKER, folder],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the proof failed with PYTHONPATH={src}:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _differences(label: str, ours: list[dict[str, object]], theirs: list[dict[str, object]]):
    if len(ours) != len(theirs):
        return [f"{label}: {len(ours)} bounds against {len(theirs)}"]
    return [f"{label}: {a}\n   against {b}" for a, b in zip(ours, theirs, strict=True) if a != b]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compare", metavar="OLD_SRC", help="an older tree's src folder")
    parser.add_argument("--save", metavar="FILE", help="write this tree's bounds as JSON")
    parser.add_argument("--against", metavar="FILE", help="compare with bounds --save wrote")
    parser.add_argument("--cases", default="builtin,short,long,extra")
    arguments = parser.parse_args(argv)
    wanted = arguments.cases.split(",")
    kept = json.loads(Path(arguments.against).read_text()) if arguments.against else None
    differences: list[str] = []
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as work:
        cases = _cases(Path(work))
        unknown = set(wanted) - set(cases)
        if unknown:
            parser.error(f"unknown cases {sorted(unknown)}; known: {', '.join(cases)}")
        for case in wanted:
            ours = _run(str(ROOT / "src"), cases[case])
            results[case] = ours["bounds"]
            line = f"{case:8} this tree {ours['seconds']:7.1f} s"
            if arguments.compare:
                theirs = _run(arguments.compare, cases[case])
                ratio = theirs["seconds"] / max(ours["seconds"], 1e-9)  # type: ignore[operator]
                line += f"   old tree {theirs['seconds']:7.1f} s   ({ratio:.1f}x faster)"
                differences += _differences(
                    f"{case} (old tree)",
                    ours["bounds"],  # type: ignore[arg-type]
                    theirs["bounds"],  # type: ignore[arg-type]
                )
            if kept is not None and case in kept:
                differences += _differences(f"{case} (saved)", ours["bounds"], kept[case])  # type: ignore[arg-type]
            bounds = ours["bounds"]
            too_short = sum(b["shortest"] < 60 for b in bounds)  # type: ignore[union-attr,index]
            too_long = sum(b["longest"] > 150 for b in bounds)  # type: ignore[union-attr,index]
            print(f"{line}   bounds under 60: {too_short}, over 150: {too_long}", flush=True)
    if arguments.save:
        Path(arguments.save).write_text(json.dumps(results, ensure_ascii=False, indent=1))
    if differences:
        print("DIFFERENT BOUNDS:\n" + "\n".join(differences))
        return 1
    if arguments.compare or kept is not None:
        print("same bounds (every field) in every case compared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
