"""Real rows at the speed of the template engine (issue 24): every ratio in one run.

Run:  python benchmarks/real_rows.py                 (about three minutes)
      python benchmarks/real_rows.py --quick         (batch runs on 20,000 rows only)
      python benchmarks/real_rows.py --compare /tmp/old/src [--new /tmp/new/src]
                                   (the per-call figures of an older tree against this
                                    one, each in its own process, alternately)
      python benchmarks/real_rows.py --compare /tmp/old/src --batch 20000,100000 --rounds 1
                                   (also sprep draft --jobs 1 of both trees and the floor
                                    pipeline, alternately: CPU ratios, peak memory)

The real rows are the platform's export (``--export``, by default the shared sample),
read at run time and repeated with their ids made unique: nothing of them is copied
into the repository. The synthetic rows are bench.py's.

Reported, every figure the best of several passes, in CPU time (``time.process_time``;
a subprocess's is its ``RUSAGE_CHILDREN`` user + system time): on a machine shared with
other work, waiting for a core is not counted. Read the ratios:

- a bare Jinja render of a reply (five variables, a reply's length): the floor;
- ``draft_many`` per real row, and its ratio to the bare render (target ≤ 6×);
- ``draft_reply`` on bench.py's simple experiences (target ≤ 2×);
- ``check_reply`` on drafted replies (target ≤ 10×);
- ``sprep draft --jobs 1`` on real and synthetic rows against the floor pipeline (the
  same file read with ``csv.DictReader``, one Jinja render and one JSON line per row;
  target ≤ 5×), with the peak resident memory at 20,000 and 100,000 rows (flat?);
- a cProfile of ``draft_many`` over the real rows: where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import json
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXPORT = Path("/work/shared/data/experiences-export-sample.csv")
PROFILE = ROOT / "examples" / "profile.toml"
TODAY = date(2026, 12, 7)
ID_COLUMN = "ID expérience"


def best_cpu(function: Callable[[], object], number: int, repeat: int = 7) -> float:
    """CPU seconds per call: the best of ``repeat`` runs of ``number`` calls."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for _ in range(number):
            function()
        best = min(best, time.process_time() - started)
    return best / number


def read_export(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or ()), list(reader)


def repeated(rows: list[dict[str, str]], count: int, first: int = 0) -> Iterator[dict[str, str]]:
    """``count`` rows: ``rows`` over and over, each id made unique (from ``first`` on)."""
    for n in range(first, first + count):
        row = dict(rows[n % len(rows)])
        row[ID_COLUMN] = str(90_000_000 + n)
        yield row


def write_rows(path: Path, header: list[str], rows: Iterator[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, header)
        writer.writeheader()
        writer.writerows(rows)


def reply_template() -> tuple[Any, dict[str, str]]:
    """A bare Jinja template as long as a drafted reply, with five variables (bench.py's)."""
    import jinja2

    from sprep_templates import Experience, draft_reply

    sys.path.insert(0, str(HERE))
    from bench import CONTACTS, SIGNATURE

    sample = draft_reply(
        Experience(sentiment="positive", id="1", pseudonym="Sandrine", channels=("Téléphone",)),
        signature=SIGNATURE,
        contacts=CONTACTS,
    ).text
    source = sample.replace("Bonjour,", "Bonjour {{ a }},").replace("la Caf de Paris", "{{ b }}")
    source = source.replace("par téléphone", "{{ c }}") + "{{ d }}{{ e }}"
    context = {"a": "Sandrine", "b": "la Caf de Paris", "c": "par téléphone", "d": "", "e": ""}
    return jinja2.Environment().from_string(source), context


def per_call(export: Path) -> dict[str, float]:
    """The per-call figures, in seconds (this process, the tree on its sys.path)."""
    sys.path.insert(0, str(HERE))
    from bench import CONTACTS, SIGNATURE, experiences

    from sprep_templates import Experience, Profile, check_reply, draft_many, draft_reply

    template, context = reply_template()
    jinja = best_cpu(lambda: template.render(context), 2000)

    _, real = read_export(export)
    profile = Profile.from_toml(PROFILE)
    # Each pass drafts rows of ids never drafted before, as a batch does: the phrasings
    # (chosen by id) and what the render cache holds vary as they do in a real export.
    count = 3 * len(real)
    passes = iter(range(1, 10**6))

    def draft_all() -> None:
        rows = list(repeated(real, count, next(passes) * count))
        started = time.process_time()
        for _ in draft_many(rows, profile=profile, today=TODAY):
            pass
        spent.append(time.process_time() - started)

    spent: list[float] = []
    draft_all()  # warm: templates loaded, patterns compiled
    for _ in range(5):
        draft_all()
    many = min(spent[1:]) / count

    inputs = experiences(3000)
    built = [Experience(**fields) for fields in inputs]  # type: ignore[arg-type]
    replies = [draft_reply(e, signature=SIGNATURE, contacts=CONTACTS) for e in built]
    position = iter(range(10**12))

    def draft_one() -> None:
        fields = inputs[next(position) % len(inputs)]
        draft_reply(Experience(**fields), signature=SIGNATURE, contacts=CONTACTS)  # type: ignore[arg-type]

    draft = best_cpu(draft_one, 3000)
    texts = [r.text for r in replies]
    position = iter(range(10**12))
    check = best_cpu(lambda: check_reply(texts[next(position) % len(texts)]), 1000)
    return {"jinja": jinja, "draft_many": many, "draft_reply": draft, "check_reply": check}


# Runs a command, prints its CPU seconds and its peak resident memory (kB): a small
# launcher of its own, so that the figures are the command's alone.
LAUNCHER = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(u.ru_utime + u.ru_stime, u.ru_maxrss)"
)

