"""The story map (folium, no Streamlit): the scenario's companies, the story path, the step's places.

Built on :mod:`destinations.maps.leaflet` (offline Leaflet, escaped tooltips). Two parts, so that the page
can move between steps without re-mounting the map (streamlit-folium's ``feature_group_to_add``):

* :func:`story_base_map` - what stays while stepping: municipalities filled by company
  (``companies``/``municipalities`` layers), company borders (``companies``/``borders``), the story
  path (steps in order, dashed) and every place of the story as a small marker (``attractions``);
* :func:`step_group` - the current step: its places as large vermilion markers and its
  municipalities outlined.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

import folium

from destinations.maps import leaflet as maps
from destinations.narratives.model import DEFAULT_LAYERS, Story
from destinations.narratives.places import step_anchor, step_codes, step_places

STEP_FILL = "#D55E00"  # vermilion: stands out from the company palette
PATH_COLOUR = "#222222"
OTHER_FILL = "#555555"


def story_base_map(base: Any, story: Story, *, fill_json: str, border_json: str,
                   colours: Mapping[str, str], layers: Iterable[str] = DEFAULT_LAYERS,
                   tiles: bool = False, labels: Mapping[str, str] | None = None) -> folium.Map:
    """The part of the story map that does not change between steps.

    Parameters
    ----------
    fill_json, border_json
        Municipality and company-border GeoJSON of the chosen scenario (:mod:`destinations.maps.layers`).
    colours
        Company id -> fill colour.
    layers
        Layer names (see :data:`~destinations.narratives.model.KNOWN_LAYERS`).
    labels
        Translated names: ``municipalities``, ``borders``, ``path``, ``places``.
    """
    labels = labels or {}
    shown = set(layers)
    fmap = maps.new_map(tiles=tiles)
    if shown & {"companies", "municipalities"}:
        maps.add_municipalities(fmap, fill_json, colours,
                                name=labels.get("municipalities", "Municipalities"))
    if shown & {"companies", "borders"}:
        maps.add_company_borders(fmap, border_json, name=labels.get("borders", "Borders"))
    anchors = [a for a in (step_anchor(s, base) for s in story.steps) if a is not None]
    if len(anchors) >= 2:
        folium.PolyLine(anchors, color=PATH_COLOUR, weight=2, opacity=0.7, dash_array="6 6",
                        tooltip=maps.esc(labels.get("path", "Story path"))).add_to(fmap)
    if "attractions" in shown:
        group = folium.FeatureGroup(name=labels.get("places", "Story places"))
        for number, step in enumerate(story.steps, start=1):
            for place in step_places(step, base):
                folium.CircleMarker((place.lat, place.lon), radius=5, color="#ffffff", weight=1,
                                    fill=True, fill_color=OTHER_FILL, fill_opacity=0.9,
                                    tooltip=maps.esc(f"{number}. {place.name}")).add_to(group)
        group.add_to(fmap)
    return fmap


def step_group(base: Any, story: Story, step_id: str, *, fill_json: str,
               label: str = "This step") -> folium.FeatureGroup:
    """The current step: its municipalities outlined and its places as large markers."""
    step = story.step(step_id)
    number = story.step_index(step_id) + 1
    group = folium.FeatureGroup(name=label)
    codes = set(step_codes(step, base))
    features = [f for f in json.loads(fill_json).get("features", [])
                if f.get("properties", {}).get("code") in codes]
    if features:
        folium.GeoJson({"type": "FeatureCollection", "features": features},
                       style_function=lambda _: {"fill": False, "color": STEP_FILL, "weight": 3.5},
                       interactive=False).add_to(group)
    for place in step_places(step, base):
        folium.CircleMarker((place.lat, place.lon), radius=10, color="#000000", weight=2.5,
                            fill=True, fill_color=STEP_FILL, fill_opacity=0.95,
                            tooltip=maps.esc(f"{number}. {place.name}")).add_to(group)
    return group


def story_map(base: Any, story: Story, step_id: str, *, fill_json: str, border_json: str,
              colours: Mapping[str, str], tiles: bool = False,
              labels: Mapping[str, str] | None = None) -> folium.Map:
    """Base map and step group in one map (for exports and tests)."""
    labels = labels or {}
    fmap = story_base_map(base, story, fill_json=fill_json, border_json=border_json,
                          colours=colours, layers=story.step(step_id).layers, tiles=tiles,
                          labels=labels)
    step_group(base, story, step_id, fill_json=fill_json,
               label=labels.get("step", "This step")).add_to(fmap)
    return fmap
