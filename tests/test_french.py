"""Every sentence the templates can produce is correct French (checked by Grammalecte).

Each phrasing of each step is rendered with every combination of the values
of the variables it uses (found by parsing the template), so no paragraph a
reply can contain goes unchecked. Grammalecte is a test-only tool (GPL-3).
"""

from __future__ import annotations

import itertools
import re
from functools import cache

import pytest
import textstat
from hypothesis import given
from jinja2 import meta

from sprep_templates import STEPS, Contact, Signature, draft_reply
from sprep_templates.drafting import load_template_set
from sprep_templates.drafting._contract import VALUES_WHEN_UNSAID
from sprep_templates.drafting._rendering import render_step
from sprep_templates.experience import (
    ACCESS_KINDS,
    MOMENTS,
    PRAISE_PHRASES,
    PROBLEM_PHRASES,
    PROCEDURE_PHRASES,
    RELATIVE_PHRASES,
    SEVERITIES,
    SUGGESTION_TOPICS,
    WAITED_PHRASES,
)
from sprep_templates.experience._relatives import FOR_A_RELATIVE
from sprep_templates.french import contact_phrase, format_count, join_alternatives
from sprep_templates.inputs import SENTIMENTS
from sprep_templates.testing import experiences, plain_draft_arguments
from sprep_templates.text import apply_typography

from .grammar import grammar_checker

#: The occasions said of a relative's file (experience._relatives).
RELATIVE_OCCASIONS = tuple(FOR_A_RELATIVE["occasion"].values())

PHONE = Contact(kind="phone", value="32 30")
PHONE_LABEL = Contact(kind="phone", value="01 23 45 67 89", label="service retraite")
WEB = Contact(kind="web", value="https://www.caf.fr/nous-contacter")
EMAIL = Contact(kind="email", value="contact@exemple.gouv.fr")
ADDRESS = Contact(kind="address", value="12 rue de la Paix, 75002 Paris")
ADDRESS_LABEL = Contact(
    kind="address", value="12 rue de la Paix, 75002 Paris", label="le point numérique"
)

WEB_2 = Contact(kind="web", value="https://www.service-public.fr/particuliers")
EMAIL_2 = Contact(kind="email", value="retraite@exemple.gouv.fr", label="service retraite")
CONTACT_SHAPES = [
    (PHONE, PHONE_LABEL),
    (WEB, WEB_2),
    (EMAIL, EMAIL_2),
    (ADDRESS, ADDRESS_LABEL),
    (PHONE,),
    (PHONE_LABEL,),
    (WEB,),
    (EMAIL,),
    (ADDRESS,),
    (ADDRESS_LABEL,),
    (PHONE, WEB),
    (EMAIL, ADDRESS_LABEL),
    (PHONE, WEB, EMAIL),
    (PHONE, WEB, EMAIL, ADDRESS_LABEL),
]
ORGANISATIONS = [
    "la Caf de Paris",
    "l’Assurance Maladie",
    "France Travail",
    "le consulat général de France à Montréal",
    "les services de la préfecture",
]
VALUES: dict[str, list[object]] = {
    "pseudonym": [None, "Sandrine"],
    "title": [None, "Relevé de carrière"],
    "channel": [None, "phone", "counter", "online", "account", "mail", "email", "chat", "social"],
    "contacts": [
        None,
        *(join_alternatives([contact_phrase(c) for c in s]) for s in CONTACT_SHAPES),
    ],
    "organisation": ORGANISATIONS,
    "first_name": ["Jean"],
    "situation": [None, "Vous attendez une réponse à votre demande depuis trois mois."],
    "answer": [None, "Vous pouvez envoyer vos documents depuis votre espace personnel."],
    "improvement": [None, "Notre site a été amélioré ces deux dernières semaines."],
    # What the export says of the experience. Every criterion in every sentence that
    # names criteria is checked apart (test_every_criteria_sentence_is_correct_french);
    # here one and two criteria stand in for them, in every template.
    "hard": [(), ("reactivity",), ("accessibility", "simplicity")],
    "liked": [(), ("relation",), ("information", "reactivity")],
    "posted_as": ["self", "relative", "mediator"],
    "similar": [0, 1, 1200],
    "late": [False, True],
    "action": [None, "Mise à jour de la page d’aide de notre site"],
    "sober": [False, True],
    # What the user wrote (issue 20). Every occasion and every access in every
    # sentence that says them is checked apart (every_export_sentence); here the
    # shortest and longest stand in for them, in every template.
    "occasion": [MOMENTS[None], "votre appel", "votre démarche pour vos indemnités journalières"],
    "access": [None, "appointment", "office"],
    "mixed": [False, True],
    "asks": [False, True],
    "unsolved": [False, True],
    "self_service": [False, True],
    "tried_contacts": [False, True],
    "unanswered": [False, True],
    "point": [None, "suggestion", "bug"],
    "topic": [None, "l’accès des personnes à mobilité réduite"],
    "bereaved": [None, "", "votre grand-mère"],
    # The user's own problem and how serious it is (every phrase and every severity
    # in every sentence that says them is checked apart: every_export_sentence).
    "problem": [None, "un formulaire impossible à remplir"],
    "severity": [None, "wait", "money"],
    "waited": ["plus de trois mois"],
    "agents": [False, True],
    # Every praise phrase in every sentence that says it: every_export_sentence.
    "praise": [None],
}

