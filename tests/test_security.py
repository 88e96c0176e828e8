"""Untrusted text and custom templates: no injection, clear errors, nothing lost."""

from __future__ import annotations

import io
import json
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sprep_templates import (
    Contact,
    Experience,
    Signature,
    SprepError,
    TemplateProblemError,
    TemplateSecurityError,
    draft_reply,
)
from sprep_templates.checking import check_reply
from sprep_templates.cli import main
from sprep_templates.drafting import lint_templates
from sprep_templates.drafting._lint import LINT_SECONDS

JEAN = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
MARKUP = ["{{ 7*7 }}", "{% for x in range(3) %}x{% endfor %}", "{# commentaire", "${7*7}"]


@pytest.mark.parametrize("markup", MARKUP)
def test_user_text_is_never_evaluated(markup):
    """Template markup in a pseudonym, title or situation is data: never evaluated."""
    reply = draft_reply(
        Experience(sentiment="negative", id="1", pseudonym=markup, title=markup),
        signature=JEAN,
        contacts=[PHONE],
        situation=f"Vous avez écrit « {markup} » dans le formulaire.",
    )
    assert "49" not in reply.text and "xxx" not in reply.text
    assert reply.steps["greeting"] == "Bonjour,"  # refused as a pseudonym
    assert markup in reply.steps["acknowledgement"]  # printed as it is


def write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_custom_templates_override_some_steps_and_fall_back(tmp_path):
    """A custom folder may replace one step; the others come from the built-in templates."""
    write(
        tmp_path,
        "negative/thanks/01.j2",
        "Nous avons bien pris en compte votre message, et nous vous en remercions sincèrement.",
    )
    reply = draft_reply(
        Experience(sentiment="negative", id="5"),
        signature=JEAN,
        contacts=[PHONE],
        template_dir=tmp_path,
    )
    assert reply.templates[1] == "negative/thanks/01.j2"
    assert reply.steps["thanks"].endswith("nous vous en remercions sincèrement.")
    assert reply.templates[2].startswith("negative/acknowledgement/")


def test_sandbox_stops_attribute_tricks_with_template_and_line(tmp_path):
    """{{ ''.__class__.__mro__ }} raises a security error naming the template and line."""
    write(tmp_path, "negative/thanks/01.j2", "Merci.\n{{ ''.__class__.__mro__ }}\n")
    with pytest.raises(TemplateSecurityError) as caught:
        draft_reply(
            Experience(sentiment="negative", id="1"),
            signature=JEAN,
            contacts=[PHONE],
            template_dir=tmp_path,
        )
    message = str(caught.value)
    assert "negative/thanks/01.j2:2:" in message and "unsafe" in message


def test_syntax_error_in_custom_template_names_file_and_line(tmp_path):
    """A syntax error is a TemplateProblemError with file and line."""
    write(tmp_path, "negative/thanks/01.j2", "Merci.\n{% if title %}\n")
    with pytest.raises(TemplateProblemError, match=r"negative/thanks/01\.j2:2: syntax error"):
        draft_reply(
            Experience(sentiment="negative", id="1"),
            signature=JEAN,
            contacts=[PHONE],
            template_dir=tmp_path,
        )


def test_lint_reports_syntax_and_unknown_variables(tmp_path, capsys):
    """`sprep templates lint DIR` lists problems with file:line and exits 1."""
    write(tmp_path, "negative/thanks/01.j2", "Merci {{ titre }}.\n")
    write(tmp_path, "positive/improvement/01.j2", "Merci.\n{% if improvement %}\n")
    status = main(["templates", "lint", str(tmp_path)])
    out = capsys.readouterr().out
    assert status == 1
    assert "negative/thanks/01.j2:1: unknown variable 'titre'" in out
    assert "positive/improvement/01.j2:2: syntax error" in out


def test_lint_checks_the_guides_rules(tmp_path):
    """A phrasing that makes replies too short is found by rendering generated inputs."""
    write(tmp_path, "negative/thanks/01.j2", "Merci.\n")
    started = time.thread_time()
    problems = [str(p) for p in lint_templates(tmp_path, samples=30)]
    spent = time.thread_time() - started
    assert any("fewer than 60" in p and "negative/thanks/01.j2" in p for p in problems)
    # Far from the lint's deadline (CPU time, as it counts): about 5 s in session 7.
    assert spent < LINT_SECONDS / 3, f"the lint took {spent:.0f} s of CPU"


def test_lint_passes_the_built_in_templates():
    """The built-in templates lint clean."""
    from sprep_templates.drafting import builtin_template_dir

    assert lint_templates(builtin_template_dir(), samples=50) == []


