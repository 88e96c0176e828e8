"""Hostile text (issue 21, text items): patterns on untrusted text run in linear time,
screening reads a folded form of the text, invisible characters reach no draft, the
official-domain check reads the URL's host, the public API raises only SprepError.

Timings are CPU time (``time.process_time``), the best of a few runs, compared as a
ratio between two sizes: a quadratic pattern takes about 16 times as long for 4 times
the text, a linear one about 4 times. The bound (8) and the absolute budgets are
generous so that a shared, busy machine does not fail them.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable

import pytest

from sprep_templates import (
    Contact,
    Experience,
    Signature,
    apply_typography,
    check_reply,
    draft_reply,
)

SIGNATURE = Signature(first_name="Anne", organisation="la Caf de Paris")
CONTACTS = (Contact(kind="phone", value="32 30"),)


def _mixed(n: int) -> str:
    rng = random.Random(n)
    pieces = ["l'", "1", " ", "!", "www.", "@", "a", "Menac", "\u00a0", ".", "0 ", "’", "?", "-"]
    text = ""
    while len(text) < n:
        text += rng.choice(pieces)
    return text[:n]


#: Pathological texts of about ``n`` characters, by family.
FAMILIES: dict[str, Callable[[int], str]] = {
    "repeated digits": lambda n: "1" * n,
    "repeated stem menac": lambda n: "Menac" * (n // 5),
    "repeated stem harcel": lambda n: "harcel" * (n // 6),
    "repeated stem raccroch": lambda n: "raccroch" * (n // 8),
    "repeated stem decede": lambda n: "décéd" * (n // 5),
    "letters": lambda n: "a" * n,
    "capitals": lambda n: "AB" * (n // 2),
    "camel joints": lambda n: "aB" * (n // 2),
    "exclamation run": lambda n: "!" * n + "a",
    "full stop run": lambda n: "." * n + "a",
    "ellipsis run": lambda n: "?…" * (n // 2) + "a",
    "e-mail-like": lambda n: "a" * (n // 2) + "@" + "b" * (n // 2),
    "e-mail-like dots": lambda n: "a." * (n // 4) + "@" + "b." * (n // 4),
    "at signs": lambda n: "a@" * (n // 2),
    "URL-like": lambda n: "http://" + "a" * n,
    "www runs": lambda n: "www." * (n // 4),
    "URL dots": lambda n: "https://" + "a." * (n // 2),
    "phone-like": lambda n: "0 " * (n // 2),
    "phone-like dots": lambda n: "1." * (n // 2),
    "phone-like plus": lambda n: "+33 " * (n // 4),
    "apostrophes": lambda n: "d'" * (n // 2),
    "curly apostrophes": lambda n: "l’" * (n // 2),
    "spaces": lambda n: "a" + " " * n + "b",
    "NBSP run": lambda n: "a" + "\u00a0" * n + ":",
    "NNBSP run": lambda n: "a" + "\u202f" * n + "!",
    "hours": lambda n: "1h" * (n // 2),
    "quotes": lambda n: '"' * n,
    "guillemets": lambda n: "«" * n,
    "colons": lambda n: "a:" * (n // 2),
    "hyphens": lambda n: "a-" * (n // 2),
    "words and spaces": lambda n: "de " * (n // 3),
    "mixed": _mixed,
}


def _cpu(function: Callable[[str], object], text: str, repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls; each call gets the text with a different
    number of trailing spaces, so that no cache answers it."""
    best = float("inf")
    for run in range(1, repeat + 1):
        variant = text + " " * run
        start = time.process_time()
        function(variant)
        best = min(best, time.process_time() - start)
        if best > 1.0:  # slow enough to tell: no need to measure again
            break
    return best


def _describe(text: str) -> None:
    draft_reply(
        Experience(sentiment="negative", description=text), signature=SIGNATURE, contacts=CONTACTS
    )


#: Entry points that read untrusted text, with the two sizes measured (the larger within
#: the entry's own bound).
ENTRIES: dict[str, tuple[Callable[[str], object], int]] = {
    "description": (_describe, 10_000),
    "check_reply": (check_reply, 4_000),
    "check_reply pseudonym": (lambda text: check_reply("Bonjour,", pseudonym=text), 10_000),
    "apply_typography": (apply_typography, 10_000),
}

SMALL_ENOUGH = 0.05  # seconds of CPU for the larger size: too fast to tell anything


