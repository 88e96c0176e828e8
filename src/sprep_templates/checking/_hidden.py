"""What a reply can hide from the agent who reads it (issue 21 items 9 and 13):
invisible characters, and the host a link really goes to."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from urllib.parse import urlsplit

from ..folding import INVISIBLE, invisible_in
from ..memos import BoundedMemo, any_line_matches
from ._finding import Finding
from ._reading import Reading

__all__ = ["invisible_findings", "link_host"]

_AFTER_HOST = re.compile(r"[/?#;\\]")


@lru_cache(maxsize=1024)
def link_host(url: str) -> str:
    """The host name of ``url`` (with or without its scheme), as a browser reads it:
    up to the path, query or fragment (``https://evil.example?www.caf.fr`` is on
    evil.example), after any ``user@``, without the port; a backslash and ``;`` end
    it too (browsers read ``\\`` as ``/``). Remembered: replies repeat their links."""
    if not any(char in url for char in "?#;\\@[%"):  # nothing that hides the host
        if url[:8].lower().startswith(("http://", "https://")):
            url = url[url.index("://") + 3 :]
        return url.split("/")[0].split(":")[0].lower()
    if not url[:8].lower().startswith(("http://", "https://")):
        url = "//" + url
    scheme, _, rest = url.partition("//")
    authority = _AFTER_HOST.split(rest, maxsplit=1)[0]
    try:
        host = urlsplit(f"{scheme}//{authority}").hostname
    except ValueError:  # "[::1": no host a browser would open
        host = None
    return host or authority


#: Whether a line holds an invisible character, by the line's text: replies share most
#: of their lines, and an invisible character is one character, never a line break.
_INVISIBLE_LINES: BoundedMemo[bool] = BoundedMemo()


def _holds_invisible(text: str) -> bool:
    """``INVISIBLE.search(text) is not None``, line by line (see :data:`_INVISIBLE_LINES`)."""
    return any_line_matches(INVISIBLE, text, _INVISIBLE_LINES)


def invisible_findings(reply: Reading, _: Callable[[str], str]) -> Iterator[Finding]:
    """An error for each invisible character of the reply (zero-width space, soft
    hyphen, BOM, tag characters…): it would be published as it is, and can hide text
    or break a word's search."""
    if not _holds_invisible(reply.text):
        return
    for hidden in invisible_in(reply.text).finditer(reply.text):
        char = hidden.group()
        yield Finding(
            "paragraphs",
            "error",
            _(
                "Caractère invisible U+{code} ({name}) : supprimez-le, il serait publié "
                "tel quel et peut cacher du texte."
            ).format(code=f"{ord(char):04X}", name=unicodedata.name(char, "sans nom").lower()),
            hidden.start(),
            hidden.end(),
        )
