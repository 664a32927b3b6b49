"""A static story map as inline SVG, drawn from the municipal boundaries: no tiles, no scripts.

Used by the exports (HTML and PDF): the map must read on paper and offline. It shows

* the sea and the land, municipalities filled by destination company (a pale colour per company,
  neighbours never sharing one) with thin municipal borders and darker company outlines, so the
  coastline and the neighbours around a step are always visible;
* labels: company names (spaced capitals), municipality names, and the story's places, placed
  greedily by priority so that no two labels overlap (a label that does not fit is left out, never
  drawn over another);
* the whole route (the steps' anchor points in order, dashed), every step as a numbered circle, the
  current step (if any) and its legs highlighted in vermilion;
* a scale bar and the boundary credit.

Geometry is EPSG:25832 (metres), so the SVG is a true-scale map without another projection. The
frame of a step map is the step's places with a margin, wide enough to show the step's whole
municipalities and their neighbours (:func:`context_span`), so a step never zooms to one blank
polygon. Every text is XML-escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import numpy as np
import shapely
from pyproj import Transformer

from destinations.narratives.model import Story
from destinations.narratives.places import CONTEXT_SPAN_KM, context_span_km, step_places
from destinations.settings import ANALYSIS_CRS, DISPLAY_CRS

#: Smallest map span (metres); a step map's span follows places.CONTEXT_SPAN_KM.
MIN_SPAN_M = CONTEXT_SPAN_KM[0] * 1000.0
SEA = "#dbe9f4"
UNAFFILIATED_FILL = "#ececec"
ROUTE = "#333333"
CURRENT = "#D55E00"  # vermilion, as on the interactive map
#: Company fills: Paul Tol's "light" and "muted" colours without the blues (land must not look
#: like sea), drawn half-way to white so black labels read on every one of them, also in print.
BASE_COLOURS = ("#44BB99", "#BBCC33", "#EEDD88", "#EE8866", "#FFAABB", "#AAAA00", "#CC6677",
                "#AA4499", "#DDCC77")


def _pale(colour: str, amount: float = 0.5) -> str:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02x}" for c in (red, green, blue))


PALETTE = tuple(_pale(c) for c in BASE_COLOURS)
CREDIT = {"en": "Boundaries: DAGI 1:500 000 (2014), Geodatastyrelsen & Danske Kommuner",
          "da": "Grænser: DAGI 1:500 000 (2014), Geodatastyrelsen & Danske Kommuner"}
#: The credit of a small map (the page states the full one).
SHORT_CREDIT = {"en": "Boundaries: DAGI (2014)", "da": "Grænser: DAGI (2014)"}
MAP_WORD = {"en": "Map", "da": "Kort"}
STEP_WORD = {"en": "step", "da": "trin"}

_TO_METRES = Transformer.from_crs(DISPLAY_CRS, ANALYSIS_CRS, always_xy=True)


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


@dataclass(frozen=True)
class Frame:
    """The map window in EPSG:25832 metres and its size in pixels."""

    minx: float
    miny: float
    maxx: float
    maxy: float
    width: int
    height: int

    @property
    def scale(self) -> float:
        """Pixels per metre."""
        return self.width / (self.maxx - self.minx)

    def px(self, x: float, y: float) -> tuple[float, float]:
        return ((x - self.minx) * self.scale, (self.maxy - y) * self.scale)


def frame_for(points: Iterable[tuple[float, float]], *, width: int, min_span: float,
              margin: float = 0.18, aspect: tuple[float, float] = (0.62, 1.1)) -> Frame:
    """A frame around ``points`` (x, y metres) with a margin, at least ``min_span`` wide and high,
    and a height/width ratio within ``aspect`` (the short side grows, never the content shrinks)."""
    xs, ys = zip(*points)
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    w = max((max(xs) - min(xs)) * (1 + 2 * margin), min_span)
    h = max((max(ys) - min(ys)) * (1 + 2 * margin), min_span * aspect[0])
    ratio = h / w
    if ratio < aspect[0]:
        h = w * aspect[0]
    elif ratio > aspect[1]:
        w = h / aspect[1]
    height = int(round(width * h / w))
    return Frame(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, width, height)


def context_span(base: Any, codes: Iterable[str]) -> float:
    """How wide a step map must be (metres): :func:`~destinations.narratives.places.context_span_km`."""
    return context_span_km(base, codes) * 1000.0


def _metres(lat: float, lon: float) -> tuple[float, float]:
    x, y = _TO_METRES.transform(lon, lat)
    return float(x), float(y)


def step_points(story: Story, base: Any) -> list[list[tuple[float, float, str]]]:
    """Per step: its places as (x, y, name) in metres."""
    return [[(*_metres(p.lat, p.lon), p.name) for p in step_places(step, base)]
            for step in story.steps]


def _anchor(points: list[tuple[float, float, str]]) -> tuple[float, float] | None:
    if not points:
        return None
    return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))


def company_colours(assignment: Mapping[str, str | None], graph: Any) -> dict[str, str]:
    """A pale colour per company; companies that border each other get different ones."""
    companies = sorted({c for c in assignment.values() if c})
    neighbours: dict[str, set[str]] = {c: set() for c in companies}
    for a, b in graph.edges():
        ca, cb = assignment.get(a), assignment.get(b)
        if ca and cb and ca != cb:
            neighbours[ca].add(cb)
            neighbours[cb].add(ca)
    chosen: dict[str, int] = {}
    used = [0] * len(PALETTE)
    for company in sorted(companies, key=lambda c: (-len(neighbours[c]), c)):
        taken = {chosen[n] for n in neighbours[company] if n in chosen}
        free = [i for i in range(len(PALETTE)) if i not in taken] or list(range(len(PALETTE)))
        pick = min(free, key=lambda i: (used[i], i))
        chosen[company] = pick
        used[pick] += 1
    return {c: PALETTE[i] for c, i in chosen.items()}


def _path(geometry: Any, frame: Frame) -> str:
    """SVG path data of a (multi)polygon or (multi)line in frame pixels (one decimal)."""
    parts: list[str] = []
    for part in shapely.get_parts(geometry):
        rings = ([part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part])
        for ring in rings:
            coords = np.asarray(ring.coords)
            if len(coords) < 2:
                continue
            xs = (coords[:, 0] - frame.minx) * frame.scale
            ys = (frame.maxy - coords[:, 1]) * frame.scale
            rest = " ".join(f"{x:.1f} {y:.1f}" for x, y in zip(xs[1:], ys[1:]))
            parts.append(f"M{xs[0]:.1f} {ys[0]:.1f}L{rest}"
                         + ("Z" if part.geom_type == "Polygon" else ""))
    return " ".join(parts)


class _Labels:
    """Greedy, collision-free label placement (priority is the order of :meth:`add` calls)."""

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.boxes: list[tuple[float, float, float, float]] = []
        self.items: list[str] = []

    def reserve(self, x: float, y: float, radius: float) -> None:
        self.boxes.append((x - radius, y - radius, x + radius, y + radius))

    def _free(self, box: tuple[float, float, float, float]) -> bool:
        x0, y0, x1, y1 = box
        if x0 < 2 or y0 < 2 or x1 > self.frame.width - 2 or y1 > self.frame.height - 16:
            return False
        return not any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in self.boxes)

    def add(self, text: str, x: float, y: float, *, size: float, css: str, fill: str,
            weight: str = "normal", spacing: float = 0.0, offsets: Iterable[tuple[float, float]] = (
                (0.0, 0.0),), anchor: str = "middle", force: bool = False) -> bool:
        """Place ``text`` at the first offset where it overlaps nothing; ``force``: at the first
        offset anyway when none is free (for the one label a map must have)."""
        # Rough glyph widths of a sans-serif face: capitals and bold run wider.
        factor = 1.08 if weight == "bold" else 1.0
        width = sum((0.68 if ch.isupper() else 0.3 if ch in " .,'-/()" else 0.55) * size * factor
                    + spacing for ch in text) + 4
        offsets = tuple(offsets)
        for number, (dx, dy) in enumerate(offsets + ((offsets[0],) if force else ())):
            last = force and number == len(offsets)
            tx, ty = x + dx, y + dy
            x0 = tx - width / 2 if anchor == "middle" else (tx if anchor == "start" else tx - width)
            box = (x0, ty - size * 0.85, x0 + width, ty + size * 0.3)
            if last or self._free(box):
                self.boxes.append(box)
                extra = f' letter-spacing="{spacing:.1f}"' if spacing else ""
                self.items.append(
                    f'<text class="{css}" x="{tx:.1f}" y="{ty:.1f}" font-size="{size:.1f}" '
                    f'font-weight="{weight}" text-anchor="{anchor}" fill="{fill}"{extra} '
                    f'stroke="#ffffff" stroke-width="3" stroke-linejoin="round" '
                    f'paint-order="stroke">{esc(text)}</text>')
                return True
        return False


def _scale_bar(frame: Frame, lang: str) -> str:
    target_m = (frame.maxx - frame.minx) / 5
    nice = [1, 2, 5, 10, 20, 25, 50, 100, 200]
    km = max([n for n in nice if n * 1000 <= target_m] or [1])
    length = km * 1000 * frame.scale
    x0, y0 = 10.0, frame.height - 22.0
    label = f"{km} km"
    return (f'<g class="scale"><rect x="{x0 - 4:.1f}" y="{y0 - 12:.1f}" width="{length + 8:.1f}" '
            f'height="18" fill="#ffffff" fill-opacity="0.8"/>'
            f'<path d="M{x0:.1f} {y0:.1f} h{length:.1f}" stroke="#222222" stroke-width="3"/>'
            f'<text x="{x0:.1f}" y="{y0 - 4:.1f}" font-size="10" fill="#222222">{esc(label)}'
            "</text></g>")


def story_svg(story: Story, base: Any, *, lang: str = "en", step_id: str | None = None,
              assignment: Mapping[str, str | None] | None = None,
              labels: Mapping[str, str] | None = None, width: int = 720,
              svg_id: str | None = None) -> str:
    """The story map as an inline ``<svg>`` element (no XML declaration, no external reference).

    Parameters
    ----------
    story, base
        The story (its places must exist in ``base``) and the loaded base data.
    lang
        "en" or "da" for the map's own words (title, credit).
    step_id
        None: the whole story framed. A step id: that step framed with its surroundings, its
        markers and legs highlighted (the rest of the route stays drawn).
    assignment
        Kommune code -> company key (None: no company) for fills and company labels; default
        today's companies (``base.today_assignment``).
    labels
        Company key -> display name (default: today's company names).
    width
        Width in pixels (the height follows the frame).
    svg_id
        Id prefix for the ``<title>``/``<desc>`` elements (unique per page).
    """
    assignment = dict(assignment if assignment is not None else base.today_assignment)
    labels = dict(labels if labels is not None else base.today_company_names)
    per_step = step_points(story, base)
    anchors = [_anchor(points) for points in per_step]
    current = story.step_index(step_id) if step_id is not None else None
    if current is not None:
        focus = [(x, y) for x, y, _ in per_step[current]]
        span = context_span(base, (p.code for p in step_places(story.steps[current], base)))
        frame = frame_for(focus or [a for a in anchors if a], width=width, min_span=span)
    else:
        focus = [(x, y) for points in per_step for x, y, _ in points]
        frame = frame_for(focus or [(700_000.0, 6_200_000.0)], width=width, min_span=MIN_SPAN_M)
    ident = svg_id or f"map-{story.id}" + (f"-{step_id}" if step_id else "")
    tolerance = 1.2 / frame.scale  # about one pixel: invisible, and a small file
    window = (frame.minx, frame.miny, frame.maxx, frame.maxy)

    municipalities = base.municipalities
    clipped = shapely.clip_by_rect(municipalities.geometry.values, *window)
    keep = ~shapely.is_empty(clipped)
    codes = [str(c) for c in municipalities["code"].values[keep]]
    shapes = shapely.coverage_simplify(clipped[keep], tolerance) if keep.any() else clipped[keep]
    colours = company_colours(assignment, base.graph)
    step_codes = ({p.code for p in step_places(story.steps[current], base)}
                  if current is not None else set())

    out: list[str] = []
    title = f"{MAP_WORD.get(lang, 'Map')}: {story.title.get(lang)}"
    if current is not None:
        title += f" - {STEP_WORD.get(lang, 'step')} {current + 1}: {story.steps[current].title.get(lang)}"
    names = [base.municipality_name(c) for c in dict.fromkeys(
        p.code for step in story.steps for p in step_places(step, base))]
    desc = ", ".join(f"{n + 1}. {story.steps[n].title.get(lang)}" for n in range(len(story.steps)))
    out.append(f'<svg class="story-map" viewBox="0 0 {frame.width} {frame.height}" '
               f'width="{frame.width}" height="{frame.height}" role="img" '
               f'aria-labelledby="{esc(ident)}-title {esc(ident)}-desc" '
               'font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif">')
    out.append(f'<title id="{esc(ident)}-title">{esc(title)}</title>')
    out.append(f'<desc id="{esc(ident)}-desc">{esc(desc)}. {esc(", ".join(names))}. '
               f'{esc(CREDIT.get(lang, CREDIT["en"]))}</desc>')
    out.append(f'<rect class="sea" x="0" y="0" width="{frame.width}" height="{frame.height}" '
               f'fill="{SEA}"/>')

    # Land: municipalities filled by company, thin white borders.
    out.append('<g class="land" stroke="#ffffff" stroke-width="0.6" stroke-linejoin="round">')
    for code, shape in zip(codes, shapes):
        company = assignment.get(code)
        fill = colours.get(company, UNAFFILIATED_FILL) if company else UNAFFILIATED_FILL
        out.append(f'<path d="{_path(shape, frame)}" fill="{fill}" fill-rule="evenodd"/>')
    out.append("</g>")
    # Company outlines (and so the coast), drawn over the fills.
    by_company: dict[str | None, list[Any]] = {}
    for code, shape in zip(codes, shapes):
        by_company.setdefault(assignment.get(code) or None, []).append(shape)
    unions = {company: shapely.union_all(parts) for company, parts in by_company.items()}
    out.append('<g class="company-borders" fill="none" stroke="#555555" stroke-width="1.1" '
               'stroke-linejoin="round">')
    for company, union in unions.items():
        dash = ' stroke-dasharray="3 2"' if company is None else ""
        out.append(f'<path d="{_path(shapely.boundary(union), frame)}"{dash}/>')
    out.append("</g>")
    if step_codes:
        out.append(f'<g class="step-municipalities" fill="none" stroke="{CURRENT}" '
                   'stroke-width="1.8" stroke-opacity="0.8" stroke-linejoin="round">')
        for code, shape in zip(codes, shapes):
            if code in step_codes:
                out.append(f'<path d="{_path(shapely.boundary(shape), frame)}"/>')
        out.append("</g>")

    # Route: the whole path dashed; the current step's legs solid vermilion.
    route = [(i, frame.px(*a)) for i, a in enumerate(anchors) if a is not None]
    if len(route) >= 2:
        points = " ".join(f"{x:.1f},{y:.1f}" for _, (x, y) in route)
        out.append(f'<polyline class="route" points="{points}" fill="none" stroke="{ROUTE}" '
                   'stroke-width="2" stroke-dasharray="6 4" stroke-linejoin="round" '
                   'stroke-linecap="round"/>')
        if current is not None:
            legs = [(a, b) for (i, a), (j, b) in zip(route, route[1:]) if current in (i, j)]
            for (x0, y0), (x1, y1) in legs:
                out.append(f'<line class="route-current" x1="{x0:.1f}" y1="{y0:.1f}" '
                           f'x2="{x1:.1f}" y2="{y1:.1f}" stroke="{CURRENT}" stroke-width="3.5" '
                           'stroke-linecap="round"/>')

    placer = _Labels(frame)
    markers: list[str] = []
    # Step markers first (they reserve their space), current step last so it is on top.
    order = [i for i in range(len(per_step)) if i != current] + (
        [current] if current is not None else [])
    for index in order:
        points = per_step[index]
        anchor = anchors[index]
        if anchor is None:
            continue
        hot = index == current
        for x, y, _name in points:
            px, py = frame.px(x, y)
            markers.append(f'<circle class="place" cx="{px:.1f}" cy="{py:.1f}" r="{4 if hot else 3}"'
                           f' fill="{CURRENT if hot else "#555555"}" stroke="#ffffff" '
                           'stroke-width="1"/>')
        ax, ay = frame.px(*anchor)
        radius = 11.0 if hot else 8.5
        placer.reserve(ax, ay, radius + 1)
        markers.append(f'<g class="step{" step-current" if hot else ""}">'
                       f'<circle cx="{ax:.1f}" cy="{ay:.1f}" r="{radius}" '
                       f'fill="{CURRENT if hot else "#222222"}" stroke="#ffffff" stroke-width="1.5"/>'
                       f'<text x="{ax:.1f}" y="{ay + (4 if hot else 3.3):.1f}" '
                       f'font-size="{11 if hot else 9.5}" font-weight="bold" text-anchor="middle" '
                       f'fill="#ffffff">{index + 1}</text></g>')

    # Labels by priority: the current step's places, then every step's first place, companies,
    # municipalities.
    def place_label(index: int, size: float, weight: str, force: bool = False) -> None:
        anchor = anchors[index]
        points = per_step[index]
        if anchor is None:
            return
        ax, ay = frame.px(*anchor)
        text = points[0][2] if len(points) == 1 else " / ".join(dict.fromkeys(p[2] for p in points))
        if len(text) > 42:
            text = points[0][2]
        offsets = ((14, 4), (-14, 4), (0, -14), (0, 22))
        anchors_for = ("start", "end", "middle", "middle")
        for number, ((dx, dy), anchor_name) in enumerate(zip(offsets, anchors_for)):
            if placer.add(text, ax, ay, size=size, css="label-place", fill="#111111",
                          weight=weight, offsets=((dx, dy),), anchor=anchor_name,
                          force=force and number == len(offsets) - 1):
                return

    anchors_m = municipality_anchors_m(base)
    story_companies = {assignment.get(p_code) for p_code in
                       (p.code for step in story.steps for p in step_places(step, base))}

    def company_label(company: str, union: Any) -> None:
        point = shapely.point_on_surface(union)
        candidates = [frame.px(point.x, point.y)]
        # Near each of its municipalities' anchors too: a narrow or crowded company still finds room.
        candidates += [frame.px(*anchors_m[c]) for c in codes
                       if assignment.get(c) == company and c in anchors_m]
        text = labels.get(company, company).upper()
        offsets = ((0, 0), (0, -16), (0, 16), (-40, 0), (40, 0))
        for size, spacing in ((10.5, 1.2), (8.5, 0.6)):  # smaller rather than lost
            for px, py in candidates:
                if placer.add(text, px, py, size=size, css="label-company", fill="#444444",
                              weight="bold", spacing=spacing, offsets=offsets):
                    return

    # Labels by priority: the current step's places, the companies that tell the story, the other
    # steps' places, the other companies, municipalities (the step's own first).
    if current is not None:
        place_label(current, 12.5, "bold", force=True)
        for x, y, name in per_step[current][1:] if len(per_step[current]) > 1 else ():
            px, py = frame.px(x, y)
            placer.add(name, px + 6, py - 6, size=10.5, css="label-place", fill="#111111",
                       anchor="start")
    visible = [(company, union) for company, union in sorted(unions.items(), key=lambda kv: -kv[1].area)
               if company is not None and union.area * frame.scale ** 2 >= 4000]
    for company, union in visible:
        if company in story_companies:
            company_label(company, union)
    for index in range(len(per_step)):
        if index != current:
            place_label(index, 10.5, "normal")
    for company, union in visible:
        if company not in story_companies:
            company_label(company, union)
    for code in sorted(codes, key=lambda c: (c not in step_codes, -float(
            municipalities.loc[c, "area_km2"]) if c in municipalities.index else 0)):
        if code not in anchors_m:
            continue
        x, y = anchors_m[code]
        if not (frame.minx <= x <= frame.maxx and frame.miny <= y <= frame.maxy):
            continue
        px, py = frame.px(x, y)
        placer.add(base.municipality_name(code), px, py, size=9.5, css="label-municipality",
                   fill="#333333", offsets=((0, 0), (0, 12), (0, -12)))

    out.extend(markers)
    out.append('<g class="labels">' + "".join(placer.items) + "</g>")
    out.append(_scale_bar(frame, lang))
    credits = CREDIT if frame.width >= 560 else SHORT_CREDIT
    credit = credits.get(lang, credits["en"])
    out.append(f'<text class="credit" x="{frame.width - 6}" y="{frame.height - 6}" font-size="8.5" '
               f'text-anchor="end" fill="#444444" stroke="#ffffff" stroke-width="2.5" '
               f'paint-order="stroke">{esc(credit)}</text>')
    out.append("</svg>")
    return "".join(out)


def municipality_anchors_m(base: Any) -> dict[str, tuple[float, float]]:
    """Kommune code -> the travel graph's anchor point in metres (a point inside its largest part)."""
    return {str(code): (float(data["x"]), float(data["y"]))
            for code, data in base.graph.nodes(data=True)}
