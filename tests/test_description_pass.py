"""The readings of one description share its folded text and its one automaton pass
(issue 24): what they find from the shared pass is what each finds on its own."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sprep_templates.experience._needs import find_needs, needs_patterns
from sprep_templates.experience._problems import (
    ComplaintSentences,
    complaint_filter,
    problem_patterns,
    read_problem,
    severity_patterns,
)
from sprep_templates.experience._said import _description_files
from sprep_templates.lexicons import fold_keeping_length

# Sentences of the kinds the needs file reads (written for this test), and what may
# sit between them.
_PIECES = [
    "J’attends toujours mon titre de séjour",
    "impossible de joindre quelqu’un",
    "je n’arrive pas à prendre rendez-vous",
    "aucune réponse à mes courriels",
    "Votre demande est en attente",
    "si je n’avais pas reçu le courrier",
    "c’est urgent",
    "l’accueil était très bien",
    "je ne vois pas comment il pourrait être amélioré",
    "il faudrait ajouter un bouton",
    "« merci de patienter »",
    "Œuvre",
    ". ",
    " ? ",
    "\n",
    ", ",
    " ",
]
_SENTENCE_END = re.compile(r"[.!?\n]+")


def _needs_from_the_shared_pass(text: str):
    folded = fold_keeping_length(text)
    found = _description_files().finditer_each(folded)[-1]
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    return find_needs(text, ends, folded=folded, found=found), find_needs(text, ends)


def test_the_needs_file_is_read_in_the_description_pass():
    assert _description_files().files[-1] is needs_patterns()


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_needs_from_the_shared_pass_are_needs_read_alone(text):
    shared, alone = _needs_from_the_shared_pass(text)
    assert shared == alone


def test_a_need_is_found_from_the_shared_pass():
    shared, alone = _needs_from_the_shared_pass(
        "Bonjour. Impossible de joindre quelqu’un depuis trois semaines, c’est urgent."
    )
    assert shared == alone
    assert shared.need is not None


def test_problems_read_with_the_phone_filter_sentences_are_read_alone():
    text = (
        "Impossible de joindre la caisse depuis trois mois. J’ai appelé dix fois, "
        "sans réponse ; si personne ne décroche, que faire ? Merci, très bien sinon."
    )
    folded = fold_keeping_length(text)
    sentences = ComplaintSentences(folded)
    told = complaint_filter(folded, sentences)
    alone = complaint_filter(folded)
    assert [told(i, i + 5) for i in range(len(folded) - 5)] == [
        alone(i, i + 5) for i in range(len(folded) - 5)
    ]
    shared = read_problem(
        folded,
        problem_patterns().matches(text),
        severity_patterns().matches(text),
        sentences=sentences,
    )
    assert shared == read_problem(
        folded, problem_patterns().matches(text), severity_patterns().matches(text)
    )
    assert shared.severity is not None or shared.problem is not None
