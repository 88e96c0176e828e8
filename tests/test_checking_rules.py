"""check_reply applies the guide's rules to any reply; the guide's own examples as specification."""

from __future__ import annotations

import pytest

from sprep_templates import Contact, Signature
from sprep_templates.checking import check_reply

# The guide's examples, with its placeholders XXX and 0000 replaced by a real
# organisation and number; a line break separates paragraphs, as on the platform.
NEGATIVE_GOOD = """Bonjour Sandrine,
Nous avons bien pris en compte votre message et nous regrettons vivement les difficultés que vous rencontrez. Les documents que vous nous avez transmis sont numérisés et intégrés à votre dossier pour assurer son suivi.
Nous traitons prioritairement les demandes de régularisation associées à une demande de retraite. Cela peut, dans certains cas, expliquer des retards.
Je vous invite à prendre rendez-vous avec un conseiller qui sera à même de faire directement le point avec vous (numéro de notre standard téléphonique : 3960).
Nous vous remercions de votre alerte et nous mobilisons pour nous améliorer et répondre à vos attentes.
Cordialement,
Jean, pour l’Assurance retraite"""

POSITIVE_44_WORDS = """Bonjour Sandrine,
Nous sommes heureux que cet échange téléphonique avec notre collaborateur(trice) vous ait satisfait.
Nous transmettons votre message à nos équipes téléphoniques.
Votre témoignage nous aide à améliorer notre offre de service, au service de nos assurés.
Bien à vous,
Jean, pour l’Assurance retraite"""

AVOID_CERFA = (
    "Bonjour, la procédure prévoit de se référer au CERFA15776, suivant les conditions "
    "applicables, et de le retourner au service approprié sous 48h après le dommage, afin de "
    "pouvoir engager la démarche libératoire."
)

AVOID_GENERIC = (
    "Bonjour X, En raison d'un déploiement progressif dans nos services, nous ne sommes pas "
    "encore en mesure de vous apporter une réponse personnalisée."
)

AVOID_ONE_BLOCK = """Bonjour,

Merci d’avoir partagé votre expérience sur Services Publics +. Nous avons bien pris en compte votre message et le transmettons à nos services. Nous regrettons les difficultés que vous rencontrez. Votre témoignage nous sera utile pour nous améliorer. Afin de pouvoir résoudre votre problème, je vous recommande d’appeler votre conseiller qui dispose des éléments pour vous renseigner. Nous attachons beaucoup d’importance au renforcement de nos relations avec les usagers et sommes prêts à engager les démarches d’amélioration nécessaires.

Bien cordialement,
Jean de l’Assurance retraite"""

NUMBERED_GOOD = """Bonjour Sandrine
Nous vous remercions de votre retour, transmis aux équipes, et nous sommes navrés de l’insatisfaction dont vous nous faites part.
Vous rencontrez des difficultés sur notre nouveau site internet, notamment pour charger vos pièces justificatives.
Nous vous informons que celles-ci doivent être au format pdf, png ou jpeg et chaque document téléversé ne doit pas dépasser la taille de 1Mo.
Si vous rencontrez d’autres difficultés, des agents en point numérique sont à votre disposition pour vous aider dans la saisie de vos demandes. Liste des points numériques : https://www.demarches.interieur.gouv.fr/points-numeriques
Enfin, notre site internet, nouvellement mis en production, a été grandement amélioré par nos équipes techniques ces 2 dernières semaines. En recueillant les retours des usagers, « Je donne mon avis avec Services Publics + » aide les administrations à comprendre ce qui pose problème aux usagers, et à agir pour y remédier
Cordialement,
Jean, pour la préfecture du Rhône"""


def errors(findings):
    return [f for f in findings if f.severity == "error"]


def test_negative_good_practice_has_no_error():
    """The guide's negative "bonne pratique" (Relevé de carrière) passes."""
    assert errors(check_reply(NEGATIVE_GOOD, pseudonym="Sandrine")) == []


def test_numbered_good_practice_has_no_error():
    """The guide's six-step "bonne pratique" (pièces justificatives) passes."""
    assert errors(check_reply(NUMBERED_GOOD, pseudonym="Sandrine")) == []


def test_positive_example_is_only_too_short():
    """The guide's positive reply (44 words by its count) breaks only the word count."""
    found = errors(check_reply(POSITIVE_44_WORDS, pseudonym="Sandrine", sentiment="positive"))
    assert [f.rule for f in found] == ["word-count"]
    assert found[0].message == "La réponse compte 45 mots\u00a0: il en faut au moins 60."


def test_positive_without_sentiment_misses_orientation():
    """Without the sentiment, a reply with no orientation is missing a step."""
    found = errors(check_reply(POSITIVE_44_WORDS, pseudonym="Sandrine"))
    assert {f.rule for f in found} == {"word-count", "steps"}


