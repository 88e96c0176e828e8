"""Hypothesis strategies for every input of a reply, for property tests.

The library's own tests use them, and an administration can use them to
property-test its custom templates in its own test suite::

    from hypothesis import given
    from sprep_templates import draft_reply
    from sprep_templates.testing import draft_arguments, experiences

    @given(experiences, draft_arguments())
    def test_our_templates(experience, arguments):
        reply = draft_reply(experience, template_dir="our-templates", **arguments)
        assert reply.compliant  # no error, nothing sensitive missed

Needs Hypothesis (``pip install "sprep_templates[testing]"``).
"""

from __future__ import annotations

from datetime import date

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError(
        "sprep_templates.testing needs Hypothesis: pip install 'sprep_templates[testing]'"
    ) from error

from .inputs import CRITERIA, Contact, Experience, Signature
from .limits import GUARANTEED_LIMITS

__all__ = [
    "DESCRIPTIONS",
    "EXPORT_CHANNELS",
    "RATING_VALUES",
    "actions",
    "any_contact",
    "channels",
    "descriptions",
    "draft_arguments",
    "experiences",
    "plain_draft_arguments",
    "posted_as",
    "pseudonyms",
    "public_text",
    "published",
    "ratings",
    "sentence",
    "signatures",
    "titles",
]

SENTIMENT_NAMES = ["positive", "neutral", "negative", "Positif", "Neutre", "Négatif"]
EXPORT_CHANNELS = [
    "Téléphone",
    "Accueil",
    "Démarche en ligne",
    "Compte ou espace personnel",
    "Courrier",
    "E-mail",
    "Tchat (messagerie instantanée)",
    "Réseaux Sociaux",
    "Patrouille",
]
FIRST_NAMES = ["Sandrine", "Constance", "Dominique", "Tiphaine", "Jean-Marc", "Marie Anne"]
HOSTILE = ["énervédu76", "furax", "vénère31", "RasLeBol", "UsagerNul", "jean@exemple.fr"]
ORGANISATIONS = [
    "la Caf de Paris",
    "l’Assurance Maladie",
    "France Travail",
    "le consulat général de France à Montréal",
    "l’Urssaf",
    "la préfecture du Rhône",
]
WORDS = (
    "vous pouvez faire votre déclaration en ligne depuis votre espace personnel avec "
    "les pièces justificatives au format pdf notre équipe traite les dossiers dans "
    "un délai de deux semaines après réception du formulaire complet"
).split()

# Text typed by the public: any printable Unicode (no control or private-use characters).
public_text = st.text(
    st.characters(
        blacklist_categories=("Cc", "Cs", "Co", "Cf"),
    ),
    max_size=60,
)


def sentence(min_words: int, max_words: int) -> st.SearchStrategy[str]:
    """A plain French sentence of ``min_words`` to ``max_words`` words."""
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=max_words).map(
        lambda words: " ".join(words).capitalize() + "."
    )


pseudonyms = st.one_of(
    st.none(),
    st.sampled_from(FIRST_NAMES + HOSTILE),
    public_text,
)
titles = st.one_of(st.none(), st.sampled_from(["Relevé de carrière", "vote en ligne"]), public_text)
channels = st.lists(st.sampled_from(EXPORT_CHANNELS), max_size=3).map(tuple)

#: The export's rating values, and no rating.
RATING_VALUES = ["positive", "neutral", "negative", "Positif", "Neutre", "Négatif", ""]
ratings = st.dictionaries(st.sampled_from(CRITERIA), st.sampled_from(RATING_VALUES), max_size=5)
posted_as = st.sampled_from(
    ["self", "relative", "mediator", "La personne concernée", "Un proche de la personne concernée"]
)
#: What users write, in short: ordinary, angry, about an unreachable phone, or serious.
DESCRIPTIONS = [
    "J’attends une réponse depuis trois mois.",
    "Impossible de joindre le service par téléphone, personne ne décroche.",
    "Mon mari est décédé et j’attends toujours la pension de réversion.",
    "Mon courrier est resté lettre morte.",
    "Accueil parfait, merci.",
]
descriptions = st.one_of(st.none(), st.sampled_from(DESCRIPTIONS), public_text)
published = st.one_of(st.none(), st.dates(date(2019, 1, 1), date(2026, 12, 31)))
actions = st.one_of(
    st.none(), sentence(GUARANTEED_LIMITS["min_free_text_words"], GUARANTEED_LIMITS["action_words"])
)

