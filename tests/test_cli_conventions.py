"""The command line as people use it: one table of exit codes, usual conventions (issue 16)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sprep_templates
from sprep_templates.cli import EXIT_FATAL, EXIT_USAGE, main
from tests.documentation import documentation

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
EXAMPLE = ROOT / "examples" / "export.csv"


def sprep(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sprep_templates", *argv],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        check=False,
    )


# --- item 8: exit codes ---------------------------------------------------------


def test_missing_input_exits_2_in_check_and_draft(tmp_path, capsys):
    """A missing input file is a usage error (2) in check and draft alike, one line."""
    missing = str(tmp_path / "missing.csv")
    for argv in (["check", missing], ["check", "--jsonl", missing], ["draft", missing]):
        assert main(argv) == EXIT_USAGE, argv
        err = capsys.readouterr().err
        assert err.startswith("sprep: cannot read ") and err.count("\n") == 1, err


def test_lint_of_a_missing_folder_exits_2_in_one_line(tmp_path, capsys):
    """`sprep templates lint nosuchdir` is a usage error: exit 2, one line."""
    assert main(["templates", "lint", str(tmp_path / "nosuchdir")]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "nosuchdir" in captured.err and "not a folder" in captured.err


@pytest.mark.parametrize("command", [[], ["check"], ["draft"], ["profile"], ["templates"]])
def test_every_help_lists_the_exit_codes(command):
    """--help of sprep and of every command lists every exit code."""
    result = sprep(*command, "--help")
    assert result.returncode == 0
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "130 ", "141 ", "143 "):
        assert f"\n  {code}" in result.stdout, (command, code, result.stdout)


def test_readme_has_the_same_exit_code_table():
    """The README's table of exit codes is the one --help prints."""
    from sprep_templates.cli import EXIT_CODES

    readme = documentation()  # the README and docs/
    for code, meaning in EXIT_CODES:
        assert f"| {code} | {meaning} |" in readme, code


def test_outputs_follow_the_umask(tmp_path):
    """Drafts and rejects are created with the umask's permissions, not 0600."""
    source = tmp_path / "export.csv"
    source.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n,Positif,\n", encoding="utf-8")
    previous = os.umask(0o022)
    try:
        main(["draft", str(source), "-o", str(tmp_path / "o.jsonl"), "--quiet"])
    finally:
        os.umask(previous)
    assert (tmp_path / "o.jsonl").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "o.rejects.jsonl").stat().st_mode & 0o777 == 0o644


def test_unwritable_output_is_one_line_not_a_traceback(tmp_path):
    """-o into a missing folder: exit 4, one line, no traceback."""
    result = sprep("draft", "examples/export.csv", "-o", str(tmp_path / "no" / "o.jsonl"))
    assert result.returncode == EXIT_FATAL
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


# --- item 11: conventions --------------------------------------------------------


def test_version():
    """`sprep --version` prints the package's version, which __version__ holds."""
    result = sprep("--version")
    assert result.returncode == 0
    assert result.stdout == f"sprep {sprep_templates.__version__}\n"
    assert sprep_templates.__version__[:1].isdigit()


def test_bare_sprep_shows_help():
    """`sprep` alone prints the help (with the commands and exit codes) and exits 2."""
    result = sprep()
    assert result.returncode == EXIT_USAGE
    assert "usage: sprep" in result.stderr and "draft" in result.stderr
    assert "exit status" in result.stderr


def test_a_wrong_flag_after_draft_shows_drafts_usage():
    """A wrong flag after `draft` shows `draft`'s usage, not the top-level one."""
    result = sprep("draft", "examples/export.csv", "--bogus")
    assert result.returncode == EXIT_USAGE
    assert result.stderr.startswith("usage: sprep draft ")
    assert "unrecognized arguments: --bogus" in result.stderr


def test_rejects_file_is_named_as_the_readme_says(tmp_path):
    """The rejects file is named as the README and --help say: `-o drafts.jsonl` →
    `drafts.rejects.jsonl` (OUT without its extension)."""
    readme = documentation()  # the README and docs/
    assert "by default `drafts.rejects.jsonl` for `-o drafts.jsonl`" in readme
    assert "drafts.rejects.jsonl for -o drafts.jsonl" in " ".join(
        sprep("draft", "-h").stdout.split()
    )
    source = tmp_path / "export.csv"
    source.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n,Positif,\n", encoding="utf-8")
    main(["draft", str(source), "-o", str(tmp_path / "drafts.jsonl"), "--quiet"])
    assert (tmp_path / "drafts.rejects.jsonl").exists()


def test_progress_line_has_percentage_and_rate(monkeypatch, capsys):
    """On a terminal, the progress line shows the share of the input read and the rate."""
    from sprep_templates.cli import _Progress

    progress = _Progress(True, total_bytes=1000)
    progress.shown = -1.0
    progress.update(50, read_bytes=250)
    err = capsys.readouterr().err
    assert "25 %" in err and "rows/s" in err and "50 rows" in err


# --- item 7: wrong inputs do not succeed quietly -------------------------------------


