"""The `jargon` rule measured where it could not have learnt: which figure is out of sample.

Run:  PYTHONPATH=src python benchmarks/jargon_heldout.py [--replies FILE] [--speed]

Two measures on the 195 real replies of ``../shared/data/experiences-with-replies.jsonl``,
scored against the hand labels that ``jargon_loao.py`` and ``jargon_eval.py`` use
(``benchmarks/data/jargon-labels.jsonl``, made before the lexicon grew; not relabelled):

(a) **licensed entries only** — the lexicon cut down to the entries of ``jargon.tsv`` and
    ``register.tsv`` that come from a licensed public source (:data:`LICENSED`: the tags
    of glossaries whose terms were taken as published, whatever these replies say). Two
    cuts: *strict*, every source tag of the entry is licensed (the entry was written
    from the glossary); *named*, one of its tags is (a glossary names the term, but the
    entry's forms were written by people who had read these replies). Scored without
    the acronym labels and the acronym findings (the acronym rule is not a lexicon entry),
    and then with them, for comparison with (b). **The strict figure is the
    out-of-sample one**: neither the choice of the terms nor their patterns came from
    these replies (the glossaries were published before and apart from them). The
    plain wordings and the context rules of those entries are ours. One caveat: a few
    glossary terms of earlier rounds were dropped after they fired outside the labels
    of these replies (``register.tsv``'s header lists them), so the precision of the
    strict cut is slightly flattering; the 41 entries of the third round were measured
    once and kept as they were.
(b) **the full lexicon, leave one administration out** — as ``jargon_loao.py`` (its
    functions): for each network, the ``[SPP]`` entries (learnt from real replies) are
    kept only when a reply of another network holds them. Held out for ``[SPP]`` only:
    every other entry was written, or narrowed, by people who had read all 195 replies.
    **Not out of sample**: an upper bound.

A finding is right when it overlaps a labelled span; a label is found when a finding
overlaps it. ``--speed`` also times ``check_reply`` on the 195 replies with the lexicon
of ``main`` (``git show main:…``) and with this tree's, in this one run, and prints the
ratio. The replies stay in ../shared/data: this repository holds only the labels.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "src"))

import jargon_loao  # noqa: E402  (the benchmarks folder is not a package)

LABELS = jargon_loao.LABELS
REPLIES = jargon_loao.REPLIES
FILES = ("jargon.tsv", "register.tsv")

#: Source tags of licensed public glossaries (data/README.md names each with its licence).
LICENSED = frozenset({"[CDTN]", "[TESS]"})

_TAG = re.compile(r"\[[A-Z0-9]+\]")
_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9+&.’'-]*[A-Z+]")

Lines = dict[str, list[tuple[int, str]]]


def source_tags(line: str) -> set[str]:
    """The source tags (``[CDTN]``, ``[SPP]``…) of a lexicon line's last column."""
    return set(_TAG.findall(line.split("\t")[-1]))


def licensed_lines(lines: Iterable[tuple[int, str]], *, strict: bool) -> list[tuple[int, str]]:
    """The lines whose source is licensed: every tag (``strict``) or one of them."""
    keep: Callable[[set[str]], bool] = (
        (lambda tags: bool(tags) and tags <= LICENSED)
        if strict
        else (lambda tags: bool(tags & LICENSED))
    )
    return [(number, line) for number, line in lines if keep(source_tags(line))]


def use_lexicon(lines: Lines) -> None:
    """Make the checker read ``lines`` (by file name) as its lexicon, caches cleared."""
    from sprep_templates.checking import _data
    from sprep_templates.lexicons import _entry_search
    from sprep_templates.lexicons import _jargon as jargon

    original = use_lexicon.__dict__.setdefault("original", jargon.numbered_lines)
    jargon.numbered_lines = lambda name: lines[name] if name in lines else original(name)
    jargon.lexicon.cache_clear()
    _data.lexicon.cache_clear()
    _entry_search.entry_search.cache_clear()


def bundled() -> Lines:
    from sprep_templates.lexicons._files import numbered_lines

    return {name: numbered_lines(name) for name in FILES}


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.fullmatch(text.strip()))


class Score:
    """Pooled span recall and precision."""

    def __init__(self) -> None:
        self.found = self.labels = self.right = self.findings = 0

    def add(self, spans: list[tuple[int, int]], labels: list[tuple[int, int]]) -> None:
        overlaps = jargon_loao.overlaps
        self.findings += len(spans)
        self.right += sum(any(overlaps(s, label) for label in labels) for s in spans)
        self.labels += len(labels)
        self.found += sum(any(overlaps(s, label) for s in spans) for label in labels)

    def line(self, name: str) -> str:
        recall = self.found / self.labels if self.labels else 0.0
        precision = self.right / self.findings if self.findings else 0.0
        return (
            f"{name:58} recall {recall:.3f} ({self.found}/{self.labels})"
            f"  precision {precision:.3f} ({self.right}/{self.findings})"
        )


def jargon_spans(row: dict) -> list[tuple[int, int]]:
    from sprep_templates.checking import check_reply

    return [
        (f.start, f.end)
        for f in check_reply(row["reply_text"], pseudonym=row.get("pseudonym"), closing_added=True)
        if f.rule == "jargon" and f.start is not None and f.end is not None
    ]


