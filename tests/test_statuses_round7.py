"""Issue 20, seventh round: statuses an agent can trust, and the cases a person reads.

A blind review found serious cases drafted as routine (a disabled person's benefit
debt taken to court; a danger to safety reported for years and ignored), notes that
misread the experience (a side remark quoted instead of the question, another body's
silence treated as the service's own, "cannot do what they came for" when the user
got past the block, a satisfied user's small suggestion already named still sent to
complete) and ``ready`` drafts that still needed a fix (a question, a request, a
suggestion the words make and the reader missed). Each case is a small experience
written for this test (never a real one), with its ordinary sense beside it where a
word has one.
"""

from __future__ import annotations

from datetime import date

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.experience import read_said

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


# --- 1. serious cases a person reads first ------------------------------------------------


@pytest.mark.parametrize(
    ("description", "reason"),
    [
        # A benefit debt taken to court.
        (
            "Je touche l'AAH. La caisse me réclame 6000 euros et l'affaire est maintenant "
            "devant le tribunal.",
            "conflit judiciaire",
        ),
        (
            "J'ai dû saisir le pôle social du tribunal pour contester cette dette.",
            "conflit judiciaire",
        ),
        (
            "La caisse m'a assigné en justice pour un trop-perçu que je ne dois pas.",
            "conflit judiciaire",
        ),
        # A danger to health or safety, reported and ignored.
        (
            "Des bouteilles de gaz sont stockées sous nos fenêtres depuis des années. "
            "Nous l'avons signalé plusieurs fois, sans réponse.",
            "danger pour la santé ou la sécurité",
        ),
        (
            "Le conduit de cheminée de l'immeuble voisin passe sous nos fenêtres et la fumée "
            "entre chez nous.",
            "danger pour la santé ou la sécurité",
        ),
        (
            "Il y a de l'amiante dans les plafonds de l'école et personne ne fait rien.",
            "danger pour la santé ou la sécurité",
        ),
        (
            "Notre logement est insalubre, les murs sont couverts de moisissures.",
            "danger pour la santé ou la sécurité",
        ),
        (
            "Le balcon menace de s'effondrer et le bailleur ne répond pas.",
            "danger pour la santé ou la sécurité",
        ),
        (
            "Il y a une odeur de gaz dans la cage d'escalier depuis une semaine.",
            "danger pour la santé ou la sécurité",
        ),
        # A stopped allowance that leaves no income.
        (
            "Ma pension d'invalidité a été coupée et je me retrouve sans rien pour payer "
            "mon loyer.",
            "sans travail ni revenu",
        ),
        (
            "Depuis la fin de mes droits, nous nous retrouvons sans aucune ressource.",
            "sans travail ni revenu",
        ),
        # Despair without « plus ».
        (
            "On me réclame une somme que je ne dois pas depuis un an. Je ne sais que faire.",
            "détresse",
        ),
    ],
)
def test_a_serious_case_is_to_review_with_its_reason(description, reason):
    for reply in drafts(description):
        assert reply.status == "to_review", (description, reply.attention)
        assert any(r.startswith(reason) for r in reply.attention), reply.attention
        assert reply.to_review is not None


@pytest.mark.parametrize(
    "description",
    [
        # The court as a service, a bill, an alarm, a document, a road sign.
        "Je suis allé au tribunal pour demander un extrait de jugement : accueil très lent.",
        "Le tribunal judiciaire ne répond pas à mes courriels depuis un mois.",
        "J'ai payé ma facture de gaz en ligne, mais le site a planté deux fois.",
        "Pendant mon appel, l'alarme incendie s'est déclenchée et on m'a raccroché au nez.",
        "Le diagnostic amiante demandé pour la vente de mon appartement a mis trois mois.",
        "Je me retrouve sans rendez-vous après trois semaines d'attente.",
        "Je me retrouve sans rien comprendre à ce courrier de la caisse.",
        "Je ne sais que faire de ce formulaire, il n'est pas clair.",
        "Le service contentieux ne m'a pas répondu sur le montant de ma dette.",
        # Resignation over a small matter, not despair.
        "La carte porte une erreur que personne ne corrige. Désespéré, j'ai finalement "
        "accepté de la garder ainsi.",
    ],
)
def test_an_ordinary_sense_is_no_serious_case(description):
    for reply in drafts(description):
        assert reply.status != "to_review", (description, reply.attention)


def test_the_danger_note_asks_who_will_check_the_danger():
    reply = draft(
        "Des bouteilles de gaz sont stockées dans la cour de l'immeuble. Nous l'avons "
        "signalé à la mairie il y a deux ans."
    )
    assert reply.to_review is not None
    assert "danger to health or safety" in reply.to_review


# --- 3. notes that misread the experience --------------------------------------------------


def test_the_question_wins_over_a_side_remark():
    """« Où est-il ? » is the question; « Merci pour votre réponse rapide » a side remark."""
    for reply in drafts(
        "Je cherche le formulaire de réclamation sur votre site. Où est-il ? "
        "Merci d'avance pour votre réponse rapide.",
        "neutral",
    ):
        assert (
            reply.question == "Je cherche le formulaire de réclamation sur votre site. Où est-il ?"
        )
        assert reply.to_add is not None
        assert "réponse rapide" not in reply.to_add
        assert "Où est-il ?" in reply.to_add


