"""A network's export (issue 15): one profile section per structure, one draft per
structure concerned, contacts a user abroad can use, `sprep profile check`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from sprep_templates import Contact, Experience, Signature, draft_reply
from sprep_templates.cli import EXIT_ERRORS_FOUND, EXIT_OK, EXIT_USAGE, main
from sprep_templates.drafting import longest_reply
from sprep_templates.export import Drafted, Skipped, draft_many
from sprep_templates.export._columns import experience_from_fields
from sprep_templates.inputs import Structure
from sprep_templates.profile import Profile, ProfileError

ROOT = Path(__file__).resolve().parents[1]
HEADER = [
    "ID expérience",
    "Statut de l'expérience",
    "Titre",
    "Ressenti usager",
    "Canaux Typologie 1",
    "Pays",
    "ID structure 1",
    "Intitulé structure 1",
    "ID structure 2",
    "Intitulé structure 2",
    "ID structure 3",
    "Intitulé structure  3",  # the export's own double space
]
WAITING = "Expérience en attente de réponse"
ROWS = [
    ["1", WAITING, "Passeport", "Négatif", "Accueil", "France", "C-MTL", "Consulat général de France à Montréal", "", "", "", ""],
    ["2", WAITING, "Carte consulaire", "Positif", "Accueil", "Royaume-Uni", "C-LDN", "Consulat Général de France à Londres", "", "", "", ""],
    ["3", WAITING, "Allocation", "Neutre", "Téléphone", "France", "CAF-75", "Caf de Paris", "ANTS-1", "ANTS", "", ""],
    ["4", WAITING, "Aide au logement", "Négatif", "Téléphone", "Suisse", "CAF-75", "Caf de Paris", "", "", "", ""],
    ["5", "Expérience avec réponse", "Permis", "Neutre", "Accueil", "France", "ANTS-1", "ANTS", "", "", "", ""],
    ["6", WAITING, "Démarche", "Positif", "Démarche en ligne", "France", "", "", "", "", "", ""],
]  # fmt: skip

PROFILE_TOML = """
[signature]
first_name = "Jean"
organisation = "le service des usagers"
[[contacts]]
kind = "web"
value = "https://www.service-public.gouv.fr/contact"

[[structures]]
match = "Consulat général de France à Montréal"
signature = { first_name = "Léa", organisation = "le consulat général de France à Montréal" }
contacts = [ { kind = "phone", value = "+1 514 878 4385", abroad = true } ]

[[structures]]
match = "Consulat*"
signature = { organisation = "le consulat général de France" }
contacts = [ { kind = "web", value = "https://www.diplomatie.gouv.fr/contact" } ]

