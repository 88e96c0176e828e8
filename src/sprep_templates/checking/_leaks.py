"""What published replies leak about the user and the staff, beyond numbers (issue 23).
Warnings, since each is a judgement:
a postcode with a town that is not a service's address, a staff member's first name in
the body, a sentence that recounts the user's file with a date or a decision.

Patterns here have no nested quantifier: each is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from functools import cache

from ..lexicons import first_names, read_list
from ._cues import GREETING_WITH_NAME
from ._finding import Finding
from ._line_search import line_flag, reply_flags
from ._reading import Reading

__all__ = [
    "STAFF",
    "STAFF_PREFIXES",
    "dated_story",
    "file_story",
    "leak_findings",
    "postcode_towns",
    "staff_names",
]

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre"
)
_DATE = rf"(?:\d{{1,2}}(?:er)? (?:{_MONTHS})(?: \d{{4}})?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)"

#: A French postcode (departments 01–98, Corsica 2A/2B) and the first word of a town.
#: (It starts with a class, so that the engine skips to the digits; what comes before
#: and the department are checked after.)
_POSTCODE_TOWN = re.compile(r"[0-9][0-9AB][0-9]{3} [A-ZÀ-Ý][A-Za-zÀ-ÿ’'\-]{1,40}")
_DEPARTMENT = re.compile(r"0[1-9]|[1-8][0-9]|9[0-8]|2[AB]")
# What makes it a service's address, not the user's: a street, a box, Cedex, a service.
_SERVICE_ADDRESS = re.compile(
    r"\b(?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|quai|route|impasse|cours|square|"
    r"bp|cs|tsa|cedex|accueil|agence|centre|caisse|service|services|mairie|préfecture|"
    r"sous-préfecture|caf|cpam|carsat|urssaf|maison|bureau|antenne|tribunal|direction|"
    r"trésorerie|siège)\b",
    re.I,
)
_NOT_TOWNS = frozenset({"euros", "euro", "eur", "cedex", "habitants", "dossiers", "personnes"})

#: A staff member named by first name after a word that hands something to a person,
#: or a title; a title after the word ("suivi par Mme Nathalie") is skipped. Found
#: through the reading's one automaton pass (its prefixes: :data:`STAFF_PREFIXES`).
STAFF = re.compile(
    r"(?:retransmise?s? à|transmise?s? à|transférée?s? à|adressée?s? à|confiée?s? à|"
    r"suivie?s? par|traitée?s? par|avec|auprès de|M\.|Mme|Mlle|Madame|Monsieur|collègue|"
    r"conseillère|conseiller|agent|gestionnaire) (?:(?:Mme|Mlle|Madame|Monsieur|M\.) )?"
    r"([A-ZÀ-Ý][a-zà-ÿ]{2,20})\b"
)
#: What every match of :data:`STAFF` starts with, in lower case.
STAFF_PREFIXES = (
    "retransmis", "transmis", "transféré", "adressé", "confié", "suivi", "traité", "avec",
    "auprès de", "m.", "mme", "mlle", "madame", "monsieur", "collègue", "conseill", "agent",
    "gestionnaire",
)  # fmt: skip

#: The user's file recounted: "votre message du 5 mars", "votre radiation a été enregistrée".
_DATED = re.compile(
    r"\bvotre (?:message|courrier|courriel|mail|e-mail|demande|dossier|appel|réclamation|"
    r"déclaration|rendez-vous|visite|dépôt|envoi|formulaire|lettre|recours) "
    rf"(?:du|en date du|reçu le|envoyé le|daté du) {_DATE}"
)
_DECIDED = re.compile(
    r"\bvotre (?:radiation|inscription|demande|dossier|pension|retraite|allocation|prime|"
    r"aide|remboursement|paiement|virement|contrat|adhésion|affiliation|résiliation|"
    r"réclamation|déclaration|carte|passeport|permis)(?: d[’'][a-zà-ÿ]{2,20}| de [a-zà-ÿ]{2,20})? "
    r"(?:a|ont) (?:bien )?été (?:enregistré|validé|accepté|refusé|rejeté|clôturé|radié|"
    r"versé|payé|annulé|suspendu|accordé|résilié|supprimé)e?s?\b"
)


#: Whether some line of a reply holds each pattern at all: most hold none (issue 24).
_POSTCODE_LINES = line_flag(_POSTCODE_TOWN, lower=False)
_STAFF_LINES = line_flag(STAFF, lower=False)
_STORY_LINES = line_flag(re.compile(f"{_DATED.pattern}|{_DECIDED.pattern}"), lower=True)


def postcode_towns(reply: Reading) -> Iterator[re.Match[str]]:
    """Postcodes followed by a town, unless the words around make it a service's address."""
    text = reply.masked
    if not reply_flags(reply) & _POSTCODE_LINES:
        return
    for match in _POSTCODE_TOWN.finditer(text):
        before_code = text[match.start() - 1 : match.start()] if match.start() else ""
        if before_code and (before_code.isalnum() or before_code in "_.,/-"):
            continue  # inside a longer number, a word or a path
        if not _DEPARTMENT.fullmatch(match.group()[:2]):
            continue
        town = match.group().split(" ", 1)[1]
        if town.lower() in _NOT_TOWNS:
            continue
        # Only the 80 characters before the code are read: the sentence's start is
        # looked for there (back to the text's start, it was quadratic).
        near = max(0, match.start() - 81)
        sentence_start = max(text.rfind(c, near, match.start()) for c in ("\n", ". ", "! ", "? "))
        before = text[max(sentence_start + 1, match.start() - 80) : match.start()]
        after = text[match.end() : match.end() + 25]
        if _SERVICE_ADDRESS.search(before) or "cedex" in after.lower():
            continue
        yield match


