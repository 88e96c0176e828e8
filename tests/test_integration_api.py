"""The library as a service, a notebook or a script uses it (issue 22 items 1-9).

Serialisation (``to_dict`` against the shipped JSON Schema), a profile set once, export
rows read as ``sprep draft`` reads them, ``ready`` meaning the status, typed
constructors, full messages in ``str(finding)``, notebook frames and summaries, and a
``check_reply`` result that shows itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

import sprep_templates
from sprep_templates import (
    Contact,
    Experience,
    Finding,
    InvalidInputError,
    Profile,
    Signature,
    SprepError,
    check_reply,
    draft_many,
    draft_reply,
)
from sprep_templates.cli import main
from sprep_templates.export import RECORD_FIELDS

ROOT = Path(__file__).resolve().parents[1]
JEAN = Signature("Jean", "la Caf de Paris")
PHONE = Contact("phone", "32 30")
MONTREAL = "Consulat général de France à Montréal"
NETWORK = Profile.from_toml(ROOT / "examples" / "network-profile.toml")
JARGON_REPLY = (
    "Bonjour Sandrine,\n\nMerci pour votre retour. Veuillez vous rapprocher de votre agence."
    "\n\nCordialement,\nJean, pour la Caf de Paris"
)


def schema() -> dict:
    path = Path(sprep_templates.__file__).parent / "schemas" / "draft-record.schema.json"
    return json.loads(path.read_text(encoding="utf-8"))


# --- 1. serialisation ------------------------------------------------------------------


def test_reply_to_dict_is_the_record_the_cli_writes_and_fits_the_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    reply = draft_reply(
        Experience(sentiment="negative", id="7", pseudonym="Sandrine"),
        signature=JEAN,
        contacts=[PHONE],
        answer="Vous pouvez solliciter un rendez-vous.",
    )
    record = reply.to_dict()
    assert tuple(record) == RECORD_FIELDS
    json.dumps(record)  # plain JSON: no attrs objects, no tuples needed
    assert record["text"] == reply.text and record["body"] == reply.body
    assert record["status"] == reply.status and record["findings"]
    jsonschema.validate(record, schema())
    # The CLI's own records fit the same schema, field for field.
    output = tmp_path / "drafts.jsonl"
    assert main(["draft", str(ROOT / "examples" / "export.csv"), "-o", str(output), "--quiet"]) == 0
    for line in output.read_text(encoding="utf-8").splitlines():
        written = json.loads(line)
        jsonschema.validate(written, schema())
        assert tuple(written) == RECORD_FIELDS


def test_to_dict_names_the_structure_as_the_cli_does():
    reply = draft_reply(Experience(sentiment="positive", id="8"), signature=JEAN, contacts=[PHONE])
    structure = sprep_templates.Structure("Caf de Paris", "S1")
    record = reply.to_dict(id="8", structure=structure)
    assert (record["id"], record["structure_id"], record["structure"]) == (
        "8",
        "S1",
        "Caf de Paris",
    )


def test_finding_to_dict_and_full_message_in_str():
    jsonschema = pytest.importorskip("jsonschema")
    jargon = next(f for f in check_reply(JARGON_REPLY) if f.rule == "jargon")
    as_dict = jargon.to_dict()
    assert as_dict == {
        "rule": "jargon",
        "severity": jargon.severity,
        "message": jargon.message,
        "start": jargon.start,
        "end": jargon.end,
    }
    jsonschema.validate(as_dict, schema()["$defs"]["finding"])
    assert "écrivez plutôt «\xa0contacter\xa0»" in str(jargon)
    assert str(jargon).endswith(jargon.message)


# --- 2. a profile set once -------------------------------------------------------------


def test_draft_reply_takes_a_profile_and_a_structure():
    experience = Experience(sentiment="negative", id="12", pseudonym="Sandrine")
    by_profile = draft_reply(
        experience, profile=NETWORK, structure=MONTREAL, today=date(2025, 3, 1)
    )
    signer = NETWORK.for_structure(MONTREAL)
    by_hand = draft_reply(
        experience,
        signature=signer.signature,
        contacts=signer.contacts,
        template_dir=signer.template_dir,
        late_after_days=signer.late_after_days,
        today=date(2025, 3, 1),
    )
    assert by_profile == by_hand
    assert signer.signature.line in by_profile.text
    assert "Caf" not in by_profile.steps["signature"]


def test_an_explicit_argument_beside_profile_is_a_clear_error():
    experience = Experience(sentiment="positive", id="1")
    with pytest.raises(InvalidInputError, match="profile= already sets signature"):
        draft_reply(experience, profile=NETWORK, signature=JEAN)
    with pytest.raises(InvalidInputError, match="profile= already sets contacts"):
        draft_reply(experience, profile=NETWORK, contacts=[PHONE])
    with pytest.raises(InvalidInputError, match="structure= needs profile="):
        draft_reply(experience, signature=JEAN, contacts=[PHONE], structure=MONTREAL)
    with pytest.raises(InvalidInputError, match="signature= or profile="):
        draft_reply(experience, contacts=[PHONE])


ID_PROFILE = """
[signature]
first_name = "Jean"
organisation = "le service des relations usagers"

