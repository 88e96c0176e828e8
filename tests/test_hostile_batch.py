"""`sprep draft` under attack (issue 13): nothing lost, nothing leaked, never a hang."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import sprep_templates
from sprep_templates import Contact, Experience, InvalidInputError, check_reply
from sprep_templates.cli import (
    EXIT_BROKEN_PIPE,
    EXIT_FATAL,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    main,
)
from sprep_templates.exceptions import InvalidInputTypeError
from sprep_templates.export import read_rows
from sprep_templates.export._reading import CHUNK_LINES
from tests.documentation import documentation

from .real_size import real_size_export
from .test_batch import HEADER, export_bytes

ROOT = Path(__file__).resolve().parents[1]
#: A profile given explicitly: without one, drafting anything but the bundled example
#: adds a warning line on stderr (issue 16, item 6), which these tests do not count.
PROFILE = ("--profile", str(ROOT / "examples" / "profile.toml"))
# Subprocesses run the code these tests import (this tree's src/).
ENV = {**os.environ, "PYTHONPATH": str(Path(sprep_templates.__file__).resolve().parents[1])}
ROW = ["{}", "Expérience en attente de réponse", "Titre", "Négatif", "Accueil", "Caf", ""]


def row(identifier: str, **changes: str) -> list[str]:
    values = [identifier, *ROW[1:]]
    for index, name in enumerate(HEADER):
        if name in changes:
            values[index] = changes[name]
    return values


def draft(tmp_path: Path, data: bytes, *extra: str, name: str = "export.csv"):
    """(status, output records, rejects, stderr) of `sprep draft` run in-process."""
    source = tmp_path / name
    source.write_bytes(data)
    output = tmp_path / "drafts.jsonl"
    status = main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE, *extra])
    records = (
        [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        if output.exists()
        else []
    )
    rejects_path = tmp_path / "drafts.rejects.jsonl"
    rejects = (
        [json.loads(line) for line in rejects_path.read_text(encoding="utf-8").splitlines()]
        if rejects_path.exists()
        else []
    )
    return status, records, rejects


def closing_line(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err.strip().splitlines()[-1]


# --- 1, 2, 3: rows lost or invented ---------------------------------------------------


def test_a_field_over_128_kib_does_not_invent_rows(tmp_path, capsys):
    """Item 1: a 140,000-character quoted field with a row-shaped line inside is one field."""
    fake = "\nFAKE-666,Expérience en attente de réponse,Piège,Négatif,Accueil,Caf,\n"
    rows = [row("1", Titre="x" * 140_000 + fake), row("2")]
    status, records, rejects = draft(tmp_path, export_bytes(rows))
    assert status == EXIT_REJECTED
    assert "FAKE-666" not in {r["id"] for r in records}
    assert [r["id"] for r in records] == ["2"]
    assert [(r["line"], r["id"]) for r in rejects] == [(2, "1")]
    assert "Experience.title is 140,070 characters" in rejects[0]["reason"] or (
        "title" in rejects[0]["reason"]
    )
    assert closing_line(capsys).startswith("sprep: 2 rows read: 1 drafted")


def test_chunk_boundaries_never_split_a_record(tmp_path, capsys):
    """Item 2: a literal quote in an unquoted field and multi-line fields across chunks."""
    rows = [row(str(n)) for n in range(1000)]
    rows[300] = row("300", Titre="Écran de 27@ en panne")
    for n in range(500, 561):
        rows[n] = row(str(n), Titre=f"Ligne une\nligne deux, {n}")
    data = export_bytes(rows, crlf=False).replace(b"27@", b'27"')  # a quote csv.writer keeps
    status, records, rejects = draft(tmp_path, data)
    assert status == EXIT_OK, rejects
    assert [r["id"] for r in records] == [str(n) for n in range(1000)]
    assert closing_line(capsys).startswith("sprep: 1000 rows read: 1000 drafted")


def test_blank_rows_are_counted_as_skipped(tmp_path, capsys):
    """Item 3: blank rows (empty lines, only delimiters, any column count) are skipped, counted."""
    data = (
        export_bytes([row("1")], crlf=False)
        + b"\n,,,,,,\n,,\n"
        + export_bytes([row("2")], crlf=False).split(b"\n", 1)[1]
    )
    status, records, _ = draft(tmp_path, data)
    assert status == EXIT_OK and [r["id"] for r in records] == ["1", "2"]
    assert closing_line(capsys) == (
        "sprep: 5 rows read: 2 drafted (0 ready, 2 to complete, 0 to review), "
        "0 rejected, 3 skipped (3 blank)"
    )


# The fuzz: files the csv module reads, made of the pieces that break readers.
_PIECES = st.sampled_from(["a", "é", " ", ",", ";", '"', '""', "\n", "\r\n", "\r", "b" * 40])
_SOUP = st.lists(_PIECES, max_size=60).map("".join)
_FIELD = st.text(alphabet=st.sampled_from('ab é,;"\n\r'), max_size=12) | st.just("c" * 70)
_WRITTEN = st.lists(st.lists(_FIELD, min_size=1, max_size=4), max_size=6)


def _written(rows: list[list[str]], delimiter: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, str]:
    delimiter = draw(st.sampled_from([",", ";"]))
    parts = draw(st.lists(_SOUP | _WRITTEN.map(lambda rows: _written(rows, delimiter)), max_size=4))
    return delimiter, f"h1{delimiter}h2\n" + "".join(parts)


def _reference(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """(first line, fields) of each record as Python's csv module reads them."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(reader)
    records, line = [], reader.line_num
    for values in reader:
        records.append((line + 1, values))
        line = reader.line_num
    return records