[[structures]]
match = "CAF-75"
signature = { first_name = "Claire", organisation = "la Caf de Paris" }
contacts = [ { kind = "phone", value = "32 30" }, { kind = "web", value = "https://www.caf.fr/nous-contacter" } ]
"""

#: The signature line each structure's drafts must end with.
SIGNED = {
    "C-MTL": "Léa, pour le consulat général de France à Montréal",
    "C-LDN": "Jean, pour le consulat général de France",  # the default's first name
    "CAF-75": "Claire, pour la Caf de Paris",
    "ANTS-1": "Jean, pour le service des usagers",
    None: "Jean, pour le service des usagers",
}


def export_bytes(rows=ROWS) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


@pytest.fixture
def network(tmp_path):
    (tmp_path / "profile.toml").write_text(PROFILE_TOML, encoding="utf-8")
    (tmp_path / "export.csv").write_bytes(export_bytes())
    return tmp_path


def run_draft(folder, *extra, profile_text=None):
    profile = folder / "profile.toml"
    if profile_text is not None:
        profile.write_text(profile_text, encoding="utf-8")
    output = folder / "drafts.jsonl"
    status = main(
        [
            "draft",
            str(folder / "export.csv"),
            "-o",
            str(output),
            "--profile",
            str(profile),
            "--quiet",
            "--today",
            "2026-11-28",
            *extra,
        ]
    )
    records = (
        [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        if output.exists()
        else None
    )
    return status, records


def test_every_record_is_signed_as_its_structures_section_says(network, capsys):
    """One record per (experience, structure concerned), signed by the first section that
    matches the structure (an exact name, then a pattern, then an id), else the default."""
    status, records = run_draft(network)
    assert status == EXIT_OK
    assert [(r["id"], r["structure_id"]) for r in records] == [
        ("1", "C-MTL"),
        ("2", "C-LDN"),
        ("3", "CAF-75"),
        ("3", "ANTS-1"),
        ("4", "CAF-75"),
        ("6", None),
    ]
    for record in records:
        assert record["text"].splitlines()[-1] == SIGNED[record["structure_id"]], record
    assert records[2]["structure"] == "Caf de Paris"
    assert "par téléphone au +1 514 878 4385" in records[0]["text"]


def test_closing_line_counts_row_structure_pairs(network, capsys):
    """Rows read = 6, row-structure pairs = 7 (row 3 concerns two structures);
    pairs = drafted + rejected + skipped; per structure and per section counts too."""
    run_draft(network)
    err = capsys.readouterr().err
    assert (
        "sprep: 6 rows read (7 row-structure pairs): 6 drafted "
        "(2 ready, 4 to complete, 0 to review), 0 rejected, 1 skipped (1 already answered)"
    ) in err
    assert "sprep: drafted for 4 structures: 2 Caf de Paris (section #3), " in err
    assert "1 ANTS (default)" in err
    assert (
        "drafted per profile section: 1 by section #1 (Consulat général de France à Montréal), "
        "1 by section #2 (Consulat*), 2 by section #3 (CAF-75), 2 by the default"
    ) in err


def test_structure_option_takes_names_and_ids(network, capsys):
    """--structure is repeatable and takes a name (case and spaces aside) or an id."""
    status, records = run_draft(
        network, "--structure", "consulat général de France  à montréal", "--structure", "CAF-75"
    )
    assert status == EXIT_OK
    assert [(r["id"], r["structure_id"]) for r in records] == [
        ("1", "C-MTL"),
        ("3", "CAF-75"),
        ("4", "CAF-75"),
    ]
    assert "3 about another structure" in capsys.readouterr().err


def test_a_structure_matching_nothing_suggests_the_closest_names(network, capsys):
    """A typo in --structure drafts nothing, leaves OUT untouched and names the closest."""
    status, records = run_draft(network, "--structure", "Consulat de France à Londre")
    assert status == EXIT_USAGE
    assert records is None
    err = capsys.readouterr().err
    assert "--structure 'Consulat de France à Londre' matches no structure of the input" in err
    assert "did you mean: Consulat Général de France à Londres" in err


def test_one_unknown_structure_among_others_is_reported(network, capsys):
    """When another --structure matches, the run goes on and the unknown one is reported."""
    status, records = run_draft(network, "--structure", "ANTS", "--structure", "Caf de Pari")
    assert status == EXIT_OK
    assert [r["structure_id"] for r in records] == ["ANTS-1"]
    assert "'Caf de Pari' matches no structure of the input; did you mean: Caf de Paris?" in (
        capsys.readouterr().err
    )


def test_sections_matching_no_structure_are_reported(network, capsys):
    """A section whose match fits no structure of the input is named at the end."""
    typo = PROFILE_TOML + '\n[[structures]]\nmatch = "Prefecture du Rhone"\n'
    run_draft(network, profile_text=typo)
    assert (
        "sprep: [[structures]] #4 (match = 'Prefecture du Rhone') matches no structure"
        in capsys.readouterr().err
    )


def test_require_structure_profile_skips_structures_without_a_section(network, capsys):
    """With --require-structure-profile the default signs nothing: a skip with its reason."""
    status, records = run_draft(network, "--require-structure-profile")
    assert status == EXIT_OK
    assert [r["structure_id"] for r in records] == ["C-MTL", "C-LDN", "CAF-75", "CAF-75"]
    assert "2 no profile section for the structure" in capsys.readouterr().err


def test_a_user_abroad_is_not_offered_a_short_number(network):
    """Row 4's user lives in Switzerland: the Caf's 32 30 is left out, its web page kept;
    row 3's user in France is offered both."""
    _, records = run_draft(network)
    abroad = next(r for r in records if r["id"] == "4")
    at_home = next(r for r in records if r["id"] == "3" and r["structure_id"] == "CAF-75")
    assert "32 30" not in abroad["text"] and "https://www.caf.fr/nous-contacter" in abroad["text"]
    assert "left out for a user abroad (Suisse): 32 30" in abroad["notes"]
    assert "32 30" in at_home["text"]


