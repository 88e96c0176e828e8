"""Access to Grammalecte (GPL-3), the offline French grammar checker: tests only.

The library never imports it. Debian's python3-grammalecte installs it for the
system Python; a virtual environment reaches it through a symlink to its
package folder, put on sys.path.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest

DEBIAN_PACKAGE = Path("/usr/lib/python3/dist-packages/grammalecte")
INSTALL = "sudo apt-get install python3-grammalecte"


@cache
def _checker() -> Any | None:
    try:
        import grammalecte  # type: ignore[import-not-found]
    except ImportError:
        if not DEBIAN_PACKAGE.is_dir():
            return None
        link_dir = Path(tempfile.mkdtemp(prefix="grammalecte-"))
        (link_dir / "grammalecte").symlink_to(DEBIAN_PACKAGE)
        sys.path.append(str(link_dir))
        import grammalecte  # type: ignore[import-not-found]
    return grammalecte.GrammarChecker("fr")


def grammar_checker() -> Any:
    """The checker; in CI a missing checker fails the test, elsewhere it skips it."""
    checker = _checker()
    if checker is None:
        if os.environ.get("CI"):
            pytest.fail(f"Grammalecte is missing in CI; .ci/run must install it ({INSTALL})")
        pytest.skip(f"Grammalecte is not installed: {INSTALL}")
    return checker
