"""The checker finds every step the templates write, in order, in branches the
property tests reach only by chance (found by Hypothesis in session 8).

A positive reply for a relative or a mediator whose user tells of something not solved
yet (`unsolved`) opened its acknowledgement with « Merci pour votre retour sur
l’expérience de… »: a second thanks, no feeling acknowledged, so the checker's
`steps` rule saw no acknowledgement before the orientation.
"""

from __future__ import annotations

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.checking import check_reply

SIGNATURE = Signature("Jean", "la Caf de Paris")
CONTACTS = (Contact("phone", "32 30"),)
UNSOLVED = "Personne agréable au guichet. Mais le site ne fonctionne pas pour déclarer ses ressources."


def _drafts(posted_as: str, template: str):
    """Drafts whose acknowledgement is ``template``, for ids tried in turn."""
    found = []
    for number in range(400):
        experience = Experience(
            id=f"u{number}",
            sentiment="positive",
            posted_as=posted_as,
            description=UNSOLVED,
        )
        reply = draft_reply(experience, signature=SIGNATURE, contacts=CONTACTS)
        if reply.templates[2] == template:
            found.append(reply)
        if len(found) == 3:
            break
    return found


@pytest.mark.parametrize("posted_as", ["mediator", "relative"])
@pytest.mark.parametrize(
    "template",
    [
        "positive/acknowledgement/01.j2",
        "positive/acknowledgement/02.j2",
        "positive/acknowledgement/03.j2",
    ],
)
def test_an_unsolved_point_for_someone_else_keeps_the_steps_in_order(posted_as, template):
    drafts = _drafts(posted_as, template)
    assert drafts, f"no id picked {template}"
    for reply in drafts:
        assert "reste à régler" in reply.steps["acknowledgement"]
        findings = check_reply(
            reply.text, signature=SIGNATURE, contacts=CONTACTS, sentiment="positive"
        )
        assert not [str(f) for f in findings if f.rule == "steps"], reply.text
