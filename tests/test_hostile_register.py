"""Plain everyday French must not be flagged as jargon or formal register (issue 23's
register lexicon, data/register.tsv and jargon.tsv): each sentence below uses a word
of the lexicon in its ordinary sense. Written for this test.

The sentences marked xfail are flagged today: their entries are in data/register.tsv
or data/jargon.tsv (checker3's area, not this branch's): each reason names the entry.
"""

from __future__ import annotations

import pytest

from sprep_templates import check_reply


def _xfail(sentence: str, reason: str):
    return pytest.param(sentence, marks=pytest.mark.xfail(strict=True, reason=reason))


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
    _xfail(
        "Le bus suit un trajet circulaire autour de la ville.",
        "jargon.tsv 'circulaire<s>' (legal) matches the adjective",
    ),
    _xfail(
        "Votre fils est inscrit au club de sport, son affiliation est faite.",
        "jargon.tsv 'affili{…,ation,…}' is an error on a sports club's affiliation",
    ),
    _xfail(
        "Il a ri à mes dépens devant tout le monde.",
        "register.tsv 'dépens' (legal, CDTN) matches the idiom 'aux dépens de'",
    ),
    _xfail(
        "Votre propriétaire vous donne une quittance de loyer chaque mois.",
        "register.tsv 'quittance<s>' is an error; 'quittance de loyer' is the everyday name",
    ),
    _xfail(
        "Ils habitent une belle demeure près de la mairie.",
        "register.tsv 'demeur{er,e,…}' matches the noun 'une demeure'",
    ),
    _xfail(
        "La ville est en aval de la rivière.",
        "register.tsv 'en amont|en aval' matches a river's course",
    ),
    _xfail(
        "Fermez le volet 2 de la fenêtre.",
        "register.tsv 'volet<s> #' (error: part of a form) matches a window's shutter",
    ),
    _xfail(
        "Elle a perçu une gêne dans votre message.",
        "register.tsv '{…,a} perçu' matches 'percevoir' in the sense of noticing",
    ),
]


@pytest.mark.parametrize("sentence", PLAIN)
def test_plain_french_is_no_jargon(sentence):
    text = f"Bonjour Madame Dupont,\n\n{sentence}\n\nCordialement,\nJean"
    flagged = [text[f.start : f.end] for f in check_reply(text) if f.rule == "jargon"]
    assert flagged == []
