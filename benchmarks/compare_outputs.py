"""Compare what two trees of the library write on the real data: a speed-up must leave
every byte the same (issue 24).

Run:  python benchmarks/compare_outputs.py --old /work/main/src [--new src]

Each tree runs, in its own process (``PYTHONPATH``):

- ``sprep draft EXPORT --today 2026-12-07`` into ``.jsonl`` and ``.csv`` (and
  ``--excel``), with and without ``--profile examples/profile.toml``: the drafts and the
  rejects file;
- ``sprep draft`` on the same rows as JSON lines with the field names (the other input
  form);
- ``sprep check --jsonl REPLIES --format json`` over the real replies (``reply_text``),
  and over the drafts it wrote (``text``);
- ``benchmarks/compare_findings.py`` (check_reply over the real replies, seeded drafts
  and the users' own texts).

It prints each output that differs (first differing line) and the count of differences;
the exit status is 1 when there is one. The data files are read where they are: nothing
of them is copied into the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXPORT = Path("/work/shared/data/experiences-export-sample.csv")
REPLIES = Path("/work/shared/data/experiences-with-replies.jsonl")
PROFILE = ROOT / "examples" / "profile.toml"
TODAY = "2026-12-07"


def run(src: Path, arguments: list[str], folder: Path) -> None:
    done = subprocess.run(
        [sys.executable, *arguments],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        cwd=folder,
        capture_output=True,
        text=True,
    )
    named = f"{Path(arguments[3]).name} -> {Path(arguments[5]).name}"
    (folder / "exit-status.txt").open("a").write(f"{named}: {done.returncode}\n")
    # What the command said, the folder's own name aside (old/ and new/ differ).
    said = done.stderr.replace(str(folder), "FOLDER")
    (folder / "stderr.txt").open("a").write(said)


def export_as_jsonl(export: Path, out: Path) -> None:
    """The export's rows as JSON lines with the Experience field names (a second input)."""
    names = {
        "ID expérience": "id",
        "Ressenti usager": "sentiment",
        "Titre": "title",
        "Description": "description",
        "Posté comme": "posted_as",
        "Pays": "country",
        "Action": "action",
        "Date de publication": "published",
    }
    with (
        export.open(encoding="utf-8-sig", newline="") as stream,
        out.open("w", encoding="utf-8") as lines,
    ):
        for row in csv.DictReader(stream):
            record = {field: row[column] for column, field in names.items() if row.get(column)}
            record["channels"] = [row[c] for c in ("Canaux Typologie 1",) if row.get(c)]
            record["structures"] = [
                {"name": row[f"Intitulé structure {n}"], "id": row.get(f"ID structure {n}")}
                for n in (1, 2, 3)
                if row.get(f"Intitulé structure {n}")
            ]
            lines.write(json.dumps(record, ensure_ascii=False) + "\n")


def outputs(src: Path, folder: Path, export: Path, replies: Path) -> None:
    folder.mkdir(parents=True)
    rows_jsonl = folder / "rows.jsonl"
    export_as_jsonl(export, rows_jsonl)
    draft = ["-m", "sprep_templates", "draft"]
    common = ["--today", TODAY, "--quiet", "--accept-rejects"]
    for name, source in (("csv", export), ("rows", rows_jsonl)):
        for profiled in (False, True):
            extra = ["--profile", str(PROFILE)] if profiled else []
            tag = f"{name}-{'profile' if profiled else 'plain'}"
            for suffix in ("jsonl", "csv"):
                out = folder / f"{tag}.{suffix}"
                rejects = folder / f"{tag}.{suffix}.rejects.jsonl"
                run(
                    src,
                    [
                        *draft,
                        str(source),
                        "-o",
                        str(out),
                        "--rejects",
                        str(rejects),
                        *common,
                        *extra,
                    ],
                    folder,
                )
            out = folder / f"{tag}.excel.csv"
            rejects = folder / f"{tag}.excel.rejects.jsonl"
            run(
                src,
                [
                    *draft,
                    str(source),
                    "-o",
                    str(out),
                    "--excel",
                    "--rejects",
                    str(rejects),
                    *common,
                    *extra,
                ],
                folder,
            )
    # the checker over the drafts just written (the replies the library itself writes)
    for tag in ("csv-plain", "csv-profile"):
        with (folder / f"check-drafts-{tag}.json").open("w") as out:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "sprep_templates",
                    "check",
                    "--jsonl",
                    f"{tag}.jsonl",  # named alike in both folders (the output quotes it)
                    "--field",
                    "text",
                    "--format",
                    "json",
                    "--exit-zero",
                ],
                env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
                cwd=folder,
                stdout=out,
                check=True,
            )
    with (folder / "check.json").open("w") as out:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sprep_templates",
                "check",
                "--jsonl",
                str(replies),
                "--field",
                "reply_text",
                "--pseudonym-field",
                "pseudonym",
                "--sentiment-field",
                "sentiment",
                "--closing-added",
                "--format",
                "json",
                "--exit-zero",
            ],
            env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
            stdout=out,
            check=True,
        )
    subprocess.run(
        [
            sys.executable,
            str(HERE / "compare_findings.py"),
            str(folder / "findings.json"),
            "--replies",
            str(replies),
            "--export",
            str(export),
        ],
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.DEVNULL,
        check=True,
    )


def compare(old: Path, new: Path) -> int:
    differences = 0
    names = sorted({p.name for p in old.iterdir()} | {p.name for p in new.iterdir()})
    for name in names:
        if name == "rows.jsonl":
            continue
        a, b = old / name, new / name
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'new' if b.exists() else 'old'}")
            differences += 1
            continue
        old_bytes, new_bytes = a.read_bytes(), b.read_bytes()
        if old_bytes == new_bytes:
            print(f"{name}: identical ({len(new_bytes):,} bytes)")
            continue
        differences += 1
        old_lines, new_lines = old_bytes.splitlines(), new_bytes.splitlines()
        line = next(
            (n for n, (x, y) in enumerate(zip(old_lines, new_lines, strict=False), 1) if x != y),
            min(len(old_lines), len(new_lines)) + 1,
        )
        print(f"{name}: DIFFERS from line {line} ({len(old_lines)} vs {len(new_lines)} lines)")
    return differences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, metavar="OLD_SRC")
    parser.add_argument("--new", type=Path, default=ROOT / "src", metavar="NEW_SRC")
    parser.add_argument("--export", type=Path, default=EXPORT)
    parser.add_argument("--replies", type=Path, default=REPLIES)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder) / "old", Path(folder) / "new"
        outputs(arguments.old.resolve(), old, arguments.export, arguments.replies)
        outputs(arguments.new.resolve(), new, arguments.export, arguments.replies)
        differences = compare(old, new)
    print(f"{differences} difference(s)")
    raise SystemExit(1 if differences else 0)


if __name__ == "__main__":
    main()
