"""The `generic` rule finds the platform's waiting message by meaning, in any wording."""

from __future__ import annotations

import pytest

from sprep_templates import check_reply


def generic(text: str) -> list[str]:
    """The passages the generic rule reports in ``text``."""
    return [text[f.start : f.end] for f in check_reply(text) if f.rule == "generic"]


# The real variants, as short texts written in their wording.
WAITING_MESSAGES = [
    "Bonjour Isabelle, et merci de votre témoignage. À ce jour, l’Agence n’a pas encore la "
    "possibilité de vous répondre sur voxusagers.gouv.fr. En effet, le site est en "
    "expérimentation dans quelques services publics uniquement.",
    "Bonjour Jean, à ce jour, le service concerné par votre histoire n’est pas en mesure de "
    "vous répondre car il n'a pas accès au dispositif.",
    "Bonjour, le service concerné ne peut pas vous répondre. Nous publions néanmoins votre "
    "histoire afin de partager votre expérience.",
    "Le service public concerné par votre témoignage n’est pas encore en mesure de vous répondre.",
    "En raison d'un déploiement progressif dans nos services, nous ne sommes pas encore en "
    "mesure de vous apporter une réponse personnalisée.",
    "Les services de police n’ont pas la possibilité de vous répondre sur voxusagers.gouv.fr. "
    "En effet, le site est actuellement en expérimentation dans certains services publics.",
    "Ce service n’a pas encore accès à la plateforme : votre message restera sans réponse.",
]

# Ordinary replies that say "répondre", "en mesure de", "pas encore" or "expérimentation".
ORDINARY = [
    "Nos conseillers sont en mesure de vous répondre au 3230, du lundi au vendredi.",
    # Cold, but about the user's case: the tone rule's business, not a waiting message.
    "Nous ne sommes pas en mesure de traiter votre dossier sans ce document.",
    "Nous ne pouvons pas vous répondre sur votre dossier ici : cette réponse est publique. "
    "Votre dossier n’est pas encore complet.",
    "Votre demande n’est pas encore traitée. Nous sommes en mesure de vous répondre par "
    "téléphone au 3646.",
    "Le service n’a pas encore reçu votre attestation. N’hésitez pas à nous répondre par courriel.",
    "La carte Vitale numérique est en expérimentation dans votre département. Elle n’est pas "
    "encore disponible partout.",
    "Le déploiement progressif de la fibre se poursuit. Nous ne sommes pas en mesure de vous "
    "donner une date.",
    "Un conseiller sera en mesure de répondre à toutes vos questions lors du rendez-vous.",
    "Nous vous répondrons dans les meilleurs délais ; votre dossier n’est pas encore instruit.",
    "Pour le moment, votre droit n’est pas encore ouvert. Vous pouvez nous répondre via votre "
    "espace personnel.",
    "Nous n’avons pas accès à votre dossier fiscal ; seul le centre des impôts peut vous répondre.",
    "Nous ne manquerons pas de transmettre votre témoignage au service concerné, qui pourra "
    "vous répondre.",
    "Nous ne sommes pas en mesure de vous répondre précisément sur le délai, qui dépend du dossier.",
    "Il s’agit d’une mesure expérimentale de simplification. Vous n’avez pas encore reçu votre titre ?",
]


@pytest.mark.parametrize("text", WAITING_MESSAGES)
def test_waiting_message_in_any_wording(text):
    """Each wording of "this service cannot answer you yet" is one generic finding."""
    assert len(generic(text)) == 1


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_replies_are_not_generic(text):
    """Replies that mention answering, "en mesure de" or "pas encore" are not flagged."""
    assert generic(text) == []


def test_finding_spans_the_cues():
    """The finding runs from the first cue of the passage to its last."""
    text = WAITING_MESSAGES[1]
    assert generic(text) == [
        "n’est pas en mesure de vous répondre car il n'a pas accès au dispositif"
    ]


def test_cues_too_far_apart_are_not_one_message():
    """Two families three sentences apart are not one passage."""
    text = (
        "Le service n’est pas en mesure de vous répondre. Votre dossier est complet. "
        "Votre rendez-vous est fixé. Nous publions néanmoins votre histoire."
    )
    assert generic(text) == []


def test_one_family_alone_is_not_enough():
    """ "Cannot answer you" alone, without another cue, is not the waiting message."""
    assert generic("Le service n’est pas en mesure de vous répondre.") == []
