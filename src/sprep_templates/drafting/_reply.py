"""The reply a draft gives: its text, its steps, its status, and how it shows."""

from __future__ import annotations

import html
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ..checking import Finding
from ..display import STEP_LABELS, findings_html, highlighted, plain_repr, status_badge
from ..inputs import Sentiment
from ..limits import MAX_WORDS, MIN_WORDS

__all__ = ["Reply"]


@attrs.frozen
class Reply:
    """A drafted reply: the text, its six steps and what was chosen to write it."""

    sentiment: Sentiment
    step_texts: tuple[tuple[str, str], ...]
    templates: tuple[str, ...]
    word_count: int
    findings: tuple[Finding, ...] = ()
    #: The sentiment the reply is written in (see ``experience.tone_of``).
    tone: Sentiment | None = None
    #: Why a person must read the experience first (a sensitive case); empty when none.
    attention: tuple[str, ...] = ()
    #: What of the experience the reply uses: title, channel, ratings, posted_as,
    #: similar, wait, action, agent text (see :data:`PERSONALISED_BY`).
    personalised_by: tuple[str, ...] = ()
    #: Whether the reply names the user's difficulty (the agent's situation, or a
    #: criterion the user rated negative).
    names_difficulty: bool = False
    #: What was left out to keep to 150 words, and other remarks for the agent.
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The whole reply: paragraphs separated by exactly one blank line."""
        return "\n\n".join(text for _, text in self.step_texts)

    @property
    def steps(self) -> Mapping[str, str]:
        """The six steps in order: greeting, thanks, acknowledgement, orientation,
        improvement, signature, each mapped to its text."""
        return MappingProxyType(dict(self.step_texts))

    @property
    def body(self) -> str:
        """The reply without the politeness formula and signature, which the
        platform's reply form adds from the agent's settings."""
        return "\n\n".join(text for step, text in self.step_texts if step != "signature")

    @property
    def ready(self) -> bool:
        """True when no finding is an error and nothing needs a person's attention."""
        return not self.attention and not any(f.severity == "error" for f in self.findings)

    @property
    def status(self) -> str:
        """``to_review`` (an error, or a sensitive case to read first); ``to_complete``
        (compliant, but a negative or neutral experience whose difficulty the reply
        does not name: an agent should add a sentence); ``ready`` otherwise."""
        if not self.ready:
            return "to_review"
        if not self.names_difficulty and "negative" in (self.sentiment, self.tone):
            return "to_complete"
        if not self.names_difficulty and self.sentiment == "neutral":
            return "to_complete"
        return "ready"

    def __str__(self) -> str:
        return self.text

    def _repr_html_(self) -> str:
        """Jupyter display: each paragraph beside its step (in French), the findings
        highlighted where they are, the word count and the status in its colour.

        Everything is HTML-escaped: pseudonyms and titles come from the public.
        """
        low, high = MIN_WORDS, MAX_WORDS
        rows, offset = [], 0
        for step, text in self.step_texts:
            body = highlighted(text, offset, self.findings)
            offset += len(text) + 2  # paragraphs are joined by a blank line
            rows.append(
                '<tr><th style="text-align:left;vertical-align:top;color:#666">'
                f"{STEP_LABELS.get(step, step)}</th>"
                f'<td style="text-align:left">{body}</td></tr>'
            )
        fits = low <= self.word_count <= high
        count = (
            f'<span style="color:{"#1a7f37" if fits else "#cf222e"}">'
            f"{self.word_count} mots (attendu : {low} à {high})</span>"
        )
        summary = f"<p>{count} — {status_badge(self.status)}</p>"
        if self.attention:
            summary += (
                '<p style="color:#cf222e">À lire avant de répondre : '
                + html.escape(" ; ".join(self.attention))
                + "</p>"
            )
        return f"<div><table>{''.join(rows)}</table>{summary}{findings_html(self.findings)}</div>"

    def __repr__(self) -> str:
        return plain_repr(
            "Reply",
            status=self.status,
            tone=self.tone,
            word_count=self.word_count,
            text=self.text,
        )
