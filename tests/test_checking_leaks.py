"""What real replies leak, and the thin stock reply (issue 23): a user's postcode and
town, a staff member's first name, the user's file recounted with dates (warnings, since
each is a judgement); a reply that says nothing but thanks."""

from __future__ import annotations

import pytest

from sprep_templates.checking import check_reply

from .plain_texts import PLAIN_TEXTS

BODY = (
    "Nous avons bien pris en compte votre message et nous regrettons ce retard. "
    "Vous pouvez appeler le 39 60 pour faire le point avec un conseiller. "
)


def spans(text: str, rule: str) -> list[tuple[str, str]]:
    return [
        (text[f.start : f.end] if f.start is not None else "", f.severity)
        for f in check_reply(text, closing_added=True)
        if f.rule == rule
    ]


@pytest.mark.parametrize(
    ("sentence", "leak"),
    [
        ("Nous avons écrit à votre adresse, 75011 Paris.", "75011 Paris"),
        ("Votre logement de 13001 MARSEILLE a été visité hier.", "13001 MARSEILLE"),
        ("Votre message a été retransmis à Eric, qui vous rappellera.", "Eric"),
        ("Votre dossier est suivi par Mme Nathalie, au service retraite.", "Nathalie"),
        ("Suite à votre message du 5 mars, nous avons vérifié.", "votre message du 5 mars"),
        ("Votre courrier du 12/03/2024 est bien arrivé.", "Votre courrier du 12/03/2024"),
        ("Votre radiation a bien été enregistrée.", "Votre radiation a bien été enregistrée"),
        ("Votre demande d’aide a été refusée le 3 mai.", "Votre demande d’aide a été refusée"),
    ],
)
def test_what_replies_leak_is_a_personal_data_warning(sentence, leak):
    found = spans("Bonjour,\n" + BODY + sentence, "personal-data")
    assert any(leak in span and severity == "warning" for span, severity in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Écrivez-nous à CAF de Paris, 50 rue du Docteur Finlay, 75750 Paris Cedex 15.",
        "Notre accueil de 69003 Lyon, 12 avenue Félix Faure, est ouvert le lundi.",
        "Nous avons transmis votre message à France services, près de chez vous.",
        "Votre demande a bien été prise en compte.",
        "Le 5 mars, notre site était en panne pour tous les usagers.",
    ],
)
def test_addresses_of_services_and_plain_sentences_are_not_leaks(sentence):
    assert spans("Bonjour,\n" + BODY + sentence, "personal-data") == []


def test_plain_texts_leak_nothing():
    for text in PLAIN_TEXTS:
        assert spans(text, "personal-data") == [], text


@pytest.mark.parametrize(
    "text",
    [
        "L’équipe de service-public.fr vous remercie pour votre témoignage.",
        "Bonjour,\nMerci pour votre message.",
        "Bonjour Jean,\nNous vous remercions pour votre retour et pour le temps pris à l’écrire.",
    ],
)
def test_a_reply_that_only_thanks_is_a_stock_reply(text):
    assert spans(text, "generic"), text


def test_thanks_with_an_answer_is_not_a_stock_reply():
    text = "Bonjour,\nMerci pour votre message. " + BODY + "Nous ajoutons des conseillers."
    assert spans(text, "generic") == []


def test_staff_prefixes_start_every_staff_match():
    """The staff pattern is found through the reading's automaton: each of its matches
    must start with one of the prefixes it is looked for by."""
    from sprep_templates.checking._leaks import STAFF, STAFF_PREFIXES

    text = (
        "Retransmis à Eric, transmise à Léa, transférés à Paul, adressée à Marc, confiés à "
        "Inès, suivie par Mme Nathalie, traité par Luc, avec Anne, auprès de Jean, M. Louis, "
        "Mme Rose, Mlle Lise, Madame Claire, Monsieur Pierre, collègue Sarah, conseillère "
        "Julie, conseiller Hugo, agent Tom, gestionnaire Emma."
    )
    matches = list(STAFF.finditer(text))
    assert len(matches) == 19
    for match in matches:
        assert match.group().lower().startswith(STAFF_PREFIXES), match.group()


@pytest.mark.parametrize(
    ("sentence", "leak"),
    [
        ("Vous précisez être titulaire de votre pension depuis le 01/01/2021.", "01/01/2021"),
        ("Vous avez reçu notre courrier le 12 mars 2024, puis vous avez répondu.", "12 mars 2024"),
        ("Vous étiez inscrit chez nous jusqu’au 3 juin 2022.", "3 juin 2022"),
        ("Votre pension a été révisée le 1er avril.", "1er avril"),
    ],
)
def test_a_sentence_telling_the_users_file_with_a_date_is_a_warning(sentence, leak):
    found = spans("Bonjour,\n" + BODY + sentence, "personal-data")
    assert any(leak in span and severity == "warning" for span, severity in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Depuis le 1er janvier 2024, votre demande se fait en ligne.",
        "Depuis le 11 septembre 2017, une seule préfecture traite les échanges de permis.",
        "L’avis est mis à votre disposition dans votre espace le 1er octobre.",
        "Vous avez raison : le 5 mars, notre site était en panne.",
        "Ce droit s’applique dès lors que vous êtes né après le 1er janvier 1957.",
        "Si vous avez déposé votre demande avant le 1er mars, elle est déjà traitée.",
    ],
)
def test_dates_of_general_rules_are_not_the_users_file(sentence):
    assert spans("Bonjour,\n" + BODY + sentence, "personal-data") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour Paul,\nMerci d’avoir partagé votre expérience sur Services Publics +. Nous "
        "avons pris connaissance de votre témoignage, qui nous est utile pour améliorer la "
        "qualité de service.",
        "Bonjour,\nMerci pour votre message. Nous en avons pris bonne note : il nourrit notre "
        "démarche d’amélioration continue.",
        "Bonjour,\nVotre témoignage a retenu toute notre attention. Merci de votre confiance.",
        "Bonjour,\nEn recueillant les témoignages, Services Publics + aide les administrations à "
        "comprendre ce qui pose problème. Merci pour votre retour.",
    ],
)
def test_a_reply_that_only_thanks_and_acknowledges_is_a_stock_reply(text):
    assert spans(text, "generic"), text


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour,\nMerci pour votre message. Nous regrettons le délai de traitement de votre "
        "dossier de retraite, dû à un manque d’agents cet été.",
        "Bonjour,\nMerci pour votre témoignage. Vous pouvez nous écrire depuis votre espace "
        "personnel pour faire le point.",
        "Bonjour,\nNous avons pris connaissance de votre témoignage. Votre carte est prête : "
        "passez la chercher en mairie.",
        "Bonjour,\nVotre témoignage a retenu toute notre attention.Je vous informe que votre "
        "contestation a bien été réceptionnée.Nous mettons tout en œuvre pour la traiter vite.",
    ],
)
def test_thanks_with_something_of_the_users_own_is_not_a_stock_reply(text):
    assert spans(text, "generic") == [], text


@pytest.mark.parametrize(
    "sentence",
    [
        "Merci pour votre message.",
        "Votre témoignage nous aide à améliorer la qualité de service.",
    ],
)
def test_an_agents_sentence_alone_is_not_judged_as_a_whole_reply(sentence):
    """The thin reply is a judgement on a whole reply: a sentence the agent wrote into a
    draft (check_fragments) is not one, whatever the sentence."""
    from sprep_templates.checking import check_fragments

    text = "Bonjour,\n" + BODY + sentence
    assert [f for f in check_fragments(text, [sentence]) if f.rule == "generic"] == []
    assert spans(sentence, "generic"), sentence