# Grammalecte rules that do not apply to a span, each with the reason.
GRAMMAR_EXCEPTIONS = {
    (
        "num_grand_nombre_soudé",
        re.compile(r"\d{5}"),
    ): "a French postal code is written without space",
}

#: The values of the export's variables when the experience says nothing of them.
NOTHING_SAID: dict[str, object] = {**VALUES_WHEN_UNSAID, "sober": False}

ADDRESSES = re.compile(r"https://\S+[^.\s]|\S+@\S+[^.\s]")

# Words Grammalecte does not know, each with the reason it may appear in a reply.
SPELLING_ALLOWLIST = {
    "Caf": "name of an organisation (Caisse d’allocations familiales), written so by its network",
}


@cache
def every_paragraph() -> dict[str, set[str]]:
    """Every distinct paragraph the built-in templates can produce, and the templates making it."""
    templates = load_template_set()
    environment = templates.environment
    paragraphs: dict[str, set[str]] = {}
    for sentiment in SENTIMENTS:
        for step in STEPS:
            for name in templates.variants[(sentiment, step)]:
                source = environment.loader.get_source(environment, name)[0]  # type: ignore[union-attr]
                used = sorted(
                    meta.find_undeclared_variables(environment.parse(source)) & VALUES.keys()
                )
                for values in itertools.product(*(VALUES[v] for v in used)):
                    context = (
                        dict.fromkeys(VALUES) | NOTHING_SAID | dict(zip(used, values, strict=True))
                    )
                    if step == "orientation" and not (context["answer"] or context["contacts"]):
                        continue  # refused before rendering: a reply needs an orientation
                    for organisation in ORGANISATIONS if step == "signature" else ORGANISATIONS[:1]:
                        signature = Signature(first_name="Jean", organisation=organisation)
                        context["organisation"] = context["organisation"] or organisation
                        text = render_step(templates, step, name, context, signature)
                        for paragraph in text.split("\n"):
                            paragraphs.setdefault(paragraph, set()).add(name)
    return paragraphs


def test_every_phrasing_is_enumerated():
    """Each template file contributes at least one checked paragraph."""
    templates = load_template_set()
    names = {n for variants in templates.variants.values() for n in variants}
    assert names <= set().union(*every_paragraph().values())