def test_draft_many_follows_the_same_rules(network):
    """draft_many(profile=...) gives the same results per structure as sprep draft."""
    profile = Profile.from_toml(network / "profile.toml")
    rows = list(csv.DictReader(io.StringIO(export_bytes().decode("utf-8-sig"))))
    for row in rows:  # DictReader keeps the double space; the export reader folds it
        row["Intitulé structure 3"] = row.pop("Intitulé structure  3")
    results = list(draft_many(rows, profile=profile, require_section=True, today=None))
    drafted = [r for r in results if isinstance(r, Drafted)]
    assert [(r.id, r.structure.id if r.structure else None, r.section) for r in drafted] == [
        ("1", "C-MTL", 1),
        ("2", "C-LDN", 2),
        ("3", "CAF-75", 3),
        ("4", "CAF-75", 3),
    ]
    skipped = [(r.id, r.why) for r in results if isinstance(r, Skipped)]
    assert ("3", "no profile section for the structure") in skipped
    for result in drafted:
        assert result.reply.text.splitlines()[-1] == SIGNED[result.structure.id]


# --- the profile ------------------------------------------------------------------------


def load(text: str, tmp_path: Path) -> Profile:
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return Profile.from_toml(path)


def test_matching_is_first_match_wins(tmp_path):
    """The exact name comes before the pattern, so Montréal gets its own section."""
    profile = load(PROFILE_TOML, tmp_path)
    montreal = Structure("CONSULAT GÉNÉRAL DE FRANCE À  MONTRÉAL", "x")
    assert profile.section_for(montreal).number == 1
    assert profile.section_for(Structure("Consulat Général de France à Genève")).number == 2
    assert profile.section_for(Structure("Caf de Paris", "CAF-75")).number == 3
    assert profile.section_for(Structure("Caf de Paris", "CAF-69")) is None
    assert profile.section_for(None) is None
    assert profile.for_structure(Structure("ANTS")).structures == ()


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            'match = "Caf*"\nsignatur = { first_name = "Jo" }',
            "[[structures]] #1 (match = 'Caf*'): unknown key(s) signatur",
        ),
        (
            'match = "Caf*"\ncontacts = [ { kind = "phone", value = "12" } ]',
            "[[structures]] #1 (match = 'Caf*'): contacts #1: Contact.value is not a phone number",
        ),
        (
            'match = "Caf*"\nsignature = { first_name = "J3an" }',
            "[[structures]] #1 (match = 'Caf*'): signature: Signature.first_name must be",
        ),
        (
            'match = "Caf*"\nlate_after_days = -1',
            "[[structures]] #1 (match = 'Caf*'): late_after_days must be a whole number",
        ),
        ('signature = { first_name = "Jo" }', "[[structures]] #1: match is required"),
        (
            'match = "Caf*"\ncontacts = [ { kind = "phone", value = "32 30", abroad = true } ]',
            "Contact.abroad: 32 30 cannot be dialled from abroad",
        ),
    ],
)
def test_a_bad_section_is_named_with_its_key(tmp_path, section, message):
    """Validation names the file, the section and the key."""
    with pytest.raises(ProfileError) as caught:
        load(PROFILE_TOML.split("[[structures]]")[0] + "[[structures]]\n" + section, tmp_path)
    assert message in str(caught.value)
    assert str(tmp_path / "profile.toml") in str(caught.value)


def test_a_repeated_match_is_refused(tmp_path):
    """A second section with the same match could never sign anything."""
    with pytest.raises(ProfileError, match=r"#4 \(match = 'caf-75'\): match repeats"):
        load(PROFILE_TOML + '[[structures]]\nmatch = "caf-75"\n', tmp_path)


