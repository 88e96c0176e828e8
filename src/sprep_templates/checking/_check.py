"""Checking a reply, or the agent's sentences in a draft, against the registry's rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ..exceptions import InvalidInputError
from ..i18n import translator
from ..inputs import Contact, Signature, parse_sentiment
from ..reading import Reading
from ..text import apply_typography
from ._data import lexicon
from ._finding import Finding
from ._registry import run_every_rule, run_fragment_rules

__all__ = ["check_fragments", "check_reply"]


def check_reply(
    text: str,
    *,
    pseudonym: str | None = None,
    signature: Signature | None = None,
    contacts: Iterable[Contact] = (),
    sentiment: str | None = None,
    closing_added: bool = False,
    official_domains: Iterable[str] = (),
    locale: str = "fr",
) -> list[Finding]:
    """Check ``text`` against the guide's rules; findings in rule order, then by position.

    ``pseudonym``, ``signature`` and ``contacts`` make the checks exact (the
    pseudonym to greet, the expected signer, contact data known to be right).
    ``sentiment`` (``positive``/…/``Négatif``) relaxes the orientation step for a
    satisfied user, as the guide does. ``closing_added=True`` is for text whose
    politeness formula and signature the platform adds (its reply form takes
    them from the agent's settings): the ``signature`` rule is skipped, and the
    60–150 words count them in when ``signature`` is given. ``official_domains``
    extends the domains a reply may link to. ``locale``: ``fr`` or ``en``.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"check_reply needs the reply as a str (got {type(text).__name__})")
    _ = translator(locale)
    reply = Reading(text, closing_added, lexicon())
    return run_every_rule(
        reply,
        pseudonym,
        signature,
        tuple(contacts),
        parse_sentiment(sentiment) if sentiment is not None else None,
        tuple(official_domains),
        _,
    )


def check_fragments(
    text: str,
    fragments: Sequence[str],
    *,
    contacts: Iterable[Contact] = (),
    official_domains: Iterable[str] = (),
    locale: str = "fr",
) -> list[Finding]:
    """The rules about wording and data (those marked ``on_fragments``: jargon, generic,
    personal-data, contact, tone) applied to ``fragments`` of ``text`` only: the
    sentences an agent wrote into a drafted reply. Spans point into ``text``; findings
    about a whole text (no first person, reading ease) are left out, since a fragment
    is not the whole reply.
    """
    _ = translator(locale)
    known_contacts, domains = tuple(contacts), tuple(official_domains)
    findings: list[Finding] = []
    for fragment in fragments:
        typeset = apply_typography(fragment)
        offset = text.find(typeset)
        if offset < 0:  # typeset differently in context: check the whole reply's wording
            offset, typeset = 0, text
        part = Reading(typeset, True, lexicon())
        findings += [
            attrs.evolve(finding, start=finding.start + offset, end=(finding.end or 0) + offset)
            for finding in run_fragment_rules(part, None, None, known_contacts, None, domains, _)
            if finding.start is not None
        ]
    return findings