def test_cerfa_example_is_jargon():
    """The guide's jargon example: each term is flagged with a plain replacement."""
    found = check_reply(AVOID_CERFA)
    jargon = {AVOID_CERFA[f.start : f.end] for f in found if f.rule == "jargon"}
    assert {"CERFA15776", "se référer au", "sous 48h", "démarche libératoire"} <= jargon
    message = next(f.message for f in found if f.rule == "jargon" and "référer" in f.message)
    assert "consulter" in message


def test_generic_example_is_generic():
    """The guide's "déploiement progressif" reply is generic."""
    assert "generic" in {f.rule for f in errors(check_reply(AVOID_GENERIC))}


def test_platform_generic_text_is_generic():
    """The platform's own placeholder counts as generic too."""
    text = "Le service public concerné n’est pas encore en mesure de vous répondre."
    assert "generic" in {f.rule for f in check_reply(text)}


def test_one_block_example():
    """The guide's one-block reply: wall of text, no pseudonym, no proper signature."""
    rules = {f.rule for f in errors(check_reply(AVOID_ONE_BLOCK, pseudonym="Sandrine"))}
    assert {"paragraphs", "greeting", "signature"} <= rules


def test_inappropriate_pseudonym_must_not_be_greeted():
    """Greeting an aggressive pseudonym is an error; "Bonjour," is right."""
    text = NEGATIVE_GOOD.replace("Bonjour Sandrine,", "Bonjour énervédu76,")
    assert "greeting" in {f.rule for f in errors(check_reply(text, pseudonym="énervédu76"))}
    text = NEGATIVE_GOOD.replace("Bonjour Sandrine,", "Bonjour,")
    assert "greeting" not in {f.rule for f in check_reply(text, pseudonym="énervédu76")}


@pytest.mark.parametrize(
    ("snippet", "what"),
    [
        ("votre numéro de sécurité sociale 1 85 05 78 006 084 36", "sécurité sociale"),
        ("sur le compte FR76 3000 6000 0112 3456 7890 189", "IBAN"),
        ("votre numéro allocataire 1234567", "allocataire"),
        ("née le 12/03/1956", "naissance"),
        ("écrivez à jean.dupont@gmail.com", "électronique personnelle"),
        ("appelez le 06 12 34 56 78", "portable"),
    ],
)
def test_personal_data(snippet, what):
    """Case-file numbers and personal contact data are flagged as personal data."""
    text = NEGATIVE_GOOD.replace("Cela peut, dans certains cas,", f"Pour {snippet}, cela peut")
    found = [f for f in check_reply(text, pseudonym="Sandrine") if f.rule == "personal-data"]
    assert found and what in found[0].message


@pytest.mark.parametrize(
    ("link", "severity"),
    [
        ("http://www.caf.fr/contact", "error"),
        ("https://www.exemple-arnaque.com/caf", "warning"),
        ("https://www.caf.fr/nous-contacter", None),
        ("https://www.interieur.gouv.fr", None),
    ],
)
def test_contact_links(link, severity):
    """Links must be https and on an official domain."""
    text = NEGATIVE_GOOD.replace("(numéro de notre standard téléphonique : 3960)", f"sur {link}")
    found = [f for f in check_reply(text, pseudonym="Sandrine") if f.rule == "contact"]
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_caller_can_add_official_domains():
    """official_domains extends the allowlist."""
    text = NEGATIVE_GOOD.replace(
        "(numéro de notre standard téléphonique : 3960)", "sur https://www.msa-exemple.fr"
    )
    found = check_reply(text, pseudonym="Sandrine", official_domains=["msa-exemple.fr"])
    assert not [f for f in found if f.rule == "contact"]


def test_invalid_phone_number():
    """A phone number that is not a valid French number is flagged."""
    text = NEGATIVE_GOOD.replace("3960", "01 23 45 67")
    found = [f for f in check_reply(text, pseudonym="Sandrine") if f.rule == "contact"]
    assert found and found[0].severity == "error" and "01 23 45 67" in found[0].message


def test_numbers_that_are_not_phones_are_left_alone():
    """Years, amounts and postal codes are not phone numbers."""
    text = NEGATIVE_GOOD.replace(
        "Cela peut, dans certains cas,", "En 2023, pour 10 000 demandes au 75002 Paris, cela peut"
    )
    assert not [f for f in check_reply(text, pseudonym="Sandrine") if f.rule == "contact"]


def test_signature_must_match_the_signer():
    """With a Signature given, the signer line must be exactly it."""
    found = check_reply(NEGATIVE_GOOD, signature=Signature("Paul", "l’Assurance retraite"))
    assert [f.message for f in found if f.rule == "signature"] == [
        "La signature devrait être «\u00a0Paul, pour l’Assurance retraite\u00a0»."
    ]


