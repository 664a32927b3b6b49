"""Folium layers of the scenario pages (no Streamlit). Data text is HTML-escaped.

* :func:`leaky_borders_geojson` / :func:`add_leaky_borders` - the border segments crossed by the
  most modelled day trips;
* :func:`plan_layer` - a whole plan as one layer drawn by our own Leaflet code: fills with patterns
  where companies share a colour, company borders, leaky borders, an in-map legend that can
  highlight a company, the selection of the editor; it can be redrawn inside a mounted map;
* :class:`BoxSelect` - select municipalities by drawing a box (no plugin, so it works offline).
"""

from __future__ import annotations

import json
from typing import Iterable, Mapping

import folium
import shapely
from branca.element import MacroElement
from jinja2 import Template

from destinations.maps.leaflet import UNAFFILIATED_FILL, CompanyStyle, esc, pattern_id, swatch_css

LEAKY_COLOUR = "#7B2D8E"


def leaky_borders_geojson(evaluation, municipality_names: Mapping[str, str],
                          company_names: Mapping[str, str], *, unaffiliated_label: str,
                          share_label: str = "of day trips") -> dict:
    """Line features of ``evaluation.leaky_borders`` (EPSG:4326) with escaped tooltip text.

    Properties: ``label`` ("A (company) – B (company)"), ``share`` (formatted percent),
    ``weight`` (line width in px, by flow share).
    """
    features = []
    borders = [b for b in evaluation.leaky_borders if b.geometry is not None
               and not b.geometry.is_empty]
    top = max((b.share for b in borders), default=0.0) or 1.0
    for border in borders:
        def side(code: str, company: str | None) -> str:
            owner = company_names.get(company, company) if company else unaffiliated_label
            return f"{municipality_names.get(code, code)} ({owner})"

        features.append({
            "type": "Feature",
            "geometry": shapely.geometry.mapping(border.geometry),
            "properties": {
                "label": esc(f"{side(border.code_a, border.company_a)} – "
                             f"{side(border.code_b, border.company_b)}"),
                "share": esc(f"{border.share:.1%} {share_label}"),
                "weight": round(3.0 + 9.0 * border.share / top, 1),
            },
        })
    return {"type": "FeatureCollection", "features": features}


def add_leaky_borders(fmap: folium.Map, data: dict, *, name: str) -> folium.GeoJson:
    """Thick purple lines over the borders crossed by the most day trips (width by flow)."""
    layer = folium.GeoJson(
        data,
        name=name,
        style_function=lambda feature: {"color": LEAKY_COLOUR, "opacity": 0.85,
                                        "weight": feature["properties"]["weight"],
                                        "lineCap": "round"},
        tooltip=folium.GeoJsonTooltip(fields=["label", "share"], aliases=["", ""], labels=False,
                                      sticky=True),
        zoom_on_click=False,
    )
    layer.add_to(fmap)
    return layer


# ------------------------------------------------------------------------------ the plan layer
#: Outline of municipalities that break a hard constraint (below the floor, cut off).
OUTLINE_COLOUR = "#D55E00"
#: Outline of the municipalities selected for the next assignment.
SELECTED_COLOUR = "#000000"