def test_no_grammar_or_typography_error():
    """Grammalecte finds no grammar or typography error in any paragraph."""
    checker = grammar_checker()
    problems = []
    for paragraph, names in every_paragraph().items():
        name = min(names)
        grammar, _ = checker.getParagraphErrors(paragraph)
        for error in grammar:
            span = paragraph[error["nStart"] : error["nEnd"]]
            if any(
                rule == error["sRuleId"] and pattern.fullmatch(span)
                for rule, pattern in GRAMMAR_EXCEPTIONS
            ):
                continue
            problems.append(
                f"{name}: {error['sRuleId']}: {error['sMessage']} "
                f"«{paragraph[error['nStart'] : error['nEnd']]}» in: {paragraph}"
            )
    assert not problems, "\n".join(problems)


def test_no_unknown_word_but_the_allowlist():
    """Every word is in Grammalecte's dictionary, or in the short allowlist with a reason."""
    checker = grammar_checker()
    unknown = {}
    for paragraph, names in every_paragraph().items():
        name = min(names)
        _, spelling = checker.getParagraphErrors(paragraph)
        for error in spelling:
            if error["sValue"] not in SPELLING_ALLOWLIST:
                unknown.setdefault(error["sValue"], f"{name}: {paragraph}")
    assert not unknown, unknown


def test_paragraph_count_is_reported():
    """The enumeration covers a large, known number of distinct paragraphs."""
    print(f"{len(every_paragraph())} distinct paragraphs checked")
    assert len(every_paragraph()) > 250


@given(experiences, plain_draft_arguments())
def test_every_reply_reads_easily(experience, arguments):
    """Kandel–Moles reading ease (French Flesch) is at least 70 for every reply.

    The agent's own sentences are plain ones here: what the templates add must
    keep a plainly written reply easy to read. Web and e-mail addresses are read
    as "ce lien": the formula counts syllables, and one URL weighs as much as
    a dozen plain words, which says nothing of the prose around it."""
    textstat.set_lang("fr")
    reply = draft_reply(experience, **arguments)
    prose = ADDRESSES.sub("ce lien", reply.text)
    assert textstat.flesch_reading_ease(prose) >= 70


@pytest.mark.parametrize("sentiment", SENTIMENTS)
def test_agreement_with_organisations(sentiment):
    """The signature and the names of organisations read right with their article."""
    paragraphs = every_paragraph()
    assert "Jean, pour l’Assurance Maladie" in paragraphs
    assert "Jean, pour le consulat général de France à Montréal" in paragraphs
    joined = "\n".join(paragraphs)
    assert "les équipes du consulat général de France à Montréal" in joined
    assert "les équipes des services de la préfecture" in joined
    assert "les équipes de l’Assurance Maladie" in joined
    assert "les équipes de France Travail" in joined
    assert not re.search(r"\b(de|à) (le|les) (consulat|services|point)", joined)
    assert "au point numérique (12 rue de la Paix, 75002 Paris)" in joined


