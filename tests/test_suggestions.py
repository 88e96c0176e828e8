"""The user's suggestion, named in the draft (issue 20, kind 5).

A suggestion is read in more of the ways users write one, never in a complaint or a
question that uses the same words; what it is about is named as a short noun phrase
after « votre suggestion sur … », read in the suggestion's own sentence; a draft that
leaves a suggestion unnamed is not ``ready``. Every input is a sentence written for
this test (never a real experience).
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.experience import SUGGESTION_TOPICS, read_said
from sprep_templates.experience._suggestions import (
    TOPIC_PHRASES,
    read_suggestion,
)
from sprep_templates.lexicons import fold_keeping_length

SIGNATURE = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)
IDS = [str(n) for n in range(1, 31)]


def drafts(description, sentiment="Positif", **fields):
    for experience_id in IDS:
        experience = Experience(
            id=experience_id, sentiment=sentiment, description=description, **fields
        )
        yield draft_reply(experience, signature=SIGNATURE, contacts=(PHONE, WEB), today=TODAY)


def topic_of(text: str) -> str | None:
    said = read_said(None, text)
    return SUGGESTION_TOPICS[said.topic] if said.suggestion and said.topic else None


# --- 1. wider detection, without complaints or questions -------------------------------

SUGGESTIONS = [
    "Il serait judicieux de proposer un rappel par SMS la veille du rendez-vous.",
    "Ce serait bien que la mairie ouvre aussi le samedi matin.",
    "Pourquoi ne pas envoyer les titres par courrier suivi ?",
    "Je propose d'ajouter une aide à la saisie sur le champ du numéro fiscal.",
    "Ne serait-il pas possible de prendre la photo directement au guichet ?",
    "Ajouter le délai de traitement estimé sur la page du dossier.",
    "Mettre en place une connexion par empreinte digitale dans l'application.",
    "Il faudrait rouvrir les permanences dans les petites communes.",
    "Je suggère le vote par internet pour toutes les élections.",
    "Il serait utile de pouvoir recevoir les documents par la poste.",
    "Il serait bon qu'un agent rappelle les usagers par téléphone.",
    "Il serait bien d'afficher un exemple du format attendu dans la case.",
]


@pytest.mark.parametrize("text", SUGGESTIONS)
def test_a_suggestion_is_read(text):
    assert read_said(None, f"Tout s'est bien passé. {text}").suggestion


NOT_SUGGESTIONS = [
    "Il faudrait des mois pour obtenir un rendez-vous à ce rythme.",
    "Il faudrait être devin pour comprendre ce formulaire.",
    "Pourquoi ne pas m'avoir prévenu plus tôt ?",
    "Il faudrait que je renvoie tout mon dossier, d'après l'agent.",
    "J'ai voulu ajouter une pièce jointe mais le site a planté.",
    "On m'a proposé un rendez-vous dans trois mois.",
    "Il serait temps que quelqu'un me réponde.",
    "Serait-il possible de me rappeler au plus vite ?",
    "Ne serait-il pas possible de me verser mon allocation ce mois-ci ?",
    "Il aurait fallu me prévenir que le dossier était incomplet.",
]


@pytest.mark.parametrize("text", NOT_SUGGESTIONS)
def test_a_complaint_or_a_request_in_the_same_words_is_no_suggestion(text):
    assert not read_said(None, f"J'ai attendu longtemps. {text}").suggestion


# --- 2. what the suggestion is about, as a short noun phrase --------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (SUGGESTIONS[0], "le rappel par SMS"),
        (SUGGESTIONS[1], "des horaires plus larges"),
        (SUGGESTIONS[2], "un envoi suivi"),
        (SUGGESTIONS[3], "une aide à la saisie"),
        (SUGGESTIONS[4], "la photo prise sur place"),
        (SUGGESTIONS[5], "l’affichage du délai de traitement"),
        (SUGGESTIONS[6], "la connexion biométrique"),
        (SUGGESTIONS[7], "un accueil plus proche de chez vous"),
        (SUGGESTIONS[8], "le vote par internet pour toutes les élections"),
        (SUGGESTIONS[9], "les envois papier"),
        (SUGGESTIONS[10], "le rappel par téléphone"),
        (SUGGESTIONS[11], "une aide à la saisie"),
        ("Il faudrait un bouton pour télécharger l'attestation.", "le téléchargement des documents"),
        ("Pourquoi ne pas ouvrir plus tard le soir, après le travail ?", "des horaires plus larges"),
        ("À généraliser à tous les scrutins : c'est rapide et simple.", "le vote par internet pour toutes les élections"),
    ],
)
def test_the_topic_is_a_short_noun_phrase(text, phrase):
    assert topic_of(f"Merci. {text}") == phrase


def test_the_topic_is_read_in_the_suggestion_sentence_only():
    # The SMS is told, not suggested: the suggestion is the opening hours.
    assert topic_of("J'ai reçu un SMS hier. Il faudrait ouvrir le samedi.") == (
        "des horaires plus larges"
    )
    # Nothing in the suggestion's sentence names a topic: none from elsewhere.
    assert topic_of("J'ai reçu un SMS de rappel. Il faudrait tout revoir.") is None


def test_the_suggestion_sentence_is_kept_for_the_agent():
    text = "Accueil parfait. Il serait judicieux de proposer un rappel par SMS."
    found = read_suggestion(text, fold_keeping_length(text), [16, len(text)])
    assert found is not None
    assert found.sentence.startswith("Il serait judicieux")
    assert found.topic is not None and TOPIC_PHRASES[found.topic] == "le rappel par SMS"


def test_every_topic_phrase_fits_after_sur():
    """A noun phrase with its article, in the reply's typography, short."""
    for phrase in TOPIC_PHRASES.values():
        assert re.match(r"(?:le|la|les|un|une|des|l’|d’autres) ", phrase + " ") or (
            phrase.startswith("l’")
        ), phrase
        assert "'" not in phrase and "  " not in phrase, phrase
        assert len(phrase.split()) <= 8, phrase
        assert phrase in SUGGESTION_TOPICS.values(), phrase


