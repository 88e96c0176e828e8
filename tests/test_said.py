"""Drafts that read what the user wrote, not only the ratings (issue 20).

Each defect kind of issue 20 is reproduced with a small experience written for this
test (never a real one), drafted under several ids so that every phrasing is seen.
"""

from __future__ import annotations

import time
from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.checking import check_reply
from sprep_templates.experience import MOMENTS, read_said

SIGNATURE = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)
#: Enough ids for each of the three phrasings of every step to be drawn.
IDS = [str(n) for n in range(1, 31)]


def drafts(**fields):
    for experience_id in IDS:
        experience = Experience(id=experience_id, **fields)
        yield draft_reply(experience, signature=SIGNATURE, contacts=(PHONE, WEB), today=TODAY)


# --- kind 1: a grievance invented from a rating ---------------------------------------


def test_access_rated_negative_is_not_the_phone_when_the_user_reached_us():
    """The user went to the desk and was refused: no "difficulté à nous joindre"."""
    for reply in drafts(
        sentiment="Négatif",
        channels="Accueil",
        ratings={"Accessibilité": "Négatif"},
        description="Au guichet, l'agent a refusé mon dossier sans explication.",
    ):
        assert "à nous joindre" not in reply.text
        assert "un accès difficile au service" in reply.text


def test_access_rated_negative_names_the_appointment_the_user_could_not_get():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Accessibilité": "Négatif"},
        description="Impossible d'obtenir un rendez-vous en ligne depuis trois semaines.",
    ):
        assert "un rendez-vous difficile à obtenir" in reply.text
        assert "access" in reply.personalised_by


def test_access_rated_positive_is_not_said_of_the_phone():
    for reply in drafts(
        sentiment="Positif",
        channels="Démarche en ligne",
        ratings={"Accessibilité": "Positif"},
        description="J'ai voté par internet en deux minutes.",
    ):
        assert "à nous joindre" not in reply.text


# --- kind 2: a praised channel regretted ------------------------------------------------


def test_a_praised_visit_is_never_regretted():
    for reply in drafts(
        sentiment="Négatif",
        channels="Accueil, E-mail",
        ratings={"Réactivité": "Négatif"},
        description=(
            "La visite au guichet était excellente, l'agent très aimable. "
            "Mais obtenir ce rendez-vous par courriel a pris deux mois."
        ),
    ):
        assert "votre visite à notre accueil" not in reply.text


def test_a_reception_rated_positive_is_not_regretted_at_the_desk():
    for reply in drafts(
        sentiment="Négatif",
        channels="Accueil",
        ratings={
            "Relation": "Positif",
            "Réactivité": "Négatif",
            "Simplicité/Complexité": "Négatif",
        },
    ):
        assert "votre visite à notre accueil" not in reply.text


# --- kind 3: a global failure told to a mostly satisfied user ------------------------


@pytest.mark.parametrize(
    "failure", ["l’aide attendue", "répondu à vos attentes", "vivement les difficultés"]
)
def test_a_satisfied_user_with_a_suggestion_hears_partial_regret(failure):
    for reply in drafts(
        sentiment="Positif",
        ratings={
            "Réactivité": "Négatif",
            "Simplicité/Complexité": "Négatif",
            "Relation": "Positif",
        },
        description="Bon accueil. Il serait bon de pouvoir prendre rendez-vous en ligne.",
    ):
        assert reply.tone == "negative"
        assert failure not in reply.text


# --- kind 4: "you found the help you needed" to a help request -------------------------


def test_a_help_request_is_not_told_it_found_help():
    for reply in drafts(
        sentiment="Positif",
        description="Service rapide. Comment faire pour pré-remplir le formulaire de l'année suivante ?",
    ):
        assert "trouvé l’aide attendue" not in reply.text


# --- kind 5: questions and suggestions -------------------------------------------------


def test_a_question_makes_the_draft_to_complete_with_the_question_quoted():
    for reply in drafts(
        sentiment="Neutre",
        ratings={"Information/Explication": "Négatif"},
        description="J'ai reçu un courrier. Pouvez-vous m'indiquer quel formulaire remplir ?",
    ):
        assert reply.status == "to_complete"
        assert reply.question == "Pouvez-vous m'indiquer quel formulaire remplir ?"
        assert any("Pouvez-vous m'indiquer quel formulaire remplir ?" in n for n in reply.notes)


def test_a_question_the_agent_answers_is_answered():
    experience = Experience(
        id="1", sentiment="Neutre", description="Pouvez-vous me dire où envoyer mon dossier ?"
    )
    reply = draft_reply(
        experience, signature=SIGNATURE, answer="Envoyez-le depuis votre espace personnel."
    )
    assert reply.question is None


def test_a_suggestion_is_thanked_as_one():
    for reply in drafts(
        sentiment="Neutre",
        description="Tout s'est bien passé. Pourquoi ne pas envoyer un SMS de rappel la veille ?",
    ):
        assert "suggestion" in reply.text
        assert "suggestion" in reply.personalised_by


def test_a_bug_report_is_thanked_as_one():
    for reply in drafts(
        sentiment="Négatif",
        description="Le site affiche un message d'erreur à chaque validation.",
    ):
        assert "problème technique" in reply.text


# --- kind 6: the procedure named -------------------------------------------------------


def test_the_procedure_the_user_names_is_named():
    for reply in drafts(
        sentiment="Négatif",
        title="Renouvellement",
        description="Trois mois d'attente pour mon passeport, sans nouvelles.",
    ):
        assert "votre demande de passeport" in reply.text
        assert "procedure" in reply.personalised_by


