"""What drafts say about the rated criteria, the channels and the stock phrases
(issue 20, session 8).

Each defect is reproduced with a small experience written for this test (never a real
one), drafted under several ids so that every phrasing is seen.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply

SIGNATURE = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
WEB = Contact("web", "https://www.caf.fr/nous-contacter")
TODAY = date(2026, 11, 28)
IDS = [str(n) for n in range(1, 31)]


def drafts(contacts=(PHONE, WEB), **fields):
    for experience_id in IDS:
        experience = Experience(id=experience_id, **fields)
        yield draft_reply(experience, signature=SIGNATURE, contacts=contacts, today=TODAY)


# --- 1a. a criterion the words contradict is never named negatively -------------------

CONTRADICTED = [
    (
        "Simplicité/Complexité",
        "La démarche est simple mais mon dossier reste bloqué.",
        ("une démarche trop compliquée",),
    ),
    (
        "Réactivité",
        "Sur place tout est allé très vite, mais le titre n'est pas arrivé.",
        ("des délais trop longs", "un traitement trop lent"),
    ),
    (
        "Accessibilité",
        "J'ai pu joindre un conseiller deux fois, mais rien ne bouge.",
        ("à nous joindre", "impossible à joindre", "un accès difficile au service"),
    ),
    (
        "Information/Explication",
        "Les explications étaient claires, mais ma demande est refusée.",
        ("des explications peu claires",),
    ),
]


@pytest.mark.parametrize(("column", "description", "labels"), CONTRADICTED)
@pytest.mark.parametrize("sentiment", ["Négatif", "Neutre"])
def test_a_criterion_the_words_contradict_is_not_named_negatively(
    column, description, labels, sentiment
):
    for reply in drafts(sentiment=sentiment, ratings={column: "Négatif"}, description=description):
        for label in labels:
            assert label not in reply.text, reply.text


def test_a_wait_told_fast_is_not_a_slow_treatment():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Réactivité": "Négatif", "Relation": "Négatif"},
        description=(
            "Au guichet tout est allé très vite et le dossier a été traité rapidement. "
            "En revanche l'agent m'a parlé de manière très désagréable devant tout le monde."
        ),
    ):
        assert "trop lent" not in reply.text and "délais trop longs" not in reply.text


# --- 1b. a criterion the words tell, in terms the lists missed, is kept -----------------


def test_an_unclear_status_is_named_as_unclear_information():
    for reply in drafts(
        sentiment="Négatif",
        ratings={"Information/Explication": "Négatif"},
        description=(
            "J'ai envoyé tous les documents il y a un moment et je ne sais pas si ma "
            "demande est finalisée, rien ne l'indique sur mon espace."
        ),
    ):
        assert "des explications peu claires" in reply.text, reply.text


@pytest.mark.parametrize(
    "description",
    [
        "Mon dossier a été traité dès le lendemain, je suis ravie, merci à toute l'équipe.",
        "Ma demande de carte grise a été validée en 48 h, je recommande ce service à tous.",
    ],
)
def test_speed_praised_in_other_words_is_named(description):
    for reply in drafts(
        sentiment="Positif", ratings={"Réactivité": "Positif"}, description=description
    ):
        assert "la rapidité de notre service" in reply.text, reply.text


# --- 2. stock phrases that misfit --------------------------------------------------------


def test_no_aide_attendue_once_the_problem_is_named():
    for reply in drafts(
        sentiment="Négatif",
        topics=("Vote par internet",),
        description=(
            "Je n'ai jamais reçu mes identifiants pour voter par internet malgré "
            "plusieurs relances par courriel au consulat."
        ),
    ):
        assert "aide attendue" not in reply.text, reply.text


@pytest.mark.parametrize(
    ("topics", "description"),
    [
        (("Vote par internet",), "J'ai voté par internet en quelques minutes, parfait."),
        (
            (),
            "Je devais m'inscrire au consulat en ligne : tout était simple et clair, parfait.",
        ),
        (
            ("Inscription consulaire",),
            "Mon inscription consulaire a été faite en ligne sans aucun souci, parfait.",
        ),
    ],
)
def test_no_help_found_told_to_a_user_who_sought_none(topics, description):
    for reply in drafts(sentiment="Positif", topics=topics, description=description):
        assert "aide attendue" not in reply.text, reply.text


def test_no_other_questions_to_a_user_who_asked_none():
    for reply in drafts(
        sentiment="Positif",
        description="Tout s'est très bien passé, l'agent était très aimable et efficace.",
    ):
        assert "d’autres questions" not in reply.text, reply.text


@pytest.mark.parametrize("sentiment", ["Positif", "Neutre", "Négatif"])
@pytest.mark.parametrize("posted_as", ["Un proche de la personne concernée", None])
def test_the_opening_thanks_once(sentiment, posted_as):
    fields = {"posted_as": posted_as} if posted_as else {}
    for reply in drafts(
        sentiment=sentiment,
        description="Ma mère attend sa carte depuis des mois et je l'aide dans ses démarches.",
        **fields,
    ):
        opening = reply.text.split("\n\n")[1]
        thanks = re.findall(r"\bMerci\b|\bremercions\b", opening)
        assert len(thanks) <= 1, opening


# --- 3. the way forward is not what failed ----------------------------------------------


def test_a_written_contact_that_went_unanswered_is_not_offered_first():
    for reply in drafts(
        contacts=(WEB, PHONE),
        sentiment="Négatif",
        description=(
            "J'ai envoyé trois courriels par le formulaire de contact, toujours sans "
            "aucune réponse depuis deux mois."
        ),
    ):
        orientation = next(p for p in reply.text.split("\n\n") if "32 30" in p)
        assert orientation.index("32 30") < orientation.index("https://"), orientation


def test_no_listening_promised_when_every_way_in_went_unanswered():
    for reply in drafts(
        contacts=(PHONE,),
        sentiment="Négatif",
        description="Personne ne répond au téléphone, j'ai appelé dix fois cette semaine.",
    ):
        assert "restent à votre écoute" not in reply.text, reply.text
        assert "reste à votre écoute" not in reply.text, reply.text


def test_the_mails_that_went_unanswered_are_read_after_the_phone_out_of_reach():
    """ "injoignable par téléphone et ne répond pas aux mails": both ways in failed."""
    from sprep_templates.experience import read_said

    said = read_said(
        None, "Le service est injoignable par téléphone et ne répond pas aux mails depuis mai."
    )
    assert {"phone", "email"} <= said.failed, said.failed
    said = read_said(None, "Aucune réponse à mon message email envoyé au consulat en mars.")
    assert "email" in said.failed, said.failed


@pytest.mark.parametrize(
    ("description", "criterion"),
    [
        ("Les agents ont été très gentils et polis avec ma mère, au guichet.", "relation"),
        ("Merci aux agents de la mairie pour le travail fait au quotidien.", "relation"),
        ("Une équipe de policiers sympas et avenants m'a reçu au commissariat.", "relation"),
        ("Tout a fonctionné, bravo et félicitations pour cette énorme facilité.", "simplicity"),
        ("Personnel médical qui fournit de brèves et bonnes explications.", "information"),
        ("Je me suis renseigné à la mairie et on m'a donné la marche à suivre.", "information"),
        ("La dame a pris le temps de m'expliquer toute la démarche, merci.", "information"),
        ("Ma pension a été versée sans retard, en temps voulu, merci.", "reactivity"),
        ("J'ai voté en ligne, ça m'a pris 15 minutes depuis chez moi.", "reactivity"),
        ("Il n'y a pas d'attente au consulat, c'est appréciable.", "reactivity"),
        ("Tout s'est fait en ligne sans aucun problème, de bout en bout.", "simplicity"),
    ],
)
def test_praise_in_other_words_is_read(description, criterion):
    from sprep_templates.experience import read_said

    assert criterion in read_said(None, description).felt_liked


@pytest.mark.parametrize(
    "description",
    [
        "Le formulaire ne passe jamais sans problème, il faut tout recommencer.",
        "Personne n'a pris le temps de m'expliquer quoi que ce soit au guichet.",
        "Le paiement n'est jamais arrivé en temps voulu, toujours en retard.",
    ],
)
def test_negated_praise_is_not_read_as_praise(description):
    from sprep_templates.experience import read_said

    said = read_said(None, description)
    assert not ({"simplicity", "information", "reactivity"} & set(said.felt_liked)), said


def test_satisfaction_with_the_reception_praises_the_desk():
    from sprep_templates.experience import read_said

    said = read_said(None, "Je voudrais dire ma satisfaction sur l'accueil reçu au guichet.")
    assert "counter" in said.praised, said


def _reading(**fields):
    from sprep_templates.experience import personalise

    return personalise(Experience(id="1", **fields), today=TODAY, late_after_days=30)


@pytest.mark.parametrize(
    ("column", "criterion", "description"),
    [
        (
            "Réactivité",
            "reactivity",
            "J'attends mon titre depuis quatre mois et je relance chaque semaine le service.",
        ),
        (
            "Accessibilité",
            "accessibility",
            "Le standard ne décroche jamais et je dois poser un jour de congé pour rien.",
        ),
    ],
)
def test_a_rated_criterion_told_in_wider_words_is_kept(column, criterion, description):
    reading = _reading(sentiment="Négatif", ratings={column: "Négatif"}, description=description)
    assert criterion in reading.hard, reading


def test_wider_words_never_name_a_criterion_the_user_did_not_rate():
    reading = _reading(
        sentiment="Négatif",
        ratings={"Relation": "Négatif"},
        description="J'attends depuis des semaines et personne au standard ne veut m'écouter.",
    )
    assert "reactivity" not in reading.hard and "accessibility" not in reading.hard, reading


def test_joining_a_document_is_no_access():
    from sprep_templates.experience import read_said

    said = read_said(None, "Il fallait joindre les pièces justificatives au dossier en ligne.")
    assert "accessibility" not in said.told, said


@pytest.mark.parametrize(
    "ratings",
    [{}, {"Réactivité": "Négatif", "Information/Explication": "Négatif"}],
)
def test_no_listening_promised_after_calls_left_unanswered(ratings):
    """The phone failed, the web contact did not: the way forward is offered plainly."""
    for reply in drafts(
        sentiment="Neutre",
        ratings=ratings,
        description="Personne ne répond au téléphone depuis des semaines, j'ai appelé vingt fois.",
    ):
        orientation = reply.steps["orientation"]
        assert "à votre écoute" not in orientation, orientation


@pytest.mark.parametrize(
    "description",
    [
        "Et bien entendu personne n'est joignable aux impôts pour corriger cette erreur.",
        "Aucun des sites ne permet la mise à jour ni n'indique un contact joignable.",
    ],
)
def test_nobody_reachable_is_no_access_praised(description):
    from sprep_templates.experience import read_said

    assert "accessibility" not in read_said(None, description).contradicted


@pytest.mark.parametrize(
    "description",
    [
        "Le consulat est à trois heures : c'est un trop long voyage pour une personne âgée.",
        "Il a désormais mon RIB et on ne sait pas si cette donnée restera confidentielle.",
        "On m'a proposé des facilités de paiement, mais le montant reste faux.",
    ],
)
def test_no_criterion_read_in_an_ordinary_sense(description):
    from sprep_templates.experience import read_said

    said = read_said(None, description)
    assert not ({"reactivity", "information"} & set(said.felt_hard)), said.felt_hard
    assert "simplicity" not in said.contradicted, said


@pytest.mark.parametrize("sentiment", ["Négatif", "Neutre"])
def test_no_team_said_to_answer_a_user_whose_messages_went_unanswered(sentiment):
    for reply in drafts(
        contacts=(PHONE, WEB),
        sentiment=sentiment,
        description="Mes courriels au service restent sans aucune réponse depuis deux mois.",
    ):
        orientation = reply.steps["orientation"]
        for promise in ("vous répondent", "à votre écoute", "à votre disposition"):
            assert promise not in orientation, orientation


def test_every_channel_just_before_a_failure_failed():
    """"je les contacte par mail et téléphone sans aucune réponse": both failed."""
    from sprep_templates.experience import read_said

    said = read_said(None, "Depuis mars je les contacte par mail et téléphone sans aucune réponse.")
    assert {"phone", "email"} <= said.failed, said.failed
