"""The closed sets of words the public API uses, as ``Literal`` types for type checkers."""

from __future__ import annotations

from typing import Literal

from .checking._finding import Severity
from .inputs import PostedAs, Sentiment

__all__ = ["STATUSES", "PostedAs", "Sentiment", "Severity", "Status"]

#: A draft's status: ``to_review`` (an error, or a sensitive case to read first),
#: ``to_complete`` (an agent should name the user's difficulty), ``ready`` (can be sent).
Status = Literal["to_review", "to_complete", "ready"]

#: The statuses a draft can have, from the one needing the most work.
STATUSES: tuple[Status, ...] = ("to_review", "to_complete", "ready")
