"""A neutral reply does not say "Tout ne s'est pas passé comme vous le souhaitiez"
(issue 20, wording, second round): it names what the user said, or reads neutrally.
Small inputs written for this test."""

from __future__ import annotations

from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply

SIGNATURE = Signature("Jean", "la Caf de Paris")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("posted_as", ["self", "relative", "mediator"])
def test_no_neutral_reply_says_things_did_not_go_as_wished(posted_as):
    for number in range(1, 31):
        experience = Experience(
            id=str(number),
            sentiment="Neutre",
            description="J'ai fait ma demande de carte au guichet, une partie était simple.",
            posted_as=posted_as,
        )
        reply = draft_reply(experience, signature=SIGNATURE, contacts=(WEB,), today=TODAY)
        assert "Tout ne s’est pas passé" not in reply.text, reply.text
