"""A compact French morphology for the jargon lexicon (issue 23): what makes an entry
written once match the ways replies write it.

- **Inflection**: a ``{…}`` group of a first-group verb's endings (it lists ``er`` and a
  participle ``é``) stands for the whole paradigm (:data:`FIRST_GROUP`), so that
  ``réceptionn{er,é,ée}`` finds "réceptionnera" and "réceptionnons"; likewise for a
  second-group verb (``ir`` and ``i``: :data:`SECOND_GROUP`); a group of an adjective's
  first two endings stands for its four forms (:data:`ADJECTIVE_ENDINGS`). The classes ``<er>``,
  ``<ir>`` and ``<x>`` (an adjective's ``{,e,s,es}``) write them shorter.
- **Verbs of the table**: ``<relever>`` stands for every form of a verb of
  :data:`CONJUGATIONS` (:func:`verb_forms`: present, future, conditional, imperfect,
  subjunctive, infinitive, participles in gender and number); ``<relever:sans-pp>``
  without the past participles. Where a word of the entry comes before the verb, an
  optional "ne"/"n’" is written before the verb and its clitic pronouns
  (:func:`with_negation`: "il *ne* vous appartient pas de").
- **Inserted words**: up to two adverbs or negation words of :data:`INSERTABLE` may
  come after a verb's forms (a verb class, or a completed paradigm group) whatever
  follows ("nous accusons *bien* réception", "procéderons *dès à présent* à"), and
  between a word of five letters or more (or a group of forms) and a preposition or
  "que" that follows it ("il convient *également* de", "ne relève *pas* de"), and after a
  group of forms of « être » or « avoir » whatever follows (:data:`AUXILIARY_FORMS`: "vous
  n’êtes *pas* tenu de"). Nowhere
  else: after a short word (il, à, se…) the literal start of the entry, looked for in
  every reply, would be as short as "a ", and every slot lengthens the pattern tried
  at each candidate. A slot is two optional alternations of literal words, one after
  the other: bounded, no nested quantifier.

Why not a lemmatiser: simplemma 2.0.0 (checked for this: MIT code, a 19 MB wheel for
all its languages, 163 KB of compressed French data) derives its lists from sources under
several licences (ODbL lemmatisation lists, Wiktionary via Kaikki under CC BY-SA,
FreeLing, spaCy lookups, Unimorph), and maps a word to one lemma without context
("notification" of a decision or on a phone). The positions of a multi-word entry would
have to be rebuilt around lemmas, and the whole text lemmatised before the one-pass
search; a closed set of endings and insertable words keeps the search a plain regular
expression, linear in the text (no nested quantifier: an optional group of literal
words).
"""

from __future__ import annotations

import re

__all__ = [
    "ADJECTIVE_ENDINGS",
    "AUXILIARY_FORMS",
    "CLASSES",
    "CLITICS",
    "CONJUGATIONS",
    "FIRST_GROUP",
    "INSERTABLE",
    "SECOND_GROUP",
    "VERB_MARK",
    "complete_paradigms",
    "distribute",
    "insertion_slot",
    "takes_insertion",
    "verb_class",
    "verb_forms",
    "with_negation",
]

#: Endings of a first-group verb (-er): infinitive, present, future, conditional,
#: imperfect, participles.
FIRST_GROUP = (
    "er", "e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ant",
    "era", "eras", "erai", "erons", "erez", "eront", "erait", "eraient", "erions", "eriez",
    "ait", "ais", "aient", "ions", "iez",
)  # fmt: skip
#: Endings of a second-group verb (-ir, -issons).
SECOND_GROUP = (
    "ir", "is", "it", "issons", "issez", "issent", "isse", "i", "ie", "ies",
    "issant", "ira", "irons", "irez", "iront", "irait", "iraient", "issait", "issaient",
)  # fmt: skip

#: Classes of the pattern notation (``<name>``): number, gender and number, verbs.
CLASSES = {
    "s": "{,s}",
    "é": "{é,ée,és,ées}",
    "x": "{,e,s,es}",
    "er": "{" + ",".join(FIRST_GROUP) + "}",
    "ir": "{" + ",".join(SECOND_GROUP) + "}",
}

