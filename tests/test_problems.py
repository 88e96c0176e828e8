"""The user's own problem and how serious it is, named in the draft (issue 20, wording).

A reviewer read drafts that said "des explications peu claires" to a user who could
not fill a locked form, and "tout n'a pas été simple" to a user whose payments had
stopped for months. Each kind is reproduced with a small experience written for this
test (never a real one), drafted under several ids so that every phrasing is seen.
"""

from __future__ import annotations

from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.experience import PROBLEM_PHRASES, read_said

SIGNATURE = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)
IDS = [str(n) for n in range(1, 31)]

#: Phrasings that play a serious situation down.
MINIMISING = ("tout n’a pas été simple", "tout n’ait pas été simple", "vous aient déplu",
              "n’ait pas répondu à vos attentes", "certains points")


def drafts(**fields):
    for experience_id in IDS:
        experience = Experience(id=experience_id, **fields)
        yield draft_reply(experience, signature=SIGNATURE, contacts=(PHONE, WEB), today=TODAY)


def acknowledgement(reply) -> str:
    return reply.steps["acknowledgement"]


# --- the user's problem is named, not the rating ---------------------------------------


@pytest.mark.parametrize(
    ("description", "problem"),
    [
        ("Le formulaire en PDF est verrouillé, impossible de le remplir à l'écran.", "pdf-form"),
        ("Quand j'imprime l'attestation, la page sort coupée et illisible.", "printing"),
        ("Impossible de joindre le justificatif : le site refuse mon fichier.", "upload"),
        ("J'ai appelé plusieurs fois, personne ne décroche jamais.", "calls"),
        ("Mon allocation est suspendue et je ne sais pas pourquoi.", "payment-stopped"),
        ("Le montant versé est erroné, il manque la moitié.", "amount"),
        ("Ma demande a été refusée sans que je comprenne le motif.", "refusal"),
        ("La transcription de mon acte de mariage prend un temps fou.", "transcription"),
    ],
)
def test_the_problem_is_read_from_the_words(description, problem):
    assert read_said(None, description).problem == problem


def test_no_problem_is_read_in_a_plain_thank_you():
    assert read_said(None, "Merci pour votre accueil, tout était parfait.").problem is None


def test_a_locked_form_is_named_not_the_rating():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Information/Explication": "Négatif"},
        description="Le formulaire PDF est verrouillé : impossible de le remplir à l'écran.",
    ):
        assert PROBLEM_PHRASES["pdf-form"] in acknowledgement(reply)
        assert "des explications peu claires" not in reply.text
        assert "problem" in reply.personalised_by


def test_unanswered_calls_are_named_in_a_neutral_reply():
    for reply in drafts(
        sentiment="Neutre",
        ratings={"Réactivité": "Négatif", "Relation": "Positif"},
        description="J'ai appelé dix fois, personne ne décroche.",
    ):
        assert PROBLEM_PHRASES["calls"] in acknowledgement(reply)


def test_the_rating_is_said_when_the_words_name_nothing():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Information/Explication": "Négatif"},
        description="Je ne suis pas content du tout.",
    ):
        assert "des explications peu claires" in reply.text


# --- serious situations are not played down --------------------------------------------


@pytest.mark.parametrize(
    ("description", "severity", "waited"),
    [
        ("J'attends une réponse depuis 4 mois.", "wait", "quatre mois"),
        ("Cela fait plus de 2 ans que mon dossier est bloqué.", "wait", "plus de deux ans"),
        ("Sans nouvelles depuis plusieurs mois.", "wait", "plusieurs mois"),
        ("J'ai passé 25 appels sans réponse.", "calls", None),
        ("Malgré plusieurs relances, rien ne bouge.", "reminders", None),
        ("Ma pension est suspendue, je n'ai plus rien.", "money", None),
        ("Mon titre de séjour expire dans dix jours.", "urgent", None),
    ],
)
def test_severity_is_read_from_the_words(description, severity, waited):
    said = read_said(None, description)
    assert said.severity == severity
    assert said.waited == waited


