"""Sensitive situations in what the user wrote (sprep_templates.experience)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprep_templates.exceptions import DataFileError
from sprep_templates.experience._sensitive import (
    CATEGORIES,
    CATEGORY_LABELS,
    Concern,
    _patterns,
    load_patterns,
    sensitive_concerns,
)
from sprep_templates.lexicons import fold_keeping_length


def categories(text):
    return [concern.category for concern in sensitive_concerns(text)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Ma mère est décédée en mars et je dois fermer son compte.", "death"),
        ("Mon père est DECEDE le 3 mai.", "death"),
        ("Suite au deces de mon mari, je demande la réversion.", "death"),
        ("Depuis la mort de mon fils, je n'arrive plus à remplir ces papiers.", "death"),
        ("Veuve depuis peu, je ne comprends pas ce courrier.", "death"),
        ("Les obsèques ont eu lieu hier.", "death"),
        ("Je suis victime de violences conjugales.", "violence"),
        ("Mon conjoint m’a frappée devant les enfants.", "violence"),
        ("J'ai été agressée dans le hall de la gare.", "violence"),
        ("Elle a été violée l'an dernier et attend son rendez-vous.", "sexual-violence"),
        ("Je voulais signaler une agression sexuelle.", "sexual-violence"),
        ("Il subit des attouchements de la part d'un voisin.", "sexual-violence"),
        ("Je suis harcelée par mon ancien employeur.", "harassment"),
        ("Ma fille subit un harcèlement scolaire.", "harassment"),
        ("Mon frère a fait une tentative de suicide.", "suicide"),
        ("J'ai des idées noires depuis ce refus.", "suicide"),
        ("Je veux mettre fin à mes jours.", "suicide"),
        ("Mon fils est en danger chez son père.", "child-in-danger"),
        ("J'ai appelé le 119 pour signaler une enfant maltraitée.", "child-in-danger"),
        ("J'ai reçu des menaces de mort de mon voisin.", "threat"),
        ("Il m'a menacée avec un couteau.", "threat"),
        ("Si rien ne bouge, ça va mal finir.", "threat"),
    ],
)
def test_category_found(text, category):
    """Each category is found on a typical phrasing, whatever its case, accents or apostrophe."""
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ma lettre est restée lettre morte depuis trois mois.",
        "Le dossier est au point mort.",
        "J'étais mort de rire en lisant la réponse.",
        "Nous nous sommes battus pour obtenir nos droits.",
        "Je me suis battue avec l'administration pendant un an.",
        "Il faut se battre avec l'administration pour tout.",
        "J'ai écrit à la Répression des fraudes.",
        "La violence des propos du courrier m'a choquée.",
        "C'est une violence administrative insupportable.",
        "On me menace de suspension des droits si je ne réponds pas.",
        "La Caf me menace d'une amende de 500 euros.",
        "J'ai reçu un courrier menaçant de l'Urssaf.",
        "Je suis harcelée de relances par courrier.",
        "J'ai dû les harceler pour avoir une réponse.",
        "Mes droits ont été violés par cette décision.",
        "La loi a été violée par ce service.",
        "La violation du règlement est manifeste.",
        "Mes enfants sont scolarisés à Lyon.",
        "Un agent agressif m'a mal reçu.",
        "Le défunt RSI ne répondait jamais.",
        "Il m'a fallu mes actes de naissance, mariage, décès pour le dossier.",
        "Ma grand-mère n'est pas morte, elle signe elle-même.",
        "Je travaillerai jusqu'à ma mort.",
        "",
    ],
)
def test_ordinary_senses(text):
    """The ordinary uses of the same words are not sensitive situations."""
    assert sensitive_concerns(text) == ()


def test_one_concern_per_category_first_occurrence_in_order():
    """At most one concern per category, its first occurrence, in the order of CATEGORIES."""
    text = "Menaces de mort reçues. Mon mari est décédé ; ma sœur est décédée aussi."
    concerns = sensitive_concerns(text)
    assert [c.category for c in concerns] == ["death", "threat"]
    assert concerns[0].found == "décédé"
    assert concerns[0].start == text.index("décédé")


def test_spans_map_back_to_the_original_text():
    """Spans index the text as given, accents, capitals and ’ included."""
    text = "Bonjour,\u00a0l’ÉTAT m’a écrit. Ma MÈRE est DÉCÉDÉE à l’hôpital."
    (concern,) = sensitive_concerns(text)
    assert text[concern.start : concern.end] == concern.found == "DÉCÉDÉE"


def test_words_glued_by_a_lost_line_break():
    """A capital glued to a lower-case letter starts a new word ("décédéeIl")."""
    (concern,) = sensitive_concerns("une personne décédéeIl m'est demandé un acte")
    assert concern.found == "décédée"


def test_reason_is_french():
    """The reason names the category in French and quotes the user's words."""
    concern = Concern(category="death", found="décédée", start=0, end=7)
    assert concern.reason == "décès ou deuil\u00a0: «\u202fdécédée\u202f»"
    assert set(CATEGORY_LABELS) == set(CATEGORIES)


