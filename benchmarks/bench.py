"""Benchmarks for sprep_templates: drafting and checking against bare Jinja, and batch runs.

Run:  python benchmarks/bench.py            (about two minutes)
      python benchmarks/bench.py --quick    (smaller batch runs)
      python benchmarks/bench.py --replies ../shared/data/experiences-with-replies.jsonl
                                            (also real replies, from the platform's data)

Everything is measured in one run on the same machine; the figures to read
are the ratios. Per-call times are the best of several repeats (the least
disturbed by other work on a shared machine).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path

import jinja2

from sprep_templates import Contact, Experience, Signature, check_reply, draft_reply

SIGNATURE = Signature(first_name="Jean", organisation="la Caf de Paris")
CONTACTS = (Contact("phone", "32 30"), Contact("web", "https://www.caf.fr/nous-contacter"))
CHANNELS = ["Téléphone", "Accueil", "Démarche en ligne", "Courrier", "E-mail", ""]
TITLES = [
    "Relevé de carrière",
    "Renouvellement de passeport",
    "Prise de rendez-vous",
    "",
    "Accueil",
]
PSEUDONYMS = ["Sandrine", "Dominique", "énervédu76", "Marco", "", "Tiphaine", "Dav80"]


def best_per_call(function, number: int, repeat: int = 7) -> float:
    """Seconds per call: the best of ``repeat`` runs of ``number`` calls."""
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number


def experiences(count: int) -> list[dict[str, object]]:
    rng = random.Random(7)
    return [
        {
            "sentiment": rng.choice(["positive", "neutral", "negative"]),
            "id": str(1_000_000 + n),
            "pseudonym": rng.choice(PSEUDONYMS),
            "title": rng.choice(TITLES),
            "channels": (rng.choice(CHANNELS),),
        }
        for n in range(count)
    ]


def bench_calls() -> dict[str, float]:
    inputs = experiences(3000)
    built = [Experience(**fields) for fields in inputs]  # type: ignore[arg-type]
    replies = [draft_reply(e, signature=SIGNATURE, contacts=CONTACTS) for e in built]

    # 1. Bare Jinja: one template as long as a reply, five variables, plain render().
    sample = replies[0].text
    source = sample.replace("Bonjour,", "Bonjour {{ a }},").replace("la Caf de Paris", "{{ b }}")
    source = source.replace("par téléphone", "{{ c }}") + "{{ d }}{{ e }}"
    template = jinja2.Environment().from_string(source)
    context = {"a": "Sandrine", "b": "la Caf de Paris", "c": "par téléphone", "d": "", "e": ""}
    jinja = best_per_call(lambda: template.render(context), 2000)

    # 2. draft_reply, the full path: validating the inputs (building the Experience),
    #    choosing the phrasings, rendering, typography, findings.
    position = iter(range(10**12))

    def draft_one() -> None:
        fields = inputs[next(position) % len(inputs)]
        draft_reply(Experience(**fields), signature=SIGNATURE, contacts=CONTACTS)  # type: ignore[arg-type]

    draft = best_per_call(draft_one, 3000)

    # 3. check_reply alone, on drafted replies.
    texts = [r.text for r in replies]
    position = iter(range(10**12))
    check = best_per_call(lambda: check_reply(texts[next(position) % len(texts)]), 1000)

    # 4. check_reply on replies none of whose words it has read before: the worst
    #    case for the token memo (each repeat gets texts of its own).
    unseen = []
    for seed in range(7):
        fresh = with_new_words(texts[:1000], seed)
        started = time.perf_counter()
        for text in fresh:
            check_reply(text)
        unseen.append((time.perf_counter() - started) / len(fresh))
    return {
        "jinja": jinja,
        "draft": draft,
        "check": check,
        "check_unseen": min(unseen),
        "words": replies[0].word_count,
    }


def bench_replies(path: Path) -> tuple[float, float, int, float]:
    """check_reply on real replies: (seconds a reply the first time their words are read,
    best of ten runs after that, how many replies, their mean length)."""
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("reply_text")
            if isinstance(text, str) and text.strip():
                texts.append(text)
    if not texts:
        raise SystemExit(f"{path}: no reply_text to check")
    started = time.perf_counter()
    for text in texts:
        check_reply(text)
    first = (time.perf_counter() - started) / len(texts)
    again = best_per_call(lambda: [check_reply(text) for text in texts], 1, 10) / len(texts)
    return first, again, len(texts), sum(map(len, texts)) / len(texts)


def with_new_words(texts: list[str], seed: int) -> list[str]:
    """``texts`` with a random tail on every word of four letters or more."""
    rng = random.Random(seed)

    def vary(match: re.Match[str]) -> str:
        return match.group() + "".join(rng.choice("bcdfgklmnprstvz") for _ in range(4))

    return [re.sub(r"[^\W\d_]{4,}", vary, text) for text in texts]


EXPORT_HEADER = [
    "ID expérience",
    "Statut de l'expérience",
    "Titre",
    "Description",
    "Ressenti usager",
    "Canaux Typologie 1",
    "Intitulé structure 1",
    "Pseudonyme usager",
]


def write_export(path: Path, rows: int) -> None:
    rng = random.Random(11)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(EXPORT_HEADER)
        for n in range(rows):
            writer.writerow(
                [
                    str(2_000_000 + n),
                    "Expérience en attente de réponse",
                    rng.choice(TITLES),
                    "Une description de l’expérience, comme l’usager l’a écrite. " * 3,
                    rng.choice(["Positif", "Neutre", "Négatif"]),
                    rng.choice(CHANNELS),
                    "Caf de Paris",
                    rng.choice(PSEUDONYMS),
                ]
            )


# Runs a command and prints the peak resident memory (kB) of the processes it
# waited for. A small launcher of its own, so that the figure is the command's:
# right after fork, a child's resident memory counts its parent's pages, and this
# benchmark's process holds thousands of replies by then.
LAUNCHER = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def run_batch(export: Path, jobs: int) -> tuple[float, float]:
    """(wall seconds, peak resident memory in MB of the largest process) for `sprep draft`."""
    output = export.with_suffix(f".jobs{jobs}.jsonl")
    command = [sys.executable, "-m", "sprep_templates", "draft", str(export)]
    command += ["-o", str(output), "--jobs", str(jobs), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command], capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"sprep draft failed with status {done.returncode}")
    # ru_maxrss is in kB on Linux: the largest of the processes waited for.
    return wall, int(done.stdout.split()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10,000 and 20,000 rows")
    parser.add_argument(
        "--replies",
        type=Path,
        help="also check_reply on the replies of this JSONL file (field reply_text)",
    )
    arguments = parser.parse_args()
    sizes = (10_000, 20_000) if arguments.quick else (10_000, 100_000)

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    calls = bench_calls()
    jinja, draft, check = calls["jinja"], calls["draft"], calls["check"]
    print(f"bare Jinja render ({calls['words']}-word reply): {jinja * 1e6:8.1f} µs")
    print(f"draft_reply, full path:           {draft * 1e6:8.1f} µs  = {draft / jinja:.1f}× Jinja")
    print(f"check_reply:                      {check * 1e6:8.1f} µs  = {1 / check:,.0f} replies/s")
    unseen = calls["check_unseen"]
    print(f"check_reply, every word new:      {unseen * 1e6:8.1f} µs  = {1 / unseen:,.0f} /s")

    if arguments.replies:
        first, again, count, length = bench_replies(arguments.replies)
        print(
            f"check_reply, {count} replies of {arguments.replies.name} ({length:.0f} characters"
            f" on average): {first * 1e6:.0f} µs the first time, {again * 1e6:.0f} µs again"
        )

    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            export = Path(folder) / f"export-{rows}.csv"
            write_export(export, rows)
            for jobs in (1, 2):
                wall, peak = run_batch(export, jobs)
                print(
                    f"sprep draft {rows:>7,} rows, --jobs {jobs}: {wall:6.2f} s, "
                    f"{rows / wall:8,.0f} rows/s, peak {peak:6.1f} MB"
                )


if __name__ == "__main__":
    main()
