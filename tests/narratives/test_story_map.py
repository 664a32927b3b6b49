"""The story map: the step's places highlighted, its municipalities outlined, the path drawn."""

from __future__ import annotations

import json

import pytest

from destinations import maps
from destinations.maps.layers import company_borders_geojson, display_municipalities, municipality_geojson
from destinations.narratives import resolve_view
from destinations.maps.story_map import STEP_FILL, step_group, story_map


@pytest.fixture(scope="module")
def layers(base):
    display = display_municipalities(base.municipalities, base.settings.display_tolerance_m)
    assignment = base.today_assignment
    return (municipality_geojson(display, assignment, base.today_company_names,
                                 unaffiliated_label="none"),
            company_borders_geojson(display, assignment), maps.company_colours(assignment, base.graph))


def test_step_group_outlines_the_step_municipality(base, stories, layers):
    fill, _, _ = layers
    story = next(s for s in stories if s.id == "bornholm")
    group = step_group(base, story, "svaneke", fill_json=fill)
    html = maps.new_map().add_child(group).get_root().render()
    assert html.count(STEP_FILL) >= 2  # outline + marker
    assert "6. Svaneke" in html


def test_full_story_map_renders_path_and_places(base, stories, layers):
    fill, borders, colours = layers
    story = next(s for s in stories if s.id == "limfjord")
    html = story_map(base, story, story.steps[0].id, fill_json=fill, border_json=borders,
                     colours=colours).get_root().render()
    assert "L.polyline" in html
    for number, step in enumerate(story.steps, start=1):
        assert json.dumps(f"{number}. ")[1:-1] in html


def test_view_is_derived_from_the_places(base, stories):
    story = next(s for s in stories if s.id == "bornholm")
    view = resolve_view(story.steps[0], base)
    hammershus = base.attraction_by_id["hammershus"]
    assert view.center == (round(hammershus.lat, 5), round(hammershus.lon, 5))
    assert view.zoom == 11
