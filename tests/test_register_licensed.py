"""Licensed sources of the jargon lexicon (issue 23, checker4): entries taken from public
glossaries published under a licence (Code du travail numérique, TESS: Apache-2.0), each
tagged with its source; every tag documented in data/README.md; the terms found in
sentences written for this test, and the same words in everyday sentences left alone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sprep_templates import check_reply
from sprep_templates.lexicons._files import numbered_lines

DATA = Path(__file__).resolve().parent.parent / "src" / "sprep_templates" / "data"
LICENSED = {"[CDTN]", "[TESS]"}


def tags(line: str) -> set[str]:
    return set(re.findall(r"\[[A-Z0-9]+\]", line.split("\t")[-1]))


def lexicon_lines() -> list[str]:
    return [line for name in ("jargon.tsv", "register.tsv") for _, line in numbered_lines(name)]


def flagged(sentence: str) -> list[str]:
    text = f"Bonjour Madame Dupont,\n\n{sentence}\n\nCordialement,\nJean"
    return [
        text[f.start : f.end]
        for f in check_reply(text)
        if f.rule == "jargon" and f.start is not None
    ]


def test_every_source_tag_is_documented_with_its_licence():
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    used = set().union(*(tags(line) for line in lexicon_lines()))
    assert used, "no source tag read"
    assert not used - set(re.findall(r"\[[A-Z0-9]+\]", readme))
    for tag in LICENSED:
        assert re.search(re.escape(tag) + r".{0,400}Apache-2\.0", readme, re.S), tag


def test_licensed_glossaries_give_a_hundred_entries():
    lines = lexicon_lines()
    named = [line for line in lines if tags(line) & LICENSED]
    written_from_them = [line for line in lines if tags(line) and tags(line) <= LICENSED]
    assert len(named) >= 110, len(named)
    assert len(written_from_them) >= 80, len(written_from_them)


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Les avantages en nature sont déclarés sur votre fiche de paie.", "avantages en nature"),
        ("L’affaire a été mise en délibéré au 3 juin.", "mise en délibéré"),
        ("La forclusion vous empêche de contester.", "forclusion"),
        ("L’entreprise est en liquidation judiciaire depuis mars.", "liquidation judiciaire"),
        ("Le représentant légal de l’enfant doit signer.", "représentant légal"),
        ("Vous avez droit aux indemnités journalières.", "indemnités journalières"),
        ("Votre employeur vous a placé en activité partielle.", "activité partielle"),
        ("Joignez un extrait Kbis de moins de trois mois.", "extrait Kbis"),
        ("Le décret n° 2020-12 le prévoit.", "décret n°"),
        ("Votre durée d’assurance est de 160 trimestres.", "durée d’assurance"),
        ("Indiquez votre nom patronymique.", "nom patronymique"),
        ("La mutualisation des moyens est en cours.", "mutualisation"),
        ("Adressez-vous au service déconcentré de l’État.", "service déconcentré"),
        ("Vous recevrez l’indemnité de précarité à la fin du contrat.", "indemnité de précarité"),
        ("Les dispositions réglementaires ne le permettent pas.", "dispositions réglementaires"),
        ("Il a été congédié sans raison.", "congédié"),
    ],
)
def test_terms_of_the_licensed_glossaries_are_found(sentence, term):
    assert any(
        term.lower() in found.lower() or found.lower() in term.lower()
        for found in flagged(sentence)
    ), (
        sentence,
        flagged(sentence),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Une assiette de pâtes nous attendait au retour.",
        "Votre fils a choisi son représentant de classe.",
        "Le nom de famille de votre fille est bien inscrit.",
        "Nous mettons en commun nos idées pour vous aider.",
        "Cet accessoire de mode vous va bien.",
        "La nature est belle en cette saison.",
        "Les dispositions de la salle ont changé.",
        "Votre durée de trajet est de vingt minutes.",
        "Le service de l’État vous répondra vite.",
    ],
)
def test_the_same_words_in_everyday_sentences_are_left_alone(sentence):
    assert flagged(sentence) == []
