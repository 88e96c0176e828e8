"""`sprep draft` under attack, second round (issue 21): hangs, kills, one cell killing a
batch, what the terminal and the file system receive. Each test is named after its item."""

from __future__ import annotations

import json
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sprep_templates
from sprep_templates.cli import EXIT_FATAL, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from sprep_templates.export import Rejected, draft_many
from sprep_templates.profile import Profile, example_profile_path

from .real_size import real_size_export
from .test_batch import HEADER, export_bytes

ROOT = Path(__file__).resolve().parents[1]
PROFILE = ("--profile", str(ROOT / "examples" / "profile.toml"))
ENV = {**os.environ, "PYTHONPATH": str(Path(sprep_templates.__file__).resolve().parents[1])}
ROW = ["1", "Expérience en attente de réponse", "Titre", "Négatif", "Accueil", "Caf", ""]
#: What a terminal must never receive from the input: ESC, BEL, CR, the 8-bit CSI.
RAW_CONTROLS = ("\x1b", "\x07", "\r", "\x9b")


def _sprep(*arguments: str, **options):
    return subprocess.Popen(
        [sys.executable, "-m", "sprep_templates", *arguments],
        env=ENV, stderr=subprocess.PIPE, text=True, start_new_session=True, **options,
    )  # fmt: skip


def _wait_for_progress(directory: Path, process: subprocess.Popen, least: int = 1) -> None:
    """Until the run has written ``least`` bytes of drafts (its temporary output grows),
    not a fixed sleep: a quiet machine finishes sooner, a busy one later."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()  # type: ignore[union-attr]
        parts = [p for p in directory.iterdir() if p.name.endswith(".part")]
        if any(p.stat().st_size >= least for p in parts if p.exists()):
            return
        time.sleep(0.05)
    raise AssertionError("no progress in 120 s")


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(n) for n in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


# --- 1: --jobs hangs on rows of real size -------------------------------------------------


@pytest.mark.parametrize("jobs", [2, 4])
def test_item1_jobs_finish_an_export_of_real_size(tmp_path, jobs):
    """2,400 rows of the real export's size (1,000-3,000-character descriptions): a chunk
    is larger than a pipe's buffer. The run ends, every row in input order."""
    source = real_size_export(tmp_path / "export.csv", 2_400)
    output = tmp_path / "drafts.jsonl"
    process = _sprep("draft", str(source), "-o", str(output), "--jobs", str(jobs), "--quiet",
                     *PROFILE, "--today", "2026-12-01")  # fmt: skip
    try:
        _, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise AssertionError(f"--jobs {jobs} hangs on rows of real size") from None
    assert process.returncode == EXIT_OK, err
    ids = [int(json.loads(line)["id"]) for line in output.read_text().splitlines()]
    assert ids == sorted(ids) and len(set(ids)) == 2_400 - 2_400 // 12


# --- 2: a parent killed with SIGKILL ---------------------------------------------------------


def test_item2_workers_die_with_a_killed_parent_and_the_next_run_cleans_up(tmp_path):
    source = real_size_export(tmp_path / "export.csv", 2_400)
    output = tmp_path / "drafts.jsonl"
    process = _sprep("draft", str(source), "-o", str(output), "--jobs", "2", "--quiet",
                     *PROFILE)  # fmt: skip
    _wait_for_progress(tmp_path, process)
    workers = _children(process.pid)
    assert len(workers) == 2
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(w) for w in workers), "workers outlive their parent"
    left = [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert left  # what a SIGKILL leaves: the next run cleans it
    small = tmp_path / "small.csv"
    small.write_bytes(export_bytes([ROW]))
    assert main(["draft", str(small), "-o", str(output), "--quiet", *PROFILE]) == EXIT_OK
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drafts.jsonl", "export.csv", "small.csv"]


# --- 3: one cell kills the batch --------------------------------------------------------------

HOSTILE_SIMILAR = ["²", "①", "1" * 5_000, "٣"]
SIMILAR_IDS = ["superscript", "circled", "5000-digits", "arabic-indic"]


@pytest.mark.parametrize("value", HOSTILE_SIMILAR, ids=SIMILAR_IDS)
def test_item3_a_similar_count_that_is_no_number_rejects_its_row_only(tmp_path, value):
    rows = [
        ["1", "Expérience en attente de réponse", "Titre", "Négatif", "Accueil", "Caf", "", "2"],
        ["2", "Expérience en attente de réponse", "Titre", "Négatif", "Accueil", "Caf", "", value],
        ["3", "Expérience en attente de réponse", "Titre", "Négatif", "Accueil", "Caf", "", "0"],
    ]
    header = [*HEADER, "Expériences Similaires"]
    data = (
        b"\xef\xbb\xbf"
        + "\r\n".join(",".join(cells) for cells in [header, *rows]).encode()
        + b"\r\n"
    )
    source = tmp_path / "export.csv"
    source.write_bytes(data)
    output = tmp_path / "drafts.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE]) == EXIT_REJECTED
    assert [json.loads(x)["id"] for x in output.read_text().splitlines()] == ["1", "3"]
    (reject,) = [
        json.loads(x) for x in (tmp_path / "drafts.rejects.jsonl").read_text().splitlines()
    ]
    assert reject["id"] == "2" and "similar" in reject["reason"]


@pytest.mark.parametrize("value", HOSTILE_SIMILAR, ids=SIMILAR_IDS)
def test_item3_a_similar_count_that_is_no_number_in_json_lines_and_draft_many(tmp_path, value):
    lines = [
        {"id": "1", "sentiment": "Négatif"},
        {"id": "2", "sentiment": "Négatif", "similar": value},
        {"id": "3", "sentiment": "Négatif"},
    ]
    source = tmp_path / "export.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    output = tmp_path / "drafts.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE]) == EXIT_REJECTED
    assert [json.loads(x)["id"] for x in output.read_text().splitlines()] == ["1", "3"]
    profile = Profile.from_toml(example_profile_path())
    results = list(draft_many(lines, profile=profile))
    assert [type(r).__name__ for r in results] == ["Drafted", "Rejected", "Drafted"]
    assert isinstance(results[1], Rejected) and "similar" in results[1].reason


