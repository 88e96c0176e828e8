"""Matching that generalises by morphology (issue 23, session 8): words inserted after a
form of « être » or « avoir » and a wider closed list of adverbs; « savoir gré », « il y a
lieu » and other verb entries in every tense; derived words (« irrecevable »,
« opposable », « inadéquation », « perception » of an allowance); adjective groups
completed in gender and number. And the same words in their everyday sense left alone.
Sentences written for these tests (none from a real reply, none from the frozen sets)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sprep_templates.checking import check_reply
from sprep_templates.lexicons._jargon import compile_pattern
from sprep_templates.lexicons._morphology import complete_paradigms, takes_insertion


def jargon_in(text: str) -> list[str]:
    return [
        text[f.start : f.end]
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None
    ]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # words inserted after a form of « être » / « avoir »
        ("Le demandeur n’est plus tenu de justifier son adresse.", "tenu"),
        ("Vous êtes désormais tenus d’envoyer ce relevé chaque mois.", "tenus"),
        ("Ce montant est donc susceptible d’être revu.", "susceptible"),
        ("Ces aides ne sont plus susceptibles d’être versées.", "susceptibles"),
        ("Vous n’avez jamais perçu cette prime.", "perçu"),
        # adverbs of the wider closed list, after a verb or before a preposition
        ("Il convient impérativement de signer le formulaire.", "convient"),
        ("Le service statuera définitivement sur ce recours.", "statuera"),
        ("Munissez-vous de votre carte et pensez à vous munir également de l’avis.", "munir"),
        ("Il vous appartient sans tarder de prévenir la caisse.", "appartient"),
        ("Cette question relève entièrement de la mairie.", "relève"),
        # verbs in every tense
        ("Je vous saurais donc gré de répondre avant lundi.", "saurais"),
        ("Nous vous saurons gré de votre patience.", "saurons"),
        ("Il n’y a plus lieu d’envoyer ce formulaire.", "lieu"),
        ("Il y aura lieu de fournir une nouvelle attestation.", "lieu"),
        ("Veuillez vous référer dès maintenant au règlement.", "référer"),
        ("Nous nous référons au barème de l’année.", "référons"),
        ("La caisse sursoira au prélèvement.", "sursoira"),
        ("Nous avons mis en demeure l’employeur de payer.", "mis en demeure"),
        # derived words
        ("Votre recours est irrecevable car il est arrivé trop tard.", "irrecevable"),
        ("Ce délai vous est opposable.", "opposable"),
        ("Nous relevons une inadéquation entre les deux documents.", "inadéquation"),
        ("La perception des allocations est interrompue.", "perception"),
        ("Vous percevez votre pension le 9 du mois.", "percevez"),
        ("L’assuré qui perçoit une indemnité doit le déclarer.", "perçoit"),
        ("L’erreur n’est pas imputable à l’employeur.", "imputable"),
        ("Il peut être dérogé à cette condition.", "dérogé"),
        ("Votre pension sera liquidée en mars.", "liquidée"),
        ("Les pièces requises sont listées au verso.", "requises"),
    ],
)
def test_variants_are_found(text, word):
    start = text.index(word)
    spans = [
        (f.start, f.end)
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None
    ]
    assert any(a < start + len(word) and start < b for a, b in spans), jargon_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Il est tenu par la main de sa mère.",
        "Ma grand-mère est très susceptible le matin.",
        "Le guide a été perçu comme très sympathique.",
        "J’ai perçu un sourire sur son visage.",
        "Il y a du monde au lieu du rendez-vous.",
        "Je sais gré au ciel du beau temps.",
        "Ma perception des couleurs a changé.",
        "Ils ont liquidé le vieux stock du garage.",
        "Votre présence est requise au mariage samedi.",
        "Il perçoit un bruit étrange dans le moteur.",
        "Nous avons mis la table pour le dîner.",
        "Le rapprochement des deux villages a été fêté.",
    ],
)
def test_the_same_words_in_their_everyday_sense_are_left_alone(text):
    assert jargon_in(text) == []


def test_an_auxiliary_group_takes_an_insertion_after_it():
    assert takes_insertion("{est,sont,êtes}", "tenu{,e,s,es} d{e,’}")
    assert takes_insertion("{avez,aviez,ayant}", "perçu{,e,s,es}")
    # a group of other words does not
    assert not takes_insertion("{votre,vos}", "titre<s>")


def test_adjective_groups_are_completed_in_gender_and_number():
    assert complete_paradigms("ordonnancé{,e}") == "ordonnancé{,e,s,es}"
    assert complete_paradigms("rectificati{f,ve}") == "rectificati{f,ve,fs,ves}"
    assert complete_paradigms("susvis{é,ée}") == "susvis{é,ée,és,ées}"
    # a group that is no adjective's endings is left as it is
    assert complete_paradigms("{a,b}") == "{a,b}"
    assert re.fullmatch(compile_pattern("ordonnancé{,e}"), "ordonnancées")


# --- the frozen set of session 8 -------------------------------------------------------

MORPHOLOGY_HELDOUT = Path(__file__).parent / "data" / "jargon-morphology-heldout.tsv"


def test_the_frozen_morphology_set_is_found_and_its_plain_sentences_left_alone():
    """The floor under what benchmarks/jargon_variants.py --file … measured after the
    change (60 of 61; 35 before it): a regression fails."""
    rows = [
        line.split("\t")
        for line in MORPHOLOGY_HELDOUT.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len([r for r in rows if r[0] == "admin"]) == 61
    assert len([r for r in rows if r[0] == "plain"]) == 30
    found = 0
    for kind, key, _variant, sentence in rows:
        spans = [
            (f.start, f.end)
            for f in check_reply(sentence, closing_added=True)
            if f.rule == "jargon" and f.start is not None
        ]
        if kind == "plain":
            assert spans == [], sentence
            continue
        start = sentence.lower().index(key.lower())
        found += any(a < start + len(key) and start < b for a, b in spans)
    assert found >= 58