def test_the_tags_name_the_procedure_when_the_text_does_not():
    for reply in drafts(
        sentiment="Négatif",
        description="Trois mois d'attente sans nouvelles.",
        topics=("Titre de séjour",),
    ):
        assert "votre demande de titre de séjour" in reply.text


# --- kind 7: distress the sensitive list missed ----------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Mon allocation est suspendue et je n'ai plus rien à manger.", "détresse financière"),
        ("Je suis sous chimiothérapie et le dossier n'avance pas.", "maladie grave"),
        ("J'ai appelé le 115 hier soir, sans place.", "hébergement d’urgence"),
        ("Je ne sais plus quoi faire, personne ne m'aide.", "détresse"),
        ("Un huissier est venu chez moi pour une dette que je ne dois pas.", "détresse financière"),
    ],
)
def test_distress_is_read_by_a_person_first(text, reason):
    for reply in drafts(sentiment="Négatif", description=text):
        assert reply.status == "to_review"
        assert any(r.startswith(reason) for r in reply.attention)
        assert "!" not in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "La saisie en ligne de mon adresse est simple.",
        "J'ai découvert que le site propose un simulateur.",
        "Je ne désespère pas d'obtenir une réponse.",
        "Le dépistage du cancer est bien expliqué sur le site.",
        "J'essaie désespérément de me connecter.",
    ],
)
def test_ordinary_senses_are_not_distress(text):
    assert read_said(None, text).distress == ()


# --- kind 8: bereavement ---------------------------------------------------------------


def test_condolences_when_the_writers_husband_died():
    for reply in drafts(
        sentiment="Négatif",
        posted_as="Un proche de la personne concernée",
        description="Mon mari est décédé en mars et la pension de réversion n'arrive pas.",
    ):
        assert "condoléances" in reply.text
        assert "votre mari" in reply.text
        assert "votre proche" not in reply.text
        assert reply.status == "to_review"


def test_condolences_without_naming_when_the_words_do_not_say_who():
    said = read_said(None, "Je suis veuve depuis peu et j'attends ma pension.")
    assert said.bereaved == ""


# --- kind 9: "en revanche" with nothing before ----------------------------------------


def test_en_revanche_is_never_written():
    for reply in drafts(
        sentiment="Positif",
        ratings={"Réactivité": "Négatif", "Relation": "Positif"},
        description="Bon service.",
    ):
        assert reply.tone == "positive"
        assert "en revanche" not in reply.text


# --- kind 10: check and draft agree ----------------------------------------------------


def test_a_ready_draft_has_no_error_for_the_checker():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Accessibilité": "Négatif"},
        description="Impossible d'obtenir un rendez-vous pour ma carte d'identité.",
    ):
        if reply.status == "ready":
            found = check_reply(reply.text, signature=SIGNATURE, contacts=(PHONE, WEB))
            assert not [f for f in found if f.severity == "error"], found


# --- the reader itself -----------------------------------------------------------------


def test_the_moments_are_the_templates_moments():
    from sprep_templates.drafting import load_template_set

    module = load_template_set().environment.get_template("shared/macros.j2").module
    for kind, phrase in MOMENTS.items():
        assert str(module.moment(kind)) == phrase


def test_reading_is_linear_on_hostile_text():
    """Twice the text takes about twice the time: no pattern backtracks on repeats."""
    unit = "pas pas pas je ne sais plus plus comment comment faire faire il il serait serait "

    def seconds(copies):
        text = unit * copies
        started = time.perf_counter()
        read_said("titre", text)
        return time.perf_counter() - started

    small, large = seconds(500), seconds(2000)
    assert large < 10 * small + 0.5


def test_losing_a_nationality_is_no_naturalisation():
    assert read_said(None, "Ma demande de perte de nationalité française traîne.").procedure is None
    assert read_said(None, "Ma demande de naturalisation traîne.").procedure == "naturalisation"


@pytest.mark.parametrize(
    "text",
    [
        "Voici donc deux suggestions pour améliorer la déclaration.",
        "Pourriez-vous y faire un récapitulatif des papiers à remplir ?",
        "Je trouve qu'il manque un lien pour transmettre un document.",
    ],
)
def test_suggestions_as_users_write_them(text):
    assert read_said(None, text).suggestion


def test_a_missing_document_is_no_suggestion():
    assert not read_said(None, "On m'informe qu'il manque un document à mon dossier.").suggestion


# --- words never contradict the user's own feeling ------------------------------------


def test_a_complaint_is_not_thanked_for_praise_its_words_only_seem_to_give():
    """A negative experience whose words hold "pratique", "dans les délais" or
    "patiente" in another sense: no draft says the user appreciated anything."""
    for reply in drafts(
        sentiment="Négatif",
        description=(
            "J'ai envoyé mon dossier dans les délais et je suis restée patiente, mais en "
            "pratique personne ne m'a répondu et mon dossier est bloqué."
        ),
    ):
        for praise in ("apprécié", "soulignez", "relevez", "la rapidité", "la qualité"):
            assert praise not in reply.text, reply.text


def test_praise_in_a_positive_experience_is_still_named():
    """Words confirming a positive experience are still read ("très rapide")."""
    texts = [
        reply.text
        for reply in drafts(
            sentiment="Positif", description="Tout a été très rapide, merci beaucoup."
        )
    ]
    assert any("rapidité" in text for text in texts)