def _js(value, *, is_json: bool = False) -> str:
    """``value`` (or, with ``is_json``, JSON text) as a JavaScript literal that is safe inside a
    ``<script>`` element."""
    text = value if is_json else json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class PlanLayer(folium.FeatureGroup):
    """A feature group drawn by our own Leaflet code (see :func:`plan_layer`).

    It is a :class:`folium.FeatureGroup`, so it can be added to a map like any layer or handed to
    ``st_folium(feature_group_to_add=...)``, which redraws it inside the mounted map: the map is
    not re-created when the plan changes, only this layer is replaced.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
(function (group, map) {
{{ this.body }}
})({{ this.get_name() }}, {{ this._parent.get_name() }});
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, body: str, *, name: str) -> None:
        super().__init__(name=name, control=False)
        self._name = "FeatureGroup"
        self.body = body


_PLAN_JS = """
var D = __FILL__, S = __STYLES__, B = __BORDERS__, K = __LEAKY__, P = __PATTERNS__, O = __OPTIONS__;
var W = window;
W.__planN = W.__planN || 0;
function nonce() { W.__planN += 1; return Date.now() + "-" + W.__planN; }
var svg = W.__planSvg;
if (!svg || !map.hasLayer(svg)) { svg = W.__planSvg = L.svg({padding: 0.5}).addTo(map); }
var NS = "http://www.w3.org/2000/svg", root = svg._container;
var defs = root.querySelector("defs");
if (!defs) { defs = document.createElementNS(NS, "defs"); root.insertBefore(defs, root.firstChild); }
P.forEach(function (p) {
  if (document.getElementById(p[0])) { return; }
  var pat = document.createElementNS(NS, "pattern");
  function shape(tag, attrs) {
    var el = document.createElementNS(NS, tag);
    for (var k in attrs) { el.setAttribute(k, attrs[k]); }
    pat.appendChild(el);
  }
  pat.setAttribute("id", p[0]);
  pat.setAttribute("patternUnits", "userSpaceOnUse");
  pat.setAttribute("width", "7");
  pat.setAttribute("height", "7");
  if (p[2] !== "dots") { pat.setAttribute("patternTransform", "rotate(45)"); }
  shape("rect", {width: 7, height: 7, fill: p[1]});
  if (p[2] === "stripes") { shape("rect", {width: 2.6, height: 7, fill: "#ffffff", "fill-opacity": 0.65}); }
  if (p[2] === "cross") {
    shape("rect", {width: 1.8, height: 7, fill: "#ffffff", "fill-opacity": 0.65});
    shape("rect", {width: 7, height: 1.8, fill: "#ffffff", "fill-opacity": 0.65});
  }
  if (p[2] === "dots") { shape("circle", {cx: 3.5, cy: 3.5, r: 1.6, fill: "#ffffff", "fill-opacity": 0.75}); }
  defs.appendChild(pat);
});
var fill = L.geoJson(D, {
  renderer: svg,
  style: function (f) { return S[f.properties.code]; },
  onEachFeature: function (f, layer) {
    var p = f.properties;
    layer.bindTooltip("<b>" + p.name + "</b> (" + p.code + ")<br>" + p.company
                      + (O.tip && O.tip[p.code] ? "<br>" + O.tip[p.code] : ""), {sticky: true});
    layer.on("mouseover", function () {
      layer.setStyle({weight: Math.max(2.5, S[p.code].weight), color: "#000000"});
    });
    function pending() {  // the toggle shown at once; the page's answer redraws the layer
      if (layer._pendingSel === true) { layer.setStyle({color: "#000000", weight: 4.5, dashArray: null}); }
      if (layer._pendingSel === false) { layer.setStyle({color: "#ffffff", weight: 0.6}); }
    }
    layer.on("mouseout", function () { fill.resetStyle(layer); pending(); });
    if (O.interactive) {
      layer.on("click", function () {
        p._n = nonce();
        var selected = layer._pendingSel === undefined ? / sel$/.test(S[p.code].className)
                                                       : layer._pendingSel;
        layer._pendingSel = !selected;
        pending();
        if (layer._pendingSel) { layer.bringToFront(); }
      });
    }
  }
}).addTo(group);
fill.on("add", function () {
  fill.eachLayer(function (l) { if (S[l.feature.properties.code].front) { l.bringToFront(); } });
});
L.geoJson(B, {renderer: svg, interactive: false,
              style: {fill: false, color: "#222222", weight: 2.6, opacity: 0.9}}).addTo(group);