@pytest.mark.parametrize("entry", sorted(ENTRIES))
def test_patterns_on_untrusted_text_run_in_linear_time(entry: str) -> None:
    """For each family, 4 times the text takes well under 16 times as long."""
    function, size = ENTRIES[entry]
    slow: list[str] = []
    for family, make in FAMILIES.items():
        small, large = make(size), make(4 * size)
        function(small)  # first compilations, data files read
        large_time = _cpu(function, large)
        if large_time < SMALL_ENOUGH:
            continue
        small_time = _cpu(function, small)
        ratio = large_time / max(small_time, 1e-4)
        if ratio >= 8 or large_time > 3.0:
            slow.append(f"{family}: {small_time:.3f}s -> {large_time:.3f}s (x{ratio:.1f})")
    assert not slow, f"{entry} is not linear:\n" + "\n".join(slow)


#: The bounded fields, at their largest: too short to measure a ratio, so a budget.
BOUNDED_FIELDS = {
    "title": 300,
    "pseudonym": 100,
    "action": 2000,
    "country": 100,
    "answer": 2000,
    "situation": 2000,
    "improvement": 2000,
}


@pytest.mark.parametrize("field", sorted(BOUNDED_FIELDS))
def test_bounded_fields_at_their_largest_cost_little_whatever_they_hold(field: str) -> None:
    from sprep_templates import SprepError

    size = BOUNDED_FIELDS[field]
    slow = []
    for family, make in FAMILIES.items():
        text = (make(size) + "x" * size)[:size]
        start = time.process_time()
        try:
            if field in ("answer", "situation", "improvement"):
                draft_reply(
                    Experience(sentiment="negative"),
                    signature=SIGNATURE,
                    contacts=CONTACTS,
                    **{field: text},
                )
            else:
                _drafts(**{field: text})
        except SprepError:
            pass
        spent = time.process_time() - start
        if spent > 1.5:
            slow.append(f"{family}: {spent:.2f}s")
    assert not slow, slow


