"""A title that tells a crime or violence, or that is the writer's own name, is not
quoted back (issue 20, wording, second round). Small inputs written for this test."""

from __future__ import annotations

import pytest

from sprep_templates.experience import quotable_title


@pytest.mark.parametrize(
    "title",
    [
        "Cambriolage de mon appartement",
        "Vol de ma voiture",
        "Agression devant la mairie",
        "Victime d’une escroquerie",
        "Plainte pour harcèlement",
        "Julien",
        "Marie Dubois",
    ],
)
def test_a_story_or_a_name_is_not_quoted(title):
    assert quotable_title(title) is None


@pytest.mark.parametrize(
    "title", ["Renouvellement de passeport", "Très bon accueil", "Vote à l’étranger"]
)
def test_an_ordinary_title_is_still_quoted(title):
    assert quotable_title(title) == title


@pytest.mark.parametrize(
    "title",
    [
        "Renouvellement de passeport",
        "Il convient également de se rapprocher directement de la mairie",
        "Demande de régularisation de ma situation",
        "Ma demande ne relève plus de vos services",
        "Vote par internet",
        "Bonjour et merci",
        "Pièces justificatives demandées deux fois",
        "La circulaire du mois de mars",
    ],
)
def test_the_title_check_finds_what_the_combined_lexicon_finds(title):
    """quotable_title searches the lexicon entry by entry (fast at start-up and per
    title); it must find exactly what the combined pattern finds."""
    from sprep_templates.experience._screening import _has_jargon
    from sprep_templates.lexicons import jargon

    assert _has_jargon(title) == (jargon()[0].search(title.lower()) is not None)
