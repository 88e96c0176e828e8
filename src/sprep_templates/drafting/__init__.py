"""Writing a draft: the templates, rendering them, the reply.

- ``_environment``: the steps, the variables templates read, :class:`TemplateSet`;
- ``_sandbox``: the sandboxed Jinja environment and template loading;
- ``_compose``: :func:`draft_reply` and :class:`Reply`;
- ``_lint``: template lint and the exhaustive length proof.
"""

from ._compose import PERSONALISED_BY, Reply, draft_reply
from ._environment import (
    CONTEXT_VARIABLES,
    STEPS,
    TemplateSet,
    builtin_template_dir,
    load_template_set,
)
from ._lint import length_bounds, lint_templates, longest_reply, within_guaranteed_limits

__all__ = [
    "CONTEXT_VARIABLES",
    "PERSONALISED_BY",
    "STEPS",
    "Reply",
    "TemplateSet",
    "builtin_template_dir",
    "draft_reply",
    "length_bounds",
    "lint_templates",
    "load_template_set",
    "longest_reply",
    "within_guaranteed_limits",
]
