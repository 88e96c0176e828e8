"""Rendering one step of a reply: Jinja errors made into the library's own, typography.

Also what the length proof and the loading of a custom folder need: a step's word
count rendered fast, and every phrasing rendered once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from types import TracebackType

import jinja2
from jinja2.exceptions import SecurityError

from ..exceptions import SprepError, TemplateProblemError, TemplateSecurityError
from ..experience import DEFAULT_LATE_AFTER_DAYS, personalise
from ..inputs import Contact, Experience, Signature
from ..text import apply_typography, count_words
from ._contract import step_context
from ._environment import TemplateSet
from ._sandbox import BoundedSandbox

__all__ = ["render_every_phrasing", "render_step", "step_word_count"]


def _template_line(error: BaseException) -> tuple[str | None, int | None]:
    """The template file and line a rendering error came from, found in its traceback."""
    trace: TracebackType | None = error.__traceback__
    found: tuple[str | None, int | None] = (None, None)
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, trace.tb_lineno)
        trace = trace.tb_next
    return found


_LAYOUT_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _render(templates: TemplateSet, name: str, context: dict[str, object]) -> str:
    try:
        raw = templates.template(name).render(context)
    except SecurityError as error:
        filename, line = _template_line(error)
        raise TemplateSecurityError(
            f"the template tried something unsafe and was stopped: {error}",
            template=filename or name,
            line=line,
        ) from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateProblemError(
            f"syntax error: {error.message}", template=error.filename or name, line=error.lineno
        ) from None
    except jinja2.TemplateError as error:
        filename, line = _template_line(error)
        raise TemplateProblemError(
            f"rendering failed: {error}", template=filename or name, line=line
        ) from None
    except SprepError:
        raise
    except Exception as error:
        if not isinstance(templates.environment, BoundedSandbox):
            raise  # a built-in template failing is a bug, not the user's problem
        # A custom template is untrusted: 1/0, 'a' + 1, a template that includes
        # itself (RecursionError) are its author's mistakes, reported as such.
        filename, line = _template_line(error)
        raise TemplateProblemError(
            f"rendering failed: {type(error).__name__}: {error}",
            template=filename or name,
            line=line,
        ) from None
    # A step is one paragraph: one line, single spaces (non-breaking spaces are kept:
    # they are typography, such as the narrow one in "1 200").
    return _LAYOUT_SPACE.sub(" ", raw).strip(" ")


_DIGIT = re.compile(r"\d")


def render_every_phrasing(templates: TemplateSet) -> None:
    """Render every phrasing once, with an ordinary experience of its sentiment.

    Raises :class:`TemplateProblemError` (or :class:`TemplateSecurityError`) for the
    first one that fails: what fails for an ordinary experience is a broken folder.
    """
    signature = Signature("Jean", "la Caf de Paris")
    contacts = (Contact("phone", "32 30"),)
    for (sentiment, step), names in templates.variants.items():
        experience = Experience(
            sentiment=sentiment,
            id="trial",
            pseudonym="Sandrine",
            title="Relevé de carrière",
            channels=("Téléphone",),
        )
        reading = personalise(
            experience, today=date.today(), late_after_days=DEFAULT_LATE_AFTER_DAYS
        )
        context = step_context(experience, signature, contacts, {}, reading)
        for name in names:
            render_step(templates, step, name, context, signature)


def step_word_count(
    templates: TemplateSet,
    step: str,
    name: str,
    context: Mapping[str, object],
    signature: Signature,
) -> int:
    """``count_words(render_step(...))``, faster: typography changes a word count only
    around digits (``48h`` → ``48 h``), so a step without digits is counted untypeset.
    For the exhaustive length proof, which renders hundreds of thousands of steps."""
    if step == "signature":
        return count_words(render_step(templates, step, name, context, signature))
    raw = _render(templates, name, dict(context))
    if not raw:
        raise TemplateProblemError(f"the {step} step rendered empty", template=name)
    return count_words(apply_typography(raw) if _DIGIT.search(raw) else raw)


def render_step(
    templates: TemplateSet,
    step: str,
    name: str,
    context: Mapping[str, object],
    signature: Signature,
) -> str:
    """One step's paragraph from template ``name``, typeset.

    The signature step is the politeness formula (the signer's own ``closing``
    when set) and, on the next line, "Prénom, pour Organisme".
    """
    if step == "signature" and signature.closing is not None:
        rendered = signature.closing
    else:
        rendered = _render(templates, name, dict(context))
    if not rendered:
        raise TemplateProblemError(f"the {step} step rendered empty", template=name)
    if step == "signature":
        rendered = f"{rendered}\n{signature.line}"
    return apply_typography(rendered)