def test_misspelt_field_in_jsonl_exits_2_with_the_closest_names(tmp_path, capsys):
    """`--field reply` on a JSON-lines file whose column is reply_text: exit 2, with the
    closest column names."""
    data = tmp_path / "replies.jsonl"
    data.write_text('{"reply_text": "Bonjour", "case_id": "1"}\n', encoding="utf-8")
    assert main(["check", "--jsonl", str(data), "--field", "reply"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "no column 'reply'" in err and "did you mean: reply_text?" in err


def test_misspelt_field_in_csv_names_the_closest_columns(tmp_path, capsys):
    """The same in a CSV file."""
    data = tmp_path / "replies.csv"
    data.write_text("case_id;reply_text\n1;Bonjour\n", encoding="utf-8")
    assert main(["check", "--jsonl", str(data), "--field", "reply_txt"]) == EXIT_USAGE
    assert "did you mean: reply_text?" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["", "reply_text,case_id\n", "\n"])
def test_empty_or_header_only_file_is_an_error_in_check(tmp_path, capsys, content):
    """An empty or header-only file is an error (4) in check --jsonl, not 0 replies checked."""
    data = tmp_path / "replies.csv"
    data.write_text(content, encoding="utf-8")
    assert main(["check", "--jsonl", str(data)]) == EXIT_FATAL
    assert "no row" in capsys.readouterr().err


def test_empty_reply_file_is_an_error_in_check(tmp_path, capsys):
    """An empty reply given to `sprep check FILE` is an error, not a clean pass."""
    data = tmp_path / "reply.txt"
    data.write_text(" \n", encoding="utf-8")
    assert main(["check", str(data)]) == EXIT_FATAL
    assert "empty" in capsys.readouterr().err


@pytest.mark.parametrize(
    "content", ["", EXAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n"]
)
def test_empty_or_header_only_export_is_an_error_in_draft(tmp_path, capsys, content):
    """An empty or header-only export is a fatal error in draft, and OUT is as it was."""
    source = tmp_path / "export.csv"
    source.write_text(content, encoding="utf-8")
    output = tmp_path / "o.jsonl"
    output.write_text("before\n", encoding="utf-8")
    assert main(["draft", str(source), "-o", str(output), "--quiet"]) == EXIT_FATAL
    assert "no row" in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == "before\n"


def test_csv_without_the_exports_columns_is_one_fatal_error(tmp_path, capsys):
    """A CSV that has none of the export's columns is one fatal error naming the missing
    columns, before any row: no reject per row."""
    source = tmp_path / "export.csv"
    source.write_text("name,comment\nA,b\nC,d\n", encoding="utf-8")
    output = tmp_path / "o.jsonl"
    profile = str(ROOT / "examples" / "profile.toml")
    argv = ["draft", str(source), "-o", str(output), "--quiet", "--profile", profile]
    assert main(argv) == EXIT_FATAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ID expérience" in err and "Ressenti usager" in err
    assert not output.exists() and not (tmp_path / "o.rejects.jsonl").exists()


# --- item 9: sprep check's output ------------------------------------------------------

REPLY = (
    "Bonjour,\n\nNous accusons réception de votre message. Il convient de solliciter "
    "le service. Votre dossier 2023-AB-45678 sera traité dans les meilleurs délais.\n"
)


def test_check_prints_findings_grouped_by_rule(tmp_path, capsys):
    """Findings print grouped by rule (in the rules' order), each group under its rule."""
    from sprep_templates.checking import RULES

    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    main(["check", str(reply)])
    out = capsys.readouterr().out
    rules = [
        line.split("[", 1)[1].split("]", 1)[0]
        for line in out.splitlines()
        if ": " in line and "[" in line
    ]
    assert len(set(rules)) >= 3
    order = [r for r in RULES if r in rules]
    assert rules == sorted(rules, key=order.index)  # each rule's findings together
    for rule in order:
        assert f"\n== {rule}: " in "\n" + out


def test_check_format_json_for_one_reply(tmp_path, capsys):
    """--format json prints one JSON object: findings with their position, and counts."""
    import json

    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    status = main(["check", str(reply), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert status == 1 and report["file"] == str(reply)
    first = report["findings"][0]
    assert set(first) == {"rule", "severity", "message", "start", "end", "line", "column"}
    assert report["counts"]["errors"] == sum(f["severity"] == "error" for f in report["findings"])
    assert report["counts"]["warnings"] == len(report["findings"]) - report["counts"]["errors"]
    jargon = next(f for f in report["findings"] if "solliciter" in f["message"])
    assert REPLY[jargon["start"] : jargon["end"]].lower().startswith("solliciter")
    assert (jargon["line"], jargon["column"]) == (3, REPLY.split("\n")[2].index("solliciter") + 1)


def test_details_names_replies_by_their_id(tmp_path, capsys):
    """--details names each reply by its id field when there is one, not by its line."""
    data = tmp_path / "replies.csv"
    data.write_text(f'case_id;reply_text\nC-77;"{REPLY}"\n', encoding="utf-8")
    main(["check", "--jsonl", str(data), "--details"])
    out = capsys.readouterr().out
    assert "C-77:3:" in out and f"{data}:2:" not in out


# --- item 6: the example profile does not sign silently --------------------------------


def test_example_export_without_profile_stays_quiet(tmp_path, capsys):
    """The README's first command (the bundled example, no --profile) drafts as before:
    no warning, no note."""
    import json

    output = tmp_path / "o.jsonl"
    main(["draft", str(EXAMPLE), "-o", str(output), "--quiet"])
    assert "example profile" not in capsys.readouterr().err
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert records and not any("example profile" in " ".join(r["notes"]) for r in records)


def test_a_copy_of_the_example_is_recognised_by_content(tmp_path, capsys):
    """A copy of the bundled example elsewhere is recognised by its content."""
    source = tmp_path / "export.csv"
    source.write_bytes(EXAMPLE.read_bytes())
    main(["draft", str(source), "-o", str(tmp_path / "o.jsonl"), "--quiet"])
    assert "example profile" not in capsys.readouterr().err


def test_another_export_without_profile_says_so_loudly(tmp_path, capsys):
    """Any other export drafted without --profile: a warning at the start and in the
    closing line on stderr, and a note in every draft."""
    import json

    source = tmp_path / "export.csv"
    source.write_text(
        EXAMPLE.read_text(encoding="utf-8") + "2001,A traiter,,,,,,Positif\n", encoding="utf-8"
    )
    output = tmp_path / "o.jsonl"
    main(["draft", str(source), "-o", str(output), "--quiet"])
    err = capsys.readouterr().err.splitlines()
    assert "WARNING" in err[0] and "example profile" in err[0] and "--profile" in err[0]
    assert "example profile" in err[-1] and err[-1].startswith("sprep: ")
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert all(any("example profile" in note for note in r["notes"]) for r in records)


# --- item 5: exports saved by Excel on French Windows ------------------------------------

CP1252_EXPORT = (
    "ID expérience;Etat expérience;Ressenti usager;Titre;Canaux Typologie 1;"
    "Intitulé structure 1;Pseudonyme usager\r\n"
    "3001;A traiter;Négatif;Relevé de carrière;Téléphone;Caf de Paris;Hélène\r\n"
    "3002;A traiter;Positif;Très bon accueil;Accueil;Caf de Paris;Loïc\r\n"
)


def _records(path):
    import json

    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_cp1252_semicolon_export_is_read(tmp_path):
    """An export saved by Excel on French Windows (cp1252, ;) is detected and drafted."""
    source = tmp_path / "export.csv"
    source.write_bytes(CP1252_EXPORT.encode("cp1252"))
    output = tmp_path / "o.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet"]) == 0
    records = _records(output)
    assert [r["id"] for r in records] == ["3001", "3002"]
    assert records[0]["text"].startswith("Bonjour Hélène,")


def test_encoding_option_in_draft(tmp_path):
    """--encoding NAME reads the input in that encoding; an unknown name is a usage error."""
    source = tmp_path / "export.csv"
    source.write_bytes(CP1252_EXPORT.replace("Hélène", "Loïc").encode("latin-1"))
    output = tmp_path / "o.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet", "--encoding", "latin-1"]) == 0
    assert _records(output)[0]["text"].startswith("Bonjour Loïc,")
    assert main(["draft", str(source), "--encoding", "klingon"]) == EXIT_USAGE


