"""The jargon lexicon and acronyms: forms found, plain words left alone, the data
file well formed, acronyms explained or given their expansion."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from sprep_templates import draft_reply
from sprep_templates.checking import check_reply
from sprep_templates.exceptions import DataFileError
from sprep_templates.lexicons import literal_prefixes
from sprep_templates.lexicons._jargon import (
    acronym_expansions,
    compile_pattern,
    lexicon,
    read_lexicon,
)
from sprep_templates.testing import experiences, plain_draft_arguments

from .plain_texts import PLAIN_TEXTS


def jargon_in(text: str) -> list[tuple[str, str]]:
    """(span, severity) of every `jargon` finding in ``text``."""
    return [
        (text[f.start : f.end], f.severity)
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None
    ]


@pytest.mark.parametrize(
    "form",
    ["régulariser", "régularisé", "régularisée", "régularisés", "régularisées", "régularisons"],
)
def test_every_form_of_regulariser_is_found(form):
    """Each inflection of an entry written once with {…} is found, as an error."""
    assert jargon_in(f"Votre dossier doit être {form} demain.") == [(form, "error")]


@pytest.mark.parametrize(
    ("text", "span", "severity"),
    [
        ("Le courrier a été réceptionné lundi.", "réceptionné", "warning"),
        ("Les pièces ont été réceptionnées lundi.", "réceptionnées", "warning"),
        ("Nous avons reçu de nombreuses sollicitations.", "sollicitations", "warning"),
        ("Nous avons reçu une sollicitation.", "sollicitation", "warning"),
        ("Envoyez les pièces complémentaires.", "pièces complémentaires", "error"),
        ("Envoyez la pièce complémentaire.", "pièce complémentaire", "error"),
        ("Il convient de nous écrire.", "Il convient de", "warning"),
        ("Il conviendra d’appeler.", "Il conviendra d’", "warning"),
        ("Il conviendra d'appeler.", "Il conviendra d'", "warning"),
        ("Nous suivons l’instruction de votre dossier.", "l’instruction", "error"),
        ("Le service instructeur vous répondra.", "service instructeur", "error"),
        ("Vous pouvez saisir le médiateur.", "saisir le médiateur", "warning"),
        ("Vous avez saisi la commission.", "saisi la commission", "warning"),
        ("Le trop-perçu sera repris.", "trop-perçu", "warning"),
        ("Le trop perçu sera repris.", "trop perçu", "warning"),
        ("Il s’agit de la réglementation en vigueur.", "réglementation en vigueur", "warning"),
        ("Répondez sous 2 mois.", "sous 2 mois", "warning"),
        ("Répondez sous deux mois.", "sous deux mois", "warning"),
        ("Le montant est calculé au prorata.", "au prorata", "error"),
    ],
)
def test_inflections_and_variants_are_found(text, span, severity):
    """Gender, number, verb forms, both apostrophes and hyphen or space are found."""
    assert (span, severity) in jargon_in(text)


def test_guide_wording_with_regularisation_is_not_flagged():
    """The guide's model reply says "demandes de régularisation": no finding there."""
    text = "Nous traitons en priorité les demandes de régularisation associées à une retraite."
    assert jargon_in(text) == []


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_plain_sentences_have_no_jargon(text):
    """Ordinary words that start like lexicon entries are not flagged."""
    assert jargon_in(text) == []


def test_lexicon_is_large_and_every_entry_anchors():
    """Over 300 entries, each compiled to a pattern the one-pass search can anchor."""
    found = lexicon()
    assert len(found.entries) >= 300
    for entry in found.entries:
        prefixes = literal_prefixes(compile_pattern(entry.pattern))
        assert prefixes and all(p.strip() for p in prefixes), entry.pattern
        assert entry.category in ("jargon", "register", "legal")
        assert entry.plain and entry.source.startswith("[")


def test_combined_pattern_names_the_entry_found():
    """The combined pattern tells which entry matched, for its plain wording."""
    found = lexicon()
    match = found.combined.search("merci de nous écrire au préalable.")
    assert match is not None
    assert found.entry_for(match).plain == "avant, d’abord"


def test_malformed_entry_names_its_line():
    """A bad line is refused with its number and the reason."""
    with pytest.raises(DataFileError, match=r"jargon\.tsv, line 7: 'régularis\{er,é'"):
        read_lexicon([(7, "régularis{er,é\tjargon\tcorriger\t[SPP]")])


def test_unknown_class_is_refused():
    """Only the documented classes exist."""
    with pytest.raises(DataFileError, match="unknown class <ée>"):
        read_lexicon(["régularis<ée>\tjargon\tcorriger\t[SPP]"])


def test_acronym_explained_in_brackets_or_spelt_out_is_not_flagged():
    """An acronym the reply explains, next to it or anywhere, is fine."""
    for text in (
        "Contactez l’Agence nationale des titres sécurisés (ANTS) sur son site.",
        "Contactez l’ANTS (Agence nationale des titres sécurisés) sur son site.",
        "L’Agence nationale des titres sécurisés vous répond. Le site de l’ANTS est ouvert.",
    ):
        assert jargon_in(text) == [], text


def test_known_acronym_gets_its_expansion():
    """An unexplained acronym with a known expansion: the message gives it."""
    found = [f for f in check_reply("Le site de l’ANTS est ouvert le lundi.") if f.rule == "jargon"]
    assert [f.message for f in found] == [
        "ANTS\u00a0: écrivez «\u00a0Agence nationale des titres sécurisés\u00a0» la première fois, "
        "ou le sigle suivi de son nom entre parenthèses."
    ]


def test_known_acronym_in_english():
    """The English message keeps the French expansion the reply must use."""
    found = [
        f
        for f in check_reply("Le site de l’ANTS est ouvert le lundi.", locale="en")
        if f.rule == "jargon"
    ]
    assert found[0].message.startswith("ANTS: write “Agence nationale des titres sécurisés”")


def test_public_acronyms_and_roman_numerals_are_not_flagged():
    """CAF, CPAM, RIB and "annexe II" need no explanation."""
    assert jargon_in("Envoyez votre RIB à la CAF et à la CPAM, voir l’annexe II.") == []


def test_acronym_list_is_small_and_has_expansions():
    """A curated list of administrative acronyms, a few hundred at most."""
    expansions = acronym_expansions()
    assert 50 <= len(expansions) <= 400
    assert expansions["CNAV"].expansion == "Caisse nationale d’assurance vieillesse"


@settings(max_examples=150, deadline=None)
@given(experiences, plain_draft_arguments())
def test_drafted_replies_have_no_jargon(experience, arguments):
    """No drafted reply, whatever its inputs, has a jargon finding (checked as the
    library checks a draft: knowing the pseudonym it greets, "Bonjour AA," is no acronym)."""
    reply = draft_reply(experience, **arguments)
    findings = check_reply(reply.text, pseudonym=experience.pseudonym)
    assert [f for f in findings if f.rule == "jargon"] == []
