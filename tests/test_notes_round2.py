"""Notes that tell the agent the right thing (issue 20, notes and statuses, round 2).

Channel praise and blame read clause by clause (a failed contact is a blame), the
complaint a note quotes is the user's own (not a message of the administration they
pasted), a note that falls back to the title says so, staff behaviour and harm only
when they happened to the writer, and a draft to review says what to do. Each case is
a small experience written for this test (never a real one).
"""

from __future__ import annotations

from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.experience import read_said

SIGNATURE = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)
IDS = [str(n) for n in range(1, 9)]


def drafts(**fields):
    for experience_id in IDS:
        experience = Experience(id=experience_id, **fields)
        yield draft_reply(experience, signature=SIGNATURE, contacts=(PHONE, WEB), today=TODAY)


# --- 1. a channel's praise or blame is said of it, in its own clause ---------------------


@pytest.mark.parametrize(
    "description",
    [
        "J'ai appelé dix fois, le téléphone sonne dans le vide, personne ne décroche. "
        "Je suis allée à l'accueil : l'agent était parfait et très aimable, bien mieux "
        "qu'au téléphone.",
        "Le téléphone ne répond jamais mais l'accueil est excellent.",
        "Au téléphone personne ne décroche, alors qu'au guichet tout est parfait.",
    ],
)
def test_a_phone_nobody_answers_is_blamed_not_praised(description):
    said = read_said(None, description)
    assert "phone" not in said.praised, (said.praised, said.blamed)
    assert "phone" in said.blamed, (said.praised, said.blamed)
    assert "counter" in said.praised, (said.praised, said.blamed)
    for reply in drafts(
        sentiment="Négatif", channels="Téléphone, Accueil", description=description
    ):
        notes = reply.to_dict()["notes"]
        assert not any(n.startswith("channel praised") and "phone" in n for n in notes), notes


def test_a_negated_praise_is_a_blame():
    said = read_said(None, "Au téléphone, la conseillère n'a pas été efficace du tout.")
    assert "phone" not in said.praised
    assert "phone" in said.blamed


def test_a_praise_in_one_clause_is_not_given_to_the_channel_of_another():
    said = read_said(None, "Le site est excellent mais le courrier n'est jamais arrivé.")
    assert said.praised == {"online", "account"} or "mail" not in said.praised
    assert "mail" not in said.praised and "email" not in said.praised


def test_one_channel_praised_in_one_sentence_stays_praised():
    said = read_said(None, "Le téléphone, c'est parfait, une conseillère très aimable.")
    assert "phone" in said.praised


# --- 2. the complaint a note quotes is the user's own ------------------------------------

PASTED_QUOTED = (
    "J'ai reçu ce message : « Votre dossier est incomplet. Sans réponse de votre part "
    "dans un délai de 15 jours, votre démarche sera refusée. » C'est incompréhensible, "
    "j'avais envoyé toutes les pièces."
)
PASTED_PLAIN = (
    "Le site m'affiche : Votre dossier est incomplet. Sans réponse de votre part dans un "
    "délai de 15 jours, votre démarche sera refusée. C'est incompréhensible, j'avais "
    "envoyé toutes les pièces."
)


@pytest.mark.parametrize("description", [PASTED_QUOTED, PASTED_PLAIN])
def test_a_pasted_message_of_the_administration_is_not_the_users_complaint(description):
    complaint = read_said(None, description).requests.complaint
    assert complaint is not None
    assert "sera refusée" not in complaint, complaint
    assert "j'avais envoyé toutes les pièces" in complaint, complaint


def test_a_note_that_falls_back_to_the_title_says_so():
    seen = 0
    for reply in drafts(
        sentiment="Neutre",
        title="Attestation de domicile",
        description="Je suis passé à la mairie mardi matin.",
    ):
        if reply.status == "to_complete":
            seen += 1
            note = reply.to_add
            assert note is not None
            assert "not clear from the words" in note, note
            assert "read the experience" in note, note
            assert "« Attestation de domicile »" in note, note
    assert seen


# --- 3. staff behaviour and harm: what happened to the writer ----------------------------


@pytest.mark.parametrize(
    "description",
    [
        "Au guichet on m'a conseillé un film sur la discrimination, très bon accueil.",
        "Je me renseignais sur la loi contre la discrimination au travail, l'agent m'a aidée.",
        "Je me suis moqué de moi-même : j'avais oublié mon stylo ! Accueil parfait.",
        "Un reportage sur le racisme passait dans la salle d'attente, accueil rapide.",
    ],
)
def test_a_word_of_staff_behaviour_not_about_the_writer_is_no_review(description):
    said = read_said(None, description)
    assert said.requests.review == (), said.requests.review
    for reply in drafts(sentiment="Positif", description=description):
        assert reply.status != "to_review", reply.attention


@pytest.mark.parametrize(
    "description",
    [
        "À l'accueil, l'agent s'est moqué de moi devant tout le monde.",
        "J'ai été victime de discrimination au guichet à cause de mon nom.",
        "On m'a humiliée devant les autres usagers.",
        "Le policier m'a ri au nez quand j'ai posé ma question.",
        "Les agents m'ont refusé l'entrée. Je considère ça comme discriminatoire.",
        "On se sent floués et discriminés dans nos droits.",
        "L'agent a refusé ma demande et est allé jusqu'à m'insulter à mon départ.",
        "J'ai subi deux contrôles, ma voisine aucun : je me pose des questions sur la "
        "discrimination dans vos services.",
    ],
)
def test_staff_behaviour_towards_the_writer_is_read_by_a_person(description):
    for reply in drafts(sentiment="Négatif", description=description):
        assert reply.status == "to_review"
        assert any("agent" in reason for reason in reply.attention), reply.attention


# --- 4. a draft to review says what the agent must do ------------------------------------


def test_a_draft_in_despair_tells_the_agent_what_to_do():
    description = "Je ne sais plus quoi faire, mon dossier est bloqué depuis des mois."
    for reply in drafts(sentiment="Négatif", description=description):
        assert reply.status == "to_review"
        notes = reply.to_dict()["notes"]
        review = [n for n in notes if n.startswith("to review:")]
        assert len(review) == 1, notes
        assert "read the experience" in review[0]
        assert "contact" in review[0]
        assert reply.to_add is None


def test_a_ready_or_to_complete_draft_has_no_review_note():
    for reply in drafts(sentiment="Positif", description="Accueil parfait, merci."):
        assert not any(n.startswith("to review:") for n in reply.to_dict()["notes"])


def test_a_complaint_that_only_announces_a_problem_is_quoted_with_what_follows():
    description = (
        "Tout était parfait au consulat. Il y a cependant un petit problème. Le trajet "
        "jusqu'au consulat prend trois heures en train."
    )
    complaint = read_said(None, description).requests.complaint
    assert complaint is not None and "trois heures" in complaint, complaint


@pytest.mark.parametrize(
    ("description", "task"),
    [
        ("Mon mari est décédé en mars, l'accueil a été parfait pour la pension.", "condolences"),
        ("Mon voisin me menace de mort et le commissariat ne fait rien.", "emergency"),
        ("Je ne sais plus quoi faire, je n'ai plus rien à manger.", "contact who can act"),
    ],
)
def test_the_review_note_says_what_this_situation_needs(description, task):
    for sentiment in ("Positif", "Négatif"):
        for reply in drafts(sentiment=sentiment, description=description):
            assert reply.status == "to_review"
            assert reply.to_review is not None and task in reply.to_review, reply.to_review
