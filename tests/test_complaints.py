"""Complaints found in what the user wrote (sprep_templates.experience)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprep_templates.exceptions import DataFileError
from sprep_templates.experience._complaints import (
    _phone_patterns,
    load_phone_patterns,
    phone_unreachable_span,
    says_phone_unreachable,
)
from sprep_templates.lexicons import fold_keeping_length


@pytest.mark.parametrize(
    "text",
    [
        "Impossible de joindre la Caf depuis trois semaines.",
        "impossible de les joindre",
        "Personne ne répond, jamais.",
        "Le service est injoignable.",
        "Ça sonne dans le vide à chaque appel.",
        "ca sonne dans le vide",
        "Une heure d'attente au téléphone pour rien.",
        "Temps d'attente d'une heure au téléphone.",
        "Le numéro ne répond pas.",
        "Le 3646 ne répond pas",
        "La ligne raccroche au bout de 20 minutes.",
        "La plateforme téléphonique est saturée.",
        "Les lignes sont toujours occupées.",
        "« Tous nos conseillers sont occupés, veuillez rappeler ultérieurement. »",
        "J’ai essayé de joindre l’Urssaf sans succès.",
        "Je n'arrive pas à les joindre par téléphone.",
    ],
)
def test_phone_unreachable(text):
    """Typical ways of saying the phone could not be reached are found."""
    assert says_phone_unreachable(text)


@pytest.mark.parametrize(
    "text",
    [
        "Impossible de joindre le document à ma demande.",
        "Il faut joindre les pièces justificatives au dossier.",
        "Impossible de joindre deux années de bulletins de salaire.",
        "Le service ne répond pas aux mails.",
        "La réponse ne répond pas à ma question.",
        "Pas d'attente au téléphone, très bien reçu.",
        "Le conseiller m'a raccroché au nez.",
        "Je suis allé rejoindre ma famille.",
        "La démarche en ligne n'aboutit pas.",
        "Ils n'ont pas pu me joindre par téléphone.",
        "Le service est injoignable par mail.",
    ],
)
def test_not_phone_unreachable(text):
    """Other senses of the same words are not an unreachable phone."""
    assert not says_phone_unreachable(text)


def test_span_maps_back():
    """The span indexes the text as given."""
    text = "Bonjour. Ça SONNE DANS LE VIDE."
    start, end = phone_unreachable_span(text)
    assert text[start:end] == "SONNE DANS LE VIDE"


@pytest.mark.parametrize("text", [None, "", "  "])
def test_none_or_blank(text):
    """None and blank texts say nothing."""
    assert phone_unreachable_span(text) is None
    assert not says_phone_unreachable(text)


def test_long_text():
    """A 10,000-character text is read to its end."""
    text = "Merci pour votre aide. " * 440 + "Personne ne répond."
    assert len(text) > 10_000
    assert phone_unreachable_span(text) == (text.index("Personne"), len(text) - 1)


def test_shipped_file_loads():
    """The shipped pattern file loads, with exclusions."""
    assert {entry.category for entry in _phone_patterns().entries} == {"unreachable", "exclude"}


def test_malformed_file_names_the_line(tmp_path):
    """A malformed file raises DataFileError naming the file and line."""
    path = tmp_path / "phone.tsv"
    path.write_text(
        "category\tpattern\tsource\nunreachable\tinjoignable\t[FR]\nthreat\tx\t[FR]\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"phone\.tsv:3"):
        load_phone_patterns(path)


@given(st.text(max_size=300))
def test_never_raises(text):
    """Any text gives a span within it, or None."""
    span = phone_unreachable_span(text)
    if span is not None:
        assert 0 <= span[0] < span[1] <= len(text)


@given(st.text(alphabet="impossible dejoindr'’INJOIGABLE.\n", max_size=80))
def test_same_matches_as_one_regex(text):
    """Trying the lines only where their first words occur gives regex.finditer's matches."""
    patterns = _phone_patterns()
    folded = fold_keeping_length(text)
    expected = [(int(m.lastgroup[1:]), m.start(), m.end()) for m in patterns.regex.finditer(folded)]
    assert list(patterns.finditer(folded)) == expected
