"""The user's problem read in the general complaints that used to fall back on a
rating phrase (issue 20, wording, second round): a service that works badly, a long
trip, short opening hours, a rule felt unfair or senseless, staff attitude, being sent
from one office to another, an unclear form, a cancelled appointment, a late payment,
a lost file, documents asked again, no answer to letters. Every input is a small
sentence written for this test (never a real experience).
"""

from __future__ import annotations

import pytest

from sprep_templates.experience import PROBLEM_PHRASES, read_said


@pytest.mark.parametrize(
    ("description", "problem"),
    [
        ("Le site ne fonctionne pas depuis hier, je ne peux rien faire.", "bug"),
        ("L'application plante à chaque fois que je valide.", "bug"),
        ("La page ne s'ouvre pas quand je clique sur le lien.", "bug"),
        ("Ce service fonctionne très mal, c'est un vrai dysfonctionnement.", "malfunction"),
        ("Le traitement est d'une lenteur incroyable, les délais sont interminables.", "slow"),
        ("J'ai dû faire 200 km pour déposer mon dossier.", "distance"),
        ("Il faut se déplacer jusqu'à la préfecture pour chaque démarche.", "distance"),
        ("Les horaires d'ouverture sont trop restreints pour ceux qui travaillent.", "hours"),
        ("Le guichet n'est ouvert que le mardi matin.", "hours"),
        ("Je trouve cette règle injuste pour les retraités.", "unfair"),
        ("Cette exigence est absurde et n'a aucun sens.", "senseless"),
        ("L'agent au guichet était désagréable et méprisant.", "staff"),
        ("Aucune écoute de la part de la conseillère.", "staff"),
        ("On me renvoie d'un service à l'autre sans jamais de solution.", "sent-around"),
        ("La caisse me dit de contacter la mairie, qui me renvoie vers la caisse.", "sent-around"),
        ("Le formulaire est incompréhensible, les questions ne sont pas claires.", "unclear-form"),
        ("Mon rendez-vous a été annulé la veille sans explication.", "cancelled"),
        ("Le versement est arrivé avec deux semaines de retard.", "unpaid"),
        ("Ils ont égaré mon dossier et je dois tout recommencer.", "lost"),
        ("On me demande encore les mêmes justificatifs que l'an dernier.", "paperwork"),
        ("J'ai écrit trois courriers, jamais de réponse à mes courriers.", "letters"),
        ("On me réclame un trop-perçu que je ne comprends pas.", "claimed"),
    ],
)
def test_a_general_complaint_is_read(description, problem):
    assert read_said(None, description).problem == problem


@pytest.mark.parametrize(
    "description",
    [
        "L'accueil n'était pas désagréable, merci.",
        "Tout fonctionne très bien, merci pour votre aide.",
        "Je suis allé à la mairie, à dix minutes de chez moi.",
        "Le bureau est ouvert toute la journée, c'est pratique.",
    ],
)
def test_an_ordinary_sentence_names_no_problem(description):
    assert read_said(None, description).problem is None


def test_every_new_kind_has_a_phrase_of_four_or_five_words():
    for kind in ("malfunction", "hours", "unfair", "senseless", "staff", "sent-around",
                 "unclear-form", "cancelled"):
        words = PROBLEM_PHRASES[kind].replace("’", " ").split()
        assert 4 <= len(words) <= 6, (kind, PROBLEM_PHRASES[kind])


def test_a_refusal_after_a_relative_pronoun_is_read():
    assert read_said(None, "La dame qui m'a reçu était très sèche et m'a refusé le dépôt.").problem == "refusal"


def test_a_link_that_redirects_is_no_office_sending_the_user_away():
    assert read_said(None, "Le site me redirige vers un lien qui n'existe plus.").problem != "sent-around"


@pytest.mark.parametrize(
    ("description", "problem"),
    [
        ("Les personnes présentes au guichet sont désagréables.", "staff"),
        ("Un accueil agressif, on m'a envoyé balader.", "staff"),
        ("Les horaires d'ouverture du bureau pour les démarches sont trop limités.", "hours"),
        ("Le service ne répond pas aux mails depuis des semaines.", "letters"),
        ("J'ai écrit à ma conseillère, je suis toujours sans réponse.", "no-answer"),
        ("Le site est indisponible depuis des mois, toujours en maintenance.", "bug"),
        ("Ma fille n'a toujours pas reçu sa bourse.", "unpaid"),
        ("Ils m'ont demandé des tonnes d'attestations.", "paperwork"),
        ("Je ne peux pas accéder au dossier pour ajouter la photo.", "login"),
        ("Impossible de valider ma demande sur le site.", "bug"),
        ("Le numéro sonne occupé avant de couper.", "calls"),
        ("Je ne comprends pas l'intérêt de ces questions.", "senseless"),
    ],
)
def test_more_general_complaints_are_read(description, problem):
    assert read_said(None, description).problem == problem