# The floor pipeline: the same file read with csv.DictReader, one Jinja render and one
# JSON line per row.
FLOOR = """
import csv, json, sys
import jinja2
template = jinja2.Environment().from_string(sys.argv[3])
with open(sys.argv[1], encoding="utf-8", newline="") as stream, open(
    sys.argv[2], "w", encoding="utf-8"
) as out:
    for row in csv.DictReader(stream):
        text = template.render(a=row.get("Pseudonyme usager", ""), b="la Caf de Paris",
                               c="par téléphone", d="", e="")
        out.write(json.dumps({"id": row.get("ID expérience"), "reply": text},
                             ensure_ascii=False) + "\\n")
"""


def run_measured(command: list[str], src: Path) -> tuple[float, float]:
    """(CPU seconds, peak resident MB) of ``command``, run with ``src`` first on the path."""
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "PATH": ""},
    )
    if done.returncode != 0:
        raise SystemExit(f"{command[:4]} failed: {done.stderr[-2000:]}")
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak) / 1024


def batch(export: Path, src: Path, repeat: int) -> tuple[float, float, float, float]:
    """(sprep CPU s, sprep peak MB, floor CPU s, floor peak MB): best of ``repeat``."""
    sample_source = _floor_source()
    output = export.with_suffix(".out.jsonl")
    sprep = [sys.executable, "-m", "sprep_templates", "draft", str(export), "-o", str(output)]
    sprep += ["--jobs", "1", "--quiet", "--profile", str(PROFILE), "--today", TODAY.isoformat()]
    floor = [sys.executable, "-c", FLOOR, str(export), str(output), sample_source]
    best = [float("inf")] * 4
    for _ in range(repeat):
        for index, command in ((0, sprep), (2, floor)):
            output.unlink(missing_ok=True)
            seconds, peak = run_measured(command, src)
            best[index] = min(best[index], seconds)
            best[index + 1] = min(best[index + 1], peak)
    return best[0], best[1], best[2], best[3]


_SOURCE: list[str] = []


def _floor_source() -> str:
    if not _SOURCE:
        from bench import CONTACTS, SIGNATURE

        from sprep_templates import Experience, draft_reply

        text = draft_reply(
            Experience(sentiment="positive", id="1", pseudonym="Sandrine"),
            signature=SIGNATURE,
            contacts=CONTACTS,
        ).text
        text = text.replace("Bonjour,", "Bonjour {{ a }},").replace("la Caf de Paris", "{{ b }}")
        _SOURCE.append(text.replace("par téléphone", "{{ c }}") + "{{ d }}{{ e }}")
    return _SOURCE[0]


