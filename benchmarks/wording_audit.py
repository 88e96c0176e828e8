"""Issue 20, wording round 6: the brief's categories of unsupported sentences, counted.

Reads a drafts file (``sprep draft … -o FILE``, or ``reading_audit.py --keep FILE``)
beside the real export, leaves the blind-review rows out (``reading_audit.load_rows``),
and counts by script the sentences the words do not support, with word lists of its
own (independent of the library's reader): reminders the user never told, « votre
proche » for a writer who did every step, a praised reception called « décevant », a
visit or an online procedure never told, « aide attendue » to a user still waiting, a
count of others in a serious case, « soulignez aussi », « autre question » to an
unanswered question, a serious case played down; and how often some phrases are said.

    PYTHONPATH=src python benchmarks/wording_audit.py DRAFTS.jsonl [tune|held] [CATEGORY]

The optional category prints the ids of its drafts (never a review row).
"""

from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from reading_audit import load_rows

FIRST_PERSON_STEPS = re.compile(
    r"\b(?:j'appelle|je tombe|j'ai (?:appele|telephone|envoye|ecrit|depose|contacte|relance)"
    r"|je me suis (?:rendu|deplace)|j'envoie|j'ecris)"
)
STAFF_PRAISE = re.compile(
    r"\b(?:aimable|gentil|gentille|agreable|competent|a l'ecoute|souriant|chaleureu"
    r"|bien accueilli|bien recu)"
)
UNSOLVED = re.compile(
    r"toujours pas|pas encore|jamais recu|j'attends|bloque|sans reponse|toujours en attente"
)
DESK = re.compile(
    r"accueil|guichet|sur place|rendu|deplace|bureau|rendez-vous|agence|permanence|mairie"
    r"|prefecture|consulat"
)
ONLINE = re.compile(
    r"en ligne|site|internet|application|compte|espace|connect|formulaire|teleservice"
    r"|plateforme"
)
NO_ANSWER = re.compile(
    r"sans reponse|personne ne|repond pas|injoignable|dans le vide|occupe|repondeur"
)
PHONE_FAILED = re.compile(r"injoignable|personne ne (?:repond|decroche)|dans le vide|repondeur")
PHRASES = (
    "un accueil qui manquait d’écoute",
    "une démarche trop compliquée",
    "la difficulté à nous joindre",
    "un accueil décevant",
    "des horaires d’ouverture trop restreints",
    "un paiement toujours en attente",
    "Vous avez dû écrire plusieurs fois",
    "Nous notons ce qui reste",
    "vos essais pour nous joindre",
    "pas réussi à nous joindre",
)


def fold(text: str) -> str:
    text = text.replace("’", "'").lower()
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def categories(draft: dict, row: dict[str, str]) -> list[str]:
    text = draft["text"]
    desc = fold(row["Titre"] + ". " + row["Description"])
    notes = " ".join(draft.get("notes") or [])
    serious = "serious:" in notes or bool(draft["attention"])
    found = []
    if re.search(r"relances|Relancer tant", text) and "relanc" not in desc:
        found.append("reminders-invented")
    if re.search(r"multiplier les appels|Appeler tant", text) and not NO_ANSWER.search(desc):
        found.append("calls-unsupported")
    if re.search(
        r"l’expérience de votre proche|votre proche a rencontrées|votre proche n’a pas reçu"
        r"|votre proche n’ait pas reçu|simple pour votre proche",
        text,
    ) and FIRST_PERSON_STEPS.search(desc):
        found.append("proche-but-writer-acted")
    if "accueil décevant" in text and STAFF_PRAISE.search(desc):
        found.append("disappointing-reception-praised")
    if "votre visite à notre accueil" in text and not DESK.search(desc):
        found.append("visit-never-told")
    if "démarche en ligne" in text and not ONLINE.search(desc):
        found.append("online-never-told")
    if "trouvé l’aide attendue" in text and UNSOLVED.search(desc):
        found.append("help-found-but-unsolved")
    if re.search(r"autres? personnes?", text) and serious and draft["tone"] != "positive":
        found.append("me-too-in-serious")
    if "soulignez aussi" in text:
        found.append("soulignez-aussi")
    if re.search(r"autre question|autres questions", text) and "the user asks" in notes:
        found.append("other-question-unanswered")
    if serious and re.search(
        r"tout n’a pas été simple|tout n’ait pas été simple|vous aient déplu|certains points", text
    ):
        found.append("serious-played-down")
    if "nous joindre par téléphone" in text and PHONE_FAILED.search(desc):
        found.append("failed-phone-offered")
    found.extend("said: " + phrase for phrase in PHRASES if phrase in text)
    return found


def main() -> None:
    rows = load_rows(None)
    split = sys.argv[2] if len(sys.argv) > 2 else None
    seen: set[str] = set()
    counts: dict[str, list[str]] = {}
    total = 0
    for line in open(sys.argv[1], encoding="utf-8"):
        draft = json.loads(line)
        if draft["id"] not in rows or draft["id"] in seen:
            continue
        seen.add(draft["id"])
        held = zlib.crc32(draft["id"].encode()) % 4 == 0
        if (split == "tune" and held) or (split == "held" and not held):
            continue
        total += 1
        for category in categories(draft, rows[draft["id"]]):
            counts.setdefault(category, []).append(draft["id"])
    print(total, "drafts")
    for category in sorted(counts):
        print(f"{len(counts[category]):4d}  {category}")
    if len(sys.argv) > 3:
        print(counts.get(sys.argv[3]))


if __name__ == "__main__":
    main()
