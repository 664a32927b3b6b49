"""Chart builders: provenance in the caption, PNG export, the map frame of a profile."""

from __future__ import annotations

import json

import numpy as np

from destinations.season import charts
from destinations.season.capacity import capacity_view
from destinations.model import Kind, Provenance
from destinations.season.profile import view_for_bounds
from tests.season.conftest import make_curve

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LABELS = {k: k.title() for k in ("month", "overnights", "type", "demand", "capacity",
                                  "threshold", "occupancy")}


def test_provenance_text_joins_years_of_one_source():
    a = Provenance("facts model", 2019, Kind.MODELLED)
    b = Provenance("facts model", 2023, Kind.MODELLED)
    c = Provenance("attractions.csv", None, Kind.COMPILED)
    assert charts.provenance_text([a, b]) == "Source: facts model · 2019, 2023 · modelled"
    text = charts.provenance_text([a, c], source_label="Kilde",
                                  kind_names={"compiled": "indsamlet"})
    assert text == "Kilde: facts model · 2019 · modelled | Kilde: attractions.csv · indsamlet"


def test_curve_chart_carries_its_provenance_and_renders_as_png():
    curve = make_curve({"hotel": np.arange(1.0, 13.0) * 100, "camping": np.r_[np.zeros(5),
                                                                              np.full(7, 50.0)]})
    caption = charts.provenance_text(curve.provenance)
    chart = charts.curve_chart(curve.type_frame(), title="X 2019", caption=caption,
                               labels=LABELS, type_names={"hotel": "Hotels"}, month_names=MONTHS)
    spec = json.loads(chart.to_json())
    assert spec["title"]["text"] == "X 2019"
    assert "modelled" in " ".join(spec["title"]["subtitle"])
    png = charts.chart_png(chart, scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000


def test_capacity_chart_layers_demand_capacity_and_the_shortage_line():
    curve = make_curve({"hotel": np.full(12, 1000.0)}, bed_places={"hotel": 50.0})
    chart = charts.capacity_chart(capacity_view(curve).month_table(), share=0.9, title="t",
                                  caption="c", labels=LABELS, month_names=MONTHS)
    spec = json.loads(chart.to_json())
    assert len(spec["layer"]) == 4
    data = next(rows for rows in spec["datasets"].values() if "threshold" in rows[0])
    assert data[0]["threshold"] == 0.9 * 50 * 31  # 90 % of January's bed-nights


def test_map_frame_fits_the_members():
    (lat, lon), zoom = view_for_bounds(((55.6, 12.4), (55.75, 12.65)))
    assert (round(lat, 3), round(lon, 3)) == (55.675, 12.525)
    assert zoom == 11  # a small city company: close up, clamped
    assert view_for_bounds(((54.5, 8.0), (57.8, 15.2)))[1] == 6  # the whole country
