"""Tables and charts of a batch, for a notebook: statuses per structure, findings per rule,
the reply's tone against the user's sentiment.

The tables are pandas DataFrames made from :func:`~sprep_templates.results_frame`;
the charts draw them with matplotlib, imported only when a chart is asked for
(``pip install "sprep_templates[notebook]"`` brings both)::

    frame = results_frame(draft_many(rows, profile=profile))
    statuses_per_structure(frame)       # a table: one row per structure
    plot_statuses(frame)                # the same, as stacked bars
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from .arguments import shown
from .display import STATUS_COLOURS, STATUS_LABELS
from .exceptions import InvalidInputError, InvalidInputTypeError
from .export import Rejected, Skipped
from .vocabulary import STATUSES

__all__ = [
    "NO_STRUCTURE",
    "findings_per_rule",
    "plot_rules",
    "plot_statuses",
    "plot_tones",
    "statuses_per_structure",
    "tones_by_sentiment",
]

#: The row label of results that name no structure.
NO_STRUCTURE = "(sans structure)"
_ALL_STATUSES = (*STATUSES, "rejected", "skipped")
_SENTIMENTS = ("negative", "neutral", "positive")


def _pandas() -> Any:
    try:
        import pandas  # type: ignore[import-untyped]
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "sprep_templates.summary needs pandas: pip install 'sprep_templates[notebook]'"
        ) from error
    return pandas


def _pyplot() -> Any:
    try:
        from matplotlib import pyplot  # type: ignore[import-not-found, unused-ignore]
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "the charts need matplotlib: pip install 'sprep_templates[notebook]'"
        ) from error
    return pyplot


def _results_frame(frame: Any, function: str, columns: tuple[str, ...]) -> Any:
    """``frame`` if it is a DataFrame with ``columns``, else refused saying what to pass."""
    if not hasattr(frame, "columns") or not hasattr(frame, "loc"):
        raise InvalidInputTypeError(
            f"{function} takes a table of results: results_frame(draft_many(rows, "
            f"profile=profile)) (got {shown(frame)} that is a {type(frame).__name__})"
        )
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise InvalidInputError(
            f"{function}: the frame has no column {', '.join(missing)}; give it the frame "
            "of results_frame(draft_many(rows, profile=profile))"
        )
    return frame


def statuses_per_structure(frame: Any) -> Any:
    """How many results of each status each structure has: one row per structure (those
    naming none under :data:`NO_STRUCTURE`), one column per status seen (``to_review``,
    ``to_complete``, ``ready``, ``rejected``, ``skipped``, in that order), whole numbers."""
    pandas = _pandas()
    frame = _results_frame(frame, "statuses_per_structure", ("structure", "status"))
    structures = frame["structure"].astype(object).where(frame["structure"].notna(), NO_STRUCTURE)
    table = pandas.crosstab(structures.rename("structure"), frame["status"].rename("status"))
    return table[[s for s in _ALL_STATUSES if s in table.columns]]


def tones_by_sentiment(frame: Any) -> Any:
    """The drafts by the user's sentiment (rows) and the tone the reply is written in
    (columns): a sensitive or unhappy case written soberly shows off the diagonal."""
    pandas = _pandas()
    frame = _results_frame(frame, "tones_by_sentiment", ("sentiment", "tone"))
    drafted = frame[frame["tone"].notna()]
    table = pandas.crosstab(
        drafted["sentiment"].rename("sentiment"), drafted["tone"].rename("tone")
    )
    return table.reindex(
        index=[s for s in _SENTIMENTS if s in table.index],
        columns=[s for s in _SENTIMENTS if s in table.columns],
    )


def _findings_of(item: Any) -> Iterable[Any]:
    if isinstance(item, (Rejected, Skipped)):  # a row of the batch that was not drafted
        return ()
    if hasattr(item, "reply"):  # a Drafted result
        return item.reply.findings  # type: ignore[no-any-return]
    if hasattr(item, "findings"):  # a Reply
        return item.findings  # type: ignore[no-any-return]
    if hasattr(item, "rule"):  # a Finding
        return (item,)
    if isinstance(item, (list, tuple)) and all(hasattr(f, "rule") for f in item):
        return item  # a list of findings (check_reply's result)
    raise InvalidInputTypeError(
        "findings_per_rule counts the findings of drafts (draft_many's results), replies "
        f"or check_reply's results; one item is {shown(item)}, a {type(item).__name__}"
    )


def findings_per_rule(results: Any) -> Any:
    """How many findings of each rule: from drafts, replies or ``check_reply`` results
    (an iterable of them), one row per rule and a column per severity (``error``,
    ``warning``), most frequent first; from a :func:`results_frame`, one column
    ``findings`` (the frame keeps rule ids, not severities)."""
    pandas = _pandas()
    if hasattr(results, "columns"):
        results = _results_frame(results, "findings_per_rule", ("rules",))
        counts = Counter(rule for rules in results["rules"] for rule in rules)
        table = pandas.DataFrame({"findings": pandas.Series(counts, dtype="int64")})
        table.index.name = "rule"
        return table.sort_values("findings", ascending=False)
    if isinstance(results, (str, bytes)) or not isinstance(results, Iterable):
        raise InvalidInputTypeError(
            "findings_per_rule takes draft_many's results, replies or check_reply's "
            f"results (an iterable of them), or a results_frame (got {shown(results)} that "
            f"is a {type(results).__name__})"
        )
    pairs = Counter(
        (finding.rule, finding.severity) for item in results for finding in _findings_of(item)
    )
    table = pandas.Series(pairs, dtype="int64").unstack(fill_value=0) if pairs else None
    if table is None:
        return pandas.DataFrame(columns=["error", "warning"], dtype="int64").rename_axis("rule")
    table = table.reindex(columns=["error", "warning"], fill_value=0)
    table.index.name = "rule"
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def plot_statuses(frame: Any, ax: Any = None) -> Any:
    """Stacked horizontal bars: each structure's results by status, in the statuses'
    colours (red to review, amber to complete, green ready). Returns the matplotlib Axes."""
    pyplot = _pyplot()
    table = statuses_per_structure(frame)
    if ax is None:
        _, ax = pyplot.subplots(figsize=(8, 0.5 + 0.4 * max(len(table), 1)))
    left = [0] * len(table)
    for status in table.columns:
        values = [int(v) for v in table[status]]
        ax.barh(
            [str(i) for i in table.index],
            values,
            left=left,
            color=STATUS_COLOURS.get(status, "#666666"),
            label=STATUS_LABELS.get(status, status),
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_title("Statut des brouillons par structure")
    ax.set_xlabel("brouillons")
    ax.legend(loc="lower right")
    return ax


def plot_rules(results: Any, ax: Any = None, top: int = 15) -> Any:
    """Horizontal bars: the ``top`` rules by number of findings (errors in red, warnings
    in amber). Takes what :func:`findings_per_rule` takes. Returns the Axes."""
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise InvalidInputError(f"plot_rules: top must be a whole number, 1 or more (got {top!r})")
    pyplot = _pyplot()
    table = findings_per_rule(results).head(top).iloc[::-1]
    if ax is None:
        _, ax = pyplot.subplots(figsize=(8, 0.5 + 0.4 * max(len(table), 1)))
    left = [0] * len(table)
    colours = {"error": STATUS_COLOURS["to_review"], "warning": STATUS_COLOURS["to_complete"]}
    for column in table.columns:
        values = [int(v) for v in table[column]]
        ax.barh(
            [str(i) for i in table.index],
            values,
            left=left,
            color=colours.get(column, "#666666"),
            label=column,
        )
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_title("Constats par règle")
    ax.set_xlabel("constats")
    ax.legend(loc="lower right")
    return ax


def plot_tones(frame: Any, ax: Any = None) -> Any:
    """A grid of the user's sentiment (rows) against the reply's tone (columns), each
    cell's count written in it. Returns the Axes."""
    pyplot = _pyplot()
    table = tones_by_sentiment(frame)
    if ax is None:
        _, ax = pyplot.subplots(figsize=(4.5, 3.5))
    values = table.to_numpy(dtype=float)
    ax.imshow(values, cmap="Blues")
    ax.set_xticks(range(len(table.columns)), [str(c) for c in table.columns])
    ax.set_yticks(range(len(table.index)), [str(i) for i in table.index])
    for row in range(values.shape[0]):
        for column in range(values.shape[1]):
            ax.text(column, row, int(values[row, column]), ha="center", va="center")
    ax.set_xlabel("ton de la réponse")
    ax.set_ylabel("ressenti de l’usager")
    ax.set_title("Ton des réponses selon le ressenti")
    return ax