experiences = st.builds(
    Experience,
    sentiment=st.sampled_from(SENTIMENT_NAMES),
    id=st.one_of(st.none(), st.integers(1, 10**8).map(str)),
    pseudonym=pseudonyms,
    title=titles,
    channels=channels,
    ratings=ratings,
    posted_as=posted_as,
    similar=st.one_of(st.just(0), st.integers(0, 400)),
    published=published,
    action=actions,
    description=descriptions,
)

signatures = st.builds(
    Signature,
    first_name=st.sampled_from(["Jean", "Marie Anne", "Zoé", "Jean-Baptiste"]),
    organisation=st.sampled_from(ORGANISATIONS),
    closing=st.one_of(st.none(), st.sampled_from(["Cordialement", "Bien à vous,"])),
)

phone_contacts = st.sampled_from(["32 30", "3960", "01 23 45 67 89", "+33 1 40 00 00 00"]).map(
    lambda value: Contact(kind="phone", value=value)
)
web_contacts = st.sampled_from(
    ["https://www.caf.fr/nous-contacter", "https://www.service-public.fr/particuliers"]
).map(lambda value: Contact(kind="web", value=value))
email_contacts = st.sampled_from(["contact@exemple.gouv.fr"]).map(
    lambda value: Contact(kind="email", value=value)
)
address_contacts = st.sampled_from(["12 rue de la Paix, 75002 Paris"]).map(
    lambda value: Contact(kind="address", value=value, label="le point numérique")
)
any_contact = st.one_of(phone_contacts, web_contacts, email_contacts, address_contacts)
guaranteed_contact = st.one_of(phone_contacts, web_contacts, email_contacts)

_min = GUARANTEED_LIMITS["min_free_text_words"]


@st.composite
def draft_arguments(draw: st.DrawFn) -> dict[str, object]:
    """Keyword arguments for draft_reply, within the documented guaranteed limits."""
    contacts = draw(st.lists(guaranteed_contact, max_size=GUARANTEED_LIMITS["contacts"]))
    answer = draw(st.one_of(st.none(), sentence(_min, GUARANTEED_LIMITS["answer_words"])))
    if not contacts and answer is None:
        contacts = [draw(guaranteed_contact)]
    return {
        "signature": draw(signatures),
        "contacts": contacts,
        "situation": draw(
            st.one_of(st.none(), sentence(_min, GUARANTEED_LIMITS["situation_words"]))
        ),
        "answer": answer,
        "improvement": draw(
            st.one_of(st.none(), sentence(_min, GUARANTEED_LIMITS["improvement_words"]))
        ),
    }


# Sentences an agent might write, in plain words (for the readability property).
PLAIN_SITUATIONS = [
    "Vous attendez une réponse à votre demande depuis trois mois.",
    "Vous n’avez pas pu joindre nos services par téléphone.",
    "Votre rendez-vous a été annulé sans que vous soyez prévenu.",
]
PLAIN_ANSWERS = [
    "Vous pouvez envoyer vos documents depuis votre espace personnel.",
    "Votre dossier est complet et sera traité dans les prochains jours.",
    "Vous pouvez prendre rendez-vous en ligne, sans attendre au téléphone.",
]
PLAIN_IMPROVEMENTS = [
    "Notre site a été amélioré ces deux dernières semaines.",
    "Nous avons ouvert de nouveaux créneaux de rendez-vous.",
    "Un nouvel agent a rejoint notre accueil.",
]


@st.composite
def plain_draft_arguments(draw: st.DrawFn) -> dict[str, object]:
    """Like draft_arguments, with free text an agent writing plainly would give."""
    arguments = draw(draft_arguments())
    for field, pool in (
        ("situation", PLAIN_SITUATIONS),
        ("answer", PLAIN_ANSWERS),
        ("improvement", PLAIN_IMPROVEMENTS),
    ):
        if arguments[field] is not None:
            arguments[field] = draw(st.sampled_from(pool))
    return arguments
