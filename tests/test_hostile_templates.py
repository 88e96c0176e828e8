"""Items 11, 12, 13: custom templates written as an attacker would write them.

Every failure is a template error naming the file and line (exit 4 for `draft`, a
problem for `lint`), never a Python traceback, a hang, or a file read outside the
folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sprep_templates import (
    Contact,
    Experience,
    Signature,
    TemplateProblemError,
    TemplateSecurityError,
    draft_reply,
)
from sprep_templates.cli import EXIT_FATAL, main

JEAN = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
NAME = "negative/thanks/01.j2"
SRC = str(Path(__file__).resolve().parents[1] / "src")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def draft(folder: Path) -> str:
    return draft_reply(
        Experience(sentiment="negative", id="1"),
        signature=JEAN,
        contacts=[PHONE],
        template_dir=folder,
    ).text


def draft_cli(folder: Path, tmp_path: Path, capsys) -> tuple[int, str]:
    export = tmp_path / "export.csv"
    export.write_text("ID expérience,Ressenti usager\n1,Négatif\n2,Négatif\n", encoding="utf-8")
    status = main(
        ["draft", str(export), "-o", str(tmp_path / "out.jsonl"), "--templates", str(folder)]
    )
    return status, capsys.readouterr().err


def lint_cli(folder: Path, capsys) -> tuple[int, str]:
    status = main(["templates", "lint", str(folder)])
    return status, capsys.readouterr().out


# --- item 11: Python errors become template errors with file and line ---------------

PYTHON_ERRORS = {
    "huge range": "{% for i in range(10**9) %}{{ i }}{% endfor %}",
    "division by zero": "{{ 1/0 }}",
    "str plus int": "{{ 'a' + 1 }}",
    "huge power": "{{ 10**5000 }}",
    "includes itself": "{% include 'negative/thanks/01.j2' %}",
    "imports itself": "{% import 'negative/thanks/01.j2' as me %}",
    "recursive macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "huge repetition": "{{ 'x' * 10**11 }}",
}


@pytest.mark.parametrize("body", PYTHON_ERRORS.values(), ids=PYTHON_ERRORS.keys())
def test_python_errors_are_template_errors_with_file_and_line(tmp_path, body):
    """A Python error in a custom template is a TemplateProblemError naming file:line."""
    write(tmp_path, NAME, "Merci pour votre message.\n" + body + "\n")
    with pytest.raises(TemplateProblemError) as caught:
        draft(tmp_path)
    assert f"{NAME}:2:" in str(caught.value)


@pytest.mark.parametrize("body", PYTHON_ERRORS.values(), ids=PYTHON_ERRORS.keys())
def test_python_errors_stop_draft_with_exit_4_and_are_lint_problems(tmp_path, capsys, body):
    """`draft` exits 4 naming the file and line; `lint` lists it as a problem."""
    folder = tmp_path / "templates"
    write(folder, NAME, "Merci pour votre message.\n" + body + "\n")
    status, err = draft_cli(folder, tmp_path, capsys)
    assert status == EXIT_FATAL and f"{NAME}:2:" in err
    status, out = lint_cli(folder, capsys)
    assert status == 1 and NAME in out


def test_latin_1_template_is_a_template_error(tmp_path, capsys):
    """A latin-1 file is "not UTF-8 text" for draft_reply, `draft` (exit 4) and `lint`."""
    folder = tmp_path / "templates"
    (folder / "negative" / "thanks").mkdir(parents=True)
    (folder / NAME).write_bytes("Merci, nous avons été ravis.\n".encode("latin-1"))
    with pytest.raises(TemplateProblemError, match=rf"{NAME}.*not UTF-8"):
        draft(folder)
    status, err = draft_cli(folder, tmp_path, capsys)
    assert status == EXIT_FATAL and "not UTF-8" in err
    status, out = lint_cli(folder, capsys)
    assert status == 1 and f"{NAME}: not UTF-8 text" in out


# --- item 12: what a template may cost is bounded --------------------------------------

COSTLY = {
    "nested loops": "{% for a in range(100000) %}{% for b in range(100000) %}"
    "{% for c in range(100000) %}{% endfor %}{% endfor %}{% endfor %}",
    "a billion small iterations": "{% for a in range(1000) %}{% for b in range(1000) %}"
    "{% for c in range(1000) %}{% endfor %}{% endfor %}{% endfor %}",
    "10 MB by a loop": "{% for i in range(100000) %}" + "x" * 100 + "{% endfor %}",
    "10 MB at once": "{{ 'x' * 10000000 }}",
    "doubling": "{% set ns = namespace(s='x') %}{% for i in range(40) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
    "wide filter": "{{ 'x'|center(10**9) }}",
    "wide method": "{{ 'x'.ljust(10**9) }}",
    "wide format": "{{ '%1000000000d'|format(1) }}",
    "exponential macro": "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}"
    "{% endif %}{% endmacro %}{{ f(60) }}",
    "replace blow-up": "{{ ('a' * 10000).replace('a', 'b' * 10000) }}",
    "join blow-up": "{{ range(10000)|join('x' * 10000) }}",
}


@pytest.mark.parametrize("body", COSTLY.values(), ids=COSTLY.keys())
def test_costly_templates_are_stopped_quickly(tmp_path, body):
    """Loops, output, sizes and time are bounded: a security error within seconds."""
    write(tmp_path, NAME, "Merci pour votre message.\n" + body + "\n")
    started = time.monotonic()
    with pytest.raises(TemplateSecurityError) as caught:
        draft(tmp_path)
    assert time.monotonic() - started < 10
    assert f"{NAME}:2:" in str(caught.value)


def test_lint_of_a_costly_template_ends_with_a_problem(tmp_path, capsys):
    """`lint` of a template producing 10 MB ends, quickly, with a problem."""
    write(tmp_path, NAME, "Merci.\n" + COSTLY["10 MB by a loop"] + "\n")
    started = time.monotonic()
    status, out = lint_cli(tmp_path, capsys)
    assert time.monotonic() - started < 30
    assert status == 1 and f"{NAME}:2:" in out


def test_templates_within_the_bounds_still_render(tmp_path):
    """Loops, filters and arithmetic a real phrasing needs stay allowed."""
    write(
        tmp_path,
        NAME,
        "{% for i in range(3) %}{% endfor %}Nous avons bien pris en compte votre message "
        "{{ '%s'|format('et') }} nous vous en {{ 'remercions'|lower }}"
        "{{ '.' * (2 ** 0) }}{{ ' ' ~ ('!' if 1 + 1 == 3 else '') }}\n",
    )
    assert "nous vous en remercions." in draft(tmp_path)


def run_cli(*arguments: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The tree's own `sprep`, in a subprocess (a hang fails the test, not the run)."""
    return subprocess.run(
        [sys.executable, "-m", "sprep_templates", *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": SRC},
        check=False,
    )


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "too big"])
def test_only_regular_files_of_bounded_size_are_read(tmp_path, kind):
    """A FIFO, a device or a huge file as a phrasing: `lint` and `draft` end with a
    problem naming it, instead of blocking or filling the memory."""
    folder = tmp_path / "templates"
    (folder / "negative" / "thanks").mkdir(parents=True)
    path = folder / NAME
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_text("Merci. " * 200_000, encoding="utf-8")
    lint = run_cli("templates", "lint", str(folder))
    assert lint.returncode == 1 and NAME in lint.stdout, lint.stdout + lint.stderr
    export = tmp_path / "export.csv"
    export.write_text("ID expérience,Ressenti usager\n1,Négatif\n", encoding="utf-8")
    drafted = run_cli(
        "draft", str(export), "-o", str(tmp_path / "o.jsonl"), "--templates", str(folder)
    )
    assert drafted.returncode == EXIT_FATAL and NAME in drafted.stderr, drafted.stderr


