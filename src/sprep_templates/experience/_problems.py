"""The user's own problem and how serious their situation is, read in their words.

A negative or neutral reply names what went wrong as the user told it ("vos appels
restés sans réponse", "un formulaire impossible à remplir") instead of a
rating's phrase ("un accès difficile", "des explications peu claires"); and it gives
proportionate regret to a serious situation (a wait of months, repeated calls or
reminders, money stopped, an urgent deadline) instead of "tout n'a pas été simple".

The words are ``data/problems.tsv`` and ``data/severity.tsv`` (format in their
headers), read in the same automaton pass as the other description files
(``experience._said``): two files, since a pattern file's matches do not overlap and
a serious situation is often told in the same words as the problem ("25 appels sans
réponse", "ma pension est suspendue").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import cache
from typing import NamedTuple, Protocol

from ..lexicons import PatternFile, read_packaged_patterns

__all__ = [
    "HUMAN_CHANNELS",
    "MONEY_PROBLEMS",
    "NO_PROBLEM",
    "PROBLEMS",
    "PROBLEM_PHRASES",
    "SEVERITIES",
    "WAITED_PHRASES",
    "ComplaintSentences",
    "Problem",
    "agents_took_part",
    "complaint_filter",
    "leaves_unsolved",
    "names_someone",
    "problem_named",
    "problem_patterns",
    "read_problem",
    "severity_patterns",
    "tells_own_steps",
]

PROBLEMS_FILE = "problems.tsv"
SEVERITY_FILE = "severity.tsv"

#: The user's problem as a reply names it: a noun phrase that reads after "Vous nous
#: signalez en particulier", "Vous évoquez", "Nous regrettons toutefois" (never after
#: "de" or "à": no contraction to make), of four words at least and five at most (as
#: the criterion phrases it replaces: the length proof). In order of precedence: the most specific
#: first; the first kind the words name is said.
PROBLEM_PHRASES = {
    "pdf-form": "un formulaire impossible à remplir",
    "printing": "des documents qui s’impriment mal",
    "upload": "un document refusé en ligne",
    "login": "votre compte en ligne inaccessible",
    "payment-stopped": "l’interruption de vos versements",
    "unpaid": "un paiement toujours en attente",
    "claimed": "une somme à rembourser",
    "amount": "un montant qui semble erroné",
    "transcription": "la lenteur de la transcription",
    "calls": "vos appels restés sans réponse",
    "unreachable": "un service impossible à joindre",
    "letters": "vos messages restés sans réponse",
    "no-answer": "une demande restée sans réponse",
    "appointment": "un rendez-vous impossible à obtenir",
    "cancelled": "l’annulation de votre rendez-vous",
    "refusal": "le refus de votre demande",
    "lost": "la perte de vos documents",
    "missing-item": "une pièce jugée manquante",
    "paperwork": "des pièces demandées plusieurs fois",
    "dead-link": "un lien internet défectueux",
    "missing-choice": "un choix absent du formulaire",
    "not-found": "une démarche introuvable en ligne",
    "sent-around": "des renvois entre plusieurs services",
    "distance": "un déplacement long et coûteux",
    "hours": "des horaires d’ouverture trop restreints",
    "contradictory": "des réponses qui se contredisent",
    "staff": "un accueil qui manquait d’écoute",
    "queue": "une longue attente sur place",
    "paper-notices": "l’arrêt des envois papier",
    "points": "le décompte de vos points",
    "not-received": "un document jamais reçu",
    "slow": "un traitement trop lent",
    "bug": "un problème technique en ligne",
    "unclear-form": "un formulaire difficile à comprendre",
    "malfunction": "un service qui fonctionne mal",
    "unfair": "une décision ressentie comme injuste",
    "senseless": "une règle difficile à comprendre",
}
PROBLEMS = tuple(PROBLEM_PHRASES)

#: How serious the situation is, in order of precedence: a long wait (with its
#: duration, :data:`WAITED_PHRASES`), repeated calls, repeated reminders, money
#: stopped or seized, an urgent deadline.
SEVERITIES = ("wait", "calls", "reminders", "money", "urgent")


class Problem(NamedTuple):
    """What :func:`read_problem` found."""

    #: The user's problem: a key of :data:`PROBLEM_PHRASES`, or None.
    problem: str | None
    #: How serious it is: one of :data:`SEVERITIES`, or None.
    severity: str | None
    #: For a wait: how long, as a reply says it ("quatre mois", "plus de deux ans",
    #: "plusieurs mois"); else None.
    waited: str | None


NO_PROBLEM = Problem(None, None, None)


@cache
def problem_patterns() -> PatternFile:
    return read_packaged_patterns(PROBLEMS_FILE, PROBLEMS)


@cache
def severity_patterns() -> PatternFile:
    return read_packaged_patterns(SEVERITY_FILE, SEVERITIES)


_NUMBERS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15,
    "dix-huit": 18, "vingt": 20,
}  # fmt: skip
_WORDS = {value: word for word, value in _NUMBERS.items() if word != "une"}
_DURATION = re.compile(
    r"(?P<more>plus de |plus d'|pres de |presque |bientot )?(?P<count>\d+|[a-z-]+) ?"
    r"(?P<unit>mois|ans|annees|semaines|an|annee)\b"
)
#: Words for an unknown, long duration ("plusieurs mois", "des mois", "de longs mois").
_VAGUE = ("plusieurs", "longs", "des", "nombreux")

#: Every phrase :func:`waited` can give, for the length proof and the French test.
WAITED_PHRASES = (
    *(f"{_WORDS[n]} mois" for n in range(3, 13)),
    "plus d’un an",
    *(f"{_WORDS[n]} ans" for n in range(2, 11)),
    "un an",
    *(f"plus de {_WORDS[n]} mois" for n in range(3, 13)),
    *(f"plus de {_WORDS[n]} ans" for n in range(2, 11)),
    "plus de dix ans",
    "plusieurs mois",
    "plusieurs années",
    "plusieurs semaines",
)


def waited(span: str) -> str | None:
    """How long the user waited, from a matched span (folded), as a reply says it; None
    when it is not long enough to be serious (under three months, or weeks under six)."""
    found = _waited(span)
    return None if found is None else found[1]


_MONTHS = ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout",
           "septembre", "octobre", "novembre", "decembre")  # fmt: skip
_START = re.compile(
    r"depuis (?:le |l'annee |l'an |fin |debut |mi-)?(?:1er |\d+ )?"
    r"(?:(?P<month>" + "|".join(_MONTHS) + r")(?: (?P<month_year>(?:19|20)\d\d))?"
    r"|(?P<year>(?:19|20)\d\d))"
)


def _since(span: str, published: date | None) -> tuple[float, str] | None:
    """The wait a start date tells ("depuis septembre 2021", "depuis le 5 mars",
    "depuis 2019"), counted in whole months to ``published``; None without it."""
    found = _START.search(span)
    if found is None or published is None:
        return None
    if found.group("year"):
        # From the end of that year, not to say more than the user did.
        months = 12 * (published.year - int(found.group("year")) - 1) + published.month
    else:
        month = _MONTHS.index(found.group("month")) + 1
        if found.group("month_year"):
            year = int(found.group("month_year"))
        else:
            # The latest such month at or before the publication.
            year = published.year if month <= published.month else published.year - 1
        months = 12 * (published.year - year) + published.month - month
    if months < 3 or months > 12 * 30:
        return None
    if months <= 12:
        return months, f"{_WORDS[months]} mois" if months < 12 else "un an"
    years = months // 12
    if years == 1:
        return months, "plus d’un an"
    if years > 10:
        return months, "plus de dix ans"
    return months, f"plus de {_WORDS[years]} ans" if months % 12 else f"{_WORDS[years]} ans"


def _waited(span: str, published: date | None = None) -> tuple[float, str] | None:
    """:func:`waited`, with the wait in months (to keep the longest a text tells)."""
    if span.startswith("depuis") and _START.match(span):
        return _since(span, published)
    durations = list(_DURATION.finditer(span))
    if not durations:
        return None
    found = durations[-1]
    unit = found.group("unit")
    count_text = found.group("count")
    more = "plus de " if found.group("more") in ("plus de ", "plus d'") else ""
    count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text)
    if count is None:
        if count_text not in _VAGUE:
            return None
        if unit == "semaines":
            return 1.5, "plusieurs semaines"
        return (3, "plusieurs mois") if unit == "mois" else (24, "plusieurs années")
    if unit == "semaines":
        return (count / 4, "plusieurs semaines") if count >= 6 else None
    if unit == "mois":
        if count < 3:
            return None
        if count > 12:
            return count, "plus d’un an"
        return count, f"{more}{_WORDS[count]} mois"
    if count == 1:
        return 12, "plus d’un an" if more else "un an"
    if count > 10:
        return 12 * count, "plus de dix ans"
    return 12 * count, f"{more}{_WORDS[count]} ans"


#: What makes a duration or a start date a wait: the sentence it is in tells of waiting,
#: of no answer, of something still not done or received (folded text).
_WAITING = re.compile(
    r"attend|attente|patient|relanc|delai|traine|bloque|en cours|pas encore|sans explication"
    r"|au meme point|impossible de (?:joindre|contacter|obtenir)|\benfin\b"
    r"|(?:va|vas|sera|doit|devait) (?:etre )?(?:etudie|traite|examine|instruit|regle)"
    r"|suspendu|interromp|coupee?s?\b|arretee?s?\b|supprimee?s?\b"
    r"|(?:depose|envoye|transmis|fait|adresse|formule) (?:ma|mon|mes|notre|nos|une|un|la|le|les)"
    r" (?:demande|dossier|courrier|formulaire|reclamation|pieces|documents|papiers)"
    r"|sans (?:reponse|retour|nouvelles?|suite|solution)"
    r"|(?:aucune?|pas de|pas eu de|toujours pas de) (?:reponse|retour|nouvelles?|suite|solution)"
    r"|toujours (?:pas|rien|aucun|aucune|en attente)"
    r"|(?:pas|rien|jamais) (?:eu|recu|obtenu)"
    r"|(?:pas|jamais) (?:ete )?(?:clos|close|termine|regle|reglee|traite|traitee|resolu|resolue"
    r"|finalise|instruit|verse|versee|paye|payee|rembourse)",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?;\n]")


def _tells_waiting(folded: str, start: int, ends: list[int], memo: dict[int, bool]) -> bool:
    """Whether the sentence of ``folded`` holding ``start`` (a wait's match) tells of
    waiting: a date or a duration alone is no wait ("client depuis 2019"). ``ends``:
    where the text's sentences end, found once; ``memo``: each sentence read once (a
    text of many dates stays linear)."""
    index = bisect.bisect_left(ends, start)
    if index not in memo:
        begin = ends[index - 1] + 1 if index else 0
        stop = ends[index] if index < len(ends) else len(folded)
        memo[index] = _WAITING.search(folded, begin, stop) is not None
    return memo[index]


#: A sentence that suggests or supposes rather than tells (folded): a problem named
#: there is not one the user met ("il serait bien que les délais soient plus courts").
_SUGGESTS = re.compile(
    r"\b(?:il serait|ce serait|ca serait|serait-il|il faudrait|faudrait-il|pourquoi ne pas"
    r"|pourquoi pas|je suggere|je propose|suggestion|il conviendrait|on pourrait"
    r"|pourrait-on|vous pourriez|pourriez-vous|il suffirait|ideal serait|souhaitable"
    r"|devrait etre (?:offert|offerte|propose|proposee|possible|permis|mis en place))\b",
    re.IGNORECASE,
)
#: A conditional clause: "si" opens it, a comma or a sentence end closes it.
_IF_CLAUSE = re.compile(
    r"(?:^|[,:(] ?|\n)\s*(?:si|s'il|s'ils|au cas ou)\b[^,.;:!?\n]*", re.IGNORECASE
)
#: Praise in a sentence (folded): with no word of failure beside it, a problem or a
#: count read there is not a complaint ("trois mails, réponse très rapide, merci").
_PRAISES = re.compile(
    r"\b(?:merci|bravo|parfait\w*|excellent\w*|tres bien|super|aimables?|efficaces?|apprecie\w*"
    r"|pratiques?|genial|formidable|impeccable\w*"
    r"|rapides?|rapidement|sympathiques?|agreables?|satisfaite?s?|ravie?s?|chaleureu\w*"
    r"|professionnel\w*|competente?s?|a l'ecoute)\b",
    re.IGNORECASE,
)
#: A word of failure (folded), outside the match itself.
_FAILS = re.compile(
    r"\b(?:pas|jamais|aucune?|rien|impossible|sans|toujours|probleme|erreur|mais"
    r"|malheureusement|helas|bloquee?s?|refus\w*|attend\w*|attente|plus)\b",
    re.IGNORECASE,
)


class _Sentence(NamedTuple):
    """What :func:`complains` reads once in a sentence."""

    suggests: bool
    conditions: tuple[tuple[int, int], ...]
    praises: bool
    failures: tuple[int, ...]


def _read_sentence(folded: str, begin: int, stop: int) -> _Sentence:
    return _Sentence(
        _SUGGESTS.search(folded, begin, stop) is not None,
        tuple(found.span() for found in _IF_CLAUSE.finditer(folded, begin, stop)),
        _PRAISES.search(folded, begin, stop) is not None,
        tuple(found.start() for found in _FAILS.finditer(folded, begin, stop)),
    )


def _in_suggestion(folded: str, start: int, ends: list[int], memo: dict[int, _Sentence]) -> bool:
    """Whether the sentence of ``folded`` holding ``start`` suggests (see :func:`complains`)."""
    index = bisect.bisect_left(ends, start)
    sentence = memo.get(index)
    if sentence is None:
        begin = ends[index - 1] + 1 if index else 0
        stop = ends[index] if index < len(ends) else len(folded)
        sentence = memo[index] = _read_sentence(folded, begin, stop)
    return sentence.suggests


def complains(
    folded: str, start: int, end: int, ends: list[int], memo: dict[int, _Sentence]
) -> bool:
    """Whether the match ``start``–``end`` of ``folded`` (``ends``: where its sentences
    end) is told as something that went wrong for the user: not in a suggestion or a
    conditional clause, not in a sentence of praise with no word of failure beside it.
    ``memo``: each sentence read once (a text of many matches stays linear)."""
    index = bisect.bisect_left(ends, start)
    sentence = memo.get(index)
    if sentence is None:
        begin = ends[index - 1] + 1 if index else 0
        stop = ends[index] if index < len(ends) else len(folded)
        sentence = memo[index] = _read_sentence(folded, begin, stop)
    if sentence.suggests:
        return False
    if any(first <= start < last for first, last in sentence.conditions):
        return False
    if sentence.praises:
        failures = sentence.failures
        # A word of failure before the match, or at or after its end.
        return bool(failures) and (failures[0] < start or failures[-1] >= end)
    return True


class ComplaintSentences:
    """One text's sentences (``folded``), for :func:`complains`: their ends found once,
    when first needed (most texts have no match to read), each sentence read once.
    :func:`complaint_filter` and :func:`read_problem` share one for a description."""

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._ends: list[int] | None = None
        self.read: dict[int, _Sentence] = {}

    @property
    def ends(self) -> list[int]:
        """Where the sentences of the text end."""
        if self._ends is None:
            self._ends = [found.start() for found in _SENTENCE_END.finditer(self.folded)]
        return self._ends

    def told(self, start: int, end: int) -> bool:
        """:func:`complains` for the match ``start``–``end`` of the text."""
        return complains(self.folded, start, end, self.ends, self.read)


def complaint_filter(
    folded: str, sentences: ComplaintSentences | None = None
) -> Callable[[int, int], bool]:
    """:func:`complains` for the matches of one text (``folded``): its sentence ends
    found once, on the first match (most texts have none), each sentence read once
    (in ``sentences`` when given, to share with :func:`read_problem`)."""
    if sentences is None or sentences.folded is not folded:
        sentences = ComplaintSentences(folded)
    return sentences.told


#: Calls or letters that came to nothing (folded), besides the words of waiting.
_NO_RESULT = re.compile(
    r"\b(?:ni reponse|personne ne|personne n'a|en vain|vainement|pour tenter|sans succes"
    r"|sans resultat|n'ont (?:pas|jamais|rien) permis|n'a (?:pas|jamais|rien) permis"
    r"|ne (?:repond|repondent|decroche|decrochent)|refuse|refusent|pretextant)",
    re.IGNORECASE,
)


def _tells_no_result(folded: str, start: int, ends: list[int]) -> bool:
    """Whether the sentence of ``folded`` holding ``start`` tells that the calls or
    letters came to nothing."""
    index = bisect.bisect_left(ends, start)
    begin = ends[index - 1] + 1 if index else 0
    stop = ends[index] if index < len(ends) else len(folded)
    return _NO_RESULT.search(folded, begin, stop) is not None


def read_problem(
    folded: str,
    problems_found: Iterable[tuple[str, int, int]],
    severities_found: Iterable[tuple[str, int, int]],
    published: date | None = None,
    *,
    sentences: ComplaintSentences | None = None,
) -> Problem:
    """The problem and severity that the matches (category, start, end) of
    :func:`problem_patterns` and :func:`severity_patterns` in ``folded`` tell; a
    start date is counted to ``published`` (the experience's publication date).
    ``sentences``: the text's sentences as :func:`complaint_filter` read them, shared
    (each sentence read once for both)."""
    problems_found = list(problems_found)
    severities_found = list(severities_found)
    if not problems_found and not severities_found:
        return NO_PROBLEM
    if sentences is None or sentences.folded is not folded:
        sentences = ComplaintSentences(folded)
    ends = sentences.ends
    read = sentences.read
    problems = {
        category
        for category, start, end in problems_found
        if complains(folded, start, end, ends, read)
    }
    severities: dict[str, str | None] = {}
    longest: tuple[float, str] | None = None
    waiting: dict[int, bool] = {}  # each sentence read once for a wait
    for category, start, end in severities_found:
        if category != "urgent" and not complains(folded, start, end, ends, read):
            continue  # "trois mails, réponse très rapide", "il faudrait 3 mois de moins"
        if category == "urgent" and _in_suggestion(folded, start, ends, read):
            continue  # "il devrait être offert un rendez-vous en urgence": a proposal
        if category == "wait" and not _tells_waiting(folded, start, ends, waiting):
            continue  # "depuis 2015" of a page not updated, of sales calls
        if category in ("calls", "reminders") and not (
            _tells_waiting(folded, start, ends, waiting) or _tells_no_result(folded, start, ends)
        ):
            continue  # "plusieurs courriers reçus", "je l'ai eue à plusieurs reprises"
        if category == "wait":
            how_long = _waited(folded[start:end].lower(), published)
            if how_long is not None and (longest is None or how_long[0] > longest[0]):
                longest = how_long
                severities["wait"] = how_long[1]
        else:
            severities.setdefault(category, None)
    problem = next((p for p in PROBLEMS if p in problems), None)
    severity = next((s for s in SEVERITIES if s in severities), None)
    return Problem(problem, severity, severities.get("wait") if severity == "wait" else None)


#: Words that name someone other than the writer (a relative, a child, a neighbour…).
_OTHERS = re.compile(
    r"(?<![\w-])(?:proches?|parents|enfants|famille|amie?s?|voisine?s?|beau-fils|belle-fille"
    r"|petite?-(?:fils|fille)|neveu|niece|cousine?s?|tutelle|curatelle|filleule?"
    r"|femme|homme|monsieur|madame|dame|personne agee|patient|patiente|belle-soeur"
    r"|beau-frere|gendre|bru|bebes?|fils|filles?|freres|soeurs|grands-parents|petits-enfants"
    r"|conjoints?|compagne|compagnon|epoux|epouse|mari|pere|mere|papa|maman|oncle|tante)"
    r"(?![\w-])"
)


def names_someone(folded: str) -> bool:
    """Whether the text (folded) names someone other than the writer: a relative, a
    child, a neighbour (``Said.names_relative``)."""
    return _OTHERS.search(folded.lower()) is not None


#: The channel kinds where a person of the service answers (an agent at the desk, on
#: the phone, by letter or e-mail, on the chat): "l’engagement de nos agents" is said
#: only when the user went through one of them.
HUMAN_CHANNELS = frozenset({"counter", "phone", "mail", "email", "chat"})


def agents_took_part(
    mentioned: frozenset[str] | None, procedure: str | None, channel: str | None
) -> bool:
    """Whether a person of the service took part: the words tell of a visit or a call
    (not of an online vote); or, when they name no channel, the export's channel is one
    of :data:`HUMAN_CHANNELS`."""
    if procedure == "vote-online":
        return False
    if mentioned:
        # A mail in the words is most often a code or a notice received, not a person.
        return bool(mentioned & {"counter", "phone"})
    return channel in HUMAN_CHANNELS


#: A problem that is the access the criterion's phrase already names as the user told
#: it ("un rendez-vous difficile à obtenir"): the criterion is said, not the problem.
_ACCESS_PROBLEMS = {"appointment": {"appointment"}, "phone": {"calls", "unreachable"}}


class _ReadProblem(Protocol):
    """What :func:`problem_named` reads of ``experience._said.Said``."""

    @property
    def problem(self) -> str | None: ...

    @property
    def access(self) -> str | None: ...

    @property
    def felt_liked(self) -> tuple[str, ...]: ...


#: The problems that name a criterion negatively: never said where the words praise
#: that criterion and regret it nowhere.
_CRITERION_OF_PROBLEM = {
    "slow": "reactivity",
    "transcription": "reactivity",
    "calls": "accessibility",
    "unreachable": "accessibility",
}


def problem_named(said: _ReadProblem, tone: str, hard: tuple[str, ...]) -> str | None:
    """The user's problem a reply in ``tone`` names (a key of ``PROBLEM_PHRASES``), or
    None: only a reply of regret names it, in place of the criteria rated negative."""
    if said.problem is None or tone == "positive":
        return None
    if _CRITERION_OF_PROBLEM.get(said.problem) in said.felt_liked:
        # "un traitement trop lent" to a user who writes all went fast, "un service
        # impossible à joindre" to one who got through: the words say the opposite.
        return None
    if "accessibility" in hard and said.problem in _ACCESS_PROBLEMS.get(said.access or "", ()):
        return None
    return said.problem


#: The writer's own steps, in the first person (folded): "j'appelle", "je tombe sur
#: un répondeur", "je me suis rendu", "j'ai pris rendez-vous", "nous sommes allés".
_OWN_STEPS = re.compile(
    r"\b(?:j'|je |nous )(?:ai |avons |me suis |nous sommes |suis |sommes |me |m'|nous "
    r"|les |l'|lui |leur )?(?:\w+ )?"
    r"(?:appel\w*|telephon\w*|tombe\w*|envoy\w*|envoie\w*|ecri\w*|rendu|rendue|rendus"
    r"|rends|depos\w*|contact\w*|relanc\w*|essay\w*|tente|attend\w*|rempli\w*|deplace\w*"
    r"|present\w*|adresse|joint|joins|renvoy\w*|transmis|fourni|alle|allee|alles|allees"
    r"|pris|prenons|fait la demande|fait une demande|fait les demarches|accompagne\w*"
    r"|essaie\w*|renouvel\w*)\b"
    # The writer's own file: "ma demande", "mon dossier", "mes démarches".
    r"|\b(?:ma demande|mon dossier|ma declaration|ma demarche|mes demarches|mon experience)\b",
    re.IGNORECASE,
)


def tells_own_steps(folded: str) -> bool:
    """Whether the writer tells of their own steps (``Said.acted``): the difficulties
    they describe are theirs, even when they write for a relative."""
    return _OWN_STEPS.search(folded) is not None


#: Problems of money owed or taken: never "tout n'a pas été simple" (no partial regret).
MONEY_PROBLEMS = frozenset({"payment-stopped", "unpaid", "claimed"})

#: Problems that are over once the user is served (a trip, a queue, the hours, how
#: they were received, a rule they find unfair): they leave nothing to solve.
_PROBLEMS_OVER = frozenset(
    {"distance", "queue", "hours", "staff", "unfair", "senseless", "contradictory",
     "unclear-form", "printing", "paperwork", "sent-around"}
)  # fmt: skip


def leaves_unsolved(
    problem: str | None, severity: str | None, blocked: str | None, request: str | None
) -> bool:
    """Whether the words tell of something not solved yet: a problem still open, a
    serious situation, a blockage, a request still awaited (no "aide attendue" then)."""
    return (
        (problem is not None and problem not in _PROBLEMS_OVER)
        or severity is not None
        or blocked is not None
        or request is not None
    )
