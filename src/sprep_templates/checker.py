"""The DITP guide's rules, applied to any reply: written by hand or drafted.

``check_reply(text)`` returns :class:`Finding` objects with a stable rule id,
a severity (``error`` breaks the guide, ``warning`` deserves a look), a
message for the agent (French by default, English with ``locale="en"``) and
the span of text concerned. Patterns and word lists are compiled and read
once, on first use; each reply is read once for all the rules (:mod:`.reading`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from typing import Literal

import attrs

from .anchored import PatternSet
from .exceptions import InvalidInputError
from .i18n import translator
from .inputs import Contact, Sentiment, Signature, _sentiment
from .jargon import JargonEntry, acronym_expansions, explained, known_acronyms, lexicon
from .lexicons import jargon, read_list
from .limits import MAX_WORDS, MIN_WORDS
from .reading import (
    ACRONYM,
    EMAIL,
    READING_PATTERNS,
    READING_PREFIXES,
    Reading,
    reading_ease,
)
from .screening import pseudonym_problem
from .text import apply_typography, count_words, fold

__all__ = [
    "MAX_WORDS",
    "MIN_WORDS",
    "READING_EASE_FLOOR",
    "RULES",
    "Finding",
    "check_fragments",
    "check_reply",
    "reading_ease",
]

Severity = Literal["error", "warning"]

#: The guide: "au moins 60 mots", "ne pas excéder 150 mots", greeting and signature included.

#: The rule ids, in the order findings are reported.
RULES = (
    "word-count",
    "greeting",
    "paragraphs",
    "steps",
    "jargon",
    "generic",
    "personal-data",
    "contact",
    "signature",
    "tone",
)


@attrs.frozen
class Finding:
    """One thing a reply does against the guide.

    ``start``/``end`` delimit the text concerned (``text[start:end]``), or are
    None when the finding is about the whole reply.
    """

    rule: str
    severity: Severity
    message: str
    start: int | None = None
    end: int | None = None

    def position(self, text: str) -> tuple[int, int]:
        """Line and column (both from 1) of ``start`` in ``text``; (1, 1) without a span."""
        if self.start is None:
            return (1, 1)
        line = text.count("\n", 0, self.start) + 1
        column = self.start - (text.rfind("\n", 0, self.start) + 1) + 1
        return (line, column)


_ = str  # marks messages for extraction; each check translates with its own `_`


# --- patterns ------------------------------------------------------------------
# Word patterns are written in lower case and searched in the lower-cased text:
# Python's regex engine is several times faster without IGNORECASE, and they are
# searched together (see _lexicon()).

_GREETING = re.compile(r"\s*(bonjour|bonsoir|madame|monsieur|cher|chère|chers|chères)\b", re.I)
_GREETING_WITH_NAME = re.compile(
    r"\s*(?:bonjour|bonsoir|madame|monsieur|cher|chère|chers|chères)\b[^,\n.!]{0,60}[,.!]?", re.I
)
_CLOSINGS = re.compile(
    r"^(bien )?(cordialement|à vous)|^bien à vous|^bonne (journée|soirée|continuation)"
    r"|^(avec )?(nos|mes|toutes nos|tous nos) (salutations|remerciements)|^salutations"
    r"|^respectueusement|^sincèrement|^très cordialement|^belle journée|^merci encore"
    r"|^(je vous prie|nous vous prions|veuillez agréer)",
    re.I,
)
_SIGNER = re.compile(r"^[^\W\d_][\w’'\- .]{0,60}, pour \S.{0,150}$")
_NON_DIGIT = re.compile(r"\D")
_MOBILE = re.compile(r"0[67]\d{8}|33[67]\d{8}")
_POSTAL_CODE_OR_YEAR = re.compile(r"\d{5}|(?:19|20)\d{2}")
_AMOUNT = re.compile(r"\d[ .]\d{3}\b")  # 10 000, 1.500
_GROUPED_BY_TWO = re.compile(r"\d{2}[ .]\d{2}[ .]\d{2}")  # 01 23 45 67 89

# Context that makes a number a phone number: only then is its format checked.
_PHONE_CONTEXT = re.compile(
    r"(t[ée]l[ée]phon\w*|t[ée]l\.?|appel\w*|composer|num[ée]ro|joindre|joignable|standard|"
    r"contactez|plateforme t[ée]l[ée]phonique|au)\W{0,3}[^\n\d]{0,25}$",
    re.I,
)
_SHOUTED = frozenset(
    "OU ET ICI NON OUI PAS FAIRE TOUT TOUS TRES TRÈS LE LA LES DE DES UN UNE EST SONT "
    "MAIS DONC CAR NI SI BIEN MAL ENCORE JAMAIS RIEN URGENT ATTENTION IMPORTANT NB PS".split()
)
_ROMAN = re.compile(r"[IVXLC]+")
_FIRST_PERSON = re.compile(r"\b(?:je|nous|notre|nos|me|moi)\b|\b[jm][’']")
_COLD = re.compile(
    r"\b(nous ne pouvons pas|impossible|en aucun cas|il vous appartient|vous devez|"
    r"veuillez|nous vous rappelons que|comme (?:déjà )?indiqué|conformément à|"
    r"malheureusement|à défaut|sous peine)\b"
)
_GENERIC = re.compile(
    r"déploiement progressif|pas encore en mesure de vous (?:apporter une réponse|répondre)"
    r"|n[’']est pas encore en mesure de (?:vous )?répondre"
    r"|ne (?:sommes|sera|serons) pas (?:encore )?en mesure de "
    r"vous apporter une réponse personnalisée"
)
_NIR = re.compile(
    r"\b[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ "
    r".]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?\b"
)
_IBAN = re.compile(r"\bFR\d{2}(?:[ ]?[0-9A-Z]{4}){5}[ ]?[0-9A-Z]{3}\b", re.I)
_FILE_NUMBER = re.compile(
    r"\b(?:n°|numéro|no\.?|num\.?|référence|réf\.?)\s*(?:d[’']|de\s+)?(?:allocataire|dossier|"
    r"sécurité sociale|fiscal|client|demande|assuré)?\s*:?\s*[a-z]{0,3}\d[\d\s]{5,}\d"
)
_BIRTH = re.compile(
    r"\b(?:né|née|naissance)\b[^.\n]{0,20}?\b\d{1,2}[/.\- ](?:\d{1,2}|[a-zéû]+)[/.\- ]\d{2,4}\b"
)
_FORM_NUMBER = re.compile(r"\b(?:cerfa|formulaire)\s*(?:n°\s*)?\d{4,6}(?:\*\d{2})?\b")

_STEP_PATTERNS = {
    "thanks": (r"\bmerci\b|\bremerci|pris en compte|bien reçu|avons reçu|prenons (?:bonne )?note"),
    "acknowledgement": (
        r"regrett|désolé|navré|excus|comprenons|compréhen|heureu|ravi|content|plaisir|"
        r"satisf|insatisf|déçu|déception|mécontent|difficultés que vous|attente|témoigne|"
        r"lu avec attention|avez vécu|ce que vous nous d|chaque avis|point de vue|"
        r"ne s[’']est pas passé|remarques"
    ),
    "orientation": (
        r"je vous invite|vous pouvez|vous pourrez|n[’']hésitez pas|contactez|contacter|joindre|"
        r"rendez-vous|vous adresser|rapprocher|consulter|conseiller|à votre disposition|"
        r"il vous suffit|vous rendre|rendez-vous sur|point numérique|en ligne sur|"
        r"doivent être|nous vous informons|sachez que|vous trouverez|à votre écoute|"
        r"revenir vers nous|toute (?:autre )?question|vous répond"
    ),
    "improvement": (
        r"amélior|progress|mobilis|mettent tout en œuvre|mieux|enseignement|leçon|"
        r"transmis|transmettons|partageons|s[’']engag|engagement|efforts|travaill|"
        r"répondre à vos attentes|faire encore mieux|poursuiv|encourag|aller plus loin"
    ),
}


def _word_start_union(patterns: dict[str, str]) -> re.Pattern[str]:
    """One pattern for several: each alternative starts a word; the group name
    tells which matched."""
    branches = "|".join(f"(?P<{name}>{source})" for name, source in patterns.items())
    return re.compile(rf"\b(?:{branches})")


_STEP_NAMES = ("greeting", "thanks", "acknowledgement", "orientation", "improvement", "signature")
_STEPS_UNION = _word_start_union(_STEP_PATTERNS)


@cache
def _lexicon() -> PatternSet:
    """The patterns found with one pass over a reply (see :mod:`.anchored`): those
    every reply is searched for. Patterns whose prefixes are short and frequent
    ("je", "no") and that are needed rarely or only once are searched alone."""
    combined_jargon, _entries = jargon()
    return PatternSet(
        {
            "steps": _STEPS_UNION,
            "jargon": combined_jargon,
            "form-number": _FORM_NUMBER,
            "cold": _COLD,
            "birth": _BIRTH,
            "generic": _GENERIC,
            **READING_PATTERNS,
        },
        prefixes=READING_PREFIXES,
    )


# --- data ----------------------------------------------------------------------


@cache
def _official_domains() -> frozenset[str]:
    return frozenset(domain.lower().lstrip(".") for domain in read_list("official-domains.txt"))


@cache
def _personal_email_domains() -> frozenset[str]:
    return frozenset(read_list("personal-email-domains.txt"))


# --- helpers -------------------------------------------------------------------


def _host(url: str) -> str:
    """The host name of ``url`` (with or without its scheme)."""
    if url[:8].lower().startswith(("http://", "https://")):
        url = url[url.index("://") + 3 :]
    return url.split("/")[0].split(":")[0]


@lru_cache(maxsize=4096)
def _host_is_official(host: str, extra: tuple[str, ...]) -> bool:
    """Whether ``host`` is one of the official domains or ``extra``, or under one."""
    labels = host.lower().rstrip(".").split(".")
    suffixes = {".".join(labels[index:]) for index in range(len(labels))}
    domains = {domain.lower().lstrip(".") for domain in extra}
    return not suffixes.isdisjoint(_official_domains()) or not suffixes.isdisjoint(domains)


def _french_phone(digits: str, raw: str) -> bool:
    if raw.startswith("+"):
        return (raw.startswith("+33") and len(digits) == 11) or not raw.startswith("+33")
    if raw.startswith("00"):
        return True
    return (len(digits) == 10 and digits[0] == "0" and digits[1] != "0") or (
        len(digits) == 4 and digits[0] in "13"
    )


#: Below this Kandel–Moles score the `tone` rule warns. The score counts syllables
#: by vowel groups, an approximation a few points below hyphenation-based tools
#: (textstat): 50 here is about 54 there; the guide’s jargon example scores 41.
READING_EASE_FLOOR = 50


# --- the rules -----------------------------------------------------------------

Gettext = Callable[[str], str]


def _word_count(reply: Reading, signature: Signature | None, _: Gettext) -> Iterable[Finding]:
    words = reply.counts.guide_words
    note = ""
    if reply.closing_added and signature is not None:
        words += count_words((signature.closing or "Cordialement,") + " " + signature.line)
        note = _(" (formule de politesse et signature ajoutées par la plateforme comprises)")
    if words < MIN_WORDS:
        yield Finding(
            "word-count",
            "error",
            _("La réponse compte {words} mots{note} : il en faut au moins {minimum}.").format(
                words=words, note=note, minimum=MIN_WORDS
            ),
        )
    elif words > MAX_WORDS:
        yield Finding(
            "word-count",
            "error",
            _(
                "La réponse compte {words} mots{note} : le guide conseille {maximum} au plus."
            ).format(words=words, note=note, maximum=MAX_WORDS),
        )


def _greeting(reply: Reading, pseudonym: str | None, _: Gettext) -> Iterable[Finding]:
    if not reply.paragraphs:
        return
    start, end = reply.paragraphs[0]
    first = reply.text[start:end]
    match = _GREETING.match(first)
    if match is None:
        yield Finding(
            "greeting",
            "error",
            _(
                "La réponse doit commencer par une formule de "
                "politesse : « Bonjour » suivi du pseudo."
            ),
            start,
            min(end, start + 30),
        )
        return
    if pseudonym is None or not pseudonym.strip():
        return
    usable = pseudonym_problem(pseudonym) is None
    uses_it = fold(pseudonym.strip()) in fold(first[: match.end() + len(pseudonym) + 20])
    if usable and not uses_it:
        yield Finding(
            "greeting",
            "error",
            _("Saluez l’usager par son pseudo : « Bonjour {pseudonym}, ».").format(
                pseudonym=pseudonym.strip()
            ),
            start,
            end,
        )
    elif not usable and uses_it:
        yield Finding(
            "greeting",
            "error",
            _("Ce pseudo ne convient pas dans une réponse : écrivez simplement « Bonjour, »."),
            start,
            end,
        )


def _paragraph_rule(reply: Reading, _: Gettext) -> Iterable[Finding]:
    for (start, end), sentences in zip(reply.paragraphs, reply.sentence_counts, strict=True):
        words = count_words(reply.text[start:end]) if end - start > 280 else 0
        if sentences > 4 or words > 70:
            yield Finding(
                "paragraphs",
                "error",
                _(
                    "Ce paragraphe compte {sentences} phrases et {words} mots : une idée par "
                    "paragraphe, séparez les idées par un retour à la ligne."
                ).format(sentences=sentences, words=words),
                start,
                end,
            )


def _step_name(step: str, _: Gettext) -> str:
    names = {
        "thanks": _("remerciement (« Nous avons bien pris en compte votre message »)"),
        "acknowledgement": _("prise en compte du ressenti (regret ou joie)"),
        "orientation": _("orientation (une première réponse ou le bon canal de contact)"),
        "improvement": _("amélioration continue ou action concrète"),
    }
    return names[step]


def _step_sentences(reply: Reading) -> dict[str, list[int]]:
    """For each step found in the body of the reply (after the greeting, before the
    closing lines), the sorted indices of the sentences that carry it."""
    greeting = _GREETING_WITH_NAME.match(reply.text)
    body_start = greeting.end() if greeting else 0
    sentences = reply.sentences
    first = 0
    while first < len(sentences) and sentences[first][1] <= body_start:
        first += 1
    last = len(sentences)
    if not reply.closing_added and last - first >= 2:
        last -= 2  # the closing formula and the signature
    if first >= last:
        return {}
    starts = [start for start, _end in sentences[first:last]]
    starts[0] = max(starts[0], body_start)
    low, high = starts[0], sentences[last - 1][1]
    found: dict[str, list[int]] = {}
    for match in reply.candidates.finditer("steps", _STEPS_UNION, reply.lower, low, high):
        index = bisect_right(starts, match.start()) - 1
        indices = found.setdefault(match.lastgroup or "", [])
        if not indices or indices[-1] != index:  # matches come in order
            indices.append(index)
    # Contact data is orientation too. Neither a URL nor a phone number holds the
    # end of a sentence, so those of the body are those of the whole reply inside it.
    contact_data = [
        bisect_right(starts, match.start()) - 1
        for match in (*reply.urls, *reply.find("phone"))
        if low <= match.start() and match.end() <= high
    ]
    if "@" in reply.text:
        contact_data += [
            bisect_right(starts, match.start()) - 1
            for match in EMAIL.finditer(reply.text, low, high)
        ]
    if contact_data:
        found["orientation"] = sorted({*found.get("orientation", ()), *contact_data})
    return found


def _steps(reply: Reading, sentiment: Sentiment | None, _: Gettext) -> Iterable[Finding]:
    found = _step_sentences(reply)
    for step in _STEP_NAMES[1:-1]:
        if step in found:
            continue
        if step == "orientation" and sentiment == "positive":
            continue  # the guide: orientation only "si nécessaire" for a satisfied user
        severity: Severity = "error" if step == "orientation" else "warning"
        yield Finding(
            "steps", severity, _("Étape manquante : {step}.").format(step=_step_name(step, _))
        )
    # In order: each step found at or after the sentence where the previous one was.
    position = 0
    for step in _STEP_NAMES[1:-1]:
        indices = found.get(step)
        if indices is None:
            continue
        later = bisect_left(indices, position)
        if later == len(indices):
            yield Finding(
                "steps",
                "warning",
                _(
                    "Les étapes ne suivent pas l’ordre du guide (salutation, remerciement, "
                    "ressenti, orientation, amélioration, signature) : {step} vient trop tôt."
                ).format(step=_step_name(step, _)),
            )
            break
        position = indices[later]


def _jargon_message(term: str, entry: JargonEntry, _: Gettext) -> str:
    plain = entry.plain
    quoted = plain if plain.startswith("(") else f"«\u00a0{plain}\u00a0»"
    if entry.category == "legal":
        advice = plain.strip("()")
        return _("« {term} » est un terme juridique. {advice}.").format(
            term=term, advice=advice[:1].upper() + advice[1:]
        )
    if entry.category == "register":
        return _("« {term} » est une tournure administrative : écrivez plutôt {plain}.").format(
            term=term, plain=quoted
        )
    return _("« {term} » est du jargon administratif : écrivez plutôt {plain}.").format(
        term=term, plain=quoted
    )


def _jargon_rule(reply: Reading, pseudonym: str | None, _: Gettext) -> Iterable[Finding]:
    found = lexicon()
    masked = reply.masked
    for match in reply.find("jargon"):
        term = reply.text[match.start() : match.end()]
        entry = found.entry_for(match)
        yield Finding(
            "jargon",
            entry.severity,
            _jargon_message(term, entry, _),
            match.start(),
            match.end(),
        )
    for match in reply.find("form-number"):
        yield Finding(
            "jargon",
            "error",
            _(
                "« {term} » : un numéro de formulaire ne parle pas à l’usager. Donnez le nom "
                "du formulaire et le lien pour le trouver."
            ).format(term=match.group()),
            match.start(),
            match.end(),
        )
    if not reply.counts.acronyms:
        return
    known = known_acronyms() | _SHOUTED | set(re.findall(r"\w+", pseudonym or ""))
    for match in ACRONYM.finditer(masked):
        word = match.group()
        if word in known or len(word) > 6 or _FORM_NUMBER.match(reply.lower, match.start()):
            continue
        if _ROMAN.fullmatch(word):
            continue  # "annexe II", "Louis XIV": a number, not an acronym
        neighbours = masked[max(0, match.start() - 12) : match.end() + 12]
        if len(re.findall(r"\b[A-ZÀ-Ý]{2,}\b", neighbours)) > 1:
            continue  # a shouted phrase or a name in capitals, not an acronym
        if re.fullmatch(r"[A-Z]+\d+", word) and word.startswith("CERFA"):
            continue
        after = masked[match.end() : match.end() + 3]
        before = masked[max(0, match.start() - 1) : match.start()]
        if after.lstrip().startswith("(") or before == "(":
            continue  # explained next to it: "CNI (carte nationale d’identité)"
        if explained(word, masked):
            continue  # spelt out elsewhere in the reply
        expansion = acronym_expansions().get(word)
        yield Finding(
            "jargon",
            "warning",
            _(
                "{term} : écrivez «\u00a0{expansion}\u00a0» la première fois, ou le sigle "
                "suivi de son nom entre parenthèses."
            ).format(term=word, expansion=expansion.expansion)
            if expansion
            else _(
                "Sigle « {term} » : écrivez-le en toutes lettres ou expliquez-le entre parenthèses."
            ).format(term=word),
            match.start(),
            match.end(),
        )


def _generic(reply: Reading, _: Gettext) -> Iterable[Finding]:
    for match in reply.find("generic"):
        yield Finding(
            "generic",
            "error",
            _(
                "Réponse générique : le guide demande une réponse personnalisée, qui tient "
                "compte de la situation de l’usager."
            ),
            match.start(),
            match.end(),
        )


def _personal_data(reply: Reading, contacts: Sequence[Contact], _: Gettext) -> Iterable[Finding]:
    text, masked = reply.text, reply.masked
    given_emails = {c.value.lower() for c in contacts if c.kind == "email"}
    digit_count = reply.counts.digits
    searches: list[tuple[Iterable[re.Match[str]], str]] = []
    if digit_count >= 13:  # a social security number has 13 digits, an IBAN 25
        searches += [
            (_NIR.finditer(masked), _("un numéro de sécurité sociale")),
            (_IBAN.finditer(masked), _("un IBAN")),
        ]
    if digit_count >= 6:
        if reply.has_long_number():
            searches.append(
                (_FILE_NUMBER.finditer(reply.lower), _("un numéro de dossier ou d’allocataire"))
            )
        searches.append((reply.find("birth"), _("une date de naissance")))
    for matches, what in searches:
        for match in matches:
            yield Finding(
                "personal-data",
                "error",
                _(
                    "La réponse contient {what} : elle est publique, elle ne doit pas "
                    "aborder les éléments du dossier de l’usager."
                ).format(what=what),
                match.start(),
                match.end(),
            )
    personal = _personal_email_domains()
    for match in EMAIL.finditer(text) if "@" in text else ():
        address = match.group().lower()
        if address in given_emails:
            continue
        if address.rsplit("@", 1)[1] in personal:
            yield Finding(
                "personal-data",
                "error",
                _(
                    "Adresse électronique personnelle : elle ne doit pas "
                    "figurer dans une réponse publique."
                ),
                match.start(),
                match.end(),
            )
    given_phones = {_NON_DIGIT.sub("", c.value) for c in contacts if c.kind == "phone"}
    for match in reply.find("phone") if digit_count >= 10 else ():
        number = _NON_DIGIT.sub("", match.group())
        if number in given_phones:
            continue
        if _MOBILE.fullmatch(number):
            yield Finding(
                "personal-data",
                "error",
                _(
                    "Numéro de portable : un numéro personnel ne doit pas "
                    "figurer dans une réponse publique."
                ),
                match.start(),
                match.end(),
            )


def _contact(
    reply: Reading, contacts: Sequence[Contact], official: Sequence[str], _: Gettext
) -> Iterable[Finding]:
    masked = reply.masked
    trusted = (*official, *(_host(c.value) for c in contacts if c.kind == "web"))
    for match in reply.urls:
        url = match.group()
        host = _host(url)
        if url.lower().startswith("http://"):
            yield Finding(
                "contact",
                "error",
                _("Lien non sécurisé « {url} » : donnez une adresse en https://.").format(url=url),
                match.start(),
                match.end(),
            )
        elif not _host_is_official(host, trusted):
            yield Finding(
                "contact",
                "warning",
                _(
                    "Lien vers « {host} », qui n’est pas un domaine officiel connu : vérifiez "
                    "qu’il s’agit bien d’un site de l’administration."
                ).format(host=host),
                match.start(),
                match.end(),
            )
    given_phones = {_NON_DIGIT.sub("", c.value) for c in contacts if c.kind == "phone"}
    for match in reply.find("phone"):
        raw = match.group()
        digits = _NON_DIGIT.sub("", raw)
        if digits in given_phones or len(digits) < 4 or _french_phone(digits, raw.strip()):
            continue
        if not _PHONE_CONTEXT.search(masked[max(0, match.start() - 40) : match.start()]):
            continue  # a number, but nothing says it is a phone number
        if _POSTAL_CODE_OR_YEAR.fullmatch(digits):
            continue
        if _AMOUNT.search(raw) and not _GROUPED_BY_TWO.search(raw):
            continue  # an amount or a count: 10 000, 1.500
        yield Finding(
            "contact",
            "error",
            _(
                "« {number} » ne ressemble pas à un numéro de téléphone français valide "
                "(10 chiffres commençant par 0, ou un numéro court à 4 chiffres)."
            ).format(number=raw.strip()),
            match.start(),
            match.end(),
        )


def _signature_rule(reply: Reading, signature: Signature | None, _: Gettext) -> Iterable[Finding]:
    if reply.closing_added or len(reply.paragraphs) < 2:
        if not reply.closing_added:
            yield Finding(
                "signature",
                "error",
                _(
                    "La réponse doit finir par une formule de "
                    "politesse et « Prénom, pour Organisme »."
                ),
            )
        return
    (closing_start, closing_end), (signer_start, signer_end) = reply.paragraphs[-2:]
    closing = reply.text[closing_start:closing_end].strip()
    signer = reply.text[signer_start:signer_end].strip()
    if not _SIGNER.match(signer):
        yield Finding(
            "signature",
            "error",
            _("Signez par votre prénom suivi de votre organisme : « Jean, pour la Caf de Paris »."),
            signer_start,
            signer_end,
        )
    elif signature is not None and signer != signature.line:
        yield Finding(
            "signature",
            "error",
            _("La signature devrait être « {expected} ».").format(expected=signature.line),
            signer_start,
            signer_end,
        )
    if not _CLOSINGS.match(closing):
        yield Finding(
            "signature",
            "error",
            _("Avant la signature, ajoutez une formule de politesse : « Cordialement, »."),
            closing_start,
            closing_end,
        )


def _tone(reply: Reading, _: Gettext) -> Iterable[Finding]:
    text = reply.text
    if not _FIRST_PERSON.search(reply.lower):
        yield Finding(
            "tone",
            "warning",
            _("Écrivez à la première personne (« je », « nous ») : la réponse sera plus proche."),
        )
    for match in reply.find("cold"):
        yield Finding(
            "tone",
            "warning",
            _("« {phrase} » sonne froid ou négatif : préférez une tournure positive.").format(
                phrase=match.group()
            ),
            match.start(),
            match.end(),
        )
    # 30 words take more than 120 characters
    for start, end in [(s, e) for s, e in reply.sentences if e - s >= 120]:
        words = count_words(text[start:end])
        if words > 30:
            yield Finding(
                "tone",
                "warning",
                _("Phrase de {words} mots : coupez-la en phrases plus courtes.").format(
                    words=words
                ),
                start,
                end,
            )
    ease = reply.counts.reading_ease()
    if ease < READING_EASE_FLOOR:
        yield Finding(
            "tone",
            "warning",
            _(
                "Texte difficile à lire (score de lisibilité {score:.0f} sur 100) "
                ": des mots et des phrases plus courts aideront."
            ).format(score=ease),
        )


def check_fragments(
    text: str,
    fragments: Sequence[str],
    *,
    contacts: Iterable[Contact] = (),
    official_domains: Iterable[str] = (),
    locale: str = "fr",
) -> list[Finding]:
    """The rules about wording and data (jargon, generic, personal-data, contact, tone)
    applied to ``fragments`` of ``text`` only: the sentences an agent wrote into a
    drafted reply. Spans point into ``text``.
    """
    _ = translator(locale)
    known_contacts = tuple(contacts)
    findings: list[Finding] = []
    for fragment in fragments:
        typeset = apply_typography(fragment)
        offset = text.find(typeset)
        if offset < 0:  # typeset differently in context: check the whole reply's wording
            offset, typeset = 0, text
        part = Reading(typeset, True, _lexicon())
        found: list[Finding] = []
        found += _jargon_rule(part, None, _)
        found += _generic(part, _)
        found += _personal_data(part, known_contacts, _)
        found += _contact(part, known_contacts, tuple(official_domains), _)
        found += [f for f in _tone(part, _) if f.start is not None]  # phrases, not the whole
        findings += [
            attrs.evolve(f, start=f.start + offset, end=(f.end or 0) + offset)
            if f.start is not None
            else f
            for f in found
        ]
    return findings


def check_reply(
    text: str,
    *,
    pseudonym: str | None = None,
    signature: Signature | None = None,
    contacts: Iterable[Contact] = (),
    sentiment: str | None = None,
    closing_added: bool = False,
    official_domains: Iterable[str] = (),
    locale: str = "fr",
) -> list[Finding]:
    """Check ``text`` against the guide's rules; findings in rule order, then by position.

    ``pseudonym``, ``signature`` and ``contacts`` make the checks exact (the
    pseudonym to greet, the expected signer, contact data known to be right).
    ``sentiment`` (``positive``/…/``Négatif``) relaxes the orientation step for a
    satisfied user, as the guide does. ``closing_added=True`` is for text whose
    politeness formula and signature the platform adds (its reply form takes
    them from the agent's settings): the ``signature`` rule is skipped, and the
    60–150 words count them in when ``signature`` is given. ``official_domains``
    extends the domains a reply may link to. ``locale``: ``fr`` or ``en``.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"check_reply needs the reply as a str (got {type(text).__name__})")
    _ = translator(locale)
    reply = Reading(text, closing_added, _lexicon())
    known_contacts = tuple(contacts)
    mood = _sentiment(sentiment) if sentiment is not None else None
    findings: list[Finding] = []
    findings += _word_count(reply, signature, _)
    findings += _greeting(reply, pseudonym, _)
    findings += _paragraph_rule(reply, _)
    findings += _steps(reply, mood, _)
    findings += _jargon_rule(reply, pseudonym, _)
    findings += _generic(reply, _)
    findings += _personal_data(reply, known_contacts, _)
    findings += _contact(reply, known_contacts, tuple(official_domains), _)
    findings += _signature_rule(reply, signature, _)
    findings += _tone(reply, _)
    return findings