@given(
    csv_files(),
    st.integers(min_value=1, max_value=6),
    st.sampled_from([8, 25, 60, 1 << 20]),
)
@example((",", 'h1,h2\n"a\nb",c\n27",x\n'), 1, 1 << 20)
@example((",", 'h1,h2\n"' + "x" * 40 + '\r\n",z\r\nq,r\n'), 1, 8)
@example((",", "h1,h2\n;;," + "c" * 70 + ',";""""\r\n"\n""\n'), 1, 8)  # \r\n cut by the cap
def test_reader_agrees_with_the_csv_module(file, chunk_lines, max_row):
    """Every record csv reads is read the same, or rejected; never one more, never one less."""
    delimiter, text = file
    expected = _reference(text, delimiter)
    _, rows = read_rows(io.BytesIO(text.encode("utf-8")), chunk_lines=chunk_lines, max_row=max_row)
    rows = list(rows)
    assert [r.line for r in rows] == [line for line, _ in expected]
    for got, (_, values) in zip(rows, expected, strict=True):
        if getattr(got, "blank", False):
            assert not any(v.strip() for v in values)
        elif got.fields is not None:
            assert list(got.fields.values()) == values
        else:
            assert got.problem
            assert len(got.raw) <= max(max_row + 1, 1_000) * 2 or "too large" not in got.problem


def test_reader_fuzz_reaches_oversized_and_multiline_records():
    """The fuzz's examples do reach the cases it is for (oversized rows, records over lines)."""
    text = 'h1,h2\n"' + "x" * 40 + '\nstill inside",z\nq,r\n'
    _, rows = read_rows(io.BytesIO(text.encode()), chunk_lines=1, max_row=20)
    rows = list(rows)
    assert [r.line for r in rows] == [2, 4]
    assert "too large" in rows[0].problem and rows[1].fields == {"h1": "q", "h2": "r"}


def test_a_nul_character_rejects_its_row_only(tmp_path):
    """A NUL character rejects its own multi-line record, and the next row is read."""
    data = export_bytes([row("1", Titre="a\x00\nb"), row("2")])
    status, records, rejects = draft(tmp_path, data)
    assert status == EXIT_REJECTED and [r["id"] for r in records] == ["2"]
    assert [r["line"] for r in rejects] == [2] and "U+0000" in rejects[0]["reason"]


# --- 4, 5: ids --------------------------------------------------------------------------


