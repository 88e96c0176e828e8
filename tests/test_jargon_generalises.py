"""Matching that generalises, systematically (issue 23, checker3): a verb-phrase entry
written once with a verb class (``<relever>``) finds the verb's other forms, a negation
around it and up to two adverbs inserted; nouns and adjectives their plural and
feminine; "titre" in the context of an identity document; a formal closing. And the
same verbs in their everyday sense are left alone."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from sprep_templates.checking import check_reply
from sprep_templates.exceptions import DataFileError
from sprep_templates.lexicons._entry_search import entry_search
from sprep_templates.lexicons._jargon import compile_pattern, lexicon, read_lexicon
from sprep_templates.lexicons._matcher import literal_prefixes
from sprep_templates.lexicons._morphology import (
    CONJUGATIONS,
    distribute,
    insertion_slot,
    verb_forms,
    with_negation,
)

with warnings.catch_warnings():  # the regex parser, to look for nested quantifiers
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse

HELDOUT = Path(__file__).parent / "data" / "jargon-variants-heldout.tsv"


def jargon_in(text: str) -> list[str]:
    return [
        text[f.start : f.end]
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None
    ]


# --- what issue 23 (and the brief of this branch) lists as missed on main ---------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Cette demande ne relève plus de nos services.", "relève"),
        ("Votre demande ne relève pas de notre agence.", "relève"),
        ("Il vous appartiendra de fournir un justificatif.", "appartiendra"),
        ("Il ne vous appartient pas de fournir ce justificatif.", "appartient"),
        ("Nous accusons bien réception de votre message.", "accusons"),
        ("Vos titres sont disponibles en mairie.", "titres"),
        ("Nous vous invitons à contacter nos services compétents.", "compétents"),
        ("Veuillez agréer nos salutations distinguées.", "agréer"),
        # the systematic part: other verbs, tenses and persons than those listed above
        ("Ces questions relevaient du département.", "relevaient"),
        ("Vous ne relevez plus de la caisse des indépendants.", "relevez"),
        ("Il leur appartiendrait de répondre.", "appartiendrait"),
        ("Il ne conviendra pas de renvoyer le formulaire.", "conviendra"),
        ("Le centre procédera également au versement.", "procédera"),
        ("Nous avons procédé dès à présent à la correction.", "procédé"),
        ("Nous vous rapprocherons directement du service.", "rapprocherons"),
        ("Les agents ont accusé réception de votre courrier.", "accusé"),
        ("La décision a pris effet le 2 mai.", "pris"),
        ("Nous prenons bien bonne note de votre remarque.", "prenons"),
        ("Vous ne percevrez plus cette allocation.", "percevrez"),
        ("Les services instruiront rapidement votre dossier.", "instruiront"),
        ("Les organismes compétents vous répondront.", "compétents"),
        ("Vous pourriez également prétendre à cette aide.", "pourriez"),
        ("Il vous incombait de déclarer ce revenu.", "incombait"),
        ("Nous ne ferons pas droit à votre demande.", "ferons"),
        ("La caisse opérera un prélèvement en juin.", "opérera"),
        ("Nous avons bien pris acte de votre refus.", "pris"),
        ("Nous réitérons notre proposition.", "réitérons"),
    ],
)
def test_variants_of_verb_phrase_entries_are_found(text, word):
    start = text.index(word)
    spans = [
        (f.start, f.end)
        for f in check_reply(text, closing_added=True)
        if f.rule == "jargon" and f.start is not None
    ]
    assert any(a < start + len(word) and start < b for a, b in spans), jargon_in(text)


# --- the same verbs in their everyday sense --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Je relève la tête quand le bus arrive.",
        "Le gardien relève le courrier chaque matin.",
        "Ton relevé de notes est arrivé hier.",
        "Vous relevez aussi des points positifs dans votre message.",
        "Nous relevons des progrès de votre côté.",
        "Ce livre lui appartient depuis l’enfance.",
        "Ce vélo ? Il appartient à mon cousin.",
        "Ces jouets ne nous appartiennent pas.",
        "Il a pris le train de sept heures.",
        "Nous prendrons un café après la réunion.",
        "Prenez votre temps pour choisir.",
        "Cette date me convient très bien.",
        "Le lundi ne leur convient pas du tout.",
        "L’orage se rapproche de la côte.",
        "Les deux familles se sont rapprochées cet été.",
        "Le témoin accuse son voisin du vol.",
        "Il accuse le coup après la défaite.",
        "Je perçois une odeur de café.",
        "Ce procédé de fabrication est ancien.",
        "Elle instruit ses enfants à la maison.",
        "Mon médecin est très compétent.",
        "Le titre de ce roman est mystérieux.",
        "Il a remporté le titre de champion.",
        "Nous avons bien reçu les invitations du mariage.",
        "Il a mis son manteau et il est parti.",
        "Je porte un sac très lourd.",
        "Tu peux venir dîner ce soir.",
        "Elle fait du vélo le dimanche.",
        "Les enfants prétendent avoir fini leurs devoirs.",
    ],
)
def test_the_same_verbs_in_their_everyday_sense_are_left_alone(text):
    assert jargon_in(text) == []


# --- the generator ---------------------------------------------------------------------


def test_every_verb_of_the_table_has_its_tenses_and_participles():
    forms = set(verb_forms("appartenir"))
    assert {"appartient", "appartiendra", "appartenait", "appartiendrait", "appartenu"} <= forms
    assert {"relève", "relèvera", "relevait", "relevons", "relevé", "relevées"} <= set(
        verb_forms("relever")
    )
    assert {"pris", "prise", "prises"} <= set(verb_forms("prendre"))
    assert "priss" not in verb_forms("prendre")
    assert "relevé" not in verb_forms("relever", participles=False)
    third = set(verb_forms("relever", third_only=True))
    assert {"relève", "relèvent", "relevait", "relèverait", "relever"} <= third
    assert not {"relevez", "relevons", "relevé", "relèverons"} & third
    for lemma in CONJUGATIONS:
        assert lemma in verb_forms(lemma)


def test_a_negation_goes_before_the_clitics_of_a_verb_class():
    assert with_negation("il {vous,nous} <appartenir>") == "il {,ne ,n’}{vous,nous} <appartenir>"
    assert with_negation("il <convenir> de") == "il {,ne ,n’}<convenir> de"
    # the verb (or its clitics) starts the entry: "ne" lies before the match
    assert with_negation("<accuser> réception") == "<accuser> réception"
    assert with_negation("{se,vous} <munir> de") == "{se,vous} <munir> de"


def test_an_unknown_verb_class_is_refused_naming_the_line():
    with pytest.raises(DataFileError, match=r"line 1.*<vouloir>"):
        read_lexicon(["<vouloir> faire\tregister\tvouloir\t[FR]"])
    with pytest.raises(DataFileError, match=r"<relever:futur>"):
        read_lexicon(["<relever:futur> de\tregister\tdépendre\t[FR]"])


def _nested_quantifier(items) -> bool:
    """Whether a parsed regex holds a repetition inside a repetition."""
    for op, value in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, inner = value
            if (_has_repeat(inner) and (low, high) != (0, 1)) or _nested_quantifier(inner):
                return True
        elif op == sre_constants.SUBPATTERN:
            if _nested_quantifier(value[-1]):
                return True
        elif op == sre_constants.BRANCH:
            if any(_nested_quantifier(branch) for branch in value[1]):
                return True
    return False


def _has_repeat(items) -> bool:
    for op, value in items:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            return True
        if op == sre_constants.SUBPATTERN and _has_repeat(value[-1]):
            return True
        if op == sre_constants.BRANCH and any(_has_repeat(b) for b in value[1]):
            return True
    return False


def test_the_insertion_slots_are_literal_words_with_no_nested_quantifier():
    slot = insertion_slot()
    parsed = sre_parse.parse(slot)
    assert not _nested_quantifier(parsed)
    assert not any(_has_repeat(value[2]) for op, value in parsed if op == sre_constants.MAX_REPEAT)
    for entry in lexicon().entries:
        assert not _nested_quantifier(sre_parse.parse(compile_pattern(entry.pattern))), entry


def test_a_long_run_of_adverbs_costs_no_more_than_plain_words():
    # up to two inserted words: a third does not join, and the search stays linear
    assert jargon_in("Nous accusons bien donc également réception.") == []
    text = "Nous accusons " + "bien " * 20_000 + "réception."
    lower = text.lower()
    starts = [m.start() for m in re.finditer(r"\b\w", lower)]
    assert list(entry_search().finditer(lower, starts)) == []


# --- the frozen held-out set -----------------------------------------------------------


def _heldout() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in HELDOUT.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, key, variant, sentence = line.split("\t")
            rows.append((kind, key, variant, sentence))
    return rows


def test_the_held_out_variants_are_found_and_its_plain_sentences_left_alone():
    """The floor under what benchmarks/jargon_variants.py measured after the change
    (52 of 60 before the 'appartient à' context, 0.38 on main): a regression fails."""
    rows = _heldout()
    assert len([r for r in rows if r[0] == "admin"]) == 60
    assert len([r for r in rows if r[0] == "plain"]) == 30
    found = 0
    for kind, key, _variant, sentence in rows:
        spans = [
            (f.start, f.end)
            for f in check_reply(sentence, closing_added=True)
            if f.rule == "jargon" and f.start is not None
        ]
        if kind == "plain":
            assert spans == [], sentence
            continue
        start = sentence.lower().index(key.lower())
        found += any(a < start + len(key) and start < b for a, b in spans)
    assert found >= 50


def test_groups_before_a_verb_class_become_branches_so_starts_stay_long():
    assert distribute("{se,vous} <munir> de|munissez-vous de") == (
        "se <munir> de|vous <munir> de|munissez-vous de"
    )
    # "n’" is kept only before a vowel (or what the group does not yet say)
    assert distribute(with_negation("il {vous,nous} <appartenir> de")) == (
        "il vous <appartenir> de|il nous <appartenir> de|"
        "il ne vous <appartenir> de|il ne nous <appartenir> de"
    )
    for pattern in ("{se,vous,me,nous} <munir> d{e,u,es,’}", "il {vous,lui} <appartenir> de"):
        prefixes = literal_prefixes(compile_pattern(pattern))
        assert prefixes is not None
        assert min(len(prefix) for prefix in prefixes) >= len("se muni"), prefixes
