"""What the user still needs, and the user's main point, read from their words.

A draft of regret is ``ready`` only when an agent can send it as it is: it names the
user's point, and nothing is left outstanding. What is outstanding (:data:`NEED_KINDS`):
something still awaited (a document, a payment, an answer, an appointment), a message
left unanswered, something the user cannot do ("impossible de", "je n'arrive pas à"),
an urgency, a channel the user tried and which failed (the reply must not send them
back to it). Something the user could not do is no need when a later sentence tells
they got past it ("Finalement j'ai pu voter": ``resolved`` in ``needs.tsv``). A
satisfied user may still leave a point unfinished or a complaint (``reservation``), or
make a suggestion (``suggestion``, quoted so that the agent can name it). A legal
conflict (a debt taken to court too), a fragile child, no work or no income (an
allowance stopped that leaves the user "sans rien"), a danger to health or safety
(gas, fire, asbestos, collapse, an unfit home) are read by a person first (``severe``:
reasons for ``attention``).

Precision first: praise ("impossible de faire mieux", "je ne vois pas comment il
pourrait être amélioré"), hypotheticals ("si je n'avais pas reçu…"), quoted official
text (« … », or a sentence that speaks to "vous" without the writer's "je") and topic
lists are no need.

The words are ``data/needs.tsv`` (format in :mod:`sprep_templates.lexicons._pattern_files`).
The main point (:attr:`Needs.point`) is the sentence that best states what went wrong
or what the user wants: the outstanding need's sentence, else the complaint sentence
``experience._requests`` found, else a suggestion, else the first sentence in the
writer's voice that says what did not work (a negation), else one that tells of a
grievance ("on me demande 30 euros"); the title only when no sentence does. A
sentence that only says what went well ("le délai a été acceptable", "sans problème")
or a bare outcry ("Une honte !": the sentence after it says why) is no point, and a long
sentence is quoted from the clause that holds its point (``experience._requests``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ..lexicons import PatternFile, fold_keeping_length, read_packaged_patterns
from ..lexicons._pattern_files import EXCLUDE

__all__ = [
    "CRITERIA",
    "NEED_KINDS",
    "NO_NEEDS",
    "SEVERE_LABELS",
    "NeedSpans",
    "Needs",
    "concedes",
    "find_needs",
    "names_another_body",
    "needs_patterns",
]

NEEDS_FILE = "needs.tsv"

#: What is outstanding, in the order a note names it (the first found in this order).
NEED_KINDS = ("urgent", "impossible", "awaited", "no-answer", "tried")

#: Each severe situation as an agent reads it (French, as the sensitive list's reasons).
SEVERE_LABELS = {
    "severe-legal": "conflit judiciaire",
    "severe-fragile": "personne fragile",
    "severe-income": "sans travail ni revenu",
    "severe-danger": "danger pour la santé ou la sécurité",
    "severe-vulnerable": "personne vulnérable",
}

#: What makes a vulnerable person's case severe: payments stopped for months, or a
#: health or situation getting worse (each alone is no reason, nor the person alone).
_VULNERABLE_WITH = ("lasting-stop", "worsening")

#: The criteria a rating's phrase names, each confirmed by words of ``label-<criterion>``.
CRITERIA = ("accessibility", "information", "relation", "reactivity", "simplicity")

_CATEGORIES = (
    *NEED_KINDS,
    *SEVERE_LABELS,
    "reservation",
    "suggests",
    "praise",
    "grievance",
    *(f"label-{criterion}" for criterion in CRITERIA),
    "resolved",
    "settled",
    "vulnerable",
    *_VULNERABLE_WITH,
    "legal-won",
)


class Needs(NamedTuple):
    """What the user still needs, each a sentence of theirs quoted for the agent
    (``experience._requests.read_requests`` quotes what :func:`find_needs` found)."""

    #: What is outstanding: one of :data:`NEED_KINDS`, or None.
    need: str | None
    #: The sentence that says it.
    need_said: str | None
    #: The sentence that tells of a channel tried, which failed (also a need).
    tried: str | None
    #: The user's main point (see the module), or None when nothing was written.
    point: str | None
    #: Whether ``point`` is the title, for want of a sentence that says it.
    point_is_title: bool
    #: Reasons a person must read the experience first (``attention``).
    severe: tuple[str, ...]
    #: A complaint or an unfinished point (read beside satisfaction).
    reservation: str | None
    #: The sentence that makes a suggestion.
    suggestion: str | None
    #: Praise phrased like a question is in the words ("je ne vois pas comment il
    #: pourrait être amélioré"): a "question" read in that sentence is none.
    praise_asked: str | None
    #: The criteria whose rating phrase the words say too ("pas compris":
    #: information), in the writer's voice.
    labels: frozenset[str] = frozenset()


NO_NEEDS = Needs(None, None, None, None, False, (), None, None, None)


@cache
def needs_patterns() -> PatternFile:
    """The patterns of ``data/needs.tsv``."""
    return read_packaged_patterns(NEEDS_FILE, _CATEGORIES)


#: Another body than the one a reply speaks for, as a user names it (folded): a
#: school or its rectorat, a town hall, a court, a bank, an employer… Its silence may
#: not be the service's own (the note says so; the structure is the agent's to judge).
_OTHER_BODY = re.compile(
    r"\b(?:(?:le|du|au|un|une|la|l'|mon|ma|son|sa|leur|cette|ce) ?(?:rectorat|academie|mairie"
    r"|prefecture|sous-prefecture|tribunal|greffe|consulat|ambassade|banque|employeur|notaire"
    r"|ecole|college|lycee|universite|hopital|clinique|medecin|assureur|mutuelle|bailleur"
    r"|syndic|proprietaire|avocat|huissier|creche|departement|conseil departemental)"
    r"|(?:l'|d'|a l')(?:academie|ecole|universite|employeur|assurance|hopital|huissier))\b",
    re.IGNORECASE,
)


def names_another_body(sentence: str) -> bool:
    """Whether ``sentence`` (a need quoted for the agent) names a body that may not be
    the service's (:data:`_OTHER_BODY`)."""
    return _OTHER_BODY.search(fold_keeping_length(sentence).replace("’", "'")) is not None