[[contacts]]
kind = "web"
value = "https://www.service-public.gouv.fr/contact"

[[structures]]
match = "S-42"
signature = { first_name = "Léa", organisation = "le consulat général de France à Montréal" }
"""


@pytest.mark.parametrize("given", [MONTREAL, "S-42", "structure"])
def test_for_structure_takes_a_name_an_id_or_a_structure(tmp_path, given):
    (tmp_path / "profile.toml").write_text(ID_PROFILE, encoding="utf-8")
    profile = Profile.from_toml(tmp_path / "profile.toml")
    structure = sprep_templates.Structure(MONTREAL, "S-42")
    expected = profile.for_structure(structure)
    assert expected.signature.first_name == "Léa"
    if given == "structure":
        assert profile.for_structure(structure) == expected
    elif given == "S-42":
        assert profile.for_structure(given) == expected  # an id
    else:
        assert NETWORK.for_structure(given).signature.first_name == "Léa"  # a name
        assert (
            NETWORK.for_structure(" consulat général de france à  montréal ").signature.first_name
            == "Léa"
        )


def test_for_structure_refuses_other_types_with_a_library_error():
    with pytest.raises(SprepError, match="for_structure"):
        NETWORK.for_structure(123)  # type: ignore[arg-type]


def test_structure_is_exported():
    assert "Structure" in sprep_templates.__all__
    assert sprep_templates.Structure("Caf de Paris").name == "Caf de Paris"


# --- 3 and 7. export rows as sprep draft reads them -------------------------------------

ROW = {
    "\ufeffID expérience": "41",
    "Ressenti usager": "Négatif",
    "titre": "Demande d\x92aide",
    "Intitulé structure  3": "Caf de Paris",
    "Pseudonyme usager": "Sandrine",
}


def test_from_export_row_repairs_and_reads_headers_as_the_cli_does():
    experience = Experience.from_export_row(ROW)
    assert experience.id == "41" and experience.title == "Demande d’aide"
    assert experience.sentiment == "negative"


def test_experience_points_to_from_export_row_for_cp1252_text():
    with pytest.raises(InvalidInputError, match="from_export_row"):
        Experience(sentiment="negative", title="Demande d\x92aide")


def test_draft_many_reads_the_third_structure_of_a_dict_reader_row():
    results = list(draft_many([ROW], profile=NETWORK))
    assert [r.structure.name for r in results] == ["Caf de Paris"]
    assert results[0].status != "rejected"


def test_one_header_reading_for_the_cli_and_python(tmp_path):
    source = tmp_path / "export.csv"
    source.write_text(
        "\ufeffid expérience;RESSENTI USAGER;Intitulé structure  3;Titre\n42;Positif;Caf de Paris;Merci\n",
        encoding="utf-8",
    )
    output = tmp_path / "drafts.jsonl"
    assert (
        main(
            [
                "draft",
                str(source),
                "-o",
                str(output),
                "--quiet",
                "--profile",
                str(ROOT / "examples" / "profile.toml"),
            ]
        )
        == 0
    )
    record = json.loads(output.read_text(encoding="utf-8"))
    drafted = next(
        iter(
            draft_many(
                [
                    {
                        "id expérience": "42",
                        "RESSENTI USAGER": "Positif",
                        "Intitulé structure  3": "Caf de Paris",
                        "Titre": "Merci",
                    }
                ],
                profile=Profile.from_toml(ROOT / "examples" / "profile.toml"),
            )
        )
    )
    assert record == drafted.record()


# --- 4 and 5. ready, typing --------------------------------------------------------------


def test_ready_means_the_status_ready():
    reply = draft_reply(Experience(sentiment="negative", id="3"), signature=JEAN, contacts=[PHONE])
    assert reply.status == "to_complete"
    assert reply.ready is False
    assert reply.compliant is True
    positive = draft_reply(
        Experience(sentiment="positive", id="3"), signature=JEAN, contacts=[PHONE]
    )
    assert positive.ready is (positive.status == "ready")


def test_mypy_strict_rejects_wrong_constructor_types(tmp_path):
    pytest.importorskip("mypy")
    snippet = tmp_path / "service.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from typing import Literal
            from sprep_templates import Experience, Reply, Signature, Status, Severity

            Experience(sentiment=5)
            Experience(sentiment="negative", channels=3.2)
            Signature(first_name=1, organisation="la Caf")

            def status_of(reply: Reply) -> Literal["ready", "to_complete", "to_review"]:
                return reply.status

            def nope(reply: Reply) -> Literal["ready"]:
                return reply.status

            ok: Status = "ready"
            severity: Severity = "error"
            """
        ),
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            "/dev/null",
            "service.py",
        ],
        capture_output=True,
        text=True,
        env={"MYPYPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
    )
    errors = [
        line
        for line in done.stdout.splitlines()
        if line.startswith("service.py:") and ": error:" in line
    ]
    lines = sorted(int(line.split(":")[1]) for line in errors)
    assert lines == [5, 6, 7, 13], done.stdout


