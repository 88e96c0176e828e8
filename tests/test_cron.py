"""The CLI in a nightly job (issue 22 items 10-13): Excel-ready CSV, exit statuses a
script can use, a machine-readable audit, the README's audit command."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from sprep_templates import cli
from sprep_templates.cli import EXIT_ERRORS_FOUND, EXIT_OK, EXIT_REJECTED, main
from tests.documentation import documentation

EXIT_WARNINGS = getattr(cli, "EXIT_WARNINGS", 5)

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ROOT / "examples" / "profile.toml"
NETWORK = ROOT / "examples" / "network-profile.toml"
HEADER = "ID expérience;Ressenti usager;Titre;Intitulé structure 1\n"
ROWS = (
    "1;Positif;Accueil très agréable;Caf de Paris\n"
    "2;Négatif;Relevé de carrière;Caf de Paris\n"
    "3;Bof;Sans ressenti lisible;Caf de Paris\n"
)


def export(tmp_path: Path, rows: str = ROWS) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def excel_reads(data: bytes) -> list[list[str]]:
    """What French Excel shows when the file is double-clicked: UTF-8 only with a BOM,
    else the Windows code page (cp1252); cells split on ``;`` (the list separator)."""
    text = (
        data[3:].decode("utf-8")
        if data.startswith(b"\xef\xbb\xbf")
        else data.decode("cp1252", "replace")
    )
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


# --- 10. Excel-ready CSV -----------------------------------------------------------------


def test_excel_csv_reads_back_in_excel(tmp_path):
    output = tmp_path / "drafts.csv"
    status = main(
        [
            "draft",
            str(export(tmp_path)),
            "-o",
            str(output),
            "--profile",
            str(PROFILE),
            "--quiet",
            "--excel",
            "--accept-rejects",
        ]
    )
    assert status == EXIT_OK
    table = excel_reads(output.read_bytes())
    header, rows = table[0], table[1:]
    assert header[:3] == ["id", "structure_id", "structure"]
    assert len(rows) == 2 and all(len(row) == len(header) for row in rows)
    body = rows[0][header.index("body")]
    assert "Bonjour" in body and "â€" not in body and "Ã" not in body
    assert "\u202f" in body or "\u00a0" in body  # typography intact
    personalised = rows[1][header.index("personalised_by")]
    assert not personalised.startswith("[") and '"' not in personalised


def test_plain_csv_is_what_excel_garbles(tmp_path):
    """Without --excel the CSV stays as it was (UTF-8, commas), for scripts: Excel shows
    it in one column and mis-decodes it, which is what --excel is for."""
    output = tmp_path / "drafts.csv"
    main(["draft", str(export(tmp_path)), "-o", str(output), "--profile", str(PROFILE), "--quiet"])
    assert len(excel_reads(output.read_bytes())[0]) == 1


def test_excel_csv_can_be_resumed(tmp_path):
    output = tmp_path / "drafts.csv"
    source = export(tmp_path, ROWS.splitlines(keepends=True)[0])
    main(["draft", str(source), "-o", str(output), "--profile", str(PROFILE), "--quiet", "--excel"])
    source = export(tmp_path)
    status = main(
        [
            "draft",
            str(source),
            "-o",
            str(output),
            "--profile",
            str(PROFILE),
            "--quiet",
            "--excel",
            "--resume",
            "--accept-rejects",
        ]
    )
    assert status == EXIT_OK
    rows = excel_reads(output.read_bytes())[1:]
    assert [row[0] for row in rows] == ["1", "2"]


def test_excel_needs_a_csv_output(tmp_path, capsys):
    assert main(["draft", str(export(tmp_path)), "-o", str(tmp_path / "d.jsonl"), "--excel"]) == 2
    assert "--excel" in capsys.readouterr().err


# --- 11 and 12. exit statuses --------------------------------------------------------------


def test_rejected_rows_fail_unless_accepted(tmp_path):
    source = export(tmp_path)
    output = tmp_path / "drafts.jsonl"
    assert (
        main(["draft", str(source), "-o", str(output), "--profile", str(PROFILE), "--quiet"])
        == EXIT_REJECTED
    )
    assert (
        main(
            [
                "draft",
                str(source),
                "-o",
                str(output),
                "--profile",
                str(PROFILE),
                "--quiet",
                "--accept-rejects",
            ]
        )
        == EXIT_OK
    )
    assert len(output.read_text(encoding="utf-8").splitlines()) == 2
    assert (tmp_path / "drafts.rejects.jsonl").exists()


def test_warnings_fail_the_run_when_asked(tmp_path, capsys):
    source = export(tmp_path, ROWS.splitlines(keepends=True)[0])
    output = tmp_path / "drafts.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet"]) == EXIT_OK  # as before
    assert (
        main(["draft", str(source), "-o", str(output), "--quiet", "--fail-on-warning"])
        == EXIT_WARNINGS
    )
    assert "example profile" in capsys.readouterr().err
    # a section matching no structure of the input is a warning too
    assert (
        main(
            [
                "draft",
                str(source),
                "-o",
                str(output),
                "--quiet",
                "--profile",
                str(NETWORK),
                "--fail-on-warning",
            ]
        )
        == EXIT_WARNINGS
    )
    assert "matches no structure" in capsys.readouterr().err
    assert output.exists()  # the drafts are written all the same
    assert (
        main(
            [
                "draft",
                str(source),
                "-o",
                str(output),
                "--quiet",
                "--profile",
                str(PROFILE),
                "--fail-on-warning",
            ]
        )
        == EXIT_OK
    )


def test_check_exit_zero_unless_the_check_failed(tmp_path):
    reply = tmp_path / "reply.txt"
    reply.write_text("Bonjour,\n\nVeuillez solliciter un rendez-vous.\n\nJean", encoding="utf-8")
    assert main(["check", str(reply)]) == EXIT_ERRORS_FOUND
    assert main(["check", str(reply), "--exit-zero"]) == EXIT_OK
    assert main(["check", str(tmp_path / "missing.txt"), "--exit-zero"]) == 2


# --- 13. a machine-readable audit ----------------------------------------------------------


def test_audit_format_json(tmp_path, capsys):
    replies = tmp_path / "replies.jsonl"
    lines = [
        {
            "id": "a",
            "pseudonym": "Sandrine",
            "reply_text": "Bonjour Sandrine,\n\nVeuillez solliciter un rendez-vous.\n\nJean",
        },
        {
            "id": "b",
            "pseudonym": "Paul",
            "reply_text": "Bonjour Sandrine,\n\nMerci pour votre message.\n\nJean",
        },
    ]
    replies.write_text(
        "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8"
    )
    status = main(
        [
            "check",
            "--jsonl",
            str(replies),
            "--field",
            "reply_text",
            "--pseudonym-field",
            "pseudonym",
            "--id-field",
            "id",
            "--format",
            "json",
            "--exit-zero",
        ]
    )
    assert status == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["checked"] == 2 and report["failing"] == 2
    assert report["by_rule"]["greeting"]["errors"] == 1  # b greets the wrong name
    assert [r["id"] for r in report["replies"]] == ["a", "b"]
    assert all(
        set(f) == {"rule", "severity", "message", "start", "end"}
        for r in report["replies"]
        for f in r["findings"]
    )


def test_readme_audit_command_names_the_pseudonyms():
    """The README's audit command gives --pseudonym-field: without it the greeting rule
    cannot tell a reply greeting the wrong person (32 greeting errors instead of 75 on
    the real replies)."""
    readme = documentation()  # the README and docs/
    commands = [
        line for line in readme.splitlines() if re.match(r"sprep check --jsonl", line.strip())
    ]
    assert commands and all("--pseudonym-field" in line for line in commands)