#: A sentence that starts with these words tells of what might be, not what is.
_HYPOTHETICAL = re.compile(
    r"[\s,.;:!?\-]*(?:et |mais |donc )?(?:si |s'il |s'ils |au cas ou |meme si |sinon"
    r"|imaginez|imaginons|supposons)",
    re.IGNORECASE,
)
#: The writer speaking ("je", "nous", "on"…), and a sentence that speaks to "vous".
_WRITER = re.compile(r"\b(?:je|j'|me|m'|moi|mon|ma|mes|nous|notre|nos|on)(?![\w-])", re.IGNORECASE)
_ADDRESSED = re.compile(r"(?<![\w-])(?:vous|votre|vos)(?![\w-])", re.IGNORECASE)
#: What did not work, said in the writer's voice: a negation, "impossible", "aucun".
_NEGATION = re.compile(
    r"\b(?:ne|n')\b.{0,40}?\b(?:pas|plus|jamais|rien|aucune?|personne)\b|\bimpossible\b"
    r"|\b(?:personne|rien) ne\b"
    r"|\baucune?\b|\bsans\b(?! (?:aucun )?(?:probleme|souci|difficulte|encombre|attendre))"
    r"|\bjamais\b|\bpas\b(?! de (?:probleme|souci|difficulte)s?\b)",
    re.IGNORECASE,
)
#: What went well: a sentence that says it with no negation and no contrast ("le délai
#: a été acceptable", "les courriels se font sans problème") is no point (on the
#: folded text).
_WENT_WELL = re.compile(
    r"\b(?:acceptables?|satisfaite?s?|bien passee?s?|rapides?|rapidement|parfaite?s?"
    r"|parfaitement|efficaces?|excellente?s?|tres bien|sans (?:aucun )?(?:probleme|souci)s?"
    r"|pas de (?:probleme|souci)s?|merci|bravo|aimables?|agreables?|faciles?|facilement)\b",
    re.IGNORECASE,
)
_CONTRAST = re.compile(
    r"\b(?:trop|mais|cependant|toutefois|dommage|regrette|helas|malheureusement|sauf)\b",
    re.IGNORECASE,
)
#: A sentence that concedes or praises, which is no point nor a complaint: the user's
#: excuse for the service ("vu la crise sanitaire, je ne me plains pas du délai", "je
#: comprends que…", "c'est normal") or praise told with a negation ("l'agent n'a pas
#: hésité à m'aider", "n'a pas compté son temps"); on the folded text. "Malgré la
#: crise, personne ne m'a répondu" concedes nothing: the words of the excuse are
#: the verb, not the circumstance.
_CONCEDES = re.compile(
    r"\b(?:je|nous) (?:ne (?:me|nous) plains? pas|ne (?:me|nous) plaignons pas"
    r"|ne (?:leur|lui|vous|le|la|les) (?:reproche|reprochons|en veux|en voulons) (?:pas|rien)"
    r"|ne reproche rien|ne reprochons rien|comprends (?:bien |tout a fait |parfaitement )?"
    r"(?:que|qu'|les|le|la|l')|comprenons (?:bien )?(?:que|qu'|les|le|la|l')"
    r"|ne (?:m'|nous )attendai(?:s|t|ons)? pas a (?:\w+ ){0,3}?(?:rapide|rapidement|mieux"
    r"|miracles?))"
    r"|\b(?:c'est|c'etait|cela est|ce qui est) (?:bien |tout a fait )?(?:normal|comprehensible"
    r"|logique|excusable)"
    r"|\b(?:n'a|n'ont|n'avait|n'avaient|ne m'a|ne nous a) (?:pas|jamais) (?:hesite|menage"
    r"|compte (?:son|leur) temps|manque de (?:patience|gentillesse|professionnalisme)|ete decue?)",
    re.IGNORECASE,
)


