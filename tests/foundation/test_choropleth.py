"""The map's colour-by metrics: provenance, gaps, class breaks."""

from __future__ import annotations

import pytest

from destinations.maps.choropleth import GAP_COLOUR, MAP_METRICS, municipality_metric, quantile_bins


def test_bins_on_hand_made_values():
    bins = quantile_bins({"a": 1.0, "b": 2.0, "c": 3.0, "d": None}, n=2)
    assert bins.edges == (1.0, 2.0, 3.0)
    assert bins.colour(1.5) == bins.colours[0] and bins.colour(2.5) == bins.colours[1]
    assert bins.colour(None) == GAP_COLOUR


def test_bins_all_gaps():
    assert quantile_bins({"a": None}).colour(None) == GAP_COLOUR


@pytest.mark.parametrize("key", sorted(MAP_METRICS))
def test_every_map_metric_has_provenance(base, key):
    metric = municipality_metric(base, key, 2019)
    assert set(metric.values) == set(base.codes)
    assert metric.kind in {"official", "compiled", "modelled"} and metric.source


def test_summer_houses_show_gaps_not_zeros(base):
    metric = municipality_metric(base, "summer_houses", 2019)
    assert metric.values["306"] == 24200  # Odsherred, published
    assert metric.values["751"] is None  # Aarhus: nothing published -> a gap
    assert metric.formatted("751", "en") == "not published"
    assert metric.formatted("751", "da") == "ikke offentliggjort"


def test_holiday_dwellings_are_official_for_all_98(base):
    metric = municipality_metric(base, "holiday_dwellings", 2019)
    assert metric.kind == "official" and metric.gaps == 0 and "BOL101" in metric.source
    assert metric.formatted("760", "da") == "10.557"  # Ringkøbing-Skjern, exact (official)


def test_modelled_values_read_to_three_significant_figures(base):
    metric = municipality_metric(base, "overnights", 2019)
    text = metric.formatted("101", "da")
    assert text.endswith(".000") and "," not in text


def test_overnights_match_facts_summary(base):
    from destinations.facts import facts_summary

    metric = municipality_metric(base, "overnights", 2019)
    summary = facts_summary(base, 2019)
    assert metric.values["101"] == pytest.approx(summary["municipalities"]["101"]["overnights"], rel=1e-6)
    assert metric.kind == "modelled"


def test_numbers_follow_the_language():
    from destinations.i18n import number

    assert number(1096.23, "en", 1) == "1,096.2"
    assert number(1096.23, "da", 1) == "1.096,2"
    assert number(623404, "da") == "623.404"
