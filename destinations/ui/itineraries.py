"""The itinerary page's work: the form's state (filled once from a shared link), planning with a
progress bar, the address bar kept a share link of the trip shown, and the trip's views (map,
day by day, who benefits, alternatives, downloads)."""

from __future__ import annotations

import json

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from destinations.data.base import BaseData
from destinations.errors import DestinationsError
from destinations.itinerary import (
    HUB_BY_ID,
    HUBS,
    QUERY_KEYS,
    TripRequest,
    TripRequestError,
    alternative_rows,
    benefit_rows,
    day_rows,
    month_ranges,
    plan_trip,
    rebenefit,
    request_from_query,
    request_query,
    share_link,
    timeline_rows,
    trip_geojson,
    trip_html,
    valid_themes,
)
from destinations.maps.trip_map import trip_map
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.frame import Page, data_errors
from destinations.ui.stores import TODAY, scenario_options, stores
from destinations.ui.url_state import write_params

RESULT_KEY = "itin.result"  # (TripResult, seed) of the last plan
ERROR_KEY = "itin.error"
PENDING_KEY = "itin.pending"  # a shared link asked for a plan: run it once on load
#: Seconds the solver may use; tests lower it through the session state.
TIME_LIMIT_KEY = "itin.time_limit"
#: The form's keys and their values before anything is chosen.
FORM_DEFAULTS = {"itin.start": "cph-airport", "itin.end": "", "itin.days": 5, "itin.month": 7,
                 "itin.themes": [], "itin.must": [], "itin.pace": 8.0, "itin.drive": 240,
                 "itin.seed": 1}


def hub_ids() -> list[str]:
    return [h.id for h in HUBS]


def themes(base: BaseData) -> list[str]:
    return list(valid_themes(base))


def attraction_ids(base: BaseData) -> list[str]:
    """Every attraction, by name."""
    return sorted(base.attraction_by_id, key=lambda i: base.attraction_by_id[i].name)


def hub_name(page: Page, hub_id: str) -> str:
    if not hub_id:
        return page.t("itin.same")
    hub = HUB_BY_ID[hub_id]
    return hub.name_da if page.lang == "da" else hub.name


def attraction_label(base: BaseData, ident: str) -> str:
    a = base.attraction_by_id[ident]
    return f"{a.name} ({base.municipality_name(a.kommune_code)})"


def scenario_label(page: Page, names: dict[str, str], scenario_id: str) -> str:
    return page.t("itin.scenario.today") if scenario_id == TODAY else names.get(scenario_id,
                                                                                 scenario_id)


def init_from_link(page: Page, base: BaseData, scenario_names: dict[str, str]) -> None:
    """Once a session: fill the form from a shared link (``?from=…``), which then plans on load;
    a bad link is explained and the form keeps its defaults."""
    if "itin.init" in st.session_state:
        return
    st.session_state["itin.init"] = True
    state = dict(FORM_DEFAULTS)
    if st.query_params.get("from"):
        try:
            linked, seed = request_from_query(base, dict(st.query_params))
            state.update({"itin.start": linked.start,
                          "itin.end": "" if linked.end == linked.start else linked.end,
                          "itin.days": linked.days, "itin.month": linked.month,
                          "itin.themes": list(linked.themes), "itin.must": list(linked.must_see),
                          "itin.pace": float(linked.hours_per_day),
                          "itin.drive": int(linked.max_drive_minutes), "itin.seed": seed})
            st.session_state[PENDING_KEY] = True
        except TripRequestError as exc:
            st.session_state[ERROR_KEY] = page.t("itin.bad_link", error=str(exc))
    if st.query_params.get("scenario") in scenario_options(scenario_names):
        st.session_state["itin.scenario"] = st.query_params["scenario"]
    for key, value in state.items():
        st.session_state.setdefault(key, value)


def latest_facts():
    """The tourism facts of the latest year (visitor numbers and seasons for the scores)."""
    return data.facts(max(data.years()))


def plan_if_asked(page: Page, base: BaseData, facts, submitted: bool) -> None:
    """Plan the trip of the form when it was submitted (or a shared link asked for it)."""
    if not (submitted or st.session_state.pop(PENDING_KEY, False)):
        return
    s = st.session_state
    request = TripRequest(start=s["itin.start"], end=s["itin.end"] or None, days=s["itin.days"],
                          month=s["itin.month"], themes=tuple(s["itin.themes"]),
                          must_see=tuple(s["itin.must"]), hours_per_day=s["itin.pace"],
                          max_drive_minutes=s["itin.drive"])
    seed = int(s["itin.seed"])
    bar = st.progress(0.0, text=page.t("itin.progress", n=1, total=request.alternatives))

    def progress(fraction: float, number: int) -> None:
        bar.progress(min(1.0, fraction),
                     text=page.t("itin.progress", n=number, total=request.alternatives))

    s.pop(ERROR_KEY, None)
    try:
        result = plan_trip(base, request, facts=facts, rng=np.random.default_rng(seed),
                           time_limit=float(s.get(TIME_LIMIT_KEY, 4.0)), on_progress=progress)
        s[RESULT_KEY] = (result, seed)
        s["itin.alt"] = 0
    except DestinationsError as exc:
        s[ERROR_KEY] = f"{page.t('itin.error')}: {exc}"
        s.pop(RESULT_KEY, None)
    bar.empty()


