"""`sprep check`: findings with line:column and rule id; exit status 0, 1 or 2."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys

from sprep_templates.cli import main

from .test_checking_rules import AVOID_CERFA, NEGATIVE_GOOD


def run(capsys, *argv):
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_clean_reply_exits_0(tmp_path, capsys):
    """A reply with no error exits 0."""
    reply = tmp_path / "reply.txt"
    reply.write_text(NEGATIVE_GOOD, encoding="utf-8")
    status, out, _ = run(capsys, "check", str(reply), "--pseudonym", "Sandrine")
    assert status == 0
    assert out.endswith("0 error(s), 0 warning(s)\n")


def test_findings_with_line_column_and_rule(tmp_path, capsys):
    """Errors print as FILE:LINE:COLUMN: severity [rule] message, and exit 1."""
    reply = tmp_path / "reply.txt"
    reply.write_text(AVOID_CERFA, encoding="utf-8")
    status, out, _ = run(capsys, "check", str(reply))
    assert status == 1
    column = AVOID_CERFA.index("se référer") + 1
    assert f"{reply}:1:{column}: error [jargon] «\u00a0se référer au\u00a0»" in out


def test_stdin(monkeypatch, capsys):
    """- reads the reply from standard input."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(AVOID_CERFA.encode())))
    status, out, _ = run(capsys, "check", "-")
    assert status == 1 and "<stdin>" not in out and "-:1:" in out


def test_bad_usage_exits_2(tmp_path, capsys):
    """A missing file is one line on stderr and exit status 2, no traceback."""
    status, _, err = run(capsys, "check", str(tmp_path / "missing.txt"))
    assert status == 2
    assert err.startswith("sprep: cannot read ") and err.count("\n") == 1


def test_audit_of_a_jsonl_column(tmp_path, capsys):
    """--jsonl checks a column and prints how many replies break each rule."""
    data = tmp_path / "replies.jsonl"
    rows = [{"reply_text": NEGATIVE_GOOD, "pseudo": "Sandrine"}, {"reply_text": AVOID_CERFA}]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    status, out, _ = run(
        capsys,
        "check",
        "--jsonl",
        str(data),
        "--field",
        "reply_text",
        "--pseudonym-field",
        "pseudo",
    )
    assert status == 1
    assert out.startswith("2 replies checked, 1 with at least one error\n")
    assert re.search(r"^jargon +1 +0$", out, re.M)


def test_audit_of_a_csv_column(tmp_path, capsys):
    """A .csv file is read as CSV, comma or semicolon separated."""
    data = tmp_path / "replies.csv"
    data.write_text('id;texte\n1;"' + AVOID_CERFA + '"\n', encoding="utf-8")
    status, out, _ = run(capsys, "check", "--jsonl", str(data), "--field", "texte")
    assert status == 1 and out.startswith("1 replies checked, 1 with at least one error")