#: Words that may come between two words of an entry (up to two of them, as two
#: optional slots): adverbs replies insert, and the second half of a negation (the first,
#: "ne", comes before the verb the entry starts with, or is written into the entry before
#: its clitic pronouns: :func:`with_negation`). A closed list of literal words, so that a
#: slot is an optional alternation of literals (no nested quantifier).
INSERTABLE = (
    "également", "directement", "donc", "bien", "aussi", "alors", "toutefois",
    "cependant", "néanmoins", "désormais", "dorénavant", "notamment", "simplement",
    "uniquement", "seulement", "rapidement", "immédiatement", "systématiquement",
    "obligatoirement", "éventuellement", "toujours", "déjà", "encore", "effectivement",
    "nécessairement", "personnellement", "ne", "pas", "plus", "jamais",
    "guère", "point", "vivement", "très", "dès à présent", "dès maintenant", "par ailleurs",
    "en effet", "bel et bien", "ensuite", "enfin",
    # adverbs of manner and time common in administrative letters (session 8), and
    # short locutions
    "impérativement", "exclusivement", "définitivement", "malheureusement",
    "automatiquement", "prochainement", "actuellement", "strictement", "entièrement",
    "totalement", "pleinement", "intégralement", "officiellement", "formellement",
    "expressément", "explicitement", "normalement", "habituellement", "généralement",
    "valablement", "indûment", "légalement", "préalablement", "ultérieurement",
    "aujourd’hui", "bientôt", "parfois", "souvent", "peut-être", "sans tarder",
    "dès lors", "de nouveau", "à nouveau", "au plus vite", "tout de même", "quand même",
)  # fmt: skip

#: The forms of « être » and « avoir » (auxiliaries and copula): after a group of them
#: a word may be inserted whatever follows ("vous n’êtes *pas* tenu de", "vous avez
#: *indûment* perçu"), as after a verb class.
AUXILIARY_FORMS = frozenset(
    """suis es est sommes êtes sont serai seras sera serons serez seront serais serait
    serions seriez seraient étais était étions étiez étaient sois soit soyons soyez
    soient être étant été fut furent ai as a avons avez ont aurai auras aura aurons
    aurez auront aurais aurait aurions auriez auraient avais avait avions aviez
    avaient aie aies ait ayons ayez aient avoir ayant eu eut""".split()
)


def _first_group(lemma: str, singular: str = "") -> tuple[str, str]:
    """The table's line of a first-group verb: its present stem, or ``singular``, the
    stem of the singular and third person plural where it changes ("procèd")."""
    stem = lemma[:-2]
    strong = singular or stem
    present = f"{strong}e {strong}es {strong}e {stem}ons {stem}ez {strong}ent"
    if not singular:
        future = lemma
    elif singular.replace("è", "é") == stem:  # "procédera", or "procèdera" (1990)
        future = f"{lemma}/{strong}er"
    else:  # "relèvera"
        future = f"{strong}er"
    return present, f"{future} {stem} {stem}é {stem}ant"