if (K) {
  L.geoJson(K, {
    renderer: svg,
    style: function (f) {
      return {color: O.leakyColour, opacity: 0.85, weight: f.properties.weight, lineCap: "round"};
    },
    onEachFeature: function (f, l) {
      l.bindTooltip(f.properties.label + "<br>" + f.properties.share, {sticky: true});
    }
  }).addTo(group);
}
function emit(props) {
  props._n = nonce();
  fill.fire("click", {layer: {toGeoJSON: function () {
    return {type: "Feature", geometry: null, properties: props};
  }}});
}
if (W.__planLegend) { map.removeControl(W.__planLegend); W.__planLegend = null; }
if (O.legend) {
  var legend = L.control({position: "topright"});
  legend.onAdd = function () {
    var box = L.DomUtil.create("div", "plan-legend");
    box.innerHTML = O.legend;
    var details = box.querySelector("details");  // stays closed once the user closed it
    if (details) {
      if (W.__legendOpen === false) { details.removeAttribute("open"); }
      details.addEventListener("toggle", function () { W.__legendOpen = details.open; });
    }
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    if (O.interactive) {
      box.addEventListener("click", function (ev) {
        var entry = ev.target.closest("[data-company]");
        if (entry) { emit({kind: "company", company_id: entry.getAttribute("data-company")}); }
      });
    }
    return box;
  };
  legend.addTo(map);
  W.__planLegend = legend;
}
if (O.highlight && W.__planHighlight !== O.highlight) {
  var bounds = L.latLngBounds([]);
  fill.eachLayer(function (l) {
    if (l.feature.properties.company_id === O.highlight) { bounds.extend(l.getBounds()); }
  });
  // keep the company clear of the legend in the top right corner
  if (bounds.isValid()) {
    map.fitBounds(bounds, {paddingTopLeft: [24, 24], paddingBottomRight: [O.legend ? 215 : 24, 24],
                           maxZoom: 10});
  }
}
if (!O.highlight && W.__planHighlight && O.home) { map.setView(O.home[0], O.home[1]); }
W.__planHighlight = O.highlight || null;
if (O.interactive && O.points) {
  map.off("boxselectend");
  map.on("boxselectend", function (e) {
    var codes = [];
    for (var c in O.points) { if (e.bounds.contains(O.points[c])) { codes.push(c); } }
    if (codes.length) { emit({kind: "box", codes: codes}); }
  });
}
"""

_LEGEND_CSS = (
    "<style>.plan-legend{background:rgba(255,255,255,.93);padding:3px 7px;border-radius:4px;"
    "box-shadow:0 1px 4px rgba(0,0,0,.3);font:11px/1.25 sans-serif;max-height:300px;"
    "overflow-y:auto;max-width:200px}.plan-legend summary{cursor:pointer;font-weight:600;"
    "margin-bottom:2px}.plan-legend .entry{display:flex;align-items:center;gap:5px;"
    "margin:1px 0;padding:0 2px;border-radius:3px}"
    ".plan-legend .entry[data-company]{cursor:pointer}"
    ".plan-legend .entry[data-company]:hover{background:#eee}"
    ".plan-legend .entry.on{background:#fde7c8;font-weight:600}"
    ".plan-legend .sw{flex:none;width:11px;height:11px;border:1px solid #555}"
    ".plan-legend .hint{color:#555;margin-top:2px;white-space:normal}</style>"
)


def plan_legend_html(entries: Iterable[tuple[str | None, str, CompanyStyle]], *, title: str,
                     highlight: str | None = None, hint: str = "") -> str:
    """The legend drawn inside the map: ``(company id or None, label, style)``; entries with an id
    can be clicked (the map reports ``{"kind": "company", "company_id": ...}``)."""
    rows = []
    for cid, label, style in entries:
        data = f' data-company="{esc(cid)}"' if cid else ""
        on = " on" if cid and cid == highlight else ""
        rows.append(f'<div class="entry{on}"{data}><span class="sw" style="background:'
                    f'{swatch_css(style)}"></span><span>{esc(label)}</span></div>')
    tip = f'<div class="hint">{esc(hint)}</div>' if hint else ""
    return (f'{_LEGEND_CSS}<details open><summary>{esc(title)}</summary>{"".join(rows)}{tip}'
            "</details>")


def plan_styles(assignment: Mapping[str, str | None], styles: Mapping[str, CompanyStyle], *,
                selected: Iterable[str] = (), outlined: Iterable[str] = (),
                highlight: str | None = None) -> dict[str, dict]:
    """The Leaflet path style of every municipality: its company's fill (pattern included), a red
    outline where it breaks a constraint, a black one where it is selected, others faded while a
    company is highlighted. ``className`` carries ``m-<code>`` (and ``sel`` when selected) so
    browser tests and benchmarks can find a municipality's shape."""
    chosen, flagged = set(selected), set(outlined)
    out = {}
    for code, company in assignment.items():
        style = styles.get(company) if company else None
        if style is None:
            fill, opacity = UNAFFILIATED_FILL, 0.55
        else:
            pid = pattern_id(style)
            fill, opacity = (f"url(#{pid})" if pid else style.colour), 0.78
        if highlight:
            opacity = 0.9 if company == highlight else 0.18
        entry = {"fillColor": fill, "fillOpacity": opacity, "color": "#ffffff", "weight": 0.6,
                 "dashArray": None if company else "4 3", "className": f"muni m-{code}",
                 "front": False}
        if code in flagged:
            entry.update(color=OUTLINE_COLOUR, weight=3.5, dashArray=None, front=True)
        if code in chosen:
            entry.update(color=SELECTED_COLOUR, weight=4.5, dashArray=None, front=True,
                         className=f"muni m-{code} sel")
        out[code] = entry
    return out