LONG_SECTION = """
[[structures]]
match = "Consulat*"
signature = { organisation = "le consulat général de France à Montréal au Québec et au Canada" }
contacts = [
  { kind = "phone", value = "+1 514 878 4385", label = "service des passeports et cartes" },
  { kind = "web", value = "https://www.diplomatie.gouv.fr/fr/services-aux-francais/contact" },
  { kind = "email", value = "passeports.montreal-fslt@diplomatie.gouv.fr" },
]
"""


def test_a_section_that_could_pass_150_words_is_refused_with_the_figure(tmp_path):
    """An organisation and contacts past the guaranteed limits that could make a reply
    longer than 150 words are refused when the profile loads, with the longest reply."""
    with pytest.raises(ProfileError) as caught:
        load(PROFILE_TOML.split("[[structures]]")[0] + LONG_SECTION, tmp_path)
    message = str(caught.value)
    profile_default = Signature("Jean", "le service des usagers")
    signature = Signature(
        profile_default.first_name,
        "le consulat général de France à Montréal au Québec et au Canada",
    )
    contacts = (
        Contact("phone", "+1 514 878 4385", "service des passeports et cartes"),
        Contact("web", "https://www.diplomatie.gouv.fr/fr/services-aux-francais/contact"),
        Contact("email", "passeports.montreal-fslt@diplomatie.gouv.fr"),
    )
    longest = longest_reply(signature, contacts).longest
    assert longest > 150
    assert "[[structures]] #1 (match = 'Consulat*'): with this signature and these contacts" in (
        message
    )
    assert f"could have {longest} words, {longest - 150} more than the guide's 150" in message
    assert "the organisation (12 words)" in message


def test_beyond_the_limits_but_within_150_words_is_accepted(tmp_path):
    """An organisation of 9 words passes the guaranteed 7 but still fits: accepted."""
    section = (
        '[[structures]]\nmatch = "C*"\n'
        'signature = { organisation = "le consulat général de France à Montréal au Québec" }\n'
    )
    profile = load(PROFILE_TOML.split("[[structures]]")[0] + section, tmp_path)
    signer = profile.signer(profile.structures[0])
    assert longest_reply(signer.signature, signer.contacts).longest <= 150


# --- contacts abroad ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "abroad"),
    [
        ("32 30", False),
        ("0 800 123 456", False),
        ("08 10 25 25 25", False),
        ("+33 8 10 25 25 25", False),
        ("01 23 45 67 89", True),
        ("+33 1 23 45 67 89", True),
        ("+1 514 878 4385", True),
    ],
)
def test_whether_a_phone_can_be_dialled_from_abroad_is_derived(value, abroad):
    """Short numbers and 08 numbers cannot be dialled from abroad; others can."""
    assert Contact("phone", value).abroad is abroad


def test_abroad_can_be_said_and_is_checked():
    """abroad = false is taken as said; abroad = true on a short number is refused."""
    assert Contact("phone", "01 23 45 67 89", abroad=False).abroad is False
    assert Contact("address", "1 rue de la Paix, Paris", abroad=False).abroad is False
    assert Contact("web", "https://www.caf.fr").abroad is True
    with pytest.raises(ValueError, match="cannot be dialled from abroad"):
        Contact("phone", "39 39", abroad=True)
    with pytest.raises(ValueError, match=r"Contact\.abroad must be true, false"):
        Contact("phone", "39 39", abroad="no")  # type: ignore[arg-type]


def reply_for(country, contacts):
    return draft_reply(
        Experience(id="7", sentiment="negative", channels=("Téléphone",), country=country),
        signature=Signature("Jean", "la Caf de Paris"),
        contacts=contacts,
    )


def test_a_user_in_france_keeps_every_contact():
    """France (or no country) keeps the short number."""
    contacts = [Contact("phone", "32 30"), Contact("web", "https://www.caf.fr/contact")]
    for country in ("France", None):
        reply = reply_for(country, contacts)
        assert "32 30" in reply.text and not reply.notes


