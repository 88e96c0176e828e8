"""Translations of the checker's messages (French source, English catalogue).

Messages are written in French, the agents' language, and marked with ``_()``;
``pybabel extract``/``update``/``compile`` keep ``locale/`` in step (the commands
are in ``docs/development.md``). The compiled catalogue is read once per locale.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from functools import cache
from importlib.resources import files

from .arguments import shown
from .exceptions import InvalidInputError
from .text import apply_typography

__all__ = ["DOMAIN", "LOCALES", "translator"]

DOMAIN = "sprep_templates"
LOCALES = ("fr", "en")


_FORMAT_FIELD = re.compile(r"\{[^{}]*\}")


@cache
def _typeset_message(message: str) -> str:
    """``message`` with French typography; its ``{fields}`` are kept as they are
    (``{score:.0f}`` is no colon to space)."""
    return apply_typography(message, also_keep=_FORMAT_FIELD)


def translator(locale: str = "fr") -> Callable[[str], str]:
    """The ``gettext`` function for ``locale`` (``fr``, the source language, or ``en``).

    French messages come out with French typography (non-breaking spaces before
    ``:`` and inside « »), set once per message; what a message quotes is
    inserted afterwards, as it was written."""
    if not isinstance(locale, str) or locale not in LOCALES:
        raise InvalidInputError(f"locale must be one of {', '.join(LOCALES)} (got {shown(locale)})")
    return _translator(locale)


@cache
def _translator(locale: str) -> Callable[[str], str]:
    if locale == "fr":
        return _typeset_message
    directory = str(files("sprep_templates").joinpath("locale"))
    return gettext.translation(DOMAIN, localedir=directory, languages=[locale]).gettext