def profile_summary(export: Path, top: int) -> str:
    from sprep_templates import Profile, draft_many

    _, real = read_export(export)
    profile = Profile.from_toml(PROFILE)
    for _ in draft_many(real, profile=profile, today=TODAY):
        pass
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(3):
        for _ in draft_many(real, profile=profile, today=TODAY):
            pass
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def compare(old: Path, new: Path, export: Path, rounds: int) -> None:
    """The per-call figures of ``old`` and of this tree, alternately in their own processes."""
    best: dict[str, dict[str, float]] = {"old": {}, "new": {}}
    for _ in range(rounds):
        for name, src in (("old", old), ("new", new)):
            out = subprocess.run(
                [sys.executable, __file__, "--worker", "--export", str(export)],
                env={"PYTHONPATH": str(src), "PATH": ""},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for key, value in json.loads(out).items():
                best[name][key] = min(best[name].get(key, float("inf")), value)
    print(f"{'':14}{'old µs':>9}{'×Jinja':>8}{'new µs':>9}{'×Jinja':>8}{'new/old':>9}")
    for key in best["new"]:
        o, n = best["old"][key], best["new"][key]
        oj, nj = o / best["old"]["jinja"], n / best["new"]["jinja"]
        print(f"{key:14}{o * 1e6:9.1f}{oj:8.2f}{n * 1e6:9.1f}{nj:8.2f}{n / o:9.2f}")


def compare_batch(old: Path, new: Path, export: Path, sizes: list[int], rounds: int) -> None:
    """``sprep draft --jobs 1`` of ``old`` and of ``new`` and the floor pipeline on the real
    rows repeated to each size, alternately, ``rounds`` times: CPU ratios and peak memory."""
    header, real = read_export(export)
    sys.path[:0] = [str(new), str(HERE)]  # the floor's reply text, as new drafts it
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = Path(folder) / f"real-{rows}.csv"
            write_rows(path, header, repeated(real, rows))
            seconds: dict[str, float] = {}
            peaks: dict[str, float] = {}
            for _ in range(rounds):
                for name, src in (("old", old), ("new", new)):
                    sprep, sprep_mb, floor, floor_mb = batch(path, src, 1)
                    seconds[name] = min(seconds.get(name, float("inf")), sprep)
                    peaks[name] = min(peaks.get(name, float("inf")), sprep_mb)
                    seconds["floor"] = min(seconds.get("floor", float("inf")), floor)
                    peaks["floor"] = min(peaks.get("floor", float("inf")), floor_mb)
            floor = seconds["floor"]
            print(
                f"sprep draft --jobs 1, {rows:>7,} real rows: old {seconds['old']:6.1f} s"
                f" = {seconds['old'] / floor:5.1f}× the floor, peak {peaks['old']:6.1f} MB;"
                f" new {seconds['new']:6.1f} s = {seconds['new'] / floor:5.1f}× the floor"
                f" (≤ 5×: {'met' if seconds['new'] <= 5 * floor else 'NOT met'}),"
                f" peak {peaks['new']:6.1f} MB; new/old {seconds['new'] / seconds['old']:.2f};"
                f" floor {floor:5.2f} s, peak {peaks['floor']:5.1f} MB"
            )
            path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--export", type=Path, default=EXPORT)
    parser.add_argument("--quick", action="store_true", help="batch runs on 20,000 rows only")
    parser.add_argument("--compare", type=Path, metavar="OLD_SRC")
    parser.add_argument("--new", type=Path, default=ROOT / "src", metavar="NEW_SRC")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--batch",
        type=lambda text: [int(size) for size in text.split(",")],
        metavar="ROWS[,ROWS…]",
        help="with --compare: also sprep draft --jobs 1 of both trees and the floor on the "
        "real rows repeated to each size (20000,100000: is memory flat?)",
    )
    parser.add_argument("--top", type=int, default=25, help="profile entries shown")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        print(json.dumps(per_call(arguments.export)))
        return
    if arguments.compare:
        compare(arguments.compare, arguments.new, arguments.export, arguments.rounds)
        if arguments.batch:
            compare_batch(
                arguments.compare,
                arguments.new,
                arguments.export,
                arguments.batch,
                arguments.rounds,
            )
        return

    src = ROOT / "src"
    sys.path.insert(0, str(src))
    calls = per_call(arguments.export)
    jinja = calls["jinja"]
    print(f"bare Jinja render of a reply:      {jinja * 1e6:8.1f} µs (the floor)")
    for key, target in (("draft_many", 6), ("draft_reply", 2), ("check_reply", 10)):
        value = calls[key]
        ratio = value / jinja
        mark = "met" if ratio <= target else "NOT met"
        label = f"{key} per real row" if key == "draft_many" else key
        print(f"{label:34} {value * 1e6:8.1f} µs = {ratio:5.1f}× Jinja (≤ {target}×: {mark})")

    header, real = read_export(arguments.export)
    sys.path.insert(0, str(HERE))
    from bench import write_export

    sizes = (20_000,) if arguments.quick else (20_000, 100_000)
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            repeat = 3 if rows <= 20_000 else 1
            for kind in ("real", "synthetic"):
                if kind == "synthetic" and rows > 20_000:
                    continue
                export = Path(folder) / f"{kind}-{rows}.csv"
                if kind == "real":
                    write_rows(export, header, repeated(real, rows))
                else:
                    write_export(export, rows)
                sprep, sprep_mb, floor, floor_mb = batch(export, src, repeat)
                ratio = sprep / floor
                mark = "met" if ratio <= 5 else "NOT met"
                print(
                    f"sprep draft --jobs 1, {rows:>7,} {kind} rows: {rows / sprep:7,.0f} rows/s,"
                    f" peak {sprep_mb:5.1f} MB; floor {rows / floor:7,.0f} rows/s,"
                    f" peak {floor_mb:5.1f} MB; = {ratio:4.1f}× the floor (≤ 5×: {mark})"
                )
                export.unlink()
    print()
    print(profile_summary(arguments.export, arguments.top))


if __name__ == "__main__":
    main()
