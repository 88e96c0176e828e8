"""What the library keeps between calls, and how to forget it.

Kept, each bounded: the template sets (the built-in one, and up to
``MAX_CUSTOM_SETS`` custom folders, each reloaded when a template in it changes),
the steps each set has rendered (by entries and by bytes), and what was read of
recent texts (acronyms' expansions; tokens, lines and paragraphs: ``memos``). Word
lists are read once: they are part of the installed package.
"""

from __future__ import annotations

from .drafting import clear_plain_contexts, clear_template_sets
from .lexicons import clear_text_caches
from .memos import clear_memos

__all__ = ["clear_caches"]


def clear_caches() -> None:
    """Forget every template set and what was kept of the texts read.

    Not needed to see an edited custom template (the next draft reloads its folder);
    useful to give memory back, or to start a measurement from nothing."""
    clear_template_sets()
    clear_plain_contexts()
    clear_text_caches()
    clear_memos()
