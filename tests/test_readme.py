"""The README's and the guide's Python examples run as written, and print what they say
they print (the README's body moved to docs/guide.md; tests/test_docs.py runs every page's).

In a README example, comment lines right after a line that calls ``print`` are that
call's output: each is compared with what the example really printed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
FRONT = re.findall(r"```python\n(.*?)```", README, re.S)
GUIDE = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", GUIDE, re.S)


def expected_prints(block: str) -> dict[int, str]:
    """For each line of the block that calls print and is followed by comment lines,
    its line number (from 1) and the output those comments say (all its calls')."""
    lines = block.splitlines()
    expected: dict[int, str] = {}
    for number, line in enumerate(lines):
        if not line.lstrip().startswith("print("):
            continue
        comments = []
        for following in lines[number + 1 :]:
            if not following.lstrip().startswith("# "):
                break
            comments.append(following.lstrip()[2:])
        if comments:
            expected[number + 1] = "\n".join(comments)
    return expected


def run(block: str, namespace: dict[str, object]) -> dict[int, list[str]]:
    """Run an example; what each print line printed, by its line number in the block."""
    printed: dict[int, list[str]] = {}

    def capture(*args: object, sep: str = " ", end: str = "\n", **_: object) -> None:
        line = sys._getframe(1).f_lineno
        printed.setdefault(line, []).append(sep.join(str(a) for a in args))

    namespace["print"] = capture
    exec(compile(block, "example.md", "exec"), namespace)
    return printed


def check(block: str, namespace: dict[str, object]) -> dict[int, list[str]]:
    printed = run(block, namespace)
    for line, said in expected_prints(block).items():
        assert "\n".join(printed.get(line, [])) == said, f"line {line} of the example"
    return printed


def test_every_python_example_is_tested():
    """Four examples in the guide: drafting, what the export says, batch, checking."""
    assert len(BLOCKS) == 4


def test_the_front_page_example_prints_what_it_says():
    """The README's one example drafts with a profile and prints the status shown."""
    printed = check(FRONT[0], {})
    assert len(FRONT) == 1 and len(expected_prints(FRONT[0])) == 2
    assert printed


def test_drafting_example_runs():
    """The first example drafts a reply and shows its steps."""
    namespace: dict[str, object] = {}
    printed = check(BLOCKS[0], namespace)
    assert next(iter(printed.values()))[0].startswith("Bonjour Sandrine,")


def test_export_example_prints_what_the_readme_says():
    """The example of what the export says prints the tone, status and acknowledgement shown."""
    printed = check(BLOCKS[1], {})
    assert len(printed) == 2 and len(expected_prints(BLOCKS[1])) == 2


@pytest.mark.parametrize("text", ["Bonjour Sandrine,\nMerci.\nJean, pour la Caf"])
def test_checking_example_runs(text):
    """The checking example runs on a reply text."""
    check(BLOCKS[3], {"text": text})


def test_batch_example_prints_each_rows_status(monkeypatch):
    """The batch example drafts the bundled export as written, and prints what it says."""
    monkeypatch.chdir(ROOT)
    check(BLOCKS[2], {})
    assert len(expected_prints(BLOCKS[2])) == 1
