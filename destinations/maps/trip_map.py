"""The trip map (folium, offline Leaflet): one colour per day, ferry legs dashed, overnight stops as
labelled squares, visits as circles, municipalities and company borders underneath."""

from __future__ import annotations

import json
from typing import Mapping

import folium

from destinations.itinerary import DAY_COLOURS, Trip, clock
from destinations.maps import leaflet as maps


def trip_map(trip: Trip, *, labels: Mapping[str, str] | None = None, tiles: bool = False,
             land: str | None = None, borders: str | None = None):
    """A folium map (offline Leaflet) of the trip: one colour per day, ferry legs dashed, overnight
    stops as labelled squares, visits as circles. Tooltips are escaped.

    ``land`` (municipality GeoJSON with escaped ``name`` and ``company`` properties, as made by
    :func:`destinations.maps.layers.municipality_geojson`) is drawn in one neutral colour so the map
    reads without background tiles; ``borders`` (dissolved company borders) outlines the
    destination companies the route crosses.
    """
    text = {"day": "Day", "night": "Night", "ferry": "Ferry", "start": "Start", "end": "End",
            **(labels or {})}
    lats = [c[0] for day in trip.days for leg in day.legs for s in leg.segments for c in s.coords]
    lons = [c[1] for day in trip.days for leg in day.legs for s in leg.segments for c in s.coords]
    if not lats:
        lats, lons = [trip.days[0].start.lat], [trip.days[0].start.lon]
    fmap = maps.new_map(center=((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2), zoom=7, tiles=tiles)
    if len(lats) > 1:
        fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(20, 20))
    esc = maps.esc
    if land:
        folium.GeoJson(
            json.loads(land), name="municipalities",
            style_function=lambda _: {"fillColor": "#EFEBE3", "fillOpacity": 1.0, "color": "#FFFFFF",
                                      "weight": 0.8},
            tooltip=folium.GeoJsonTooltip(fields=["name", "company"], aliases=["", ""], labels=False),
            zoom_on_click=False,
        ).add_to(fmap)
    if borders:
        folium.GeoJson(json.loads(borders), name="companies", interactive=False,
                       style_function=lambda _: {"fill": False, "color": "#555555", "weight": 1.4,
                                                 "opacity": 0.9}).add_to(fmap)
    for day in trip.days:
        colour = DAY_COLOURS[(day.number - 1) % len(DAY_COLOURS)]
        group = folium.FeatureGroup(name=f"{text['day']} {day.number}")
        for leg in day.legs:
            for seg in leg.segments:
                tip = f"{esc(text['day'])} {day.number}: {esc(leg.from_name)} → {esc(leg.to_name)}"
                if seg.kind == "ferry":
                    tip += f" ({esc(text['ferry'])}: {esc(', '.join(leg.ferries))})"
                folium.PolyLine([list(c) for c in seg.coords], color=colour, weight=4 if seg.kind == "road" else 3,
                                opacity=0.9, dash_array="8 8" if seg.kind == "ferry" else None,
                                tooltip=tip).add_to(group)
        for order, visit in enumerate(day.visits, start=1):
            folium.CircleMarker([visit.lat, visit.lon], radius=7, color="#000000", weight=1,
                                fill=True, fill_color=colour, fill_opacity=0.95,
                                tooltip=f"{esc(text['day'])} {day.number}.{order}: {esc(visit.name)} "
                                        f"({clock(visit.start)}–{clock(visit.leave)})").add_to(group)
        label = f"{text['night']} {day.number}" if day.overnight else text["end"]
        folium.Marker([day.base.lat, day.base.lon], tooltip=f"{esc(label)}: {esc(day.base.name)}",
                      icon=folium.DivIcon(html=(
                          f'<div style="background:{colour};color:#fff;border:2px solid #000;'
                          f'font:bold 11px sans-serif;padding:1px 3px;white-space:nowrap;'
                          f'transform:translate(-50%,-50%);display:inline-block">'
                          f'{"⌂" if day.overnight else "■"} {day.number}</div>'))).add_to(group)
        group.add_to(fmap)
    first = trip.days[0].start
    folium.Marker([first.lat, first.lon], tooltip=f"{esc(text['start'])}: {esc(first.name)}",
                  icon=folium.DivIcon(html='<div style="background:#fff;border:2px solid #000;'
                                           'font:bold 11px sans-serif;padding:1px 3px;'
                                           'transform:translate(-50%,-50%);display:inline-block">▶</div>')
                  ).add_to(fmap)
    return fmap
