"""Drafts that read what the user wrote, not only the ratings (issue 20).

Each defect kind of issue 20 is reproduced with a small experience written for this
test (never a real one), drafted under several ids so that every phrasing is seen.
"""

from __future__ import annotations

import re
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


# --- review 1: ratings never say the opposite of the words --------------------------------


def test_a_furious_user_is_not_thanked_for_a_simplicity_their_words_deny():
    """Ratings against the feeling of the text are not voiced without words to back them."""
    for reply in drafts(
        sentiment="Négatif",
        ratings={
            "Simplicité/Complexité": "Positif",
            "Relation": "Positif",
            "Réactivité": "Négatif",
        },
        description=(
            "Une journée perdue sur ce site, une horreur. Personne ne répond et mon "
            "dossier est toujours bloqué."
        ),
    ):
        for praise in ("simplicité", "qualité de notre accueil", "apprécié", "soulignez"):
            assert praise not in reply.text, reply.text


def test_praise_the_words_confirm_is_named_in_a_complaint():
    texts = [
        reply.text
        for reply in drafts(
            sentiment="Négatif",
            ratings={"Relation": "Positif", "Réactivité": "Négatif"},
            description=(
                "L'agente au téléphone a été très aimable, mais mon dossier attend depuis six mois."
            ),
        )
    ]
    assert any("qualité de notre accueil" in text for text in texts)


def test_a_fully_positive_message_is_not_told_its_procedure_was_too_complicated():
    for reply in drafts(
        sentiment="Positif",
        ratings={"Simplicité/Complexité": "Négatif", "Relation": "Positif"},
        description="Tout s'est très bien passé, merci à toute l'équipe.",
    ):
        assert "trop compliquée" not in reply.text, reply.text
        assert "regrett" not in reply.text, reply.text


def test_a_fast_online_vote_is_not_a_fast_response():
    for reply in drafts(
        sentiment="Positif",
        channels="Démarche en ligne",
        ratings={"Réactivité": "Positif"},
        description="J'ai voté en ligne en deux minutes, c'est très rapide.",
    ):
        assert "rapidité de notre réponse" not in reply.text, reply.text


def test_an_online_procedure_is_not_a_difficulty_to_reach_us():
    for reply in drafts(
        sentiment="Négatif",
        channels="Démarche en ligne",
        ratings={"Accessibilité": "Négatif"},
        description=(
            "Le site refuse mon paiement à chaque fois, le formulaire ne répond pas et "
            "la page reste blanche."
        ),
    ):
        assert "à nous joindre" not in reply.text, reply.text


# --- review 1: no joy to a person in distress -----------------------------------------------


@pytest.mark.parametrize(
    "title",
    ["Demande désespérée de logement", "Demande désepérée de logement", "Ma désespérance"],
)
def test_a_title_in_despair_gets_no_joy_and_a_person_reads_it(title):
    for reply in drafts(
        sentiment="Positif",
        channels="Démarche en ligne",
        title=title,
        description="J'ai déposé ma demande de logement en ligne il y a deux ans.",
    ):
        assert reply.status == "to_review"
        for joy in ("plaisir", "ravis", "heureux", "heureuses"):
            assert joy not in reply.text, reply.text


# --- review 1: statuses -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Pourquoi mon dossier est-il toujours en attente ?",
        "Comment puis-je payer sans mandat de prélèvement ?",
        "Pouvez-vous me rappeler ?",
        "Quand vais-je recevoir ma carte ?",
    ],
)
def test_an_explicit_question_makes_the_draft_to_complete(question):
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Réactivité": "Négatif"},
        description=f"J'ai envoyé mon dossier il y a trois mois. {question}",
    ):
        assert reply.status == "to_complete"
        assert any(question in note for note in reply.notes), reply.notes


def test_missing_information_is_a_question():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Information/Explication": "Négatif"},
        description="Je ne trouve pas l'information sur le montant à payer sur le site.",
    ):
        assert reply.status == "to_complete"
        assert any("je ne trouve pas l'information" in note.lower() for note in reply.notes)


@pytest.mark.parametrize(
    "text",
    [
        "Pourquoi faire simple quand on peut faire compliqué !",
        "Merci pour tout. Il serait bien d'ajouter un rappel par SMS.",
    ],
)
def test_an_exclamation_or_a_suggestion_is_no_question(text):
    for reply in drafts(sentiment="Positif", description=f"Tout va bien. {text}"):
        assert reply.question is None
        assert reply.status == "ready", (reply.status, reply.notes)