def _body_end(reply: Reading) -> int:
    """Where the body ends: before the closing formula and the signature, when the text
    has them (the platform adds them when ``closing_added``)."""
    if not reply.closing_added and len(reply.paragraphs) >= 3:
        return reply.paragraphs[-2][0]
    return len(reply.text)


@cache
def _name_forms() -> frozenset[str]:
    """First names in lower case, as written and without accents ("éric", "eric")."""
    written = frozenset(name.lower() for name in read_list("first-names.txt"))
    return written | first_names()


def staff_names(reply: Reading) -> Iterator[tuple[int, int]]:
    """First names of staff in the body ("retransmis à Eric", "Mme Nathalie")."""
    text = reply.masked
    if not reply_flags(reply) & _STAFF_LINES:
        return
    greeting = GREETING_WITH_NAME.match(text)
    start, end = (greeting.end() if greeting else 0), _body_end(reply)
    names = _name_forms()
    for match in reply.candidates.finditer("staff", STAFF, text, start, end):
        if match.start() and text[match.start() - 1].isalnum():
            continue  # inside a word ("Lavec")
        name_end = match.end(1)
        following = text[name_end : name_end + 2]
        if following[:1] == " " and following[1:2].isupper():
            continue  # "France Travail", "Marie Curie": a name of a place or a service
        if match.group(1).lower() in names:
            yield match.span(1)


#: A date in full, day and month ("5 mars", "1er avril 2024", "01/01/2021").
#: (Its first digit, then what \b said before it: the engine skips to the digits.)
_FULL_DATE = re.compile(
    rf"\d(?<!\w\d)(?:\d?(?:er)? (?:{_MONTHS})(?: \d{{4}})?|\d?/\d{{1,2}}/\d{{2,4}})\b"
)
_DATE_LINES = line_flag(_FULL_DATE, lower=True)
#: The user's own past in the sentence: what they did, were or said of their case, or a
#: decision on a thing of theirs ("vous avez reçu", "vous précisez être", "votre
#: pension a été révisée"). "Vous avez raison" and rules for everyone are no story.
_OWN_PAST = re.compile(
    r"\bvous (?:nous )?(?:avez|aviez|êtes|étiez)(?: bien| été)? (?:reçu|envoyé|déposé|"
    r"transmis|adressé|écrit|saisi|perçu|touché|demandé|signalé|contacté|appelé|inscrite?|"
    r"radiée?|convoquée?|affiliée?|indemnisée?|titulaire|bénéficiaire|allocataire|née?|"
    r"mariée?|installée?|arrivée?|partie?|licenciée?|embauchée?|retraitée?)\b|"
    r"\bvous (?:nous )?(?:précisez|indiquez|mentionnez|signalez|expliquez|dites) "
    r"(?:être|avoir|que)\b|"
    r"\bvotre [a-zà-ÿ’'\-]{3,20}(?: d[eu’'] ?[a-zà-ÿ]{2,20})? (?:a|ont) (?:bien )?été "
    r"[a-zà-ÿ]{3,20}"
)


