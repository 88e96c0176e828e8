"""The `jargon` rule on the held-out variant sentences of issue 23.

Run:  PYTHONPATH=src python benchmarks/jargon_variants.py [--verbose] [--file FILE]

``tests/data/jargon-variants-heldout.tsv`` holds 60 sentences in administrative
register (negation, an inserted adverb, inflection, derivation, context, a formal
closing) and 30 everyday sentences with the same words, written before the matching
was changed and frozen. An administrative sentence is found when a jargon finding
overlaps its key word; every finding that does not is wrong (all findings on the
plain sentences are). Prints recall per variant, overall recall, precision per finding
and the plain sentences flagged.

``--file tests/data/jargon-morphology-heldout.tsv``: the second frozen set (session 8,
written before that session's changes of matching): 61 administrative sentences
(inflection of adjectives and participles, other tenses of a verb, derived nouns, verbs
and adjectives, negation, inserted adverbs) and 30 plain ones.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "data" / "jargon-variants-heldout.tsv"


def rows(path: Path = HELDOUT) -> list[tuple[str, str, str, str]]:
    """The file's (kind, key, variant, sentence) rows."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, key, variant, sentence = line.split("\t")
        found.append((kind, key, variant, sentence))
    return found


def key_span(sentence: str, key: str) -> tuple[int, int]:
    start = sentence.lower().index(key.lower())
    return start, start + len(key)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--file", type=Path, default=HELDOUT, help="a frozen set of sentences")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from sprep_templates.checking import check_reply

    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    right = findings = 0
    flagged_plain = []
    for kind, key, variant, sentence in rows(args.file):
        spans = [
            (f.start, f.end)
            for f in check_reply(sentence, closing_added=True)
            if f.rule == "jargon" and f.start is not None
        ]
        findings += len(spans)
        if kind == "plain":
            if spans:
                flagged_plain.append((sentence, [sentence[a:b] for a, b in spans]))
            continue
        total[variant] += 1
        start, end = key_span(sentence, key)
        hits = [s for s in spans if s[0] < end and start < s[1]]
        right += len(hits)
        if hits:
            found[variant] += 1
        elif args.verbose:
            print(f"  missed [{variant}] {sentence}")
    for variant in sorted(total):
        print(f"{variant:12} {found[variant]:>3}/{total[variant]:<3}")
    admin = sum(total.values())
    print(f"recall (sentences): {sum(found.values())}/{admin} = {sum(found.values()) / admin:.2f}")
    print(f"precision (findings): {right}/{findings} = {right / findings if findings else 1:.2f}")
    plain = sum(kind == "plain" for kind, *_ in rows(args.file))
    print(f"plain sentences flagged: {len(flagged_plain)}/{plain}")
    for sentence, terms in flagged_plain:
        print(f"  {sentence}  {terms}")


if __name__ == "__main__":
    main()