def test_a_user_abroad_keeps_the_only_contact_with_a_note():
    """When no other contact exists the number stays, and the note says it cannot be used."""
    reply = reply_for("Canada", [Contact("phone", "32 30")])
    assert "32 30" in reply.text
    assert reply.notes == (
        "the user lives abroad (Canada) and no contact can be used from there: 32 30",
    )


def test_pays_feeds_experience_country():
    """The export's Pays column is the experience's country."""
    read = experience_from_fields(
        {"ID expérience": "1", "Ressenti usager": "Négatif", "Pays": "Allemagne"}
    )
    assert read.experience.country == "Allemagne" and read.experience.abroad
    assert read.structures == ()


# --- sprep profile check -----------------------------------------------------------------------


def test_profile_check_lists_rows_and_signers_per_structure(network, capsys):
    """Per structure: rows, rows waiting, the section that signs it, its id and name."""
    status = main(["profile", "check", str(network / "profile.toml"), str(network / "export.csv")])
    out = capsys.readouterr().out
    assert status == EXIT_OK
    assert f"{network / 'profile.toml'}: valid" in out
    assert "#2 match = 'Consulat*' (pattern): Jean, pour le consulat général de France" in out
    lines = out.splitlines()
    assert "     2        2  section #3   CAF-75         Caf de Paris" in lines
    assert "     2        1  default      ANTS-1         ANTS" in lines
    assert "     1        1  default      -              (no structure)" in lines
    assert "export.csv: 6 rows, 4 structures" in out


def test_profile_check_fails_on_a_section_matching_nothing(network, capsys):
    """A section that matches no structure of the export: exit status 1, named."""
    (network / "profile.toml").write_text(
        PROFILE_TOML + '[[structures]]\nmatch = "Prefecture*"\n', encoding="utf-8"
    )
    status = main(["profile", "check", str(network / "profile.toml"), str(network / "export.csv")])
    assert status == EXIT_ERRORS_FOUND
    assert "[[structures]] #4 (match = 'Prefecture*') matches no structure" in (
        capsys.readouterr().out
    )


def test_profile_check_runs_as_a_command(network):
    """`python -m sprep_templates profile check` runs the tree's code and validates."""
    (network / "bad.toml").write_text(
        PROFILE_TOML + '[[structures]]\nmatch = "X"\ncontacts = [ { kind = "fax" } ]\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "sprep_templates", "profile", "check", str(network / "bad.toml")],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert result.returncode == 4
    assert "[[structures]] #4 (match = 'X'): contacts #1: Contact.kind must be one of" in (
        result.stderr
    )


def test_the_example_network_profile_loads():
    """examples/network-profile.toml (the README's) is valid: three sections."""
    profile = Profile.from_toml(ROOT / "examples" / "network-profile.toml")
    assert [s.match for s in profile.structures] == [
        "Consulat général de France à Montréal",
        "Consulat*",
        "Caf*",
    ]
    caf = profile.for_structure(Structure("Caf du Gard"))
    assert caf.late_after_days == 15 and caf.signature.line == "Claire, pour la Caf"
    assert [c.abroad for c in caf.contacts] == [False, True]


def test_a_one_word_closing_stays_within_the_guarantee():
    """The fast path takes a one-word closing as covered: the proof agrees at the limits."""
    from sprep_templates.drafting import within_guaranteed_limits
    from sprep_templates.drafting._length_proof import extreme_inputs

    large = extreme_inputs()[1]
    signature = Signature(large.signature.first_name, large.signature.organisation, "Cordialement")
    assert within_guaranteed_limits(signature, large.contacts)
    assert longest_reply(signature, large.contacts).longest <= 150


def test_resume_skips_each_structure_already_drafted(network, capsys):
    """--resume skips (id, structure) pairs: row 3's ANTS draft still comes after its Caf one."""
    run_draft(network, "--structure", "CAF-75")
    capsys.readouterr()
    status, records = run_draft(network, "--resume")
    assert status == EXIT_OK
    assert [(r["id"], r["structure_id"]) for r in records] == [
        ("3", "CAF-75"),
        ("4", "CAF-75"),
        ("1", "C-MTL"),
        ("2", "C-LDN"),
        ("3", "ANTS-1"),
        ("6", None),
    ]
    assert "2 already in the output" in capsys.readouterr().err
