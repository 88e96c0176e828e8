"""Batch drafting from the platform's export: `sprep draft`, draft_many, notebooks."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.cli import EXIT_FATAL, EXIT_OK, EXIT_REJECTED, main
from sprep_templates.export import Drafted, Rejected, Skipped, draft_many, repair_c1
from sprep_templates.profile import Profile, ProfileError

ROOT = Path(__file__).resolve().parents[1]
HEADER = [
    "ID expérience",
    "Statut de l'expérience",
    "Titre",
    "Ressenti usager",
    "Canaux Typologie 1",
    "Intitulé structure 1",
    "Intitulé structure  3",  # the export's own double space
]
PROFILE = Profile(
    signature=Signature("Jean", "la Caf de Paris"), contacts=(Contact("phone", "32 30"),)
)


def export_bytes(rows, *, delimiter=",", bom=True, crlf=True):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    data = buffer.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" if bom else b"") + data


MIXED = [
    ["1", "Expérience en attente de réponse", "Relevé de carrière", "Négatif", "Téléphone", "Caf de Paris", ""],
    ["2", "Expérience en attente de réponse", "Demande d\x92aide", "Positif", "", "", "Caf de Paris"],
    ["3", "Expérience en attente de réponse", "Sans ressenti", "", "Accueil", "Caf de Paris", ""],
    ["4", "Expérience en attente de réponse", "Ressenti inconnu", "Bof", "Accueil", "Caf de Paris", ""],
    ["5", "Expérience avec réponse", "Déjà traitée", "Neutre", "Accueil", "Caf de Paris", ""],
    ["6", "Expérience en attente de réponse", "Autre structure", "Neutre", "Accueil", "ANTS", ""],
]  # fmt: skip


def run_draft(tmp_path, data: bytes, *extra):
    source = tmp_path / "export.csv"
    source.write_bytes(data)
    output = tmp_path / "drafts.jsonl"
    status = main(["draft", str(source), "-o", str(output), "--quiet", *extra])
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    return status, records, output


def test_mixed_export_drafts_good_rows_and_keeps_bad_ones(tmp_path, capsys):
    """Good rows are drafted, bad rows go to the rejects file with line and reason."""
    status, records, output = run_draft(tmp_path, export_bytes(MIXED))
    assert status == EXIT_REJECTED
    assert [r["id"] for r in records] == ["1", "2", "6"]
    # Negative and neutral experiences with no rating and no agent text: the drafts
    # name nothing of the difficulty, so an agent should complete them (issue 12).
    assert [r["status"] for r in records] == ["to_complete", "ready", "to_complete"]
    assert list(records[0]) == [
        "id",
        "structure_id",
        "structure",
        "sentiment",
        "tone",
        "status",
        "attention",
        "word_count",
        "text",
        "body",
        "personalised_by",
        "notes",
        "findings",
    ]
    rejects = [
        json.loads(line)
        for line in output.with_name("drafts.rejects.jsonl").read_text().splitlines()
    ]
    assert [(r["line"], r["id"]) for r in rejects] == [(4, "3"), (5, "4")]
    assert "sentiment (Ressenti usager) is missing" in rejects[0]["reason"]
    assert "Experience.sentiment must be one of" in rejects[1]["reason"]
    assert "Sans ressenti" in rejects[0]["raw"]
    summary = capsys.readouterr().err
    assert "6 rows read: 3 drafted (1 ready, 2 to complete, 0 to review), 2 rejected" in summary
    assert "1 skipped (1 already answered)" in summary


def test_c1_characters_are_repaired(tmp_path):
    """A ’ turned into \\x92 by a cp1252 round-trip is repaired before drafting."""
    assert repair_c1("d\x92aide \x80 \x85") == "d’aide € …"
    _, records, _ = run_draft(tmp_path, export_bytes(MIXED[1:2]))
    assert "«\u00a0Demande d’aide\u00a0»" in records[0]["text"]


def test_structure_filter(tmp_path, capsys):
    """--structure keeps the experiences concerning that structure, in any of its columns."""
    status, records, _ = run_draft(
        tmp_path, export_bytes(MIXED[:2] + MIXED[5:]), "--structure", "caf de  paris"
    )
    assert status == EXIT_OK
    assert [r["id"] for r in records] == ["1", "2"]
    assert "1 about another structure" in capsys.readouterr().err


def test_semicolons_and_no_bom(tmp_path):
    """A semicolon-separated export without BOM or Windows line endings reads the same."""
    status, records, _ = run_draft(
        tmp_path, export_bytes(MIXED[:2], delimiter=";", bom=False, crlf=False)
    )
    assert status == EXIT_OK and [r["id"] for r in records] == ["1", "2"]


def test_broken_quoting_and_undecodable_bytes_are_rejected(tmp_path):
    """Broken quoting and bytes that are not UTF-8 reject their row only."""
    good = export_bytes(MIXED[:1], bom=False)
    data = (
        good
        + b'7,"en attente","titre "cass\xc3\xa9",Neutre,Accueil,Caf,\r\n'
        + b"8,en attente,Titre \xff,Neutre,Accueil,Caf,\r\n"
    )
    data += b"9,en attente,Titre,Positif,Accueil,Caf,\r\n"
    status, records, output = run_draft(tmp_path, data)
    assert status == EXIT_REJECTED
    assert [r["id"] for r in records] == ["1", "9"]
    rejects = [
        json.loads(line)
        for line in output.with_name("drafts.rejects.jsonl").read_text().splitlines()
    ]
    assert rejects[0]["line"] == 3 and "broken CSV quoting" in rejects[0]["reason"]
    assert rejects[1]["line"] == 4 and "not UTF-8" in rejects[1]["reason"]


def test_jsonl_input_and_csv_output(tmp_path):
    """JSON lines with the Experience fields in, CSV out (by the extension of OUT)."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "sentiment": "negative", "pseudonym": "Sandrine"})
        + "\n"
        + json.dumps({"id": "b", "sentiment": "positive", "channels": ["Accueil"]})
        + "\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.csv"
    assert main(["draft", str(source), "-o", str(output), "--quiet"]) == EXIT_OK
    rows = list(csv.DictReader(output.open(encoding="utf-8", newline="")))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["text"].startswith("Bonjour Sandrine,\n\n")
    assert json.loads(rows[0]["findings"]) == []


