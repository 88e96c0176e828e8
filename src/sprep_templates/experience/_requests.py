"""What the user asks an agent to answer or do, and what keeps them stuck.

A draft is ``ready`` only when an agent can send it as it is. It cannot when the
user asks a question (an answer is due), asks for an action ("merci de traiter mon
dossier", "je demande le remboursement"), or is blocked (a document about to expire,
an allowance suspended for months, months without an answer, a procedure that cannot
be completed, money taken without a word): the agent must give a first-level answer,
the next step or the contact who can act. A user who tells of being mocked,
humiliated or discriminated against by staff, or of a serious loss (a job, a home),
is read by a person first.

The words are ``data/requests.tsv`` (format in
:mod:`sprep_templates.lexicons._pattern_files`), read in the same automaton pass as
``said.tsv`` (``experience._said``); the asking sentences ("Pourquoi… ?", "Pouvez-vous…
?", a question in a P.S.) are read here too (:func:`explicit_question`). What is quoted
for the agent is one sentence of the user's, shortened, with numbers, e-mail addresses
and links left out (:func:`quote`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from ..lexicons import PatternFile, fold_keeping_length, read_packaged_patterns
from ..lexicons._pattern_files import EXCLUDE
from ..patterns import EMAIL, URL
from ._needs import NO_NEEDS, Needs, NeedSpans, concedes, find_needs

__all__ = [
    "NO_REQUESTS",
    "REQUEST_CATEGORIES",
    "Requests",
    "asking_clause",
    "awaits_an_answer_only",
    "explicit_question",
    "for_agent",
    "quote",
    "read_requests",
    "request_patterns",
]

REQUESTS_FILE = "requests.tsv"

REQUEST_CATEGORIES = (
    "staff",
    "staff-told",
    "harm",
    "question",
    "request",
    "awaits",
    "blocked",
    "complaint-strong",
    "complaint",
)

#: Each reason a person must read the experience first, as an agent reads it (French,
#: as the sensitive list's reasons).
REVIEW_LABELS = {
    "staff": "discrimination ou comportement d’un agent mis en cause",
    "harm": "préjudice grave",
}

#: A quote for the agent is at most this many characters.
MAX_QUOTE = 160


class Requests(NamedTuple):
    """What :func:`read_requests` found: each a sentence of the user's, quoted (see
    :func:`quote`), or None."""

    #: A question the asking words of ``requests.tsv`` find (``_said`` finds others).
    question: str | None
    #: An action the user asks for, else an answer they await ("dans l'attente de
    #: votre réponse").
    request: str | None
    #: What keeps the user stuck.
    blocked: str | None
    #: The sentence that carries the complaint most strongly (for a note).
    complaint: str | None
    #: Why a person must read the experience first (staff behaviour, serious harm).
    review: tuple[str, ...]
    #: Whether ``complaint`` is the title, quoted for want of a complaint in the words.
    complaint_is_title: bool = False
    #: What the user still needs, their main point, a reservation or a suggestion
    #: (``experience._needs``).
    needs: Needs = NO_NEEDS


NO_REQUESTS = Requests(None, None, None, None, ())


@cache
def request_patterns() -> PatternFile:
    """The patterns of ``data/requests.tsv``."""
    return read_packaged_patterns(REQUESTS_FILE, REQUEST_CATEGORIES)


def awaits_an_answer_only(sentence: str) -> bool:
    """Whether ``sentence`` (a request quoted for the agent) only awaits an answer
    ("Merci d'avance pour votre réponse rapide.", ``awaits`` in ``requests.tsv``) and
    asks for no action: beside the user's own question it is a side remark, and the
    question is what the note quotes."""
    patterns = request_patterns()
    found = patterns.finditer(fold_keeping_length(sentence))
    kinds = {patterns.entries[index].category for index, _start, _end in found}
    return "awaits" in kinds and "request" not in kinds


_SENTENCE_END = re.compile(r"[.!?\n]+")
_SPACES = re.compile(r"\s+")
#: Five digits or more, spaces, dots, dashes or " / " between them: a file, account or
#: phone number (a year, a day, a date, an amount of a few digits stay).
_LONG_NUMBER = re.compile(r"\d(?:(?:[ .\u00a0\u202f-]| / )?\d){4,}")
#: What a quote for the agent leaves out: the user's contact details and file numbers.
_PERSONAL = (EMAIL, URL, _LONG_NUMBER)
#: Half of a surrogate pair (a JSON line may hold one escaped): no character, and no
#: UTF-8 output can write it.
_SURROGATE = re.compile("[\ud800-\udfff]")


def for_agent(text: str) -> str:
    """``text`` with what a note for the agent must not carry replaced by "…": e-mail
    addresses, links, phone numbers and numbers of five digits or more (a NIR, an IBAN,
    a file number); a lone surrogate becomes U+FFFD."""
    for pattern in _PERSONAL:
        text = pattern.sub("…", text)
    return _SURROGATE.sub("\ufffd", text)


#: A full stop after another (not an ellipsis).
_DOUBLE_STOP = re.compile(r"(?<!\.)([.!?])\.(?!\.)")


def quote(text: str) -> str:
    """``text`` as a note quotes it: one line, at most :data:`MAX_QUOTE` characters cut
    at a word, personal data left out (:func:`for_agent`)."""
    quoted = _SPACES.sub(" ", for_agent(text)).strip(" ,;:-").lstrip("»” ").rstrip("«“ ")
    # The title ends with its own full stop and the one the reader adds: one is enough.
    quoted = _DOUBLE_STOP.sub(r"\1", quoted)
    if len(quoted) > MAX_QUOTE:
        quoted = quoted[: MAX_QUOTE - 1].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
    return quoted


#: A sentence of this many words or fewer ("Merci de m'informer.") is quoted with the
#: one before it, which says what it is about.
SHORT_SENTENCE = 4


def _sentence(text: str, ends: list[int], position: int) -> str:
    """The sentence of ``text`` that holds ``position`` (``ends``: where sentences
    end), with the one before when it is short (:data:`SHORT_SENTENCE`)."""
    index = bisect_right(ends, position)
    start = ends[index - 1] if index else 0
    end = ends[index] if index < len(ends) else len(text)
    if index and len(text[start:end].split()) <= SHORT_SENTENCE:
        start = ends[index - 2] if index > 1 else 0
    return text[start:end]


#: A sentence that ends with a question mark (and no exclamation mark) and starts
#: with one of these words asks something explicitly ("Pourquoi…?", "Comment…?",
#: "Pouvez-vous…?"), on the folded text; a "Bonjour," or a "P.S." may come first.
#: "Pourquoi ne pas…" is a suggestion, "Pourquoi pas ?" an agreement; "pourquoi faire
#: simple…", "comment vous dire ?", "comment voulez-vous que…?", "comment ne pas être
#: satisfait ?" are figures. Anchored at the sentence's start: linear.
#: After "comment": praise, no question ("comment ne pas perdre mes droits ?" asks).
_PRAISE = (
    r" ne pas (?:[eé]tre |rester )?(?:satisfaite?s?|contente?s?|ravie?s?|conquise?s?"
    r"|s[eé]duite?s?|heureu(?:x|se)s?|recommander)"
)
#: After "comment": a rhetorical question, indignation that expects no answer
#: ("comment peut-on accepter ça ?", "comment pouvez-vous traiter les gens ainsi ?");
#: "comment peut-on suivre son dossier ?" asks.
RHETORICAL = (
    r" (?:peut-on|peut on|pouvez-vous|pouvez vous|peuvent-ils|peuvent-elles|ose-t-on"
    r"|osez-vous|a-t-on pu|avez-vous pu|ont-ils pu|peut-on encore|pouvez-vous encore)"
    r" (?:accepter|tol[eé]rer|admettre|laisser|traiter|oser|justifier|imaginer|croire"
    r"|se permettre|continuer|ignorer|abandonner|m[eé]priser|infliger|supporter|cautionner)"
)

#: After "quel", "quelle": an outcry, no question ("Quelle honte, quel mépris… ?").
_OUTCRY = (
    r"(?! (?:honte|m[eé]pris|scandale|g[aâ]chis|tristesse|bazar|pagaille|cirque|blague"
    r"|horreur|mis[eè]re|gal[eè]re|cauchemar|folie|incomp[eé]tence|dommage|d[eé]sastre"
    r"|catastrophe|mascarade|manque de respect|amateurisme)\b)"
)
#: After "qui peut": reproof, no question ("Qui peut accepter un tel service ?").
_REPROVING = r" (?:accepter|tol[eé]rer|admettre|supporter|cautionner|comprendre|croire|justifier)\b"

_ASKING_START = re.compile(
    r"\s*(?:(?:bonjour|madame|monsieur|p\.? ?s\.?|ps)\s?[,:]?\s*)?"
    r"(?:(?:et|mais|alors|donc|bref|enfin|du coup),? )?"
    r"(?:pourquoi(?! ne | pas\s*(?:[?!.,;:]|$)| faire simple| faire compliqu)"
    rf"|comment(?! (?:vous )?dire|{_PRAISE}| expliquer (?:cela|ca)| est-ce possible"
    r"| est-il possible"
    rf"| (?:voulez|pouvez)-vous que|{RHETORICAL})"
    r"|pouvez[- ]vous|pourriez[- ]vous"
    rf"|quand|combien|(?:quel|quels|quelle|quelles){_OUTCRY}|est-ce qu|est-il|est-elle|faut-il"
    r"|dois-je|dois je|puis-je|puis je|peut-on|pourrais-je|devrais-je|y a-t-il|[aà] qui"
    r"|o[uù] (?:est|sont|se trouve|se trouvent|trouver|puis|dois|peut|faut|en est|en sont"
    r"|envoyer|aller|s'adresser|avez-vous|etes-vous|êtes-vous)"
    rf"|qui (?:peut|doit)(?!{_REPROVING})|que (?:dois|faut|doit|puis))"
    r"(?![\w])",
    re.IGNORECASE,
)

#: The last clause of a sentence that ends with "?" (after a comma, colon or
#: semicolon) asks explicitly when it starts with one of these words. A "pourquoi"
#: there is most often indignation ("…, pourquoi en rajouter ?"): only "why can't
#: I", "why has my file…" count. "comment aurais-je pu…" is indignation too.
_CLAUSE_ASKING = re.compile(
    r"\s*(?:(?:et|mais|alors|donc),? )?"
    r"(?:pourquoi (?:je ne|ne (?:puis|peux|peut|pouvons)|on ne|est-ce que je|mon|ma|mes|notre|nos)"
    rf"|comment(?! (?:vous )?dire|{_PRAISE}| aurai| est-ce possible| est-il possible"
    rf"| (?:voulez|pouvez)-vous que|{RHETORICAL})"
    r"|pouvez[- ]vous|pourriez[- ]vous|quand|combien"
    rf"|(?:quel|quels|quelle|quelles){_OUTCRY}"
    rf"|est-ce qu|faut-il|dois-je|puis-je|peut-on|[aà] qui|qui (?:peut|doit)(?!{_REPROVING}))"
    r"(?![\w])",
    re.IGNORECASE,
)


#: A verb and its subject inverted ("Le service est-il fermé ?", "reste-t-il"), in a
#: sentence that ends with "?", asks (folded text); "Où va-t-on !" ends otherwise.
_INVERTED = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on|je|nous|ce)(?![\w-])", re.IGNORECASE)
#: Indignation phrased with an inversion: no question ("Est-il normal que… ?",
#: "Faut-il rappeler que… ?", "comment aurais-je pu le savoir ?"). A "comment" or
#: "pourquoi" sentence :data:`_ASKING_START` and :data:`_CLAUSE_ASKING` left out was
#: left out on purpose: an inversion does not make it a question.
_INDIGNANT = re.compile(
    r"\b(?:comment|pourquoi"
    r"|(?:est|etait|serait)-(?:il|ce) (?:normal|acceptable|admissible|logique"
    r"|raisonnable|tolerable)|faut-il (?:rappeler|preciser|le rappeler)"
    r"|(?:peut|doit|faut)-(?:il|on) (?:accepter|tolerer|admettre|croire|encore)"
    r"|(?:aurais|aurait|aurions)-(?:je|on|nous)|dans quel (?:autre )?pays"
    # "Ne serait-il pas plus simple de… ?": a suggestion (needs.tsv reads it), no question.
    r"|(?:ne|n') ?\w+-(?:t-)?(?:il|elle|on|ce) pas)\b",
    re.IGNORECASE,
)


def _asks(folded: str, start: int, end: int) -> bool:
    """Whether the sentence ``folded[start:end]`` (ending with "?") asks explicitly:
    from its start, or from its last clause after a comma, colon or semicolon
    ("J'ai essayé trois fois, pourquoi … ?"), or with a verb and its subject inverted
    ("Le service est-il toujours fermé ?"; not indignation, :data:`_INDIGNANT`), or
    with the words of one who does not know ("je ne sais pas quoi faire ???")."""
    if _ASKING_START.match(folded, start):
        return True
    if _INVERTED.search(folded, start, end) and not _INDIGNANT.search(folded, start, end):
        return True
    if _NOT_KNOWING.search(folded, start, end):
        return True
    clause = max(folded.rfind(mark, start, end) for mark in ",:;")
    return clause >= 0 and _CLAUSE_ASKING.match(folded, clause + 1) is not None


#: A question is quoted up to this many characters (as ``_said``'s questions).
MAX_QUESTION = 200


def _quote_question(text: str) -> str:
    quoted = " ".join(for_agent(text).split()).strip(" ,;:-")
    if len(quoted) > MAX_QUESTION:
        quoted = quoted[: MAX_QUESTION - 1].rsplit(" ", 1)[0] + "…"
    return quoted


def explicit_question(text: str, folded: str) -> str | None:
    """The first sentence of ``text`` that ends with "?" and starts with an asking
    word (:data:`_ASKING_START`), quoted; None when there is none."""
    previous = start = 0
    for end in _SENTENCE_END.finditer(text):
        mark = end.group()
        if "?" in mark and "!" not in mark and _asks(folded, start, end.start()):
            asked = text[start : end.start()] + "?"
            if len(asked.split()) <= 3:
                # "Pourquoi ?" alone: the sentence before says what it asks about.
                asked = text[previous : end.start()] + "?"
            return _quote_question(asked)
        previous, start = start, end.end()
    return None


#: The words that ask, inside a sentence (folded): where the question a note quotes
#: starts. "je (ne) sais (même) pas comment…" asks too.
_ASKING_WORDS = re.compile(
    r"\b(?:(?:je|nous|on) (?:ne |n')?(?:sais|savons|sait|savais) (?:meme |vraiment |toujours "
    r"|donc )?"
    r"(?:pas|plus|pas trop) (?:comment|quoi|ou|si|a qui|qui|quand|pourquoi)"
    r"|comment|pourquoi|quand|combien|quel|quels|quelle|quelles|est-ce qu|faut-il"
    r"|dois-je|puis-je|peut-on|a qui|que (?:dois|faut|puis|peut)|ou (?:dois|puis|faut|peut)"
    r"|pouvez[- ]vous|pourriez[- ]vous|serait[- ]il possible|merci de (?:me |m'|nous )"
    r"|(?:j'aimerais|je voudrais|je souhaiterais|je souhaite) (?:savoir|comprendre|connaitre))"
    r"(?![\w])",
    re.IGNORECASE,
)
#: One who does not know what to do or where to turn, in a sentence that ends with "?"
#: ("je ne sais donc pas quoi faire ???"): a question (folded text).
_NOT_KNOWING = re.compile(
    r"\b(?:je|nous|on) (?:ne |n')?(?:sais|savons|sait) (?:meme |vraiment |toujours |donc )?"
    r"(?:pas|plus) (?:quoi faire|comment faire|comment proceder|a qui|vers qui"
    r"|ou (?:aller|m'adresser))",
    re.IGNORECASE,
)
#: Where a clause starts: after a comma, semicolon or colon, or before "et", "mais",
#: "alors", "donc", "car" (folded).
_CLAUSE = re.compile(r"[,;:]\s*|\s(?:et|mais|alors|donc|car)\s+")
#: A question of this many characters or fewer is quoted whole.
SHORT_QUESTION = 90


def asking_clause(question: str) -> str:
    """``question`` (a sentence a note quotes) from the clause that asks: a long
    sentence whose asking words (:data:`_ASKING_WORDS`, the last ones) come after a
    clause of something else is quoted from the start of their clause ("J'ai reçu un
    courrier … et je ne sais pas comment faire pour contacter quelqu'un": "je ne sais
    pas comment faire…"); a short one, or one that asks from its start, whole."""
    if len(question) <= SHORT_QUESTION:
        return question
    folded = fold_keeping_length(question)
    asking = None
    for match in _ASKING_WORDS.finditer(folded):
        asking = match  # the last asking words
    if asking is None or asking.start() < SHORT_QUESTION // 3:
        return question
    clause = 0
    for mark in _CLAUSE.finditer(folded, 0, asking.start()):
        clause = mark.end()
    if clause == 0 or len(question[clause:].split()) < 3:
        return question
    return "…" + question[clause:]


#: What someone else said or wrote, quoted: « … », “ … ” or " … " (paired in order).
_QUOTE_MARKS = re.compile('[«»“”"]')
#: Quoted words are told, not asked: these categories are not read inside them.
_TOLD_WHEN_QUOTED = frozenset({"request", "awaits"})


def _quoted_spans(text: str) -> tuple[list[int], list[int]]:
    """Where the quotations of ``text`` start and end (each « with the next », each “
    with the next ”, straight quotes two by two); one pass."""
    starts: list[int] = []
    ends: list[int] = []
    open_at: int | None = None
    closing = ""
    for mark in _QUOTE_MARKS.finditer(text):
        char = mark.group()
        if open_at is None:
            if char in '«“"':
                open_at, closing = mark.end(), {"«": "»", "“": "”", '"': '"'}[char]
        elif char == closing:
            starts.append(open_at)
            ends.append(mark.start())
            open_at = None
    return starts, ends


def _inside(spans: tuple[list[int], list[int]], position: int) -> bool:
    index = bisect_right(spans[0], position) - 1
    return index >= 0 and position < spans[1][index]


#: The writer speaking (first person singular): a sentence without it that speaks to
#: "vous" ("Sans réponse de votre part dans un délai de 15 jours, votre démarche sera
#: refusée.") is most often a message of the administration the user pasted, not their
#: own complaint (on the folded text).
_WRITER = re.compile(r"\b(?:je|j'|me|m'|moi|mon|ma|mes)(?![\w-])", re.IGNORECASE)
_ADDRESSED = re.compile(r"(?<![\w-])(?:vous|votre|vos)(?![\w-])", re.IGNORECASE)


#: The writer speaking, alone or with others ("on se sent discriminés").
_SPEAKING = re.compile(
    r"\b(?:je|j'|me|m'|moi|mon|ma|mes|nous|notre|nos|on)(?![\w-])", re.IGNORECASE
)


def _sentence_at(text: str, ends: list[int], position: int) -> str:
    index = bisect_right(ends, position)
    return text[ends[index - 1] if index else 0 : ends[index] if index < len(ends) else len(text)]


#: A complaint sentence that only announces a problem, said in the next sentence.
_ANNOUNCES = re.compile(
    r"\b(?:probl[eè]me|b[eé]mol|souci|point n[eé]gatif|point noir|reproche|hic)s?"
    r"[\s.:!…]*$",
    re.IGNORECASE,
)


def _own_voice(sentence: str) -> bool:
    """Whether ``sentence`` reads as the user's own words: it says "je", or speaks to
    no "vous"."""
    return _WRITER.search(sentence) is not None or _ADDRESSED.search(sentence) is None


def read_requests(
    text: str,
    ends: list[int],
    found: Iterator[tuple[int, int, int]],
    title: str | None = None,
    *,
    folded: str | None = None,
    needs_found: Iterator[tuple[int, int, int]] | None = None,
) -> Requests:
    """What ``text`` asks and what keeps its writer stuck, from ``found`` (the matches
    of :func:`request_patterns` in its folded form, from the description's one pass;
    ``ends``: where its sentences end). The complaint is the sentence with the most
    complaint words (a strong one counts three); with none, the ``title``, which most
    often names the matter (``complaint_is_title``). A complaint word inside quotation
    marks is someone else's; a sentence in the user's own voice (:func:`_own_voice`)
    comes before one that reads as a message of the administration. ``folded`` and
    ``needs_found``: ``text`` folded and the matches of ``needs_patterns`` in it, from
    the same pass (:func:`find_needs` computes them when not given)."""
    entries = request_patterns().entries
    first: dict[str, int] = {}
    words: dict[str, str] = {}
    strength: dict[int, int] = {}
    conceding: set[int] = set()  # sentences that concede or praise: no complaint
    quoted = _quoted_spans(text) if _QUOTE_MARKS.search(text) else ([], [])
    for index, start, end in found:
        category = entries[index].category
        if category == EXCLUDE:
            continue
        if category in _TOLD_WHEN_QUOTED and quoted[0] and _inside(quoted, start):
            continue  # "l'agent m'a dit : « merci de patienter »"
        if category.startswith("complaint"):
            if quoted[0] and _inside(quoted, start):
                continue  # « Votre dossier est incomplet… »: someone else's words
            sentence = bisect_right(ends, start)
            if sentence not in strength:
                if sentence in conceding:
                    continue
                if folded is None:
                    folded = fold_keeping_length(text)
                if concedes(_sentence_at(folded, ends, start)):
                    # "Vu la crise sanitaire, je ne me plains pas du délai.": an excuse.
                    conceding.add(sentence)
                    continue
            strength[sentence] = strength.get(sentence, 0) + (
                3 if category == "complaint-strong" else 1
            )
            first.setdefault(f"at-{sentence}", start)
            continue
        if category == "staff-told":
            if _SPEAKING.search(_sentence_at(text, ends, start)) is None:
                continue  # "un reportage sur le racisme passait": not the writer's case
            category = "staff"
        if category not in first:
            first[category] = start
            words[category] = text[start:end]

    def said(category: str) -> str | None:
        at = first.get(category)
        return None if at is None else quote(_sentence(text, ends, at))

    complaint = None
    complaint_at: tuple[int, int, int] | None = None
    sentences = {index: _sentence(text, ends, first[f"at-{index}"]) for index in strength}
    if strength:
        strongest = max(
            strength.items(),
            key=lambda item: (_own_voice(sentences[item[0]]), item[1], -item[0]),
        )[0]
        complaint = sentences[strongest]
        begins = ends[strongest - 1] if strongest else 0
        complaint_at = (
            begins,
            ends[strongest] if strongest < len(ends) else len(text),
            # A long sentence is quoted from near its first complaint word.
            first[f"at-{strongest}"],
        )
        if _ANNOUNCES.search(complaint) and strongest < len(ends):
            # "Il y a cependant un petit problème." says what follows: quote it too.
            after = ends[strongest + 1] if strongest + 1 < len(ends) else len(text)
            complaint += text[ends[strongest] : after]
        complaint = quote(complaint)
    elif title and title.strip():
        complaint = quote(title)
    title_end = len(title) + 1 if title and text.startswith(title) and text != title else 0
    spans = find_needs(
        text, ends, quoted, complaint_at, title_end, folded=folded, found=needs_found
    )
    needs = _quoted_needs(text, ends, spans, title)
    for category in ("request", "awaits", "blocked"):
        if first.get(category, len(text)) < spans.settled_at:
            del first[category]  # "Merci de traiter mon dossier… Tout est réglé depuis."
    review = tuple(
        f"{REVIEW_LABELS[c]}\u00a0: «\u202f{words[c]}\u202f»" for c in REVIEW_LABELS if c in words
    ) + tuple(f"{label}\u00a0: «\u202f{said}\u202f»" for label, said in spans.severe)
    return Requests(
        question=said("question"),
        request=said("request") or said("awaits"),
        blocked=said("blocked"),
        complaint=complaint,
        review=review,
        complaint_is_title=not strength and complaint is not None,
        needs=needs,
    )


#: Where a clause starts inside a sentence: after a comma, a semicolon, a colon, a
#: dash, or before "et", "mais", "alors", "donc", "car" ("en juin puis juillet": no
#: clause).
_CLAUSE_START = re.compile(r"[,;:\u2013\u2014(]\s*|\s(?=(?:et|mais|alors|donc|car)\s)", re.I)


def _around(text: str, start: int, at: int) -> int:
    """Where to quote a long sentence of ``text`` (from ``start``) that says its point
    at ``at``: the start of the clause that holds it when that is near enough (at most
    two thirds of :data:`MAX_QUOTE` before it), else a word a third of it before."""
    window = max(start, at - 2 * MAX_QUOTE // 3)
    clause = None
    for mark in _CLAUSE_START.finditer(text, window, at):
        clause = mark.end()
    if clause is not None and at - clause <= 2 * MAX_QUOTE // 3:
        return clause
    space = text.find(" ", at - MAX_QUOTE // 3, at)
    return space + 1 if space >= 0 else at


def _quoted_needs(text: str, ends: list[int], spans: NeedSpans, title: str | None) -> Needs:
    """What :func:`find_needs` found, each sentence quoted (:func:`quote`); the main
    point is the ``title`` when no sentence says it. ``ends``: where the sentences
    end (a sentence cut inside a decimal number, "2.5 Mo", is quoted whole)."""

    quoted: dict[tuple[int, int, int], str | None] = {}  # a span said twice: quoted once

    def said(span: tuple[int, int, int] | None) -> str | None:
        if span is None:
            return None
        if span not in quoted:
            quoted[span] = quote_span(span)
        return quoted[span]

    def quote_span(span: tuple[int, int, int]) -> str | None:
        start, end, at = span
        while 2 <= end < len(text) and text[end - 1] == "." and text[end - 2].isdigit():
            if not text[end].isdigit():
                break
            index = bisect_right(ends, end)
            end = ends[index] if index < len(ends) else len(text)
        if end - start > MAX_QUOTE and at - start > MAX_QUOTE // 3:
            # A long sentence (often several glued by the export) is quoted from the
            # clause that holds what was read in it, or a few words before it.
            return "…" + quote(text[_around(text, start, at) : end]) or None
        return quote(text[start:end]) or None

    point = said(spans.point_at)
    point_is_title = point is None and bool(title and title.strip())
    if point_is_title:
        point = quote(title or "")
    return Needs(
        need=spans.need,
        need_said=said(spans.need_at),
        # The same sentence as the need's is quoted once (``Missing.not_back``).
        tried=said(spans.need_at)
        if spans.tried_at is not None
        and spans.need_at is not None
        and spans.tried_at[:2] == spans.need_at[:2]
        else said(spans.tried_at),
        point=point,
        point_is_title=point_is_title,
        severe=tuple(label for label, _said in spans.severe),
        reservation=said(spans.reservation_at),
        suggestion=said(spans.suggestion_at),
        praise_asked=said(spans.praise_at),
        labels=spans.labels,
    )
