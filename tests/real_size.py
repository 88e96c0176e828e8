"""Exports of the real export's SHAPE, written here (no real row is ever copied).

The platform's export has long descriptions (the real sample: up to 7,875
characters), rows concerning one to three structures, some already answered, and
ratings and similar-experience counts. The batch's pool and signal tests run on
rows like these: short synthetic rows hide what only rows of real size show (a
chunk larger than a pipe's buffer).
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

HEADER = [
    "ID expérience",
    "Statut de l'expérience",
    "Date de publication",
    "Titre",
    "Description",
    "Posté comme",
    "Ressenti usager",
    "Canaux Typologie 1",
    "ID structure 1",
    "Intitulé structure 1",
    "ID structure 2",
    "Intitulé structure 2",
    "ID structure 3",
    "Intitulé structure  3",
    "Accessibilité",
    "Relation",
    "Expériences Similaires",
    "Action",
]

_WORDS = (
    "dossier demande courrier rendez-vous agence guichet attente semaines appel "
    "téléphone conseiller réponse formulaire justificatif pièce allocation aide "
    "logement retraite carte titre délai traitement compte espace personnel "
    "message relance situation famille enfant travail paiement retard mois"
).split()
_STRUCTURES = [
    ("S-101", "Caf de Paris"),
    ("S-102", "CPAM du Rhône"),
    ("S-103", "France Travail Lille"),
    ("S-104", "Préfecture de la Gironde"),
    ("S-105", "Carsat Bretagne"),
]
_SENTIMENTS = ("Négatif", "Neutre", "Positif")
_CHANNELS = ("Téléphone", "Accueil", "Démarche en ligne", "Courrier")


def _description(draw: random.Random) -> str:
    size = draw.randint(1_000, 3_000)
    sentences = []
    length = 0
    while length < size:
        words = [draw.choice(_WORDS) for _ in range(draw.randint(6, 18))]
        sentence = " ".join(words).capitalize() + "."
        sentences.append(sentence)
        length += len(sentence) + 1
    return " ".join(sentences)[:size]


def real_size_rows(count: int, *, seed: int = 21, first_id: int = 1) -> list[list[str]]:
    """``count`` rows of the export's shape: 1,000 to 3,000-character descriptions,
    one to three structures, one row in twelve already answered."""
    draw = random.Random(seed)
    rows = []
    for n in range(first_id, first_id + count):
        structures = draw.sample(_STRUCTURES, draw.choice((1, 1, 1, 2, 3)))
        cells: list[str] = []
        for index in range(3):
            cells += list(structures[index]) if index < len(structures) else ["", ""]
        rows.append(
            [
                str(n),
                "Expérience avec réponse" if n % 12 == 0 else "Expérience en attente de réponse",
                f"{draw.randint(1, 28):02d}/{draw.randint(1, 12):02d}/2026",
                " ".join(draw.choice(_WORDS) for _ in range(4)).capitalize(),
                _description(draw),
                "La personne concernée",
                draw.choice(_SENTIMENTS),
                draw.choice(_CHANNELS),
                *cells,
                draw.choice(_SENTIMENTS),
                draw.choice(_SENTIMENTS),
                str(draw.randint(0, 40)),
                "",
            ]
        )
    return rows


def real_size_export(path: Path, count: int, *, seed: int = 21) -> Path:
    """Write an export of ``count`` real-size rows (CSV, BOM, CRLF as the platform's)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(real_size_rows(count, seed=seed))
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return path
