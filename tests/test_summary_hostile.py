"""The notebook's tables and charts on what a notebook really holds.

``draft_many`` over an export yields skipped rows (already answered) and rejected ones
beside the drafts: ``findings_per_rule(results)`` counted only drafts and replies and
raised ``TypeError: 'Skipped' object is not iterable``. A wrong argument (a list where a
frame is expected, another DataFrame) is a ``SprepError`` saying what to pass.
"""

from __future__ import annotations

import pytest

from sprep_templates import (
    Contact,
    InvalidInputError,
    InvalidInputTypeError,
    Profile,
    Signature,
    check_reply,
    draft_many,
    results_frame,
)

pandas = pytest.importorskip("pandas")
pytest.importorskip("matplotlib")

from sprep_templates.summary import (  # noqa: E402  (after the skips)
    findings_per_rule,
    plot_rules,
    plot_statuses,
    plot_tones,
    statuses_per_structure,
    tones_by_sentiment,
)

PROFILE = Profile(
    signature=Signature(first_name="Jean", organisation="la Caf de Paris"),
    contacts=(Contact(kind="phone", value="32 30"),),
)
ROWS = [
    {"ID expérience": "1", "Ressenti usager": "Négatif", "Titre": "Mon dossier est bloqué"},
    {"ID expérience": "2", "Ressenti usager": "Positif"},
    {
        "ID expérience": "3",
        "Ressenti usager": "Neutre",
        "Statut de l'expérience": "Expérience avec réponse",
    },
    {"ID expérience": "4"},  # no sentiment: rejected
]


@pytest.fixture(scope="module")
def results() -> list[object]:
    found = list(draft_many(ROWS, profile=PROFILE))
    kinds = {type(result).__name__ for result in found}
    assert {"Drafted", "Skipped", "Rejected"} <= kinds, kinds
    return found


def test_findings_per_rule_counts_the_drafts_of_a_batch_with_skipped_and_rejected_rows(
    results: list[object],
) -> None:
    table = findings_per_rule(results)
    drafted = [r for r in results if type(r).__name__ == "Drafted"]
    assert int(table.to_numpy().sum()) == sum(len(r.reply.findings) for r in drafted)  # type: ignore[attr-defined]
    assert list(table.columns) == ["error", "warning"]


def test_findings_per_rule_takes_a_generator_of_a_batch(results: list[object]) -> None:
    expected = findings_per_rule(results)
    assert findings_per_rule(iter(results)).equals(expected)


def test_plot_rules_draws_a_batch_with_skipped_rows(results: list[object]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    assert plot_rules(results) is not None


def test_check_reply_results_are_still_counted() -> None:
    found = check_reply("Bonjour, merci.")
    table = findings_per_rule([found])
    assert int(table.to_numpy().sum()) == len(found)


@pytest.mark.parametrize(
    "function", [statuses_per_structure, tones_by_sentiment, plot_statuses, plot_tones]
)
@pytest.mark.parametrize("wrong", [None, "frame", [1, 2]])
def test_a_table_of_a_frame_refuses_what_is_no_frame(function: object, wrong: object) -> None:
    with pytest.raises(InvalidInputTypeError, match=r"results_frame\("):
        function(wrong)  # type: ignore[operator]


@pytest.mark.parametrize("function", [statuses_per_structure, tones_by_sentiment])
def test_a_frame_without_the_columns_is_refused_naming_them(function: object) -> None:
    with pytest.raises(InvalidInputError, match=r"structure|tone"):
        function(pandas.DataFrame({"a": [1]}))  # type: ignore[operator]


@pytest.mark.parametrize("wrong", [None, "abc", 5])
def test_findings_per_rule_refuses_what_holds_no_findings(wrong: object) -> None:
    with pytest.raises(InvalidInputTypeError, match="findings_per_rule"):
        findings_per_rule(wrong)


def test_findings_per_rule_refuses_a_frame_without_rules() -> None:
    with pytest.raises(InvalidInputError, match="rules"):
        findings_per_rule(pandas.DataFrame({"a": [1]}))


@pytest.mark.parametrize("top", [0, -1, "5", 2.5, True])
def test_plot_rules_refuses_a_top_that_is_no_positive_count(
    results: list[object], top: object
) -> None:
    with pytest.raises(InvalidInputError, match="top"):
        plot_rules(results, top=top)  # type: ignore[arg-type]


def test_the_tables_of_the_frame_still_read_a_whole_batch(results: list[object]) -> None:
    frame = results_frame(results)
    table = statuses_per_structure(frame)
    assert int(table.to_numpy().sum()) == len(results)
    assert int(tones_by_sentiment(frame).to_numpy().sum()) == 2