@pytest.mark.parametrize(
    "description",
    ["J'ai fait ma démarche au guichet ce matin.", "Pourquoi mon dossier est-il bloqué ?"],
)
def test_every_draft_to_complete_says_what_to_add(description):
    statuses = set()
    for reply in drafts(sentiment="Neutre", description=description):
        statuses.add(reply.status)
        if reply.status == "to_complete":
            assert reply.to_add is not None and "to complete" in reply.to_add
            assert reply.to_dict()["notes"][-1] == reply.to_add
        else:
            assert reply.to_add is None
    assert "to_complete" in statuses


# --- review 1: orientation that fits ----------------------------------------------------------


def test_no_offer_to_solve_a_problem_that_is_solved():
    for sentiment, ratings in (
        ("Neutre", {}),
        ("Positif", {"Réactivité": "Négatif", "Simplicité/Complexité": "Négatif"}),
    ):
        for reply in drafts(
            sentiment=sentiment,
            ratings=ratings,
            description="C'était long, mais tout est réglé maintenant.",
        ):
            orientation = reply.steps["orientation"]
            for offer in (
                "trouver une solution",
                "régler votre problème",
                "répondre à vos questions",
                "faire le point",
            ):
                assert offer not in orientation, orientation


# --- review 1: procedure and channel named only when said -------------------------------------


def test_a_vat_payment_is_no_fine():
    for reply in drafts(
        sentiment="Négatif",
        description=(
            "Je n'arrive pas à payer ma TVA sans mandat SEPA, sous peine d'une amende de retard."
        ),
    ):
        assert "amende" not in reply.text, reply.text


def test_an_unknown_channel_is_no_exchange_with_our_services():
    for reply in drafts(sentiment="Négatif", description="Mon dossier est bloqué."):
        assert "échange avec nos services" not in reply.text, reply.text


# --- review 1: the draft's own wording -----------------------------------------------------


def test_read_with_attention_is_said_once():
    for sentiment in ("Positif", "Neutre", "Négatif"):
        for ratings in ({}, {"Relation": "Positif"}):
            for description in (
                "Je suis désespérée, mon dossier est bloqué depuis un an.",
                "Tout s'est bien passé.",
            ):
                for reply in drafts(sentiment=sentiment, ratings=ratings, description=description):
                    assert reply.text.count("avec attention") <= 1, reply.text


@pytest.mark.parametrize("sentiment", ["Positif", "Neutre"])
@pytest.mark.parametrize("ratings", [{"Réactivité": "Négatif", "Relation": "Positif"}, {}])
def test_regret_with_toutefois_follows_a_contrast(sentiment, ratings):
    for reply in drafts(
        sentiment=sentiment,
        ratings=ratings or {"Réactivité": "Négatif"},
        description="Je suis désespérée : les délais sont trop longs." if not ratings else None,
    ):
        ack = reply.steps["acknowledgement"]
        if "regrettons toutefois" in ack:
            before = ack[: ack.index("regrettons toutefois")]
            assert re.search(r"soulignez|appréciez|heureux|satisfaction|saluez", before), ack


# --- review 1: the user's own point ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Il faudrait pouvoir choisir un créneau de rendez-vous le samedi.",
            "suggestion sur la prise de rendez-vous",
        ),
        (
            "Il serait utile d'ajouter un bouton de retour sur chaque page du site.",
            "suggestion sur les services en ligne",
        ),
        (
            "Je suggère une rampe pour les personnes en fauteuil roulant.",
            "suggestion sur l’accès des personnes à mobilité réduite",
        ),
    ],
)
def test_a_suggestion_is_thanked_in_the_words_of_its_domain(text, phrase):
    texts = [reply.text for reply in drafts(sentiment="Positif", description=f"Merci. {text}")]
    assert any(phrase in t for t in texts), texts[0]
    for t in texts:
        assert "suggestion sur" not in t or phrase in t


def test_a_suggestion_of_no_known_domain_is_thanked_plainly():
    for reply in drafts(
        sentiment="Positif", description="Merci. Il faudrait tout simplifier, vraiment tout."
    ):
        assert "suggestion sur" not in reply.text


def test_a_call_is_regretted_only_when_the_user_tells_of_one():
    for reply in drafts(
        sentiment="Négatif",
        channels="Téléphone",
        description="J'ai envoyé deux lettres recommandées, toujours sans réponse.",
    ):
        assert "votre appel" not in reply.text, reply.text
    texts = [
        reply.text
        for reply in drafts(
            sentiment="Négatif",
            channels="Téléphone",
            description="Au téléphone, on m'a raccroché au nez deux fois.",
        )
    ]
    assert any("votre appel" in text for text in texts)


