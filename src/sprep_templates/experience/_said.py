"""What the user wrote, read for the reply: beyond the ratings, the words.

The ratings say that access was hard; the description says which access (the phone,
an appointment, the online service, the office), which channel the user praised or
blamed, whether they ask a question (quoted for the agent), make a suggestion or
report a bug, which procedure it concerns (the title, then the tags and typology,
then the description), whether someone close to them died (who), and distress the
sensitive list does not name (serious illness, money distress, the shelter line,
despair).

The words are data files (format in :mod:`sprep_templates.lexicons._pattern_files`, sources in
``data/README.md``): ``said.tsv``, ``procedures.tsv``, ``distress.tsv``; the phone
that could not be reached is ``experience._complaints``'. Every file is read
in one left-to-right pass of an Aho–Corasick automaton: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import NamedTuple

from ..lexicons import PatternFile, PatternFileScan, fold_keeping_length, read_packaged_patterns
from ..lexicons._pattern_files import EXCLUDE
from ._channels import MOMENTS, channel_told, failed_sides
from ._complaints import _phone_patterns
from ._needs import needs_patterns
from ._praise import PRAISE_PHRASES, praise_patterns, read_praise
from ._problems import (
    HUMAN_CHANNELS,
    MONEY_PROBLEMS,
    PROBLEM_PHRASES,
    ComplaintSentences,
    agents_took_part,
    complaint_filter,
    leaves_unsolved,
    names_someone,
    problem_named,
    problem_patterns,
    read_problem,
    severity_patterns,
    tells_own_steps,
)
from ._procedures import PROCEDURE_PHRASES, PROCEDURES
from ._relatives import acts_for_a_relative, relatives_file
from ._requests import NO_REQUESTS, Requests, explicit_question, read_requests, request_patterns
from ._suggestions import TOPIC_PHRASES, Suggestion, read_suggestion

__all__ = [
    "ACCESS_KINDS",
    "DISTRESS_LABELS",
    "HUMAN_CHANNELS",
    "MOMENTS",
    "NOTHING_SAID",
    "NOTHING_SAID_CONTEXT",
    "PROCEDURES",
    "PROCEDURE_PHRASES",
    "RELATIVE_PHRASES",
    "SUGGESTION_TOPICS",
    "Said",
    "occasion",
    "problem_named",
    "read_said",
    "said_context",
]

SAID_FILE = "said.tsv"
PROCEDURES_FILE = "procedures.tsv"
DISTRESS_FILE = "distress.tsv"

#: The accesses a user can say failed, as the reply names them.
ACCESS_KINDS = ("phone", "appointment", "online", "office")

_SAID_CATEGORIES = (
    "access-appointment",
    "access-online",
    "access-office",
    "channel-counter",
    "channel-phone",
    "channel-online",
    "channel-mail",
    "praise",
    "blame",
    "question",
    "suggestion",
    "bug",
    "bereaved",
    *(
        f"felt-{criterion}-{side}"
        for criterion in ("reactivity", "information", "relation", "simplicity", "accessibility")
        for side in ("negative", "positive")
    ),
    *(
        f"told-{criterion}"
        for criterion in ("reactivity", "information", "relation", "simplicity", "accessibility")
    ),
)


def occasion(channel: str | None, procedure: str | None) -> str:
    """What the reply says the user went through: the procedure when known, else the
    channel's moment (:data:`MOMENTS`)."""
    if procedure is not None:
        return PROCEDURE_PHRASES[procedure]
    return MOMENTS.get(channel, MOMENTS[None])


#: Each kind of distress as an agent reads it.
DISTRESS_LABELS = {
    "illness": "maladie grave",
    "money": "détresse financière",
    "shelter": "hébergement d’urgence",
    "despair": "détresse",
}