#: A small conjugation table of the verbs the lexicon's phrases are built on: the six
#: present forms; then the future stem (the conditional's too), the imperfect stem, the
#: past participle (masculine singular), the present participle and, where the third
#: person plural does not give it, the subjunctive stem. :func:`verb_forms` makes the
#: rest (infinitive, future, conditional, imperfect, present subjunctive, participles in
#: gender and number). A verb is in the table when an entry is written with its class
#: (``<relever>``); regular first-group verbs may also be written with their endings
#: (``réceptionn{er,é}``: :func:`complete_paradigms`).
CONJUGATIONS: dict[str, tuple[str, str]] = {
    "relever": _first_group("relever", "relèv"),
    "procéder": _first_group("procéder", "procèd"),
    "opérer": _first_group("opérer", "opèr"),
    "différer": _first_group("différer", "diffèr"),
    "réitérer": _first_group("réitérer", "réitèr"),
    **{
        verb: _first_group(verb)
        for verb in (
            "accuser", "rapprocher", "solliciter", "statuer", "demeurer", "porter",
            "incomber", "justifier", "attirer", "opposer", "apposer",
        )
    },
    "appartenir": (
        "appartiens appartiens appartient appartenons appartenez appartiennent",
        "appartiendr apparten appartenu appartenant",
    ),
    "convenir": (
        "conviens conviens convient convenons convenez conviennent",
        "conviendr conven convenu convenant",
    ),
    "munir": ("munis munis munit munissons munissez munissent", "munir muniss muni munissant"),
    "prendre": ("prends prends prend prenons prenez prennent", "prendr pren pris prenant"),
    "prétendre": (
        "prétends prétends prétend prétendons prétendez prétendent",
        "prétendr prétend prétendu prétendant",
    ),
    "mettre": ("mets mets met mettons mettez mettent", "mettr mett mis mettant"),
    "faire": ("fais fais fait faisons faites font", "fer fais fait faisant fass"),
    "pouvoir": ("peux peux peut pouvons pouvez peuvent", "pourr pouv pu pouvant puiss"),
    "percevoir": (
        "perçois perçois perçoit percevons percevez perçoivent",
        "percevr percev perçu percevant",
    ),
    "instruire": (
        "instruis instruis instruit instruisons instruisez instruisent",
        "instruir instruis instruit instruisant",
    ),
    "savoir": ("sais sais sait savons savez savent", "saur sav su sachant sach"),
    "avoir": ("ai as a avons avez ont", "aur av eu ayant ai"),
    "être": ("suis es est sommes êtes sont", "ser ét été étant soi"),
    "référer": _first_group("référer", "réfèr"),
    "déroger": _first_group("déroger"),
    "liquider": _first_group("liquider"),
    "surseoir": (
        "sursois sursois sursoit sursoyons sursoyez sursoient",
        "surseoir/sursoir sursoy sursis sursoyant",
    ),
    "contrevenir": (
        "contreviens contreviens contrevient contrevenons contrevenez contreviennent",
        "contreviendr contreven contrevenu contrevenant",
    ),
    "comparaître": (
        "comparais comparais comparaît comparaissons comparaissez comparaissent",
        "comparaîtr comparaiss comparu comparaissant",
    ),
}  # fmt: skip

#: Forms of the irregular verbs of the table that its stems do not make (the subjunctive
#: and simple past of « être » and « avoir »), and those of them in the third person.
_IRREGULAR = {
    "être": ("sois", "soit", "soyons", "soyez", "fut", "furent"),
    "avoir": ("ait", "ayons", "ayez", "eut", "eurent"),
}
_THIRD_IRREGULAR = frozenset({"soit", "fut", "furent", "ait", "eut", "eurent"})
_FUTURE = ("ai", "as", "a", "ons", "ez", "ont")
_PAST = ("ais", "ait", "ions", "iez", "aient")  # imperfect, and conditional on the future stem
_THIRD = ("a", "ont", "ait", "aient")  # the third persons of the future and past tenses
#: What may follow ``:`` in a verb class: ``<relever:sans-pp>`` leaves out the past
#: participles, for a verb whose participle is also a noun ("un relevé de compte");
#: ``<relever:3e>`` keeps only the third persons (and the infinitive and present
#: participle), for a verb whose other persons have another sense ("vous relevez des
#: points positifs" notes them; "cela relève de" is the jargon).
VERB_OPTIONS = ("sans-pp", "3e")


def verb_forms(
    lemma: str, *, participles: bool = True, third_only: bool = False
) -> tuple[str, ...]:
    """Every form of ``lemma`` (a verb of :data:`CONJUGATIONS`) that the lexicon
    matches, longest first; ``participles=False``: without the past participles;
    ``third_only``: only the third persons, the infinitive and the present participle
    (no past participle)."""
    present, stems = CONJUGATIONS[lemma]
    future, imperfect, participle, gerund, *subjunctive = stems.split()
    persons = present.split()
    endings: tuple[str, ...] = _THIRD if third_only else (*_FUTURE, *_PAST)
    forms = {lemma, gerund, *((persons[2], persons[5]) if third_only else persons)}
    for stem in future.split("/"):
        forms |= {stem + ending for ending in endings if ending in (*_FUTURE, *_PAST)}
    forms |= {imperfect + ending for ending in _PAST if ending in endings}
    subjunctive_stem = subjunctive[0] if subjunctive else persons[5][:-3]
    moods = ("e", "ent") if third_only else ("e", "es", "ent", "ions", "iez")
    forms |= {subjunctive_stem + ending for ending in moods}
    forms |= {
        form for form in _IRREGULAR.get(lemma, ()) if not third_only or form in _THIRD_IRREGULAR
    }
    if participles and not third_only:
        agreed = ("", "e", "es") if participle.endswith(("s", "x")) else ("", "e", "s", "es")
        forms |= {participle + ending for ending in agreed}
    return tuple(sorted(forms, key=lambda form: (-len(form), form)))


