"""draft_export_to / draft_export refuse a wrong argument with a SprepError naming it,
before any row (defects found by the third hostile round)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sprep_templates import SprepError
from sprep_templates.export import draft_export, draft_export_to
from sprep_templates.profile import Profile

ROOT = Path(__file__).resolve().parents[1]
EXPORT = ROOT / "examples" / "export.csv"
PROFILE = Profile.from_toml(ROOT / "examples" / "profile.toml")

WRONG = {
    "jobs str": {"jobs": "2"},
    "profile None": {"profile": None},
    "profile path": {"profile": "examples/profile.toml"},
    "statuses str": {"statuses": "ready"},
    "statuses unknown": {"statuses": ["done"]},
    "today str": {"today": "2026-11-28"},
    "encoding unknown": {"encoding": "nope"},
    "encoding int": {"encoding": 5},
    "structure int": {"structure": 5},
    "note int": {"note": 5},
    "on_progress str": {"on_progress": "x"},
}


@pytest.mark.parametrize("case", sorted(WRONG))
def test_a_wrong_option_is_one_sprep_error_before_any_row(case: str, tmp_path: Path) -> None:
    arguments = {"profile": PROFILE, **WRONG[case]}
    with pytest.raises(SprepError) as raised:
        draft_export_to(EXPORT, tmp_path / "drafts.jsonl", **arguments)
    name = next(iter(WRONG[case]))
    assert name in str(raised.value)
    assert not (tmp_path / "drafts.jsonl").exists()


@pytest.mark.parametrize(
    "source", [None, b"ID exp\xc3\xa9rience,Ressenti usager\n1,N\xc3\xa9gatif\n", io.StringIO("x")]
)
def test_a_source_that_is_no_path_nor_binary_stream_is_refused(source, tmp_path: Path) -> None:
    with pytest.raises(SprepError, match="source"):
        draft_export_to(source, tmp_path / "drafts.jsonl", profile=PROFILE)


@pytest.mark.parametrize("output", [None, 5, io.BytesIO()])
def test_an_output_that_is_no_path_nor_text_stream_is_refused(output, tmp_path: Path) -> None:
    with pytest.raises(SprepError, match="output"):
        draft_export_to(EXPORT, output, profile=PROFILE)


def test_draft_export_given_a_path_says_it_takes_a_stream() -> None:
    with pytest.raises(SprepError):
        list(draft_export(str(EXPORT), profile=PROFILE))
