"""The itinerary page's work: the form's state (filled once from a shared link), planning with a
progress bar and a cancel button, trip links that reopen a trip exactly (the address bar is kept
the link of the trip shown; "re-plan" is a separate button), and the trip's views (map, day by
day with "why this stop", who benefits, alternatives, downloads).

Cancelling works the way Streamlit does: a click while the planner runs makes Streamlit stop the
running script at its next update of the progress bar and run the page again; that run sees the
click (:data:`CANCELLED_KEY`), keeps the previous trip and says so."""

from __future__ import annotations

import json

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from destinations.data.base import BaseData
from destinations.data.labels import category_label, theme_label
from destinations.errors import DestinationsError
from destinations.i18n import fmt_number
from dataclasses import replace
from urllib.parse import parse_qs, urlsplit

from destinations.itinerary import (
    COPENHAGEN_ICONS,
    EVENT_THEME,
    HUB_BY_ID,
    HUBS,
    QUERY_KEYS,
    TripRequest,
    TripLinkError,
    TripRequestError,
    alternative_rows,
    decode_trip,
    benefit_rows,
    day_rows,
    month_ranges,
    plan_trip,
    rebenefit,
    reopen_trip,
    request_from_query,
    request_query,
    share_link,
    timeline_rows,
    trip_geojson,
    trip_html,
    trip_link,
    valid_themes,
    validate_request,
    visit_rows,
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
LINK_KEY = "itin.link.pending"  # a trip link to reopen (no planning) on this run
REPLAN_KEY = "itin.replan.pending"  # "re-plan" was pressed: plan the shown trip's request anew
CANCELLED_KEY = "itin.cancelled"  # the cancel button was pressed while planning
NOTICE_KEY = "itin.notice"  # a one-off information (cancelled, reopened)
#: Seconds the solver may use; tests lower it through the session state.
TIME_LIMIT_KEY = "itin.time_limit"
#: The form's keys and their values before anything is chosen.
FORM_DEFAULTS = {"itin.start": "cph-airport", "itin.end": "", "itin.days": 5, "itin.month": 7,
                 "itin.themes": [], "itin.must": [], "itin.exclude": [], "itin.bases": "auto",
                 "itin.pace": 8.0, "itin.drive": 240, "itin.seed": 1}
#: The base modes of the form, in its order.
BASE_MODES = ("auto", "one", "road")


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


def _form_state(request: TripRequest, seed: int) -> dict:
    return {"itin.start": request.start,
            "itin.end": "" if request.end in (None, request.start) else request.end,
            "itin.days": request.days, "itin.month": request.month,
            "itin.themes": list(request.themes), "itin.must": list(request.must_see),
            "itin.exclude": list(request.exclude), "itin.bases": request.bases,
            "itin.pace": float(request.hours_per_day), "itin.drive": int(request.max_drive_minutes),
            "itin.seed": int(seed)}


def init_from_link(page: Page, base: BaseData, scenario_names: dict[str, str]) -> None:
    """Once a session: fill the form from a shared link. A link with ``?trip=`` reopens that trip
    exactly (no planning); one with only the request (``?from=…``) plans it on load; a bad link
    is explained and the form keeps its defaults."""
    if "itin.init" in st.session_state:
        return
    st.session_state["itin.init"] = True
    state = dict(FORM_DEFAULTS)
    token = st.query_params.get("trip")
    if token:
        try:
            link = decode_trip(token)
            state.update(_form_state(validate_request(base, link.request), link.seed or 1))
            st.session_state[LINK_KEY] = token
        except TripRequestError as exc:
            st.session_state[ERROR_KEY] = page.t("itin.bad_trip", error=str(exc))
    elif st.query_params.get("from"):
        try:
            linked, seed = request_from_query(base, dict(st.query_params))
            state.update(_form_state(linked, seed))
            st.session_state[PENDING_KEY] = True
        except TripRequestError as exc:
            st.session_state[ERROR_KEY] = page.t("itin.bad_link", error=str(exc))
    if st.query_params.get("scenario") in scenario_options(scenario_names):
        st.session_state["itin.scenario"] = st.query_params["scenario"]
    for key, value in state.items():
        st.session_state.setdefault(key, value)


def token_of(text: str) -> str:
    """The trip link in ``text``: a whole share link (``…?trip=t1.…``) or the link itself."""
    text = str(text or "").strip()
    if "trip=" in text:
        return parse_qs(urlsplit(text).query or text.split("?", 1)[-1]).get("trip", [""])[0]
    return text


def open_link(page: Page, base: BaseData, text: str | None = None) -> None:
    """Reopen a trip link exactly (``text``, or the one a shared link brought); a damaged or
    edited link is one clear message and the trip shown before stays as it was. With ``text``
    (the "open a trip link" box) the form takes the link's request: call it as the button's
    ``on_click``, which runs before the form's widgets exist."""
    s = st.session_state
    token = token_of(text) if text is not None else s.pop(LINK_KEY, None)
    if not token:
        return
    try:
        link = decode_trip(token)
        years = data.years()
        facts = data.facts(link.facts_year if link.facts_year in years else max(years))
        result = reopen_trip(base, token, facts=facts)
    except TripLinkError as exc:
        s[ERROR_KEY] = page.t("itin.bad_trip", error=str(exc))
        return
    except DestinationsError as exc:
        s[ERROR_KEY] = page.t("itin.bad_trip", error=str(exc))
        return
    s.pop(ERROR_KEY, None)
    s[RESULT_KEY] = (result, result.seed or 1)
    s["itin.alt"] = 0
    s[NOTICE_KEY] = page.t("itin.reopened")
    if text is not None:
        s.update(_form_state(result.request, result.seed or 1))


def latest_facts():
    """The tourism facts of the latest year (visitor numbers and seasons for the scores)."""
    return data.facts(max(data.years()))


def ask_replan() -> None:
    """``on_click`` of "re-plan": plan the shown trip's request again on the next run."""
    st.session_state[REPLAN_KEY] = True


def _cancel() -> None:
    st.session_state[CANCELLED_KEY] = True


def form_request() -> tuple[TripRequest, int]:
    s = st.session_state
    request = TripRequest(start=s["itin.start"], end=s["itin.end"] or None, days=s["itin.days"],
                          month=s["itin.month"], themes=tuple(s["itin.themes"]),
                          must_see=tuple(s["itin.must"]), exclude=tuple(s["itin.exclude"]),
                          bases=s["itin.bases"], hours_per_day=s["itin.pace"],
                          max_drive_minutes=s["itin.drive"])
    return request, int(s["itin.seed"])


def plan_if_asked(page: Page, base: BaseData, facts, submitted: bool) -> None:
    """Plan when the form was submitted, a shared link asked for it, or "re-plan" was pressed;
    with a progress bar and a cancel button. A failed or cancelled plan keeps the trip shown."""
    s = st.session_state
    if s.pop(CANCELLED_KEY, False):
        s[NOTICE_KEY] = page.t("itin.cancelled")
        s.pop(PENDING_KEY, None)
        s.pop(REPLAN_KEY, None)
        return
    replan = s.pop(REPLAN_KEY, False) and RESULT_KEY in s
    if not (submitted or s.pop(PENDING_KEY, False) or replan):
        return
    if replan:
        shown, seed = s[RESULT_KEY]
        request = replace(shown.request, alternatives=3)
    else:
        request, seed = form_request()
    box = st.empty()
    with box.container(border=True):
        bar = st.progress(0.0, text=page.t("itin.progress", n=1, total=request.alternatives))
        st.button(page.t("itin.cancel"), key="itin.cancel", on_click=_cancel, icon=":material/stop:")

    def progress(fraction: float, number: int) -> None:
        bar.progress(min(1.0, fraction),
                     text=page.t("itin.progress", n=number, total=request.alternatives))

    try:
        result = plan_trip(base, request, facts=facts, rng=np.random.default_rng(seed),
                           time_limit=float(s.get(TIME_LIMIT_KEY, 5.0)), on_progress=progress,
                           cancel=lambda: bool(s.get(CANCELLED_KEY)), seed=seed)
        s[RESULT_KEY] = (result, seed)
        s["itin.alt"] = 0
        s.pop(ERROR_KEY, None)
        if result.stopped_by == "time":
            s[NOTICE_KEY] = page.t("itin.stopped_time")
    except DestinationsError as exc:
        s[ERROR_KEY] = f"{page.t('itin.error')}: {exc}"
    box.empty()


def planned():
    """(result, seed) of the trip shown, or None; shows the last error (and notice) first."""
    if st.session_state.get(ERROR_KEY):
        st.error(md(st.session_state[ERROR_KEY]))
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.info(md(notice))
    return st.session_state.get(RESULT_KEY)


def link_of(result, variant: int) -> str:
    """The trip link of one itinerary of ``result`` (reopens exactly that trip)."""
    return trip_link(result, variant)


def share_in_url(result, seed: int, scenario_id: str, token: str) -> None:
    """Keep the address bar the share link of the trip shown (request and the trip itself; the
    page frame keeps ``?lang=``)."""
    params = request_query(result.request, seed=seed, scenario_id=scenario_id, trip=token)
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


def decimal(page: Page, value: float, digits: int) -> str:
    """``value`` with ``digits`` decimals in the page's convention (Danish: comma, dot groups)."""
    return fmt_number(value, page.lang, digits=digits)


def headline(page: Page, trip) -> None:
    """Score, visits, nights, driving hours and effective splits."""
    c1, c2, c3, c4, c5 = st.columns(5)
    c1.metric(page.t("itin.score"), f"{trip.score:.0f}")
    c2.metric(page.t("itin.visits"), len(trip.visits))
    c3.metric(page.t("itin.col.nights"), len(trip.nights))
    c4.metric(page.t("itin.driving"), decimal(page, trip.drive_minutes / 60, 1))
    c5.metric(page.t("itin.es"), decimal(page, trip.benefits.effective_splits, 2),
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
    """One row per day: from, where the guest sleeps, visits, leave and return times, driving."""
    st.subheader(page.t("itin.timeline"))
    frame = pd.DataFrame(day_rows(trip)).drop(columns=["overnight"])
    for column in ("from", "base"):
        frame[column] = frame[column].map(lambda name: place_name(page, name))
    if not frame["ferry_minutes"].any():
        frame = frame.drop(columns=["ferry_minutes"])
    st.dataframe(frame.rename(columns={
        "day": page.t("itin.col.day"), "from": page.t("itin.col.from"),
        "base": page.t("itin.col.base"), "visits": page.t("itin.col.visits"),
        "leave": page.t("itin.col.leave"), "arrive": page.t("itin.col.arrive"),
        "drive_minutes": page.t("itin.col.drive_day"),
        "ferry_minutes": page.t("itin.col.ferry_day")}), hide_index=True, width="stretch",
        key="itin.days.table")


def place_name(page: Page, name: str) -> str:
    """A hub's name in the page's language (base towns and attractions keep their own names)."""
    if page.lang != "da":
        return name
    return next((h.name_da for h in HUBS if h.name == name), name)


def theme_name(page: Page, theme: str) -> str:
    """A theme tag as the guest reads it (``events``: venues with an event)."""
    return page.t("itin.theme.events") if theme == EVENT_THEME else theme_label(theme, page.lang)


def why_text(page: Page, base: BaseData, visit, request) -> str:
    """"Why this stop" in the page's language: must-see, icon, the visitor figure with its year
    (estimates say so), the guest's themes it matches, its category."""
    a = base.attraction_by_id[visit.attraction_id]
    parts = []
    if visit.attraction_id in request.must_see:
        parts.append(page.t("itin.why.must"))
    if visit.attraction_id in COPENHAGEN_ICONS and "icon" in visit.why:
        parts.append(page.t("itin.why.icon"))
    if "UNESCO World Heritage" in visit.why:
        parts.append(page.t("itin.why.unesco"))
    themes = set(a.themes) | ({EVENT_THEME} if a.category == "event venue" else set())
    matched = sorted(set(request.themes) & themes)
    if matched:
        parts.append(page.t("itin.why.themes", themes=", ".join(theme_name(page, t)
                                                                 for t in matched)))
    parts.append(category_label(a.category, page.lang))
    if not visit.season_known:
        parts.append(page.t("itin.why.season"))
    return " · ".join(parts)


def visitors_text(page: Page, row: dict) -> str:
    """``4.031.000 (2023)``, ``1.000.000 (udateret, skøn)``: the figure used, labelled."""
    if row["visitors"] is None:
        return page.t("itin.visitors.none")
    number = fmt_number(row["visitors"], page.lang)
    when = str(row["year"]) if row["year"] is not None else page.t("itin.visitors.undated")
    precision = "" if row["precision"] in ("", "exact") else \
        ", " + page.t(f"itin.precision.{row['precision']}")
    return f"{number} ({when}{precision})"


def visits_table(page: Page, base: BaseData, trip, request) -> None:
    """Every visit with its times, assumed opening hours, why it is in the trip and the visitor
    figure behind it (year, precision, source)."""
    st.subheader(page.t("itin.why.title"))
    rows = visit_rows(trip, base)
    for row, visit in zip(rows, trip.visits):
        row["why"] = why_text(page, base, visit, request)
        row["visitors"] = visitors_text(page, row)
    frame = pd.DataFrame(rows, columns=["day", "start", "leave", "hours", "place", "why",
                                        "visitors", "source"])
    names = {"day": "itin.col.day", "start": "itin.col.start", "leave": "itin.col.leave",
             "hours": "itin.col.hours", "place": "itin.col.place", "why": "itin.col.why",
             "visitors": "itin.col.visitors", "source": "itin.col.source"}
    widths = {"day": 40, "start": 55, "leave": 55, "hours": 95, "place": 200, "why": 270,
              "visitors": 150, "source": 220}
    config = {page.t(key): st.column_config.Column(width=widths[column])
              for column, key in names.items()}
    st.dataframe(frame.rename(columns={c: page.t(k) for c, k in names.items()}),
                 column_config=config, hide_index=True, width="stretch",
                 height=min(38 + 35 * len(frame), 740), key="itin.visits.table")
    st.caption(page.t("itin.why.note"))


def timeline_table(page: Page, base: BaseData, trip) -> None:
    """Every stop in order with lunch: arrival, departure, place, driving, ferries, open months."""
    timeline = pd.DataFrame(timeline_rows(trip, base, lunch=True))
    timeline["event"] = timeline["event"].map(lambda e: page.t(f"itin.event.{e}"))
    lunch = timeline["event"] == page.t("itin.event.lunch")
    timeline.loc[lunch, "place"] = page.t("itin.lunch.place")
    timeline["open_months"] = timeline["open_months"].map(
        lambda m: page.t("gap") if m is None else m)
    with st.expander(page.t("itin.timeline.full"), expanded=False):
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
                        scale=alt.Scale(domain=[nights, visits], range=["#0072B2", "#E69F00"])),
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


def share_and_replan(page: Page, result, token: str, scenario_id: str) -> None:
    """The share link of the trip shown (it reopens exactly this trip) and the separate
    "re-plan" button (plans the same request again, alternatives included)."""
    st.subheader(page.t("itin.share.title"))
    seed = result.seed or 1
    link = share_link(result.request, seed=seed, scenario_id=scenario_id, trip=token)
    here = str(getattr(st.context, "url", "") or "").split("?")[0]
    prefix = here.rsplit("/", 1)[0] + "/" if "://" in here else ""
    st.caption(page.t("itin.share"))
    st.code(prefix + link + (f"&lang={page.lang}" if page.lang != "en" else ""), language=None,
            wrap_lines=True)
    st.button(page.t("itin.replan"), key="itin.replan", on_click=ask_replan,
              help=page.t("itin.replan.help"), icon=":material/refresh:")


def downloads(page: Page, result, trip) -> None:
    """GeoJSON and a self-contained HTML page of the trip; how it was planned."""
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
    with st.expander(page.t("itin.method")):
        st.markdown(page.t("itin.method.text", year=result.facts_year, bases=result.bases,
                           candidates=result.candidates, seconds=f"{result.runtime_s:.1f}",
                           iterations=result.iterations,
                           stopped=page.t(f"itin.stopped.{result.stopped_by}")))