def test_module_runs_as_sprep(tmp_path):
    """python -m sprep_templates is the sprep command."""
    reply = tmp_path / "reply.txt"
    reply.write_text(NEGATIVE_GOOD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sprep_templates", "check", str(reply), "--pseudonym", "Sandrine"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def _audit_rows(tmp_path, lines, *extra, capsys):
    data = tmp_path / "replies.jsonl"
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run(capsys, "check", "--jsonl", str(data), "--field", "reply_text", *extra)


def test_a_broken_row_is_reported_and_the_audit_goes_on(tmp_path, capsys):
    """A row that cannot be read (bad JSON) is listed as not checked, with its line and
    why; the rows after it are still checked, and the exit status says something failed."""
    lines = [
        json.dumps({"reply_text": NEGATIVE_GOOD}, ensure_ascii=False),
        '{"reply_text": "Bonjour, ',
        json.dumps({"reply_text": AVOID_CERFA}, ensure_ascii=False),
    ]
    status, out, _ = _audit_rows(tmp_path, lines, capsys=capsys)
    assert status == 2
    assert out.startswith("2 replies checked, 1 with at least one error\n")
    assert re.search(r"^1 row not checked:$", out, re.M), out
    assert re.search(r"^    line 2: .*JSON", out, re.M), out
    assert re.search(r"^jargon +1 +0$", out, re.M)


def test_an_oversized_row_does_not_stop_the_audit(tmp_path, capsys):
    """A row over the size an export row may have is not checked; the others are."""
    huge = json.dumps({"reply_text": "Bonjour " + "mot " * 300_000})
    lines = [json.dumps({"reply_text": AVOID_CERFA}, ensure_ascii=False), huge]
    lines.append(json.dumps({"reply_text": NEGATIVE_GOOD}, ensure_ascii=False))
    status, out, _ = _audit_rows(tmp_path, lines, capsys=capsys)
    assert status == 2
    assert out.startswith("2 replies checked, 1 with at least one error\n"), out
    assert re.search(r"^    line 2: ", out, re.M), out


def test_a_refused_field_does_not_stop_the_audit(tmp_path, capsys):
    """A pseudonym check_reply refuses (a number in JSON) leaves that reply unchecked,
    said with its line, and the audit goes on."""
    lines = [
        json.dumps({"reply_text": NEGATIVE_GOOD, "pseudo": 12}, ensure_ascii=False),
        json.dumps({"reply_text": NEGATIVE_GOOD, "pseudo": "Sandrine"}, ensure_ascii=False),
    ]
    status, out, _ = _audit_rows(tmp_path, lines, "--pseudonym-field", "pseudo", capsys=capsys)
    assert status == 2
    assert out.startswith("1 replies checked, 0 with at least one error\n"), out
    assert re.search(r"^    line 1: .*pseudonym", out, re.M), out


def test_rows_not_checked_in_the_json_report(tmp_path, capsys):
    """--format json lists the rows not checked, with their line and reason."""
    lines = ['{"reply_text": ', json.dumps({"reply_text": NEGATIVE_GOOD}, ensure_ascii=False)]
    status, out, _ = _audit_rows(tmp_path, lines, "--format", "json", capsys=capsys)
    report = json.loads(out)
    assert status == 2
    assert report["checked"] == 1
    assert [entry["line"] for entry in report["not_checked"]] == [1]
    assert report["not_checked"][0]["reason"]


def test_nothing_readable_is_still_an_error(tmp_path, capsys):
    """A file where no row can be read is no audit: exit 2, the first problem said."""
    status, _, err = _audit_rows(tmp_path, ["{not json", "{nor this"], capsys=capsys)
    assert status == 2
    assert "replies.jsonl:1: not a JSON line" in err


def test_audit_of_a_named_pipe(tmp_path):
    """--jsonl reads a named pipe (read once, kept aside for the second pass) and ends."""
    import os
    import threading
    from pathlib import Path

    import sprep_templates

    fifo = tmp_path / "replies.fifo"
    os.mkfifo(fifo)
    rows = [{"reply_text": NEGATIVE_GOOD}, {"reply_text": AVOID_CERFA}]

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sprep_templates",
            "check",
            "--jsonl",
            str(fifo),
            "--field",
            "reply_text",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(sprep_templates.__file__).parents[1])},
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("2 replies checked, 1 with at least one error\n")


def test_exit_zero_hides_errors_not_rows_left_unchecked(tmp_path, capsys):
    """--exit-zero makes replies' errors exit 0; a row the audit could not check
    still exits 2, so a nightly job sees that its file was not fully audited."""
    good = json.dumps({"reply_text": AVOID_CERFA}, ensure_ascii=False)
    status, _, _ = _audit_rows(tmp_path, [good], "--exit-zero", capsys=capsys)
    assert status == 0
    status, out, _ = _audit_rows(tmp_path, [good, "{broken"], "--exit-zero", capsys=capsys)
    assert status == 2 and "1 row not checked:" in out