# --- 10: duplicated columns and keys ----------------------------------------------------------


def test_item10_a_duplicated_csv_header_is_refused_naming_the_column(tmp_path, capsys):
    header = [*HEADER, "Ressenti usager"]
    data = ",".join(header).encode() + b"\r\n" + ",".join([*ROW, "Positif"]).encode() + b"\r\n"
    source = tmp_path / "export.csv"
    source.write_bytes(data)
    output = tmp_path / "drafts.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE]) == EXIT_FATAL
    err = capsys.readouterr().err
    assert "'Ressenti usager'" in err and "columns 4 and 8" in err and not output.exists()


def test_item10_duplicate_json_keys_reject_the_row_naming_the_key(tmp_path):
    source = tmp_path / "export.jsonl"
    source.write_text(
        '{"id": "1", "sentiment": "Négatif"}\n'
        '{"id": "2", "sentiment": "Positif", "sentiment": "Négatif"}\n',
        encoding="utf-8",
    )
    output = tmp_path / "drafts.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE]) == EXIT_REJECTED
    assert [json.loads(x)["id"] for x in output.read_text().splitlines()] == ["1"]
    (reject,) = [
        json.loads(x) for x in (tmp_path / "drafts.rejects.jsonl").read_text().splitlines()
    ]
    assert reject["line"] == 2 and "'sentiment'" in reject["reason"] and "twice" in reject["reason"]


# --- 11: --resume takes any JSON object for a draft --------------------------------------------


@pytest.mark.parametrize(
    "junk",
    ['{"id": "1002"}', '{"id": "1", "status": "ready"}', "[1, 2]"],
)
def test_item11_resume_refuses_records_that_are_not_drafts_naming_the_line(tmp_path, capsys, junk):
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes([ROW]))
    output = tmp_path / "drafts.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE]) == EXIT_OK
    good = output.read_text()
    partial = tmp_path / "drafts.jsonl.partial"
    partial.write_text(good + junk + "\n")
    capsys.readouterr()
    status = main(["draft", str(source), "-o", str(output), "--quiet", "--resume", *PROFILE])
    assert status == EXIT_FATAL
    err = capsys.readouterr().err
    assert f"{partial}:2" in err and "not a draft record" in err
    assert output.read_text() == good


# --- 15: a JSON line with 100,000 structures ---------------------------------------------------


