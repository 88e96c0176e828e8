"""The cues the rules look for in a reply: the words of each step, greetings and
closings, cold and stock phrases, personal data, what makes a number a phone number.

The lists that are data are read from ``sprep_templates/data`` when this module is
imported (``step-cues.tsv``, ``cold-phrases.txt``, ``shouted-words.txt``; formats in
their headers): edit a file to change what a rule looks for.

Word patterns are written in lower case and searched in the lower-cased text:
Python's regex engine is several times faster without IGNORECASE, and most of them
are searched together, in one pass (see :func:`._data.lexicon`).
"""

from __future__ import annotations

import re

from ..lexicons import read_alternatives, read_keyed_alternatives, read_list

__all__ = [
    "ACRONYM_SCAN",
    "AMOUNT",
    "BIRTH",
    "CLOSINGS",
    "COLD",
    "FILE_NUMBER",
    "FIRST_PERSON",
    "FORM_NUMBER",
    "GENERIC",
    "GENERIC_CORE",
    "GENERIC_FAMILIES",
    "GENERIC_NOT_YET",
    "GREETING",
    "GREETING_WITH_NAME",
    "GROUPED_BY_TWO",
    "IBAN",
    "MOBILE",
    "NIR",
    "NON_DIGIT",
    "PHONE_CONTEXT",
    "POSTAL_CODE_OR_YEAR",
    "SHOUTED",
    "SIGNER",
    "STEPS",
    "STEPS_UNION",
    "STEP_PATTERNS",
    "cold_pattern",
    "shouted_words",
    "step_patterns",
    "steps_union",
]

# --- greeting and signature ------------------------------------------------------

GREETING = re.compile(r"\s*(bonjour|bonsoir|madame|monsieur|cher|chère|chers|chères)\b", re.I)
#: The greeting with what follows it up to its comma: the name greeted.
GREETING_WITH_NAME = re.compile(
    r"\s*(?:bonjour|bonsoir|madame|monsieur|cher|chère|chers|chères)\b[^,\n.!]{0,60}[,.!]?", re.I
)
#: The politeness formulas a reply may close with, at the start of its last-but-one line.
CLOSINGS = re.compile(
    r"^(bien )?(cordialement|à vous)|^bien à vous|^bonne (journée|soirée|continuation)"
    r"|^(avec )?(nos|mes|toutes nos|tous nos) (salutations|remerciements)|^salutations"
    r"|^respectueusement|^sincèrement|^très cordialement|^belle journée|^merci encore"
    r"|^(je vous prie|nous vous prions|veuillez agréer)",
    re.I,
)
#: "Prénom, pour Organisme".
SIGNER = re.compile(r"^[^\W\d_][\w’'\- .]{0,60}, pour \S.{0,150}$")

# --- the steps -------------------------------------------------------------------


#: The steps the `steps` rule looks for, in the guide's order (that of :data:`STEPS_UNION`).
STEPS = ("thanks", "acknowledgement", "orientation", "improvement")


def step_patterns() -> dict[str, str]:
    """For each step, in :data:`STEPS`' order, the words that carry it: the lines of
    ``data/step-cues.tsv`` as one alternation, in the file's order."""
    cues = read_keyed_alternatives("step-cues.tsv", STEPS, lower_case=True, key_name="step")
    return {step: "|".join(alternatives) for step, alternatives in cues.items()}


def steps_union(patterns: dict[str, str]) -> re.Pattern[str]:
    """One pattern for several: each alternative starts a word; the group name
    tells which matched."""
    branches = "|".join(f"(?P<{name}>{source})" for name, source in patterns.items())
    return re.compile(rf"\b(?:{branches})")


#: The words that carry each step the `steps` rule looks for (each starts a word).
STEP_PATTERNS = step_patterns()
#: :data:`STEP_PATTERNS` in one pattern; ``match.lastgroup`` names the step.
STEPS_UNION = steps_union(STEP_PATTERNS)

# --- wording ---------------------------------------------------------------------