def test_resume_skips_ids_already_drafted(tmp_path, capsys):
    """--resume keeps what OUT holds and drafts only the rest."""
    _, first, output = run_draft(tmp_path, export_bytes(MIXED[:1]))
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes(MIXED[:2]))
    capsys.readouterr()
    assert main(["draft", str(source), "-o", str(output), "--resume", "--quiet"]) == EXIT_OK
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["id"] for r in records] == ["1", "2"] and records[0] == first[0]
    assert "1 already in the output" in capsys.readouterr().err


def test_jobs_keep_the_input_order(tmp_path):
    """--jobs 2 gives the same output as one job, in the input order."""
    rows = [
        [
            str(n),
            "en attente",
            "Titre",
            ("Positif", "Neutre", "Négatif")[n % 3],
            "Accueil",
            "Caf",
            "",
        ]
        for n in range(1200)
    ]
    data = export_bytes(rows)
    _, one, _ = run_draft(tmp_path, data)
    (tmp_path / "drafts.jsonl").unlink()
    _, two, _ = run_draft(tmp_path, data, "--jobs", "2")
    assert one == two and [r["id"] for r in two] == [str(n) for n in range(1200)]


def test_interrupted_run_leaves_no_truncated_output(tmp_path, monkeypatch):
    """An interruption mid-run leaves the previous output untouched and no partial file."""
    import sprep_templates.export._files as cli  # where sprep draft calls draft_export

    output = tmp_path / "drafts.jsonl"
    output.write_text("previous\n")
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes(MIXED[:2]))

    def interrupted(*args, **kwargs):
        yield from ()
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "draft_export", interrupted)
    assert main(["draft", str(source), "-o", str(output), "--quiet"]) == 130
    assert output.read_text() == "previous\n"
    assert {p.name for p in tmp_path.iterdir()} == {"drafts.jsonl", "export.csv"}


def test_unreadable_profile_is_fatal(tmp_path, capsys):
    """A profile that cannot be read is a fatal error: one line on stderr, exit 4."""
    profile = tmp_path / "profile.toml"
    profile.write_text('[signature]\nfirst_name = "Jean"\n', encoding="utf-8")
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes(MIXED[:1]))
    assert main(["draft", str(source), "--profile", str(profile)]) == EXIT_FATAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Signature.organisation" in err and str(profile) in err


def test_profile_errors_name_the_key(tmp_path):
    """A bad contact in a profile names the file, the contact and the field."""
    profile = tmp_path / "p.toml"
    profile.write_text(
        '[signature]\nfirst_name = "Jean"\norganisation = "la Caf"\n\n[[contacts]]\nkind = "web"\nvalue = "http://caf.fr"\n',
        encoding="utf-8",
    )
    with pytest.raises(
        ProfileError, match=r"p\.toml: contacts #1: Contact\.value for web must be an https"
    ):
        Profile.from_toml(profile)