def test_include_of_a_fifo_is_refused(tmp_path):
    """An include of a FIFO inside the folder is refused, not waited on."""
    write(tmp_path, NAME, "Merci.\n{% include 'shared/pipe.txt' %}\n")
    (tmp_path / "shared").mkdir()
    os.mkfifo(tmp_path / "shared" / "pipe.txt")
    with pytest.raises(TemplateProblemError, match="not a regular file"):
        draft(tmp_path)


# --- item 13: nothing outside the folder is read ----------------------------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text("SECRET-TOKEN-42 nous avons bien pris en compte votre message.\n")
    return path


def test_a_phrasing_symlinked_outside_the_folder_is_refused(tmp_path, secret, capsys):
    """shared/thanks/01.j2 linking to a file elsewhere: refused by draft_reply, `draft`
    (exit 4) and `lint`; the file's text is never in a draft."""
    folder = tmp_path / "templates"
    (folder / "shared" / "thanks").mkdir(parents=True)
    (folder / "shared" / "thanks" / "01.j2").symlink_to(secret)
    with pytest.raises(TemplateSecurityError, match="outside the template folder"):
        draft(folder)
    status, err = draft_cli(folder, tmp_path, capsys)
    assert status == EXIT_FATAL and "shared/thanks/01.j2" in err
    status, out = lint_cli(folder, capsys)
    assert status == 1 and "shared/thanks/01.j2" in out and "outside" in out
    assert "SECRET-TOKEN" not in out


def test_include_through_a_symlinked_folder_is_refused(tmp_path, secret, capsys):
    """A symlink `up` to / and {% include 'up/<path>' %}: refused, naming file and line."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "up").symlink_to("/")
    write(folder, NAME, "Merci.\n{% include 'up" + str(secret) + "' %}\n")
    with pytest.raises(TemplateSecurityError, match=rf"{NAME}:2:.*outside the template folder"):
        draft(folder)
    status, out = lint_cli(folder, capsys)
    assert status == 1 and "SECRET-TOKEN" not in out


def test_symlinks_inside_the_folder_are_followed(tmp_path):
    """A phrasing may link to another file of the same folder."""
    write(
        tmp_path,
        "shared/common/thanks.txt",
        "Nous avons bien pris en compte votre message, et nous vous en remercions vivement.",
    )
    (tmp_path / "negative" / "thanks").mkdir(parents=True)
    (tmp_path / NAME).symlink_to(tmp_path / "shared" / "common" / "thanks.txt")
    assert "remercions vivement" in draft(tmp_path)