#: Form numbers: the user knows the form by its name, not its number.
FORM_NUMBER = re.compile(r"\b(?:cerfa|formulaire)\s*(?:n°\s*)?\d{4,6}(?:\*\d{2})?\b")


def shouted_words() -> frozenset[str]:
    """Words in capitals that are emphasis, not acronyms (``data/shouted-words.txt``)."""
    return frozenset(read_list("shouted-words.txt"))


#: Words in capitals that are emphasis, not acronyms.
SHOUTED = shouted_words()
#: The cues of the platform's waiting message ("this service cannot answer you yet"),
#: by family: each group of :data:`GENERIC` is one family. The message is recognised by
#: meaning, not by one sentence: :func:`._rules.generic_rule` reports two families
#: found close together (see :data:`GENERIC_CORE`). Each branch starts with literal
#: lower-case words, so the one-pass search (``lexicons/_matcher.py``) finds where it may start.
GENERIC_FAMILIES = {
    # "cannot answer you", only when what follows says it is about the platform or the
    # moment, not a question: "n’est pas en mesure de vous répondre." / "… car" / "… sur
    # voxusagers" ("ne pouvons pas vous répondre sur votre dossier" is not one).
    "cannot_answer": (
        r"(?:n[’'](?:est|a|ont|avons|êtes)|ne (?:sommes|sera|serons|seront|sont|peut|peuvent|"
        r"pouvons|pourra|pourrons|pourront))(?: toujours)? pas (?:encore |pour le moment |"
        r"pour l[’']instant |à ce jour )?(?:en mesure |la possibilité |l[’']autorisation )?"
        r"(?:de )?(?:vous )?(?:répondre(?: à votre (?:témoignage|histoire|expérience|message|"
        r"avis))?|apporter (?:une |de )?réponse(?: personnalisée)?)"
        r"(?=\s*(?:[.,;:!()]|$|car\b|ici\b|directement sur|via |à ce jour|"
        r"pour (?:le moment|l[’']instant)|dans l[’']immédiat|"
        r"sur (?:voxusagers|la plateforme|cette plateforme|ce site|services publics|"
        r"ce dispositif)))"
    ),
    # "has no access to the platform", "is not on it yet"
    "no_access": (
        r"(?:n[’'](?:a|ont|avons)|ne (?:dispose|disposent|disposons))(?: toujours)? pas "
        r"(?:encore )?(?:d[’'])?accès (?:au dispositif|à la plateforme|à cette plateforme|"
        r"à voxusagers|à services publics|à ce dispositif|à cet outil)"
        r"|pas (?:encore )?(?:raccordé|inscrit|présent|référencé|intégré)e?s? (?:sur|à|au|dans) "
        r"(?:la plateforme|voxusagers|services publics|ce dispositif|le dispositif)"
        r"|ne (?:participe|participent) pas (?:encore )?(?:au dispositif|à la plateforme|"
        r"à voxusagers|à services publics)"
    ),
    # "the story is published anyway"
    "published_anyway": (
        r"publions (?:néanmoins |tout de même |quand même |malgré tout |cependant )?"
        r"votre (?:histoire|témoignage|expérience|message)"
        r"|(?:néanmoins|tout de même|quand même|malgré tout) (?:pas )?(?:de )?"
        r"(?:publier|transmettre|publié|publiée|transmis|transmise) "
        r"votre (?:histoire|témoignage|expérience|message)"
    ),
    # "the platform is a trial / is being rolled out"
    "trial": (
        r"déploiement (?:progressif|national|en cours)"
        r"|se (?:met|mettent) progressivement en place"
        r"|progressivement (?:déployé|mis en place|ouvert)"
        r"|expérimentation|expériment(?:é|ée|és|ées) (?:dans|auprès|au sein)"
        r"|phase expérimentale"
        r"|(?:certains|certaines|quelques) (?:services publics|services|administrations|"
        r"organismes|caf)(?: \w+){0,3} (?:seulement|uniquement)"
    ),
    # "not yet"
    "not_yet": r"pas encore|pour le moment|pour l[’']instant",
}
#: The families about answering or the platform: a finding needs one of them ("pas
#: encore" near "expérimentation" is ordinary news about a service, not the message).
GENERIC_CORE = frozenset({"cannot_answer", "no_access", "published_anyway"})
#: The platform's waiting message, one group per family (``match.lastgroup``).
GENERIC = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{source})" for name, source in GENERIC_FAMILIES.items()) + ")"
)
#: :data:`..patterns.ACRONYM`, its \b after its first capital (see above).
ACRONYM_SCAN = re.compile(r"[A-Z](?<!\w[A-Z])(?:[A-Z0-9]*[A-Z][A-Z0-9]*\b|[A-Z]+\d+\b)")
#: "Not yet" inside a match of another family: "n’est pas encore en mesure de vous
#: répondre" is two families in one phrase.
GENERIC_NOT_YET = re.compile(r"pas encore|pour le moment|pour l[’']instant|à ce jour")
FIRST_PERSON = re.compile(r"\b(?:je|nous|notre|nos|me|moi)\b|\b[jm][’']")