def test_bundled_example_runs_out_of_the_box():
    """`sprep draft examples/export.csv` works without a profile."""
    result = subprocess.run(
        [sys.executable, "-m", "sprep_templates", "draft", str(ROOT / "examples" / "export.csv")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},  # this tree, not an installed one
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    # ready unless the draft names nothing of a negative experience's difficulty
    # (1004: no rating, no agent text), the user tells of a death (1007) or waits
    # for months with no answer (1001: blocked, an agent gives the next step).
    assert [(r["id"], r["status"]) for r in records] == [
        ("1001", "to_complete"),
        ("1002", "ready"),
        ("1003", "ready"),
        ("1004", "to_complete"),
        ("1005", "ready"),
        ("1007", "to_review"),
        ("1008", "ready"),
    ]
    assert records[0]["text"].startswith("Bonjour Sandrine,")
    assert "Bonjour,\n" in records[3]["text"]  # énervédu76
    assert records[5]["attention"] == ["décès ou deuil\u00a0: «\u202fdécédé\u202f»"]
    assert "8 rows read: 7 drafted (4 ready, 2 to complete, 1 to review)" in result.stderr


def test_draft_many_from_dicts():
    """draft_many drafts an iterable of rows lazily, one result per row, in order."""
    rows = [
        {"ID expérience": "1", "Ressenti usager": "Négatif", "Titre": "Relevé"},
        {"id": "2", "sentiment": "positive"},
        {"id": "3"},
    ]
    results = list(draft_many(rows, profile=PROFILE))
    assert [type(r) for r in results] == [Drafted, Drafted, Rejected]
    assert results[0].record()["status"] == "to_complete"  # nothing names the difficulty
    assert results[1].record()["status"] == "ready"
    assert results[2].reason == "the sentiment is missing"


def test_draft_many_keeps_a_rejected_row_as_it_came():
    """A rejected row's raw is the row as given (JSON), names and cells untouched; a
    row drafted needs none (it is written only for the rows rejected)."""
    rows = [
        {"ID expérience": "1", "Ressenti usager": "Négatif", "Titre": "Relevé"},
        {"ID  EXPÉRIENCE": "2", "Titre": "l\x92accueil", "Note": 3},
    ]
    drafted, rejected = draft_many(rows, profile=PROFILE)
    assert isinstance(drafted, Drafted) and isinstance(rejected, Rejected)
    assert rejected.line == 2 and rejected.id == "2"
    assert json.loads(rejected.raw) == rows[1]
    assert rejected.record()["raw"] == json.dumps(rows[1], ensure_ascii=False)


def test_draft_many_from_a_dataframe():
    """A pandas DataFrame is accepted when pandas is there (it stays optional)."""
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame([{"id": "1", "sentiment": "neutral", "title": None}])
    (result,) = draft_many(frame, profile=PROFILE)
    assert isinstance(result, Drafted)


def test_answered_experiences_are_skipped_unless_asked():
    """Experiences that already have an answer are skipped, unless include_answered."""
    row = {
        "ID expérience": "5",
        "Ressenti usager": "Neutre",
        "Statut de l'expérience": "Expérience avec réponse",
    }
    assert isinstance(next(draft_many([row], profile=PROFILE)), Skipped)
    assert isinstance(next(draft_many([row], profile=PROFILE, include_answered=True)), Drafted)


def test_reply_html_escapes_user_text():
    """Jupyter's display shows steps and word count, and escapes what the public typed."""
    reply = draft_reply(
        Experience(sentiment="negative", id="1", pseudonym="<b>Zoé</b>"),
        signature=Signature("Jean", "la Caf de Paris"),
        contacts=[Contact("phone", "32 30")],
    )
    shown = reply._repr_html_()
    assert "<b>Zoé</b>" not in shown
    # Steps are labelled in French, beside French text (issue 16: no English labels).
    assert "Ressenti" in shown and "acknowledgement" not in shown
    assert f"{reply.word_count} mots" in shown


def test_progress_shows_on_a_terminal_only(tmp_path, monkeypatch):
    """The progress line goes to stderr on a terminal, not in a pipe nor with --quiet."""
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes(MIXED[:2]))
    for tty, quiet, shown in ((True, False, True), (True, True, False), (False, False, False)):
        stderr = io.StringIO()
        stderr.isatty = lambda tty=tty: tty  # type: ignore[method-assign]
        monkeypatch.setattr(sys, "stderr", stderr)
        argv = ["draft", str(source), "-o", str(tmp_path / "o.jsonl")] + (
            ["--quiet"] if quiet else []
        )
        main(argv)
        assert ("\rsprep: " in stderr.getvalue()) is shown