# --- 3. named in the draft, and the status -----------------------------------------------


def test_the_draft_names_the_suggestion_and_can_be_ready():
    texts = []
    for reply in drafts("Accueil parfait. Il serait judicieux de proposer un rappel par SMS la veille."):
        texts.append(reply.text)
        if "suggestion" in reply.personalised_by:
            assert "suggestion sur le rappel par SMS" in reply.text
            assert reply.status == "ready", reply.to_add
        # The user's own words are never quoted into the reply.
        assert "la veille" not in reply.text
    assert any("suggestion sur le rappel par SMS" in t for t in texts)


def test_a_suggestion_read_only_by_the_wider_cues_is_thanked():
    texts = [r.text for r in drafts("Très bon accueil. Ajouter le délai de traitement estimé sur la page du dossier.")]
    assert any("suggestion sur l’affichage du délai de traitement" in t for t in texts), texts[0]


def test_a_suggestion_left_unnamed_is_to_complete():
    description = "Très bon accueil, merci. Il faudrait tout repenser de fond en comble."
    for reply in drafts(description):
        assert reply.status == "to_complete"
        assert reply.to_add is not None and "suggestion" in reply.to_add
        assert "tout repenser" in reply.to_add


def test_a_negative_draft_names_the_suggestion_beside_the_complaint():
    description = (
        "Le dossier a été perdu deux fois par le service. "
        "Pourquoi ne pas envoyer les titres par courrier suivi ?"
    )
    texts = [r.text for r in drafts(description, sentiment="Négatif")]
    assert any("suggestion sur un envoi suivi" in t for t in texts), texts[0]


def test_a_suggestion_announced_by_a_colon_is_named_from_the_next_line():
    assert topic_of("Merci. Il serait bon de revoir :\nle stationnement devant la mairie.") == (
        "le stationnement"
    )


def test_why_no_x_is_a_complaint_not_a_suggestion():
    assert not read_said(None, "J'ai attendu longtemps. Pourquoi pas de réponse ?").suggestion


