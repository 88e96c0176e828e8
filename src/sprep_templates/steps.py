"""The six steps of a reply the DITP guide asks for, in order: each is one paragraph."""

from __future__ import annotations

__all__ = ["STEPS"]

STEPS = ("greeting", "thanks", "acknowledgement", "orientation", "improvement", "signature")
