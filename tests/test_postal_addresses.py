"""Capitals in a postal address are no acronyms (issue 23: the labelling rules leave
"capitals in postal addresses" alone; a town before CEDEX, a town after its postcode, a
postal box "CS 70001", the country after CEDEX). Acronyms next to an address are still
asked to be explained. Addresses written for these tests."""

from __future__ import annotations

import pytest

from sprep_templates.checking import check_reply
from sprep_templates.checking._addresses import postal_spans


def acronyms_in(text: str) -> list[str]:
    return [
        text[f.start : f.end]
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None and text[f.start : f.end].isupper()
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vous pouvez nous écrire : Caisse de retraite, CS 70001, 37000 TOURS CEDEX 9, FRANCE.",
        "Écrivez au service des pensions, TOURS CEDEX 9.",
        "Adresse : Centre des pensions, 42100 LE-PUY-SAINT-MARTIN CEDEX.",
        "Le centre de gestion, BP 120, 69003 LYON, traite ces demandes.",
        "Envoyez le dossier à la plateforme, TSA 41234, 75015 PARIS CEDEX 15.",
        "Service retraite, CS 70 001, 37 000 TOURS Cedex 9 - FRANCE ; à bientôt.",
        "Notre agence : 12 ALLÉE DU PARC-SAINT-MARTIN - 42000 Roanne.",
    ],
)
def test_capitals_of_a_postal_address_are_no_acronyms(text):
    assert acronyms_in(text) == []


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("Écrivez au SIP de votre ville : Centre des finances, 37000 TOURS.", "SIP"),
        ("Le dossier est suivi par la DDPP ; écrivez à TOURS CEDEX 9.", "DDPP"),
        ("Envoyez le formulaire à TOURS avant lundi, comme le demande la DDPP.", "DDPP"),
    ],
)
def test_acronyms_next_to_an_address_are_still_asked_for(text, acronym):
    assert acronym in acronyms_in(text)


def test_postal_spans_cover_the_address_only():
    text = "Écrivez au SIP, CS 70001, 37000 TOURS CEDEX 9, FRANCE. Merci."
    spans = [text[a:b] for a, b in postal_spans(text)]
    assert "CS 70001" in spans
    assert any("TOURS CEDEX 9" in span for span in spans)
    assert not any("SIP" in span or "Merci" in span for span in spans)
    assert postal_spans("Aucune adresse ici.") == []