def plan_layer(fill_geojson: str, border_geojson: str, assignment: Mapping[str, str | None],
               styles: Mapping[str, CompanyStyle], *, name: str, selected: Iterable[str] = (),
               outlined: Iterable[str] = (), highlight: str | None = None,
               leaky: dict | None = None, legend: str = "", points: Mapping | None = None,
               interactive: bool = False, tooltip_extra: Mapping[str, str] | None = None,
               home: tuple[tuple[float, float], float] | None = None) -> PlanLayer:
    """A plan as one layer: filled municipalities (patterns where companies share a colour),
    company borders, leaky borders, an in-map legend, the selection and a highlighted company.

    ``fill_geojson`` / ``border_geojson`` come from :mod:`destinations.maps.layers` (text already
    escaped); ``legend`` from :func:`plan_legend_html`. With ``interactive`` a click on a
    municipality reports its feature with a fresh ``_n`` (so a second click on the same shape is
    reported too), a click on a legend entry ``{"kind": "company", ...}`` and a box drawn with
    :class:`BoxSelect` ``{"kind": "box", "codes": [...]}`` of the municipalities whose ``points``
    (``{code: (lat, lon)}``) lie inside it. ``tooltip_extra`` adds a line (escaped HTML) per code.
    A highlighted company is framed once; when the highlight is cleared the map returns to
    ``home`` (``(center, zoom)``).
    """
    patterns = sorted({(pattern_id(s), s.colour, s.pattern) for s in styles.values()
                       if s.pattern != "solid"})
    options = {"interactive": bool(interactive), "highlight": highlight or None,
               "legend": legend or None, "leakyColour": LEAKY_COLOUR,
               "points": {c: [round(p[0], 5), round(p[1], 5)] for c, p in (points or {}).items()}
               or None,
               "tip": dict(tooltip_extra) if tooltip_extra else None,
               "home": [list(home[0]), home[1]] if home else None}
    body = (_PLAN_JS.replace("__FILL__", _js(fill_geojson, is_json=True))
            .replace("__STYLES__", _js(plan_styles(assignment, styles, selected=selected,
                                                   outlined=outlined, highlight=highlight)))
            .replace("__BORDERS__", _js(border_geojson, is_json=True))
            .replace("__LEAKY__", _js(leaky) if leaky and leaky.get("features") else "null")
            .replace("__PATTERNS__", _js([list(p) for p in patterns]))
            .replace("__OPTIONS__", _js(options)))
    return PlanLayer(body, name=name)


class BoxSelect(MacroElement):
    """Select municipalities with a box: drag with Shift held, or switch the box mode on with the
    button under the zoom control and drag. Replaces Leaflet's Shift-drag zoom; the map fires
    ``boxselectend`` with the box's bounds (:func:`plan_layer` turns it into a selection).
"""

    _template = Template("""
{% macro script(this, kwargs) %}
(function (map) {
  var Box = L.Map.BoxZoom.extend({
    _onMouseDown: function (e) {
      if (!(e.shiftKey || map._boxMode) || ((e.which !== 1) && (e.button !== 1))) { return false; }
      this._clearDeferredResetState();
      this._resetState();
      L.DomUtil.disableTextSelection();
      L.DomUtil.disableImageDrag();
      this._startPoint = this._map.mouseEventToContainerPoint(e);
      L.DomEvent.on(document, {contextmenu: L.DomEvent.stop, mousemove: this._onMouseMove,
                               mouseup: this._onMouseUp, keydown: this._onKeyDown}, this);
    },
    _onMouseUp: function (e) {
      if ((e.which !== 1) && (e.button !== 1)) { return; }
      this._finish();
      if (!this._moved) { return; }
      this._clearDeferredResetState();
      this._resetStateTimeout = setTimeout(L.Util.bind(this._resetState, this), 0);
      var bounds = L.latLngBounds(this._map.containerPointToLatLng(this._startPoint),
                                  this._map.containerPointToLatLng(this._point));
      this._map.fire("boxselectend", {bounds: bounds});
    }
  });
  map.boxZoom.disable();
  map.boxSelect = new Box(map);
  map.boxSelect.enable();
  var Toggle = L.Control.extend({
    options: {position: "topleft"},
    onAdd: function () {
      var bar = L.DomUtil.create("div", "leaflet-bar leaflet-control");
      var a = L.DomUtil.create("a", "box-select-toggle", bar);
      a.href = "#";
      a.title = {{ this.title_json }};
      a.setAttribute("role", "button");
      a.setAttribute("aria-pressed", "false");
      a.innerHTML = "&#9633;";
      a.style.fontSize = "20px";
      L.DomEvent.disableClickPropagation(bar);
      L.DomEvent.on(a, "click", function (ev) {
        L.DomEvent.preventDefault(ev);
        map._boxMode = !map._boxMode;
        a.style.background = map._boxMode ? "#fde7c8" : "";
        a.setAttribute("aria-pressed", map._boxMode ? "true" : "false");
        if (map._boxMode) { map.dragging.disable(); } else { map.dragging.enable(); }
      });
      return bar;
    }
  });
  new Toggle().addTo(map);
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, title: str) -> None:
        super().__init__()
        self._name = "BoxSelect"
        self.title_json = _js(title)
