"""Leave-one-out validation of the facts model against the published municipality figures.

For every usable published figure of a modelled year, the model of that year is fitted again
without that figure (its constraint removed) and the figure is predicted from the fit. Calibration
factors come from figures of *other* years only, so the left-out figure never informs its own
prediction. The error is ``(predicted - published) / published x 100``.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from destinations.data.base import BaseData
from destinations.facts.constants import AVAILABLE_YEARS, MODEL_VERSION
from destinations.i18n import fmt_significant
from destinations.facts.loader import _BySettings, facts_model
from destinations.facts.model import FactsModel

REPORT_COLUMNS = ["figure_id", "code", "name", "year", "scope", "published", "predicted",
                  "error_pct", "source"]


def leave_one_out(model: FactsModel, names: dict[str, str]) -> pd.DataFrame:
    """The validation table for ``model`` (see module docstring)."""
    rows = []
    for figure in model.figures:
        if figure.year not in AVAILABLE_YEARS:
            continue
        estimate = model.estimate(figure.year, exclude={figure.id})
        predicted = model.predict(estimate.values, figure)
        if figure.area == "region":
            name = f"Region {figure.codes[0]}"
        else:
            name = " + ".join(names.get(c, c) for c in figure.codes)
        rows.append({
            "figure_id": figure.id,
            "code": "+".join(figure.codes),
            "name": name,
            "year": figure.year,
            "scope": figure.scope + (f" (derived: {figure.derived})" if figure.derived else ""),
            "published": figure.value,
            "predicted": predicted,
            "error_pct": (predicted - figure.value) / figure.value * 100.0,
            "source": figure.source,
        })
    return pd.DataFrame(rows, columns=REPORT_COLUMNS)


@lru_cache(maxsize=2)
def _report(holder: _BySettings) -> pd.DataFrame:
    base = holder.base
    names = dict(zip(base.municipalities["code"], base.municipalities["name"]))
    return leave_one_out(facts_model(base), names)


def validation_report(base: BaseData) -> pd.DataFrame:
    """Leave-one-out rows: figure_id, code, name, year, scope, published, predicted, error_pct,
    source. A fresh copy per call."""
    return _report(_BySettings(base)).copy()


def validation_mae(report: pd.DataFrame) -> float:
    """Mean absolute percentage error of a :func:`validation_report` (NaN when empty)."""
    errors = report["error_pct"].abs()
    return float(errors.mean()) if len(errors) else float("nan")


def validation_markdown(report: pd.DataFrame) -> str:
    """The report as a Markdown table plus the MAE line (pasted into docs/facts-model.md).

    Published figures as published; predictions are modelled, so 3 significant figures.
    """
    lines = ["| figure | year | scope | published | predicted (left out) | error % |",
             "|---|---|---|---:|---:|---:|"]
    for row in report.itertuples():
        lines.append(f"| {row.name} ({row.code}) | {row.year} | {row.scope} | "
                     f"{row.published:,.0f} | {fmt_significant(row.predicted, 'en')} | "
                     f"{row.error_pct:+.1f} |")
    lines.append("")
    lines.append(f"Mean absolute error over {len(report)} figures: **{validation_mae(report):.1f} %** "
                 f"({MODEL_VERSION}).")
    return "\n".join(lines)


__all__ = ["leave_one_out", "validation_mae", "validation_markdown", "validation_report"]
