"""A draft is ready only when an agent can send it as it is (issue 20, statuses and notes).

Questions and requests for action, blocked or urgent situations, staff behaviour and
serious harm, exasperation that is no distress, notes that say what to add. Each case
is a small experience written for this test (never a real one), drafted under several
ids so that every phrasing is seen.
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
IDS = [str(n) for n in range(1, 13)]


def drafts(**fields):
    for experience_id in IDS:
        experience = Experience(id=experience_id, **fields)
        yield draft_reply(experience, signature=SIGNATURE, contacts=(PHONE, WEB), today=TODAY)


def to_add(reply) -> str:
    assert reply.to_add is not None, (reply.status, reply.notes)
    assert reply.to_dict()["notes"][-1] == reply.to_add
    return reply.to_add


# --- 1. explicit questions and requests --------------------------------------------------


@pytest.mark.parametrize(
    ("description", "quoted"),
    [
        ("Mon dossier est incomplet. Que dois je faire ?", "Que dois je faire ?"),
        (
            "Tout s'est bien passé au guichet. PS : comment puis-je changer mon adresse ?",
            "comment puis-je changer mon adresse ?",
        ),
        (
            "J'ai envoyé mes papiers. J'aimerais savoir où en est ma demande.",
            "J'aimerais savoir où en est ma demande.",
        ),
        (
            "Le courrier ne dit rien. Merci de me dire quel document manque.",
            "Merci de me dire quel document manque.",
        ),
    ],
)
def test_an_explicit_question_is_to_complete_and_quoted(description, quoted):
    for sentiment in ("Positif", "Neutre", "Négatif"):
        for reply in drafts(sentiment=sentiment, description=description):
            assert reply.status == "to_complete", (sentiment, reply.status)
            assert quoted in to_add(reply)


@pytest.mark.parametrize(
    ("description", "quoted"),
    [
        ("Mon dossier est complet. Merci de traiter mon dossier au plus vite.", "Merci de traiter"),
        ("J'ai payé deux fois. Je demande le remboursement de la somme.", "Je demande le rembours"),
        ("On m'a prélevé deux fois. Pouvez-vous régulariser ma situation ?", "régulariser"),
        ("Mon adresse a changé. Dans l'attente de votre réponse, cordialement.", "Dans l'attente"),
        ("Le formulaire rejette une page sur deux. Merci de réparer le site.", "Merci de réparer"),
        ("La connexion coupe sans cesse. Merci de remédier à ce problème.", "Merci de remédier"),
    ],
)
def test_a_request_for_action_is_to_complete_and_quoted(description, quoted):
    for sentiment in ("Positif", "Négatif"):
        for reply in drafts(sentiment=sentiment, description=description):
            assert reply.status == "to_complete", (sentiment, reply.status)
            assert quoted in to_add(reply)


@pytest.mark.parametrize(
    "description",
    [
        "Au guichet, je demande à l'agent pourquoi la file n'avance pas. Tout s'est bien fini.",
        "Il a fallu que je sollicite le médiateur, mais c'est réglé et je vous remercie.",
        "On m'a demandé de revenir avec une photo, ce que j'ai fait. Très bon accueil.",
    ],
)
def test_a_request_told_as_a_story_is_no_request(description):
    said = read_said(None, description)
    assert said.requests.request is None


def test_a_quoted_request_leaves_out_numbers_and_addresses():
    description = (
        "Merci de me rappeler au 06 12 34 56 78 ou à jean.dupont@example.org pour le "
        "dossier 123456789."
    )
    for reply in drafts(sentiment="Négatif", description=description):
        note = to_add(reply)
        for personal in ("06 12", "jean.dupont", "example.org", "123456789"):
            assert personal not in note, note


def test_a_request_the_agent_answers_is_answered():
    experience = Experience(
        id="1", sentiment="Positif", description="Merci de m'envoyer une attestation."
    )
    reply = draft_reply(
        experience, signature=SIGNATURE, answer="Votre attestation est dans votre espace."
    )
    assert reply.request is None and reply.status == "ready"


# --- 2. blocked or urgent situations ------------------------------------------------------


@pytest.mark.parametrize(
    ("description", "quoted"),
    [
        ("Mon titre de séjour expire le 3 mars et je n'ai aucun rendez-vous.", "expire le 3 mars"),
        ("Ma pension est suspendue depuis quatre mois, sans un mot.", "suspendue"),
        ("Sans aucune réponse depuis deux ans, mon dossier dort.", "deux ans"),
        ("Impossible de finaliser ma demande sur le site, à chaque essai.", "finaliser"),
        ("Une somme a été prélevée sur mon compte sans aucune explication.", "sans aucune"),
        ("Je ne sais plus comment faire pour obtenir un rendez-vous.", "comment faire"),
    ],
)
def test_a_blocked_user_is_to_complete_with_the_blockage_named(description, quoted):
    for reply in drafts(
        sentiment="Négatif", ratings={"Réactivité": "Négatif"}, description=description
    ):
        assert reply.status == "to_complete", (reply.status, reply.attention)
        note = to_add(reply)
        assert "blocked" in note and quoted in note, note
        assert "next step" in note


def test_a_wait_that_ended_is_no_blockage_for_a_satisfied_user():
    for reply in drafts(
        sentiment="Positif",
        ratings={"Réactivité": "Positif"},
        description="J'attendais depuis deux ans, et tout est enfin réglé. Merci !",
    ):
        assert reply.status == "ready", (reply.status, reply.notes)


def test_exasperation_is_no_distress():
    """'Je ne sais plus comment faire' said of a procedure: to complete, not to review."""
    said = read_said(None, "Je ne sais plus comment faire pour joindre vos services.")
    assert said.distress == ()


@pytest.mark.parametrize(
    ("description", "reason"),
    [
        ("Au commissariat, le policier s'est moqué de moi devant tout le monde.", "agent"),
        ("Je me suis sentie discriminée au guichet à cause de mon accent.", "agent"),
        ("À cause de ce retard, j'ai perdu mon emploi.", "préjudice grave"),
    ],
)
def test_staff_behaviour_or_serious_harm_is_read_by_a_person(description, reason):
    for reply in drafts(sentiment="Négatif", description=description):
        assert reply.status == "to_review"
        assert any(reason in r for r in reply.attention), reply.attention
        assert reply.to_dict()["attention"] == list(reply.attention)


def test_discrimination_as_a_topic_is_no_staff_complaint():
    said = read_said(None, "Le site explique bien la lutte contre les discriminations.")
    assert said.requests.review == ()


# --- 4. notes that say what to add --------------------------------------------------------


def test_a_to_complete_note_quotes_the_users_strongest_complaint():
    description = (
        "Je suis venue lundi. L'agent a refusé mon dossier. C'est inadmissible, "
        "personne ne m'a expliqué le refus."
    )
    for reply in drafts(sentiment="Négatif", description=description):
        if reply.status != "to_complete":
            continue
        note = to_add(reply)
        assert "C'est inadmissible, personne ne m'a expliqué le refus." in note, note
        assert "situation=" in note


# --- 5. notes without contradictions ----------------------------------------------------


def test_no_channel_praised_and_blamed_at_once():
    description = (
        "Le téléphone, c'est parfait, une conseillère très aimable. "
        "Mais au téléphone la deuxième fois, un accueil inadmissible."
    )
    for reply in drafts(sentiment="Neutre", channels="Téléphone", description=description):
        notes = reply.to_dict()["notes"]
        praised = [n for n in notes if n.startswith("channel praised")]
        blamed = [n for n in notes if n.startswith("channel blamed")]
        assert not ("phone" in "".join(praised) and "phone" in "".join(blamed)), notes


def test_no_praised_channel_the_experience_did_not_use():
    description = "Le site est excellent, plus besoin de téléphone, tout est parfait."
    for reply in drafts(sentiment="Positif", channels="Démarche en ligne", description=description):
        notes = reply.to_dict()["notes"]
        assert not any(n.startswith("channel praised") and "phone" in n for n in notes), notes


# --- more of what keeps a user stuck, and what a note quotes ------------------------------


@pytest.mark.parametrize(
    ("description", "quoted"),
    [
        ("Cela fait deux ans que j'attends la rectification de mon nom.", "deux ans"),
        ("Malgré mes relances, cela fait donc 2 ans que j'attends !", "2 ans"),
        ("Demande envoyée en ligne en mars, depuis aucune nouvelle.", "aucune nouvelle"),
        ("Nous n'avons pas reçu de réponse après la procédure en ligne.", "pas reçu"),
        ("La caisse fait traîner les choses depuis près d'un an.", "traîner"),
        ("Impossible de créer mon compte, une erreur à chaque essai.", "créer mon compte"),
    ],
)
def test_a_user_left_without_news_is_blocked(description, quoted):
    said = read_said(None, description)
    assert said.requests.blocked is not None and quoted in said.requests.blocked


def test_an_answer_awaited_is_to_complete():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Réactivité": "Négatif"},
        description="Ma carte n'est pas arrivée. Dans l'attente de votre réponse.",
    ):
        assert reply.status == "to_complete"
        assert "Dans l'attente de votre réponse." in to_add(reply)


def test_what_the_service_asks_the_user_is_no_request():
    said = read_said(None, "À la dernière étape, on nous demande le code reçu par courriel.")
    assert said.requests.request is None


def test_a_short_request_is_quoted_with_what_it_is_about():
    said = read_said(None, "Je n'ai pas trouvé l'alerte sur le site. Merci de m'informer.")
    assert said.question == "Je n'ai pas trouvé l'alerte sur le site. Merci de m'informer."


def test_a_quote_keeps_years_and_leaves_out_file_numbers():
    said = read_said(None, "Merci de traiter le dossier 2024 0012 3456 déposé en mars 2024.")
    assert said.requests.request == "Merci de traiter le dossier … déposé en mars 2024."


def test_with_no_complaint_word_the_note_quotes_the_title():
    for reply in drafts(
        sentiment="Neutre",
        title="Attestation de domicile",
        description="Je suis passé à la mairie mardi matin.",
    ):
        if reply.status == "to_complete":
            assert "« Attestation de domicile »" in to_add(reply)
