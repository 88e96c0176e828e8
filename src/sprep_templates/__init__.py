"""Draft replies to Services Publics + experiences that follow the DITP guide."""

from .batch import draft_many
from .checking import Finding, check_reply
from .compose import Reply, draft_reply
from .environment import STEPS
from .exceptions import (
    DataFileError,
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
from .limits import MAX_WORDS, MIN_WORDS
from .profile import Profile, ProfileError
from .text import apply_typography, count_words

__all__ = [
    "MAX_WORDS",
    "MIN_WORDS",
    "STEPS",
    "Contact",
    "DataFileError",
    "Experience",
    "Finding",
    "InvalidInputError",
    "MissingOrientationError",
    "Profile",
    "ProfileError",
    "Reply",
    "ReplyLengthError",
    "ReplyTooLongError",
    "ReplyTooShortError",
    "Signature",
    "SprepError",
    "TemplateProblemError",
    "TemplateSecurityError",
    "apply_typography",
    "check_reply",
    "count_words",
    "draft_many",
    "draft_reply",
]
