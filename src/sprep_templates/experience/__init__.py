"""Everything a draft reads from the experience.

- ``_personalisation``: tone, criteria, who wrote, the wait, the action, sober;
- ``_screening``: whether the pseudonym can be greeted and the title quoted;
- ``_sensitive``: sensitive situations the description tells of;
- ``_complaints``: a phone that could not be reached;
- ``_said``: what the user wrote beyond the ratings (access, channels, question,
  suggestion, bug, procedure, bereavement, distress) and its template variables;
- ``_problems``: the user's own problem and how serious the situation is (read by
  ``_said``: ``Said.problem``, ``Said.severity``, ``Said.waited``).
"""

from ._complaints import load_phone_patterns, phone_unreachable_span, says_phone_unreachable
from ._personalisation import (
    DEFAULT_LATE_AFTER_DAYS,
    MAX_NAMED_CRITERIA,
    Personalisation,
    every_contact_failed,
    failed_channels,
    failed_contacts_last,
    personalise,
    quotable_action,
    tone_of,
)
from ._praise import PRAISE_PHRASES
from ._problems import PROBLEM_PHRASES, PROBLEMS, SEVERITIES, WAITED_PHRASES
from ._said import (
    ACCESS_KINDS,
    HUMAN_CHANNELS,
    MOMENTS,
    NOTHING_SAID,
    NOTHING_SAID_CONTEXT,
    PROCEDURE_PHRASES,
    RELATIVE_PHRASES,
    SUGGESTION_TOPICS,
    Said,
    problem_named,
    read_said,
    said_context,
    voiced_notes,
)
from ._screening import greeting_name, pseudonym_problem, quotable_title
from ._sensitive import CATEGORIES, CATEGORY_LABELS, Concern, sensitive_concerns

__all__ = [
    "ACCESS_KINDS",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "DEFAULT_LATE_AFTER_DAYS",
    "HUMAN_CHANNELS",
    "MAX_NAMED_CRITERIA",
    "MOMENTS",
    "NOTHING_SAID",
    "NOTHING_SAID_CONTEXT",
    "PRAISE_PHRASES",
    "PROBLEMS",
    "PROBLEM_PHRASES",
    "PROCEDURE_PHRASES",
    "RELATIVE_PHRASES",
    "SEVERITIES",
    "SUGGESTION_TOPICS",
    "WAITED_PHRASES",
    "Concern",
    "Personalisation",
    "Said",
    "every_contact_failed",
    "failed_channels",
    "failed_contacts_last",
    "greeting_name",
    "load_phone_patterns",
    "personalise",
    "phone_unreachable_span",
    "problem_named",
    "pseudonym_problem",
    "quotable_action",
    "quotable_title",
    "read_said",
    "said_context",
    "says_phone_unreachable",
    "sensitive_concerns",
    "tone_of",
    "voiced_notes",
]
