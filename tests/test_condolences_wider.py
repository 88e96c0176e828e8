"""Condolences when the words tell of a spouse's death without naming it as one
(issue 20, wording, second round): a survivor's pension, "conjoint survivant", deaths
in the writer's family. Small inputs written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply

SIGNATURE = Signature("Jean", "la Caf de Paris")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    "description",
    [
        "Ma demande de pension de réversion traîne, on me demande encore des pièces.",
        "En tant que conjointe survivante, je dois fournir un acte que je n'ai pas.",
        "Après des décès répétés dans notre famille, le dossier a pris du retard.",
    ],
)
def test_condolences_are_offered(description):
    for number in range(1, 13):
        experience = Experience(id=str(number), sentiment="Négatif", description=description)
        reply = draft_reply(experience, signature=SIGNATURE, contacts=(WEB,), today=TODAY)
        assert "sincères condoléances" in reply.text, reply.text