def test_item15_a_json_line_with_too_many_structures_is_rejected(tmp_path):
    source = tmp_path / "export.jsonl"
    many = [str(n) for n in range(100_000)]  # 100,000 names within the 1 MiB row bound
    source.write_text(
        json.dumps({"id": "1", "sentiment": "Négatif", "structures": many}) + "\n"
        + json.dumps({"id": "2", "sentiment": "Négatif", "structures": ["Caf"]}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    output = tmp_path / "drafts.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE]) == EXIT_REJECTED
    assert [json.loads(x)["id"] for x in output.read_text().splitlines()] == ["2"]
    (reject,) = [
        json.loads(x) for x in (tmp_path / "drafts.rejects.jsonl").read_text().splitlines()
    ]
    assert reject["id"] == "1" and "100,000 structures" in reject["reason"]


# --- 5: terminal escape injection -----------------------------------------------------------

HOSTILE_NAME = "\x1b]0;pwned\x07Caf\x1b[2J\rde Paris\x9b1m"


def test_item5_structure_names_and_ids_never_reach_the_terminal_raw(tmp_path, capsys):
    rows = [
        ["1", "Expérience en attente de réponse", "Titre", "Négatif", "Accueil", HOSTILE_NAME, ""],
        ["2", "Expérience en attente de réponse", "Titre", "Négatif", "Accueil", "Caf", ""],
    ]
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes(rows))
    status = main(["draft", str(source), "--quiet", *PROFILE, "--structure", "Caff"])
    captured = capsys.readouterr()
    assert status in (EXIT_OK, EXIT_REJECTED, EXIT_USAGE)
    assert not any(c in captured.err for c in RAW_CONTROLS), repr(captured.err)
    main(["profile", "check", PROFILE[1], str(source)])
    captured = capsys.readouterr()
    assert not any(c in captured.out + captured.err for c in RAW_CONTROLS), repr(captured.out)


def test_item5_a_structure_name_with_control_characters_is_refused():
    from sprep_templates.exceptions import InvalidInputError
    from sprep_templates.inputs import Structure

    with pytest.raises(InvalidInputError, match="control"):
        Structure(HOSTILE_NAME)


def test_item5_csv_header_names_never_reach_the_terminal_raw(tmp_path, capsys):
    source = tmp_path / "export.csv"
    source.write_bytes(f"{HOSTILE_NAME},b\r\n1,2\r\n".encode())
    assert main(["draft", str(source), "--quiet", *PROFILE]) == EXIT_FATAL
    assert main(["check", "--jsonl", str(source), "--field", "x"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "pwned" in err and not any(c in err for c in RAW_CONTROLS), repr(err)


def test_item5_check_jsonl_ids_and_texts_never_reach_the_terminal_raw(tmp_path, capsys):
    text = "Bonjour,\nMerci pour votre message.\x1b[2J Nous revenons vers vous.\r\nJean"
    source = tmp_path / "replies.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"{HOSTILE_NAME}{n}", "reply_text": text}) + "\n"
                for n in range(3)),
        encoding="utf-8",
    )  # fmt: skip
    main(["check", "--jsonl", str(source), "--details", "--id-field", "id"])
    out = capsys.readouterr().out
    assert "pwned" in out and not any(c in out for c in RAW_CONTROLS), repr(out)


# --- 6: outputs that are no regular file ------------------------------------------------------


def _small_export(tmp_path: Path) -> Path:
    source = tmp_path / "export.csv"
    source.write_bytes(export_bytes([ROW, [*ROW[:3], "Bof", *ROW[4:]]]))
    return source


@pytest.mark.parametrize("option", ["-o", "--rejects"])
@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
def test_item6_an_output_that_is_no_regular_file_is_refused(tmp_path, capsys, option, kind):
    source = _small_export(tmp_path)
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        (tmp_path / "elsewhere.jsonl").write_text("kept\n")
        target.symlink_to(tmp_path / "elsewhere.jsonl")
    else:
        if os.geteuid() != 0:
            pytest.skip("making a device file needs root")
        os.mknod(target, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
    before = os.lstat(target)
    extra = ["-o", str(tmp_path / "drafts.jsonl")] if option == "--rejects" else []
    status = main(["draft", str(source), option, str(target), *extra, "--quiet", *PROFILE])
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert status == EXIT_USAGE
    assert "not a regular file" in capsys.readouterr().err
    if kind == "symlink":
        assert (tmp_path / "elsewhere.jsonl").read_text() == "kept\n"


def test_item6_an_outputs_permissions_are_kept(tmp_path):
    source = _small_export(tmp_path)
    output = tmp_path / "drafts.jsonl"
    rejects = tmp_path / "drafts.rejects.jsonl"
    for path in (output, rejects):
        path.write_text("")
        path.chmod(0o600)
    status = main(["draft", str(source), "-o", str(output), "--quiet", *PROFILE])
    assert status == EXIT_REJECTED
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert stat.S_IMODE(rejects.stat().st_mode) == 0o600


def test_item6_a_second_run_on_the_same_output_is_refused_while_the_first_writes(tmp_path, capsys):
    source = real_size_export(tmp_path / "export.csv", 2_400)
    output = tmp_path / "drafts.jsonl"
    process = _sprep("draft", str(source), "-o", str(output), "--quiet", *PROFILE)
    try:
        _wait_for_progress(tmp_path, process)
        small = _small_export(tmp_path / "..").rename(tmp_path / "small.csv")
        status = main(["draft", str(small), "-o", str(output), "--quiet", *PROFILE])
        err = capsys.readouterr().err
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert status == EXIT_USAGE
    assert "another sprep draft is writing" in err


# --- 12: standard output on a full device; inputs without bound ----------------------------


@pytest.mark.parametrize(
    "arguments",
    [
        ["check", "REPLY"],
        ["templates"],
        ["templates", "lint", str(ROOT / "templates")],
        ["profile", "check", str(ROOT / "examples" / "profile.toml")],
    ],
)
def test_item12_a_full_standard_output_is_one_line_and_its_own_status(tmp_path, arguments):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    reply = tmp_path / "reply.txt"
    reply.write_text("Bonjour,\nMerci pour votre message.\nJean\n", encoding="utf-8")
    arguments = [str(reply) if a == "REPLY" else a for a in arguments]
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "sprep_templates", *arguments],
            env=ENV, stdout=full, stderr=subprocess.PIPE, text=True, timeout=300,
        )  # fmt: skip
    from sprep_templates.cli import EXIT_OUTPUT_FAILED

    assert done.returncode == EXIT_OUTPUT_FAILED, done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert "standard output" in done.stderr


