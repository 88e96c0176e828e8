"""Audit the sensitive-case and phone-unreachable detectors on real experiences.

    python benchmarks/sensitive_audit.py EXPORT.csv [REPLIES.jsonl] [--show CATEGORY|all]
        [--misses N] [--time]

Counts, per category, the descriptions flagged by ``sensitive_concerns`` and by
``says_phone_unreachable``; ``--show`` prints every hit with 80 characters either
side, to read them and judge each; ``--misses N`` prints N descriptions that are
not flagged but hold a related word (mort, battu, menace, enfant…), to look for
what the patterns miss (``--misses-phone N``: the same for the phone); ``--time``
measures the detectors on 1,200 descriptions of 8,000 characters. The data stay
where they are: nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from sprep_templates.experience import CATEGORIES, phone_unreachable_span, sensitive_concerns
from sprep_templates.export import repair_c1

RELATED = re.compile(
    r"\b(?:mort|morte|décès|deces|décéd|defunt|défunt|battu|menac|enfant|fils|fille|"
    r"violen|agress|harc|suicid|viol|danger|frapp|peur|police|plainte|gendarm)",
    re.I,
)
PHONE_RELATED = re.compile(
    r"\b(?:téléphon|telephon|joindre|répond|repond|décroch|attente|appel|standard|"
    r"plateforme|numéro|sonne)",
    re.I,
)


def read_texts(export: Path, replies: Path | None) -> list[tuple[str, str]]:
    """(label, description) of every experience, cp1252 mangling repaired."""
    texts = []
    with export.open(encoding="utf-8-sig", newline="") as stream:
        for row in csv.DictReader(stream):
            texts.append((f"export:{row['ID expérience']}", repair_c1(row["Description"] or "")))
    if replies is not None:
        with replies.open(encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                record = json.loads(line)
                text = repair_c1(record.get("experience_text") or "")
                texts.append((f"replies:{number}", text))
    return texts


def context(text: str, start: int, end: int, width: int = 80) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return f"{before}[[{text[start:end]}]]{after}".replace("\n", " ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("export", type=Path)
    parser.add_argument("replies", type=Path, nargs="?")
    parser.add_argument("--show", help="a category, 'phone' or 'all': print each hit in context")
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--misses-phone", type=int, default=0)
    parser.add_argument("--time", action="store_true")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    texts = read_texts(args.export, args.replies)
    sources = Counter(label.split(":")[0] for label, _ in texts)
    per_category: Counter[str] = Counter()
    flagged = phone = 0
    unflagged: list[tuple[str, str]] = []
    unphoned: list[tuple[str, str]] = []
    for label, text in texts:
        concerns = sensitive_concerns(text)
        flagged += bool(concerns)
        for concern in concerns:
            per_category[concern.category] += 1
            if args.show in (concern.category, "all"):
                print(f"{label} {concern.category}: {context(text, concern.start, concern.end)}")
        if not concerns and RELATED.search(text):
            unflagged.append((label, text))
        span = phone_unreachable_span(text)
        if span:
            phone += 1
            if args.show in ("phone", "all"):
                print(f"{label} phone: {context(text, *span)}")
        elif PHONE_RELATED.search(text):
            unphoned.append((label, text))
    print(f"{len(texts)} descriptions ({dict(sources)})")
    print(f"sensitive: {flagged} flagged")
    for category in CATEGORIES:
        print(f"  {category}: {per_category[category]}")
    print(f"phone unreachable: {phone}")
    shuffle = random.Random(args.seed)
    for candidates, wanted, pattern in (
        (unflagged, args.misses, RELATED),
        (unphoned, args.misses_phone, PHONE_RELATED),
    ):
        for label, text in shuffle.sample(candidates, min(wanted, len(candidates))):
            for match in pattern.finditer(text):
                print(f"{label} not flagged: {context(text, match.start(), match.end())}")
    if args.time:
        long_texts = [(text * (8000 // max(len(text), 1) + 1))[:8000] for _, text in texts[:1200]]
        begin = time.perf_counter()
        for text in long_texts:
            sensitive_concerns(text)
        middle = time.perf_counter()
        for text in long_texts:
            phone_unreachable_span(text)
        end = time.perf_counter()
        print(
            f"1,200 descriptions of 8,000 characters: sensitive_concerns {middle - begin:.3f} s, "
            f"phone_unreachable_span {end - middle:.3f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