def test_a_request_for_oneself_with_an_elided_pronoun_is_no_suggestion():
    text = "J'ai attendu longtemps. Serait-il possible de m'envoyer mon attestation ?"
    assert not read_said(None, text).suggestion


def test_why_not_have_an_office_is_a_suggestion_why_not_have_said_is_not():
    assert topic_of("Merci. Pourquoi ne pas avoir une permanence dans notre village ?") == (
        "un accueil plus proche de chez vous"
    )
    assert not read_said(None, "J'ai attendu. Pourquoi ne pas avoir dit cela dès le départ ?").suggestion


def test_suggestions_announced_then_listed_are_named_from_the_list():
    text = "Merci. Voici deux suggestions.\n1. Un SMS de rappel la veille.\n2. Un parking."
    assert topic_of(text) == "le rappel par SMS"


def test_a_complaint_in_suggestion_words_asks_no_suggestion_named():
    """Another reader (experience._needs) sees « il faudrait » too: the complaint in the
    same words is no suggestion for the status either."""
    from sprep_templates.drafting._reply import missing_of

    said = read_said(None, "Tout va bien. Il faudrait des mois pour changer cela.")
    missing = missing_of(
        sentiment="positive",
        said=said,
        used=(),
        named_hard=(),
        description="Tout va bien. Il faudrait des mois pour changer cela.",
        situation=False,
        answered=False,
    )
    assert missing is None or missing.kind != "suggestion", missing


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Il serait très utile de pouvoir faire les démarches à partir de Lyon.",
            "un accueil plus proche de chez vous",
        ),
        ("Il faudrait nous indiquer l'onglet des coordonnées.", "un accès plus direct en ligne"),
    ],
)
def test_where_the_user_would_do_it_and_where_to_click(text, phrase):
    assert topic_of(f"Merci. {text}") == phrase


def test_a_procedure_done_remotely_is_no_nearer_office():
    assert topic_of("Merci. Il serait bien de faire les démarches à distance.") == (
        "des démarches à distance"
    )


# --- « À quand … pour tous ? »: a wish to extend what worked (session 8) ---------------

A_QUAND = [
    ("Vote très simple. À quand le vote par internet pour tous les scrutins en métropole ?",
     "le vote par internet pour toutes les élections"),
    ("Parfait, merci. Et à quand la même chose pour toutes les élections en métropole ?",
     "le vote par internet pour toutes les élections"),
]


@pytest.mark.parametrize(("text", "topic"), A_QUAND)
def test_a_wish_to_extend_is_a_suggestion_named(text, topic):
    assert topic_of(text) == topic
    for reply in drafts(text, title="Vote par internet"):
        assert f"suggestion sur {topic}" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Jusqu'à quand faudra-t-il attendre une réponse ?",
        "À quand remonte ma dernière déclaration ?",
        "À quand un rendez-vous ? Cela fait trois mois que j'attends.",
    ],
)
def test_a_question_or_a_complaint_with_a_quand_is_no_suggestion(text):
    assert not read_said(None, text).suggestion


# --- « il devrait être offert… »: a proposal, and its words are no urgency (session 8) --

OFFERED = (
    "Les rendez-vous en ligne sont rares. Il devrait être offert aux usagers la "
    "possibilité de prendre un rendez-vous en urgence."
)


def test_what_should_be_offered_is_a_suggestion_and_no_urgency():
    said = read_said(None, OFFERED)
    assert said.suggestion
    assert said.severity is None
    for reply in drafts(OFFERED):
        assert "urgence de votre situation" not in reply.text
        assert reply.status != "ready" or "suggestion" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "Mon dossier devrait être traité depuis trois mois.",
        "Le paiement devrait être versé depuis longtemps.",
    ],
)
def test_what_should_have_been_done_is_no_suggestion(text):
    assert not read_said(None, text).suggestion


def test_a_hypothetical_urgency_is_none():
    """« sinon tout le monde serait en urgence »: the conditional tells no urgency."""
    text = OFFERED + " Filtré par le service, sinon tout le monde serait en urgence."
    assert read_said(None, text).severity is None