def test_closing_added_by_the_platform():
    """Text whose closing the platform adds: no signature rule; the closing counts in words."""
    body = NEGATIVE_GOOD.rsplit("\nCordialement,", 1)[0]
    assert "signature" in {f.rule for f in check_reply(body)}
    found = check_reply(body, closing_added=True, pseudonym="Sandrine")
    assert errors(found) == []
    short = POSITIVE_44_WORDS.rsplit("\nBien à vous,", 1)[0]
    signature = Signature("Jean", "l’Assurance retraite", closing="Bien à vous")
    counted = next(
        f
        for f in check_reply(short, closing_added=True, signature=signature)
        if f.rule == "word-count"
    )
    assert "45 mots (formule de politesse et signature ajoutées" in counted.message


def test_findings_carry_spans_and_positions():
    """Each finding with a span points at the text concerned, by line and column."""
    found = next(f for f in check_reply(AVOID_CERFA) if f.rule == "jargon")
    assert AVOID_CERFA[found.start : found.end] == "se référer au"
    assert found.position(AVOID_CERFA) == (1, found.start + 1)


def test_english_messages():
    """locale="en" gives the English catalogue."""
    found = check_reply(AVOID_GENERIC, locale="en")
    assert any(f.message.startswith("Generic reply: the guide asks") for f in found)


def test_known_contacts_are_trusted():
    """A contact given to check_reply is trusted: its link and number raise nothing."""
    text = NEGATIVE_GOOD.replace(
        "(numéro de notre standard téléphonique : 3960)", "sur https://www.mon-organisme.fr"
    )
    found = check_reply(
        text, pseudonym="Sandrine", contacts=[Contact("web", "https://www.mon-organisme.fr")]
    )
    assert not [f for f in found if f.rule == "contact"]


FIRST_PERSON = "Écrivez à la première personne"


@pytest.mark.parametrize(
    ("sentence", "first_person"),
    [
        ("Nous regrettons ce délai.", True),
        ("J’ai transmis votre message.", True),
        ("Votre message m’a touché.", True),
        ("Merci pour ce message. Le service regrette ce délai.", False),  # "me" is no "merci"
        ("Ce message a été transmis au service concerné.", False),
    ],
)
def test_first_person(sentence, first_person):
    """The tone rule asks for "je" or "nous": words that only start like them do not count."""
    text = f"Bonjour Sandrine,\n{sentence}\nCordialement,\nJean, pour la Caf de Paris"
    warned = any(FIRST_PERSON in f.message for f in check_reply(text))
    assert warned is not first_person


def test_phone_numbers_in_other_scripts_are_not_phone_numbers():
    """Phone numbers are written with the digits 0-9; a run of other digits is left alone."""
    text = NEGATIVE_GOOD.replace("3960", "٠١٢٣٤٥٦٧٨٩")
    assert not [f for f in check_reply(text, pseudonym="Sandrine") if f.rule == "contact"]


def test_greeting_with_a_typeset_apostrophe_is_the_pseudonym():
    """A pseudonym "A'" greeted "Bonjour A’," (typography) is greeted by its pseudonym."""
    from sprep_templates import Contact, Experience, Signature, draft_reply

    signature = Signature("Jean", "la Caf de Paris")
    reply = draft_reply(
        Experience(sentiment="positive", pseudonym="A'"),
        signature=signature,
        contacts=[Contact("phone", "32 30")],
    )
    findings = check_reply(reply.text, pseudonym="A'", signature=signature)
    assert not [f for f in findings if f.rule == "greeting"]


def test_a_pseudonym_of_punctuation_is_not_seen_in_a_plain_greeting():
    """Pseudonym ",": "Bonjour," is the plain greeting, not the pseudonym used."""
    text = "Bonjour,\n\nMerci pour votre message.\n\nCordialement,\nJean, pour la Caf"
    assert not [f for f in check_reply(text, pseudonym=",") if f.rule == "greeting"]


def test_a_case_file_code_is_personal_data_not_an_acronym():
    """ "2023-AB-45678" is a case-file number (personal data), not the acronym "AB"."""
    text = "Bonjour,\n\nVotre dossier 2023-AB-45678 est en cours.\n\nJean, pour la Caf"
    findings = check_reply(text)
    flagged = [text[f.start : f.end] for f in findings if f.rule == "personal-data"]
    assert flagged == ["2023-AB-45678"]
    assert not [f for f in findings if f.rule == "jargon" and "AB" in f.message]


def test_case_codes_found_as_the_whole_text_search_finds_them():
    """case_codes looks for a separator between two letters or digits first: it finds
    the codes the pattern finds over the whole text, with or without one."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from sprep_templates.checking._cues import CODE
    from sprep_templates.checking._rules import case_codes

    def plain(text):
        return [
            m.span()
            for m in CODE.finditer(text)
            if sum(c.isdigit() for c in m.group()) >= 4 and any(c.isalpha() for c in m.group())
        ]

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="AB12 -/éx.\n", max_size=60))
    def same(text):
        assert [m.span() for m in case_codes(text)] == plain(text)

    same()
    assert [m.group() for m in case_codes("Dossier 2023-AB-45678 reçu")] == ["2023-AB-45678"]
    assert case_codes("SEINE-SAINT-DENIS 2023") == []
    assert case_codes("dossier 2023 AB 45678") == []
