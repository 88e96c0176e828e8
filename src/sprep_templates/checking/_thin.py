"""A reply that answers nothing, by meaning (issue 23): its body only thanks the user,
says the message was read, or that such messages help the service improve, or what the
platform is for, in any wording; with no orientation, no link, no number, and no
sentence of the user's own situation (a regret, a fact of the case). Run by
``generic_rule`` on one reply (the grouping of replies sent many times is
``_stock.py``'s).

Patterns here have no nested quantifier: each is linear in the text.
"""

from __future__ import annotations

import re

from ..text import count_words
from ._cues import GREETING_WITH_NAME, STEP_PATTERNS
from ._reading import Reading

__all__ = ["MAX_THIN_WORDS", "thanks_only"]

#: A body longer than this says something: a reply that only thanks is short.
MAX_THIN_WORDS = 50
_MAX_SENTENCES = 3

_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$|[A-ZÀ-Ý])")
_THANKS = re.compile(STEP_PATTERNS["thanks"])
# An answer after all: the user is oriented somewhere.
_ORIENTATION = re.compile(rf"\b(?:{STEP_PATTERNS['orientation']})")
_ABOUT_THE_MESSAGE = re.compile(
    r"\b(?:message|témoignage|retour|expérience|avis|commentaire|contribution|partage|"
    r"remarque|confiance|temps)"
)
# "We read it": the message was received, read, noted.
_READ = re.compile(
    r"\b(?:pris connaissance|pris en compte|pris (?:bonne )?note|prenons (?:bonne )?note|"
    r"bien reçu|avons reçu|retenu (?:toute )?(?:notre|mon|toute notre) attention|"
    r"lu avec attention|lu attentivement)"
)
# What the service does with the message (passes it on, improves something): an answer,
# unless it is improvement in general.
_IMPROVEMENT = re.compile(STEP_PATTERNS["improvement"])
# Improvement in general: the service, its quality, never a named change.
_GENERIC_IMPROVEMENT = re.compile(
    r"\b(?:qualité (?:de|du|des) services?|amélioration continue|"
    r"améliorer (?:nos|notre|le|la|les) (?:services?|qualité|accueil|prestations?)|"
    r"objectifs d[’']amélioration|démarche d[’']amélioration)"
)
# What the platform is for.
_PLATFORM = re.compile(r"\bservices publics ?(?:\+|plus)|\bla plateforme\b")
# A regret or a difficulty named: the reply takes in the user's own situation.
_OWN_SITUATION = re.compile(
    r"regrett|désolé|navré|excus|comprenons|déçu|déception|mécontent|difficult"
)


def _stock_sentence(sentence: str) -> bool:
    """Whether ``sentence`` (lower case) is one of the stock sentences of a reply that
    answers nothing: thanks or "we read it" about the message, improvement in general,
    what the platform does with messages."""
    if _OWN_SITUATION.search(sentence):
        return False
    general = _GENERIC_IMPROVEMENT.search(sentence) is not None
    if not general and _IMPROVEMENT.search(sentence):
        return False  # "nous transmettons vos remerciements à l’équipe"
    about = _ABOUT_THE_MESSAGE.search(sentence) is not None
    if about and (_THANKS.search(sentence) or _READ.search(sentence)):
        return True
    if general and (about or _READ.search(sentence)):
        return True
    return about and _PLATFORM.search(sentence) is not None


def _body_end(reply: Reading) -> int:
    """Where the body ends: before the closing formula and the signature, when the text
    has them (the platform adds them when ``closing_added``)."""
    if not reply.closing_added and len(reply.paragraphs) >= 3:
        return reply.paragraphs[-2][0]
    return len(reply.text)


def thanks_only(reply: Reading) -> tuple[int, int] | None:
    """The span of a body that answers nothing (at most three short sentences, each a
    stock sentence: thanks, "we read it", improvement in general, what the platform
    does; no link, number or orientation), or None."""
    text, lower = reply.text, reply.lower
    greeting = GREETING_WITH_NAME.match(text)
    start, end = (greeting.end() if greeting else 0), _body_end(reply)
    body = lower[start:end]
    if len(body) > 10 * MAX_THIN_WORDS or not body.strip() or reply.urls:
        return None  # 50 words take less than 500 characters
    if any(map(str.isdigit, body)) or count_words(body) > MAX_THIN_WORDS:
        return None
    # Sentences end at a stop before a space, the end, or a capital (exports lose the
    # space after a stop: "attention.Je vous informe").
    sentences = [s.lower() for s in _SENTENCE_END.split(text[start:end]) if s.strip()]
    if len(sentences) > _MAX_SENTENCES or _ORIENTATION.search(body):
        return None
    if not all(_stock_sentence(sentence) for sentence in sentences):
        return None
    first = start + len(body) - len(body.lstrip())
    return first, start + len(body.rstrip())
