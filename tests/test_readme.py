"""The README's Python examples run as written, and print what the README says they print.

In a README example, comment lines right after a line that calls ``print`` are that
call's output: each is compared with what the example really printed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


def expected_prints(block: str) -> list[str | None]:
    """For each print call of the block, in order, the output its comment lines say
    (None when no comment follows it)."""
    lines = block.splitlines()
    expected: list[str | None] = []
    for number, line in enumerate(lines):
        if not line.lstrip().startswith("print("):
            continue
        comments = []
        for following in lines[number + 1 :]:
            if not following.startswith("# "):
                break
            comments.append(following[2:])
        expected.append("\n".join(comments) if comments else None)
    return expected


def run(block: str, namespace: dict[str, object]) -> list[str]:
    """Run an example, returning what each of its print calls printed."""
    printed: list[str] = []

    def capture(*args: object, sep: str = " ", end: str = "\n", **_: object) -> None:
        printed.append(sep.join(str(a) for a in args))

    namespace["print"] = capture
    exec(block, namespace)
    return printed


def check(block: str, namespace: dict[str, object]) -> list[str]:
    printed = run(block, namespace)
    expected = expected_prints(block)
    assert len(printed) >= len([e for e in expected if e is not None])
    for said, got in zip(expected, printed, strict=False):
        if said is not None:
            assert got == said
    return printed


def test_every_python_example_is_tested():
    """Four examples: drafting, what the export says, batch, checking."""
    assert len(BLOCKS) == 4


def test_drafting_example_runs():
    """The first example drafts a reply and shows its steps."""
    namespace: dict[str, object] = {}
    printed = check(BLOCKS[0], namespace)
    assert printed[0].startswith("Bonjour Sandrine,")


def test_export_example_prints_what_the_readme_says():
    """The example of what the export says prints the tone, status and acknowledgement shown."""
    printed = check(BLOCKS[1], {})
    assert len(printed) == 2


@pytest.mark.parametrize("text", ["Bonjour Sandrine,\nMerci.\nJean, pour la Caf"])
def test_checking_example_runs(text):
    """The checking example runs on a reply text."""
    check(BLOCKS[3], {"text": text})


def test_batch_example_runs(tmp_path, monkeypatch):
    """The batch example runs with a profile file and rows."""
    monkeypatch.chdir(tmp_path)
    profile = ROOT / "examples" / "profile.toml"
    (tmp_path / "profile.toml").write_text(profile.read_text(encoding="utf-8"), encoding="utf-8")
    namespace: dict[str, object] = {"rows": [{"id": "1", "sentiment": "positive"}]}
    check(BLOCKS[2], namespace)