def concedes(sentence: str) -> bool:
    """Whether ``sentence`` (folded) concedes or praises (:data:`_CONCEDES`) and says
    nothing against it ("mais", "cependant"…): no point, no complaint."""
    return _CONCEDES.search(sentence) is not None and _CONTRAST.search(sentence) is None


#: A point is a sentence of this many words at least.
MIN_POINT_WORDS = 4
#: Categories a sentence that speaks to "vous" without the writer still says (a
#: pasted message does not tell of unanswered mail or calls: the writer does; nor of
#: something "toujours pas" come: a wait said with a negation is the writer's too).
_SAID_TO_YOU = frozenset({"no-answer", "tried"})


#: A sentence of the text: where it starts, where it ends, where the words read in it
#: start (a long sentence is quoted from near there).
Span = tuple[int, int, int]


def _span(ends: list[int], length: int, position: int) -> tuple[int, int, int]:
    index = bisect_right(ends, position)
    return index, ends[index - 1] if index else 0, ends[index] if index < len(ends) else length


def _inside(spans: tuple[list[int], list[int]], position: int) -> bool:
    index = bisect_right(spans[0], position) - 1
    return index >= 0 and position < spans[1][index]


class NeedSpans(NamedTuple):
    """Where :func:`find_needs` found each reading: ``(start, end)`` spans of
    sentences of the text, or None."""

    need: str | None
    need_at: Span | None
    tried_at: Span | None
    point_at: Span | None
    severe: tuple[tuple[str, str], ...]
    labels: frozenset[str]
    reservation_at: Span | None
    suggestion_at: Span | None
    praise_at: Span | None
    #: Where the last sentence that tells the whole case is settled starts (-1: none):
    #: what is asked or blocked before it is no longer outstanding.
    settled_at: int = -1


