"""Audit of issue 20 (session 8): what drafts say about the rated criteria, the
channels and the stock phrases, against what the user wrote.

Counts, over drafts of the real export (``sprep draft --today 2026-12-07``, the rows of
the blind reviews left out, as ``reading_audit.load_rows``), with word lists written
here, independent of the library's reader (so that the audit does not grade itself):

- contradicted: a criterion named negatively while the words say its opposite
  (« une démarche trop compliquée » to a user who writes the procedure is simple);
- told but unnamed: a criterion rated negative, told by the words, that the draft names
  neither by its label nor by the user's problem (a reply of regret);
- positive drafts rated positive on a criterion that name no criterion nor praise;
- « aide attendue » after a problem is named in the same draft (redundant), and
  « Vous avez trouvé l’aide attendue » to a vote, a registration or a delivery;
- « Si vous avez d’autres questions » to a user who asked none (no question mark);
- a double thanks in the opening paragraph;
- the way forward offered first on a channel the user says failed, and « nos équipes
  restent à votre écoute », « vous répondent », « à votre disposition » after a
  no-answer complaint.

    PYTHONPATH=src python benchmarks/criteria_audit.py drafts.jsonl [--split tune|held]
        [--show KIND]
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

RATING_COLUMNS = {
    "accessibility": "Accessibilité",
    "information": "Information/Explication",
    "relation": "Relation",
    "reactivity": "Réactivité",
    "simplicity": "Simplicité/Complexité",
}
#: The phrases a draft names a criterion negatively with (labels and problems).
NEGATIVE_PHRASES = {
    "accessibility": (
        "la difficulté à nous joindre",
        "un accès difficile au service",
        "un service impossible à joindre",
        "vos appels restés sans réponse",
    ),
    "information": ("des explications peu claires",),
    "reactivity": ("des délais trop longs", "un traitement trop lent"),
    "simplicity": ("une démarche trop compliquée",),
    "relation": ("un accueil décevant",),
}
_NOT = r"(?<!pas )(?<!pas si )(?<!pas tres )(?<!peu )(?<!pas assez )(?<!plus )"
#: The words that say the opposite of each criterion's negative label (folded).
OPPOSITE = {
    "simplicity": re.compile(
        r"\b(?:demarche|procedure|formulaire|site|c'(?:etait|est)|(?:tres|assez|plutot) )"
        r"[^.!?]{0,30}?" + _NOT + r"\b(?:simples?|faciles?|rapide et simple)\b"
        r"|\bsimple et (?:rapide|efficace)|\bfacile a (?:faire|remplir|utiliser)"
        r"|\ben quelques clics"
    ),
    "reactivity": re.compile(
        _NOT + r"\b(?:rapidement|tres rapide|rapide|tres vite|rapidite|reactifs?|reactive)\b"
        r"|\bdes le lendemain|\ble lendemain|\ben (?:24|48|72) ?h|\ble jour meme"
        r"|\bdans la journee|\bsans attente|\bpas d'attente|\bpeu d'attente"
    ),
    "accessibility": re.compile(
        r"\b(?:j'ai|nous avons|on a) (?:pu|reussi a) (?:joindre|avoir|contacter|parler)"
        r"|\b(?:reussi|reussie) a (?:joindre|avoir|contacter|parler)"
        r"|\bj'ai (?:enfin )?(?:eu|obtenu) (?:une|un) (?:conseill|agent|personne|interlocut)"
        r"|\b(?:facile|facilement) (?:a |de )?(?:joindre|contacter|joignable)"
    ),
    "information": re.compile(
        _NOT + r"\b(?:clairement|tres clair|tres claire|claires?|clairs?)\b"
        r"|\b(?:bien|tres bien|parfaitement) (?:explique|renseigne|informe)"
    ),
    "relation": re.compile(
        _NOT + r"\b(?:aimables?|courtois|courtoise|gentil|gentille|souriante?|chaleureu)"
    ),
}
#: Wider words that tell each criterion on the negative side (folded).
TOLD_NEGATIVE = {
    "information": re.compile(
        r"\bje ne sais (?:pas|toujours pas|plus)\b|\baucune (?:information|explication|idee)"
        r"|\bpas d'(?:information|explication)|\bincomprehensible|\bpas clair|\bflou"
        r"|\bcontradictoire|\bpas (?:ete )?(?:informee?|renseignee?|prevenue?)"
        r"|\bmal (?:informee?|renseignee?)|\bsans savoir\b|\bon ne sait pas|\bpersonne ne sait"
        r"|\bne comprends pas"
    ),
    "reactivity": re.compile(
        r"\b(?:depuis|plus de|pres de) (?:\w+ )?(?:mois|semaines)\b"
        r"|\btoujours (?:pas|rien|en attente)"
        r"|\btrop long|\blenteur|\bdelais?\b|\battente\b|\bsans (?:reponse|nouvelles)"
        r"|\baucune reponse|\bpas de reponse|\brelance"
    ),
    "simplicity": re.compile(
        r"\bcompliquee?s?\b|\bcomplexe|\bparcours du combattant|\bgaleres?\b|\bgalere"
        r"|\bpas (?:simple|facile|evident|pratique|intuitif)|\busine a gaz|\bdifficile"
    ),
    "accessibility": re.compile(
        r"\bjoindre|\bjoignable|\bdecroche|\brendez-vous|\brdv\b|\bcreneau|\bacceder"
        r"|\bacces\b|\baccessible|\bconnecter|\bconnexion|\bpersonne ne repond|\battente au"
        r"|\bimpossible d'avoir|\bplus d'accueil|\bguichet"
    ),
    "relation": re.compile(
        r"\bdesagreable|\bimpoli|\bagressi|\bmepris|\bhautain|\bcondescend|\bodieu"
        r"|\bmal (?:recue?|accueillie?|parle)|\birrespect|\bsec\b|\bseche\b|\bpas aimable"
    ),
}
LABELS = {
    "accessibility": (
        "un accès difficile au service",
        "la difficulté à nous joindre",
        "un rendez-vous difficile à obtenir",
        "un accès en ligne difficile",
        "nos bureaux difficiles d’accès",
    ),
    "information": ("des explications peu claires",),
    "reactivity": ("des délais trop longs",),
    "simplicity": ("une démarche trop compliquée",),
    "relation": ("un accueil décevant",),
}
POSITIVE_LABELS = (
    "un accès facile au service",
    "la clarté de nos explications",
    "la qualité de notre accueil",
    "la rapidité de notre service",
    "la simplicité de la démarche",
)
NO_HELP_SOUGHT = re.compile(r"\bvot(?:e|er|ez)\b|\belection|\binscri|\blivr|\bcolis|\bscrutin")
#: A channel the user says failed (folded), and the contact phrase that offers it.
FAILED = {
    "phone": (
        re.compile(
            r"\b(?:personne ne (?:repond|decroche)|(?:ne|n') ?(?:repond|decroche) (?:jamais|pas)"
            r"|injoignable|impossible (?:de|d'avoir) (?:joindre|quelqu'un)|sonne dans le vide)"
        ),
        re.compile(r"\b(?:telephone|appel|appele|standard|tel\b|32 ?30|3939)"),
        "par téléphone",
    ),
    "web": (
        re.compile(
            r"\b(?:sans (?:aucune )?reponse|aucune reponse|pas de reponse|jamais de reponse"
            r"|restee?s? lettre morte|(?:ne|n') ?(?:repond|fonctionne|marche) (?:jamais|pas|plus))"
        ),
        re.compile(
            r"\b(?:mails?|e-mails?|courriels?|formulaire de contact|messagerie|messages?)\b"
        ),
        "sur http",
    ),
}


def _sentences(text: str) -> list[str]:
    return re.split(r"[.!?\n]+", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drafts")
    parser.add_argument("--split", choices=("tune", "held"))
    parser.add_argument("--show")
    args = parser.parse_args()
    rows = load_rows(args.split)
    drafts = [json.loads(line) for line in open(args.drafts, encoding="utf-8")]
    drafts = [d for d in drafts if d["id"] in rows]
    counts = dict.fromkeys(
        (
            "contradicted",
            "told_unnamed",
            "positive_no_criterion",
            "help_redundant",
            "help_found_unsought",
            "other_questions_unasked",
            "double_thanks",
            "failed_channel_first",
            "promise_after_no_answer",
        ),
        0,
    )
    problems = tuple(PROBLEM_PHRASES.values())

    def hit(kind: str, d: dict[str, object], detail: object = "") -> None:
        counts[kind] += 1
        if args.show == kind:
            print(d["id"], detail)

    for d in drafts:
        text = d["text"]
        row = rows[d["id"]]
        words = _fold(row["Titre"] + ". " + row["Description"])
        rated = {c: row[col] for c, col in RATING_COLUMNS.items()}
        for criterion, phrases in NEGATIVE_PHRASES.items():
            named = [p for p in phrases if p in text]
            if named and OPPOSITE[criterion].search(words):
                hit(
                    "contradicted", d, (criterion, named, OPPOSITE[criterion].search(words).group())
                )
        if d["tone"] != "positive":
            for criterion, value in rated.items():
                if value != "Négatif" or not TOLD_NEGATIVE[criterion].search(words):
                    continue
                if OPPOSITE[criterion].search(words):
                    continue
                if any(label in text for label in LABELS[criterion]):
                    continue
                if any(p in text for p in problems):
                    continue
                hit("told_unnamed", d, (criterion, TOLD_NEGATIVE[criterion].search(words).group()))
        else:
            if "Positif" in rated.values() and not any(p in text for p in POSITIVE_LABELS):
                if (
                    "Vous soulignez" not in text
                    and "Vous appréciez" not in text
                    and ("Vous relevez aussi" not in text)
                ):
                    hit("positive_no_criterion", d)
        paragraphs = text.split("\n\n")
        if "aide attendue" in text and any(p in text for p in problems):
            hit("help_redundant", d)
        if "Vous avez trouvé l’aide attendue" in text and NO_HELP_SOUGHT.search(words):
            hit("help_found_unsought", d, NO_HELP_SOUGHT.search(words).group())
        if "d’autres questions" in text and "?" not in row["Description"]:
            hit("other_questions_unasked", d)
        if len(paragraphs) > 1 and len(re.findall(r"\bMerci\b|\bremercions\b", paragraphs[1])) > 1:
            hit("double_thanks", d)
        orientation = next((p for p in paragraphs if "32 30" in p or "http" in p), "")
        no_answer = False
        for kind, (failed, channel, offered) in FAILED.items():
            told = any(failed.search(s) and channel.search(s) for s in _sentences(words))
            no_answer = no_answer or told
            if not told:
                continue
            first = min(
                (orientation.find(o) for o in ("par téléphone", "sur http") if o in orientation),
                default=-1,
            )
            if first >= 0 and orientation.find(offered) == first:
                hit("failed_channel_first", d, (kind, orientation[:120]))
        promises = ("à votre écoute", "vous répondent", "à votre disposition")
        if no_answer and any(promise in orientation for promise in promises):
            hit("promise_after_no_answer", d, orientation[:120])
    print(f"{len(drafts)} drafts (review rows left out; split {args.split or 'all'})")
    for kind, count in counts.items():
        print(f"{kind}: {count}")


if __name__ == "__main__":
    main()
