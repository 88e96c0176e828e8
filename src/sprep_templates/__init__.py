"""Draft replies to Services Publics + experiences that follow the DITP guide."""

from .compose import MAX_WORDS, MIN_WORDS, Reply, draft_reply
from .environment import STEPS
from .exceptions import (
    InvalidInputError,
    MissingOrientationError,
    ReplyLengthError,
    ReplyTooLongError,
    ReplyTooShortError,
    SprepError,
    TemplateProblemError,
    TemplateSecurityError,
)
from .inputs import Contact, Experience, Signature
from .text import apply_typography, count_words

__all__ = [
    "MAX_WORDS",
    "MIN_WORDS",
    "STEPS",
    "Contact",
    "Experience",
    "InvalidInputError",
    "MissingOrientationError",
    "Reply",
    "ReplyLengthError",
    "ReplyTooLongError",
    "ReplyTooShortError",
    "Signature",
    "SprepError",
    "TemplateProblemError",
    "TemplateSecurityError",
    "apply_typography",
    "count_words",
    "draft_reply",
]
