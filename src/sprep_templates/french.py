"""French grammar glue: prepositions before a noun phrase, contact phrases, lists."""

from __future__ import annotations

from collections.abc import Sequence

from babel.lists import format_list

from .inputs import Contact

__all__ = ["contact_phrase", "join_alternatives", "with_a", "with_de"]

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


def with_de(phrase: str) -> str:
    """``de`` before a noun phrase: du consulat, de la Caf, de l’Urssaf, de France Travail."""
    article, rest = _split_article(phrase)
    if article == "le":
        return f"du {rest}"
    if article == "les":
        return f"des {rest}"
    if article == "la":
        return f"de la {rest}"
    if article == "l’":
        return f"de l’{rest}"
    if phrase[:1].lower() in _VOWELS:
        return f"d’{phrase}"
    return f"de {phrase}"


def with_a(phrase: str) -> str:
    """``à`` before a noun phrase: au point numérique, à la mairie, aux services."""
    article, rest = _split_article(phrase)
    if article == "le":
        return f"au {rest}"
    if article == "les":
        return f"aux {rest}"
    if article == "la":
        return f"à la {rest}"
    if article == "l’":
        return f"à l’{rest}"
    return f"à {phrase}"


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