def every_export_sentence() -> dict[str, str]:
    """Every sentence shared/experience.j2 can write, each criterion and pair of criteria
    in each phrasing, every count of others, each writer: the variations the template
    enumeration above stands for with one or two criteria."""
    module = load_template_set().environment.get_template("shared/experience.j2").module
    criteria = ["accessibility", "information", "relation", "reactivity", "simplicity"]
    sets = [(c,) for c in criteria] + list(itertools.combinations(criteria, 2))
    sentences: dict[str, str] = {}
    for n in range(3):
        for tone in SENTIMENTS:
            for names in sets:
                for access in (None, *ACCESS_KINDS) if "accessibility" in names else (None,):
                    sentence = str(module.hard_sentence(tone, names, n, access))
                    sentences[sentence] = "hard_sentence"
                for sober in (False, True):
                    sentences[str(module.liked_sentence(tone, names, n, sober))] = "liked_sentence"
            for count in (1, 2, 12, 1200, 1_000_000):
                shown = format_count(count)
                sentences[str(module.similar_sentence(tone, count, shown, n))] = "similar_sentence"
        # What the user praised stands for the criteria in a positive reply.
        for praise in PRAISE_PHRASES.values():
            for sober in (False, True):
                sentence = module.liked_sentence("positive", ("relation",), n, sober, praise)
                sentences[str(sentence)] = "liked_sentence"
        for posted_as in ("relative", "mediator"):
            sentences[str(module.writer_thanks(posted_as, n))] = "writer_thanks"
        sentences[str(module.late_apology(n))] = "late_apology"
        sentences[str(module.sober_sentence(n))] = "sober_sentence"
        sentences[str(module.action_sentence("Mise à jour de la page d’aide", n))] = "action"
        for occasion in (*MOMENTS.values(), *PROCEDURE_PHRASES.values(), *RELATIVE_OCCASIONS):
            for posted_as in ("self", "relative", "mediator"):
                sentences[str(module.partial_regret(occasion, posted_as, n))] = "partial_regret"
        for bereaved in ("", *RELATIVE_PHRASES.values()):
            sentences[str(module.condolences(bereaved, n))] = "condolences"
        sentences[str(module.question_noted(n))] = "question_noted"
        for point in ("suggestion", "bug"):
            sentences[str(module.point_thanks(point, n))] = "point_thanks"
        for topic in SUGGESTION_TOPICS.values():
            sentences[str(module.point_thanks("suggestion", n, topic))] = "point_thanks"
        for tone in SENTIMENTS:
            for problem in (*PROBLEM_PHRASES.values(), *FOR_A_RELATIVE["problem"].values()):
                sentences[str(module.problem_sentence(tone, problem, n))] = "problem_sentence"
        for severity in SEVERITIES:
            for waited in WAITED_PHRASES if severity == "wait" else (None,):
                sentence = str(module.severity_sentence(severity, waited, n))
                sentences[sentence] = "severity_sentence"
    return {apply_typography(text): macro for text, macro in sentences.items()}


def every_occasion_paragraph() -> dict[str, str]:
    """Every acknowledgement with every occasion (each channel's moment, each procedure)
    in each sentence that names it: the variations VALUES' three occasions stand for."""
    templates = load_template_set()
    signature = Signature(first_name="Jean", organisation=ORGANISATIONS[0])
    paragraphs: dict[str, str] = {}
    for sentiment in SENTIMENTS:
        for name in templates.variants[(sentiment, "acknowledgement")]:
            for occasion in (*MOMENTS.values(), *PROCEDURE_PHRASES.values(), *RELATIVE_OCCASIONS):
                for mixed, asks, sober in itertools.product((False, True), repeat=3):
                    context = (
                        dict.fromkeys(VALUES)
                        | NOTHING_SAID
                        | {"occasion": occasion, "mixed": mixed, "asks": asks, "sober": sober}
                    )
                    paragraphs[
                        render_step(templates, "acknowledgement", name, context, signature)
                    ] = name
    return paragraphs


def test_every_occasion_reads_right():
    """Grammalecte finds no error where a procedure or a channel's moment is named."""
    checker = grammar_checker()
    problems = []
    for paragraph, name in every_occasion_paragraph().items():
        grammar, spelling = checker.getParagraphErrors(paragraph)
        for error in grammar:
            problems.append(f"{name}: {error['sRuleId']}: {error['sMessage']} in: {paragraph}")
        for error in spelling:
            if error["sValue"] not in SPELLING_ALLOWLIST:
                problems.append(f"{name}: unknown word {error['sValue']!r} in: {paragraph}")
    assert not problems, "\n".join(problems)


def test_every_export_sentence_is_correct_french():
    """Grammalecte finds no error in any sentence the export's data can add."""
    checker = grammar_checker()
    problems = []
    sentences = every_export_sentence()
    assert len(sentences) > 250
    for sentence, macro in sentences.items():
        grammar, spelling = checker.getParagraphErrors(sentence)
        for error in grammar:
            problems.append(f"{macro}: {error['sRuleId']}: {error['sMessage']} in: {sentence}")
        for error in spelling:
            problems.append(f"{macro}: unknown word {error['sValue']!r} in: {sentence}")
    assert not problems, "\n".join(problems)
