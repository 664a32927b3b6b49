"""Folium map builders (no Streamlit). Every text from data is HTML-escaped here.

Maps render without internet: Leaflet's JS and CSS come from the installed
``django-js-lib-leaflet`` package as ``data:`` URIs (streamlit-folium loads a map's ``default_js`` /
``default_css`` URLs into its iframe), and no plugin that needs a CDN is used. Background tiles
are optional; the filled municipalities on a sea-coloured background read well without them.
"""

from __future__ import annotations

import base64
import html
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import folium
import networkx as nx
from branca.element import MacroElement
from jinja2 import Template

#: Paul Tol's "muted" qualitative scheme: distinguishable with the common colour-vision deficiencies.
#: Neighbouring companies never share a colour (graph colouring); the legend names each company.
PALETTE = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
           "#AA4499")
#: Fills that tell apart companies sharing a colour (see :func:`company_styles`).
PATTERNS = ("solid", "stripes", "dots", "cross")
UNAFFILIATED_FILL = "#BBBBBB"
SEA_COLOUR = "#dbe9f4"
DENMARK_CENTER = (56.2, 11.0)
DENMARK_ZOOM = 7


@lru_cache(maxsize=1)
def _leaflet_assets() -> tuple[str, str]:
    """Leaflet 1.9.4 JS and CSS as data: URIs (CSS images inlined too)."""
    import js_lib_leaflet  # installed package shipping Leaflet's dist files

    root = Path(js_lib_leaflet.__file__).parent / "static" / "js_lib_leaflet"
    js = (root / "leaflet.js").read_bytes()
    css = (root / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match) -> str:
        image = root / match.group(1)
        if not image.exists():
            return match.group(0)
        mime = "image/svg+xml" if image.suffix == ".svg" else f"image/{image.suffix.lstrip('.')}"
        return f"url(data:{mime};base64,{base64.b64encode(image.read_bytes()).decode()})"

    css = re.sub(r"url\((images/[^)]+)\)", inline, css)
    return (
        "data:text/javascript;base64," + base64.b64encode(js).decode(),
        "data:text/css;base64," + base64.b64encode(css.encode()).decode(),
    )


class OfflineMap(folium.Map):
    """A folium Map whose Leaflet assets are embedded, so it renders with no network."""

    def __init__(self, *args, **kwargs) -> None:
        js, css = _leaflet_assets()
        self.default_js = [("leaflet", js)]
        self.default_css = [("leaflet_css", css)]
        kwargs.setdefault("tiles", None)
        kwargs.setdefault("prefer_canvas", False)
        super().__init__(*args, **kwargs)
        # Sea-coloured background: without tiles, land (filled polygons) stands out against it.
        self.get_root().header.add_child(
            folium.Element(f"<style>.leaflet-container{{background:{SEA_COLOUR};}}</style>")
        )