def planned():
    """(result, seed) of the last plan, or None; shows the last error first."""
    if st.session_state.get(ERROR_KEY):
        st.error(st.session_state[ERROR_KEY])
    return st.session_state.get(RESULT_KEY)


def share_in_url(result, seed: int, scenario_id: str) -> None:
    """Keep the address bar a share link of what is shown (the page frame keeps ``?lang=``)."""
    params = request_query(result.request, seed=seed, scenario_id=scenario_id)
    write_params({key: params.get(key) for key in QUERY_KEYS})


def problems(page: Page, base: BaseData, result) -> None:
    """What did not fit (and why), and the planner's notes."""
    if result.unfitted:
        months = {u.attraction_id: month_ranges(base.attraction_by_id[u.attraction_id].open_months)
                  for u in result.unfitted}
        lines = [page.t(f"itin.unfitted.{u.reason}", name=u.name, months=months[u.attraction_id],
                        need=f"{u.need_minutes or 0:.0f}", limit=f"{u.limit_minutes or 0:.0f}")
                 for u in result.unfitted]
        st.warning(page.t("itin.unfitted", n=len(result.unfitted),
                          total=len(result.request.must_see))
                   + "\n\n" + "\n".join(f"- {md(line)}" for line in lines) + "\n\n"
                   + page.t("itin.fix"))
    for note in result.notes:
        st.info(md(page.t(f"itin.warn.{note.code}", **dict(note.values))))


def keep_alternative_valid(result) -> list[int]:
    """The variants to choose from; the choice falls back to the best when it no longer exists."""
    variants = list(range(len(result.trips)))
    if st.session_state.get("itin.alt") not in variants:
        st.session_state["itin.alt"] = 0
    return variants


def under_scenario(page: Page, base: BaseData, trip, scenario_id: str):
    """(trip, assignment, company names): who benefits under today's companies or a saved plan."""
    if scenario_id == TODAY:
        return trip, base.today_assignment, base.today_company_names
    with data_errors(page):
        _, scenario_store, _ = stores()
        scenario = scenario_store.load(scenario_id).scenario
        return rebenefit(trip, base, scenario), scenario.assignment, scenario.names


def headline(page: Page, trip) -> None:
    """Score, visits, nights, driving hours and effective splits."""
    c1, c2, c3, c4, c5 = st.columns(5)
    c1.metric(page.t("itin.score"), f"{trip.score:.0f}")
    c2.metric(page.t("itin.visits"), len(trip.visits))
    c3.metric(page.t("itin.col.nights"), len(trip.nights))
    c4.metric(page.t("itin.driving"),
              f"{trip.drive_minutes / 60:.1f}".replace(".", "," if page.lang == "da" else "."))
    c5.metric(page.t("itin.es"), f"{trip.benefits.effective_splits:.2f}",
              help=page.t("itin.es.help"))


def trip_map_view(page: Page, trip, assignment, names, *, tiles: bool) -> None:
    """The trip on the map of the companies it crosses."""
    st.subheader(page.t("itin.map"))
    land, borders = data.layers_for(assignment, names, page.t("unaffiliated"))
    fmap = trip_map(trip, tiles=tiles, land=land, borders=borders, labels={
        "day": page.t("itin.map.day"), "night": page.t("itin.map.night"),
        "ferry": page.t("itin.map.ferry"), "start": page.t("itin.map.start"),
        "end": page.t("itin.map.end")})
    st_folium(fmap, key="itin.map", height=560, use_container_width=True, returned_objects=[])
    st.caption(page.t("itin.map.legend"))


def days_table(page: Page, trip) -> None:
    st.subheader(page.t("itin.timeline"))
    st.dataframe(pd.DataFrame(day_rows(trip)).drop(columns=["overnight"]).rename(columns={
        "day": page.t("itin.col.day"), "from": page.t("itin.col.from"),
        "base": page.t("itin.col.base"), "visits": page.t("itin.col.visits"),
        "leave": page.t("itin.col.leave"), "arrive": page.t("itin.col.arrive"),
        "drive_minutes": page.t("itin.col.drive_day"),
        "ferry_minutes": page.t("itin.col.ferry_day")}), hide_index=True, width="stretch")


