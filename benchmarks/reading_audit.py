"""Audit of issue 20: the ten kinds of error of drafts that read ratings, not words.

Drafts the real export with the tree on ``PYTHONPATH`` (``sprep draft --today
2026-12-07``, the example profile), audits the drafts with ``sprep check --jsonl``
and counts each kind by script, with heuristics of its own (word lists written here,
independent of the library's reader, so that the audit does not grade itself).
The rows of the eight blind reviews (``/work/status/review-ids.txt``,
``review2-ids.txt`` … ``review8-ids.txt``) are left out
before anything is counted or printed.

    PYTHONPATH=src python benchmarks/reading_audit.py            # this tree
    PYTHONPATH=/tmp/old-reading/src python benchmarks/reading_audit.py   # before

``--sample N --kind K`` prints N drafts of kind K (never a review row), for the
labelled reading of what a script cannot tell; ``--split tune|held`` restricts the
counts to the rows the word lists were tuned on or to those held out (crc32 of the
id: a quarter held out).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter

EXPORT = "/work/shared/data/experiences-export-sample.csv"
REVIEW_IDS = (
    "/work/status/review-ids.txt",
    "/work/status/review2-ids.txt",
    "/work/status/review3-ids.txt",
    "/work/status/review4-ids.txt",
    "/work/status/review5-ids.txt",
    "/work/status/review6-ids.txt",
    "/work/status/review7-ids.txt",
    "/work/status/review8-ids.txt",
)
TODAY = "2026-12-07"


def _fold(text: str) -> str:
    import unicodedata

    text = text.replace("’", "'").replace("\x92", "'").lower()
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")")


# What the audit itself calls a failed access by phone, an appointment, the online service.
ACCESS_TOLD = _words(
    r"joindre",
    r"injoignable",
    r"telephon",
    r"repond",
    r"decroch",
    r"rendez-vous",
    r"rdv",
    r"creneau",
    r"acces",
    r"acced",
    r"connect",
    r"connexion",
    r"site",
    r"en ligne",
    r"application",
    r"attente",
    r"file d'attente",
    r"guichet ferme",
    r"standard",
)
PRAISE = _words(
    r"excellent",
    r"parfait",
    r"tres bien",
    r"aimable",
    r"chaleureu",
    r"agreable",
    r"super",
    r"efficace",
    r"professionnel",
    r"sympathique",
    r"bien accueilli",
    r"bravo",
)
SUGGESTION = _words(
    r"il serait (?:bon|bien|judicieux|souhaitable|utile|interessant|plus simple)",
    r"pourquoi ne pas",
    r"il faudrait",
    r"je suggere",
    r"je propose",
    r"ce serait (?:bien|bon|mieux)",
    r"suggestion",
    r"serait-il possible",
    r"il manque",
)
QUESTION = _words(
    r"comment (?:faire|puis-je|dois-je|peut-on|proceder)",
    r"que (?:peut-on|puis-je|dois-je) faire",
    r"pouvez-vous m'indiquer",
    r"pourriez-vous",
    r"pouvez-vous",
    r"est-il possible",
    r"quelle (?:est la )?(?:demarche|procedure)",
    r"a qui (?:dois-je|m'adresser)",
    r"qui contacter",
)
PROCEDURES = {
    "passeport": _words(r"passeport"),
    "carte d’identité": _words(r"carte d'identite", r"\bcni\b", r"carte nationale d'identite"),
    "vote": _words(r"vote", r"voter", r"election", r"procuration"),
    "amende": _words(r"amende", r"contravention", r"antai", r"proces-verbal"),
    "retraite": _words(r"retraite", r"pension de reversion"),
    "titre de séjour": _words(r"titre de sejour", r"carte de sejour", r"naturalisation"),
    "état civil": _words(r"acte de naissance", r"acte de mariage", r"acte de deces", r"etat civil"),
    "permis": _words(r"permis de conduire"),
    "carte grise": _words(r"carte grise", r"certificat d'immatriculation"),
}
PROCEDURE_SAID = {
    "passeport": "passeport",
    "carte d’identité": "carte d’identité",
    "vote": "vote",
    "amende": "amende",
    "retraite": "retraite",
    "titre de séjour": "titre de séjour",
    "état civil": "état civil",
    "permis": "permis de conduire",
    "carte grise": "carte grise",
}
DISTRESS = _words(
    r"cancer",
    r"chimio",
    r"maladie grave",
    r"handicap",
    r"invalidite",
    r"plus rien pour manger",
    r"rien a manger",
    r"huissier",
    r"surendett",
    r"sans (?:aucun )?revenu",
    r"sans ressources",
    r"115",
    r"sans abri",
    r"a la rue",
    r"je ne sais plus quoi faire",
    r"desespere",
    r"detresse",
    r"plus de chauffage",
    r"expuls",
)
CONDOLENCES = re.compile(r"condoléances")
POSITIVE_BEFORE = re.compile(
    r"apprécié|appréciez|soulignez|satisfaction|heureux|plaisir|saluez|ravis|remercions"
)


def load_rows(split: str | None) -> dict[str, dict[str, str]]:
    review = {row_id for path in REVIEW_IDS for row_id in open(path).read().split()}
    rows = {}
    with open(EXPORT, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            row_id = row["ID expérience"]
            if row_id in review:
                continue
            held = zlib.crc32(row_id.encode()) % 4 == 0
            if (split == "tune" and held) or (split == "held" and not held):
                continue
            rows[row_id] = row
    return rows


def draft(out: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sprep_templates",
            "draft",
            EXPORT,
            "--today",
            TODAY,
            "--quiet",
            "-o",
            out,
        ],
        check=False,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def stock_audit(path: str) -> tuple[int, int, set[str]]:
    """Errors and stock-grouped replies by ``sprep check --jsonl`` (the library's own audit)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sprep_templates",
            "check",
            "--jsonl",
            path,
            "--field",
            "text",
            "--sentiment-field",
            "sentiment",
            "--id-field",
            "key",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = int(re.search(r"(\d+) with at least one error", result.stdout).group(1))  # type: ignore[union-attr]
    grouped: set[str] = set()
    for line in result.stdout.splitlines():
        found = re.match(r"\d+ replies, (?:nearly )?the same text: (.*)", line)
        if found:
            grouped.update(found.group(1).split(", "))
    return errors, len(grouped), grouped


def kinds(draft_: dict, row: dict[str, str]) -> list[int]:
    text = draft_["text"]
    desc = _fold(" ".join([row["Titre"], row["Description"]]))
    topics = _fold(
        " ".join(
            row[c]
            for c in (
                "Intitulé Typologie 1",
                "Intitulé Typologie 2",
                "Intitulé Typologie 3",
                "Tags Métiers",
            )
        )
    )
    found = []
    paragraphs = text.split("\n\n")
    ack = paragraphs[2] if len(paragraphs) > 2 else ""
    # 1. a grievance invented from a rating: "difficulté à nous joindre" to a text that
    # tells of no failed access; "facilité à nous joindre" said of an online procedure.
    if "difficulté à nous joindre" in text and not ACCESS_TOLD.search(desc):
        found.append(1)
    elif "facilité à nous joindre" in text and "en ligne" in _fold(row["Canaux Typologie 1"]):
        found.append(1)
    # 2. the channel regretted is one the user praised: regret of the visit/call in
    # the same reply as the quality of the reception, or a praise of it in the text.
    regrets = re.search(
        r"(?:regrett\w+|désolés)[^.]*(?:votre visite à notre accueil|votre appel)", ack
    )
    if regrets and ("qualité de notre accueil" in ack or PRAISE.search(desc)):
        found.append(2)
    # 3. a global failure told to a mostly satisfied user with a suggestion.
    failure = re.search(
        r"ne vous a pas apporté l’aide attendue|n’ait pas répondu à vos attentes"
        r"|n’a pas reçu l’aide attendue",
        text,
    )
    liked = any(
        row[c] == "Positif"
        for c in (
            "Accessibilité",
            "Information/Explication",
            "Relation",
            "Réactivité",
            "Simplicité/Complexité",
        )
    )
    if failure and (row["Ressenti usager"] == "Positif" or liked) and SUGGESTION.search(desc):
        found.append(3)
    # 4. "you found the help you needed" to a help request.
    if "trouvé l’aide attendue" in text and ("?" in row["Description"] or QUESTION.search(desc)):
        found.append(4)
    # 5. a question or a suggestion left unanswered: a ready draft to a question,
    # or no thanks for a suggestion.
    if draft_["status"] == "ready" and QUESTION.search(desc):
        found.append(5)
    elif SUGGESTION.search(desc) and "suggestion" not in text and "idée" not in text:
        found.append(5)
    # 6. the procedure is named by the user (title, description, typology, tags), not by
    # the reply.
    named = [
        name
        for name, pattern in PROCEDURES.items()
        if pattern.search(desc) or pattern.search(topics)
    ]
    if named and not any(PROCEDURE_SAID[name] in text for name in named):
        found.append(6)
    # 7. distress drafted as routine.
    if DISTRESS.search(desc) and not draft_["attention"]:
        found.append(7)
    # 8. a death told without condolences, or "votre proche" beside a death.
    if any(reason.startswith("décès") for reason in draft_["attention"]) and (
        not CONDOLENCES.search(text) or "votre proche n’a pas reçu" in text
    ):
        found.append(8)
    # 9. "en revanche" with nothing to contrast with before it, in its paragraph.
    for paragraph in paragraphs:
        at = paragraph.find("en revanche")
        if at >= 0 and not POSITIVE_BEFORE.search(paragraph[:at]):
            found.append(9)
            break
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held"))
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--kind", type=int)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--keep", help="keep the drafts in this file")
    args = parser.parse_args()
    rows = load_rows(args.split)
    with tempfile.TemporaryDirectory() as folder:
        out = args.keep or os.path.join(folder, "drafts.jsonl")
        seconds = draft(out)
        drafts = [json.loads(line) for line in open(out, encoding="utf-8")]
        drafts = [d for d in drafts if d["id"] in rows]
        keyed = os.path.join(folder, "keyed.jsonl")
        with open(keyed, "w", encoding="utf-8") as handle:
            for number, d in enumerate(drafts):
                handle.write(json.dumps({**d, "key": f"{d['id']}#{number}"}) + "\n")
        errors, grouped, _ids = stock_audit(keyed)
    counts: Counter[int] = Counter()
    by_kind: dict[int, list[tuple[dict, dict]]] = {}
    for d in drafts:
        for kind in kinds(d, rows[d["id"]]):
            counts[kind] += 1
            by_kind.setdefault(kind, []).append((d, rows[d["id"]]))
    ready_errors = sum(
        1
        for d in drafts
        if d["status"] == "ready" and f"{d['id']}" in {i.split("#")[0] for i in _ids}
    )
    statuses = Counter(d["status"] for d in drafts)
    print(f"{len(drafts)} drafts of {len(rows)} rows (review rows left out), ", end="")
    print(f"drafted in {seconds:.2f} s")
    print("statuses:", dict(sorted(statuses.items())))
    for kind in range(1, 10):
        print(f"kind {kind}: {counts[kind]}")
    print(
        f"kind 10: sprep check --jsonl errors {errors} of {len(drafts)}; stock-grouped {grouped} "
        f"({100 * grouped / max(1, len(drafts)):.1f} %); ready drafts among them {ready_errors}"
    )
    if args.sample and args.kind:
        chosen = by_kind.get(args.kind, [])
        random.Random(args.seed).shuffle(chosen)
        for d, row in chosen[: args.sample]:
            print("=" * 70)
            print(
                d["id"],
                row["Ressenti usager"],
                d["status"],
                d.get("personalised_by"),
                d.get("notes"),
            )
            print("TITLE:", row["Titre"])
            print("DESC:", row["Description"][:1200])
            print("--- DRAFT:\n" + d["text"])


if __name__ == "__main__":
    main()
