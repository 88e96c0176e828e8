"""Regressions found by the structure review (issue 11): each failed on main before its fix."""

from __future__ import annotations

import io

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.cli import main
from sprep_templates.profile import Profile

PROFILE = Profile(
    signature=Signature("Jean", "la Caf de Paris"), contacts=(Contact("phone", "32 30"),)
)


def _custom_folder(tmp_path, statement):
    """A custom improvement step that reads `organisation` only through an imported macro."""
    folder = tmp_path / "custom"
    (folder / "shared").mkdir(parents=True)
    (folder / "shared" / "signed.j2").write_text(
        "{% macro by() %}les équipes de {{ organisation }}{% endmacro %}", encoding="utf-8"
    )
    for sentiment in ("positive", "neutral", "negative"):
        step = folder / sentiment / "improvement"
        step.mkdir(parents=True)
        (step / "01.j2").write_text(
            statement + "\nVotre message est lu par {{ by() }}. Il les aide à progresser "
            "chaque jour.",
            encoding="utf-8",
        )
    return folder


def _improvement(folder, organisation):
    reply = draft_reply(
        Experience(id="42", sentiment="negative"),
        signature=Signature("Jean", organisation),
        contacts=[Contact("phone", "32 30")],
        template_dir=folder,
    )
    return reply.steps["improvement"]


def test_macro_imported_with_context_sees_each_signature(tmp_path):
    """`{% from … import x with context %}` reads every variable: no stale cached render."""
    folder = _custom_folder(tmp_path, '{% from "shared/signed.j2" import by with context %}')
    assert "la Caf de Paris" in _improvement(folder, "la Caf de Paris")
    assert "la Caf de Lyon" in _improvement(folder, "la Caf de Lyon")


def test_module_imported_with_context_sees_each_signature(tmp_path):
    """`{% import … as m with context %}` too."""
    folder = _custom_folder(
        tmp_path, '{% import "shared/signed.j2" as signed with context %}{% set by = signed.by %}'
    )
    assert "la Caf de Paris" in _improvement(folder, "la Caf de Paris")
    assert "la Caf de Lyon" in _improvement(folder, "la Caf de Lyon")


EXPORT = (
    "ID expérience,Ressenti usager,Titre\r\n"
    + "".join(f"{n},Négatif,Titre {n}\r\n" for n in range(1, 1201))
).encode()


def test_two_interleaved_exports_keep_their_own_skip_sets():
    """Two draft_export runs interleaved in one process do not share their resume ids."""
    from sprep_templates.export import draft_export

    skip_all = {str(n) for n in range(1, 1201)}
    first = draft_export(io.BytesIO(EXPORT), PROFILE, skip_ids=skip_all)
    second = draft_export(io.BytesIO(EXPORT), PROFILE)
    first_chunk = next(first)
    second_chunks = list(second)
    first_rest = list(first)
    assert sum(sum(c.statuses.values()) for c in second_chunks) == 1200
    assert sum(sum(c.statuses.values()) for c in [first_chunk, *first_rest]) == 0


def test_a_coding_error_is_not_a_rejected_row(tmp_path, monkeypatch, capsys):
    """A TypeError raised by our own code is a bug to see, not a row to reject quietly."""
    import sprep_templates.export._columns as columns

    def broken(*args, **kwargs):
        raise TypeError("a bug")

    monkeypatch.setattr(columns, "Experience", broken)
    source = tmp_path / "e.csv"
    source.write_bytes(EXPORT[:200])
    try:
        main(["draft", str(source), "-o", str(tmp_path / "o.jsonl"), "--quiet"])
    except TypeError:
        return
    raise AssertionError("the TypeError was swallowed as a rejected row")