def test_check_reply_refuses_a_text_beyond_its_bound_saying_what_to_do() -> None:
    from sprep_templates.exceptions import InvalidInputError
    from sprep_templates.limits import MAX_CHECKED_CHARS

    with pytest.raises(InvalidInputError, match=r"1,000,000.*check the reply alone"):
        check_reply("Bonjour. " * (MAX_CHECKED_CHARS // 9 + 1))
    assert check_reply("Bonjour. " * (MAX_CHECKED_CHARS // 10)) is not None  # within: checked


# --- item 13: the official-domain check reads the URL's host ---------------------------

REPLY_WITH_LINK = (
    "Bonjour Sandrine,\n"
    "Nous avons bien pris en compte votre message et nous regrettons les difficultés que "
    "vous rencontrez. Vous trouverez la marche à suivre sur {link} avec le détail des pièces.\n"
    "Nous vous remercions de votre alerte.\n"
    "Cordialement,\n"
    "Jean, pour la Caf de Paris"
)


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example?www.caf.fr",
        "https://evil.example#www.caf.fr",
        "https://evil.example;www.caf.fr",
        "https://evil.example/?x=www.caf.fr",
        "https://www.caf.fr@evil.example",
        "https://evil.example\\www.caf.fr",
        "https://evil.example:443?.caf.fr",
    ],
)
def test_official_domain_check_reads_the_host_not_the_query(link: str) -> None:
    found = [
        f
        for f in check_reply(REPLY_WITH_LINK.format(link=link), pseudonym="Sandrine")
        if f.rule == "contact"
    ]
    assert [f.severity for f in found] == ["warning"], found
    assert "evil.example" in found[0].message


@pytest.mark.parametrize("link", ["https://www.caf.fr/nous-contacter?x=1#a", "https://WWW.CAF.FR"])
def test_official_links_stay_official(link: str) -> None:
    found = check_reply(REPLY_WITH_LINK.format(link=link), pseudonym="Sandrine")
    assert not [f for f in found if f.rule == "contact"]


# --- items 7, 8, 9: screening reads a folded text; invisible characters reach no draft ---

_SENTIMENTS = ("positive", "neutral", "negative")


def _drafts(**fields: object) -> list[str]:
    return [
        draft_reply(
            Experience(sentiment=sentiment, id=str(number), **fields),  # type: ignore[arg-type]
            signature=SIGNATURE,
            contacts=CONTACTS,
        ).text
        for sentiment in _SENTIMENTS
        for number in range(3)
    ]


def test_a_clean_title_is_quoted_so_the_screening_tests_can_fail() -> None:
    assert all(
        "Renouvellement de passeport" in text
        for text in _drafts(title="Renouvellement de passeport")
    )


@pytest.mark.parametrize(
    ("title", "insult"),
    [
        ("Administration de m\u0435rde", "m\u0435rde"),  # Cyrillic е
        ("Bande de nuls", "nuls"),
        ("Administration de ｍerde", "ｍerde"),  # fullwidth m
        ("Administration de \U0001d426erde", "erde"),  # mathematical bold m
    ],
)
def test_an_insult_in_the_title_is_never_quoted(title: str, insult: str) -> None:
    assert not [text for text in _drafts(title=title) if insult in text]


DEATH_DISGUISES = {
    "soft hyphen": "dé\u00adcédée",
    "zero-width space": "dé\u200bcédée",
    "word joiner": "déc\u2060édée",
    "BOM": "décé\ufeffdée",
    "fullwidth letter": "\uff44écédée",
    "Cyrillic е": "décédé\u0435",
    "combining accents": "de\u0301ce\u0301de\u0301e",
    "zero-width joiner": "décé\u200ddée",
}


@pytest.mark.parametrize("word", DEATH_DISGUISES.values(), ids=DEATH_DISGUISES.keys())
def test_a_disguised_death_is_still_read(word: str) -> None:
    description = f"Ma mère est {word} le mois dernier et je dois refaire toutes les démarches."
    reply = draft_reply(
        Experience(sentiment="positive", description=description),
        signature=SIGNATURE,
        contacts=CONTACTS,
    )
    assert reply.status == "to_review"
    assert any(reason.startswith("décès") for reason in reply.attention)


#: Invisible characters: a bidi control (refused everywhere), zero-width ones, the word
#: joiner, a BOM, a tag character (hidden text), Hangul fillers, a soft hyphen.
INVISIBLES = {
    "U+061C": "\u061c",
    "U+200B": "\u200b",
    "U+200C": "\u200c",
    "U+200D": "\u200d",
    "U+2060": "\u2060",
    "U+FEFF": "\ufeff",
    "U+E0041": "\U000e0041",
    "U+3164": "\u3164",
    "U+115F": "\u115f",
    "U+00AD": "\u00ad",
}


def _has_invisible(text: str) -> bool:
    from sprep_templates.folding import INVISIBLE

    return INVISIBLE.search(text) is not None


@pytest.mark.parametrize("char", INVISIBLES.values(), ids=INVISIBLES.keys())
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Renouvellement de{} passeport"),
        ("action", "Nous avons{} revu nos horaires d’accueil."),
        ("pseudonym", "Sand{}rine"),
    ],
)
def test_invisible_characters_of_the_users_fields_never_reach_a_draft(
    field: str, value: str, char: str
) -> None:
    from sprep_templates.exceptions import InvalidInputError

    try:
        texts = _drafts(**{field: value.format(char)})
    except InvalidInputError as error:  # bidi controls are refused, naming the field
        assert char == "\u061c" and f"Experience.{field}" in str(error)
        return
    assert not [text for text in texts if _has_invisible(text)]


@pytest.mark.parametrize("char", INVISIBLES.values(), ids=INVISIBLES.keys())
@pytest.mark.parametrize("field", ["first_name", "organisation", "closing"])
def test_invisible_characters_in_the_signature_are_refused(field: str, char: str) -> None:
    from sprep_templates.exceptions import InvalidInputError

    values = {"first_name": "Anne", "organisation": "la Caf de Paris", "closing": "Bien à vous"}
    values[field] = values[field][:3] + char + values[field][3:]
    with pytest.raises(InvalidInputError, match=f"Signature.{field}.*U\\+{ord(char):04X}"):
        Signature(**values)


@pytest.mark.parametrize("char", INVISIBLES.values(), ids=INVISIBLES.keys())
@pytest.mark.parametrize("field", ["situation", "answer", "improvement"])
def test_invisible_characters_in_the_agents_text_are_refused(field: str, char: str) -> None:
    from sprep_templates.exceptions import InvalidInputError

    with pytest.raises(InvalidInputError, match=f"{field}.*U\\+{ord(char):04X}"):
        draft_reply(
            Experience(sentiment="negative"),
            signature=SIGNATURE,
            contacts=CONTACTS,
            **{field: f"Votre dossier{char} est complet."},
        )


