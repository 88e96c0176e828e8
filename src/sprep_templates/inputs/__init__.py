"""What a draft is made from: validated, frozen values.

:class:`Experience` (what a user posted), :class:`Signature` (who answers),
:class:`Contact` (a way to reach the service), :class:`Structure` (a service of
the export) and :class:`Ratings`. Each refuses a bad value on construction,
naming the field and what to write instead.
"""

from ._values import (
    CONTACT_KINDS,
    CRITERIA,
    POSTED_AS,
    SENTIMENTS,
    Contact,
    Experience,
    PostedAs,
    Ratings,
    Sentiment,
    Signature,
    Structure,
    channel_kind,
    clean_free_text,
    parse_sentiment,
    read_date,
)

__all__ = [
    "CONTACT_KINDS",
    "CRITERIA",
    "POSTED_AS",
    "SENTIMENTS",
    "Contact",
    "Experience",
    "PostedAs",
    "Ratings",
    "Sentiment",
    "Signature",
    "Structure",
    "channel_kind",
    "clean_free_text",
    "parse_sentiment",
    "read_date",
]
