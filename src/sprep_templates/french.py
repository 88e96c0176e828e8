"""French grammar glue: prepositions before a noun phrase, contact phrases, lists."""

from __future__ import annotations

from collections.abc import Sequence

from babel.lists import format_list
from babel.numbers import format_decimal

from .inputs import Contact

__all__ = ["contact_phrase", "format_count", "join_alternatives", "with_a", "with_de"]

_VOWELS = "aeiouyàâäéèêëîïôöùûüœh"


def _split_article(phrase: str) -> tuple[str, str]:
    """("le", "consulat général") for "le consulat général"; ("", phrase) without article."""
    lowered = phrase.lower()
    for article in ("les ", "le ", "la "):
        if lowered.startswith(article):
            return article.strip(), phrase[len(article) :]
    for article in ("l’", "l'"):
        if lowered.startswith(article):
            return "l’", phrase[2:]
    return "", phrase


# What a preposition becomes before each article (and before a name without one).
_CONTRACTIONS = {
    "de": {"le": "du ", "les": "des ", "la": "de la ", "l’": "de l’", "": "de "},
    "à": {"le": "au ", "les": "aux ", "la": "à la ", "l’": "à l’", "": "à "},
}


def _with(preposition: str, phrase: str) -> str:
    article, rest = _split_article(phrase)
    if not article and preposition == "de" and phrase[:1].lower() in _VOWELS:
        return f"d’{phrase}"  # d’Info Retraite
    return _CONTRACTIONS[preposition][article] + rest


def with_de(phrase: str) -> str:
    """``de`` before a noun phrase: du consulat, de la Caf, de l’Urssaf, de France Travail."""
    return _with("de", phrase)


def with_a(phrase: str) -> str:
    """``à`` before a noun phrase: au point numérique, à la mairie, aux services."""
    return _with("à", phrase)


def contact_phrase(contact: Contact) -> str:
    """How a reply points to one contact, after "nous joindre" or "à votre disposition"."""
    label = f" ({contact.label})" if contact.label else ""
    if contact.kind == "phone":
        return f"par téléphone au {contact.value}{label}"
    if contact.kind == "email":
        return f"par courriel à {contact.value}{label}"
    if contact.kind == "web":
        return f"sur {contact.value}{label}"
    place = with_a(contact.label) if contact.label else "à notre accueil"
    return f"{place} ({contact.value})"


def join_alternatives(phrases: Sequence[str]) -> str:
    """ "A ou B", "A, B ou C": Babel's French list formatting."""
    return format_list(list(phrases), style="or", locale="fr")


def format_count(number: int) -> str:
    """A whole number written the French way: ``1 200`` (Babel's grouping)."""
    return format_decimal(number, locale="fr_FR")
