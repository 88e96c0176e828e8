"""Writing a draft: the templates, rendering them, the reply.

- ``_contract``: the variables every step template may read, and their values;
- ``_environment``: the Jinja environment and :class:`TemplateSet` (a folder's phrasings);
- ``_templates``: which template set a draft uses, kept while its folder is unchanged;
- ``_sandbox``: the sandboxed Jinja environment for custom folders, template loading;
- ``_rendering``: one step rendered, Jinja errors made into the library's own;
- ``_render_cache``: the rendered steps a template set keeps (bounded);
- ``_compose``: :func:`draft_reply`; ``_reply``: :class:`Reply`;
- ``_length_proof``: the exhaustive proof that every reply keeps within 60–150 words;
- ``_lint``: checking a folder of custom templates (``sprep templates lint``).
"""

from ._compose import clear_plain_contexts, draft_reply
from ._contract import CONTEXT_VARIABLES, PERSONALISED_BY, STEPS
from ._environment import TemplateSet, builtin_template_dir
from ._length_proof import Bound, length_bounds, longest_reply, within_guaranteed_limits
from ._lint import Problem, lint_templates
from ._reply import Reply
from ._templates import clear_template_sets, load_template_set, one_version_per_folder

__all__ = [
    "CONTEXT_VARIABLES",
    "PERSONALISED_BY",
    "STEPS",
    "Bound",
    "Problem",
    "Reply",
    "TemplateSet",
    "builtin_template_dir",
    "clear_plain_contexts",
    "clear_template_sets",
    "draft_reply",
    "length_bounds",
    "lint_templates",
    "load_template_set",
    "longest_reply",
    "one_version_per_folder",
    "within_guaranteed_limits",
]
