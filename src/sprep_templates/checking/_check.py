"""Checking a reply, or the agent's sentences in a draft, against the registry's rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ..arguments import check_bool, shown
from ..exceptions import InvalidInputError, InvalidInputTypeError
from ..i18n import translator
from ..inputs import Contact, Signature, parse_sentiment
from ..limits import MAX_CHECKED_CHARS
from ..text import apply_typography
from ._data import lexicon
from ._entities import decode
from ._finding import Finding
from ._reading import Reading
from ._registry import run_every_rule, run_fragment_rules
from ._result import CheckResult

__all__ = ["check_fragments", "check_reply"]


def _check_arguments(
    pseudonym: object, signature: object, contacts: object, official_domains: object
) -> None:
    """Refuse arguments of the wrong type, naming the argument (not a crash deep in a rule)."""
    if pseudonym is not None and not isinstance(pseudonym, str):
        raise InvalidInputTypeError(
            f"check_reply: pseudonym must be a str or None (got {shown(pseudonym)} that is a "
            f"{type(pseudonym).__name__})"
        )
    if signature is not None and not isinstance(signature, Signature):
        raise InvalidInputTypeError(
            f"check_reply: signature must be a Signature or None (got {type(signature).__name__})"
        )
    if isinstance(contacts, (str, bytes)) or not isinstance(contacts, Iterable):
        raise InvalidInputTypeError(
            f"check_reply: contacts must be an iterable of Contact (got {type(contacts).__name__})"
        )
    if isinstance(official_domains, (str, bytes)) or not isinstance(official_domains, Iterable):
        raise InvalidInputTypeError(
            "check_reply: official_domains must be an iterable of str, such as ('caf.fr',) "
            f"(got {shown(official_domains)} that is a {type(official_domains).__name__})"
        )


def _check_items(contacts: tuple[object, ...], official_domains: tuple[object, ...]) -> None:
    for contact in contacts:
        if not isinstance(contact, Contact):
            raise InvalidInputTypeError(
                f"check_reply: contacts must hold Contact values (got {shown(contact)} that is a "
                f"{type(contact).__name__})"
            )
    for domain in official_domains:
        if not isinstance(domain, str):
            raise InvalidInputTypeError(
                "check_reply: official_domains must hold str values (got "
                f"{shown(domain)} that is a {type(domain).__name__})"
            )


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
) -> CheckResult:
    """Check ``text`` against the guide's rules; findings in rule order, then by position,
    as a :class:`CheckResult`: a list of :class:`Finding` that keeps ``text`` and, in a
    notebook, shows it with the findings highlighted.

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
        raise InvalidInputTypeError(
            f"check_reply: text (the reply) must be a str (got {type(text).__name__})"
        )
    if len(text) > MAX_CHECKED_CHARS:
        raise InvalidInputError(
            f"check_reply: the reply is {len(text):,} characters long; the most checked is "
            f"{MAX_CHECKED_CHARS:,} (a reply of 150 words has about 1,000): check the reply "
            "alone, not the document it was pasted from"
        )
    _check_arguments(pseudonym, signature, contacts, official_domains)
    check_bool("check_reply: closing_added", closing_added)
    given_contacts, domains = tuple(contacts), tuple(official_domains)
    _check_items(given_contacts, domains)
    _ = translator(locale)
    decoded, origins = decode(text)
    reply = Reading(decoded, closing_added, lexicon())
    findings = run_every_rule(
        reply,
        pseudonym,
        signature,
        given_contacts,
        parse_sentiment(sentiment) if sentiment is not None else None,
        domains,
        _,
    )
    if origins is not None:
        mapped = []
        for finding in findings:  # spans of the decoded text, pointed back into the text
            if finding.start is not None and finding.end is not None:
                start, end = origins.span(finding.start, finding.end)
                finding = attrs.evolve(finding, start=start, end=end)
            mapped.append(finding)
        findings = mapped
    return CheckResult(findings, text)


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
        part = Reading(typeset, True, lexicon(), whole=False)
        findings += [
            attrs.evolve(finding, start=finding.start + offset, end=(finding.end or 0) + offset)
            for finding in run_fragment_rules(part, None, None, known_contacts, None, domains, _)
            if finding.start is not None
        ]
    return findings
