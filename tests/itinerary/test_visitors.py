"""The published visitor counts and the rule that picks one figure per attraction."""

from __future__ import annotations

import pytest

from destinations.data.visitors import (VisitorFigure, chosen_visitor_counts, figures_from_attractions,
                                        load_attraction_visitors)
from destinations.errors import DataError


def _figure(visitors, year, qualifier="", row=1, name="X"):
    return VisitorFigure(name=name, visitors=visitors, year=year,
                         period="" if year is None else str(year), qualifier=qualifier,
                         source="https://example.org", row=row)


def test_every_row_is_read(settings):
    figures = load_attraction_visitors(settings)
    assert len(figures) == 171
    assert len({f.name for f in figures}) == 70


def test_rule_on_the_project_data(settings, base):
    chosen = chosen_visitor_counts(load_attraction_visitors(settings) + figures_from_attractions(base.attractions))
    # The newest normal year wins (Tivoli's annual report for 2023 over the 2019 VisitDenmark list).
    assert chosen["Tivoli Gardens"].visitors == 4_031_000 and chosen["Tivoli Gardens"].year == 2023
    # A Covid year loses to an older normal year (Louisiana 2021: 334,926).
    assert chosen["Louisiana Museum of Modern Art"].year == 2019
    # Cumulative (Royal Arena) and combined (Amalienborg + Rosenborg) figures are never used.
    assert "Royal Arena" not in chosen and "Amalienborg (Amalienborgmuseet)" not in chosen
    # An undated figure is labelled as such.
    assert "undated" in chosen["Den Lille Havfrue (The Little Mermaid)"].label
    # 'pre-Covid' describes a normal year.
    assert not chosen["Roskilde Domkirke (UNESCO)"].figure.covid
    # attractions.csv's own notes count: Bakken's 2.2 million (free entry, no turnstiles) is an
    # estimate, DST's museum figures are rounded, and "coords approx" says nothing about visitors.
    assert chosen["Dyrehavsbakken (Bakken)"].figure.precision == "estimate"
    assert "estimate" in chosen["Dyrehavsbakken (Bakken)"].label
    own = {f.name: f for f in figures_from_attractions(base.attractions)}
    assert own["Ny Carlsberg Glyptotek"].precision == "rounded"
    assert own["Tivoli Gardens"].precision == "exact" and own["Odense Zoo"].precision == "exact"


def test_rule_in_order():
    rows = [
        _figure(100, 2021, "Covid-affected year", row=1),  # Covid: last tier
        _figure(90, 2019, "rounded", row=2),
        _figure(95, 2019, "", row=3),  # exact beats rounded in the same year
        _figure(500, 2018, "", row=4),  # older year
        _figure(80, None, "undated estimate", row=5),
        _figure(999, None, "cumulative over 20 months", row=6),  # never annual
    ]
    chosen = chosen_visitor_counts(rows)["X"]
    assert chosen.visitors == 95 and chosen.year == 2019
    assert chosen.candidates == 6 and chosen.passed_over == 4
    # Rivals of equal standing: the lower figure, never an average.
    assert chosen_visitor_counts([_figure(200, 2019), _figure(180, 2019, row=2)])["X"].visitors == 180
    # Undated typical year before a Covid year; a Covid year when nothing else exists.
    assert chosen_visitor_counts([_figure(1, 2020), _figure(2, None, "typical")])["X"].visitors == 2
    assert chosen_visitor_counts([_figure(1, 2020)])["X"].label == "1 (2020, Covid year)"
    assert chosen_visitor_counts([_figure(1, None, "first ten months only", row=1)]) == {}


def test_a_bad_number_is_named(settings, data_copy):
    from tests.conftest import settings_for

    target = data_copy / "attraction_visitors.csv"
    text = target.read_text(encoding="utf-8").replace("4854000", "4.85m", 1)
    target.unlink()
    target.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="visitors"):
        load_attraction_visitors(settings_for(data_copy))