@pytest.mark.parametrize("char", INVISIBLES.values(), ids=INVISIBLES.keys())
def test_the_checker_flags_an_invisible_character(char: str) -> None:
    text = REPLY_WITH_LINK.format(link="https://www.caf.fr").replace(
        "votre alerte", f"votre{char} alerte"
    )
    found = [
        f for f in check_reply(text, pseudonym="Sandrine") if f"U+{ord(char):04X}" in f.message
    ]
    assert found and found[0].severity == "error"
    assert text[found[0].start : found[0].end] == char


# --- item 18 (part): typography's placeholders, dates, profiles -------------------------


def test_typography_keeps_every_number_past_65534_protected_runs() -> None:
    numbers = [f"{1000 + index} 000" for index in range(70_000)]
    typeset = apply_typography(" ; ".join(numbers))
    assert typeset.split("\u202f; ") == numbers


@pytest.mark.parametrize("char", ["\U000f0000", "\U000f0001", "\ue000", "\U0010fffd"])
def test_typography_leaves_private_use_characters_alone(char: str) -> None:
    text = f"Voir {char} sur https://www.caf.fr ou au 01 23 45 67 89 : merci"
    assert apply_typography(text) == (
        f"Voir {char} sur https://www.caf.fr ou au 01 23 45 67 89\u00a0: merci"
    )
    assert apply_typography(char) == char


@pytest.mark.parametrize("value", ["1" * 20, "1" * 8, "11111111T1111", "0001-01-01", "1111-11-11"])
def test_a_date_that_is_no_publication_date_is_refused_clearly(value: str) -> None:
    from sprep_templates.exceptions import InvalidInputError

    with pytest.raises(InvalidInputError, match=r"Experience\.published"):
        Experience(sentiment="negative", published=value)


@pytest.mark.parametrize("value", ["06/10/2022 15:07", "2022-10-06", "2022-10-06T15:07:00"])
def test_publication_dates_as_the_export_writes_them_are_read(value: str) -> None:
    from datetime import date

    assert Experience(sentiment="negative", published=value).published == date(2022, 10, 6)


def test_a_date_object_of_another_age_is_refused() -> None:
    from datetime import date

    from sprep_templates.exceptions import InvalidInputError

    with pytest.raises(InvalidInputError, match=r"Experience\.published.*1111-11-11"):
        Experience(sentiment="negative", published=date(1111, 11, 11))


def _profile_with_long_signatures(sections: int, tag: str) -> dict[str, object]:
    return {
        "signature": {"first_name": "Jean", "organisation": "la Caf de Paris"},
        "contacts": [
            {"kind": "phone", "value": "32 30"},
            {"kind": "web", "value": f"https://www.caf.fr/{tag}"},
        ],
        "structures": [
            {
                "match": f"Structure {number}",
                "signature": {
                    "organisation": f"le service {number} de la direction départementale de la Caf"
                },
            }
            for number in range(sections)
        ],
    }


def test_a_profile_with_many_long_signatures_loads_in_time_linear_in_its_size() -> None:
    """Each signer beyond the guaranteed limits is proven within 150 words; the steps
    that do not print the signature are counted once for all signers."""
    from sprep_templates import Profile

    start = time.process_time()
    Profile.from_mapping(_profile_with_long_signatures(1, "one"))
    one = time.process_time() - start
    start = time.process_time()
    Profile.from_mapping(_profile_with_long_signatures(60, "sixty"))
    sixty = time.process_time() - start
    assert sixty < 10 * one + 0.5, f"1 section: {one:.2f}s, 60 sections: {sixty:.2f}s"


# --- item 16: a custom template's bound does not depend on the machine's load ------------


def test_a_custom_phrasing_within_its_bound_renders_whatever_the_load(tmp_path) -> None:
    """A phrasing that costs a tenth of the bound renders in 16 threads at once: the
    bound counts the rendering thread's own CPU time, not the wall clock."""
    from concurrent.futures import ThreadPoolExecutor

    folder = tmp_path / "templates"
    (folder / "negative" / "thanks").mkdir(parents=True)
    (folder / "negative" / "thanks" / "01.j2").write_text(
        "{% set ns = namespace(total=0) %}"
        "{% for i in range(9000) %}{% set ns.total = (ns.total + i * 7) % 13 %}{% endfor %}"
        "Nous avons bien pris en compte votre message"
        "{{ '.' if ns.total >= 0 or similar < 0 else '!' }}\n",
        encoding="utf-8",
    )

    def one(number: int) -> str:
        return draft_reply(
            Experience(sentiment="negative", id=str(number), similar=number),
            signature=SIGNATURE,
            contacts=CONTACTS,
            template_dir=folder,
        ).text

    one(0)  # the folder is loaded (and each phrasing tried) once
    with ThreadPoolExecutor(max_workers=16) as pool:
        texts = list(pool.map(one, range(1, 161)))
    assert all("Nous avons bien pris en compte votre message." in text for text in texts)


