"""Issue 20, eighth round: vulnerable people, court cases, notes that read the words
right, and who the draft is about.

A blind review found a very old, ill or dependent person whose payments stopped long
ago (or whose health gets worse) drafted as routine; court cases flagged in one
phrasing and not in another, and a case over and won flagged; notes that took a
rhetorical question for one to answer; and drafts to a son who did his mother's
paperwork that spoke of « votre proche » for his difficulties and of « vos
versements » for her pension. Each case is a small experience written for this test
(never a real one).
"""

from __future__ import annotations

from datetime import date

import pytest

from sprep_templates import Contact, Experience, Profile, Signature, draft_many, draft_reply

SIGNATURE = Signature("Jean", "la Caf de Paris")
CONTACTS = (Contact("phone", "32 30"), Contact("web", "https://www.caf.fr/nous-contacter"))
TODAY = date(2026, 11, 28)
IDS = [str(n) for n in range(1, 7)]


def drafts(description: str, sentiment: str = "negative", **fields):
    for experience_id in IDS:
        experience = Experience(
            id=experience_id, sentiment=sentiment, description=description, **fields
        )
        yield draft_reply(experience, signature=SIGNATURE, contacts=CONTACTS, today=TODAY)


def draft(description: str, sentiment: str = "negative", **fields):
    return next(drafts(description, sentiment, **fields))


# --- 1. a vulnerable person whose payments stopped long ago, or whose health worsens -------


@pytest.mark.parametrize(
    "description",
    [
        # Great age told as a number, a pension stopped for months.
        "Ma mère a 91 ans. Sa pension est suspendue depuis cinq mois et personne ne "
        "répond à nos courriers recommandés.",
        # Great age told in words, dependence, no payment for months.
        "Mon père est nonagénaire et dépendant. Il ne touche plus sa retraite depuis "
        "quatre mois.",
        # Disabled, isolated, health getting worse.
        "Je suis handicapée et je vis seule. Mon état de santé se dégrade et mon dossier "
        "n'avance pas.",
        # Isolated, over 80, health declining.
        "J'ai 83 ans, je suis isolée et sans famille. Ma santé décline et ma demande d'aide "
        "à domicile est toujours en attente.",
        # Seriously ill, no payment for months.
        "Mon mari est gravement malade. Aucun versement depuis six mois, nous ne savons "
        "pas pourquoi.",
        # An elderly person who cannot read French, payments stopped for a long time.
        "Ma grand-mère de 88 ans ne parle pas français. Ses versements sont bloqués "
        "depuis plusieurs mois.",
    ],
)
def test_a_vulnerable_person_in_a_lasting_stop_is_to_review(description):
    for reply in drafts(description):
        assert reply.status == "to_review"
        assert any(reason.startswith("personne vulnérable") for reason in reply.attention)
        assert "vulnerable person" in reply.to_review


@pytest.mark.parametrize(
    "description",
    [
        # Age alone.
        "J'ai 84 ans et le site est trop compliqué pour moi, je n'ai pas trouvé le "
        "formulaire.",
        # A stop alone.
        "Ma pension est suspendue depuis trois mois sans explication, j'attends toujours.",
        # A disability alone, nothing stopped or worse.
        "Je suis handicapé et l'accueil n'a pas de place de parking adaptée.",
        # Age and a short, ended stop.
        "Mon père a 85 ans ; son versement a eu une semaine de retard, tout est réglé.",
    ],
)
def test_age_alone_or_a_stop_alone_is_no_vulnerable_case(description):
    reply = draft(description)
    assert not any(reason.startswith("personne vulnérable") for reason in reply.attention)


# --- 2. court cases: the same case in any phrasing; a case won is over ---------------------


@pytest.mark.parametrize(
    "description",
    [
        "J'ai saisi le tribunal administratif en référé pour obtenir mon titre de séjour.",
        "Mon avocat a déposé un référé-suspension contre cette décision de la préfecture.",
        "Le juge des référés doit se prononcer la semaine prochaine sur mon dossier.",
        "J'ai dû engager une procédure en référé pour que mon dossier soit enfin examiné.",
        "J'ai déposé une requête au TA contre le refus de la caisse.",
    ],
)
def test_a_pending_court_case_is_to_review_in_any_phrasing(description):
    for reply in drafts(description):
        assert reply.status == "to_review"
        assert any(reason.startswith("conflit judiciaire") for reason in reply.attention)


