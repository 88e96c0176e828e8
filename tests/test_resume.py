"""`--resume` after an interruption: what was drafted is kept in OUT.partial, and the
resumed run gives, byte for byte, what an uninterrupted run gives (issue 16, item 3)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import sprep_templates.export._files as cli  # where sprep draft calls draft_export
from sprep_templates.cli import EXIT_INTERRUPTED, EXIT_OK, main

from .test_batch import MIXED, export_bytes

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = ["--quiet", "--today", "2026-11-28", "--profile", str(ROOT / "examples" / "profile.toml")]
ROWS = 2_600  # six chunks of 512 lines


def _export(path: Path) -> None:
    rows = [[str(n), *MIXED[n % 6][1:]] for n in range(1, ROWS + 1)]
    path.write_bytes(export_bytes(rows))


@pytest.mark.parametrize("name", ["drafts.jsonl", "drafts.csv"])
def test_interrupted_then_resumed_equals_an_uninterrupted_run(tmp_path, monkeypatch, capsys, name):
    """Ctrl-C after a random number of chunks keeps the drafts in OUT.partial (OUT is not
    written), the message says how to resume, and --resume drafts only the rest: its OUT
    is byte for byte an uninterrupted run's; OUT.partial is gone."""
    source = tmp_path / "export.csv"
    _export(source)
    whole = tmp_path / "whole" / name
    whole.parent.mkdir()
    main(["draft", str(source), "-o", str(whole), *OPTIONS])
    capsys.readouterr()

    stop_after = random.Random().randint(1, 4)
    real = cli.draft_export

    def interrupted(*args, **kwargs):
        for number, chunk in enumerate(real(*args, **kwargs)):
            if number == stop_after:
                raise KeyboardInterrupt
            yield chunk

    output = tmp_path / name
    partial = tmp_path / f"{name}.partial"
    monkeypatch.setattr(cli, "draft_export", interrupted)
    assert main(["draft", str(source), "-o", str(output), *OPTIONS]) == EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert not output.exists() and partial.exists(), stop_after
    assert str(partial) in err and "--resume" in err and err.count("\n") == 1
    monkeypatch.setattr(cli, "draft_export", real)

    assert main(["draft", str(source), "-o", str(output), "--resume", *OPTIONS]) == 3
    err = capsys.readouterr().err
    drafted_before = int(err.split(" already in the output")[0].rsplit("(", 1)[-1].split()[-1])
    assert 0 < drafted_before < ROWS
    assert output.read_bytes() == whole.read_bytes()
    assert not partial.exists()
    assert (tmp_path / Path(name).with_suffix(".rejects.jsonl").name).read_bytes() == (
        whole.with_name(Path(name).with_suffix(".rejects.jsonl").name).read_bytes()
    )


def test_interrupted_twice_resumes_from_the_partial(tmp_path, monkeypatch, capsys):
    """A resumed run interrupted again keeps the first run's drafts too."""
    source = tmp_path / "export.csv"
    _export(source)
    whole = tmp_path / "whole.jsonl"
    main(["draft", str(source), "-o", str(whole), *OPTIONS])
    real = cli.draft_export

    def interrupted_after(count):
        def run(*args, **kwargs):
            drafted = 0
            for chunk in real(*args, **kwargs):
                if drafted >= count and chunk.statuses:
                    raise KeyboardInterrupt
                drafted += sum(chunk.statuses.values()) > 0
                yield chunk

        return run

    output = tmp_path / "drafts.jsonl"
    monkeypatch.setattr(cli, "draft_export", interrupted_after(1))
    assert main(["draft", str(source), "-o", str(output), *OPTIONS]) == EXIT_INTERRUPTED
    monkeypatch.setattr(cli, "draft_export", interrupted_after(2))
    assert main(["draft", str(source), "-o", str(output), "--resume", *OPTIONS]) == EXIT_INTERRUPTED
    monkeypatch.setattr(cli, "draft_export", real)
    assert main(["draft", str(source), "-o", str(output), "--resume", *OPTIONS]) in (EXIT_OK, 3)
    assert output.read_bytes() == whole.read_bytes()