@pytest.mark.parametrize("where", ["check", "--profile", "profile check"])
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_item12_inputs_that_are_no_regular_file_are_refused(tmp_path, where, kind):
    path = tmp_path / "input"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    source = _small_export(tmp_path)
    arguments = {
        "check": ["check", str(path)],
        "--profile": ["draft", str(source), "--profile", str(path), "--quiet"],
        "profile check": ["profile", "check", str(path)],
    }[where]
    done = subprocess.run(
        [sys.executable, "-m", "sprep_templates", *arguments],
        env=ENV, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode in (EXIT_USAGE, EXIT_FATAL), done.stderr
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_item12_an_input_too_large_is_refused_without_reading_it_whole(tmp_path, capsys):
    big = tmp_path / "reply.txt"
    with big.open("wb") as stream:
        stream.truncate(1 << 30)  # 1 GiB, sparse
    assert main(["check", str(big)]) == EXIT_FATAL
    assert "too large" in capsys.readouterr().err


# --- 18: --jobs without bound; descriptors blamed on OUT ----------------------------------


def test_item18_jobs_are_bounded(tmp_path, capsys):
    source = _small_export(tmp_path)
    assert main(["draft", str(source), "--jobs", "100000", "--quiet", *PROFILE]) == EXIT_USAGE
    assert "--jobs" in capsys.readouterr().err


def test_item18_running_out_of_descriptors_is_said_truthfully(tmp_path):
    source = _small_export(tmp_path)
    output = tmp_path / "drafts.jsonl"

    def few_descriptors() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (24, 24))

    done = subprocess.run(
        [sys.executable, "-m", "sprep_templates", "draft", str(source), "-o", str(output),
         "--jobs", "16", "--quiet", *PROFILE],
        env=ENV, capture_output=True, text=True, timeout=120, preexec_fn=few_descriptors,
    )  # fmt: skip
    assert done.returncode == EXIT_FATAL, done.stderr
    assert "file descriptors" in done.stderr and f"cannot write {output}" not in done.stderr


# --- 17 (part): the stock grouping's memory ------------------------------------------------


def _grouping_peak(count: int, words: list[str], seed: int) -> int:
    import random
    import tracemalloc

    from sprep_templates.checking import find_stock_groups

    draw = random.Random(seed)
    replies = [
        (str(n), "Bonjour,\n" + " ".join(draw.choice(words) for _ in range(80)) + ".\nJean")
        for n in range(count)
    ]
    tracemalloc.start()
    try:
        assert find_stock_groups(replies) == []
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_item17_stock_grouping_holds_little_per_distinct_reply():
    """Each distinct reply costs its normalised text, its digest and its sketch: the band
    table holds no object per band (it took about 1.5 KB a reply as a dict)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [letters[n // 676] + letters[n // 26 % 26] + letters[n % 26] for n in range(3_000)]
    small = _grouping_peak(1_000, words, 1)
    large = _grouping_peak(3_000, words, 1)
    per_reply = (large - small) / 2_000
    assert per_reply < 2_400, f"{per_reply:.0f} bytes a distinct reply"


def test_item17_the_word_cache_is_bounded():
    from sprep_templates.checking._stock import _Sketcher

    sketcher = _Sketcher()
    for n in range(_Sketcher.MAX_WORDS + 1_000):
        sketcher.word(f"w{n}")  # digits are fine here: the cache sees words as they come
    assert len(sketcher.words) <= _Sketcher.MAX_WORDS
    assert sketcher.word("w1") == _Sketcher().word("w1")  # the same hash after a clear
