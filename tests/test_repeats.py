"""A batch never drafts one text three times (issue 20, kind 10).

``sprep check --jsonl`` groups replies sent three times or more as stock replies
(the same text, or nearly, names, numbers, dates and links aside). Alike experiences
get the same content, and the phrasing chosen from the id's CRC-32 collides by
chance: within one batch (``draft_many``, ``sprep draft`` with any ``--jobs``) a draft
that would repeat two earlier ones takes another choice of phrasings, or is not
``ready``. A single ``draft_reply`` is unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.checking import find_stock_groups
from sprep_templates.cli import main
from sprep_templates.export import Drafted, draft_many
from sprep_templates.profile import Profile

SIGNATURE = Signature("Jean", "la Caf de Paris")
CONTACTS = (Contact("phone", "32 30"),)
PROFILE = Profile(signature=SIGNATURE, contacts=CONTACTS)
TITLE = "Vote par internet"
DESCRIPTION = "Très simple et rapide, merci."


def _single(identifier: str):
    experience = Experience(
        id=identifier, sentiment="positive", title=TITLE, description=DESCRIPTION
    )
    return draft_reply(experience, signature=SIGNATURE, contacts=CONTACTS)


def _colliding_ids(count: int = 6) -> list[str]:
    """``count`` ids whose alike experiences draft_reply phrases the same way (the
    phrasing chosen from the id collides), found by drafting, not hard-coded."""
    by_phrasing: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for number in range(5000):
        identifier = f"v{number}"
        same = by_phrasing[_single(identifier).templates]
        same.append(identifier)
        if len(same) == count:
            return same
    raise AssertionError("no phrasing chosen six times in 5000 ids")


IDS = _colliding_ids()


def _rows(ids):
    return [
        {"id": i, "sentiment": "positive", "title": TITLE, "description": DESCRIPTION} for i in ids
    ]


def _groups(pairs):
    return find_stock_groups(pairs)


def test_single_drafts_of_the_colliding_ids_are_one_stock_text():
    """The precondition: drafted one by one, the six are one text (the audit groups them)."""
    singles = [(i, _single(i).text) for i in IDS]
    groups = _groups(singles)
    assert [g.size for g in groups] == [6]


def test_no_fingerprint_three_times_in_a_batch():
    results = list(draft_many(_rows(IDS), profile=PROFILE))
    assert all(isinstance(r, Drafted) for r in results)
    assert _groups((r.id, r.reply.text) for r in results) == []
    # Only the phrasing changed: every draft is still ready, and the first two are
    # what draft_reply gives.
    assert [r.status for r in results] == ["ready"] * 6
    assert [r.reply.text for r in results[:2]] == [_single(i).text for i in IDS[:2]]


def test_draft_reply_is_unchanged_by_a_batch():
    before = [_single(i).text for i in IDS]
    list(draft_many(_rows(IDS), profile=PROFILE))
    assert [_single(i).text for i in IDS] == before
    assert len(set(before)) == 1


def test_a_draft_that_still_repeats_is_to_complete(monkeypatch):
    """When every other phrasing tried repeats too, the draft is not ready: a note
    says it repeats other drafts of the batch and must be personalised."""
    from sprep_templates.export import _repeats

    monkeypatch.setattr(_repeats, "MAX_TRIES", 0)
    results = list(draft_many(_rows(IDS), profile=PROFILE))
    assert [r.status for r in results] == ["ready", "ready"] + ["to_complete"] * 4
    for result in results[2:]:
        note = result.record()["notes"][-1]
        assert "word for word" in note and "personalise" in note


HEADER = ["ID expérience", "Ressenti usager", "Titre", "Description", "Intitulé structure 1"]


def _export(tmp_path):
    rows = []
    for number in range(700):  # two chunks at least, so that --jobs 2 shares the work
        rows.append([f"f{number}", ("Neutre", "Négatif")[number % 2], "Dossier", "", "Caf"])
    # The colliding rows spread over both chunks.
    for position, identifier in zip((3, 200, 400, 520, 600, 690), IDS, strict=True):
        rows.insert(position, [identifier, "Positif", TITLE, DESCRIPTION, "Caf"])
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    path = tmp_path / "export.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _draft(tmp_path, source, jobs):
    output = tmp_path / f"drafts-{jobs}.jsonl"
    status = main(["draft", str(source), "-o", str(output), "--quiet", "--jobs", str(jobs)])
    assert status == 0
    return output.read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", [1, 2])
def test_sprep_draft_never_writes_one_text_three_times(tmp_path, jobs):
    source = _export(tmp_path)
    records = [json.loads(line) for line in _draft(tmp_path, source, jobs).splitlines()]
    colliding = [r for r in records if r["id"] in IDS]
    assert len(colliding) == 6
    assert _groups((r["id"], r["text"]) for r in colliding) == []
    assert _groups((r["id"], r["text"]) for r in records if r["status"] == "ready") == []


def test_jobs_1_and_jobs_2_write_the_same_drafts(tmp_path):
    source = _export(tmp_path)
    assert _draft(tmp_path, source, 1) == _draft(tmp_path, source, 2)


def test_the_batch_similarity_is_the_audits():
    """The batch's faster estimate of similarity is the audit's, bin for bin."""
    import random
    from array import array

    from sprep_templates.checking import _stock
    from sprep_templates.export import _repeats

    rng = random.Random(20)
    for _ in range(300):
        one = array(
            "Q",
            [
                rng.choice((_stock._EMPTY, rng.randrange(4), rng.randrange(1 << 58)))
                for _ in range(64)
            ],
        )
        other = array(
            "Q",
            [
                rng.choice((_stock._EMPTY, rng.randrange(4), rng.randrange(1 << 58)))
                for _ in range(64)
            ],
        )
        assert _repeats.similarity(*_repeats.lanes(one), *_repeats.lanes(other)) == (
            _stock._similarity(one, other)
        )
    empty = array("Q", [_stock._EMPTY] * 64)
    assert _repeats.similarity(*_repeats.lanes(empty), *_repeats.lanes(empty)) == 1.0
    full = array("Q", [(1 << 58) - 1] * 64)  # the largest value a bin keeps
    assert _repeats.similarity(*_repeats.lanes(full), *_repeats.lanes(empty)) == 0.0


def test_a_resumed_run_writes_what_the_whole_run_writes(tmp_path):
    """--resume skips the drafts already written, yet settles them as the whole run did:
    the rows after them take the same phrasings."""
    source = _export(tmp_path)
    whole = _draft(tmp_path, source, 1)
    output = tmp_path / "resumed.jsonl"
    lines = whole.splitlines(keepends=True)
    output.write_text("".join(lines[:400]), encoding="utf-8")  # four colliding rows in
    assert main(["draft", str(source), "-o", str(output), "--quiet", "--resume"]) == 0
    assert output.read_text(encoding="utf-8") == whole


def test_the_guard_keeps_a_bounded_number_of_texts(monkeypatch):
    """Memory stays flat however long the batch: past MAX_TEXTS distinct texts the
    guard starts afresh (a repeat across two runs of it is not seen, and says so)."""
    from sprep_templates.export import _repeats

    monkeypatch.setattr(_repeats, "MAX_TEXTS", 3)
    guard = _repeats.RepeatGuard()
    kept = []
    for number in range(10):
        reply = _single(f"w{number}")
        guard.settle(reply, lambda salt: None)
        kept.append(len(guard._alike))
    assert max(kept) <= 3
    assert kept.count(1) >= 3  # started afresh at least twice
    # Within a run the guard still works: six colliding drafts take other phrasings.
    monkeypatch.setattr(_repeats, "MAX_TEXTS", 10_000)
    results = list(draft_many(_rows(IDS), profile=PROFILE))
    assert _groups((r.id, r.reply.text) for r in results) == []


def test_a_batch_of_alike_experiences_tries_a_bounded_number_of_other_choices(monkeypatch):
    """A batch of many alike experiences would try every salt for most drafts (ten times
    the batch's time, seen on 2,400 rows of real size): the batch tries at most one
    other choice per TRIES_PER drafts, plus TRIES_AHEAD; past that a repeating draft is
    marked at once. Every draft is still settled: no three alike are ready."""
    from sprep_templates.export import _repeats

    monkeypatch.setattr(_repeats, "TRIES_AHEAD", 4)
    guard = _repeats.RepeatGuard()
    tried = []
    settled = []
    for number in range(60):
        reply = _single(IDS[number % len(IDS)])

        def redraft(salt, _number=number):
            tried.append(salt)
            return _single(f"{IDS[_number % len(IDS)]}-{salt}")

        settled.append(guard.settle(reply, redraft))
    assert len(tried) <= 60 // _repeats.TRIES_PER + 4
    ready = [(str(n), r.text) for n, r in enumerate(settled) if r.status == "ready"]
    assert _groups(ready) == []


def test_only_ready_drafts_are_settled():
    """What issue 20 asks is that a draft the library calls ready is never a stock reply
    for its own audit: a draft an agent completes or reviews anyway is left as drafted
    (placing every draft doubled a batch of alike rows' time)."""
    from sprep_templates.export import _repeats

    guard = _repeats.RepeatGuard()
    experience = Experience(
        id="q1", sentiment="negative", description="Comment faire pour joindre un conseiller ?"
    )
    reply = draft_reply(experience, signature=SIGNATURE, contacts=CONTACTS)
    assert reply.status == "to_complete"
    tried = []
    for _ in range(5):
        assert guard.settle(reply, lambda salt: tried.append(salt)) is reply
    assert tried == []
