"""The interactive story map: context without tiles (land, names), the route with numbered steps,
the current step and its legs highlighted, the layers a step asks for, a view that keeps context."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from destinations import maps
from destinations.maps.layers import company_borders_geojson, display_municipalities, municipality_geojson
from destinations.maps.story_map import (
    STEP_FILL,
    company_label_points,
    route_along_graph,
    step_group,
    story_base_map,
    story_map,
)
from destinations.narratives import LocalText, Step, Story, resolve_view


@pytest.fixture(scope="module")
def layers(base):
    display = display_municipalities(base.municipalities, base.settings.display_tolerance_m)
    assignment = base.today_assignment
    return (municipality_geojson(display, assignment, base.today_company_names,
                                 unaffiliated_label="none"),
            company_borders_geojson(display, assignment), maps.company_colours(assignment, base.graph))


def _render(fmap) -> str:
    return fmap.get_root().render()


def _js(text: str) -> str:
    """``text`` as folium writes it inside the map's script (a JSON string, ``<>`` escaped)."""
    return json.dumps(text)[1:-1].replace("<", "\\u003c").replace(">", "\\u003e")


def test_step_group_outlines_names_and_highlights_legs(base, stories, layers):
    fill, _, _ = layers
    story = next(s for s in stories if s.id == "bornholm")
    group = step_group(base, story, "svaneke", fill_json=fill)
    html = _render(maps.new_map().add_child(group))
    assert html.count(STEP_FILL) >= 4  # outline, two legs, marker
    assert "6. Svaneke" in html
    assert _js('<div class="place">Svaneke</div>') in html


def test_base_map_has_land_names_route_and_numbered_steps(base, stories, layers):
    fill, borders, colours = layers
    story = next(s for s in stories if s.id == "limfjord")
    html = _render(story_map(base, story, story.steps[0].id, fill_json=fill, border_json=borders,
                             colours=colours))
    assert "L.polyline" in html
    for number, step in enumerate(story.steps, start=1):
        assert json.dumps(f"{number}. ")[1:-1] in html
    assert "zoom-municipalities" in html  # municipality names from zoom 9
    for name in ("Morsø", "Aalborg", "Lemvig"):
        assert _js(f'<div class="municipality">{name}</div>') in html
    for name in ("Destination Limfjorden", "Destination Himmerland"):
        assert _js(f'<div class="company">{name}</div>') in html
    assert "https://" not in html.replace("https://github.com", "")  # no tiles by default


def test_land_is_drawn_even_when_a_step_hides_the_company_layers(base, stories, layers):
    fill, borders, colours = layers
    story = next(s for s in stories if s.id == "bornholm")
    html = _render(story_base_map(base, story, fill_json=fill, border_json=borders,
                                  colours=colours, layers=("attractions",)))
    assert "#EFEBE3" in html


def test_travel_graph_and_itinerary_layers_are_drawn_when_asked(base, stories, layers):
    fill, borders, colours = layers
    story = next(s for s in stories if s.id == "hc-andersen")
    plain = _render(story_base_map(base, story, fill_json=fill, border_json=borders,
                                   colours=colours))
    both = _render(story_base_map(base, story, fill_json=fill, border_json=borders,
                                  colours=colours, layers=("companies", "travel-graph", "itinerary"),
                                  labels={"travel-graph": "Travel graph", "itinerary": "Route"}))
    assert both.count("L.polyline") > plain.count("L.polyline") + 50
    assert "Odense – Kerteminde" in both or "Kerteminde – Odense" in both  # edge tooltips
    segments = route_along_graph(base, story)
    assert segments and any(ferry is False for _, ferry in segments)


def test_a_step_trip_is_drawn(base, stories, layers):
    fill, _, _ = layers
    story = next(s for s in stories if s.id == "bornholm")
    trip = SimpleNamespace(days=[SimpleNamespace(legs=[SimpleNamespace(segments=[
        SimpleNamespace(kind="ferry", coords=[(55.1, 14.7), (55.3, 14.9)])])])])
    html = _render(maps.new_map().add_child(step_group(base, story, "hammershus", fill_json=fill,
                                                       trip=trip)))
    assert "[55.1, 14.7]" in html and '"dashArray": "8 8"' in html


def test_labels_are_escaped(base, layers):
    fill, borders, colours = layers
    evil = "<img src=x onerror=alert(1)>"
    steps = (Step(id="a", title=LocalText(evil, evil), body=LocalText("", ""),
                  attractions=("hammershus",)),
             Step(id="b", title=LocalText("b", "b"), body=LocalText("", ""),
                  attractions=("svaneke",)))
    story = Story(id="x", theme="t", title=LocalText("x", "x"), steps=steps)
    html = _render(story_map(base, story, "a", fill_json=fill, border_json=borders,
                             colours=colours))
    assert evil not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_company_label_points_lie_in_their_company(base, layers):
    fill, _, _ = layers
    points = {c: (lat, lon) for c, _, lat, lon in company_label_points(fill)}
    assert len(points) == len(base.companies)
    lat, lon = points["destination-bornholm"]
    assert 54.9 < lat < 55.4 and 14.6 < lon < 15.3


def test_view_keeps_the_surroundings(base, stories):
    bornholm = next(s for s in stories if s.id == "bornholm")
    view = resolve_view(bornholm.steps[0], base)
    hammershus = base.attraction_by_id["hammershus"]
    assert view.center == (round(hammershus.lat, 5), round(hammershus.lon, 5))
    assert view.zoom == 10  # the whole island, not a blank polygon around one ruin
    copenhagen = next(s for s in stories if s.id == "copenhagen")
    assert resolve_view(copenhagen.step("nyhavn"), base).zoom == 11  # the city and its neighbours