def test_rows_without_id_are_rejected_not_drafted_again_and_again(tmp_path, capsys):
    """Item 4: a row with an empty id is rejected (it could not be resumed)."""
    data = export_bytes([row(""), row("2")])
    status, records, rejects = draft(tmp_path, data)
    assert status == EXIT_REJECTED and [r["id"] for r in records] == ["2"]
    assert rejects[0]["reason"] == "the experience id is missing"
    status, records, _ = draft(tmp_path, data, "--resume")
    assert [r["id"] for r in records] == ["2"]
    assert "1 already in the output" in capsys.readouterr().err


def test_resume_on_a_csv_out_holding_only_its_header(tmp_path):
    """Item 5: --resume on a header-only CSV OUT writes no second header."""
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes([row("1")]))
    output = tmp_path / "out.csv"
    output.write_text(",".join(_header()) + "\r\n", encoding="utf-8")
    assert main(["draft", str(source), "-o", str(output), "--resume", "--quiet"]) == EXIT_OK
    rows = list(csv.reader(output.open(encoding="utf-8", newline="")))
    assert [r[0] for r in rows] == ["id", "1"]
    assert main(["draft", str(source), "-o", str(output), "--resume", "--quiet"]) == EXIT_OK
    assert [r[0] for r in csv.reader(output.open(encoding="utf-8", newline=""))] == ["id", "1"]


def _header() -> tuple[str, ...]:
    from sprep_templates.export import RECORD_FIELDS

    return RECORD_FIELDS


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("out.jsonl", b'{"id": "1", "text": "Bonj', "cut short"),
        ("out.jsonl", b"\xff\xfe garbage\n", "not UTF-8"),
        ("out.jsonl", b"hello\n", "out.jsonl:1 is not a draft record"),
        ("out.csv", b"ID exp\xc3\xa9rience,Titre\r\n1,x\r\n", "its header is not id,"),
    ],
)
def test_resume_refuses_what_is_not_a_drafts_file(tmp_path, capsys, name, content, said):
    """Item 8: --resume on a truncated, non-UTF-8 or non-record OUT: one line, exit 4."""
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes([row("1")]))
    output = tmp_path / name
    output.write_bytes(content)
    assert main(["draft", str(source), "-o", str(output), "--resume"]) == EXIT_FATAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and said in err
    assert output.read_bytes() == content


# --- 6, 7: one bad row or file ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "\\ud800", "sentiment": "negative"}', "half of a surrogate pair"),
        ("[" * 100_000, "nested too deeply"),
        ('{"id": "1", "sentiment": "negative", "similar": ' + "9" * 5000 + "}", "digits"),
        ('{"id": "1", "sentiment": "negative", "structures": [[1]]}', "structures"),
        ('{"id": "1", "sentiment": "negative", "pseudonym": {"a": 1}}', "pseudonym"),
        ('{"id": "1", "sentiment": "negative", "channels": 5}', "channels"),
    ],
    ids=["surrogate", "nesting", "digits", "structures", "pseudonym", "channels"],
)
def test_hostile_json_lines_are_rejected(tmp_path, line, reason):
    """Item 6: each hostile JSON line is a rejected row with its reason; the batch goes on."""
    good = json.dumps({"id": "ok", "sentiment": "positive", "structures": ["Caf"]})
    data = (good + "\n" + line + "\n" + good.replace("ok", "ok2") + "\n").encode()
    status, records, rejects = draft(tmp_path, data, "--structure", "Caf", name="in.jsonl")
    assert status == EXIT_REJECTED
    assert [r["id"] for r in records] == ["ok", "ok2"] and len(rejects) == 1
    assert rejects[0]["line"] == 2 and reason in rejects[0]["reason"]


def test_a_lone_surrogate_is_refused_by_experience():
    """Item 6: Experience refuses a lone surrogate with InvalidInputError (a SprepError)."""
    with pytest.raises(InvalidInputError, match=r"Experience\.id contains U\+D800"):
        Experience(id="\ud800", sentiment="negative")


