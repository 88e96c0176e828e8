"""Plain everyday French must not be flagged as jargon or formal register (issue 23's
register lexicon, data/register.tsv and jargon.tsv): each sentence below uses a word
of the lexicon in its ordinary sense. Written for this test.

Eight of them were flagged when this test was written (circulaire, affiliation,
dépens, quittance, demeure, en aval, volet, perçu): their entries are narrowed.
"""

from __future__ import annotations

import pytest

from sprep_templates import check_reply

PLAIN = [
    "Vous pouvez acheter un titre de transport à la gare.",
    "Le titre de votre message dit bien ce qui s’est passé.",
    "Elle a gagné le titre de championne de France.",
    "La production de ce film a pris deux ans.",
    "La production de lait a baissé cet hiver.",
    "La majoration du prix de l’essence pèse sur les familles.",
    "Votre empreinte digitale a été enregistrée.",
    "Le monde digital change vite.",
    "Le courant passe bien avec l’équipe.",
    "Nous avons reçu votre courrier et nous l’avons lu.",
    "Le bus suit un trajet circulaire autour de la ville.",
    "Votre fils est inscrit au club de sport, son affiliation est faite.",
    "Il a ri à mes dépens devant tout le monde.",
    "Votre propriétaire vous donne une quittance de loyer chaque mois.",
    "Ils habitent une belle demeure près de la mairie.",
    "La ville est en aval de la rivière.",
    "Fermez le volet 2 de la fenêtre.",
    "Elle a perçu une gêne dans votre message.",
]


@pytest.mark.parametrize("sentence", PLAIN)
def test_plain_french_is_no_jargon(sentence):
    text = f"Bonjour Madame Dupont,\n\n{sentence}\n\nCordialement,\nJean"
    flagged = [text[f.start : f.end] for f in check_reply(text) if f.rule == "jargon"]
    assert flagged == []
