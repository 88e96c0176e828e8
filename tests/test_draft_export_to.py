"""`export.draft_export_to`: "draft this export into this file, resumably", in one call
(issue 19: what `sprep draft -o` does, for a service or a notebook)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sprep_templates.cli import EXIT_REJECTED, main
from sprep_templates.export import (
    DraftInterrupted,
    ExportSummary,
    OutputRefusedError,
    draft_export_to,
)
from sprep_templates.profile import Profile

from .real_size import real_size_export
from .test_batch import export_bytes

ROOT = Path(__file__).resolve().parents[1]
PROFILE = Profile.from_toml(ROOT / "examples" / "profile.toml")
ROW = ["1", "Expérience en attente de réponse", "Titre", "Négatif", "Accueil", "Caf", ""]


def _export(tmp_path: Path) -> Path:
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes([ROW, [*ROW[:3], "Bof", *ROW[4:]], ["3", *ROW[1:]]]))
    return source


def test_drafts_into_a_file_as_the_command_does(tmp_path):
    source = _export(tmp_path)
    summary = draft_export_to(
        source, tmp_path / "a.jsonl", profile=PROFILE, rejects=tmp_path / "a.rejects.jsonl"
    )
    assert isinstance(summary, ExportSummary)
    assert (summary.rows, summary.drafted, summary.rejected) == (3, 2, 1)
    assert summary.rejects == tmp_path / "a.rejects.jsonl"
    status = main(["draft", str(source), "-o", str(tmp_path / "b.jsonl"), "--quiet",
                   "--profile", str(ROOT / "examples" / "profile.toml")])  # fmt: skip
    assert status == EXIT_REJECTED
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert (tmp_path / "a.rejects.jsonl").read_bytes() == (
        tmp_path / "b.rejects.jsonl"
    ).read_bytes()


@pytest.mark.parametrize("jobs", [1, 2])
def test_interrupted_then_resumed_equals_one_run(tmp_path, jobs):
    source = real_size_export(tmp_path / "export.csv", 1_200)
    whole = tmp_path / "whole.jsonl"
    draft_export_to(source, whole, profile=PROFILE, jobs=jobs)
    output = tmp_path / "drafts.jsonl"

    def stop_after_the_first_chunk(rows: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(DraftInterrupted) as stopped:
        draft_export_to(
            source, output, profile=PROFILE, jobs=jobs, on_progress=stop_after_the_first_chunk
        )
    assert stopped.value.partial == tmp_path / "drafts.jsonl.partial"
    assert not output.exists() and stopped.value.partial.exists()
    summary = draft_export_to(source, output, profile=PROFILE, jobs=jobs, resume=True)
    assert summary.skipped.get("already in the output", 0) > 0
    assert output.read_bytes() == whole.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "drafts.jsonl",
        "export.csv",
        "whole.jsonl",
    ]


def test_no_process_wide_setting_is_changed(tmp_path, monkeypatch):
    """Issue 19: csv's field limit and the umask are process-wide: another thread of a
    service cannot rely on a value changed and put back around a batch."""
    calls: list[tuple[object, ...]] = []
    real_limit = csv.field_size_limit

    def field_size_limit(*arguments: object) -> int:
        calls.append(arguments)
        return real_limit(*arguments)  # type: ignore[arg-type]

    def umask(mask: int) -> int:
        raise AssertionError("the umask is process-wide: never set it")

    monkeypatch.setattr(csv, "field_size_limit", field_size_limit)
    monkeypatch.setattr(os, "umask", umask)
    source = tmp_path / "export.csv"
    big = [*ROW[:2], "x" * 200_000, *ROW[3:]]  # a 200,000-character field: past csv's limit
    source.write_bytes(export_bytes([big, ["2", *ROW[1:]]]))
    summary = draft_export_to(source, tmp_path / "d.csv", profile=PROFILE, rejects=tmp_path / "r")
    assert summary.rows == 2 and summary.drafted == 1 and summary.rejected == 1
    assert "title" in json.loads((tmp_path / "r").read_text())["reason"]
    assert all(arguments == () for arguments in calls)  # read, never set


def test_a_symbolic_link_is_never_followed(tmp_path):
    source = _export(tmp_path)
    (tmp_path / "elsewhere").write_text("kept\n")
    (tmp_path / "drafts.jsonl").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(OutputRefusedError, match="symbolic link"):
        draft_export_to(source, tmp_path / "drafts.jsonl", profile=PROFILE)
    assert (tmp_path / "elsewhere").read_text() == "kept\n"


def test_cli_modules_are_thin():
    """Issue 19: the CLI's largest module is under 300 lines."""
    package = ROOT / "src" / "sprep_templates" / "cli"
    sizes = {p.name: p.read_text(encoding="utf-8").count("\n") for p in package.glob("*.py")}
    assert max(sizes.values()) < 300, sizes


_CELLS = st.text(alphabet=st.sampled_from('ab,;"\r\n é\x00'), max_size=12)


@given(
    st.one_of(
        st.lists(_CELLS, min_size=1, max_size=5).map(lambda cells: ("records", cells)),
        _CELLS.map(lambda raw: ("raw", raw)),
    ),
    st.sampled_from([",", ";"]),
    st.sampled_from(["", "\n", "\r\n", "\r"]),
)
def test_large_records_are_split_as_csv_splits_them(drawn, delimiter, end):
    """Issue 19: a record past csv's field limit is split by the reader itself (the limit
    is process-wide, never raised): the same fields as csv.reader(strict=True), or an
    error where csv has one (or finds several records)."""
    from sprep_templates.export._reading import _split_record

    kind, value = drawn
    if kind == "records":
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator=end or "\n").writerow(value)
        raw = buffer.getvalue() if end else buffer.getvalue()[:-1]
    else:
        raw = value + end
    try:
        expected: list[list[str]] | None = list(
            csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter, strict=True)
        )
    except csv.Error:
        expected = None
    try:
        found: list[str] | None = _split_record(raw, delimiter)
    except csv.Error:
        found = None
    if expected is not None and len(expected) == 1:
        assert found == expected[0] or (not any(expected[0]) and not any(found or [""]))
    elif expected == [] or expected == [[]]:
        assert found is None or not any(found)
    else:  # csv refuses it, or reads several records where the reader found one
        assert found is None