def score_lexicon(rows: dict, items: list[dict], lines: Lines) -> tuple[Score, Score]:
    """(without acronyms, with them) for the lexicon ``lines``."""
    use_lexicon(lines)
    bare, whole = Score(), Score()
    for item in items:
        row = rows[item["case_id"]]
        spans = jargon_spans(row)
        labels = [(s["start"], s["end"]) for s in item["spans"]]
        whole.add(spans, labels)
        text = row["reply_text"]
        bare.add(
            [s for s in spans if not is_acronym(text[s[0] : s[1]])],
            [(s["start"], s["end"]) for s in item["spans"] if s["category"] != "acronym"],
        )
    return bare, whole


def leave_one_administration_out(rows: dict, items: list[dict], lines: Lines) -> Score:
    """(b): as ``jargon_loao.py``: [SPP] entries kept for a network only when a reply of
    another network holds them."""
    from sprep_templates.lexicons._jargon import compile_pattern

    by_network: dict[str, list[dict]] = {}
    for item in items:
        name = jargon_loao.network(rows[item["case_id"]].get("organisation"))
        by_network.setdefault(name, []).append(item)
    learnt = [
        (file, n, line)
        for file in FILES
        for n, line in lines[file]
        if line.split("\t")[-1].strip() == "[SPP]"
    ]
    seen_in: dict[tuple[str, int], set[str]] = {}
    for file, number, line in learnt:
        pattern = re.compile(rf"\b(?:{compile_pattern(line.split(chr(9))[0].strip())})\b")
        seen_in[file, number] = {
            name
            for name, group in by_network.items()
            if any(pattern.search(rows[i["case_id"]]["reply_text"].lower()) for i in group)
        }
    total = Score()
    for name, group in sorted(by_network.items()):
        kept = {
            file: [
                (n, line)
                for n, line in lines[file]
                if line.split("\t")[-1].strip() != "[SPP]" or seen_in[file, n] - {name}
            ]
            for file in FILES
        }
        use_lexicon(kept)
        for item in group:
            total.add(
                jargon_spans(rows[item["case_id"]]), [(s["start"], s["end"]) for s in item["spans"]]
            )
    return total


def main_lines() -> Lines:
    """The lexicon files of the ``main`` branch (for the speed ratio)."""
    out: Lines = {}
    for name in FILES:
        text = subprocess.run(
            ["git", "show", f"main:src/sprep_templates/data/{name}"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        out[name] = [
            (n, line)
            for n, line in enumerate(text.splitlines(), start=1)
            if line.strip() and not line.startswith("#")
        ]
    return out


def seconds(rows: list[dict], lines: Lines, run: int) -> float:
    """CPU seconds to check every reply once with ``lines``, each reply made new by a
    line naming ``run`` (so that nothing kept of an earlier pass serves)."""
    from sprep_templates.caches import clear_caches
    from sprep_templates.checking import check_reply

    use_lexicon(lines)
    check_reply(rows[0]["reply_text"], closing_added=True)  # compile outside the timing
    clear_caches()
    texts = [(f"{row['reply_text']}\nPassage {run}.", row.get("pseudonym")) for row in rows]
    start = time.process_time()
    for text, pseudonym in texts:
        check_reply(text, pseudonym=pseudonym, closing_added=True)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=Path, default=REPLIES)
    parser.add_argument("--speed", action="store_true", help="check_reply: main vs this tree")
    args = parser.parse_args()
    rows = {}
    for line in args.replies.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["case_id"]] = row
    items = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    lines = bundled()
    for file in FILES:
        counts: dict[str, int] = {}
        for _, line in lines[file]:
            for tag in source_tags(line) & LICENSED:
                counts[tag] = counts.get(tag, 0) + 1
        print(f"{file}: {len(lines[file])} entries; licensed tags: {counts}")

    print("\n(a) licensed entries only — OUT OF SAMPLE (strict cut)")
    for strict, name in ((True, "strict: every tag licensed"), (False, "named: a tag licensed")):
        cut = {file: licensed_lines(lines[file], strict=strict) for file in FILES}
        size = sum(len(v) for v in cut.values())
        bare, whole = score_lexicon(rows, items, cut)
        print(bare.line(f"  {name} ({size} entries), no acronyms"))
        print(whole.line(f"  {name} ({size} entries), acronym rule too"))

    print("\n(b) full lexicon, leave one administration out — NOT out of sample (upper bound)")
    print(leave_one_administration_out(rows, items, lines).line("  all entries, acronyms included"))
    bare, whole = score_lexicon(rows, items, lines)
    print(whole.line("  (all entries, nothing held out: in-sample)"))

    if args.speed:
        replies = [row for row in rows.values() if isinstance(row.get("reply_text"), str)]
        old = main_lines()
        # interleaved, best of five each: the machine's load weighs on both alike
        pairs = [
            (seconds(replies, old, 2 * run), seconds(replies, lines, 2 * run + 1))
            for run in range(5)
        ]
        before = min(pair[0] for pair in pairs)
        after = min(pair[1] for pair in pairs)
        print(
            f"\ncheck_reply on {len(replies)} replies: main's lexicon {before:.3f} s, this "
            f"tree's {after:.3f} s: ratio {after / before:.2f}"
        )
    use_lexicon(lines)


if __name__ == "__main__":
    main()