class FocusWithoutScroll(MacroElement):
    """Keeps a map's first click. A mousedown on a shape focuses it (and Leaflet focuses the map);
    in a page that has to scroll to show the whole map, that focus scrolls the page under the
    pointer, so the click turns into a drag and is lost. With this element the map takes the focus
    without scrolling. Add it to maps whose clicks matter (``FocusWithoutScroll().add_to(fmap)``).
    """

    _template = Template("""
{% macro script(this, kwargs) %}
(function (map) {
  L.DomEvent.on(map.getContainer(), "mousedown", function (e) {
    if (e.target instanceof SVGElement) { e.preventDefault(); }
  });
  if (map.keyboard && map.keyboard.enabled()) {
    map.keyboard.disable();  // unbinds the handler's own listeners before one is replaced
    map.keyboard._onMouseDown = function () {
      if (!this._focused) { this._map.getContainer().focus({preventScroll: true}); }
    };
    map.keyboard.enable();
  }
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self) -> None:
        super().__init__()
        self._name = "FocusWithoutScroll"


def new_map(*, center=DENMARK_CENTER, zoom=DENMARK_ZOOM, tiles: bool = False) -> OfflineMap:
    """A base map; ``tiles=True`` adds a light background map (needs internet)."""
    fmap = OfflineMap(location=list(center), zoom_start=zoom, control_scale=True)
    if tiles:
        folium.TileLayer("CartoDB positron", name="Background map", control=False).add_to(fmap)
    return fmap


def esc(value: object) -> str:
    """HTML-escape any value for tooltips and popups (None -> '')."""
    return "" if value is None else html.escape(str(value), quote=True)


def company_colours(assignment: Mapping[str, str | None], graph: nx.Graph, *,
                    previous: Mapping[str, str] | None = None) -> dict[str, str]:
    """A colour per company id, different for companies that border each other on the travel graph.

    ``previous`` (``{company id: colour}``, e.g. the colours shown before an edit) is kept wherever
    it still differs from every neighbour, so one move does not repaint the whole map.
    """
    companies = sorted({c for c in assignment.values() if c is not None})
    adjacency = company_adjacency(assignment, graph)
    chosen: dict[str, int] = {}
    used = [0] * len(PALETTE)
    index = {colour: i for i, colour in enumerate(PALETTE)}
    # Keep earlier colours first (most-connected first), dropping any that now clash.
    for company in sorted(companies, key=lambda c: (-adjacency.degree(c), c)):
        keep = index.get((previous or {}).get(company, ""))
        if keep is not None and all(chosen.get(n) != keep for n in adjacency.neighbors(company)):
            chosen[company] = keep
            used[keep] += 1
    # Greedy colouring of the rest, most-connected first; among the colours no neighbour has,
    # take the least used so far, so the colours spread over the companies (deterministic).
    for company in sorted(companies, key=lambda c: (-adjacency.degree(c), c)):
        if company in chosen:
            continue
        taken = {chosen[n] for n in adjacency.neighbors(company) if n in chosen}
        free = [i for i in range(len(PALETTE)) if i not in taken] or list(range(len(PALETTE)))
        pick = min(free, key=lambda i: (used[i], i))
        chosen[company] = pick
        used[pick] += 1
    return {company: PALETTE[chosen[company]] for company in companies}


def company_adjacency(assignment: Mapping[str, str | None], graph: nx.Graph) -> nx.Graph:
    """Companies as nodes, an edge where two of them border each other on the travel graph."""
    adjacency = nx.Graph()
    adjacency.add_nodes_from({c for c in assignment.values() if c is not None})
    for a, b in graph.edges():
        ca, cb = assignment.get(a), assignment.get(b)
        if ca and cb and ca != cb:
            adjacency.add_edge(ca, cb)
    return adjacency


@dataclass(frozen=True)
class CompanyStyle:
    """How a company is filled: a palette colour and a pattern (``solid`` unless another company
    shares the colour: then ``stripes``, ``dots`` or ``cross`` tell them apart)."""

    colour: str
    pattern: str = "solid"


def company_styles(assignment: Mapping[str, str | None], graph: nx.Graph, *,
                   previous: Mapping[str, CompanyStyle] | None = None) -> dict[str, CompanyStyle]:
    """A fill per company, every one different: neighbours never share a colour
    (:func:`company_colours`), and companies that must share one get different patterns.

    ``previous`` keeps the fills shown before an edit wherever they are still unique.
    """
    colours = company_colours(assignment, graph, previous={c: s.colour for c, s in
                                                           (previous or {}).items()})
    styles: dict[str, CompanyStyle] = {}
    taken: set[tuple[str, str]] = set()
    ordered = sorted(colours)
    for company in ordered:  # earlier patterns first, where still free
        before = (previous or {}).get(company)
        if before is not None and before.colour == colours[company] \
                and (before.colour, before.pattern) not in taken:
            styles[company] = before
            taken.add((before.colour, before.pattern))
    for company in ordered:
        if company in styles:
            continue
        colour = colours[company]
        pattern = next((p for p in PATTERNS if (colour, p) not in taken), PATTERNS[-1])
        styles[company] = CompanyStyle(colour, pattern)
        taken.add((colour, pattern))
    return styles


def pattern_id(style: CompanyStyle) -> str:
    """The SVG pattern id of a patterned fill ('' for a solid one)."""
    return "" if style.pattern == "solid" else f"pat-{style.pattern}-{style.colour.lstrip('#')}"


def swatch_css(style: CompanyStyle) -> str:
    """CSS ``background`` of a legend swatch that looks like the fill on the map."""
    colour = esc(style.colour)
    light = "rgba(255,255,255,0.6)"
    if style.pattern == "stripes":
        return (f"repeating-linear-gradient(45deg,{light} 0 2px,transparent 2px 5px),{colour}")
    if style.pattern == "dots":
        return f"radial-gradient({light} 1.4px,transparent 1.6px) 0 0/5px 5px,{colour}"
    if style.pattern == "cross":
        return (f"repeating-linear-gradient(45deg,{light} 0 1.5px,transparent 1.5px 5px),"
                f"repeating-linear-gradient(-45deg,{light} 0 1.5px,transparent 1.5px 5px),{colour}")
    return colour


def marker_radius(visitors: int | None) -> float:
    """Marker radius (px) by annual visitors: area proportional to visitors; unknown -> 4."""
    if not visitors:
        return 4.0
    return max(5.0, min(22.0, (visitors / 4_000_000) ** 0.5 * 22.0))


def add_municipalities(
    fmap: folium.Map,
    geojson: str,
    colours: Mapping[str, str],
    *,
    name: str,
    tooltip_fields: tuple[str, ...] = ("name", "code", "company"),
    tooltip_aliases: tuple[str, ...] = ("", "", ""),
    outlined: Iterable[str] = (),
    fill_by_code: Mapping[str, str] | None = None,
) -> folium.GeoJson:
    """Municipalities filled by ``colours[company_id]``; unaffiliated grey with a dashed outline.

    ``geojson`` features carry escaped ``name``, ``code``, ``company`` (display) and ``company_id``.
    ``outlined`` codes get a thick red outline (violations, selection). ``fill_by_code`` colours
    each municipality by its own colour instead (a metric choropleth).
    """
    flagged = set(outlined)

    def style(feature: dict) -> dict:
        props = feature["properties"]
        company = props.get("company_id")
        is_flagged = props.get("code") in flagged
        if fill_by_code is not None:
            return {"fillColor": fill_by_code.get(props.get("code"), UNAFFILIATED_FILL),
                    "fillOpacity": 0.85, "color": "#D55E00" if is_flagged else "#ffffff",
                    "weight": 3.5 if is_flagged else 0.6}
        return {
            "fillColor": colours.get(company, UNAFFILIATED_FILL) if company else UNAFFILIATED_FILL,
            "fillOpacity": 0.75 if company else 0.55,
            "color": "#D55E00" if is_flagged else "#ffffff",
            "weight": 3.5 if is_flagged else 0.6,
            "dashArray": "4 3" if not company and not is_flagged else None,
        }

    layer = folium.GeoJson(
        json.loads(geojson),
        name=name,
        style_function=style,
        highlight_function=lambda _: {"weight": 2.5, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(fields=list(tooltip_fields), aliases=list(tooltip_aliases),
                                      labels=any(tooltip_aliases), sticky=True),
        zoom_on_click=False,
    )
    layer.add_to(fmap)
    return layer


def add_company_borders(fmap: folium.Map, geojson: str, *, name: str) -> folium.GeoJson:
    """Bold company borders (dissolved geometry), not clickable."""
    layer = folium.GeoJson(
        json.loads(geojson),
        name=name,
        style_function=lambda _: {"fill": False, "color": "#222222", "weight": 2.6, "opacity": 0.9},
        interactive=False,
    )
    layer.add_to(fmap)
    return layer


def attractions_geojson(attractions: Iterable, company_name_of: Mapping[str, str]) -> dict:
    """Point features with escaped properties for :func:`add_attractions`."""
    features = []
    for a in attractions:
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(a.lon, 5), round(a.lat, 5)]},
            "properties": {
                "kind": "attraction",
                "id": esc(a.id),
                "name": esc(a.name),
                "category": esc(a.category),
                "visitors": f"{a.visitors:,}" if a.visitors else "",
                "radius": marker_radius(a.visitors),
                "known": bool(a.visitors),
                "company": esc(company_name_of.get(a.kommune_code, "")),
            },
        })
    return {"type": "FeatureCollection", "features": features}


def add_attractions(fmap: folium.Map, data: dict, *, name: str, labels: Mapping[str, str],
                    highlighted: Iterable[str] = ()) -> folium.GeoJson:
    """Attractions as circles sized by visitors; unknown visitors: small neutral grey circles."""
    marked = set(highlighted)

    def style(feature: dict) -> dict:
        props = feature["properties"]
        hot = props["id"] in marked
        return {
            "fill": True,
            "radius": props["radius"] + (3 if hot else 0),
            "fillColor": "#E69F00" if props["known"] else "#777777",
            "color": "#000000" if hot else "#333333",
            "weight": 3 if hot else 1,
            "fillOpacity": 0.9 if props["known"] else 0.7,
        }

    layer = folium.GeoJson(
        data,
        name=name,
        marker=folium.CircleMarker(radius=5),
        style_function=style,
        tooltip=folium.GeoJsonTooltip(fields=["name", "category", "visitors"],
                                      aliases=[labels.get("name", ""), labels.get("category", ""),
                                               labels.get("visitors", "")], sticky=True),
        zoom_on_click=False,
    )
    layer.add_to(fmap)
    return layer


def legend_html(entries: Iterable[tuple], *, title: str, notes: Iterable[str] = ()) -> str:
    """An HTML legend (escaped) for display beside the map: ``(colour, label)`` pairs, or
    ``(colour, label, pattern)`` triples whose swatch shows the pattern of :func:`company_styles`."""
    rows = []
    for entry in entries:
        colour, label = entry[0], entry[1]
        style = CompanyStyle(colour, entry[2] if len(entry) > 2 else "solid")
        rows.append(
            f'<div style="display:flex;align-items:center;gap:6px;margin:2px 0">'
            f'<span style="display:inline-block;flex:none;width:14px;height:14px;'
            f'background:{swatch_css(style)};border:1px solid #555"></span>'
            f'<span>{esc(label)}</span></div>')
    extra = "".join(f'<div style="color:#444;margin-top:4px">{esc(n)}</div>' for n in notes)
    return f'<div style="font-size:0.85rem"><b>{esc(title)}</b>{"".join(rows)}{extra}</div>'