#: Words a negation's "ne" comes before, between a subject and its verb ("il *ne* vous
#: appartient pas").
CLITICS = ("vous", "nous", "leur", "lui", "se", "me", "te", "s’", "m’", "y", "en")
_CLASS = re.compile(r"<([^<>]*)>")


_MAX_BRANCHES = 24
#: "n’" before a consonant: a branch the negation group made that French never writes.
_ELISION_BEFORE_CONSONANT = re.compile(r"\bn’(?![aeiouyhàâéèêëîïôûœ<{},])")


def _top_level_groups(branch: str) -> list[tuple[int, int]]:
    """The spans of the ``{…}`` groups (without nested groups) at the top level of
    ``branch`` before its first verb class."""
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for index, char in enumerate(branch):
        if char == "<" and depth == 0:
            end = branch.find(">", index)
            if branch[index + 1 : end].partition(":")[0] in CONJUGATIONS:
                return spans
        elif char == "{":
            if depth == 0:
                start = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0 and "{" not in branch[start + 1 : index]:
                spans.append((start, index + 1))
    return []  # no verb class in this branch


def distribute(source: str) -> str:
    """``source`` (classes not yet expanded) with the groups before a verb class made
    into branches of their own: "{se,vous} <munir> de" is "se <munir> de|vous <munir>
    de". The one-pass search then looks for "vous munir", "vous munissez"… rather than
    for "vous " alone (a group of words before a verb of thirty forms makes more
    literal starts than it keeps): the same matches, tried far less often."""
    branches: list[str] = []
    depth = 0
    current = ""
    for char in source:  # top-level branches
        depth += char == "{"
        depth -= char == "}"
        if char == "|" and depth == 0:
            branches.append(current)
            current = ""
        else:
            current += char
    branches.append(current)
    out: list[str] = []
    for branch in branches:
        pending = [branch]
        done: list[str] = []
        while pending:
            item = pending.pop(0)
            groups = _top_level_groups(item)
            if not groups or len(pending) + len(done) + len(out) > _MAX_BRANCHES:
                done.append(item)
                continue
            start, end = groups[0]
            forms = item[start + 1 : end - 1].split(",")
            made = (item[:start] + form + item[end:] for form in forms)
            pending[:0] = [text for text in made if not _ELISION_BEFORE_CONSONANT.search(text)]
        out += done
    return "|".join(out)


def verb_class(name: str) -> str | None:
    """The notation group of verb class ``name`` (``relever``, ``relever:sans-pp``), or
    None when ``name`` is no verb of :data:`CONJUGATIONS`. The group ends with
    :data:`VERB_MARK`, which tells :func:`takes_insertion` that a verb ends there."""
    lemma, _, option = name.partition(":")
    if lemma not in CONJUGATIONS or (option and option not in VERB_OPTIONS):
        return None
    forms = verb_forms(lemma, participles=option != "sans-pp", third_only=option == "3e")
    return "{" + ",".join(forms) + "}" + VERB_MARK


#: A character no pattern may hold, written after a verb's forms: words may be
#: inserted after it whatever follows ("nous accusons *bien* réception").
VERB_MARK = "§"


def _is_clitic(token: str) -> bool:
    if token.startswith("{") and token.endswith("}") and token.count("{") == 1:
        return all(form.strip() in CLITICS for form in token[1:-1].split(",") if form.strip())
    return token in CLITICS


def with_negation(source: str) -> str:
    """``source`` (a pattern, classes not yet expanded) with an optional "ne"/"n’" before
    each verb class that a word of the entry precedes, placed before the clitic pronouns
    between them: "il {vous,nous} <appartenir>" finds "il *ne* vous appartient". A verb
    class that starts its form needs none: "ne" then lies before the match."""
    out = []
    position = 0
    for match in _CLASS.finditer(source):
        lemma = match.group(1).partition(":")[0]
        if lemma not in CONJUGATIONS:
            continue
        start = match.start()
        # walk back over the clitic pronouns written before the verb
        while True:
            before = source[:start]
            if not before.endswith(" "):
                break
            head = before[:-1]
            cut = max(head.rfind(" "), head.rfind("|"))
            if head.endswith("}"):
                opening = head.rfind("{")
                cut = opening - 1 if "}" not in head[opening:-1] else -2
                if cut == -2:
                    break
            token = head[cut + 1 :]
            if not _is_clitic(token):
                break
            start = cut + 1
        before = source[:start]
        if before.endswith(" ") and start >= position:
            out.append(source[position:start] + "{,ne ,n’}")
            position = start
    out.append(source[position:])
    return "".join(out)


