"""Draft replies to Services Publics + experiences that follow the DITP guide."""

from .caches import clear_caches
from .checking import Finding, check_reply
from .drafting import Reply, draft_reply
from .exceptions import (
    DataFileError,
    InvalidInputError,
    InvalidInputTypeError,
    MissingOrientationError,
    ProfileError,
    ReplyLengthError,
    ReplyTooLongError,
    ReplyTooShortError,
    SprepError,
    TemplateProblemError,
    TemplateSecurityError,
    UnreadableInputError,
)
from .export import Drafted, Rejected, Skipped, draft_many, results_frame
from .inputs import Contact, Experience, Signature, Structure
from .limits import GUARANTEED_LIMITS, MAX_WORDS, MIN_WORDS
from .profile import Profile
from .steps import STEPS
from .text import apply_typography, count_words
from .vocabulary import STATUSES, Sentiment, Severity, Status

try:  # the installed distribution's version; a working tree that is not installed has none
    from importlib.metadata import PackageNotFoundError, version

    __version__ = version("sprep_templates")
except PackageNotFoundError:  # pragma: no cover - only outside an installed copy
    __version__ = "0+unknown"

__all__ = [
    "GUARANTEED_LIMITS",
    "MAX_WORDS",
    "MIN_WORDS",
    "STATUSES",
    "STEPS",
    "Contact",
    "DataFileError",
    "Drafted",
    "Experience",
    "Finding",
    "InvalidInputError",
    "InvalidInputTypeError",
    "MissingOrientationError",
    "Profile",
    "ProfileError",
    "Rejected",
    "Reply",
    "ReplyLengthError",
    "ReplyTooLongError",
    "ReplyTooShortError",
    "Sentiment",
    "Severity",
    "Signature",
    "Skipped",
    "SprepError",
    "Status",
    "Structure",
    "TemplateProblemError",
    "TemplateSecurityError",
    "UnreadableInputError",
    "__version__",
    "apply_typography",
    "check_reply",
    "clear_caches",
    "count_words",
    "draft_many",
    "draft_reply",
    "results_frame",
]