def timeline_table(page: Page, base: BaseData, trip) -> None:
    """Every stop in order: arrival, departure, place, driving, ferries, opening months."""
    timeline = pd.DataFrame(timeline_rows(trip, base))
    timeline["event"] = timeline["event"].map(lambda e: page.t(f"itin.event.{e}"))
    timeline["open_months"] = timeline["open_months"].map(
        lambda m: page.t("gap") if m is None else m)
    st.dataframe(timeline.rename(columns={
        "day": page.t("itin.col.day"), "event": page.t("itin.col.event"),
        "arrive": page.t("itin.col.arrive"), "leave": page.t("itin.col.leave"),
        "place": page.t("itin.col.place"), "municipality": page.t("itin.col.municipality"),
        "drive_minutes": page.t("itin.col.drive"), "ferry": page.t("itin.col.ferry"),
        "open_months": page.t("itin.col.open")}), hide_index=True, width="stretch")
    st.caption(page.t("itin.timeline.note"))


def benefits(page: Page, base: BaseData, trip) -> None:
    """Nights and visits per company (table and chart), the companies crossed, who cooperates."""
    st.subheader(page.t("itin.benefits"))
    shares = trip.benefits
    table_col, chart_col = st.columns([1, 1], gap="medium")
    rows = benefit_rows(trip, base)
    with table_col:
        st.dataframe(pd.DataFrame(rows).rename(columns={
            "company": page.t("itin.col.company"), "nights": page.t("itin.col.nights"),
            "visits": page.t("itin.col.visits"),
            "municipalities": page.t("itin.col.municipalities")}),
            hide_index=True, width="stretch")
    with chart_col:
        chart = _benefit_chart(page, rows)
        if chart is not None:
            st.altair_chart(chart, key="itin.chart")
    st.markdown(f"**{page.t('itin.crossed')}:** " + ", ".join(md(c) for c in shares.crossed))
    hosts = [c.name for c in shares.companies if c.company_id is not None]
    if shares.needs_cooperation:
        st.markdown(md(page.t("itin.cooperation", n=len(hosts), names=", ".join(hosts))))
    else:
        st.markdown(page.t("itin.one_company"))


def _benefit_chart(page: Page, rows: list[dict]) -> alt.Chart | None:
    nights, visits = page.t("itin.col.nights"), page.t("itin.col.visits")
    long = pd.DataFrame(
        [{"company": r["company"], "measure": nights, "count": r["nights"]} for r in rows]
        + [{"company": r["company"], "measure": visits, "count": r["visits"]} for r in rows])
    if long.empty:
        return None
    return alt.Chart(long, title=page.t("itin.benefits.chart")).mark_bar().encode(
        y=alt.Y("company:N", sort=[r["company"] for r in rows], title=None),
        x=alt.X("count:Q", title=page.t("itin.count"), axis=alt.Axis(tickMinStep=1)),
        yOffset="measure:N",
        color=alt.Color("measure:N", title=page.t("itin.measure"),
                        scale=alt.Scale(range=["#0072B2", "#E69F00"])),
        tooltip=[alt.Tooltip("company:N", title=page.t("itin.col.company")),
                 alt.Tooltip("measure:N", title=page.t("itin.measure")),
                 alt.Tooltip("count:Q", title=page.t("itin.count"))])


def alternatives_table(page: Page, result) -> None:
    st.subheader(page.t("itin.alternatives"))
    st.dataframe(pd.DataFrame(alternative_rows(result)).rename(columns={
        "variant": page.t("itin.col.variant"), "score": page.t("itin.col.score"),
        "visits": page.t("itin.col.visits"), "nights": page.t("itin.col.nights"),
        "drive_minutes": page.t("itin.col.drive_day"), "companies": page.t("itin.col.companies"),
        "effective_splits": page.t("itin.col.es"), "bases": page.t("itin.col.bases")}),
        hide_index=True, width="stretch")


def downloads(page: Page, result, trip, seed: int, scenario_id: str) -> None:
    """GeoJSON and a self-contained HTML page of the trip; the share link; how it was planned."""
    lang = page.lang
    st.subheader(page.t("itin.downloads"))
    name = f"itinerary-{result.request.start}-{result.request.days}d-{trip.variant}"
    d1, d2 = st.columns(2)
    d1.download_button(page.t("itin.download.geojson"), key="itin.download.geojson",
                       data=json.dumps(trip_geojson(trip, result=result), ensure_ascii=False),
                       file_name=f"{name}.geojson", mime="application/geo+json", on_click="ignore")
    d2.download_button(page.t("itin.download.html"), key="itin.download.html",
                       data=trip_html(trip, result=result, lang=lang, title=page.t("itin.title")),
                       file_name=f"{name}.html", mime="text/html", on_click="ignore")
    st.caption(page.t("itin.share"))
    st.code(share_link(result.request, seed=seed, scenario_id=scenario_id)
            + (f"&lang={lang}" if lang != "en" else ""), language=None)
    with st.expander(page.t("itin.method")):
        st.markdown(page.t("itin.method.text", year=result.facts_year, bases=result.bases,
                           candidates=result.candidates, seconds=f"{result.runtime_s:.1f}"))
