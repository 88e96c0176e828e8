"""Translations of the checker's messages (French source, English catalogue).

Messages are written in French, the agents' language, and marked with ``_()``;
``pybabel extract``/``update``/``compile`` keep ``locale/`` in step (see the
README). The compiled catalogue is read once per locale.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import cache
from importlib.resources import files

from .exceptions import InvalidInputError

__all__ = ["DOMAIN", "LOCALES", "translator"]

DOMAIN = "sprep_templates"
LOCALES = ("fr", "en")


@cache
def translator(locale: str = "fr") -> Callable[[str], str]:
    """The ``gettext`` function for ``locale`` (``fr``, the source language, or ``en``)."""
    if locale not in LOCALES:
        raise InvalidInputError(f"locale must be one of {', '.join(LOCALES)} (got {locale!r})")
    if locale == "fr":
        return str
    directory = str(files("sprep_templates").joinpath("locale"))
    return gettext.translation(DOMAIN, localedir=directory, languages=[locale]).gettext
