"""The guide's limits that more than one part of the library applies.

The word bounds: the DITP guide asks for "au moins 60 mots" and to "ne pas excéder
150 mots", greeting and signature included. The checker's ``word-count`` rule,
``draft_reply`` and ``sprep templates lint`` all read them from here.
"""

from __future__ import annotations

__all__ = ["MAX_WORDS", "MIN_WORDS"]

#: The fewest words a reply may have, greeting and signature included.
MIN_WORDS = 60
#: The most words a reply may have, greeting and signature included.
MAX_WORDS = 150
