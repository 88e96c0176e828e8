"""The wheel carries the templates and data files: installed outside the checkout, it drafts."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import sprep_templates, pathlib
from sprep_templates import Contact, Experience, Signature, draft_reply
assert "site-packages" in sprep_templates.__file__, sprep_templates.__file__
reply = draft_reply(
    Experience(id="1", sentiment="negative", pseudonym="énervédu76"),
    signature=Signature(first_name="Jean", organisation="la Caf de Paris"),
    contacts=[Contact(kind="phone", value="32 30")],
)
print(reply.text)
"""


@pytest.mark.slow
def test_wheel_installed_outside_the_checkout_drafts(tmp_path):
    """A non-editable install in a fresh virtual environment renders a reply."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    (wheel,) = wheels.glob("sprep_templates-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    result = subprocess.run(
        [str(python), "-c", SCRIPT],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert result.stdout.startswith("Bonjour,\n\n")
    assert result.stdout.rstrip().endswith("Jean, pour la Caf de Paris")