#: Who died, as the writer names them (folded), and as the reply names them.
RELATIVE_PHRASES = _RELATIVES = {
    "mari": "votre mari",
    "epoux": "votre époux",
    "epouse": "votre épouse",
    "femme": "votre épouse",
    "conjoint": "votre conjoint",
    "conjointe": "votre conjointe",
    "compagnon": "votre compagnon",
    "compagne": "votre compagne",
    "pere": "votre père",
    "papa": "votre père",
    "mere": "votre mère",
    "maman": "votre mère",
    "fils": "votre fils",
    "fille": "votre fille",
    "frere": "votre frère",
    "soeur": "votre sœur",
    "s?ur": "votre sœur",
    "enfant": "votre enfant",
    "bebe": "votre bébé",
    "grand-pere": "votre grand-père",
    "grand-mere": "votre grand-mère",
    "beau-pere": "votre beau-père",
    "belle-mere": "votre belle-mère",
    "oncle": "votre oncle",
    "tante": "votre tante",
}
_RELATIVE_WORD = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(word) for word in sorted(_RELATIVES, key=len, reverse=True))
    + r")(?![\w-])"
)

#: A channel word's category, as the templates' channel kinds (``channel_kind``).
_CHANNELS = {
    "channel-counter": ("counter",),
    "channel-phone": ("phone",),
    "channel-online": ("online", "account"),
    "channel-mail": ("mail", "email"),
}

#: What a suggestion is about, as the reply names it after "votre suggestion sur":
#: what it proposes (``experience._suggestions.TOPIC_PHRASES``), else its domain,
#: found by these words (folded) in the suggestion's sentence, the first in this
#: order. A short phrase that is safe whatever the suggestion says about it.
_SUGGESTION_DOMAINS = {
    "abroad": "les Français de l’étranger",
    "appointment": "la prise de rendez-vous",
    "mobility": "l’accès des personnes à mobilité réduite",
    "hours": "nos horaires d’ouverture",
    "form": "nos formulaires",
    "phone": "l’accueil téléphonique",
    "paper": "les envois papier",
    "website": "les services en ligne",
}
SUGGESTION_TOPICS = {**TOPIC_PHRASES, **_SUGGESTION_DOMAINS}
_TOPIC_WORDS = re.compile(
    r"\b(?:(?P<abroad>expatrie\w*|francais (?:de|a|vivant a|residant a) l'etranger"
    r"|francais etablis hors de france|residents? a l'etranger|vivant a l'etranger)"
    r"|(?P<appointment>rendez-vous|rdv|creneaux?)"
    r"|(?P<mobility>mobilite reduite|fauteuils? roulants?|pmr|handicap\w*)"
    r"|(?P<hours>horaires?)"
    r"|(?P<form>formulaires?)"
    r"|(?P<phone>telephone|telephonique|standard)"
    r"|(?P<paper>papier|courrier postal|courriers postaux|par la poste|voie postale)"
    r"|(?P<website>site|sites|page|pages|en ligne|internet|application|lien|bouton"
    r"|rubrique|menu))\b",
    re.IGNORECASE,
)


def _topic(sentence: str) -> str | None:
    """What the suggestion in ``sentence`` (folded) is about: the first of
    :data:`SUGGESTION_TOPICS` whose words it holds, or None."""
    found = {match.lastgroup for match in _TOPIC_WORDS.finditer(sentence)}
    return next((topic for topic in _SUGGESTION_DOMAINS if topic in found), None)


#: A question is quoted up to this many characters.
MAX_QUOTE = 200

_SENTENCE_END = re.compile(r"[.!?\n]+")