def test_utf16_with_bom_is_read(tmp_path):
    """Item 7: a UTF-16 export with its BOM reads as the UTF-8 one does."""
    text = export_bytes([row("1"), row("2")], bom=False).decode("utf-8")
    status, records, _ = draft(tmp_path, text.encode("utf-16"))
    assert status == EXIT_OK and [r["id"] for r in records] == ["1", "2"]


def test_cr_only_line_endings_are_read(tmp_path):
    """Item 7: an export whose lines end with a lone CR (old Mac) reads the same."""
    data = export_bytes([row("1"), row("2")], crlf=False).replace(b"\n", b"\r")
    status, records, _ = draft(tmp_path, data)
    assert status == EXIT_OK and [r["id"] for r in records] == ["1", "2"]


def test_utf16_without_bom_is_a_clear_fatal_error(tmp_path, capsys):
    """Item 7: UTF-16 without BOM: one line naming the encoding, exit 4."""
    data = export_bytes([row("1")], bom=False).decode().encode("utf-16-le")
    status, _, _ = draft(tmp_path, data)
    err = capsys.readouterr().err
    assert status == EXIT_FATAL and err.count("\n") == 1 and "UTF-16" in err


# --- 8, 9: outputs -------------------------------------------------------------------------


def test_output_into_a_missing_folder(tmp_path, capsys):
    """Item 8: -o into a folder that does not exist: one line, exit 4."""
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes([row("1")]))
    assert main(["draft", str(source), "-o", str(tmp_path / "no" / "o.jsonl")]) == EXIT_FATAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err


def test_output_in_a_read_only_place(tmp_path, capsys, monkeypatch):
    """Item 8: a place where no file can be made: one line, exit 4."""
    import sprep_templates.export._files as files

    def refused(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files, "_new_file", refused)  # where an output file is made
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes([row("1")]))
    assert main(["draft", str(source), "-o", str(tmp_path / "o.jsonl")]) == EXIT_FATAL
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write" in err and "Permission denied" in err


def test_a_full_disk_destroys_nothing(tmp_path, capsys, monkeypatch):
    """Item 8: ENOSPC while writing: one line, exit 4, the previous drafts and rejects kept."""
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes([row("1"), row("2", **{"Ressenti usager": ""})]))
    output = tmp_path / "drafts.jsonl"
    rejects = tmp_path / "drafts.rejects.jsonl"
    output.write_text("previous\n")
    rejects.write_text("previous rejects\n")
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE]) == EXIT_FATAL
    monkeypatch.setattr(os, "fsync", real_fsync)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err and "as they were" in err
    assert output.read_text() == "previous\n" and rejects.read_text() == "previous rejects\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "drafts.jsonl",
        "drafts.rejects.jsonl",
        "export.csv",
    ]


@pytest.mark.parametrize(
    "arguments",
    [
        ["-o", "{input}"],
        ["--rejects", "{input}"],
        ["-o", "{dir}/o.jsonl", "--rejects", "{dir}/o.jsonl"],
        ["-o", "{dir}/o.jsonl", "--rejects", "{dir}/./o.jsonl"],
    ],
)
def test_outputs_never_overwrite_the_input_or_each_other(tmp_path, capsys, arguments):
    """Item 9: -o INPUT, --rejects INPUT, --rejects OUT: refused, nothing destroyed."""
    source = tmp_path / "export.csv"
    data = export_bytes([row("1"), row("2", **{"Ressenti usager": ""})])
    source.write_bytes(data)
    (tmp_path / "o.jsonl").write_text("kept\n")
    argv = [a.format(input=source, dir=tmp_path) for a in arguments]
    assert main(["draft", str(source), *argv]) == EXIT_USAGE
    assert capsys.readouterr().err.count("\n") == 1
    assert source.read_bytes() == data and (tmp_path / "o.jsonl").read_text() == "kept\n"


