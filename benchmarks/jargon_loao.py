"""The `jargon` rule on replies of an administration whose replies taught it nothing.

Run:  PYTHONPATH=src python benchmarks/jargon_loao.py [--replies FILE]

Leave one administration out: the 195 real replies of
``../shared/data/experiences-with-replies.jsonl`` are grouped by network (pensions,
identity documents, taxes, family benefits, health insurance, housing aid…, from the
``organisation`` field: :func:`network`). For each network in turn, the lexicon keeps
the entries that do not come from real replies (sources other than ``[SPP]``) and the
``[SPP]`` entries that occur in a reply of ANOTHER network (they could have been learnt
there); an entry whose source names a public source beside ``[SPP]`` (``[SPP] [CDTN]``: a
glossary names the term too) is kept, since it could be written without the replies;
the replies of the held-out network are then checked with it and scored against
the hand labels of ``benchmarks/data/jargon-labels.jsonl``. Figures are pooled over the
networks (each reply is scored once, when its network is held out).

A finding is right when it overlaps a labelled span; a label is found when a finding
overlaps it (acronyms included, as in ``jargon_eval.py``). The replies stay in
../shared/data: this repository holds only the labels.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "data" / "jargon-labels.jsonl"
REPLIES = Path("/work/shared/data/experiences-with-replies.jsonl")

#: Network of an organisation, by the first key found in its name (lower case).
NETWORKS = (
    ("retraite", ("carsat", "cnav", "assurance retraite", "agirc", "cgss", "retraite")),
    ("titres", ("ants", "titres", "préfecture", "consulat")),
    ("impots", ("dgfip", "impôts", "impots", "finances publiques", "sip")),
    ("caf", ("caf", "allocations familiales")),
    ("maladie", ("cnam", "cpam", "masecurite", "assurance maladie")),
    ("habitat", ("anah", "maprim", "rénov")),
    ("urssaf", ("urssaf", "cotisants")),
    ("emploi", ("france travail", "pôle emploi")),
    ("gendarmerie", ("gendarmerie", "police")),
    ("hors-structures", ("hors-structures",)),
)


def network(organisation: str | None) -> str:
    """The network of ``organisation`` (its first administration when it names several)."""
    first = (organisation or "").split(",")[0].strip().lower()
    for name, keys in NETWORKS:
        if any(key in first for key in keys):
            return name
    return "autres"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _lexicon_lines() -> list[tuple[int, str]]:
    from sprep_templates.lexicons import _jargon as jargon

    return jargon.numbered_lines("jargon.tsv")


def _use_lines(lines: list[tuple[int, str]]) -> None:
    """Make the checker read ``lines`` as its lexicon (caches cleared)."""
    from sprep_templates.checking import _data
    from sprep_templates.lexicons import _entry_search
    from sprep_templates.lexicons import _jargon as jargon

    original = _use_lines.__dict__.setdefault("original", jargon.numbered_lines)
    jargon.numbered_lines = lambda name: lines if name == "jargon.tsv" else original(name)
    jargon.lexicon.cache_clear()
    _data.lexicon.cache_clear()
    _entry_search.entry_search.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=Path, default=REPLIES)
    parser.add_argument("--verbose", action="store_true", help="print missed labels")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from sprep_templates.checking import check_reply
    from sprep_templates.lexicons._jargon import compile_pattern

    rows = {}
    for line in args.replies.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["case_id"]] = row
    labelled = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    by_network: dict[str, list[dict]] = defaultdict(list)
    for item in labelled:
        by_network[network(rows[item["case_id"]].get("organisation"))].append(item)

    lines = _lexicon_lines()
    learnt = [(n, line) for n, line in lines if line.split("\t")[-1].strip() == "[SPP]"]
    # Where each [SPP] entry occurs: the networks whose replies it could come from.
    seen_in: dict[int, set[str]] = defaultdict(set)
    for number, line in learnt:
        pattern = re.compile(rf"\b(?:{compile_pattern(line.split(chr(9))[0].strip())})\b")
        for name, items in by_network.items():
            if any(pattern.search(rows[i["case_id"]]["reply_text"].lower()) for i in items):
                seen_in[number].add(name)

    right = total = 0
    found: Counter[str] = Counter()
    labels: Counter[str] = Counter()
    print(f"{'network':18}{'replies':>8}{'labels':>8}{'[SPP] kept':>12}{'recall':>8}{'prec.':>7}")
    for name in sorted(by_network):
        items = by_network[name]
        kept = [
            (n, line)
            for n, line in lines
            if line.split("\t")[-1].strip() != "[SPP]" or seen_in[n] - {name}
        ]
        _use_lines(kept)
        n_right = n_total = n_found = n_labels = 0
        for item in items:
            row = rows[item["case_id"]]
            text = row["reply_text"]
            spans = [
                (f.start, f.end)
                for f in check_reply(text, pseudonym=row.get("pseudonym"), closing_added=True)
                if f.rule == "jargon" and f.start is not None
            ]
            for span in spans:
                n_total += 1
                n_right += any(overlaps(span, (s["start"], s["end"])) for s in item["spans"])
            for s in item["spans"]:
                n_labels += 1
                labels[s["category"]] += 1
                if any(overlaps(span, (s["start"], s["end"])) for span in spans):
                    n_found += 1
                    found[s["category"]] += 1
                elif args.verbose:
                    print(f"    missed [{s['category']}] {s['text']!r}")
            if args.verbose:
                for span in spans:
                    if not any(overlaps(span, (s["start"], s["end"])) for s in item["spans"]):
                        print(f"    false positive {text[span[0] : span[1]]!r}")
        right, total = right + n_right, total + n_total
        kept_spp = sum(1 for n, line in kept if line.split("\t")[-1].strip() == "[SPP]")
        print(
            f"{name:18}{len(items):>8}{n_labels:>8}{kept_spp:>8}/{len(learnt):<3}"
            f"{(n_found / n_labels if n_labels else 0):>8.2f}"
            f"{(n_right / n_total if n_total else 0):>7.2f}"
        )
    _use_lines(lines)
    recall = sum(found.values()) / sum(labels.values())
    precision = right / total if total else 0.0
    print(f"\nheld-out by network, pooled: span recall {recall:.3f}, precision {precision:.3f}")
    labelled_found, labelled_total = sum(found.values()), sum(labels.values())
    print(f"({labelled_found} of {labelled_total} labels found; {right} of {total} findings right)")
    for category in sorted(labels):
        print(f"  recall, {category:10}{found[category]:>4}/{labels[category]}")


if __name__ == "__main__":
    main()
