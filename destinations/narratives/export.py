"""Exports: a single self-contained HTML story map, and the story JSON.

The HTML file carries every text and every figure inline. Only Leaflet (from unpkg, pinned with a
subresource-integrity hash) and the OpenStreetMap tiles load from the web; without them the map box
stays hidden and the story still reads as plain HTML sections, one per step, with previous/next
links and a table of contents.

Safety: every text from the story or the data goes through :func:`html.escape`; URLs are printed
only if they are http(s); the data for the map sits in ``<script type="application/json">`` with
``<``, ``>``, ``&`` and the JavaScript line separators escaped as ``\\uXXXX`` so no text can close
the script element; the map script builds tooltips from DOM text nodes, never from HTML strings.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlparse

from destinations.narratives.coherence import story_coherence
from destinations.narratives.model import Story
from destinations.narratives.places import resolve_view, step_places

LEAFLET_VERSION = "1.9.4"
LEAFLET_JS = f"https://unpkg.com/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS = f"https://unpkg.com/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"
#: Subresource-integrity hashes of the pinned files (checked against the copies shipped by
#: django-js-lib-leaflet 1.9.4).
LEAFLET_JS_SRI = "sha256-20nQCchB9co0qIjJZRGuk2/Z9VM+kNiyxNV1lvTlZBo="
LEAFLET_CSS_SRI = "sha256-p4NxAoJBhIIN+hmNHrzRCf9tD/miZyoHS5obTRR9BMY="
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = "© OpenStreetMap contributors"

LABELS = {
    "en": {
        "contents": "Steps", "step": "Step", "of": "of", "prev": "Previous", "next": "Next",
        "places": "Places", "media": "Media", "credit": "Credit", "company": "Destination company",
        "unaffiliated": "unaffiliated (no destination company)", "approx": "position approximate",
        "coherence": "Companies under the scenario",
        "es": "Effective splits (visitor-weighted / every place equal)",
        "cooperate": "Must cooperate", "none": "none (one company)",
        "generated": "Texts drafted from the attraction data; figures carry their source. Map: "
                     "Leaflet and OpenStreetMap tiles load from the web; the text reads without "
                     "them.",
        "municipality": "municipality", "top": "Back to the steps",
    },
    "da": {
        "contents": "Trin", "step": "Trin", "of": "af", "prev": "Forrige", "next": "Næste",
        "places": "Steder", "media": "Medier", "credit": "Kredit", "company": "Destinationsselskab",
        "unaffiliated": "uden for destinationsselskaber", "approx": "omtrentlig placering",
        "coherence": "Selskaber i scenariet",
        "es": "Effektive opsplitninger (vægtet med besøgstal / alle steder lige)",
        "cooperate": "Skal samarbejde", "none": "ingen (ét selskab)",
        "generated": "Teksterne er udkast skrevet ud fra attraktionsdata; tal har kilde. Kort: "
                     "Leaflet og OpenStreetMap-fliser hentes fra nettet; teksten kan læses uden.",
        "municipality": "kommune", "top": "Tilbage til trinene",
    },
}

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1f2933;
line-height:1.5;background:#fff}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
header h1{margin-top:1.5rem}
#map{height:45vh;min-height:260px;max-width:60rem;margin:0 auto 1rem auto;display:none;
position:sticky;top:0;z-index:1;border-bottom:1px solid #ccd}
section.step{border-top:1px solid #dde;padding:1rem 0 2rem 0}
section.step:target h2{background:#fff4c2}
.meta{color:#52606d;font-size:.9rem}
nav.prevnext{display:flex;justify-content:space-between;gap:1rem;margin-top:1rem}
ul.places li{margin:.2rem 0}
footer{color:#52606d;font-size:.85rem;padding-bottom:2rem}
"""

