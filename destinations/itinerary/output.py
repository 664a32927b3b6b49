"""What a trip looks like outside the planner: table rows, the CLI's JSON, GeoJSON and printable HTML."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from destinations.i18n import NC_, N_, entry_text, month_name, normalize_language
from destinations.itinerary.places import HUB_BY_ID
from destinations.itinerary.planner import ASSUMPTIONS, plan_trip
from destinations.itinerary.request import TripRequest, request_query, share_link
from destinations.itinerary.trip import Trip, TripDay, TripResult, Visit, clock
from destinations.model import Kind
from destinations.scenarios.uploads import escape_markup as _esc

#: Okabe-Ito colours, then Paul Tol's muted scheme: colour-blind safe, one per day (cycles after 14).
DAY_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000",
               "#332288", "#117733", "#882255", "#999933", "#44AA99", "#AA4499", "#DDCC77")


def month_ranges(months: Iterable[int]) -> str:
    """Compact month numbers, e.g. ``(4, 5, 6, 7, 8, 9, 10)`` -> ``"4–10"``; ``""`` when none."""
    values = sorted(set(int(m) for m in months))
    if len(values) == 12:
        return "1–12"
    parts: list[str] = []
    run: list[int] = []
    for m in values:
        if run and m == run[-1] + 1:
            run.append(m)
            continue
        if run:
            parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [m]
    if run:
        parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)


def timeline_rows(trip: Trip, base: Any, *, lunch: bool = False, why: bool = False) -> list[dict]:
    """One row per event of the trip: leave the base, each visit, arrive at the next base.

    Keys: ``day``, ``event`` (leave | visit | night | end, and ``lunch`` when ``lunch``),
    ``arrive``, ``leave`` (``HH:MM`` or ``""``), ``place``, ``municipality`` (name),
    ``drive_minutes`` and ``ferry`` (the leg that led here), ``open_months`` (compact month
    numbers, ``None`` = not given by the source); with ``why`` also ``why`` (why this stop) and
    ``hours`` (assumed opening hours, ``"10:00–17:00"``).
    """
    rows = []
    for day in trip.days:
        rows.append({"day": day.number, "event": "leave", "arrive": "", "leave": clock(day.leave),
                     "place": day.start.name, "municipality": base.municipality_name(day.start.code),
                     "drive_minutes": None, "ferry": "", "open_months": ""})
        if why:
            rows[-1].update({"why": "", "hours": ""})
        for i, (leg, visit) in enumerate(zip(day.legs, day.visits)):
            a = base.attraction_by_id[visit.attraction_id]
            if lunch and day.lunch is not None and day.lunch.where in ("road", "wait") and day.lunch.visit == i:
                rows.append(_lunch_row(day, why))
            rows.append({"day": day.number, "event": "visit", "arrive": clock(visit.arrive),
                         "leave": clock(visit.leave), "place": visit.name,
                         "municipality": base.municipality_name(visit.code),
                         "drive_minutes": round(leg.drive_minutes), "ferry": ", ".join(leg.ferries),
                         "open_months": month_ranges(a.open_months) if a.open_months else None})
            if why:
                rows[-1].update({"why": visit.why, "hours": _hours(visit)})
            if lunch and day.lunch is not None and day.lunch.where in ("after", "inside") and day.lunch.visit == i:
                rows.append(_lunch_row(day, why))
        if lunch and day.lunch is not None and day.lunch.where == "road" and day.lunch.visit == len(day.visits):
            rows.append(_lunch_row(day, why))
        last = day.legs[-1]
        rows.append({"day": day.number, "event": "night" if day.overnight else "end",
                     "arrive": clock(day.arrive), "leave": "", "place": day.base.name,
                     "municipality": base.municipality_name(day.base.code),
                     "drive_minutes": round(last.drive_minutes), "ferry": ", ".join(last.ferries),
                     "open_months": ""})
        if why:
            rows[-1].update({"why": "", "hours": ""})
    return rows


_LUNCH_PLACE = {"after": "lunch where you are", "road": "lunch stop on the way",
                "wait": "lunch before the visit", "inside": "lunch inside the park"}


def _lunch_row(day: TripDay, why: bool) -> dict:
    lunch = day.lunch
    assert lunch is not None
    row = {"day": day.number, "event": "lunch", "arrive": clock(lunch.start), "leave": clock(lunch.end),
           "place": _LUNCH_PLACE[lunch.where], "municipality": "", "drive_minutes": None, "ferry": "",
           "open_months": ""}
    if why:
        row.update({"why": "", "hours": ""})
    return row


def _hours(visit: Visit) -> str:
    if visit.opens is None or visit.closes is None:
        return ""
    return f"{clock(visit.opens)}–{clock(visit.closes)}"


def day_rows(trip: Trip) -> list[dict]:
    """One row per day: ``day``, ``from``, ``base``, ``overnight``, ``visits``, ``leave``,
    ``arrive``, ``drive_minutes``, ``ferry_minutes``."""
    return [{"day": d.number, "from": d.start.name, "base": d.base.name, "overnight": d.overnight,
             "visits": len(d.visits), "leave": clock(d.leave), "arrive": clock(d.arrive),
             "drive_minutes": round(d.drive_minutes), "ferry_minutes": round(d.ferry_minutes)}
            for d in trip.days]


def visit_rows(trip: Trip, base: Any) -> list[dict]:
    """One row per visit, for "why this stop": ``day``, ``start``, ``leave``, ``hours`` (assumed
    opening hours), ``place``, ``why``, ``visitors`` (the published figure used, or ``None``),
    ``year`` (``None``: undated), ``precision`` (exact | rounded | bound | estimate, or ``""``)
    and ``source`` (where the figure comes from)."""
    from destinations.itinerary.assembly import visitor_counts

    counts = visitor_counts(base)
    rows = []
    for day in trip.days:
        for visit in day.visits:
            chosen = counts.get(visit.name)
            figure = chosen.figure if chosen is not None else None
            rows.append({"day": day.number, "start": clock(visit.start), "leave": clock(visit.leave),
                         "hours": _hours(visit), "place": visit.name, "why": visit.why,
                         "visitors": None if figure is None else figure.visitors,
                         "year": None if figure is None else figure.year,
                         "precision": "" if figure is None else figure.precision,
                         "source": "" if figure is None else _source_text(figure.source)})
    return rows


def _source_text(source: str) -> str:
    """A figure's source without the coordinates' note the attraction file appends."""
    text = str(source).split("; coords")[0].strip()
    return text[len("visitors: "):] if text.startswith("visitors: ") else text


def benefit_rows(trip: Trip, base: Any) -> list[dict]:
    """Who benefits, one row per company: ``company``, ``nights``, ``visits``, ``municipalities``
    (names, comma-separated)."""
    return [{"company": c.name, "nights": c.nights, "visits": c.visits,
             "municipalities": ", ".join(base.municipality_name(code) for code in c.codes)}
            for c in trip.benefits.companies]


def alternative_rows(result: TripResult) -> list[dict]:
    """One row per itinerary: ``variant``, ``score``, ``visits``, ``nights``, ``drive_minutes``,
    ``companies`` (hosting nights or visits), ``effective_splits``, ``bases`` (night stops)."""
    return [{"variant": t.variant, "score": round(t.score, 1), "visits": len(t.visits),
             "nights": len(t.nights), "drive_minutes": round(t.drive_minutes),
             "companies": len(t.benefits.companies), "effective_splits": t.benefits.effective_splits,
             "bases": " → ".join(s.name for s in t.nights)}
            for t in result.trips]


def _visit_dict(v: Visit) -> dict:
    return {"id": v.attraction_id, "name": v.name, "category": v.category, "municipality": v.code,
            "arrive": clock(v.arrive), "start": clock(v.start), "leave": clock(v.leave),
            "score": v.score, "season_known": v.season_known, "why": v.why,
            "opens": None if v.opens is None else clock(v.opens),
            "closes": None if v.closes is None else clock(v.closes)}


def day_dict(day: TripDay, base: Any) -> dict:
    """JSON-ready form of one day."""
    return {
        "day": day.number,
        "from": {"name": day.start.name, "municipality": day.start.code, "kind": day.start.kind},
        "base": {"name": day.base.name, "id": day.base.id, "municipality": day.base.code,
                 "municipality_name": base.municipality_name(day.base.code),
                 "kind": day.base.kind, "overnight": day.overnight},
        "leave": clock(day.leave),
        "arrive": clock(day.arrive),
        "lunch": None if day.lunch is None else {"start": clock(day.lunch.start),
                                                 "end": clock(day.lunch.end), "where": day.lunch.where},
        "visits": [_visit_dict(v) for v in day.visits],
        "drive_minutes": round(day.drive_minutes, 1),
        "ferry_minutes": round(day.ferry_minutes, 1),
        "travel_minutes": round(day.travel_minutes, 1),
        "ferry_legs": [{"from": leg.from_name, "to": leg.to_name, "links": list(leg.ferries),
                        "crossing_minutes": round(leg.ferry_minutes, 1)} for leg in day.ferry_legs],
    }


def trip_dict(trip: Trip, base: Any) -> dict:
    """JSON-ready form of a trip: days, score, companies, crossed, effective splits."""
    b = trip.benefits
    return {
        "score": trip.score,
        "days": [day_dict(d, base) for d in trip.days],
        # Unaffiliated municipalities are no company: reported apart, never as one more company.
        "companies": {c.name: {"id": c.company_id, "nights": c.nights, "visits": c.visits,
                               "municipalities": list(c.codes)} for c in b.companies
                      if c.company_id is not None},
        "unaffiliated": next(({"nights": c.nights, "visits": c.visits, "municipalities": list(c.codes)}
                              for c in b.companies if c.company_id is None),
                             {"nights": 0, "visits": 0, "municipalities": []}),
        "crossed": list(b.crossed),
        "effective_splits": b.effective_splits,
        "needs_cooperation": b.needs_cooperation,
        "drive_minutes": round(trip.drive_minutes, 1),
        "bases": [s.name for s in trip.bases],
    }


def result_dict(result: TripResult, base: Any, *, seed: int | None = None) -> dict:
    """JSON-ready form of a :class:`TripResult` (the CLI payload)."""
    from destinations.itinerary.links import trip_link

    best = trip_dict(result.best, base)
    r = result.request
    seed = result.seed if seed is None else seed
    link = trip_link(result)
    return {
        "kind": result.kind,
        "request": {"start": HUB_BY_ID[r.start].name, "end": HUB_BY_ID[r.end or r.start].name,
                    "days": r.days, "month": r.month, "themes": list(r.themes),
                    "must_see": list(r.must_see), "exclude": list(r.exclude), "bases": r.bases,
                    "hours_per_day": r.hours_per_day, "max_drive_minutes": r.max_drive_minutes,
                    "seed": seed, "share": share_link(r, seed=seed, trip=link)},
        "scenario": result.best.benefits.scenario_name,
        **best,
        "unfitted": [{"id": u.attraction_id, "name": u.name, "reason": u.reason, "detail": u.detail,
                      "need_minutes": u.need_minutes, "limit_minutes": u.limit_minutes}
                     for u in result.unfitted],
        "explanation": result.explanation,
        "warnings": [n.text for n in result.notes],
        "alternatives": [trip_dict(t, base) for t in result.trips[1:]],
        "bases_open": result.bases,
        "candidates": result.candidates,
        "facts_year": result.facts_year,
        "runtime_s": result.runtime_s,
        "seed": seed,
        "iterations": result.iterations,
        "stopped_by": result.stopped_by,
        "trip_link": link,
        "assumptions": dict(result.assumptions),
    }


def plan_trip_cli(base: Any, *, start: str, end: str | None = None, days: int, month: int,
                  themes: Sequence[str] = (), must_see: Sequence[str] = (),
                  hours_per_day: float = 8.0, max_drive_minutes: float = 240.0, seed: int = 1,
                  time_limit: float | None = 5.0, exclude: Sequence[str] = (), bases: str = "auto",
                  budget: int | None = None, alternatives: int = 3) -> dict:
    """``destinations itinerary plan``: plan a trip and return :func:`result_dict` (JSON-ready).

    Keys: ``kind`` ("modelled"), ``request``, ``scenario``, ``score``, ``days`` (each with
    ``day``, ``from``, ``base``, ``leave``, ``arrive``, ``visits``, ``drive_minutes``,
    ``ferry_minutes``, ``travel_minutes``, ``ferry_legs``), ``companies`` {name: {``id``,
    ``nights``, ``visits``, ``municipalities``}}, ``crossed``, ``effective_splits``,
    ``needs_cooperation``, ``drive_minutes``, ``unfitted``, ``explanation``, ``warnings``,
    ``alternatives``, ``bases_open``, ``candidates``, ``facts_year``, ``runtime_s``,
    ``assumptions``; per visit also ``why``, ``opens``, ``closes``; per day ``lunch``; per trip
    ``bases`` (the places slept in); and ``seed``, ``iterations``, ``stopped_by`` ("budget" |
    "time") and ``trip_link`` (reopens exactly this trip: ``destinations itinerary open``).
    """
    request = TripRequest(start=start, end=end, days=days, month=month, themes=tuple(themes),
                          must_see=tuple(must_see), hours_per_day=hours_per_day,
                          max_drive_minutes=max_drive_minutes, exclude=tuple(exclude), bases=bases,
                          alternatives=alternatives)
    result = plan_trip(base, request, rng=np.random.default_rng(seed), time_limit=time_limit,
                       budget=budget, seed=seed)
    return result_dict(result, base, seed=seed)


def open_trip_cli(base: Any, *, link: str) -> dict:
    """``destinations itinerary open``: reopen a trip link exactly; :func:`result_dict` keys."""
    from destinations.itinerary.links import reopen_trip

    text = str(link)
    if "trip=" in text:  # a whole share link was pasted
        from urllib.parse import parse_qs, urlsplit

        text = parse_qs(urlsplit(text).query).get("trip", [""])[0]
    return result_dict(reopen_trip(base, text), base)


def trip_geojson(trip: Trip, *, result: TripResult | None = None) -> dict:
    """The trip as a GeoJSON FeatureCollection (WGS84): route segments, visits, overnight stops.

    Names and other texts from data have ``&``, ``<`` and ``>`` escaped (:func:`escape_markup`),
    because map viewers often put GeoJSON properties into HTML popups as they are.
    """
    features = []
    for day in trip.days:
        colour = DAY_COLOURS[(day.number - 1) % len(DAY_COLOURS)]
        for leg in day.legs:
            for seg in leg.segments:
                features.append({
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in seg.coords]},
                    "properties": {"kind": seg.kind, "day": day.number, "colour": colour,
                                   "from": _esc(leg.from_name), "to": _esc(leg.to_name),
                                   "minutes": round(leg.minutes, 1),
                                   "ferries": ([_esc(f) for f in leg.ferries]
                                               if seg.kind == "ferry" else [])},
                })
        for order, visit in enumerate(day.visits, start=1):
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(visit.lon, 5), round(visit.lat, 5)]},
                "properties": {"kind": "visit", "day": day.number, "order": order,
                               "id": visit.attraction_id, "name": _esc(visit.name),
                               "category": _esc(visit.category), "why": _esc(visit.why),
                               "municipality": visit.code,
                               "arrive": clock(visit.arrive), "leave": clock(visit.leave),
                               "season_known": visit.season_known},
            })
        stop = day.base
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(stop.lon, 5), round(stop.lat, 5)]},
            "properties": {"kind": "overnight" if day.overnight else "end", "day": day.number,
                           "name": _esc(stop.name), "municipality": stop.code, "arrive": clock(day.arrive)},
        })
    first = trip.days[0].start
    features.insert(0, {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(first.lon, 5), round(first.lat, 5)]},
        "properties": {"kind": "start", "day": 1, "name": _esc(first.name), "municipality": first.code},
    })
    meta = {"kind": Kind.MODELLED.value, "score": trip.score,
            "scenario": _esc(trip.benefits.scenario_name),
            "companies": {_esc(c.name): {"nights": c.nights, "visits": c.visits}
                          for c in trip.benefits.companies}}
    if result is not None:
        meta["request"] = request_query(result.request)
        meta["facts_year"] = result.facts_year
    return {"type": "FeatureCollection", "properties": meta, "features": features}


_HTML_TEXT = {
    "title": NC_("title", "Itinerary"),
    "day": N_("Day"),
    "from": N_("from"),
    "night": N_("Night at"),
    "end": N_("Trip ends at"),
    "time": N_("Time"),
    "stop": N_("Stop"),
    "drive": N_("Driving"),
    "ferry": N_("Ferry"),
    "benefits": N_("Who benefits"),
    "company": N_("Destination company"),
    "nights": N_("Nights"),
    "visits": N_("Visits"),
    "crossed": N_("Companies the route crosses"),
    "splits": NC_("splits", "Effective splits"),
    "unfitted": N_("Not fitted"),
    "assumptions": N_("Assumptions (modelled figures)"),
    "score": N_("Score"),
    "leave": N_("Leave"),
    "arrive": N_("Arrive"),
    "min": N_("min"),
    "season": N_("season not given by the source"),
    "modelled": N_("All times and figures are modelled estimates, not timetables."),
    "month": N_("Month"),
    "scenario": N_("Scenario"),
    "lunch": N_("Lunch break"),
}


def trip_html(trip: Trip, *, result: TripResult | None = None, lang: str = "en", title: str = "") -> str:
    """A self-contained printable HTML itinerary; every text from data is escaped."""
    lang = normalize_language(lang)
    t = {key: entry_text(entry, lang) for key, entry in _HTML_TEXT.items()}
    e = html.escape
    parts = [
        "<!DOCTYPE html>", f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        f"<title>{e(title or t['title'])}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:1.5rem auto;color:#222}"
        "table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}td,th{border:1px solid #bbb;"
        "padding:.25rem .45rem;text-align:left;vertical-align:top}th{background:#eee}"
        ".note{color:#555;font-size:.9rem}h2{margin-top:1.6rem;border-bottom:2px solid #333}"
        "@media print{h2{page-break-after:avoid}table{page-break-inside:avoid}}</style></head><body>",
        f"<h1>{e(title or t['title'])}</h1>",
        f'<p class="note">{e(t["modelled"])}</p>',
    ]
    if result is not None:
        r = result.request
        month = month_name(r.month, lang)
        parts.append(f"<p>{e(HUB_BY_ID[r.start].name)} → {e(HUB_BY_ID[r.end or r.start].name)} · "
                     f"{r.days} × {r.hours_per_day:g} h · {e(month)} · "
                     f"{e(t['score'])} {trip.score:.0f} · {e(t['scenario'])}: {e(trip.benefits.scenario_name)}</p>")
    for day in trip.days:
        end = t["night"] if day.overnight else t["end"]
        parts.append(f"<h2>{e(t['day'])} {day.number}: {e(day.start.name)} → {e(day.base.name)}</h2>")
        parts.append(f"<p>{e(t['drive'])}: {day.drive_minutes:.0f} {e(t['min'])}"
                     + (f" · {e(t['ferry'])}: {day.ferry_minutes:.0f} {e(t['min'])}" if day.ferry_minutes else "")
                     + "</p>")
        rows = [f"<tr><td>{clock(day.leave)}</td><td>{e(t['leave'])} {e(day.start.name)}</td></tr>"]
        lunch = day.lunch
        lunch_row = "" if lunch is None else (
            f"<tr><td>{clock(lunch.start)}–{clock(lunch.end)}</td><td>{e(t['lunch'])}</td></tr>")
        for i, (leg, visit) in enumerate(zip(day.legs, day.visits)):
            ferry = f" ({e(t['ferry'])}: {e(', '.join(leg.ferries))})" if leg.ferries else ""
            season = f" <i>({e(t['season'])})</i>" if not visit.season_known else ""
            if lunch is not None and lunch.where in ("road", "wait") and lunch.visit == i:
                rows.append(lunch_row)
            why = f"<br><span class=\"note\">{e(visit.why)}</span>" if visit.why else ""
            rows.append(f"<tr><td>{clock(visit.start)}–{clock(visit.leave)}</td><td>{e(visit.name)} "
                        f"<span class=\"note\">{e(visit.category)}</span>{season}{ferry}{why}</td></tr>")
            if lunch is not None and lunch.where in ("after", "inside") and lunch.visit == i:
                rows.append(lunch_row)
        if lunch is not None and lunch.where == "road" and lunch.visit == len(day.visits):
            rows.append(lunch_row)
        last = day.legs[-1] if day.legs else None
        ferry = f" ({e(t['ferry'])}: {e(', '.join(last.ferries))})" if last is not None and last.ferries else ""
        rows.append(f"<tr><td>{clock(day.arrive)}</td><td>{e(end)} {e(day.base.name)}{ferry}</td></tr>")
        parts.append(f"<table><tr><th>{e(t['time'])}</th><th>{e(t['stop'])}</th></tr>{''.join(rows)}</table>")
    b = trip.benefits
    parts.append(f"<h2>{e(t['benefits'])}</h2><table><tr><th>{e(t['company'])}</th><th>{e(t['nights'])}</th>"
                 f"<th>{e(t['visits'])}</th></tr>"
                 + "".join(f"<tr><td>{e(c.name)}</td><td>{c.nights}</td><td>{c.visits}</td></tr>"
                           for c in b.companies) + "</table>")
    parts.append(f"<p>{e(t['crossed'])}: {e(', '.join(b.crossed))}</p>")
    parts.append(f"<p>{e(t['splits'])}: {b.effective_splits:.2f}</p>")
    if result is not None and result.unfitted:
        parts.append(f"<h2>{e(t['unfitted'])}</h2><ul>"
                     + "".join(f"<li>{e(u.detail)}</li>" for u in result.unfitted) + "</ul>")
    assumptions = result.assumptions if result is not None else ASSUMPTIONS
    parts.append(f"<h2>{e(t['assumptions'])}</h2><ul>"
                 + "".join(f"<li><b>{e(str(k))}</b>: {e(json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)}</li>"
                           for k, v in assumptions.items()) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