# A condition before it makes the sentence a rule for everyone ("dès lors que vous êtes
# né après le 1er janvier 1957", "si vous avez déposé…").
_CONDITION = re.compile(
    r"(?<![a-zà-ÿ’'])(?:si|s’il|dès lors qu[e’']|lorsqu[e’']|quand|dans le cas où|au cas où|"
    r"à condition qu[e’']|pour peu qu[e’'])\s"
)


def dated_story(reply: Reading) -> Iterator[tuple[int, int]]:
    """Sentences that tell the user's own past with a date ("vous avez reçu notre
    courrier le 12 mars"): from the first of the two to the last."""
    lower = reply.lower
    starts: list[int] = []
    ends: list[int] = []
    told = read = -1
    past: re.Match[str] | None = None
    if not reply_flags(reply) & _DATE_LINES:
        return
    for date in _FULL_DATE.finditer(lower):
        if not starts:  # read when a date is found (most replies have none)
            starts = [start for start, _end in reply.sentences]
            ends = [end for _start, end in reply.sentences]
        index = bisect_right(starts, date.start()) - 1
        if index < 0 or index == told or date.start() >= ends[index]:
            continue
        if index != read:  # each sentence read once, however many dates it holds
            read = index
            past = _OWN_PAST.search(lower, starts[index], ends[index])
            if past is not None and _CONDITION.search(lower, starts[index], past.start()):
                past = None
        if past is not None:
            told = index
            yield min(past.start(), date.start()), max(past.end(), date.end())


def file_story(reply: Reading) -> Iterator[re.Match[str]]:
    """Sentences that recount the user's file: a dated message, a decision on it (tried
    where "votre " starts, in the order of the text)."""
    lower = reply.lower
    # What each needs: a digit (the date), " été " (the decision).
    dated, decided = reply.counts.digits > 0, " été " in lower
    if not (dated or decided) or not reply_flags(reply) & _STORY_LINES:
        return
    at = lower.find("votre ")
    while at >= 0:
        match = (_DATED.match(lower, at) if dated else None) or (
            _DECIDED.match(lower, at) if decided else None
        )
        if match is not None:
            yield match
        at = lower.find("votre ", match.end() if match is not None else at + 6)


def leak_findings(reply: Reading, _: Callable[[str], str]) -> Iterator[Finding]:
    """The `personal-data` warnings of what replies leak beyond numbers (each is a
    judgement: a warning)."""
    public = _(" La réponse est publique : vérifiez qu’elle ne donne pas ce détail.")
    if reply.counts.digits >= 5:
        for match in postcode_towns(reply):
            yield Finding(
                "personal-data",
                "warning",
                _("Un code postal et une ville : s’agit-il de l’adresse de l’usager ?") + public,
                match.start(),
                match.end(),
            )
    for start, end in staff_names(reply):
        yield Finding(
            "personal-data",
            "warning",
            _("« {name} » : le prénom d’un agent.").format(name=reply.text[start:end]) + public,
            start,
            end,
        )
    told: list[tuple[int, int]] = []
    if "votre" in reply.lower:
        for match in file_story(reply):
            told.append(match.span())
            yield Finding(
                "personal-data",
                "warning",
                _("Ce passage raconte le dossier de l’usager (une date, une décision).") + public,
                match.start(),
                match.end(),
            )
    if reply.counts.digits and "vous" in reply.lower:
        for start, end in dated_story(reply):
            if any(low < end and start < high for low, high in told):
                continue  # already told by file_story
            yield Finding(
                "personal-data",
                "warning",
                _("Ce passage raconte le dossier de l’usager (une date, une décision).") + public,
                start,
                end,
            )