# The map script reads the JSON island; it never puts data into HTML strings.
_JS = """
(function(){
  if (typeof L === 'undefined') { return; }
  var data = JSON.parse(document.getElementById('story-data').textContent);
  var box = document.getElementById('map');
  box.style.display = 'block';
  var map = L.map(box, {scrollWheelZoom: false});
  L.tileLayer(data.tiles.url, {maxZoom: 18, attribution: data.tiles.attribution}).addTo(map);
  function label(text){ var span = document.createElement('span'); span.textContent = text; return span; }
  // Context that reads without tiles: the story path and every place as a small marker.
  var path = [];
  data.steps.forEach(function(step, i){
    if (step.places.length) {
      var lat = 0, lon = 0;
      step.places.forEach(function(p){ lat += p.lat; lon += p.lon; });
      path.push([lat / step.places.length, lon / step.places.length]);
    }
    step.places.forEach(function(p){
      L.circleMarker([p.lat, p.lon], {radius: 4, weight: 1, color: '#ffffff', fillColor: '#555555',
        fillOpacity: 0.9}).bindTooltip(label((i + 1) + '. ' + p.name)).addTo(map);
    });
  });
  if (path.length > 1) { L.polyline(path, {color: '#222222', weight: 2, dashArray: '6 6'}).addTo(map); }
  var layers = {};
  data.steps.forEach(function(step, i){
    var group = L.featureGroup();
    step.places.forEach(function(p){
      L.circleMarker([p.lat, p.lon], {radius: 10, weight: 2.5, color: '#000000',
        fillColor: '#D55E00', fillOpacity: 0.95}).bindTooltip(label((i + 1) + '. ' + p.name))
        .addTo(group);
    });
    layers[step.id] = group;
  });
  var current = null;
  function show(id){
    var step = null;
    data.steps.forEach(function(s){ if (s.id === id) { step = s; } });
    if (!step || current === id) { return; }
    if (current && layers[current]) { map.removeLayer(layers[current]); }
    layers[id].addTo(map);
    map.setView(step.view.center, step.view.zoom);
    current = id;
  }
  function fromHash(){
    var h = decodeURIComponent(window.location.hash || '').replace(/^#step-/, '');
    show(h || data.steps[0].id);
  }
  window.addEventListener('hashchange', fromHash);
  if ('IntersectionObserver' in window) {
    var seen = new IntersectionObserver(function(entries){
      entries.forEach(function(e){ if (e.isIntersecting) { show(e.target.getAttribute('data-step')); } });
    }, {rootMargin: '-50% 0px -45% 0px'});
    document.querySelectorAll('section.step').forEach(function(s){ seen.observe(s); });
  }
  fromHash();
})();
"""


def esc(value: Any) -> str:
    """HTML-escape any value as text (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def json_for_script(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: ``<``, ``>``, ``&``, U+2028/9 escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def safe_url(url: str) -> str | None:
    """The URL if it is an absolute http(s) address, else None (it is then shown as text only)."""
    parsed = urlparse(url)
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc and not any(
            ch.isspace() for ch in url):
        return url
    return None


def paragraphs_html(text: str) -> str:
    """Plain text to escaped ``<p>`` paragraphs (blank line: new paragraph; newline: ``<br>``)."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "\n".join("<p>" + "<br>".join(esc(line) for line in block.split("\n")) + "</p>"
                     for block in blocks)


def _number(value: float, lang: str) -> str:
    text = "–" if value != value else f"{value:.2f}"
    return text.replace(".", ",") if lang == "da" else text


def story_payload(story: Story, base: Any, *, lang: str = "en") -> dict[str, Any]:
    """What the map script needs: per step its id, title, view and places (WGS84)."""
    steps = []
    for step in story.steps:
        view = resolve_view(step, base)
        steps.append({
            "id": step.id,
            "title": step.title.get(lang),
            "view": {"center": list(view.center), "zoom": view.zoom},
            "places": [{"kind": p.kind, "id": p.id, "name": p.name, "code": p.code,
                        "lat": p.lat, "lon": p.lon} for p in step_places(step, base)],
        })
    return {"story": story.to_dict(), "lang": lang, "steps": steps,
            "tiles": {"url": TILE_URL, "attribution": TILE_ATTRIBUTION}}