def test_unknown_category_refused():
    """A Concern refuses a category outside CATEGORIES."""
    with pytest.raises(ValueError):
        Concern(category="scam", found="arnaque", start=0, end=7)


@pytest.mark.parametrize("text", [None, "", "   \n\t"])
def test_nothing_for_none_or_blank(text):
    """None and blank texts have no concern."""
    assert sensitive_concerns(text) == ()


def test_scams_are_out_of_scope():
    """A scam is not one of the situations that call for a person."""
    assert sensitive_concerns("J'ai été victime d'une arnaque et d'une escroquerie.") == ()


def test_long_text():
    """A 10,000-character text is read to its end."""
    text = "Je n'ai pas reçu de réponse à mon courrier. " * 230 + "Mon père est décédé."
    assert len(text) > 10_000
    (concern,) = sensitive_concerns(text)
    assert concern.start == text.index("décédé")


def test_shipped_file_loads():
    """The shipped word list loads, with lines in every category and exclusions."""
    loaded = {entry.category for entry in _patterns().entries}
    assert loaded == {*CATEGORIES, "exclude"}


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("category\tpattern\tsource\ndeath\tdécès\n", "bad.tsv:2"),
        ("category\tpattern\tsource\n# comment\nscam\tarnaque\t[FR]\n", "bad.tsv:3"),
        ("category\tpattern\tsource\ndeath\td(écès\t[FR]\n", "bad.tsv:2"),
        ("category\tpattern\tsource\ndeath\t(décès)\t[FR]\n", "bad.tsv:2"),
        ("category\tpattern\tsource\ndeath\t\\w+ès\t[FR]\n", "bad.tsv:2"),
        ("category\tpattern\tsource\ndeath\t(?:x)?\t[FR]\n", "bad.tsv:2"),
        ("death\tdécès\t[FR]\n", "bad.tsv:1"),
    ],
)
def test_malformed_file_names_the_line(tmp_path, content, where):
    """A malformed pattern file raises DataFileError naming the file and line."""
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=re.escape(where)):
        load_patterns(path)


def test_custom_file(tmp_path):
    """A pattern file given by path replaces the shipped list."""
    path = tmp_path / "mine.tsv"
    path.write_text("category\tpattern\tsource\nthreat\tgare à vous\t[FR]\n", encoding="utf-8")
    (concern,) = sensitive_concerns("Gare à vous !", patterns=load_patterns(path))
    assert concern.category == "threat"


def test_fold_keeps_length():
    """The folded copy has one character for each of the text's."""
    text = "Œuvre d’ÉTÉ\u202f: déçu, naïf, 😀, ß, İ."
    folded = fold_keeping_length(text)
    assert len(folded) == len(text)
    assert folded.startswith("?uvre d'ETE :")


@given(st.text(max_size=300))
def test_never_raises_and_spans_in_bounds(text):
    """Any text gives concerns whose spans lie within it and hold the words found."""
    for concern in sensitive_concerns(text):
        assert 0 <= concern.start < concern.end <= len(text)
        assert text[concern.start : concern.end] == concern.found


@given(st.text(alphabet="décèsmortvilen' ’DÉCÈSMe.\n", max_size=80))
def test_same_matches_as_one_regex(text):
    """Trying the lines only where their first words occur gives regex.finditer's matches."""
    patterns = _patterns()
    folded = fold_keeping_length(text)
    expected = [(int(m.lastgroup[1:]), m.start(), m.end()) for m in patterns.regex.finditer(folded)]
    assert list(patterns.finditer(folded)) == expected
