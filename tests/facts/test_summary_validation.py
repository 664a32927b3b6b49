"""facts_summary (the CLI payload), the leave-one-out validation and datasets_info."""

from __future__ import annotations

import json
import math

import pytest

from destinations.facts import (
    ACCOMMODATION_TYPES,
    MODEL_VERSION,
    datasets_info,
    facts_summary,
    validation_mae,
    validation_markdown,
    validation_report,
)
from destinations.model import DatasetInfo, Kind


@pytest.fixture(scope="module")
def summary_2019(facts_base):
    return facts_summary(facts_base, 2019)


def test_summary_keys_and_json(summary_2019):
    assert {"year", "national_overnights", "by_region", "by_type", "by_kind", "municipalities",
            "model_version", "region_code_system"} <= set(summary_2019)
    assert summary_2019["year"] == 2019
    assert summary_2019["model_version"] == MODEL_VERSION
    assert summary_2019["region_code_system"] == "DST"
    assert sorted(summary_2019["by_region"]) == ["081", "082", "083", "084", "085"]
    assert list(summary_2019["by_type"]) == list(ACCOMMODATION_TYPES)
    json.dumps(summary_2019, allow_nan=False)


def test_summary_sums(summary_2019):
    national = summary_2019["national_overnights"]
    assert sum(summary_2019["by_type"].values()) == national
    assert sum(summary_2019["by_region"].values()) == pytest.approx(national, abs=5)
    municipalities = summary_2019["municipalities"]
    assert len(municipalities) == 98
    assert sum(m["overnights"] for m in municipalities.values()) == pytest.approx(national, abs=98)
    assert sum(summary_2019["by_kind"].values()) == pytest.approx(1.0)
    assert summary_2019["by_kind"]["modelled"] == pytest.approx(1.0)


def test_summary_municipality_rows(summary_2019):
    for code, row in summary_2019["municipalities"].items():
        assert set(row) >= {"overnights", "foreign_share", "kind"}
        assert row["kind"] in ("official", "modelled")
        assert row["overnights"] >= 0
        assert row["foreign_share"] is None or 0 <= row["foreign_share"] <= 1
    assert summary_2019["municipalities"]["101"]["name"] == "København"


@pytest.fixture(scope="module")
def report(facts_base):
    return validation_report(facts_base)


def test_validation_covers_the_usable_published_figures(report, facts_model):
    expected = [f.id for f in facts_model.figures if f.year in (2016, 2017, 2018, 2019, 2022, 2023)]
    assert report["figure_id"].tolist() == expected
    assert {"code", "name", "year", "scope", "published", "predicted", "error_pct"} <= set(report)
    assert report["predicted"].gt(0).all()
    recomputed = (report["predicted"] - report["published"]) / report["published"] * 100
    assert recomputed.round(9).tolist() == report["error_pct"].round(9).tolist()


def test_left_out_figures_are_really_left_out(report):
    # A constrained figure would be met to 1e-9; left out, none of them is met that closely.
    assert (report["error_pct"].abs() > 1e-6).all()


def test_mae_and_markdown(report):
    mae = validation_mae(report)
    assert math.isfinite(mae) and mae > 0
    assert mae == pytest.approx(report["error_pct"].abs().mean())
    text = validation_markdown(report)
    assert f"{mae:.1f} %" in text
    assert text.count("\n|") == len(report) + 1


def test_report_is_a_copy(facts_base):
    mine = validation_report(facts_base)
    mine.loc[:, "predicted"] = 0.0
    assert validation_report(facts_base)["predicted"].gt(0).all()


def test_datasets_info_lists_every_tourism_file(facts_settings):
    infos = datasets_info(facts_settings)
    assert all(isinstance(i, DatasetInfo) for i in infos)
    names = {i.path.rsplit("/", 1)[-1] for i in infos}
    assert names == {
        "overnights_national_monthly_eurostat.csv", "overnights_by_region_annual_turist.csv",
        "overnights_national_annual_by_nationality_turist.csv", "national_totals_published.csv",
        "overnights_by_municipality_published_figures.csv", "capacity_by_area.csv",
        "capacity_by_municipality.csv", "summer_houses_by_municipality.csv",
        "tourism_economy_published_figures.csv"}
    for info in infos:
        assert info.rows > 0 and info.source and info.licence and info.coverage
        assert info.path.startswith("geodata/")  # never a server path
    # Statistical-office tables read unchanged are official; figures quoted by the press are compiled.
    kinds = {i.path.rsplit("/", 1)[-1]: i.kind for i in infos}
    assert kinds["overnights_national_monthly_eurostat.csv"] is Kind.OFFICIAL
    assert kinds["overnights_by_region_annual_turist.csv"] is Kind.OFFICIAL
    assert kinds["capacity_by_area.csv"] is Kind.OFFICIAL
    assert kinds["overnights_by_municipality_published_figures.csv"] is Kind.COMPILED
    assert kinds["summer_houses_by_municipality.csv"] is Kind.COMPILED


def test_the_document_reports_the_measured_mae(report):
    """docs/facts-model.md must not drift from the model: its MAE is the measured one."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "facts-model.md").read_text(encoding="utf-8")
    assert f"**Mean absolute error: {validation_mae(report):.1f} %**" in doc
    assert MODEL_VERSION in doc
    for row in report.itertuples():
        predicted = f"{float(f'{row.predicted:.3g}'):,.0f}"  # modelled: 3 significant figures
        assert f"{row.published:,.0f} | {predicted} | {row.error_pct:+.1f} |" in doc