def test_a_court_case_is_flagged_alike_for_every_structure_it_concerns():
    """One experience drafted for two structures: the same case, the same status."""
    row = {
        "ID expérience": "81",
        "Ressenti usager": "Négatif",
        "Titre": "Titre de séjour",
        "Description": "La préfecture ne répond pas. J'ai dû déposer un référé-suspension "
        "pour pouvoir continuer à travailler.",
        "Intitulé structure 1": "Préfecture du Nord",
        "Intitulé structure 2": "Caf du Nord",
    }
    profile = Profile(signature=SIGNATURE, contacts=CONTACTS)
    results = list(draft_many([row], profile=profile, today=TODAY))
    assert len(results) == 2
    assert {result.record()["status"] for result in results} == {"to_review"}


@pytest.mark.parametrize(
    "description",
    [
        "J'ai saisi le tribunal administratif et j'ai obtenu gain de cause : la préfecture "
        "m'a enfin délivré mon permis, avec deux ans de retard.",
        "Le tribunal m'a donné raison en mars, mais quelle perte de temps pour un simple "
        "échange de permis.",
        "Après un référé au tribunal administratif que j'ai gagné, j'ai reçu ma carte, mais "
        "le délai reste inacceptable.",
    ],
)
def test_a_court_case_over_and_won_is_not_a_review_case(description):
    reply = draft(description)
    assert not any(reason.startswith("conflit judiciaire") for reason in reply.attention)


@pytest.mark.parametrize(
    "description",
    [
        # A word that only looks like it.
        "Je fais référence au courrier reçu le mois dernier, qui ne m'explique rien.",
        "Le site du référendum ne marchait pas, je n'ai pas pu voter.",
    ],
)
def test_a_word_that_looks_like_a_court_case_is_none(description):
    reply = draft(description)
    assert not any(reason.startswith("conflit judiciaire") for reason in reply.attention)


# --- 4. who the draft is about: the writer's difficulties, the relative's money -------------

#: What a draft says of the writer when the file or the money is a relative's.
WRONG_OWNER = ("vos versements", "votre retraite", "vos indemnités")
#: What a draft says of the relative when the writer did the paperwork.
WRONG_SUFFERER = (
    "que votre proche a rencontrées",
    "votre proche n’a pas reçu",
    "ce que votre proche a vécu",
    "ce qu’a vécu votre proche",
    "tout n’a pas été simple pour votre proche",
)


@pytest.mark.parametrize(
    "description",
    [
        "Ma mère a droit à une retraite. J'ai fait un dossier pour elle en mars, puis j'ai "
        "demandé trois fois où il en était, sans réponse.",
        "Je gère les papiers de mon père. J'ai constitué sa demande de retraite et je me "
        "suis heurté à un formulaire incompréhensible.",
    ],
)
def test_a_writer_who_did_the_paperwork_had_the_difficulties(description):
    for reply in drafts(description, posted_as="relative"):
        for wrong in WRONG_SUFFERER:
            assert wrong not in reply.text, reply.text


@pytest.mark.parametrize(
    ("description", "posted_as"),
    [
        (
            "La retraite de ma mère est suspendue depuis trois semaines. J'ai appelé la "
            "caisse deux fois, elle ne touche plus rien.",
            "relative",
        ),
        (
            "Ma mère ne touche plus sa pension de retraite : ses versements sont "
            "interrompus depuis le mois dernier et j'ai écrit à la caisse.",
            "self",
        ),
    ],
)
def test_a_relatives_money_is_not_the_writers(description, posted_as):
    for reply in drafts(description, posted_as=posted_as):
        for wrong in WRONG_OWNER:
            assert wrong not in reply.text, reply.text


def test_the_writers_own_pension_is_still_theirs():
    reply = draft(
        "Ma retraite est suspendue depuis trois semaines, sans explication. J'ai appelé "
        "deux fois la caisse."
    )
    assert "votre retraite" in reply.text or "vos versements" in reply.text, reply.text


# --- 3. notes that read the words right -----------------------------------------------------