@pytest.mark.parametrize(
    ("description", "question"),
    [
        ("Où puis-je envoyer mon justificatif de domicile ?", "Où puis-je envoyer"),
        (
            "J'ai rempli le dossier en ligne. Le service des naturalisations est-il toujours "
            "fermé ?",
            "est-il toujours fermé ?",
        ),
        (
            "Je n'arrive pas à accéder au service et je ne sais donc pas quoi faire ???",
            "je ne sais donc pas quoi faire",
        ),
    ],
)
def test_a_question_the_reader_missed_is_read(description, question):
    for reply in drafts(description, "neutral"):
        assert reply.question is not None and question in reply.question, reply.question
        assert reply.status == "to_complete"


@pytest.mark.parametrize(
    "description",
    [
        # Indignation, not a question: no "?" sentence that asks.
        "Où va-t-on ! Trois mois pour une carte grise.",
        "Le site est-il vraiment utile, je me le demande.",
    ],
)
def test_indignation_is_no_question(description):
    for reply in drafts(description, "neutral"):
        assert reply.question is None, reply.question


def test_another_bodys_silence_is_not_the_services_own():
    for reply in drafts(
        "J'ai écrit au rectorat il y a deux mois pour l'inscription de mon fils, "
        "il ne m'a jamais répondu."
    ):
        assert reply.to_add is not None
        assert "another body" in reply.to_add, reply.to_add
        assert "say where their request stands" not in reply.to_add


def test_a_user_who_got_past_the_block_is_not_told_they_cannot():
    for reply in drafts(
        "Impossible de me connecter au site le premier jour du vote. Finalement j'ai pu "
        "voter le lendemain sans souci."
    ):
        assert reply.missing is None or reply.missing.kind != "impossible", reply.missing
        assert "cannot do what they came for" not in (reply.to_add or "")


def test_a_block_that_lasts_is_still_impossible():
    for reply in drafts(
        "J'ai enfin pu me connecter hier. Mais impossible de valider ma demande de bourse."
    ):
        assert reply.missing is not None and reply.missing.kind == "impossible"


def test_a_thanks_with_its_suggestion_named_is_ready():
    """A satisfied user whose small regret is what their suggestion is about: the reply
    thanks them for the suggestion, and nothing is left to do."""
    statuses = set()
    for reply in drafts(
        "Très bon accueil et dossier traité vite, merci. Dommage que le site soit lent : "
        "il faudrait un bouton pour télécharger l'attestation.",
        "positive",
    ):
        if "suggestion" in reply.personalised_by:
            statuses.add(reply.status)
    assert statuses == {"ready"}


def test_a_satisfied_user_still_waiting_is_still_to_complete():
    for reply in drafts(
        "Accueil parfait, merci. Il faudrait un bouton pour suivre le dossier : je n'ai "
        "toujours pas reçu ma carte.",
        "positive",
    ):
        assert reply.status == "to_complete"


# --- 4. ready drafts that still need a fix -------------------------------------------------

HARD_ACCESS = {"Accessibilité": "Négatif"}


@pytest.mark.parametrize(
    ("description", "field"),
    [
        ("Je vous remercie de bien vouloir me traduire le message du service.", "request"),
        ("Je souhaiterai vivement être contacté pour corriger cette erreur.", "request"),
        (
            "La carte contient une erreur sur mon nom. Ils n'ont pas encore corrigé "
            "l'erreur depuis un an.",
            "awaited",
        ),
        (
            "Le consulat est à 300 km de chez nous. Il serais important que nous puissions "
            "faire nos démarches dans une autre ville.",
            "suggestion",
        ),
        (
            "Le rendez-vous a été très difficile à obtenir. Un calendrier ouvert sur deux "
            "mois aiderait grandement les usagers.",
            "suggestion",
        ),
        (
            "Le rendez-vous a été difficile à obtenir. Il est je pense primordial de pouvoir "
            "traiter plusieurs demandes lors d'un même rendez-vous.",
            "suggestion",
        ),
        (
            "Il est difficile de vous joindre. Je ne sais toujours pas quand je recevrai "
            "mes points.",
            "question",
        ),
    ],
)
def test_what_keeps_a_draft_from_being_sent_is_read(description, field):
    for reply in drafts(description, ratings=HARD_ACCESS):
        if field == "suggestion":
            # Read, to quote for the agent when the reply does not name it.
            assert read_said(None, description, (), None).requests.needs.suggestion
            continue
        assert reply.status == "to_complete", (description, reply.notes)
        if field == "request":
            assert reply.request is not None
        elif field == "question":
            assert reply.question is not None
        else:
            assert reply.missing is not None and reply.missing.kind == field, reply.missing


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("Je suis dans l'attente de mon congé parental depuis deux mois.", "awaited"),
        (
            "Le consulat est trop loin. Il faut rétablir les permanences consulaires dans "
            "notre ville.",
            "suggestion",
        ),
    ],
)
def test_a_wait_or_a_change_asked_is_read(description, kind):
    needs = read_said(None, description, (), None).requests.needs
    if kind == "awaited":
        assert needs.need == "awaited", needs
    else:
        assert needs.suggestion is not None, needs


def test_an_obligation_told_is_no_suggestion():
    needs = read_said(
        None, "Il faut se connecter tous les jours à minuit pour avoir un créneau.", (), None
    ).requests.needs
    assert needs.suggestion is None
