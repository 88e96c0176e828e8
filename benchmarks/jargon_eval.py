"""How well the `jargon` rule finds what a reader finds hard, on real replies.

Run:  PYTHONPATH=src python benchmarks/jargon_eval.py [--replies FILE] [--before COMMIT]

Compares the rule's findings with the hand labels of benchmarks/data/jargon-labels.jsonl
(how they were made: benchmarks/data/README.md), for the checked-out tree ("after") and
for the tree of COMMIT ("before", default fcdc147, the lexicon of 30 entries), run from a
copy of that commit's src/ in a subprocess:

- per reply: a reply with at least one label is a positive; the rule "says positive"
  when it has at least one `jargon` finding;
- per span: a finding is right when it overlaps a labelled span; a label is found when
  a finding overlaps it (recall also per category).

Then false positives where there should be none: `jargon` findings on drafted replies
(every sentiment, channel and phrasing) and on the plain texts of tests/plain_texts.py.
The replies stay in ../shared/data: this repository holds only the labels.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "data" / "jargon-labels.jsonl"
REPLIES = ROOT.parent / "shared" / "data" / "experiences-with-replies.jsonl"

_FINDER = """
import json, os, sys
try:
    from sprep_templates.checking import check_reply
except ImportError:  # a version before the checking package
    from sprep_templates.checker import check_reply
if os.environ.get("WITHOUT_SPP"):  # drop the entries learnt from real replies
    try:  # the lexicons package since issue 19 (one reader of data/: numbered_lines)
        from sprep_templates.lexicons import _jargon as jargon
        reader = "numbered_lines"
    except ImportError:
        from sprep_templates import jargon
        reader = "_numbered"
    numbered = getattr(jargon, reader)
    setattr(jargon, reader, lambda name: [
        (n, line) for n, line in numbered(name)
        if name != "jargon.tsv" or line.split("\\t")[-1].strip() != "[SPP]"
    ])
for line in sys.stdin:
    text, pseudonym = json.loads(line)
    found = check_reply(text, pseudonym=pseudonym, closing_added=True)
    spans = [[f.start, f.end, f.severity] for f in found
             if f.rule == "jargon" and f.start is not None]
    print(json.dumps(spans))
"""


def findings(
    texts: list[str],
    src: Path,
    pseudonyms: list[str | None] | None = None,
    without_spp: bool = False,
) -> list[list[tuple[int, int, str]]]:
    """The `jargon` findings of the tree whose package is under ``src``, per text
    (checked with the user's pseudonym when given, as an agent's tool would)."""
    names = pseudonyms or [None] * len(texts)
    result = subprocess.run(
        [sys.executable, "-c", _FINDER],
        input="".join(json.dumps([t, n]) + "\n" for t, n in zip(texts, names, strict=True)),
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "PATH": "", **({"WITHOUT_SPP": "1"} if without_spp else {})},
        check=True,
    )
    return [[tuple(s) for s in json.loads(line)] for line in result.stdout.splitlines()]


def old_src(commit: str, into: Path) -> Path:
    """A copy of ``commit``'s src/ (git archive), for the "before" figures."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit, "src"], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def scores(labels: list[list[dict]], found: list[list[tuple[int, int, str]]]) -> dict:
    tp = fp = fn = tn = 0
    span_right = span_total = 0
    label_found: Counter[str] = Counter()
    label_total: Counter[str] = Counter()
    for spans, finds in zip(labels, found, strict=True):
        truth, said = bool(spans), bool(finds)
        tp += truth and said
        fp += said and not truth
        fn += truth and not said
        tn += not truth and not said
        for start, end, _severity in finds:
            span_total += 1
            span_right += any(overlaps((start, end), (s["start"], s["end"])) for s in spans)
        for s in spans:
            label_total[s["category"]] += 1
            if any(overlaps((start, end), (s["start"], s["end"])) for start, end, _ in finds):
                label_found[s["category"]] += 1
    return {
        "reply_precision": tp / (tp + fp) if tp + fp else 0.0,
        "reply_recall": tp / (tp + fn) if tp + fn else 0.0,
        "replies_flagged": tp + fp,
        "span_precision": span_right / span_total if span_total else 0.0,
        "span_recall": sum(label_found.values()) / sum(label_total.values()),
        "findings": span_total,
        "per_category": {c: (label_found[c], label_total[c]) for c in sorted(label_total)},
    }


