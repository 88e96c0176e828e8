"""Audit of issue 20 (session 7): does a draft name the user's point, or only the ratings?

Counts, over drafts of the real export (``sprep draft --today 2026-12-07``, the rows of
the blind reviews left out, as ``reading_audit.load_rows``):

- negative and neutral drafts that name the user's point (their problem in our
  words, the access that failed as they told it, or the procedure), against those
  that say only rating labels
  (« un accès difficile au service », « une démarche trop compliquée »…);
- positive drafts that name a praised criterion (« un accès facile au service »,
  « la simplicité de la démarche »…) that the words never tell, by word lists written
  here, independent of the library's reader.

    PYTHONPATH=src python benchmarks/point_audit.py drafts.jsonl [--split tune|held]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from reading_audit import _fold, load_rows

from sprep_templates.experience._problems import PROBLEM_PHRASES

RATING_LABELS = (
    "un accès difficile au service",
    "des explications peu claires",
    "un accueil décevant",
    "des délais trop longs",
    "une démarche trop compliquée",
)
#: A praised criterion's phrase, and the words that tell it (folded, no accents).
PRAISED = {
    "un accès facile au service": r"joign|joindre|acces|accessible|rendez-vous|rdv|creneau"
    r"|sans attente|pas d'attente|peu d'attente|facilement|horaires",
    "la clarté de nos explications": r"expli|clair|clarte|inform|renseign|conseil|precis"
    r"|compris|comprendre",
    "la qualité de notre accueil": r"accueil|aimable|gentil|sympa|souri|agent|personnel"
    r"|ecoute|courtois|professionnel|chaleureu|bienveill|dame|monsieur|conseill|patien",
    "la rapidité de notre service": r"rapid|vite|reactiv|delai|immediat|en quelques"
    r"|des le lendemain|le jour meme|dans la journee|en moins de|efficac",
    "la simplicité de la démarche": r"simpl|facile|fluide|intuiti|pratique|sans difficulte"
    r"|sans probleme|en quelques clics|aise",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drafts")
    parser.add_argument("--split", choices=("tune", "held"))
    parser.add_argument("--show", choices=("labels", "praised"))
    args = parser.parse_args()
    rows = load_rows(args.split)
    drafts = [json.loads(line) for line in open(args.drafts, encoding="utf-8")]
    drafts = [d for d in drafts if d["id"] in rows]
    problems = tuple(PROBLEM_PHRASES.values())
    point = labels_only = neither = regretful = 0
    positive = invented = 0
    for d in drafts:
        text = d["text"]
        row = rows[d["id"]]
        if d["tone"] in ("negative", "neutral"):
            regretful += 1
            said_point = any(p in text for p in problems) or bool(
                {"problem", "procedure", "access"} & set(d["personalised_by"])
            )
            labels = [label for label in RATING_LABELS if label in text]
            if said_point:
                point += 1
            elif labels:
                labels_only += 1
                if args.show == "labels":
                    print(d["id"], row["Ressenti usager"], labels, "|", row["Titre"])
            else:
                neither += 1
        else:
            positive += 1
            words = _fold(row["Titre"] + " " + row["Description"])
            wrong = [p for p, told in PRAISED.items() if p in text and not re.search(told, words)]
            if wrong:
                invented += 1
                if args.show == "praised":
                    print(d["id"], wrong, "|", row["Titre"])
    print(f"{len(drafts)} drafts (review rows left out; split {args.split or 'all'})")
    print(
        f"negative/neutral {regretful}: name the user's point {point}; "
        f"only rating labels {labels_only}; neither {neither}"
    )
    print(f"positive {positive}: name a praised criterion the words do not tell {invented}")


if __name__ == "__main__":
    main()
