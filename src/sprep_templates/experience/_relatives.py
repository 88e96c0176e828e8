"""Who a draft is about when the writer acts for a relative.

A son who does his mother's paperwork had the difficulties himself: the reply regrets
what *he* went through, not « les difficultés que votre proche a rencontrées »
(:func:`acts_for_a_relative`, read beside ``experience._problems.tells_own_steps``).
The money or the file is still hers: never « vos versements » nor « votre démarche
pour votre retraite » to him, but « des versements », « la retraite de votre proche »
(:func:`relatives_file`, :data:`FOR_A_RELATIVE`).

Precision first: the writer's own money ("ma retraite", "mes versements") keeps the
reply's "votre"; a relative named with no money or file of theirs ("ma mère m'a
accompagné") changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["FOR_A_RELATIVE", "acts_for_a_relative", "for_a_relative", "relatives_file"]

#: A relative the writer names, folded ("ma mère", "mon père", "mon fils").
_RELATIVE = (
    r"(?:ma|mon|notre) (?:mere|pere|maman|papa|grand-mere|grand-pere|mamie|papi|fils|fille"
    r"|mari|epoux|epouse|femme|conjoint|conjointe|compagnon|compagne|frere|soeur|tante"
    r"|oncle|belle-mere|beau-pere|enfant|beau-frere|belle-soeur|grand-tante|grand-oncle)"
)
#: Money or a file, as the words name it.
_FILE = (
    r"(?:pension|pensions|retraite|retraites|allocation|allocations|versements?|paiements?"
    r"|dossier|demande|droits|aah|apl|rsa|aspa|indemnites|prestations?|complementaire)"
)
#: The relative's money or file (folded): "la retraite de ma mère", "ma mère… sa
#: pension", "pour (le compte de) mon père".
_RELATIVES_FILE = re.compile(
    rf"\b{_FILE} (?:de retraite |d'invalidite |de reversion )?(?:de|d'|du) {_RELATIVE}\b"
    rf"|\b(?:pour|au nom de|a la place de|pour le compte de) {_RELATIVE}\b"
)
_THEIR_FILE = re.compile(rf"\b(?:sa|ses|son) {_FILE}\b")
_A_RELATIVE = re.compile(rf"\b{_RELATIVE}\b")
#: The writer's own money or file (folded): the reply's "votre" is right then.
_OWN_FILE = re.compile(
    r"\b(?:ma|mes|mon) (?:pension|pensions|retraite|retraites|allocation|allocations"
    r"|versements?|paiements?|aah|apl|rsa|aspa|indemnites|prestations?)\b"
)

#: The writer doing the paperwork themselves, in the first person (folded), beyond the
#: steps ``experience._problems.tells_own_steps`` reads: "j'ai fait un dossier", "j'ai
#: demandé", "je gère ses papiers", "je me suis heurté à".
_ACTS = re.compile(
    r"\b(?:j'ai|nous avons|je me suis|nous nous sommes) (?:\w+ )?(?:fait (?:un|une|le|la|les"
    r"|des|son|sa|ses) (?:dossier|demande|declaration|reclamation|demarche|recours)s?|demande"
    r"|sollicite|signale|constitue|complete|reclame|conteste|occupe|chargee?|heurtee?"
    r"|retrouvee? face)\b"
    r"|\b(?:je gere|je m'occupe|nous gerons|nous nous occupons) (?:de |des |du |d')?"
    r"(?:\w+ )?(?:papiers|demarches|dossier|dossiers|affaires)\b"
    r"|\bje suis (?:son|sa) (?:tuteur|tutrice|curateur|curatrice|aidant|aidante)\b"
)


def acts_for_a_relative(folded: str) -> bool:
    """Whether the writer tells, in the first person, of paperwork they did
    themselves (``folded``: the text folded): the difficulties are theirs."""
    return _ACTS.search(folded.lower()) is not None


def relatives_file(folded: str) -> bool:
    """Whether the money or file the words tell of is a relative's, not the writer's
    (``folded``: the text folded): "la retraite de ma mère", "ma mère… sa pension",
    "pour mon père"; never when the writer names money of their own."""
    folded = folded.lower()
    if _OWN_FILE.search(folded):
        return False
    if _RELATIVES_FILE.search(folded):
        return True
    return _A_RELATIVE.search(folded) is not None and _THEIR_FILE.search(folded) is not None


#: The phrases of a reply that say "votre" of the money or file, by template variable,
#: as they read when the money or file is a relative's (the user's problem,
#: ``experience._problems.PROBLEM_PHRASES``; the occasion,
#: ``experience._procedures.PROCEDURE_PHRASES``): a neutral article or « votre
#: proche », within the same length bounds (the length proof reads them).
FOR_A_RELATIVE: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "problem": MappingProxyType(
            {
                "l’interruption de vos versements": "l’interruption des versements attendus",
                "votre compte en ligne inaccessible": "un compte en ligne inaccessible",
                "la perte de vos documents": "la perte des documents du dossier",
            }
        ),
        "occasion": MappingProxyType(
            {
                "votre démarche pour votre retraite": "votre démarche pour la retraite de "
                "votre proche",
                "votre démarche pour vos indemnités journalières": "votre démarche pour des "
                "indemnités journalières",
            }
        ),
    }
)


def for_a_relative(context: dict[str, object]) -> dict[str, object]:
    """The template variables ``context`` with the phrases of :data:`FOR_A_RELATIVE`
    said of a relative's money or file (a new dict when one changes)."""
    changed = {
        name: phrases[value]
        for name, phrases in FOR_A_RELATIVE.items()
        if isinstance(value := context.get(name), str) and value in phrases
    }
    return {**context, **changed} if changed else context
