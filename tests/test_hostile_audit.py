"""Hostile or unlucky inputs to the audit (``sprep check --jsonl``, stock groups): the
time stays linear in the input, and what the report lists stays bounded.

Timings are CPU time, compared as a ratio between two sizes in one run (as in
``tests/test_hostile_text.py``): 10 times the input, a linear step takes about 10 times
as long, a quadratic one about 100 times. Every text is written for this test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sprep_templates.checking._stock import _few_words_changed, find_stock_groups
from sprep_templates.cli._common import EXIT_FATAL, EXIT_USAGE


def _stock_cpu(pairs: int) -> float:
    """Two replies of one phrasing whose words repeat ("alpha beta alpha beta…"):
    the near-duplicate test compares long texts where each word is everywhere."""
    first = " ".join(["alpha beta"] * pairs)
    swapped = " ".join(["beta alpha"] * pairs)
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        groups = find_stock_groups([("1", first), ("2", swapped)], min_size=2)
        best = min(best, time.process_time() - start)
    assert len(groups) == 1 and groups[0].size == 2 and not groups[0].exact
    return best


def test_near_duplicates_of_repeated_words_are_found_in_linear_time():
    small, large = _stock_cpu(400), _stock_cpu(4000)
    ratio = large / max(small, 1e-3)
    assert ratio < 30 and large < 3.0, f"{small:.3f}s -> {large:.3f}s (x{ratio:.1f})"


def test_changed_words_are_counted_on_the_longer_side_of_each_change():
    base = "nous avons bien reçu votre message et nous vous en remercions".split()
    assert _few_words_changed(base, base, 0)
    renamed = [*base[:5], "courrier", *base[6:]]
    assert _few_words_changed(base, renamed, 1)  # one word replaced
    assert not _few_words_changed(base, renamed, 0)
    added = [*base[:5], "du", "12", "mars", *base[5:]]
    assert _few_words_changed(base, added, 3) and not _few_words_changed(base, added, 2)
    both = ["madame", *base[1:-1], "vivement", "remercions"]
    assert _few_words_changed(base, both, 2) and not _few_words_changed(base, both, 1)
    assert not _few_words_changed(base, list(reversed(base)), 8)
    assert _few_words_changed([], ["un", "mot"], 2) and not _few_words_changed([], ["a", "b"], 1)


def _levenshtein(first: list[str], other: list[str]) -> int:
    row = list(range(len(other) + 1))
    for i, word in enumerate(first, 1):
        previous, row[0] = row[0], i
        for j, other_word in enumerate(other, 1):
            previous, row[j] = (
                row[j],
                min(row[j] + 1, row[j - 1] + 1, previous + (word != other_word)),
            )
    return row[-1]


def test_changed_words_agree_with_the_least_words_replaced_added_or_removed():
    """On small texts of few distinct words (where alignments are most ambiguous), the
    count is the least number of words replaced, added or removed."""
    import random

    rng = random.Random(20)
    for _ in range(3000):
        first = rng.choices("abc", k=rng.randint(0, 12))
        other = rng.choices("abc", k=rng.randint(0, 12))
        if rng.random() < 0.5:  # a near copy
            other = first[:]
            for _change in range(rng.randint(0, 4)):
                at = rng.randint(0, len(other))
                other[at : at + rng.randint(0, 1)] = rng.choices("abcd", k=rng.randint(0, 2))
        distance = _levenshtein(first, other)
        for most in range(6):
            assert _few_words_changed(first, other, most) == (distance <= most), (
                first,
                other,
                most,
                distance,
            )


#: A reply that checks (the words do not matter: the audit's lists do).
_REPLY = "Bonjour Madame, merci pour votre message. Cordialement, Jean, pour la Caf de Paris"


def _audit(tmp_path, capsys, broken: int, *extra: str) -> tuple[int, str, int]:
    from sprep_templates.cli import main

    data = tmp_path / "replies.jsonl"
    with data.open("w", encoding="utf-8") as stream:
        stream.write(json.dumps({"reply_text": _REPLY}) + "\n")
        stream.write('{"reply_text": \n' * broken)
        stream.write(json.dumps({"reply_text": "x" * 10}) + "\n")
    status = main(["check", "--jsonl", str(data), "--field", "reply_text", *extra])
    out = capsys.readouterr().out
    return status, out, data.stat().st_size


def test_many_broken_rows_are_counted_and_the_first_listed(tmp_path, capsys):
    """A file of thousands of broken rows (an export cut wrongly, a binary file) gives
    a report of bounded size: how many rows were not checked, and the first of them
    with their line and reason; the rows that can be read are still checked (exit 2)."""
    status, out, size = _audit(tmp_path, capsys, 20_000, "--format", "json")
    report = json.loads(out)
    assert status == 2
    assert report["checked"] == 2
    assert report["not_checked_total"] == 20_000
    listed = report["not_checked"]
    assert 1 <= len(listed) <= 100
    assert [entry["line"] for entry in listed] == list(range(2, 2 + len(listed)))
    assert len(out) < size // 4, (len(out), size)

    status, out, size = _audit(tmp_path, capsys, 20_000)
    assert status == 2
    assert "20000 rows not checked" in out.replace(",", "")
    assert out.count("\n    line ") <= 100
    assert len(out) < size // 4, (len(out), size)


def test_a_few_broken_rows_are_all_listed(tmp_path, capsys):
    status, out, _ = _audit(tmp_path, capsys, 3, "--format", "json")
    report = json.loads(out)
    assert status == 2 and report["not_checked_total"] == 3
    assert [entry["line"] for entry in report["not_checked"]] == [2, 3, 4]


def _check_cpu(text: str) -> float:
    from sprep_templates import check_reply

    best = float("inf")
    for run in range(1, 3):
        start = time.process_time()
        check_reply(text + " " * run)
        best = min(best, time.process_time() - start)
    return best


def test_a_sentence_of_many_dates_is_checked_in_linear_time():
    """One endless sentence of dates (a pasted calendar, a log): the dated-story
    warning reads each sentence once, not once per date."""
    from sprep_templates import check_reply

    check_reply("Bonjour, vous le 5 mars.")  # data files read, patterns compiled
    for piece in ("Bonjour, vous le 5 mars ", "vous 01/01/2021 "):
        small = _check_cpu(piece * (20_000 // len(piece)))
        large = _check_cpu(piece * (200_000 // len(piece)))
        ratio = large / max(small, 1e-3)
        assert ratio < 30 and large < 5.0, f"{piece!r}: {small:.3f}s -> {large:.3f}s"


def test_a_dated_story_is_still_told_once_per_sentence():
    from sprep_templates import check_reply

    text = (
        "Bonjour Madame, le 3 mars et le 5 mars, vous avez reçu notre courrier. "
        "Le 7 avril, rien. Vous avez envoyé le dossier le 9 mai."
    )
    told = [
        text[f.start : f.end]
        for f in check_reply(text)
        if f.rule == "personal-data" and "raconte" in f.message
    ]
    assert told == ["3 mars et le 5 mars, vous avez reçu", "Vous avez envoyé le dossier le 9 mai"]


def test_a_sentence_of_many_postcodes_is_read_in_linear_time():
    """One endless sentence of addresses (a pasted list): each postcode's sentence
    start is looked for in the 80 characters before it that are read, not back to the
    start of the text."""
    from sprep_templates.checking._data import lexicon
    from sprep_templates.checking._leaks import postcode_towns
    from sprep_templates.checking._reading import Reading

    def cpu(pieces: int) -> float:
        reply = Reading("75001 Paris " * pieces, False, lexicon())
        start = time.process_time()
        found = sum(1 for _ in postcode_towns(reply))
        spent = time.process_time() - start
        assert found == pieces
        return spent

    cpu(10)
    small, large = cpu(3_000), cpu(30_000)
    ratio = large / max(small, 1e-3)
    assert ratio < 30, f"{small:.3f}s -> {large:.3f}s (x{ratio:.1f})"


def test_a_lone_surrogate_in_a_reply_is_grouped_not_raised():
    """A JSON line may escape half a surrogate pair ("\\ud800"): the stock grouping
    reads it as U+FFFD instead of raising UnicodeEncodeError (no SprepError)."""
    replies = [(str(n), f"Bonjour, merci pour votre message \ud800 numéro {n}.") for n in range(3)]
    groups = find_stock_groups(replies)
    assert [group.size for group in groups] == [3]
    groups[0].text.encode("utf-8")


def test_check_jsonl_goes_on_after_bad_bytes_and_a_lone_surrogate(tmp_path, capsys):
    from sprep_templates.cli import main

    good = json.dumps({"reply_text": _REPLY}).encode()
    data = tmp_path / "replies.jsonl"
    data.write_bytes(
        good
        + b"\n"
        + b'{"reply_text": "caf\xe9 \xff\xfe"}\n'
        + b'{"reply_text": "a\x00b"}\n'
        + b'{"reply_text": "\\ud800 bonjour"}\n'
        + b"[1, 2, 3]\n"
        + b'{"reply_text": 42}\n'
        + good
        + b"\n"
    )
    for form in ("text", "json"):
        status = main(["check", "--jsonl", str(data), "--field", "reply_text", "--format", form])
        out = capsys.readouterr().out
        out.encode("utf-8")
        assert status in (1, 2), out
        if form == "json":
            report = json.loads(out)
            assert report["checked"] >= 2


# --- a stream read twice is kept aside within bounds ---------------------------------------


def _check_stream(source: str, *extra: str, stdin: object = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    return subprocess.run(
        [sys.executable, "-m", "sprep_templates", "check", "--jsonl", source, *extra],
        env=env, stdin=stdin, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_check_jsonl_of_an_endless_device_stops_at_the_first_overlong_line():
    # /dev/zero has no end and no newline: it used to be copied whole to a temporary file
    # (filling the disk, never answering); its first line is refused as a file's would be.
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    done = _check_stream("/dev/zero")
    assert done.returncode == EXIT_FATAL, done.stderr
    assert "first line is longer than" in done.stderr and "Traceback" not in done.stderr


def test_check_jsonl_of_a_stream_reports_an_overlong_line_as_a_file_would(tmp_path):
    # On standard input, a line far beyond the row limit is reported as the file's would be,
    # the rows after it are still checked, and what is kept aside stays bounded.
    data = tmp_path / "replies.jsonl"
    with data.open("w", encoding="utf-8") as stream:
        stream.write(json.dumps({"text": _REPLY}) + "\n")
        stream.write('{"text": "' + "x" * (8 << 20) + '"}\n')  # 8 MiB, one line
        stream.write(json.dumps({"text": _REPLY}) + "\n")
    with data.open("rb") as stdin:
        piped = _check_stream("-", "--field", "text", stdin=stdin)
    direct = _check_stream(str(data), "--field", "text")
    assert piped.returncode == direct.returncode == EXIT_USAGE, piped.stderr
    assert piped.stdout == direct.stdout
    assert "2 replies checked" in piped.stdout and "line 2" in piped.stdout
