"""The story map (folium, no Streamlit): context that reads without tiles, the route, the step.

Built on :mod:`destinations.maps.leaflet` (offline Leaflet, escaped tooltips). Two parts, so that the page
can move between steps without re-mounting the map (streamlit-folium's ``feature_group_to_add``):

* :func:`story_base_map` - what stays while stepping: the land always (so the coast and the
  neighbours show even when a step hides the company layers), municipalities filled by company
  (``companies``/``municipalities`` layers), company borders (``companies``/``borders``), company
  names and municipality names as labels (municipality names from zoom 9, where they fit), the
  travel graph (``travel-graph``: roads between municipalities, bridges and ferries), the route
  along the travel graph (``itinerary``), the whole story path (steps in order, dashed) with a
  numbered marker per step, and every place of the story as a small marker (``attractions``);
* :func:`step_group` - the current step: its municipalities outlined, its places as large
  vermilion markers with their names, the legs into and out of it in vermilion, and the trip of
  its ``itinerary_id`` when the page passes one (``trip``).

Without tiles Leaflet shows only what is drawn here, so every label is part of the map; all of
them are escaped (``maps.esc``) before they reach HTML.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from typing import Any, Iterable, Mapping

import folium
import shapely
from branca.element import MacroElement
from jinja2 import Template

from destinations.maps import leaflet as maps
from destinations.narratives.model import DEFAULT_LAYERS, Story
from destinations.narratives.places import municipality_anchors, step_anchor, step_codes, step_places

STEP_FILL = "#D55E00"  # vermilion: stands out from the company palette
PATH_COLOUR = "#222222"
OTHER_FILL = "#555555"
LAND_FILL = "#EFEBE3"
GRAPH_ROAD = "#8a8a8a"
GRAPH_FERRY = "#1f5f99"
#: From this zoom on, municipality names are shown (below it they would cover the map).
MUNICIPALITY_LABEL_ZOOM = 9

_LABEL_CSS = """
<style>
.folium-map.leaflet-container{background:SEA}
.story-label,.story-label div{background:none;border:none;pointer-events:none}
.story-label div{position:absolute;transform:translate(-50%,-50%);white-space:nowrap;
font:600 11px/1.1 system-ui,-apple-system,'Segoe UI',sans-serif;color:#333;pointer-events:none;
text-shadow:0 0 3px #fff,0 0 3px #fff,0 0 2px #fff}
.story-label .company{font-size:11px;letter-spacing:.08em;text-transform:uppercase;color:#444}
.story-label .municipality{font-weight:400;font-size:10.5px;display:none}
.zoom-municipalities .story-label .municipality{display:block}
.story-label .place{font-size:12px;color:#111;transform:translate(10px,-50%)}
.story-step div{position:absolute;transform:translate(-50%,-50%);width:20px;height:20px;
border-radius:50%;background:#222;color:#fff;border:1.5px solid #fff;text-align:center;
font:700 11px/20px system-ui,sans-serif}
.story-step.current div{background:#D55E00;width:26px;height:26px;line-height:26px;font-size:13px}
</style>
""".replace("SEA", maps.SEA_COLOUR)  # the sea, also where leaflet.css paints its grey after ours


class _ZoomClass(MacroElement):
    """Adds the class ``zoom-municipalities`` to the map container from a zoom on, so CSS can show
    municipality names only where they fit (Leaflet has no label collision handling)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function(map){
          function mark(){ map.getContainer().classList.toggle('zoom-municipalities',
                                                                map.getZoom() >= {{ this.zoom }}); }
          map.on('zoomend', mark); mark();
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, zoom: int) -> None:
        super().__init__()
        self._name = "ZoomClass"
        self.zoom = int(zoom)


def _label(location: tuple[float, float], text: str, css: str) -> folium.Marker:
    """A text label (no pin), escaped, not clickable."""
    return folium.Marker(location, icon=folium.DivIcon(
        html=f'<div class="{css}">{maps.esc(text)}</div>', icon_size=(0, 0),
        class_name="story-label"))


def _number(location: tuple[float, float], number: int, title: str, *, current: bool = False
            ) -> folium.Marker:
    css = "story-step current" if current else "story-step"
    return folium.Marker(location, icon=folium.DivIcon(html=f"<div>{number}</div>", icon_size=(0, 0),
                                                       class_name=css),
                         tooltip=maps.esc(f"{number}. {title}"))


@lru_cache(maxsize=8)
def company_label_points(fill_json: str) -> tuple[tuple[str, str, float, float], ...]:
    """(company id, display name, lat, lon) per company: a point inside its largest part.

    ``fill_json`` is the municipality layer (:func:`destinations.maps.layers.municipality_geojson`),
    whose ``company`` names are already HTML-escaped; they are unescaped here and escaped again
    where drawn, so nothing is escaped twice.
    """
    shapes: dict[str, list[Any]] = {}
    names: dict[str, str] = {}
    for feature in json.loads(fill_json).get("features", []):
        props = feature.get("properties", {})
        company = props.get("company_id")
        if not company:
            continue
        shapes.setdefault(company, []).append(shapely.geometry.shape(feature["geometry"]))
        names[company] = html.unescape(str(props.get("company", company)))
    out = []
    for company in sorted(shapes):
        union = shapely.union_all(shapes[company])
        parts = shapely.get_parts(union)
        largest = max(parts, key=lambda g: g.area)
        point = shapely.point_on_surface(largest)
        out.append((company, names[company], float(point.y), float(point.x)))
    return tuple(out)


def _land(fmap: folium.Map, fill_json: str) -> None:
    """Every municipality in one neutral colour: the coast and the neighbours, always."""
    folium.GeoJson(json.loads(fill_json), name="land", interactive=False, control=False,
                   style_function=lambda _: {"fillColor": LAND_FILL, "fillOpacity": 1.0,
                                             "color": "#ffffff", "weight": 0.6}).add_to(fmap)


def _travel_graph(fmap: folium.Map, base: Any, anchors: Mapping[str, tuple[float, float]],
                  name: str) -> None:
    group = folium.FeatureGroup(name=name)
    for a, b, data in base.graph.edges(data=True):
        if a not in anchors or b not in anchors:
            continue
        ferry = data.get("kind") == "ferry"
        minutes = data.get("minutes")
        tip = f"{base.municipality_name(a)} – {base.municipality_name(b)}"
        if minutes is not None:
            tip += f": {round(float(minutes))} min"
        folium.PolyLine([anchors[a], anchors[b]], color=GRAPH_FERRY if ferry else GRAPH_ROAD,
                        weight=1.5, opacity=0.8, dash_array="4 4" if ferry else None,
                        tooltip=maps.esc(tip)).add_to(group)
    group.add_to(fmap)


def route_along_graph(base: Any, story: Story) -> list[tuple[list[tuple[float, float]], bool]]:
    """The story's legs along the travel graph's shortest paths: (points, is a ferry) segments
    from municipality anchor to anchor (estimated, like every travel time of the graph)."""
    import networkx as nx

    anchors = municipality_anchors(base)
    codes = [step_codes(s, base) for s in story.steps]
    starts = [c[0] for c in codes if c]
    segments: list[tuple[list[tuple[float, float]], bool]] = []
    for a, b in zip(starts, starts[1:]):
        if a == b or a not in base.graph or b not in base.graph:
            continue
        try:
            path = nx.shortest_path(base.graph, a, b, weight="minutes")
        except nx.NetworkXNoPath:
            continue
        for u, v in zip(path, path[1:]):
            ferry = base.graph.edges[u, v].get("kind") == "ferry"
            segments.append(([anchors[u], anchors[v]], ferry))
    return segments


def story_base_map(base: Any, story: Story, *, fill_json: str, border_json: str,
                   colours: Mapping[str, str], layers: Iterable[str] = DEFAULT_LAYERS,
                   tiles: bool = False, labels: Mapping[str, str] | None = None,
                   lang: str = "en") -> folium.Map:
    """The part of the story map that does not change between steps.

    Parameters
    ----------
    fill_json, border_json
        Municipality and company-border GeoJSON of the chosen scenario (:mod:`destinations.maps.layers`).
    colours
        Company id -> fill colour.
    layers
        Layer names (see :data:`~destinations.narratives.model.KNOWN_LAYERS`); the land, the labels
        and the path are always drawn.
    labels
        Translated names: ``municipalities``, ``borders``, ``path``, ``places``, ``travel-graph``,
        ``itinerary``.
    lang
        Language of the step titles in the numbered markers' tooltips.
    """
    labels = labels or {}
    shown = set(layers)
    fmap = maps.new_map(tiles=tiles)
    fmap.get_root().header.add_child(folium.Element(_LABEL_CSS))
    _land(fmap, fill_json)
    if shown & {"companies", "municipalities"}:
        maps.add_municipalities(fmap, fill_json, colours,
                                name=labels.get("municipalities", "Municipalities"))
    if shown & {"companies", "borders"}:
        maps.add_company_borders(fmap, border_json, name=labels.get("borders", "Borders"))
    anchors_by_code = municipality_anchors(base)
    if "travel-graph" in shown:
        _travel_graph(fmap, base, anchors_by_code, labels.get("travel-graph", "Travel graph"))
    if "itinerary" in shown:
        group = folium.FeatureGroup(name=labels.get("itinerary", "Route by road and ferry"))
        for points, ferry in route_along_graph(base, story):
            folium.PolyLine(points, color=GRAPH_FERRY if ferry else "#444444", weight=3,
                            opacity=0.85, dash_array="6 5" if ferry else None).add_to(group)
        group.add_to(fmap)

    # Names: companies always, municipalities from MUNICIPALITY_LABEL_ZOOM on.
    names = folium.FeatureGroup(name=labels.get("names", "Names"), control=False)
    for code, (lat, lon) in sorted(anchors_by_code.items()):
        _label((lat, lon), base.municipality_name(code), "municipality").add_to(names)
    for _company, name, lat, lon in company_label_points(fill_json):
        _label((lat, lon), name, "company").add_to(names)
    names.add_to(fmap)
    _ZoomClass(MUNICIPALITY_LABEL_ZOOM).add_to(fmap)

    anchors = [(n, a) for n, a in enumerate(step_anchor(s, base) for s in story.steps)
               if a is not None]
    if len(anchors) >= 2:
        folium.PolyLine([a for _, a in anchors], color=PATH_COLOUR, weight=2, opacity=0.7,
                        dash_array="6 6",
                        tooltip=maps.esc(labels.get("path", "Story path"))).add_to(fmap)
    if "attractions" in shown:
        group = folium.FeatureGroup(name=labels.get("places", "Story places"))
        for number, step in enumerate(story.steps, start=1):
            for place in step_places(step, base):
                folium.CircleMarker((place.lat, place.lon), radius=4, color="#ffffff", weight=1,
                                    fill=True, fill_color=OTHER_FILL, fill_opacity=0.9,
                                    tooltip=maps.esc(f"{number}. {place.name}")).add_to(group)
        group.add_to(fmap)
    steps = folium.FeatureGroup(name=labels.get("steps", "Steps"), control=False)
    for index, anchor in anchors:
        _number(anchor, index + 1, story.steps[index].title.get(lang)).add_to(steps)
    steps.add_to(fmap)
    return fmap


def step_group(base: Any, story: Story, step_id: str, *, fill_json: str,
               label: str = "This step", trip: Any | None = None,
               lang: str = "en") -> folium.FeatureGroup:
    """The current step: its municipalities outlined, its places as large markers with their names,
    its legs in and out highlighted, and ``trip`` (a trip of its ``itinerary_id``, with
    ``days[].legs[].segments[].coords``) drawn when given."""
    step = story.step(step_id)
    index = story.step_index(step_id)
    number = index + 1
    group = folium.FeatureGroup(name=label)
    codes = set(step_codes(step, base))
    features = [f for f in json.loads(fill_json).get("features", [])
                if f.get("properties", {}).get("code") in codes]
    if features:
        folium.GeoJson({"type": "FeatureCollection", "features": features},
                       style_function=lambda _: {"fill": False, "color": STEP_FILL, "weight": 3.5},
                       interactive=False).add_to(group)
    here = step_anchor(step, base)
    if here is not None:
        for other in (index - 1, index + 1):
            if 0 <= other < len(story.steps):
                there = step_anchor(story.steps[other], base)
                if there is not None:
                    folium.PolyLine([there, here], color=STEP_FILL, weight=4, opacity=0.9,
                                    interactive=False).add_to(group)
    if trip is not None:
        for day in getattr(trip, "days", ()):
            for leg in getattr(day, "legs", ()):
                for segment in getattr(leg, "segments", ()):
                    ferry = getattr(segment, "kind", "road") == "ferry"
                    folium.PolyLine([list(c) for c in segment.coords], color=GRAPH_FERRY if ferry
                                    else STEP_FILL, weight=3, opacity=0.8,
                                    dash_array="8 8" if ferry else None).add_to(group)
    for place in step_places(step, base):
        folium.CircleMarker((place.lat, place.lon), radius=10, color="#000000", weight=2.5,
                            fill=True, fill_color=STEP_FILL, fill_opacity=0.95,
                            tooltip=maps.esc(f"{number}. {place.name}")).add_to(group)
        _label((place.lat, place.lon), place.name, "place").add_to(group)
    if here is not None:
        _number(here, number, step.title.get(lang), current=True).add_to(group)
    return group


def story_map(base: Any, story: Story, step_id: str, *, fill_json: str, border_json: str,
              colours: Mapping[str, str], tiles: bool = False,
              labels: Mapping[str, str] | None = None, trip: Any | None = None) -> folium.Map:
    """Base map and step group in one map (for exports and tests)."""
    labels = labels or {}
    lang = labels.get("lang", "en")
    fmap = story_base_map(base, story, fill_json=fill_json, border_json=border_json,
                          colours=colours, layers=story.step(step_id).layers, tiles=tiles,
                          labels=labels, lang=lang)
    step_group(base, story, step_id, fill_json=fill_json, label=labels.get("step", "This step"),
               trip=trip, lang=lang).add_to(fmap)
    return fmap
