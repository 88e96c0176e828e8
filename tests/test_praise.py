"""A positive reply names what the user praised in their own words (rapidité,
efficacité, ponctualité, gentillesse, clarté, écoute, professionnalisme), not only
the criterion they rated (issue 20, wording, second round). Small inputs written for
this test."""

from __future__ import annotations

from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.experience import PRAISE_PHRASES, read_said
from sprep_templates.text import count_words

SIGNATURE = Signature("Jean", "la Caf de Paris")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("description", "praise"),
    [
        ("Merci à l'agent pour sa gentillesse.", "kindness"),
        ("Une dame très aimable m'a reçu.", "kindness"),
        ("Dossier traité avec une grande rapidité.", "speed"),
        ("Service très efficace, bravo.", "efficiency"),
        ("Rendez-vous à l'heure, quelle ponctualité.", "punctuality"),
        ("Des explications claires et précises.", "clarity"),
        ("Une conseillère à l'écoute.", "listening"),
        ("Un accueil très professionnel.", "professionalism"),
    ],
)
def test_the_praised_quality_is_read(description, praise):
    assert read_said(None, description).praise == praise


def test_a_negated_quality_is_no_praise():
    assert read_said(None, "L'agent n'était pas aimable du tout.").praise is None


def test_the_positive_reply_names_the_praised_quality():
    for number in range(1, 13):
        experience = Experience(
            id=str(number),
            sentiment="Positif",
            ratings={"Relation": "Positif"},
            description="Je remercie la personne de l'accueil pour sa gentillesse.",
        )
        reply = draft_reply(experience, signature=SIGNATURE, contacts=(WEB,), today=TODAY)
        assert PRAISE_PHRASES["kindness"] in reply.text, reply.text
        assert "praise" in reply.personalised_by


def test_a_praise_phrase_is_no_longer_than_one_criterion():
    # The length proof covers a criterion appreciated (five words): a praise phrase
    # stands in for the criteria, so it must not be longer.
    assert all(count_words(phrase) <= 5 for phrase in PRAISE_PHRASES.values())
