"""Exact replies for the guide's Sandrine cases, read and checked by hand."""

from __future__ import annotations

from sprep_templates import Contact, Experience, Signature, draft_reply

RETRAITE = Signature(first_name="Jean", organisation="l’Assurance retraite")
NBSP = "\u00a0"


def test_negative_releve_de_carriere():
    """The guide's negative case: regret, the situation, a first-level answer, a channel."""
    reply = draft_reply(
        Experience(
            id="192",
            sentiment="negative",
            pseudonym="Sandrine",
            title="Relevé de carrière",
            channels=("Courrier",),
        ),
        signature=RETRAITE,
        contacts=[Contact(kind="phone", value="3960")],
        situation="Vous attendez depuis longtemps la mise à jour de votre relevé de carrière.",
        answer=(
            "Nous traitons en priorité les demandes liées à un départ en retraite, "
            "ce qui peut expliquer ce délai."
        ),
    )
    assert reply.text == (
        "Bonjour Sandrine,\n\n"
        f"Merci pour votre retour «{NBSP}Relevé de carrière{NBSP}». Nous avons bien pris en "
        "compte votre message. Nous l’avons lu avec attention.\n\n"
        "Nous comprenons votre déception. Nous regrettons sincèrement ce qui s’est passé. "
        "Vous attendez depuis longtemps la mise à jour de votre relevé de carrière.\n\n"
        "Nous traitons en priorité les demandes liées à un départ en retraite, ce qui peut "
        "expliquer ce délai. Si besoin, nos équipes vous répondent par téléphone au 39 60.\n\n"
        "Nous partageons votre message avec les équipes de l’Assurance retraite. Nous allons "
        "en tirer des leçons pour améliorer notre service.\n\n"
        "Cordialement,\n"
        "Jean, pour l’Assurance retraite"
    )
    assert reply.word_count == 100


def test_positive_password_change_by_phone():
    """The guide's positive case: joy, the message passed on to the teams, short."""
    reply = draft_reply(
        Experience(id="32", sentiment="positive", pseudonym="Sandrine", channels=("Téléphone",)),
        signature=RETRAITE,
        contacts=[Contact(kind="web", value="https://www.lassuranceretraite.fr")],
    )
    assert reply.text == (
        "Bonjour Sandrine,\n\n"
        "Nous vous remercions pour votre message. Nous l’avons bien pris en compte et lu "
        "avec plaisir.\n\n"
        "Nous sommes très heureux que votre appel vous ait donné satisfaction. Vous avez "
        "trouvé l’aide attendue, et c’est notre but.\n\n"
        "Pour toute autre question, nous restons à votre disposition sur "
        "https://www.lassuranceretraite.fr.\n\n"
        "Nous transmettons votre message à nos équipes. Votre témoignage nous aide à "
        "améliorer notre service.\n\n"
        "Bien à vous,\n"
        "Jean, pour l’Assurance retraite"
    )
    assert reply.word_count == 71


def test_neutral_pieces_justificatives():
    """The guide's "bonne pratique" content (pièces justificatives) as a neutral reply."""
    reply = draft_reply(
        Experience(
            id="146", sentiment="neutral", pseudonym="Sandrine", channels=("Démarche en ligne",)
        ),
        signature=Signature(first_name="Jean", organisation="la Caf de Paris"),
        contacts=[
            Contact(kind="phone", value="32 30"),
            Contact(kind="web", value="https://www.caf.fr/nous-contacter"),
        ],
        situation=(
            "Vous rencontrez des difficultés pour charger vos pièces justificatives sur notre site."
        ),
        answer="Les documents doivent être au format pdf, png ou jpeg, de 1 Mo au plus.",
        improvement="Notre site a été amélioré ces deux dernières semaines.",
    )
    assert reply.text == (
        "Bonjour Sandrine,\n\n"
        "Nous avons bien pris en compte votre message. Merci d’avoir pris le temps de "
        "partager votre expérience avec nous.\n\n"
        "Chaque avis compte pour nous. Le vôtre nous aide à mieux comprendre ce que vous "
        "avez vécu. Vous rencontrez des difficultés pour charger vos pièces justificatives "
        "sur notre site.\n\n"
        f"Les documents doivent être au format pdf, png ou jpeg, de 1{NBSP}Mo au plus. Pour "
        "toute autre question, contactez-nous par téléphone au 32 30 ou sur "
        "https://www.caf.fr/nous-contacter.\n\n"
        "Notre site a été amélioré ces deux dernières semaines. Votre témoignage nous aide à "
        "aller plus loin pour mieux vous servir.\n\n"
        "Bien cordialement,\n"
        "Jean, pour la Caf de Paris"
    )