def cold_pattern() -> re.Pattern[str]:
    """Turns of phrase that sound cold or negative (``data/cold-phrases.txt``), as
    whole words."""
    return re.compile(
        r"\b(" + "|".join(read_alternatives("cold-phrases.txt", lower_case=True)) + r")\b"
    )


#: Turns of phrase that sound cold or negative.
COLD = cold_pattern()

# --- personal data ---------------------------------------------------------------

# Patterns searched through a whole reply start with a character class, not with \b:
# the engine then skips to the characters of that class; a look-behind after it says
# what \b said ("[12](?<!\w[12])" is "\b[12]"). tests/test_checking_scans.py checks
# they find what the \b forms find.

#: A social security number (NIR), grouped or not.
NIR = re.compile(
    r"[12](?<!\w[12])[ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ "
    r".]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?\b"
)
IBAN = re.compile(r"\bFR\d{2}(?:[ ]?[0-9A-Z]{4}){5}[ ]?[0-9A-Z]{3}\b", re.I)
#: A case-file, claimant or tax number, after the words that introduce one.
FILE_NUMBER = re.compile(
    r"\b(?:n°|numéro|no\.?|num\.?|référence|réf\.?)\s*(?:d[’']|de\s+)?(?:allocataire|dossier|"
    r"sécurité sociale|fiscal|client|demande|assuré)?\s*:?\s*[a-z]{0,3}\d[\d\s]{5,}\d"
)
#: A code of three groups or more of capitals and digits joined by hyphens or slashes
#: ("2023-AB-45678"); a case-file number when it holds letters and four digits or more
#: (see _rules.case_codes).
CODE = re.compile(r"\b[A-Z0-9]+(?:[-/][A-Z0-9]+){2,}\b")
#: What every CODE holds: looked for first, it rules most texts out at once.
CODE_JOINT = re.compile(r"[A-Z0-9][-/][A-Z0-9]")
BIRTH = re.compile(
    r"\b(?:né|née|naissance)\b[^.\n]{0,20}?\b\d{1,2}[/.\- ](?:\d{1,2}|[a-zéû]+)[/.\- ]\d{2,4}\b"
)
#: A French mobile number, its digits only (with 33 for +33).
MOBILE = re.compile(r"0[67]\d{8}|33[67]\d{8}")

# --- numbers that are phone numbers ------------------------------------------------

NON_DIGIT = re.compile(r"\D")
#: Context before a number that makes it a phone number: only then is its format checked.
PHONE_CONTEXT = re.compile(
    r"(t[ée]l[ée]phon\w*|t[ée]l\.?|appel\w*|composer|num[ée]ro|joindre|joignable|standard|"
    r"contactez|plateforme t[ée]l[ée]phonique|au)\W{0,3}[^\n\d]{0,25}$",
    re.I,
)
POSTAL_CODE_OR_YEAR = re.compile(r"\d{5}|(?:19|20)\d{2}")
AMOUNT = re.compile(r"\d[ .]\d{3}\b")  # 10 000, 1.500
GROUPED_BY_TWO = re.compile(r"\d{2}[ .]\d{2}[ .]\d{2}")  # 01 23 45 67 89