# --- 8 and 9. notebooks ------------------------------------------------------------------


def notebook_rows():
    return [
        {
            "ID expérience": "1",
            "Ressenti usager": "Négatif",
            "Intitulé structure 1": "Caf de Paris",
            "Intitulé structure 2": MONTREAL,
            "ID structure 2": "CONSULAT-MTL",
            "Titre": "Relevé",
        },
        {
            "ID expérience": "2",
            "Ressenti usager": "Positif",
            "Intitulé structure 1": "Caf de Paris",
            "Titre": "Accueil",
        },
        {"ID expérience": "3", "Ressenti usager": "Bof", "Intitulé structure 1": "Caf de Paris"},
    ]


def test_results_frame_has_structures_body_typed_counts_and_lists():
    pandas = pytest.importorskip("pandas")
    from sprep_templates import results_frame

    frame = results_frame(draft_many(notebook_rows(), profile=NETWORK))
    assert list(frame["structure"])[:2] == ["Caf de Paris", MONTREAL]
    assert list(frame["structure_id"])[:2] == [None, "CONSULAT-MTL"]
    assert frame.loc[0, "body"] and "Jean" not in frame.loc[0, "body"]
    assert pandas.api.types.is_integer_dtype(frame["word_count"])
    assert str(frame.loc[0, "word_count"]).isdigit()
    assert isinstance(frame.loc[0, "personalised_by"], list)
    assert isinstance(frame.loc[0, "rules"], list)
    assert pandas.isna(frame.loc[3, "word_count"])  # the rejected row has none


def test_summary_tables():
    pytest.importorskip("pandas")
    from sprep_templates import results_frame
    from sprep_templates.summary import (
        NO_STRUCTURE,
        findings_per_rule,
        statuses_per_structure,
        tones_by_sentiment,
    )

    frame = results_frame(draft_many(notebook_rows(), profile=NETWORK))
    statuses = statuses_per_structure(frame)
    assert statuses.loc["Caf de Paris"].sum() == 2
    assert statuses.loc[MONTREAL].sum() == 1
    # a row that cannot be read is rejected before its structures are known
    assert statuses.loc[NO_STRUCTURE, "rejected"] == 1
    tones = tones_by_sentiment(frame)
    assert tones.loc["negative"].sum() == 2
    rules = findings_per_rule(
        [
            draft_reply(
                Experience(sentiment="negative", id="9"),
                signature=JEAN,
                contacts=[PHONE],
                answer="Veuillez solliciter un rendez-vous.",
            )
        ]
    )
    assert rules.loc["jargon", "error"] == 1 and rules.loc["tone", "warning"] == 1


def test_charts_import_matplotlib_only_when_used():
    pytest.importorskip("pandas")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, sprep_templates.summary; print('matplotlib' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    assert done.stdout.strip() == "False", done.stderr
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from sprep_templates import results_frame
    from sprep_templates.summary import plot_statuses, plot_tones

    frame = results_frame(draft_many(notebook_rows(), profile=NETWORK))
    axes = plot_statuses(frame)
    assert axes.get_title() and len(axes.patches) > 0
    assert plot_tones(frame).get_title()


def test_check_reply_result_shows_the_reply_with_its_findings_highlighted():
    findings = check_reply(JARGON_REPLY)
    assert isinstance(findings, list)
    assert findings == list(findings) and findings[0] == next(iter(findings))
    page = findings._repr_html_()
    assert '<mark style="background:' in page and "vous rapprocher de</mark>" in page
    assert "écrivez plutôt" in page
    assert "Sandrine" in page
    findings.append(Finding("stock", "warning", "réponse type"))  # callers that add keep working
    assert len(findings) == len(check_reply(JARGON_REPLY)) + 1