_GROUP = re.compile(r"\{([^{}]*)\}")


def complete_paradigms(source: str) -> str:
    """``source`` (a lexicon pattern) with each group of a verb's endings completed
    to the verb's whole paradigm; other groups unchanged."""

    def complete(match: re.Match[str]) -> str:
        forms = match.group(1).split(",")
        end = match.end()
        at_word_end = end == len(source) or not source[end].isalpha()
        if not at_word_end:
            return match.group()
        if "er" in forms and ("é" in forms or "e" in forms):
            extra = [form for form in FIRST_GROUP if form not in forms]
        elif "ir" in forms and "i" in forms:
            extra = [form for form in SECOND_GROUP if form not in forms]
        else:
            return _agreed(match.group(), forms)
        return "{" + ",".join(forms + extra) + "}" + VERB_MARK

    return _GROUP.sub(complete, source)


#: An adjective's or a participle's endings in gender and number: a group at a word's
#: end holding the first two of a line (masculine and feminine singular) and nothing
#: else than its forms stands for the whole line ("ordonnancé{,e}" finds "ordonnancées").
ADJECTIVE_ENDINGS = (
    ("", "e", "s", "es"),
    ("é", "ée", "és", "ées"),
    ("f", "ve", "fs", "ves"),
    ("al", "ale", "aux", "ales"),
    ("el", "elle", "els", "elles"),
    ("eux", "euse", "euses"),
    ("eur", "euse", "eurs", "euses"),
)


def _agreed(group: str, forms: list[str]) -> str:
    """``group`` (``{…}`` of ``forms``) completed to an adjective's four forms, or as it is."""
    for line in ADJECTIVE_ENDINGS:
        if set(line[:2]) <= set(forms) and set(forms) <= set(line) and len(forms) < len(line):
            return "{" + ",".join(forms + [form for form in line if form not in forms]) + "}"
    return group


def insertion_slot() -> str:
    """The regular expression of up to two inserted words, each with its space ("pas
    encore", "très rapidement"): two optional alternations of literal words, one after
    the other (bounded, no nested quantifier)."""
    words = sorted(INSERTABLE, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in words)
    return f"(?:(?:{alternatives}) )?" * 2


#: How the part of a pattern after an insertion point must start: a preposition or
#: "que" (the adverb sits between a verb and what it governs: "relève *pas* de").
_GOVERNED = ("de", "d’", "d'", "d{", "du", "des", "à", "au", "aux", "que", "qu’", "qu'", "qu{")


def takes_insertion(before: str, after: str) -> bool:
    """Whether a word may be inserted at a space of a pattern, ``before`` and ``after``
    being the pattern's source on each side: after a verb's forms or a group of forms
    of « être » or « avoir » (:data:`AUXILIARY_FORMS`), whatever follows; after a word of
    five letters or more (or a group of forms), before a preposition or "que". Elsewhere
    a slot would cost more than it finds: after a short word it would make the literal
    start of the entry, looked for in every reply, as short as "a " or "se "."""
    if before.endswith(VERB_MARK):
        return True  # after a verb's forms: "nous accusons *bien* réception"
    if _ends_with_auxiliary_group(before):
        return True  # after « être » / « avoir »: "vous n’êtes *pas* tenu de"
    following = after.lstrip("{")
    if not following.startswith(_GOVERNED):
        return False
    if before.endswith(("}", ">")):
        return True
    run = 0
    for char in reversed(before):
        if not char.isalpha():
            break
        run += 1
    return run >= 5


def _ends_with_auxiliary_group(before: str) -> bool:
    """Whether ``before`` ends with a ``{…}`` group (no nested group) each of whose forms
    is made of forms of « être » or « avoir » ("{est,sont,êtes}", "{ayant,ayant été}")."""
    if not before.endswith("}"):
        return False
    opening = before.rfind("{")
    forms = before[opening + 1 : -1].split(",")
    return all(form.split() and set(form.split()) <= AUXILIARY_FORMS for form in forms)