def test_a_short_wait_is_not_serious():
    assert read_said(None, "J'attends depuis 2 jours.").severity is None


def test_a_long_wait_hears_proportionate_regret():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Réactivité": "Négatif"},
        description="Ma pension est suspendue depuis 4 mois, sans explication.",
    ):
        text = acknowledgement(reply)
        assert "quatre mois" in text.lower()
        assert not any(phrase in reply.text for phrase in MINIMISING)


def test_a_partly_satisfied_user_in_a_serious_situation_is_not_played_down():
    for reply in drafts(
        sentiment="Neutre",
        ratings={"Réactivité": "Négatif", "Accessibilité": "Négatif", "Relation": "Positif"},
        description="Agent aimable, mais 25 appels et toujours aucune réponse. "
        "Il serait bon d'avoir un numéro direct.",
    ):
        assert not any(phrase in reply.text for phrase in MINIMISING)
        assert "appel" in acknowledgement(reply)


def test_no_serious_reading_in_a_positive_reply():
    for reply in drafts(
        sentiment="Positif",
        description="Après 4 mois d'attente, tout est réglé, merci beaucoup.",
    ):
        assert "trop long" not in reply.text


# --- stock phrases said where they fit -------------------------------------------------


def test_no_agents_thanked_for_an_online_procedure():
    for reply in drafts(
        sentiment="Positif",
        channels="Site internet",
        description="Démarche faite en ligne en quelques minutes, très pratique.",
    ):
        assert "engagement de nos agents" not in reply.text


def test_agents_can_be_thanked_after_a_visit():
    texts = [
        reply.text
        for reply in drafts(
            sentiment="Positif",
            channels="Accueil",
            description="Très bien reçu au guichet par une agente aimable.",
        )
    ]
    assert any("engagement de nos agents" in text for text in texts)


def test_no_empty_filler_in_neutral_replies():
    for reply in drafts(sentiment="Neutre", description="Démarche correcte mais longue."):
        assert "Merci aussi pour votre confiance" not in reply.text
        assert "ce qui va bien et ce qui peut changer" not in reply.text


def test_a_suggestion_about_the_website_does_not_say_our_site():
    for reply in drafts(
        sentiment="Neutre",
        description="Il serait bon d'ajouter un bouton pour télécharger l'attestation sur le site.",
    ):
        assert "sur notre site" not in reply.text


# --- tone -------------------------------------------------------------------------------


def test_one_rating_does_not_turn_a_positive_experience_into_regret():
    for reply in drafts(
        sentiment="Positif",
        ratings={"Réactivité": "Négatif"},
        description="Bonne expérience dans l'ensemble, un peu lent.",
    ):
        assert reply.tone == "positive"


def test_the_longest_wait_a_text_tells_is_said():
    said = read_said(None, "Un retrait de plus de 3 mois, et cela fait plus de 2 ans que j'attends.")
    assert said.waited == "plus de deux ans"


def test_an_unanswered_request_is_named():
    assert read_said(None, "Nous n'avons reçu aucune réponse à ce jour.").problem == "no-answer"


def test_an_online_vote_thanks_no_agents_even_with_codes_received_by_mail():
    for reply in drafts(
        sentiment="Positif",
        channels="Accueil",
        title="Vote par internet",
        description="Codes reçus par courriel et par SMS, vote fait en deux minutes.",
    ):
        assert "engagement de nos agents" not in reply.text


def test_a_writer_who_tells_only_of_their_own_file_is_not_called_a_relative():
    for reply in drafts(
        sentiment="Négatif",
        posted_as="relative",
        description="J'ai déposé mon dossier en ligne et je n'ai reçu aucune réponse.",
    ):
        assert "votre proche" not in reply.text


def test_a_writer_who_names_a_relative_still_writes_for_them():
    texts = [
        reply.text
        for reply in drafts(
            sentiment="Négatif",
            posted_as="relative",
            description="Le dossier de ma mère est en ligne et nous n'avons aucune réponse.",
        )
    ]
    assert any("votre proche" in text for text in texts)
