"""The README's Python examples run as written."""

from __future__ import annotations

import re
from pathlib import Path

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


def test_drafting_example_runs():
    """The first example drafts a reply and shows its steps."""
    namespace: dict[str, object] = {}
    exec(BLOCKS[0], namespace)
    reply = namespace["reply"]
    assert reply.text.startswith("Bonjour Sandrine,")  # type: ignore[attr-defined]


def test_checking_example_runs():
    """The checking example runs on a reply text."""
    namespace: dict[str, object] = {"text": "Bonjour Sandrine,\nMerci.\nJean, pour la Caf"}
    exec(BLOCKS[2], namespace)


def test_batch_example_runs(tmp_path, monkeypatch):
    """The batch example runs with a profile file and rows."""
    monkeypatch.chdir(tmp_path)
    profile = Path(__file__).resolve().parents[1] / "examples" / "profile.toml"
    (tmp_path / "profile.toml").write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    namespace: dict[str, object] = {"rows": [{"id": "1", "sentiment": "positive"}]}
    exec(BLOCKS[1], namespace)