# --- item 14: the public API raises only SprepError, naming the parameter -----------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sprep_templates import Profile, SprepError, draft_many, results_frame  # noqa: E402

_PROFILE = Profile.from_mapping(
    {
        "signature": {"first_name": "Anne", "organisation": "la Caf de Paris"},
        "contacts": [{"kind": "phone", "value": "32 30"}],
    }
)


class _Opaque:
    """An object of no expected type, whose repr is fine."""


class _BadRepr:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


#: Values of the wrong type or beyond what a parameter takes.
WRONG_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.just(10**5000),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=4),
    st.text(max_size=4),
    st.sampled_from(["false", "0", "", " ", "https://[::1/", "\x00", "../..", "nan"]),
    st.lists(st.integers(), max_size=2),
    st.frozensets(st.sampled_from(["Téléphone", "Courrier", "Accueil"]), min_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.builds(_Opaque),
    st.builds(_BadRepr),
)

#: Each public callable, with valid values for all its parameters.
PUBLIC = {
    "draft_reply": (
        draft_reply,
        {
            "experience": Experience(sentiment="negative"),
            "signature": SIGNATURE,
            "contacts": CONTACTS,
            "situation": None,
            "answer": None,
            "improvement": None,
            "template_dir": None,
            "today": None,
            "late_after_days": 30,
        },
    ),
    "check_reply": (
        check_reply,
        {
            "text": "Bonjour,\nMerci.",
            "pseudonym": None,
            "signature": None,
            "contacts": (),
            "sentiment": None,
            "closing_added": False,
            "official_domains": (),
            "locale": "fr",
        },
    ),
    "apply_typography": (apply_typography, {"text": "l'eau", "also_keep": None}),
    "count_words": (__import__("sprep_templates").count_words, {"text": "deux mots"}),
    "Experience": (
        Experience,
        {
            "sentiment": "negative",
            "id": None,
            "pseudonym": None,
            "title": None,
            "channels": (),
            "posted_as": "self",
            "similar": 0,
            "published": None,
            "action": None,
            "description": None,
            "country": None,
        },
    ),
    "Contact": (Contact, {"kind": "phone", "value": "32 30", "label": None, "abroad": None}),
    "Signature": (Signature, {"first_name": "Anne", "organisation": "la Caf", "closing": None}),
    "Profile.from_mapping": (
        Profile.from_mapping,
        {
            "data": {"signature": {"first_name": "Anne", "organisation": "la Caf"}},
            "source": "profile",
            "base": None,
        },
    ),
    "Structure": (__import__("sprep_templates").Structure, {"name": "Caf de Paris", "id": None}),
    "Experience.from_export_row": (
        Experience.from_export_row,
        {"row": {"Ressenti usager": "Négatif", "ID expérience": "12"}},
    ),
    "Profile.from_toml": (Profile.from_toml, {"path": "/nonexistent/profile.toml"}),
    "draft_many": (
        lambda **given: list(draft_many(**given)),
        {
            "rows": [{"sentiment": "negative", "id": "1"}],
            "profile": _PROFILE,
            "structure": None,
            "require_section": False,
            "include_answered": False,
            "today": None,
        },
    ),
}

#: The words an error names a parameter by, where the parameter's own name would not do.
#: (A regular expression: a row's fault is named by its column or the field it feeds.)
_NAMED_AS = {
    ("Profile.from_mapping", "data"): "profile",
    ("Profile.from_toml", "path"): "profile",
    ("Experience.from_export_row", "row"): "from_export_row|sentiment|column",
}


def _probe(name: str, parameter: str, value: object) -> None:
    function, valid = PUBLIC[name]
    try:
        function(**{**valid, parameter: value})
    except SprepError as error:
        expected = _NAMED_AS.get((name, parameter), parameter)
        assert re.search(expected, str(error)), f"{name}({parameter}=…): {error}"


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_public_callables_raise_only_sprep_errors_naming_the_parameter(data) -> None:
    name = data.draw(st.sampled_from(sorted(PUBLIC)), label="callable")
    parameter = data.draw(st.sampled_from(sorted(PUBLIC[name][1])), label="parameter")
    value = data.draw(WRONG_VALUES, label="value")
    _probe(name, parameter, value)


