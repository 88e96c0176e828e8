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