# --- 10: CSV injection -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "identifier",
    ["=1+1", '=UPPER("pwned")', '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)",
     "-2+3", "\t=3*3"],
)  # fmt: skip
def test_csv_output_cells_are_never_formulas(tmp_path, identifier):
    """Item 10: no cell of a CSV output starts with = + - @, a tab or a CR."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": identifier, "sentiment": "negative"}) + "\n")
    output = tmp_path / "out.csv"
    assert main(["draft", str(source), "-o", str(output), "--quiet"]) == EXIT_OK
    rows = list(csv.reader(output.open(encoding="utf-8", newline="")))
    assert rows[1][0] == "'" + identifier.strip()
    for cell in rows[1]:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_jsonl_output_is_left_as_it_is(tmp_path):
    """Item 10: JSON lines keep the id as it came (no spreadsheet reads them)."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "=1+1", "sentiment": "negative"}) + "\n")
    _, records, _ = draft(tmp_path, source.read_bytes(), name="in.jsonl")
    assert records[0]["id"] == "=1+1"


def test_resume_reads_back_neutralised_ids(tmp_path, capsys):
    """Item 10: --resume on a CSV OUT knows an id it wrote as '=1+1."""
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "=1+1", "sentiment": "negative"}) + "\n")
    output = tmp_path / "out.csv"
    main(["draft", str(source), "-o", str(output), "--quiet"])
    main(["draft", str(source), "-o", str(output), "--quiet", "--resume"])
    assert len(list(csv.reader(output.open(encoding="utf-8", newline="")))) == 2


# --- 8: sprep check and check_reply -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "said", "expected"),
    [
        (b'reply_text\n"' + b"Bonjour " * 20_000 + b'"\n', "1 replies checked", 1),
        (b'{"reply_text": "Bonjour"}\n' + b"[" * 100_000 + b"\n", "nested too deeply", 2),
        (b'{"reply_text": "Bonjour \xff"}\n', "not UTF-8", 2),
        (b'{"reply_text": "Bonjour", "p": 5}\n', "pseudonym must be a str", 2),
    ],
    ids=["long field", "nesting", "not UTF-8", "pseudonym type"],
)
def test_check_jsonl_on_hostile_files(tmp_path, capsys, content, said, expected):
    """Item 8: `sprep check --jsonl` on hostile files: a line saying why, exit 2 (not 1)."""
    path = tmp_path / ("replies.jsonl" if content.startswith(b"{") else "replies.csv")
    path.write_bytes(content)
    status = main(["check", "--jsonl", str(path), "--pseudonym-field", "p"])
    captured = capsys.readouterr()
    assert said in captured.out + captured.err
    assert status == expected


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"pseudonym": 5}, "pseudonym"),
        ({"contacts": [5]}, "contacts"),
        ({"contacts": 5}, "contacts"),
        ({"official_domains": 5}, "official_domains"),
        ({"official_domains": [5]}, "official_domains"),
        ({"signature": "Jean"}, "signature"),
    ],
)
def test_check_reply_refuses_arguments_of_the_wrong_type(arguments, named):
    """Item 8: check_reply names the argument of the wrong type (InvalidInputTypeError)."""
    with pytest.raises(InvalidInputTypeError, match=named):
        check_reply("Bonjour,\n\nMerci.", **arguments)
    check_reply("Bonjour", contacts=[Contact("phone", "32 30")], official_domains=["caf.fr"])


# --- 14, 15, 16: signals, memory, closed pipe -------------------------------------------------------


#: More than one chunk's drafts (512 lines, each draft well under 4 KB): once the temporary
#: output is larger, the first chunk was written whole, and is what an interruption keeps.
MORE_THAN_A_CHUNK = CHUNK_LINES * 4096