def find_needs(
    text: str,
    ends: list[int],
    quoted: tuple[list[int], list[int]] = ([], []),
    complaint_at: Span | None = None,
    title_end: int = 0,
    *,
    folded: str | None = None,
    found: Iterator[tuple[int, int, int]] | None = None,
) -> NeedSpans:
    """Where ``text`` (the title, if any, as its first ``title_end`` characters, then
    the description) says what the user still needs (see the module): sentence
    spans. ``ends``: where its sentences end; ``quoted``: the spans inside quotation
    marks (someone else's words); ``complaint_at``: the sentence
    ``experience._requests`` found carrying the complaint (None: none). ``folded``:
    ``text`` folded (:func:`fold_keeping_length`), and ``found``: the matches of
    :func:`needs_patterns` in it, when the caller already has them (the description's
    one pass); else both are computed here."""
    if folded is None:
        folded = fold_keeping_length(text)
    if found is None:
        found = needs_patterns().finditer(folded)
    entries = needs_patterns().entries
    first: dict[str, Span] = {}
    severe: dict[str, str] = {}
    resolved: list[int] = []  # where the user tells they got past a block
    settled = -1  # where the user last tells the whole case is settled
    praise_sentences: set[int] = set()
    labels: set[str] = set()
    for index, start, end in found:
        category = entries[index].category
        if category == EXCLUDE or (quoted[0] and _inside(quoted, start)):
            continue
        sentence, first_char, last_char = _span(ends, len(text), start)
        if category == "praise":
            praise_sentences.add(sentence)
            _keep(first, "praise", (first_char, last_char, start), title_end)
            continue
        if sentence in praise_sentences:
            continue
        said = folded[first_char:last_char]
        if _HYPOTHETICAL.match(said):
            continue
        if (
            category not in _SAID_TO_YOU
            and category != "suggests"
            and not (category == "awaited" and _NEGATION.search(folded[start:end]))
            and _ADDRESSED.search(said)
            and not _WRITER.search(said)
        ):
            continue  # « Votre demande est en attente » pasted: not the writer's need
        if category in ("resolved", "settled"):
            resolved.append(first_char)
            if category == "settled":
                settled = max(settled, first_char)
            continue
        if category.startswith("label-"):
            labels.add(category.removeprefix("label-"))
            continue
        if category in SEVERE_LABELS or category in _SEVERE_PARTS:
            severe.setdefault(category, text[start:end])
            continue
        _keep(first, category, (first_char, last_char, start), title_end)
    if "impossible" in first and any(at > first["impossible"][0] for at in resolved):
        # "Impossible de me connecter… Finalement j'ai pu voter": the block ended.
        del first["impossible"]
    for kind in _SETTLED_NEEDS:
        if kind in first and first[kind][0] < settled:
            del first[kind]  # "J'attends ma carte… Mise à jour : tout est réglé."
    _combine_severe(severe)
    need = next((kind for kind in NEED_KINDS if kind in first), None)
    need_at = first.get(need) if need is not None else None
    # The main point: the need, the complaint, the suggestion, what did not work, in
    # the description first (the title only when none says it).
    # A bare outcry ("Une honte !") names nothing: the sentence after it says why.
    if complaint_at is not None and (
        len(folded[complaint_at[0] : complaint_at[1]].split()) < MIN_POINT_WORDS
    ):
        following = _following(folded, ends, complaint_at[1])
        point_first = following
    else:
        point_first = complaint_at
    if point_first is not None and (
        _went_well(folded, point_first) or concedes(folded[point_first[0] : point_first[1]])
    ):
        point_first = None
    reservation_at = first.get("reservation")
    candidates = (
        need_at if need is not None and need != "tried" else None,
        point_first,
        first.get("suggests"),
        None if reservation_at is None or _went_well(folded, reservation_at) else reservation_at,
        _first_negation(text, folded, ends, title_end, first.get("praise")),
        first.get("grievance"),
        need_at,
        complaint_at,
    )
    point_at = next((at for at in candidates if at is not None and at[0] >= title_end), None)
    if point_at is None:
        point_at = next((at for at in candidates if at is not None), None)
    return NeedSpans(
        need=need,
        need_at=need_at,
        tried_at=first.get("tried"),
        point_at=point_at,
        severe=tuple((SEVERE_LABELS[c], severe[c]) for c in SEVERE_LABELS if c in severe),
        labels=frozenset(labels),
        reservation_at=first.get("reservation"),
        suggestion_at=first.get("suggests"),
        praise_at=first.get("praise"),
        settled_at=settled,
    )