def test_sizes_are_bounded():
    """A 500-character pseudonym or a 10 MB free text is refused with a clear message."""
    with pytest.raises(SprepError, match=r"Experience\.pseudonym is 500 characters long"):
        Experience(sentiment="positive", pseudonym="x" * 500)
    with pytest.raises(
        SprepError,
        match=r"draft_reply\.situation is 10000000 characters long; the most accepted is 2000",
    ):
        draft_reply(
            Experience(sentiment="positive"),
            signature=JEAN,
            contacts=[PHONE],
            situation="a" * 10_000_000,
        )


def test_huge_export_row_is_rejected_not_lost(tmp_path):
    """A row with a 10 MB description goes to the rejects file (its size, and its first
    1,000 characters: issue 13 item 15 bounds what a reject holds), and the batch goes on."""
    source = tmp_path / "export.csv"
    big = "x" * 10_000_000
    source.write_text(
        "ID expérience,Ressenti usager,Description\n1,Positif," + big + "\n2,Neutre,ok\n",
        encoding="utf-8",
    )
    output = tmp_path / "out.jsonl"
    assert main(["draft", str(source), "-o", str(output), "--quiet"]) == 3
    assert [json.loads(line)["id"] for line in output.read_text().splitlines()] == ["2"]
    (reject,) = [
        json.loads(line) for line in (tmp_path / "out.rejects.jsonl").read_text().splitlines()
    ]
    assert reject["reason"].startswith("row of 10,000,011 characters, too large")
    assert reject["line"] == 2 and reject["raw"] == ("1,Positif," + big)[:1_000]


def test_control_and_bidi_characters_are_refused():
    """Control characters and bidirectional overrides are refused, naming the field."""
    with pytest.raises(
        SprepError, match=r"Experience\.title contains the control character U\+202E"
    ):
        Experience(sentiment="neutral", title="abc\u202edef")


ANYTHING = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(),
    st.lists(st.text(max_size=10), max_size=3),
    st.binary(max_size=10),
)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(
    sentiment=ANYTHING | st.sampled_from(["positive", "Négatif"]),
    pseudonym=ANYTHING,
    title=ANYTHING,
    channels=ANYTHING,
    first_name=ANYTHING | st.just("Jean"),
    organisation=ANYTHING | st.just("la Caf"),
    kind=ANYTHING | st.sampled_from(["web", "phone", "email", "address"]),
    value=ANYTHING | st.sampled_from(["32 30", "https://www.caf.fr", "a@b.fr"]),
    situation=ANYTHING,
)
def test_public_api_raises_only_documented_errors(
    sentiment, pseudonym, title, channels, first_name, organisation, kind, value, situation
):
    """Whatever the inputs, the public API raises only SprepError subclasses."""
    try:
        reply = draft_reply(
            Experience(sentiment=sentiment, pseudonym=pseudonym, title=title, channels=channels),
            signature=Signature(first_name=first_name, organisation=organisation),
            contacts=[Contact(kind=kind, value=value)],
            situation=situation,
        )
    except SprepError:
        return
    assert reply.text and reply._repr_html_()


@given(
    st.lists(
        st.one_of(
            st.text(max_size=20),
            st.sampled_from(
                ["https://a.fr/x", "www.b.fr", "x@y.fr", "İ", "32 30", "–", ". Nous", "\n"]
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_checker_never_crashes(text):
    """check_reply takes any text; every span it reports lies inside the text."""
    for closing_added in (True, False):
        for finding in check_reply(text, pseudonym="Sandrine", closing_added=closing_added):
            assert finding.rule and finding.message
            if finding.start is not None:
                assert 0 <= finding.start <= (finding.end or 0) <= len(text)


LINE = st.lists(
    st.one_of(
        st.sampled_from(
            ["Positif", "Neutre", "Négatif", "", "bof", '"', '""', ";", "\x92", "{{ 7*7 }}"]
        ),
        st.text(max_size=12),
    ),
    min_size=0,
    max_size=5,
).map(lambda cells: ",".join(cells))


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(LINE | st.binary(max_size=30).map(lambda b: b.decode("latin-1")), max_size=6))
def test_draft_cli_never_crashes_on_any_input(tmp_path_factory, monkeypatch, lines):
    """`sprep draft` on any input lines exits 0 or 3 and counts every row; no traceback."""
    folder = tmp_path_factory.mktemp("fuzz")
    data = ("ID expérience,Ressenti usager,Titre\n" + "\n".join(lines) + "\n").encode(
        "utf-8", "surrogateescape"
    )
    source = folder / "in.csv"
    source.write_bytes(data)
    stderr = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    status = main(["draft", str(source), "-o", str(folder / "out.jsonl"), "--quiet"])
    assert status in (0, 3), stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()
    summary = re.search(
        r"(\d+) rows read: (\d+) drafted .*?, (\d+) rejected.*, (\d+) skipped", stderr.getvalue()
    )
    assert summary, stderr.getvalue()
    read, drafted, rejected, skipped = map(int, summary.groups())
    assert read == drafted + rejected + skipped
