"""The guide's ten rules, one function each; :mod:`._registry` lists them in order.

Messages are marked with ``_()`` for Babel (see the README's Development section):
each rule translates them with the ``_`` it is given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from ..experience import pseudonym_problem
from ..inputs import Contact, Sentiment, Signature
from ..lexicons import (
    JargonEntry,
    acronym_expansions,
    explained,
    known_acronyms,
)
from ..limits import MAX_WORDS, MIN_WORDS
from ..patterns import EMAIL, french_number, is_abroad
from ..steps import STEPS
from ..text import count_words, fold
from ._addresses import postal_spans
from ._context import bracket_definitions, inside, quoted_spans, shouted
from ._cues import (
    ACRONYM_SCAN,
    AMOUNT,
    CLOSINGS,
    CODE,
    CODE_JOINT,
    COLD,
    FILE_NUMBER,
    FIRST_PERSON,
    FORM_NUMBER,
    GENERIC_CORE,
    GENERIC_NOT_YET,
    GREETING,
    GROUPED_BY_TWO,
    IBAN,
    MOBILE,
    NIR,
    NON_DIGIT,
    PHONE_CONTEXT,
    POSTAL_CODE_OR_YEAR,
    SHOUTED,
    SIGNER,
)
from ._data import official_domains, personal_email_domains
from ._finding import Finding, Severity
from ._hidden import invisible_findings, link_host
from ._jargon_lines import jargon_matches
from ._leaks import leak_findings
from ._line_search import line_flag, reply_flags
from ._reading import Reading, words_of
from ._step_sentences import step_sentences
from ._thin import thanks_only

__all__ = [
    "READING_EASE_FLOOR",
    "Gettext",
    "contact_rule",
    "generic_rule",
    "greeting_rule",
    "jargon_rule",
    "paragraphs_rule",
    "personal_data_rule",
    "signature_rule",
    "steps_rule",
    "tone_rule",
    "word_count_rule",
]

# --- helpers -------------------------------------------------------------------


@lru_cache(maxsize=4096)
@lru_cache(maxsize=1024)
def _host_is_official(host: str, extra: tuple[str, ...]) -> bool:
    """Whether ``host`` is one of the official domains or ``extra``, or under one
    (remembered: replies repeat their links and their signer's domains)."""
    labels = host.lower().rstrip(".").split(".")
    suffixes = {".".join(labels[index:]) for index in range(len(labels))}
    domains = {domain.lower().lstrip(".") for domain in extra}
    return not suffixes.isdisjoint(official_domains()) or not suffixes.isdisjoint(domains)


@lru_cache(maxsize=4096)
def _is_valid_phone(digits: str, raw: str) -> bool:
    """Whether ``raw`` (whose digits are ``digits``) is a French number, or one abroad
    (whose rules are not ours)."""
    return is_abroad(raw) or french_number(raw, digits=digits) is not None


#: Below this Kandel–Moles score the `tone` rule warns. The score counts syllables
#: by vowel groups, an approximation a few points below hyphenation-based tools
#: (textstat): 50 here is about 54 there; the guide’s jargon example scores 41.
READING_EASE_FLOOR = 50


# --- the rules -----------------------------------------------------------------
# Each rule takes the reply as read (:class:`..reading.Reading`), then the arguments
# of check_reply its registry entry names in ``needs`` (see :mod:`._registry`), then
# the translation function ``_``; it yields its findings in the order of the text.

Gettext = Callable[[str], str]


def word_count_rule(reply: Reading, signature: Signature | None, _: Gettext) -> Iterable[Finding]:
    """60 to 150 words, greeting and signature included (the platform's, when it adds them)."""
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


def _same_apostrophes(text: str) -> str:
    return text.replace("’", "'")


def greeting_rule(reply: Reading, pseudonym: str | None, _: Gettext) -> Iterable[Finding]:
    """Starts with “Bonjour”; greets by the pseudonym when it is fit, never when it is not."""
    if not reply.paragraphs:
        return
    start, end = reply.paragraphs[0]
    first = reply.text[start:end]
    match = GREETING.match(first)
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
    # Typography turns a pseudonym's ' into ’ in a drafted greeting: the same name.
    # A pseudonym of punctuation alone (",") cannot be told from the greeting's own.
    uses_it = any(c.isalnum() for c in pseudonym) and _same_apostrophes(
        fold(pseudonym.strip())
    ) in _same_apostrophes(fold(first[: match.end() + len(pseudonym) + 20]))
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


def paragraphs_rule(reply: Reading, _: Gettext) -> Iterable[Finding]:
    """One idea per paragraph: more than 4 sentences or 70 words is a wall of text.
    And no invisible character (see :func:`._hidden.invisible_findings`)."""
    yield from invisible_findings(reply, _)
    for (start, end), sentences in zip(reply.paragraphs, reply.sentence_counts, strict=True):
        words = words_of(reply.text[start:end]) if end - start > 280 else 0
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


def steps_rule(reply: Reading, sentiment: Sentiment | None, _: Gettext) -> Iterable[Finding]:
    """Thanks, acknowledgement, orientation and improvement found, in the guide's order."""
    found = step_sentences(reply)
    for step in STEPS[1:-1]:
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
    for step in STEPS[1:-1]:
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


_ROMAN = re.compile(r"[IVXLC]+")


def jargon_rule(reply: Reading, pseudonym: str | None, _: Gettext) -> Iterable[Finding]:
    """Administrative jargon and form numbers (errors), formal register and legal terms
    (warnings); acronyms neither known nor explained in the reply (warnings)."""
    masked = reply.masked
    quoted = quoted_spans(masked)
    # entry by entry at the lexicon's candidate starts, each line searched once: the
    # same matches as the combined pattern, without trying its 430 branches at each start
    for start, end, entry in jargon_matches(reply):
        if quoted and inside(quoted, start, end):
            continue  # a title or a rubric quoted as it is
        term = reply.text[start:end]
        yield Finding("jargon", entry.severity, _jargon_message(term, entry, _), start, end)
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
    known = (
        known_acronyms()
        | SHOUTED
        | set(re.findall(r"\w+", pseudonym or ""))
        | bracket_definitions(masked)
    )
    codes = [m.span() for m in case_codes(masked)] if reply.counts.digits >= 4 else []
    spelt: dict[str, bool] = {}
    postal: list[tuple[int, int]] | None = None
    for match in ACRONYM_SCAN.finditer(masked):
        word = match.group()
        if any(start <= match.start() < end for start, end in codes):
            continue  # part of a case-file number, found by the personal-data rule
        if word in known or len(word) > 6 or FORM_NUMBER.match(reply.lower, match.start()):
            continue
        if _ROMAN.fullmatch(word):
            continue  # "annexe II", "Louis XIV": a number, not an acronym
        if shouted(masked, match.start(), match.end(), known):
            continue  # a shouted phrase or a name in capitals, not an acronym
        if re.fullmatch(r"[A-Z]+\d+", word) and word.startswith("CERFA"):
            continue
        after = masked[match.end() : match.end() + 3]
        before = masked[max(0, match.start() - 1) : match.start()]
        alone_in_brackets = before == "(" and masked[match.end() : match.end() + 1] == ")"
        if after.lstrip().startswith("(") or alone_in_brackets:
            continue  # explained next to it: "CNI (carte nationale d’identité)"
        spelt_out = spelt.get(word)
        if spelt_out is None:  # once per acronym: each look reads the whole reply
            spelt_out = spelt[word] = explained(word, masked)
        if spelt_out:
            continue  # spelt out elsewhere in the reply
        if postal is None:  # found once, for the first acronym that gets this far
            postal = postal_spans(masked)
        if any(start <= match.start() < end for start, end in postal):
            continue  # a town, a country, a postal box of an address
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


def generic_rule(reply: Reading, _: Gettext) -> Iterable[Finding]:
    """The platform's waiting message ("this service cannot answer you yet") in any
    wording: cues of two families of :data:`._cues.GENERIC_FAMILIES`, one of them about
    answering or the platform (:data:`._cues.GENERIC_CORE`), in one sentence or two
    that follow each other. One finding per such passage, from its first cue to its last.
    """
    thin = thanks_only(reply) if reply.whole else None
    if thin is not None:
        yield Finding(
            "generic",
            "error",
            _(
                "Réponse générique : elle ne fait que remercier. Le guide demande une réponse "
                "personnalisée, qui tient compte de la situation de l’usager."
            ),
            *thin,
        )
        return
    matches = reply.find("generic")
    if not matches:
        return
    starts = [start for start, _end in reply.sentences]
    cues = []
    for match in matches:
        family = match.lastgroup or ""
        families = {family}
        if family != "not_yet" and GENERIC_NOT_YET.search(match.group()):
            families.add("not_yet")
        cues.append((bisect_right(starts, match.start()) - 1, families, match))
    first = 0
    while first < len(cues):
        sentence = cues[first][0]
        families = set(cues[first][1])
        last = first
        while last + 1 < len(cues) and cues[last + 1][0] <= sentence + 1:
            last += 1
            families |= cues[last][1]
        if len(families) < 2 or not families & GENERIC_CORE:
            first += 1
            continue
        yield Finding(
            "generic",
            "error",
            _(
                "Réponse générique : le guide demande une réponse personnalisée, qui tient "
                "compte de la situation de l’usager."
            ),
            cues[first][2].start(),
            cues[last][2].end(),
        )
        first = last + 1


def case_codes(text: str) -> list[re.Match[str]]:
    """Case-file numbers written without a label: codes of letters and digits in three
    groups or more, with four digits at least ("2023-AB-45678", not "SEINE-SAINT-DENIS")."""
    if ("-" not in text and "/" not in text) or not CODE_JOINT.search(text):
        return []
    return [
        match
        for match in CODE.finditer(text)
        if sum(c.isdigit() for c in match.group()) >= 4 and any(c.isalpha() for c in match.group())
    ]


def personal_data_rule(
    reply: Reading, contacts: Sequence[Contact], _: Gettext
) -> Iterable[Finding]:
    """Social security numbers, IBAN, file numbers, birth dates, personal e-mails and mobiles."""
    text, masked = reply.text, reply.masked
    given_emails = {c.value.lower() for c in contacts if c.kind == "email"}
    digit_count = reply.counts.digits
    searches: list[tuple[Iterable[re.Match[str]], str]] = []
    if digit_count >= 13:  # a social security number has 13 digits, an IBAN 25
        searches += [
            (NIR.finditer(masked), _("un numéro de sécurité sociale")),
            (IBAN.finditer(masked), _("un IBAN")),
        ]
    if digit_count >= 6:
        if reply.has_long_number():
            searches.append(
                (FILE_NUMBER.finditer(reply.lower), _("un numéro de dossier ou d’allocataire"))
            )
        searches.append((reply.find("birth"), _("une date de naissance")))
    if digit_count >= 4:
        searches.append((case_codes(masked), _("un numéro de dossier")))
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
    yield from leak_findings(reply, _)
    personal = personal_email_domains()
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
    given_phones = {NON_DIGIT.sub("", c.value) for c in contacts if c.kind == "phone"}
    for match in reply.find("phone") if digit_count >= 10 else ():
        number = NON_DIGIT.sub("", match.group())
        if number in given_phones:
            continue
        if MOBILE.fullmatch(number):
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


def contact_rule(
    reply: Reading, contacts: Sequence[Contact], official_domains: Sequence[str], _: Gettext
) -> Iterable[Finding]:
    """Links: https (error), on an official domain (warning); phone numbers: valid French
    numbers (error), where the words before a number say it is one."""
    masked = reply.masked
    trusted = (*official_domains, *(link_host(c.value) for c in contacts if c.kind == "web"))
    for match in reply.urls:
        url = match.group()
        host = link_host(url)
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
    given_phones = {NON_DIGIT.sub("", c.value) for c in contacts if c.kind == "phone"}
    for match in reply.find("phone"):
        raw = match.group()
        digits = NON_DIGIT.sub("", raw)
        if digits in given_phones or len(digits) < 4 or _is_valid_phone(digits, raw.strip()):
            continue
        if not PHONE_CONTEXT.search(masked[max(0, match.start() - 40) : match.start()]):
            continue  # a number, but nothing says it is a phone number
        if POSTAL_CODE_OR_YEAR.fullmatch(digits):
            continue
        if AMOUNT.search(raw) and not GROUPED_BY_TWO.search(raw):
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


def signature_rule(reply: Reading, signature: Signature | None, _: Gettext) -> Iterable[Finding]:
    """A politeness formula, then “Prénom, pour Organisme” (the given signature's, if any)."""
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
    if not SIGNER.match(signer):
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
    if not CLOSINGS.match(closing):
        yield Finding(
            "signature",
            "error",
            _("Avant la signature, ajoutez une formule de politesse : « Cordialement, »."),
            closing_start,
            closing_end,
        )


#: Whether a line holds a cold phrase (read once per line: most replies hold none).
_COLD_LINES = line_flag(COLD, lower=True)


def tone_rule(reply: Reading, _: Gettext) -> Iterable[Finding]:
    """First person, no cold phrases, sentences of 30 words at most, reading ease (warnings)."""
    text = reply.text
    if not FIRST_PERSON.search(reply.lower):
        yield Finding(
            "tone",
            "warning",
            _("Écrivez à la première personne (« je », « nous ») : la réponse sera plus proche."),
        )
    for match in reply.find("cold") if reply_flags(reply) & _COLD_LINES else ():
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
        words = words_of(text[start:end])
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