@pytest.mark.parametrize(
    ("name", "parameter", "value"),
    [
        ("draft_reply", "contacts", 5),
        ("draft_reply", "template_dir", 5),
        ("Contact", "value", "https://[::1/"),
        ("Experience", "id", 10**5000),
        ("Experience", "channels", {"Téléphone", "Courrier"}),
        ("check_reply", "closing_added", "false"),
        ("apply_typography", "text", 5),
        ("apply_typography", "also_keep", 5),
        ("count_words", "text", None),
        ("Profile.from_mapping", "data", 5),
        ("draft_many", "rows", 5),
    ],
    ids=lambda value: value if isinstance(value, str) else type(value).__name__,
)
def test_reported_wrong_arguments_are_sprep_errors(
    name: str, parameter: str, value: object
) -> None:
    function, valid = PUBLIC[name]
    if name == "Contact" and parameter == "value":
        valid = {**valid, "kind": "web"}
    with pytest.raises(SprepError, match=_NAMED_AS.get((name, parameter), parameter)):
        function(**{**valid, parameter: value})


def test_contacts_none_gives_the_same_result_whatever_came_before() -> None:
    def attempt() -> str:
        try:
            return draft_reply(
                Experience(sentiment="negative"), signature=SIGNATURE, contacts=None, answer="Oui."
            ).text
        except SprepError as error:
            return type(error).__name__

    first = attempt()
    draft_reply(Experience(sentiment="negative"), signature=SIGNATURE, contacts=CONTACTS)
    assert attempt() == first


def test_results_frame_refuses_what_is_no_result() -> None:
    pytest.importorskip("pandas")
    with pytest.raises(SprepError, match="results"):
        results_frame(5)  # type: ignore[arg-type]


# --- fuzzing the screening and typography over Unicode categories -------------------------

import unicodedata  # noqa: E402

from sprep_templates.lexicons import confusables  # noqa: E402

_CATEGORIES = ["Cf", "Co", "Cc", "Cs", "Mn", "Zs", "Lo", "Nd", "No"]
_PIECES = st.sampled_from(
    ["décédée", "merde", "nuls", "Sandrine", "Menac", "admin", " ", "'", "’", "-", "01 23", "!"]
)
HOSTILE_TEXT = st.lists(
    st.one_of(
        st.characters(categories=_CATEGORIES),
        st.sampled_from(sorted(confusables())),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),  # fullwidth forms
        _PIECES,
        st.text(max_size=3),
    ),
    max_size=12,
).map("".join)


def _unseen_in_a_draft(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cf", "Cs") or (category == "Cc" and char != "\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    field=st.sampled_from(["pseudonym", "title", "action", "description", "channels"]),
    text=HOSTILE_TEXT,
    sentiment=st.sampled_from(_SENTIMENTS),
)
def test_fuzzed_user_text_gives_a_draft_or_a_sprep_error_and_nothing_invisible(
    field: str, text: str, sentiment: str
) -> None:
    try:
        experience = Experience(sentiment=sentiment, id="7", **{field: text})  # type: ignore[arg-type]
        reply = draft_reply(experience, signature=SIGNATURE, contacts=CONTACTS)
    except SprepError:
        return
    hidden = [f"U+{ord(c):04X}" for c in reply.text if _unseen_in_a_draft(c)]
    assert not hidden, hidden
    from sprep_templates.folding import INVISIBLE

    assert INVISIBLE.search(reply.text) is None


@settings(max_examples=300, deadline=None)
@given(text=HOSTILE_TEXT)
def test_fuzzed_pseudonym_and_reply_checked_give_findings_or_a_sprep_error(text: str) -> None:
    try:
        check_reply(f"Bonjour {text},\n{text}\nCordialement,\nAnne, pour la Caf", pseudonym=text)
    except SprepError:
        return


@settings(max_examples=300, deadline=None)
@given(text=HOSTILE_TEXT)
def test_fuzzed_typography_keeps_every_private_use_character(text: str) -> None:
    try:
        typeset = apply_typography(text)
    except SprepError:
        return
    private = [c for c in text if unicodedata.category(c) == "Co"]
    assert [c for c in typeset if unicodedata.category(c) == "Co"] == private
