"""Matching that generalises (issue 23): an entry is found across an inserted adverb or
a negation, in the forms its verb or adjective takes, and in the nouns derived from it;
the register lexicon from public sources finds what no reply of ours taught it."""

from __future__ import annotations

import pytest

from sprep_templates.checking import check_reply


def jargon_in(text: str) -> list[str]:
    """The spans of every `jargon` finding in ``text``."""
    return [
        text[f.start : f.end]
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None
    ]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # an adverb inserted between the words of an entry
        ("Il convient également de nous écrire.", "Il convient également de"),
        (
            "Nous vous invitons à vous rapprocher directement de la mairie.",
            "vous rapprocher directement de",
        ),
        # a negation
        ("Votre demande ne relève pas de notre service.", "relève pas de"),
        ("Cette démarche ne relève plus du consulat.", "relève plus du"),
        # inflections the entry does not list
        ("Le service réceptionnera votre courrier demain.", "réceptionnera"),
        ("Nous réceptionnons les dossiers le lundi.", "réceptionnons"),
        ("Vous avez perçu la somme en mars.", "avez perçu"),
        ("Les sommes perçues seront déduites.", "sommes perçues"),
        ("La réponse adéquate vous sera envoyée.", "adéquate"),
        ("La mesure prendra effet en janvier.", "prendra effet"),
        # derived nouns
        ("Une démarche de rapprochement avec votre caisse est utile.", "démarche de rapprochement"),
    ],
)
def test_variants_of_an_entry_are_found(text, span):
    assert any(span in found for found in jargon_in(text)), jargon_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le délai perçu par les usagers est trop long.",
        "Il faut bien de la patience, nous le savons.",
        "Nous relevons le défi avec vous.",
        "Ce titre de film est beau.",
    ],
)
def test_plain_uses_are_left_alone(text):
    assert jargon_in(text) == []


def test_entry_search_finds_what_the_combined_pattern_finds():
    """Searching entry by entry at the candidate starts gives the combined pattern's
    matches and entries, on texts full of entries, near misses and plain words."""
    from sprep_templates.checking._data import lexicon as pattern_set
    from sprep_templates.lexicons._entry_search import entry_search
    from sprep_templates.lexicons._jargon import lexicon

    from .plain_texts import PLAIN_TEXTS

    found = lexicon()
    texts = [
        *PLAIN_TEXTS,
        "Il convient également de solliciter le service instructeur au préalable ; "
        "votre demande ne relève pas de la compétence du consulat, le cas échéant.",
        "Les pièces complémentaires, le trop-perçu et la notification de la décision "
        "relèvent du service idoine ; vous avez perçu l’indu à tort.",
        "à compter du 1er mai, sous 15 jours, sous réserve de la production de justificatifs.",
    ]
    for text in texts:
        lower = text.lower()
        starts = pattern_set().candidates(lower).starts("jargon")
        expected = [(m.span(), found.entry_for(m)) for m in found.combined.finditer(lower)]
        got = [(m.span(), entry) for m, entry in entry_search().finditer(lower, starts)]
        assert got == expected, text


@pytest.mark.parametrize(
    ("text", "span"),
    [
        # [CDTN] the Code du travail numérique glossary
        ("Le délai de prévenance est de 48 heures.", "délai de prévenance"),
        ("Nous répondons sous cinq jours ouvrés.", "jours ouvrés"),
        ("La règle est entrée en vigueur en mars.", "entrée en vigueur"),
        ("La demande d’homologation est en cours.", "homologation"),
        # [TESS] its thesaurus
        ("Le reste à charge est de dix euros.", "reste à charge"),
        ("Le minimum contributif s’ajoute à votre pension.", "minimum contributif"),
        # [LEX] formal words rare in speech
        ("Vous pouvez vous prévaloir de ce droit.", "vous prévaloir de"),
        ("Le montant est forfaitaire.", "forfaitaire"),
        ("Les arrérages sont versés le 9 du mois.", "arrérages"),
        # [ANG] an anglicism
        ("Vous pouvez téléverser le document en ligne.", "téléverser"),
    ],
)
def test_the_register_lexicon_from_licensed_sources_is_found(text, span):
    assert any(span in found for found in jargon_in(text)), jargon_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nous avons pris vos empreintes digitales au guichet.",
        "Vous avez fait une démarche de deux jours.",
        "Le ressort de la porte est cassé.",
        "Nous avons reçu vos documents et vous en remercions.",
    ],
)
def test_words_of_the_register_lexicon_in_their_plain_sense_are_left_alone(text):
    assert jargon_in(text) == []