def test_mixed_file_still_rejects_row_by_row(tmp_path):
    """A file whose first 64 KiB are UTF-8 but a later row is not: that row is rejected,
    the others drafted."""
    header, first, second = CP1252_EXPORT.splitlines()[:3]
    rows = [first.replace("3001", str(4000 + n)) for n in range(900)]  # > 64 KiB of UTF-8
    data = ("\r\n".join([header, *rows]) + "\r\n").encode("utf-8") + (second + "\r\n").encode(
        "cp1252"
    )
    assert len(data) > 1 << 16
    source = tmp_path / "export.csv"
    source.write_bytes(data)
    output = tmp_path / "o.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet"]) == 3
    assert len(_records(output)) == 900
    rejects = _records(tmp_path / "o.rejects.jsonl")
    assert len(rejects) == 1 and "not UTF-8" in rejects[0]["reason"]


def test_check_reads_cp1252_and_accepts_encoding(tmp_path, capsys):
    """sprep check reads a cp1252 reply and a cp1252 CSV of replies; --encoding too."""
    reply = tmp_path / "reply.txt"
    reply.write_bytes(REPLY.replace("réception", "réception").encode("cp1252"))
    assert main(["check", str(reply)]) == 1
    assert "solliciter" in capsys.readouterr().out
    table = tmp_path / "replies.csv"
    table.write_bytes(f'case_id;reply_text\nC-1;"{REPLY}"\n'.encode("cp1252"))
    main(["check", "--jsonl", str(table), "--encoding", "cp1252"])
    assert "1 replies checked" in capsys.readouterr().out