def drafted_texts() -> list[str]:
    """Drafted replies: every sentiment and channel, many ids (so every phrasing)."""
    from sprep_templates import Contact, Experience, Signature, draft_reply

    signature = Signature(first_name="Jean", organisation="la Caf de Paris")
    contacts = [Contact("phone", "32 30"), Contact("web", "https://www.caf.fr/nous-contacter")]
    texts = []
    for sentiment in ("positive", "neutral", "negative"):
        for channel in ("Téléphone", "Accueil", "Démarche en ligne", "Courrier", "E-mail", ""):
            for number in range(40):
                experience = Experience(
                    id=str(1000 + number),
                    sentiment=sentiment,
                    pseudonym=("Sandrine", "", "énervédu76")[number % 3],
                    title=("Relevé de carrière", "", "Prise de rendez-vous")[number % 3],
                    channels=(channel,) if channel else (),
                )
                texts.append(draft_reply(experience, signature=signature, contacts=contacts).text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replies", type=Path, default=REPLIES)
    parser.add_argument("--before", default="fcdc147")
    args = parser.parse_args()
    rows = {}
    for line in args.replies.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rows[row["case_id"]] = row
    labelled = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    texts = [rows[item["case_id"]]["reply_text"] for item in labelled]
    labels = [item["spans"] for item in labelled]
    pseudonyms = [rows[item["case_id"]].get("pseudonym") for item in labelled]
    print(
        f"{len(texts)} replies, {sum(1 for s in labels if s)} with labels, "
        f"{sum(len(s) for s in labels)} labelled spans"
    )
    with tempfile.TemporaryDirectory() as tmp:
        before = scores(labels, findings(texts, old_src(args.before, Path(tmp)), pseudonyms))
    after = scores(labels, findings(texts, ROOT / "src", pseudonyms))
    general = scores(labels, findings(texts, ROOT / "src", pseudonyms, without_spp=True))
    print(f"\n{'':28}{'before (' + args.before + ')':>18}{'after':>10}{'after w/o [SPP]':>17}")
    for key, name in [
        ("reply_precision", "per reply: precision"),
        ("reply_recall", "per reply: recall"),
        ("replies_flagged", "replies flagged"),
        ("span_precision", "per span: precision"),
        ("span_recall", "per span: recall"),
        ("findings", "findings"),
    ]:
        b, a, g = before[key], after[key], general[key]
        fmt = "{:>18.2f}{:>10.2f}{:>17.2f}" if isinstance(a, float) else "{:>18}{:>10}{:>17}"
        print(f"{name:28}" + fmt.format(b, a, g))
    for category, (found_after, total) in after["per_category"].items():
        found_before = before["per_category"].get(category, (0, total))[0]
        found_general = general["per_category"].get(category, (0, total))[0]
        print(
            f"{'recall, ' + category:28}{found_before:>13}/{total:<4}{found_after:>5}/{total:<4}"
            f"{found_general:>12}/{total}"
        )
    sys.path.insert(0, str(ROOT))
    from tests.plain_texts import PLAIN_TEXTS

    drafts = drafted_texts()
    on_drafts = findings(drafts, ROOT / "src")
    on_plain = findings(list(PLAIN_TEXTS), ROOT / "src")
    print(f"\njargon findings on {len(drafts)} drafted replies: {sum(map(len, on_drafts))}")
    print(f"jargon findings on {len(PLAIN_TEXTS)} plain texts: {sum(map(len, on_plain))}")
    for text, finds in zip(PLAIN_TEXTS, on_plain, strict=True):
        for start, end, _ in finds:
            print(f"  {text[start:end]!r} in {text!r}")


if __name__ == "__main__":
    main()