@pytest.mark.parametrize(
    "description",
    [
        "On m'a refusé mon dossier trois fois pour une photo. Comment peut-on accepter ça ?",
        "Comment peut-on laisser des usagers sans réponse pendant des mois ?",
        "Trois rendez-vous annulés. Comment pouvez-vous traiter les gens ainsi ?",
    ],
)
def test_a_rhetorical_question_is_no_question_to_answer(description):
    reply = draft(description)
    assert reply.question is None
    assert "answer the user's question" not in (reply.to_add or "")


def test_a_real_question_is_still_one():
    reply = draft("Mon dossier est complet. Comment peut-on suivre son avancement en ligne ?")
    assert reply.question is not None


@pytest.mark.parametrize(
    ("description", "not_the_point"),
    [
        (
            "Compte tenu de la crise sanitaire, je ne me plains pas du délai. En revanche "
            "le site plantait à chaque validation du formulaire.",
            "crise sanitaire",
        ),
        (
            "Vu la crise sanitaire, je ne reproche rien aux agents. Le site refusait "
            "toujours ma pièce jointe, et il a fallu tout renvoyer par courrier.",
            "crise sanitaire",
        ),
        (
            "L'agent n'a pas hésité à m'aider, c'est appréciable. Le site refusait "
            "toujours ma pièce jointe, et il a fallu tout renvoyer par courrier.",
            "n'a pas hésité",
        ),
    ],
)
def test_an_excuse_or_the_positive_part_is_not_the_point(description, not_the_point):
    for reply in drafts(description, sentiment="neutral"):
        notes = " ".join([*reply.notes, reply.to_add or "", reply.to_review or ""])
        assert not_the_point not in notes, notes


def test_a_complaint_beside_the_circumstances_is_still_the_point():
    reply = draft(
        "Malgré la crise sanitaire, personne ne m'a répondu pendant trois mois, ni par "
        "courrier ni par téléphone.",
        sentiment="neutral",
    )
    notes = " ".join([*reply.notes, reply.to_add or ""])
    assert "personne ne m" in notes, notes


def test_a_request_the_user_says_is_settled_asks_nothing_more():
    reply = draft(
        "Merci de traiter mon dossier rapidement, j'attends depuis deux mois. "
        "Mise à jour : finalement tout est réglé, j'ai reçu ma carte la semaine dernière."
    )
    assert reply.request is None
    assert "say what will be done" not in (reply.to_add or "")


def test_a_request_still_open_is_kept():
    reply = draft("Merci de traiter mon dossier rapidement, j'attends depuis deux mois.")
    assert reply.request is not None


def test_a_serious_situation_the_reply_names_is_not_asked_to_be_named():
    reply = draft("J'ai envoyé cinq relances par courrier en un an, c'est honteux.")
    assert reply.missing is not None and reply.missing.kind == "serious"
    assert "severity" in reply.personalised_by
    assert "name it" not in reply.to_add, reply.to_add
    assert "next step" in reply.to_add


def test_a_problem_the_reply_names_is_not_asked_to_be_named():
    reply = draft("Mon titre de séjour a mis huit mois à arriver, c'est inadmissible.")
    assert "problem" in reply.personalised_by
    assert "does not name" not in (reply.to_add or ""), reply.to_add


def test_a_block_typed_without_its_apostrophe_is_still_a_block():
    reply = draft("Je n arrive pas a valider ma demande de bourse, le bouton reste gris.")
    assert reply.status == "to_complete"
    assert reply.missing is not None and reply.missing.kind == "impossible"


@pytest.mark.parametrize(
    "description",
    [
        # Statements and outcries that end like questions, or say "comment".
        "Je ne vois pas comment ils peuvent justifier un tel délai pour une simple carte.",
        "Deux heures de queue pour rien. Quelle honte, quel mépris pour les usagers ?",
        "Le site plante à chaque paiement. Qui peut accepter un tel service ?",
    ],
)
def test_a_statement_or_an_outcry_is_no_question(description):
    reply = draft(description)
    assert reply.question is None, reply.question


@pytest.mark.parametrize(
    "description",
    [
        "Quel est le délai pour obtenir ma carte ?",
        "Qui peut m'aider à remplir ce formulaire ?",
        "Je ne vois pas comment joindre le service des retraites.",
    ],
)
def test_a_question_beside_them_is_still_one(description):
    assert draft(description).question is not None