def test_draft_reads_standard_input(monkeypatch, capsys):
    """- reads the export from standard input; drafts go to standard output."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(export_bytes(MIXED[:2]))))
    assert main(["draft", "-", "--quiet"]) == EXIT_OK
    out = capsys.readouterr().out
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["1", "2"]


def test_broken_custom_templates_are_fatal(tmp_path, capsys):
    """A syntax error in --templates stops the batch at once: one line, exit 4."""
    folder = tmp_path / "templates" / "negative" / "thanks"
    folder.mkdir(parents=True)
    (folder / "01.j2").write_text("Merci {% if title %}\n", encoding="utf-8")
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes(MIXED[:1]))
    status = main(["draft", str(source), "--templates", str(tmp_path / "templates")])
    err = capsys.readouterr().err
    assert status == EXIT_FATAL
    assert err.count("\n") == 1 and "negative/thanks/01.j2:1: syntax error" in err


def test_draft_many_reads_ids_pandas_reads_as_numbers():
    """pandas reads "ID expérience" as int64 and empty cells as NaN: ids come back as text."""
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(ROOT / "examples" / "export.csv")
    assert str(frame["ID expérience"].dtype) == "int64"
    results = list(draft_many(frame, profile=PROFILE))
    assert [r.id for r in results] == [str(n) for n in range(1001, 1009)]
    # 1001 waits for months with no answer: blocked, an agent gives the next step.
    assert [r.status for r in results] == [
        "to_complete",
        "ready",
        "ready",
        "to_complete",
        "ready",
        "skipped",
        "to_review",
        "ready",
    ]


def test_results_show_readably_in_a_notebook():
    """Results, replies and findings show in French, coloured by status, without
    escapes; a finding is highlighted where it is in the text."""
    rows = [
        {"id": "1", "sentiment": "negative", "description": "Mon père est décédé."},
        {"id": "2", "sentiment": "positive"},
        {"id": "3"},
    ]
    drafted, ready, rejected = draft_many(rows, profile=PROFILE)
    assert "\\xa0" not in repr([drafted, ready, rejected])
    assert repr(rejected) == "Rejected(line=3, id='3', reason='the sentiment is missing')"
    page = drafted._repr_html_()
    assert "Salutation" in page and "Ressenti" in page and "à revoir" in page
    assert "#cf222e" in page  # to_review in red
    assert "prête" in ready.reply._repr_html_() and "#1a7f37" in ready.reply._repr_html_()
    reply = draft_reply(
        Experience(sentiment="negative", id="4"),
        signature=Signature("Jean", "la Caf de Paris"),
        contacts=[Contact("phone", "32 30")],
        situation="Nous allons solliciter le service concerné.",
    )
    assert "<mark" in reply._repr_html_() and ">solliciter</mark>" in reply._repr_html_()
    assert "\\xa0" not in repr(reply.findings)


def test_results_frame_gives_one_row_per_result():
    """results_frame: a pandas DataFrame, one row per drafted, skipped or rejected row."""
    pytest.importorskip("pandas")
    from sprep_templates import results_frame

    frame = results_frame(
        draft_many([{"id": "1", "sentiment": "neutral"}, {"id": "2"}], profile=PROFILE)
    )
    assert list(frame["status"]) == ["to_complete", "rejected"]
    assert frame.loc[1, "reason"] == "the sentiment is missing"


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        (
            '[signature]\nfirstname = "Jean"\norganisation = "la Caf"\n',
            "'firstname': did you mean 'first_name'?",
        ),
        (
            '[signature]\nfirst_name = "Jean"\norganisation = "la Caf"\n'
            '[[contacts]]\nkind = "phone"\nvalue = "32 30"\ntemplates = "my-templates"\n',
            "'templates' belongs at the top of the file, before the first table",
        ),
        (
            'late_after_day = 10\n[signature]\nfirst_name = "Jean"\norganisation = "la Caf"\n',
            "'late_after_day': did you mean 'late_after_days'?",
        ),
    ],
)
def test_a_misplaced_or_misspelt_profile_key_is_an_error_that_says_where(tmp_path, toml, said):
    """Unknown keys anywhere in a profile name the key, the table, and what was meant."""
    path = tmp_path / "profile.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        Profile.from_toml(path)
    assert said in str(caught.value)


def test_uncommenting_the_example_profiles_templates_line_uses_the_templates(tmp_path):
    """The example profile's optional keys are at the top, where uncommenting works."""
    text = (ROOT / "examples" / "profile.toml").read_text(encoding="utf-8")
    (tmp_path / "my-templates").mkdir()
    (tmp_path / "profile.toml").write_text(
        text.replace('# templates = "my-templates"', 'templates = "my-templates"'),
        encoding="utf-8",
    )
    profile = Profile.from_toml(tmp_path / "profile.toml")
    assert profile.template_dir == tmp_path / "my-templates"
