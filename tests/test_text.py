"""Word counting and French typography."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprep_templates import apply_typography, count_words

NB, NNB = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Bonjour Sandrine,", 2),
        ("l’administration répond aujourd’hui", 3),
        ("Écrivez à contact@caf.fr ou sur https://www.caf.fr/a-b.", 6),
        ("Appelez le 0 800 123 456 !", 3),
        ("Plus de 10 000 personnes", 4),
        ("Merci : « oui » !", 2),
        ("Un mot — puis un autre", 5),
        ("c’est-à-dire", 1),
        ("", 0),
    ],
)
def test_count_words(text, words):
    """Words are counted as the reference notes describe (as LibreOffice does)."""
    assert count_words(text) == words


@pytest.mark.parametrize(
    ("text", "typeset"),
    [
        ("l'Assurance Maladie", "l’Assurance Maladie"),
        (
            "Merci ! Vraiment ? Oui ; non : peut-être",
            f"Merci{NNB}! Vraiment{NNB}? Oui{NNB}; non{NB}: peut-être",
        ),
        ("il dit « oui »", f"il dit «{NB}oui{NB}»"),
        ('il dit "oui"', f"il dit «{NB}oui{NB}»"),
        ("sous 48h", f"sous 48{NB}h"),
        ("à 9h30", f"à 9{NB}h{NB}30"),
        ("50€ et 2ème", f"50{NB}€ et 2e"),
    ],
)
def test_typography(text, typeset):
    """Apostrophes, non-breaking spaces, hours, euros and ordinals follow French rules."""
    assert apply_typography(text) == typeset


@pytest.mark.parametrize(
    "kept",
    [
        "https://www.caf.fr/page?ref=a:b;c!d'e",
        "https://www.demarches.interieur.gouv.fr/points-numeriques",
        "jean.o'neil@exemple.gouv.fr",
        "01 23 45 67 89",
        "+33 1 23 45 67 89",
        "32 30",
    ],
)
def test_typography_leaves_urls_emails_and_phones_alone(kept):
    """URLs, e-mail addresses and phone numbers come out exactly as they went in."""
    assert kept in apply_typography(f"Contactez-nous : {kept} ! Merci.")


def test_punctuation_after_a_url_is_still_typeset():
    """A question mark after a URL gets its non-breaking space; the URL is intact."""
    assert (
        apply_typography("Avez-vous vu https://www.caf.fr ?")
        == f"Avez-vous vu https://www.caf.fr{NNB}?"
    )


@given(st.text(max_size=80))
def test_typography_is_idempotent(text):
    """Typesetting twice changes nothing more."""
    once = apply_typography(text)
    assert apply_typography(once) == once


_SEP = "\\s\u00a0\u202f\u2013\u2014\u2015"
_REFERENCE_TOKEN = re.compile(f"[^{_SEP}]*[^\\W_][^{_SEP}]*")
_REFERENCE_NUMBER = re.compile(f"(?<![^{_SEP}])\\d{{1,4}}(?:[{_SEP}]+\\d{{2,3}}(?![^{_SEP}]))+")


@given(st.text(st.sampled_from(list("ab12_ \u00a0\u202f—–-.,:!'’\n«»é")), max_size=40))
def test_count_words_matches_its_definition(text):
    """The fast count equals the rule written as one pattern: runs between white space or
    dashes holding a letter or digit, digit groups after a number joined to it."""
    assert count_words(text) == len(_REFERENCE_TOKEN.findall(_REFERENCE_NUMBER.sub("0", text)))


# The counting rule read literally, one regex per clause: numbers whose digit
# groups follow each other are one word, dashes separate words, and a token
# with no letter or digit is none. count_words computes it token by token.
_SEP = "\\s\u00a0\u202f\u2013\u2014\u2015"
_NUMBER_RUN = re.compile(f"(?<![^{_SEP}])\\d{{1,4}}(?:[{_SEP}]+\\d{{2,3}}(?![^{_SEP}]))+")
_NO_WORD_TOKEN = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")


def _reference_count(text: str) -> int:
    text = re.sub("[\u2013\u2014\u2015]", " ", _NUMBER_RUN.sub("0", text))
    tokens = text.split()
    return len(tokens) - len(_NO_WORD_TOKEN.findall(" ".join(tokens)))


_COUNTING_PIECES = st.sampled_from(
    [*"0123456789 ab\u00a0\u202f\u2013\u2014-.:,_«»’'\n\t", "٣", "²", "é", "x@y.fr"]
)


@given(st.lists(_COUNTING_PIECES, max_size=40).map("".join))
def test_count_words_follows_the_rule_literally(text):
    """Digit groups, dashes, isolated punctuation, other scripts' digits: the
    token-by-token count equals the rule read with regular expressions."""
    assert count_words(text) == _reference_count(text)


def _fold_reference(text: str) -> str:
    """fold as first written: every combining mark of the decomposed text dropped."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("œ", "oe")


@given(st.text(max_size=200))
def test_fold_drops_every_combining_mark_as_the_plain_definition_does(text):
    """The fast paths (ASCII, the Latin diacritics' block, short texts remembered)
    fold every text as the one-character-at-a-time definition does, short or long."""
    from sprep_templates.text import fold

    assert fold(text) == _fold_reference(text)
    assert fold(text * 5) == _fold_reference(text * 5)  # past the remembered length


def test_fold_of_marks_outside_the_latin_block():
    from sprep_templates.text import fold

    for text in ("Ŝ\u1ab0e\u20d0x", "ÉLÈVE œuvre", "a\u0301\u034fb", "ﬁ" * 70 + "\u05b0"):
        assert fold(text) == _fold_reference(text)