#: What a later sentence telling the case is settled ends (``settled`` in needs.tsv).
_SETTLED_NEEDS = ("urgent", "impossible", "awaited", "no-answer")

#: The categories read to make a severe case of their own (see :func:`_combine_severe`).
_SEVERE_PARTS = frozenset({"vulnerable", *_VULNERABLE_WITH, "legal-won"})


def _combine_severe(severe: dict[str, str]) -> None:
    """Make the severe cases that need two readings (in place): a vulnerable person
    (great age, serious illness, dependence, disability, isolation, no French) with
    payments stopped for months or a situation getting worse is
    ``severe-vulnerable``, its words both quoted; a court case over and won
    (``legal-won``) is no ``severe-legal``. The parts are then dropped."""
    person = severe.get("vulnerable")
    reason = next((severe[part] for part in _VULNERABLE_WITH if part in severe), None)
    if person is not None and reason is not None:
        severe["severe-vulnerable"] = f"{person}\u202f» et «\u202f{reason}"
    if "legal-won" in severe:
        severe.pop("severe-legal", None)
    for part in _SEVERE_PARTS:
        severe.pop(part, None)


def _went_well(folded: str, span: Span) -> bool:
    """Whether the sentence ``span`` only says what went well (:data:`_WENT_WELL`)."""
    said = folded[span[0] : span[1]]
    return (
        _WENT_WELL.search(said) is not None
        and _NEGATION.search(said) is None
        and _CONTRAST.search(said) is None
    )


def _following(folded: str, ends: list[int], after: int) -> Span | None:
    """The sentence that starts at ``after``, when it has :data:`MIN_POINT_WORDS`
    words or more; None otherwise."""
    index = bisect_right(ends, after)
    end = ends[index] if index < len(ends) else len(folded)
    if after >= end or len(folded[after:end].split()) < MIN_POINT_WORDS:
        return None
    return after, end, after


def _keep(first: dict[str, Span], category: str, span: Span, title_end: int) -> None:
    """Keep ``span`` as ``category``'s sentence when it is the first, or the first of
    the description after one in the title (the description says it more fully)."""
    kept = first.get(category)
    if kept is None or (kept[0] < title_end <= span[0]):
        first[category] = span


def _first_negation(
    text: str,
    folded: str,
    ends: list[int],
    title_end: int,
    praise_at: Span | None = None,
) -> Span | None:
    """The first sentence of the description (after the title) of
    :data:`MIN_POINT_WORDS` words or more that says, in the writer's voice, what did
    not work (a negation), not a hypothetical, not praise (``praise_at``); None when
    none does."""
    start = 0
    for end in [*ends, len(text)]:
        if end <= start:
            continue
        if start >= title_end and (praise_at is None or start != praise_at[0]):
            said = folded[start:end]
            negation = _NEGATION.search(said)
            if (
                len(said.split()) >= MIN_POINT_WORDS
                and negation is not None
                and not _HYPOTHETICAL.match(said)
                and not concedes(said)
                and (_WRITER.search(said) or not _ADDRESSED.search(said))
            ):
                # Quoted from near the negation when the sentence is long.
                return start, end, start + negation.start()
        start = end
    return None