def story_html(story: Story, base: Any, *, lang: str = "en",
               assignment: Mapping[str, str | None] | None = None,
               labels: Mapping[str, str] | None = None) -> str:
    """The story as one self-contained HTML page (see the module docstring).

    Parameters
    ----------
    story, base
        The story (validated) and the loaded base data.
    lang
        "en" or "da".
    assignment
        Optional scenario (kommune code -> company or None): adds each place's company and a
        coherence summary.
    labels
        Company key -> display name (e.g. :func:`~destinations.narratives.coherence.company_labels`).
    """
    words = LABELS.get(lang, LABELS["en"])
    labels = labels or {}

    def company_name(key: str | None) -> str:
        return words["unaffiliated"] if key is None else labels.get(key, key)

    title = story.title.get(lang)
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f'<link rel="stylesheet" href="{LEAFLET_CSS}" integrity="{LEAFLET_CSS_SRI}" '
        'crossorigin="">',
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<header id="top">',
        f"<h1>{esc(title)}</h1>",
    ]
    if assignment is not None:
        coherence = story_coherence(story, base, assignment)
        cooperate = ", ".join(company_name(c) for c in coherence.must_cooperate) or words["none"]
        spans = ", ".join(company_name(c) for c, _ in coherence.shares)
        out += [
            '<dl class="meta">',
            f"<dt>{esc(words['coherence'])}</dt><dd>{esc(spans)}</dd>",
            f"<dt>{esc(words['es'])}</dt><dd>{esc(_number(coherence.effective_splits, lang))} / "
            f"{esc(_number(coherence.effective_splits_equal, lang))}</dd>",
            f"<dt>{esc(words['cooperate'])}</dt><dd>{esc(cooperate)}</dd>",
            "</dl>",
        ]
    out.append(f'<nav aria-label="{esc(words["contents"])}"><h2>{esc(words["contents"])}</h2><ol>')
    for step in story.steps:
        out.append(f'<li><a href="#step-{esc(step.id)}">{esc(step.title.get(lang))}</a></li>')
    out += ["</ol></nav>", "</header>", '<div id="map" aria-hidden="true"></div>', "<main>"]
    total = len(story.steps)
    for index, step in enumerate(story.steps):
        out.append(f'<section class="step" id="step-{esc(step.id)}" data-step="{esc(step.id)}">')
        out.append(f'<p class="meta">{esc(words["step"])} {index + 1} {esc(words["of"])} '
                   f"{total}</p>")
        out.append(f"<h2>{esc(step.title.get(lang))}</h2>")
        out.append(paragraphs_html(step.body.get(lang)))
        places = step_places(step, base)
        if places:
            out.append(f'<h3>{esc(words["places"])}</h3><ul class="places">')
            for place in places:
                bits = [base.municipality_name(place.code)]
                if place.kind == "municipality":
                    bits = [words["municipality"] + " " + place.code]
                if assignment is not None and place.code in assignment:
                    bits.append(f"{words['company']}: "
                                f"{company_name(assignment[place.code] or None)}")
                if place.approx:
                    bits.append(words["approx"])
                bits.append(f"{place.lat:.4f}, {place.lon:.4f}")
                out.append(f"<li>{esc(place.name)} <span class=\"meta\">({esc('; '.join(bits))})"
                           "</span></li>")
            out.append("</ul>")
        if step.media:
            out.append(f'<h3>{esc(words["media"])}</h3><ul class="media">')
            for media in step.media:
                url = safe_url(media.url)
                label = media.caption or media.alt or media.url
                link = (f'<a href="{esc(url)}" rel="noopener noreferrer" title="{esc(media.alt)}">'
                        f"{esc(label)}</a>") if url else esc(label)
                credit = f' <span class="meta">({esc(words["credit"])}: {esc(media.credit)})</span>' \
                    if media.credit else ""
                out.append(f"<li>{link}{credit}</li>")
            out.append("</ul>")
        out.append('<nav class="prevnext">')
        if index > 0:
            prev = story.steps[index - 1]
            out.append(f'<a href="#step-{esc(prev.id)}" rel="prev">← {esc(words["prev"])}: '
                       f"{esc(prev.title.get(lang))}</a>")
        else:
            out.append(f'<a href="#top">↑ {esc(words["top"])}</a>')
        if index + 1 < total:
            nxt = story.steps[index + 1]
            out.append(f'<a href="#step-{esc(nxt.id)}" rel="next">{esc(words["next"])}: '
                       f"{esc(nxt.title.get(lang))} →</a>")
        out.append("</nav>")
        out.append("</section>")
    out += [
        "</main>",
        f'<footer><p>{esc(words["generated"])}</p></footer>',
        '<script type="application/json" id="story-data">'
        + json_for_script(story_payload(story, base, lang=lang)) + "</script>",
        f'<script src="{LEAFLET_JS}" integrity="{LEAFLET_JS_SRI}" crossorigin=""></script>',
        f"<script>{_JS}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def story_json(story: Story) -> str:
    """The story document as JSON text (round-trips through ``parse_story``)."""
    return story.to_json(indent=2) + "\n"


def write_story(story: Story, base: Any, out_path: str | Path, *, fmt: str = "html",
                lang: str = "en", assignment: Mapping[str, str | None] | None = None,
                labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Write ``story`` to ``out_path`` as ``fmt`` ("html" or "json"); return a JSON-ready summary."""
    if fmt == "html":
        text = story_html(story, base, lang=lang, assignment=assignment, labels=labels)
    elif fmt == "json":
        text = story_json(story)
    else:
        raise ValueError(f"unknown export format {fmt!r}; use 'html' or 'json'")
    path = Path(out_path)
    data = text.encode("utf-8")
    path.write_bytes(data)
    return {"id": story.id, "format": fmt, "path": str(path), "bytes": len(data),
            "steps": len(story.steps), "lang": lang}