def _wait_for_drafts(directory: Path, prefix: str, process: subprocess.Popen) -> None:
    """Until the run's temporary output holds more than one chunk of drafts (it grows as
    chunks are written; a chunk's write flushes several times, so any growth alone could
    be a first chunk still being written)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()  # type: ignore[union-attr]
        for path in directory.iterdir():
            with contextlib.suppress(FileNotFoundError):
                if path.name.startswith(prefix) and path.stat().st_size > MORE_THAN_A_CHUNK:
                    return
        time.sleep(0.02)
    raise AssertionError("no draft written in 120 s")


def _big_export(path: Path, rows: int) -> None:
    path.write_bytes(export_bytes([row(str(n)) for n in range(rows)]))


@pytest.mark.parametrize("jobs", [2, 4])
@pytest.mark.parametrize(("sent", "status", "said"), [
    (signal.SIGINT, 130, "interrupted"),
    (signal.SIGTERM, 143, "terminated"),
])  # fmt: skip
def test_signals_stop_a_two_job_run_promptly_and_cleanly(tmp_path, sent, status, said, jobs):
    """Item 14: Ctrl-C or SIGTERM to the process group with --jobs 2 (and 4): a prompt
    exit, one message, no worker traceback, no .part file, the previous output untouched.
    Rows of the real export's size (issue 21, item 1: short rows hid a hang), and the
    signal is sent once drafts were written (not after a fixed sleep, which a quiet
    machine outran)."""
    source = real_size_export(tmp_path / "export.csv", 12_000)
    output = tmp_path / "drafts.jsonl"
    output.write_text("previous\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "sprep_templates", "draft", str(source), "-o", str(output),
         "--jobs", str(jobs), "--quiet", *PROFILE],
        env=ENV, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    _wait_for_drafts(tmp_path, ".drafts.jsonl.", process)
    assert process.poll() is None, process.stderr.read()  # type: ignore[union-attr]
    os.killpg(process.pid, sent)
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    assert process.returncode == status, err
    assert err.count("\n") == 1 and said in err and "Traceback" not in err
    # Issue 16, item 3: what was drafted is kept in OUT.partial for --resume; OUT and the
    # rejects file are as they were, and no temporary file is left.
    partial = tmp_path / "drafts.jsonl.partial"
    assert f"kept in {partial} ({output} is as it was)" in err and "--resume" in err
    assert output.read_text() == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "drafts.jsonl",
        "drafts.jsonl.partial",
        "export.csv",
    ]


def test_a_giant_row_is_rejected_while_reading_with_flat_memory(tmp_path):
    """Item 15: a 200 MB line is rejected with a bounded excerpt; memory stays flat."""
    source = tmp_path / "export.csv"
    with source.open("wb") as stream:
        stream.write(export_bytes([row("1")]))
        stream.write(b"2,en attente,")
        block = b"x" * (1 << 20)
        for _ in range(200):
            stream.write(block)
        stream.write(b",Neutre,Accueil,Caf,\r\n")
        stream.write(export_bytes([row("3")]).split(b"\r\n", 1)[1])
    output = tmp_path / "drafts.jsonl"
    launcher = (
        "import resource, subprocess, sys; "
        "status = subprocess.run(sys.argv[1:]).returncode; "
        "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", launcher, sys.executable, "-m", "sprep_templates", "draft",
         str(source), "-o", str(output), "--quiet"],
        env=ENV, capture_output=True, text=True,
    )  # fmt: skip
    status, peak_kb = map(int, done.stdout.split())
    assert status == EXIT_REJECTED, done.stderr
    assert peak_kb < 120 * 1024, f"peak {peak_kb / 1024:.0f} MB"
    assert [json.loads(line)["id"] for line in output.read_text().splitlines()] == ["1", "3"]
    (reject,) = [
        json.loads(x) for x in (tmp_path / "drafts.rejects.jsonl").read_text().splitlines()
    ]
    assert reject["line"] == 3 and "too large" in reject["reason"]
    assert len(reject["raw"]) <= 1_000


def test_a_closed_pipe_is_a_message_and_a_non_zero_status(tmp_path):
    """Item 16: `sprep draft big.csv | head -1`: a message on stderr and a non-zero status."""
    source = tmp_path / "export.csv"
    _big_export(source, 5_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "sprep_templates", "draft", str(source), "--quiet", *PROFILE],
        env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=60) == EXIT_BROKEN_PIPE
    assert "standard output was closed" in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_memory_bound_is_documented():
    """The README states the row bound and the exit codes."""
    readme = documentation()  # the README and docs/
    for said in ("1 MiB", "130", "143", "141"):
        assert said in readme
