"""The examples run as their readers will run them (issue 22): the HTTP service under
concurrent requests, the notebook executed headless, the nightly cron recipe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from sprep_templates import Experience, Profile, check_reply, draft_reply

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
}
MONTREAL = "Consulat général de France à Montréal"


# --- the service -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def service():
    process = subprocess.Popen(
        [
            sys.executable,
            str(EXAMPLES / "service.py"),
            "--profile",
            str(EXAMPLES / "network-profile.toml"),
            "--port",
            "0",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        first = process.stdout.readline()
        assert first.startswith("listening on http://127.0.0.1:"), first
        yield first.split()[-1]
    finally:
        process.terminate()
        process.wait(timeout=10)


def post(base: str, path: str, payload: object) -> tuple[int, dict]:
    request = urllib.request.Request(
        base + path, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def rows(count: int) -> list[dict]:
    sentiments = ("Négatif", "Neutre", "Positif")
    return [
        {
            "\ufeffID expérience": str(5000 + n),
            "Ressenti usager": sentiments[n % 3],
            "Titre": "Demande d\x92aide" if n % 4 == 0 else "Relevé de carrière",
            "Pseudonyme usager": "Sandrine",
            "Intitulé structure 1": MONTREAL if n % 2 else "Caf de Paris",
        }
        for n in range(count)
    ]


def test_the_service_drafts_and_checks_concurrently(service):
    profile = Profile.from_toml(EXAMPLES / "network-profile.toml")
    requests = [
        ("/draft", {"row": row, "structure": row["Intitulé structure 1"]}) for row in rows(24)
    ]
    texts = [
        f"Bonjour Sandrine,\n\nVeuillez vous rapprocher de votre agence n° {n}.\n\nJean"
        for n in range(16)
    ]
    requests += [("/check", {"text": text, "pseudonym": "Sandrine"}) for text in texts]
    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(lambda r: post(service, *r), requests))
    assert all(status == 200 for status, _ in answers), [a for a in answers if a[0] != 200][:2]
    for (path, payload), (_, answer) in zip(requests, answers, strict=True):
        if path == "/draft":
            experience = Experience.from_export_row(payload["row"])
            expected = draft_reply(experience, profile=profile, structure=payload["structure"])
            assert answer["text"] == expected.text and answer["status"] == expected.status
            assert answer["id"] == experience.id
            assert "\x92" not in answer["text"]
            signer = "Léa" if payload["structure"] == MONTREAL else "Claire"
            assert answer["signed_by"].startswith(signer)
        else:
            expected = check_reply(payload["text"], pseudonym="Sandrine")
            assert answer["findings"] == [f.to_dict() for f in expected]


def test_the_service_answers_422_with_the_librarys_message(service):
    status, answer = post(
        service, "/draft", {"row": {"ID expérience": "1", "Ressenti usager": "Bof"}}
    )
    assert status == 422 and "Positif, Neutre, Négatif" in answer["error"]
    status, answer = post(service, "/check", {"text": 12})
    assert status == 422 and "str" in answer["error"]
    status, answer = post(
        service,
        "/draft",
        {
            "row": {"ID expérience": "1", "Ressenti usager": "Positif"},
            "structure": MONTREAL,
            "answer": "x" * 5000,
        },
    )
    assert status == 422


# --- the notebook ------------------------------------------------------------------------


def test_the_notebook_runs_headless_and_shows_what_it_says(monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    notebook = nbformat.read(EXAMPLES / "notebook.ipynb", as_version=4)
    monkeypatch.setenv("PYTHONPATH", ENV["PYTHONPATH"])  # the kernel imports this tree
    nbclient.NotebookClient(
        notebook,
        timeout=180,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    ).execute()
    outputs = [cell.outputs for cell in notebook.cells if cell.cell_type == "code"]
    assert not [o for cell in outputs for o in cell if o.output_type == "error"]
    drafts = outputs[0][0]["data"]["text/plain"]
    assert "Caf de Paris" in drafts and "ready" in drafts
    statuses = outputs[1][0]["data"]["text/html"]
    assert "Caf de Paris" in statuses and "to_complete" in statuses
    assert "negative" in outputs[2][0]["data"]["text/plain"]
    assert any("image/png" in o.get("data", {}) for o in outputs[3])
    checked = outputs[4][0]["data"]["text/html"]
    assert "<mark" in checked and "vous rapprocher de" in checked and "écrivez plutôt" in checked


# --- the nightly job -----------------------------------------------------------------------


def run_nightly(tmp_path: Path, profile: str) -> subprocess.CompletedProcess[str]:
    shim = tmp_path / "bin" / "sprep"
    shim.parent.mkdir(exist_ok=True)
    shim.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m sprep_templates "$@"\n', encoding="utf-8"
    )
    shim.chmod(0o755)
    env = {**ENV, "PATH": f"{shim.parent}{os.pathsep}/usr/bin{os.pathsep}/bin"}
    script = (EXAMPLES / "nightly.sh").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    return subprocess.run(
        [
            "bash",
            str(EXAMPLES / "nightly.sh"),
            str(EXAMPLES / "export.csv"),
            str(EXAMPLES / profile),
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_nightly_recipe_runs_as_written(tmp_path):
    done = run_nightly(tmp_path, "profile.toml")
    assert done.returncode == 0, done.stderr
    drafts = list((tmp_path / "out").glob("drafts-*.csv"))
    audits = list((tmp_path / "out").glob("audit-*.json"))
    assert len(drafts) == 1 and drafts[0].read_bytes().startswith(b"\xef\xbb\xbf")
    audit = json.loads(audits[0].read_text(encoding="utf-8"))
    assert audit["checked"] == 7 and len(audit["replies"]) == 7


def test_the_nightly_recipe_fails_on_a_warning(tmp_path):
    """The network profile has sections matching nothing in the example export: the job
    stops at the draft (exit 5) and writes no audit."""
    done = run_nightly(tmp_path, "network-profile.toml")
    assert done.returncode == 5
    assert "matches no structure" in done.stderr
    assert not list((tmp_path / "out").glob("audit-*.json"))