class Said(NamedTuple):
    """What :func:`read_said` found in what the user wrote."""

    #: Which access failed: one of :data:`ACCESS_KINDS`, or None.
    access: str | None
    #: The channel kinds the user praised, and those they blamed.
    praised: frozenset[str]
    blamed: frozenset[str]
    #: The user's question, as they wrote it (a sentence, shortened), or None.
    question: str | None
    suggestion: bool
    bug: bool
    #: The procedure (one of :data:`PROCEDURES`), or None.
    procedure: str | None
    #: Someone close to the writer died: who, as the reply names them ("votre mari"),
    #: "" when the words do not say who; None when nobody close died.
    bereaved: str | None
    #: Distress the sensitive list does not name, as ``attention`` reasons.
    distress: tuple[str, ...]
    #: The user says the phone could not be reached (anywhere in the text).
    phone_unreachable: bool
    #: Criteria the words regret or praise (``information``, ``reactivity``…), in the
    #: order the text says them; a criterion said both ways is in neither.
    felt_hard: tuple[str, ...]
    felt_liked: tuple[str, ...]
    #: What was read, for ``reply.notes``.
    notes: tuple[str, ...]
    #: The channel kinds the words name (praised, blamed or neither); None when no
    #: description was read.
    mentioned: frozenset[str] | None = None
    #: What the suggestion is about (a key of :data:`SUGGESTION_TOPICS`), or None.
    topic: str | None = None
    #: The suggestion's sentence and what it proposes (``experience._suggestions``).
    suggested: Suggestion | None = None
    #: What the user asks an agent to answer or do, what keeps them stuck
    #: (``experience._requests``).
    requests: Requests = NO_REQUESTS
    #: The user's own problem, how serious their situation is and how long they
    #: waited (see ``experience._problems``: ``problem`` a key of
    #: ``PROBLEM_PHRASES``, ``severity`` one of ``SEVERITIES``, ``waited`` a phrase).
    problem: str | None = None
    severity: str | None = None
    waited: str | None = None
    #: The words name someone close to the writer ("ma mère", "mon fils", "mes
    #: parents"): False when a description names nobody (a user who posted "for a
    #: relative" but tells of their own file is the person concerned).
    names_relative: bool = True
    #: The quality the user praised in their words (a key of
    #: ``experience._praise.PRAISE_PHRASES``: "kindness", "speed"…), or None.
    praise: str | None = None
    #: The channel kinds where the user's contact failed (no answer, out of reach).
    failed: frozenset[str] = frozenset()
    #: The writer tells of their own steps ("j'appelle", "je me suis rendu"): the
    #: difficulties they describe are theirs, even when they write for a relative.
    acted: bool = False
    #: Criteria the words praise somewhere (alone or beside a regret): a reply never
    #: names them negatively, whatever the rating (« une démarche trop compliquée » to
    #: a user who writes the procedure is simple).
    contradicted: frozenset[str] = frozenset()
    #: Criteria the words tell on the negative side in wider terms (``told-*`` of
    #: said.tsv: a wait, a delay, an appointment…): they confirm a criterion the user
    #: rated negative, and never name one the user did not rate.
    told: frozenset[str] = frozenset()
    #: The money or file the words tell of is a relative's (``experience._relatives``):
    #: the reply does not say "vos versements" of it.
    relatives_file: bool = False


NOTHING_SAID = Said(
    None, frozenset(), frozenset(), None, False, False, None, None, (), False, (), (), ()
)


@cache
def _said_patterns() -> PatternFile:
    return read_packaged_patterns(SAID_FILE, _SAID_CATEGORIES)


@cache
def _procedure_patterns() -> PatternFile:
    return read_packaged_patterns(PROCEDURES_FILE, PROCEDURES)


@cache
def _distress_patterns() -> PatternFile:
    return read_packaged_patterns(DISTRESS_FILE, tuple(DISTRESS_LABELS))


@cache
def _description_files() -> PatternFileScan:
    """The files read in the description, found in one automaton pass."""
    return PatternFileScan(
        (
            _phone_patterns(),
            _said_patterns(),
            _distress_patterns(),
            request_patterns(),
            problem_patterns(),
            severity_patterns(),
            praise_patterns(),
            needs_patterns(),
        )
    )


def _matches(
    patterns: PatternFile, folded: str, found: Iterator[tuple[int, int, int]] | None = None
) -> Iterator[tuple[str, int, int]]:
    """``PatternFile.matches`` on a text folded once (:func:`fold_keeping_length`) for
    the several files read in it (``found``: its ``finditer``, from one pass for all)."""
    entries = patterns.entries
    for index, start, end in patterns.finditer(folded) if found is None else found:
        category = entries[index].category
        if category != EXCLUDE:
            yield category, start, end


def _procedure(*texts: str | None) -> str | None:
    """The first procedure named in ``texts``, read in order in one pass (the texts
    joined by line breaks, which no pattern crosses)."""
    joined = "\n".join(text for text in texts if text)
    if not joined:
        return None
    folded = fold_keeping_length(joined)
    return next((c for c, _start, _end in _matches(_procedure_patterns(), folded)), None)


#: A procedure the description alone names counts when it is named within this many
#: characters of its start (where users say what they came for), or named twice:
#: further in, a single mention is most often incidental ("arrondir ma retraite", a
#: passport in a list of papers). Measured on the export's rows outside both blind
#: reviews: see the commit that set it.
PROCEDURE_OPENING = 160