@pytest.mark.parametrize(
    "text",
    [
        "Pourquoi faire compliqué quand on peut faire simple ?",
        "Comment vous dire ? Tout était parfait.",
        "Comment voulez-vous que l'on s'y retrouve ?",
    ],
)
def test_a_figure_of_speech_is_no_question(text):
    assert read_said(None, f"Merci pour tout. {text}").question is None


def test_a_bare_why_is_quoted_with_what_it_asks_about():
    said = read_said(None, "Mon dossier est refusé sans motif. Pourquoi ?")
    assert said.question == "Mon dossier est refusé sans motif. Pourquoi ?"


# --- review 2: missed questions, missed distress, sober regret, honest notes -----------


@pytest.mark.parametrize(
    "question",
    [
        "Les crèches du quartier refusent ce mode de paiement. Qu'en dites-vous ?",
        "Les crèches du quartier refusent ce mode de paiement. Qu'en pensez vous ?",
        "Est-il possible d'avoir le formulaire en version anglaise",
        "Est il possible de parler à un conseiller ?",
        "Je souhaiterais savoir comment transmettre mes justificatifs depuis l'étranger.",
        "Comment envoyer mes ordonnances depuis l'étranger ?",
    ],
)
def test_a_real_request_for_information_is_quoted_for_the_agent(question):
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Réactivité": "Négatif"},
        description=f"Mon dossier attend depuis deux mois. {question}",
    ):
        assert reply.status == "to_complete", (reply.status, reply.notes)
        assert reply.question is not None and question.rstrip(" ?.")[:30] in reply.question


def test_an_indignant_how_is_still_no_question():
    text = "Merci pour rien. Comment est-il possible de traiter les gens ainsi ?"
    assert read_said(None, text).question is None


@pytest.mark.parametrize(
    "text",
    [
        "Depuis un an j'en suis à vendre mes affaires pour manger.",
        "Nous sommes sans logement depuis l'été avec deux enfants.",
        "Je dois vendre nos meubles pour nourrir les petits.",
    ],
)
def test_money_and_housing_distress_is_read_by_a_person(text):
    for reply in drafts(sentiment="Négatif", description=f"Mon titre n'arrive pas. {text}"):
        assert reply.status == "to_review", reply.status
        assert reply.attention
        assert "aide attendue" not in reply.text, reply.text
        assert "ne vous a pas apporté" not in reply.text, reply.text


def test_a_person_in_distress_hears_a_plain_regret_not_a_verdict_on_the_procedure():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Information/Explication": "Négatif"},
        topics=("Titre de séjour",),
        description="Sans titre de séjour, je suis sans ressources depuis un an.",
    ):
        assert reply.status == "to_review"
        for verdict in ("aide attendue", "répondu à vos attentes", "ne vous a pas apporté"):
            assert verdict not in reply.text, reply.text


def test_notes_name_no_liked_criterion_a_negative_draft_does_not_voice():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Réactivité": "Négatif"},
        description="La démarche en ligne est simple, mais personne ne répond depuis six mois.",
    ):
        for note in reply.to_dict()["notes"]:
            if "(liked)" in note:
                assert "Nous" in reply.text and any(
                    word in reply.text for word in ("simplicité", "simple")
                ), (note, reply.text)


@pytest.mark.parametrize(
    "text",
    [
        "J'ai essayé trois fois, pourquoi je ne peux pas déposer mes documents ?",
        "Le site ne marche pas : comment envoyer mes justificatifs depuis le Portugal ?",
    ],
)
def test_a_question_after_a_comma_or_a_colon_is_a_question(text):
    assert read_said(None, f"Mon dossier attend. {text}").question == text


@pytest.mark.parametrize(
    "text",
    [
        "C'est la troisième fois, pourquoi faire simple quand on peut faire compliqué ?",
        "Tout a été rapide, comment vous dire ?",
        "Encore un refus, comment est-il possible de traiter les gens ainsi ?",
    ],
)
def test_a_figure_after_a_comma_is_still_no_question(text):
    assert read_said(None, f"Merci pour tout. {text}").question is None


@pytest.mark.parametrize(
    "text",
    [
        "Le dossier a six mois, pourquoi en ajouter encore ?",
        "Le contrôle a été long, pourquoi cette différence entre les usagers ?",
        "Rien n'était indiqué, comment aurais-je pu le savoir ?",
    ],
)
def test_an_indignant_clause_after_a_comma_is_no_question(text):
    assert read_said(None, f"Je suis déçu. {text}").question is None