def _procedure_described(description: str) -> str | None:
    """The procedure the description names with some weight (see
    :data:`PROCEDURE_OPENING`), or None."""
    found = list(_matches(_procedure_patterns(), fold_keeping_length(description)))
    if not found:
        return None
    first, start, _end = found[0]
    if start < PROCEDURE_OPENING or sum(1 for c, _s, _e in found if c == first) > 1:
        return first
    return None


def _sentence(text: str, ends: list[int], position: int) -> tuple[int, int]:
    """The span of the sentence of ``text`` that holds ``position``."""
    index = bisect_right(ends, position)
    start = ends[index - 1] if index else 0
    end = ends[index] if index < len(ends) else len(text)
    return start, end


def _quote(text: str) -> str:
    quoted = " ".join(text.split()).strip(" ,;:-")
    if len(quoted) > MAX_QUOTE:
        quoted = quoted[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"
    return quoted


_CRITERIA_NOTE = "criteria the words say: "


def voiced_notes(
    notes: tuple[str, ...], hard: tuple[str, ...], liked: tuple[str, ...]
) -> list[str]:
    """``notes`` as a draft that names the criteria ``hard`` and ``liked`` reports them:
    the criteria the words say are kept only where the draft names them on the same
    side (a "simplicity (liked)" the reply of regret leaves out would mislead the
    agent), and the note goes when none is left."""
    voiced = {f"{c} (hard)" for c in hard} | {f"{c} (liked)" for c in liked}
    kept = []
    for note in notes:
        if note.startswith(_CRITERIA_NOTE):
            named = [c for c in note.removeprefix(_CRITERIA_NOTE).split(", ") if c in voiced]
            if not named:
                continue
            note = _CRITERIA_NOTE + ", ".join(named)
        kept.append(note)
    return kept


def read_said(
    title: str | None,
    description: str | None,
    topics: tuple[str, ...] = (),
    published: date | None = None,
) -> Said:
    """What ``description`` (with ``title`` and the export's ``topics``: typology and
    tags) says beyond the ratings; :data:`NOTHING_SAID` for no text. ``published``
    (the publication date) dates a wait told by its start ("depuis mars 2021")."""
    if not description or not description.strip():
        procedure = _procedure(title, *topics)
        if procedure is None:
            return NOTHING_SAID
        return NOTHING_SAID._replace(procedure=procedure, notes=(f"procedure: {procedure}",))
    # The title is read as the first sentence ("Déclaration du décès de mon conjoint").
    text = f"{title}.\n{description}" if title else description
    folded = fold_keeping_length(text)
    # Sentence ends: where a question mark or a full stop closes a sentence.
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    access: tuple[int, str] | None = None
    in_each = _description_files().finditer_each(folded)
    in_phone, in_said, in_distress, in_requests, in_problems, in_severity, in_praise = in_each[:7]
    in_needs = in_each[7]
    # The phone out of reach, told as something that happened (not "si personne ne
    # décroche", not in a suggestion).
    sentences = ComplaintSentences(folded)  # shared with read_problem
    told = complaint_filter(folded, sentences)
    unreachable = [
        start for _, start, end in _matches(_phone_patterns(), folded, in_phone) if told(start, end)
    ]
    if unreachable:
        access = (unreachable[0], "phone")
    channels_in: list[tuple[int, tuple[str, ...]]] = []  # clause by clause: _channels
    judged: list[tuple[int, str]] = []
    question: str | None = None
    bug = False
    suggestion_at: list[int] = []
    bereaved: str | None = None
    felt: dict[str, set[str]] = {}
    told_criteria: set[str] = set()
    for category, start, end in _matches(_said_patterns(), folded, in_said):
        if category.startswith("told-"):
            told_criteria.add(category.removeprefix("told-"))
        elif category.startswith("felt-"):
            _felt, criterion, side = category.split("-")
            felt.setdefault(criterion, set()).add(side)
            judged.append((start, side))
        elif category.startswith("access-"):
            if access is None or start < access[0]:
                access = (start, category.removeprefix("access-"))
        elif category in _CHANNELS:
            channels_in.append((start, _CHANNELS[category]))
        elif category in ("praise", "blame"):
            judged.append((start, "positive" if category == "praise" else "negative"))
        elif category == "question" and question is None:
            first, last = _sentence(text, ends, start)
            if len(text[first:last].split()) <= 4 and first:
                # "Qu'en dites-vous ?" alone: the sentence before says what it asks about.
                first = _sentence(text, ends, first - 1)[0]
            question = _quote(text[first:last])
        elif category == "suggestion":
            suggestion_at.append(start)
        elif category == "bug":
            bug = True
        elif category == "bereaved" and bereaved is None:
            who = _RELATIVE_WORD.search(folded[start:end].lower())
            bereaved = _RELATIVES[who.group()] if who else ""
    requests = read_requests(text, ends, in_requests, title, folded=folded, needs_found=in_needs)
    # The suggestion, more widely than said.tsv (experience._suggestions), and what it
    # proposes, else its domain, in its own sentence.
    suggested = read_suggestion(text, folded, ends, suggestion_at)
    suggestion = suggested is not None
    topic = None
    if suggested is not None:
        topic = suggested.topic or _topic(fold_keeping_length(suggested.sentence))
    if question is None:
        question = explicit_question(text, folded) or requests.question
    praised, blamed, mentioned, failed = failed_sides(
        folded, ends, channels_in, judged, unreachable
    )
    distress: dict[str, str] = {}
    for category, start, end in _matches(_distress_patterns(), folded, in_distress):
        if category not in distress:
            distress[category] = (
                f"{DISTRESS_LABELS[category]}\u00a0: «\u202f{text[start:end]}\u202f»"
            )
    procedure = _procedure(title, *topics) or _procedure_described(description)
    problem = read_problem(
        folded,
        _matches(problem_patterns(), folded, in_problems),
        _matches(severity_patterns(), folded, in_severity),
        published,
        sentences=sentences,
    )
    if problem.problem is None and unreachable:
        # The phone out of reach (phone-unreachable.tsv): the calls went unanswered.
        problem = problem._replace(problem="calls")
    felt_hard = tuple(c for c, sides in felt.items() if sides == {"negative"})
    felt_liked = tuple(c for c, sides in felt.items() if sides == {"positive"})
    contradicted = frozenset(c for c, sides in felt.items() if "positive" in sides)
    notes = []
    if access is not None:
        notes.append(f"access that failed: {access[1]}")
    if praised:
        notes.append(f"channel praised: {', '.join(sorted(praised))}")
    if blamed:
        notes.append(f"channel blamed: {', '.join(sorted(blamed))}")
    if question is not None:
        notes.append(f"the user asks: « {question} » (answer it)")
    if suggestion:
        notes.append(
            "the user makes a suggestion" + (f" (on {topic})" if topic is not None else "")
        )
    if bug:
        notes.append("the user reports a technical problem")
    if procedure is not None:
        notes.append(f"procedure: {procedure}")
    if felt_hard or felt_liked:
        notes.append(
            _CRITERIA_NOTE
            + ", ".join(
                [*(f"{c} (hard)" for c in felt_hard), *(f"{c} (liked)" for c in felt_liked)]
            )
        )
    if bereaved is not None:
        notes.append(f"someone close to the writer died{': ' + bereaved if bereaved else ''}")
    if problem.problem is not None:
        notes.append(f"problem: {problem.problem}")
    praise = read_praise(_matches(praise_patterns(), folded, in_praise))
    if praise is not None:
        notes.append(f"praise: {praise}")
    if problem.severity is not None:
        notes.append(
            f"serious: {problem.severity}" + (f" ({problem.waited})" if problem.waited else "")
        )
    return Said(
        access=access[1] if access else None,
        praised=frozenset(praised),
        blamed=frozenset(blamed),
        question=question,
        suggestion=suggestion,
        bug=bug,
        procedure=procedure,
        bereaved=bereaved,
        distress=tuple(distress[c] for c in DISTRESS_LABELS if c in distress),
        phone_unreachable=bool(unreachable),
        felt_hard=felt_hard,
        felt_liked=felt_liked,
        notes=tuple(notes),
        mentioned=frozenset(mentioned),
        topic=topic,
        suggested=suggested,
        requests=requests,
        names_relative=names_someone(folded),
        problem=problem.problem,
        severity=problem.severity,
        waited=problem.waited,
        praise=praise,
        failed=failed,
        acted=tells_own_steps(folded) or acts_for_a_relative(folded),
        contradicted=contradicted,
        told=frozenset(told_criteria),
        relatives_file=relatives_file(folded),
    )


#: The template variables :func:`said_context` gives, each with its value when the
#: user's words say nothing (compose's PERSONALISED_BY compares with these).
NOTHING_SAID_CONTEXT: dict[str, object] = {
    "occasion": MOMENTS[None],
    "access": None,
    "mixed": False,
    "asks": False,
    "point": None,
    "topic": None,
    "bereaved": None,
    "problem": None,
    "severity": None,
    "waited": None,
    "agents": False,
    "praise": None,
    "unsolved": False,
    "self_service": False,
}


#: Procedures a user carries out on their own, seeking no help (a vote, a
#: registration, an order): never "Vous avez trouvé l’aide attendue".
SELF_SERVICE_PROCEDURES = frozenset(
    {"vote-online", "vote", "proxy", "consular-registration", "census", "crit-air", "bloctel"}
)


def said_context(
    said: Said,
    *,
    channel: str | None,
    tone: str,
    sentiment: str,
    hard: tuple[str, ...],
    liked: tuple[str, ...],
) -> dict[str, object]:
    """The template variables for what the user wrote:

    - ``occasion``: what they went through (the procedure, else the channel's moment);
      a channel they praised (or the reception, "relation" rated positive, at the desk
      or on the phone) is not named in a reply that regrets (negative or neutral tone);
    - ``access``: the access that failed (:data:`ACCESS_KINDS`), only when the user
      rated accessibility negative (it words that criterion);
    - ``mixed``: a reply of regret to a user satisfied in part (rated the experience
      positive or neutral, or praised a criterion and suggested something): partial
      regret, not failure;
    - ``asks``: the user asks a question; ``point``: "suggestion" or "bug" (what the
      improvement step thanks them for), or None; ``topic``: what the suggestion is
      about (a phrase of :data:`SUGGESTION_TOPICS`), or None;
    - ``bereaved``: someone close to the writer died (see :class:`Said`);
    - ``problem``: the user's own problem, as a reply names it (a phrase of
      ``experience._problems.PROBLEM_PHRASES``), in a reply of regret only;
      ``severity``: how serious the situation is (``SEVERITIES``) and ``waited``: how
      long they waited, in a reply of regret only; a serious situation is never
      ``mixed`` (no partial regret);
    - ``agents``: a person of the service took part (:data:`HUMAN_CHANNELS`);
    - ``unsolved``: the words tell of something not solved yet (a problem, a serious
      situation, a blockage, a request): no "aide attendue";
    - ``self_service``: the procedure is one the user carries out on their own
      (:data:`SELF_SERVICE_PROCEDURES`): no "aide attendue" nor "avoir pu vous aider";
    - ``praise``: what the user praised in their words (a phrase of
      ``experience._praise.PRAISE_PHRASES``), in a positive reply that names a
      criterion appreciated (it stands for that criterion's phrase).
    """
    praised = said.praised
    if "relation" in liked:
        praised = praised | {"counter", "phone"}
    regrets = tone != "positive"
    shown = None if regrets and channel in praised else channel
    if not channel_told(shown, said.mentioned, said.phone_unreachable):
        shown = None
    severity = said.severity if regrets else None
    problem = problem_named(said, tone, hard)
    return {
        "occasion": occasion(shown, said.procedure),
        "access": said.access if "accessibility" in hard else None,
        "mixed": tone == "negative"
        and severity is None
        and said.problem not in MONEY_PROBLEMS
        and (sentiment != "negative" or (bool(liked) and said.suggestion)),
        "asks": said.question is not None,
        "point": "suggestion" if said.suggestion else "bug" if said.bug else None,
        "topic": SUGGESTION_TOPICS[said.topic] if said.suggestion and said.topic else None,
        "bereaved": said.bereaved,
        "problem": PROBLEM_PHRASES[problem] if problem else None,
        "severity": severity,
        "waited": said.waited if severity == "wait" else None,
        "agents": agents_took_part(said.mentioned, said.procedure, channel),
        # What the user praised, in a positive reply beside a criterion appreciated,
        # whose phrase it stands for.
        "praise": PRAISE_PHRASES[said.praise] if said.praise and liked and not regrets else None,
        "self_service": said.procedure in SELF_SERVICE_PROCEDURES,
        "unsolved": leaves_unsolved(
            said.problem, said.severity, said.requests.blocked, said.requests.request
        ),
    }
