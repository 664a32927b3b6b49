"""Streamlit side of the profile and seasonality pages: caches, URL state, formatting, exports.

State: each page keeps its choices in namespaced session keys (``profile.*``, ``season.*``). On the
first run of a session they are filled from the URL
(``?scenario=…&company=…&year=…&scope=…``),
validated against what exists (a bad value falls back with a message), and after every run the URL
is rewritten from them, so the address bar is always a shareable link to the view.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Iterable, Mapping, Sequence

import pandas as pd
import streamlit as st

from destinations import maps
from destinations.season.charts import chart_png, provenance_text
from destinations.errors import DestinationsError
from destinations.data.lookup import MONTHS_DA, MONTHS_EN
from destinations.model import Provenance
from destinations.scenarios.scenario import Scenario
from destinations.ui import data
from destinations.ui.frame import Page, kind_badge

TODAY = "today"
_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:=")


def md(text: object) -> str:
    """Text made inert for ``st.markdown`` (names from data or users may hold markup)."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))


# ------------------------------------------------------------------------------------- caches
@st.cache_resource(show_spinner=False)
def years() -> tuple[int, ...]:
    from destinations.facts import available_years

    return tuple(available_years(data.base()))


@st.cache_resource(show_spinner="Loading tourism facts…", max_entries=8)
def cube(year: int):
    """The year's facts as arrays (shared read-only by every session)."""
    from destinations.season.seasonality import FactsCube

    return FactsCube.from_facts(data.facts(year))


@st.cache_resource(show_spinner=False, max_entries=8)
def flows(year: int):
    """The modelled day-trip flows on the year's overnights."""
    from destinations.scenarios.flows import model_flows

    return model_flows(data.base(), data.facts(year).annual())


@st.cache_resource(show_spinner=False)
def today() -> Scenario:
    return Scenario.from_base(data.base())


def scenario_choices() -> tuple[dict[str, str], str]:
    """({scenario id: name} with today's first, problem text ('' when the store answered))."""
    from destinations.ui.stories import saved_scenarios, stores

    _, _, problem = stores()
    saved = saved_scenarios()
    return {TODAY: "", **{k: v for k, v in saved.items() if k != TODAY}}, problem


def load_scenario(scenario_id: str) -> Scenario:
    """Today's scenario or a saved one (latest version)."""
    if scenario_id == TODAY:
        return today()
    from destinations.ui.stories import stores

    _, scenario_store, problem = stores()
    if scenario_store is None:
        raise DestinationsError(problem or "The scenario store is unavailable.")
    return scenario_store.load(scenario_id).scenario


def stories() -> list:
    """Built-in stories plus the saved ones."""
    from destinations.ui.stories import builtin_stories, saved_stories

    builtins = list(builtin_stories())
    ids = {s.id for s in builtins}
    return builtins + [s for s in saved_stories()[0] if s.id not in ids]


def _plan_key(scenario: Scenario) -> tuple:
    return (scenario.id, scenario.labels, scenario.company_names)


@st.cache_resource(show_spinner=False, max_entries=32)
def _profile(plan_key: tuple, company_id: str, year: int, _scenario: Scenario, _stories: list):
    from destinations.season.profile import company_profile

    return company_profile(data.base(), data.facts(year), _scenario, company_id, cube=cube(year),
                           flows=flows(year), stories=_stories)


def profile(scenario: Scenario, company_id: str, year: int):
    """The (cached) :class:`~destinations.season.profile.CompanyProfile`."""
    found = stories()
    key = _plan_key(scenario) + (tuple(s.id for s in found),)
    return _profile(key, company_id, year, scenario, found)


@st.cache_resource(show_spinner=False, max_entries=16)
def _company_curves(plan_key: tuple, year: int, _scenario: Scenario):
    from destinations.season.seasonality import company_curves

    return company_curves(cube(year), _scenario)


def company_curves(scenario: Scenario, year: int) -> dict:
    return _company_curves(_plan_key(scenario), year, scenario)


@st.cache_resource(show_spinner=False)
def gross_reference(year: int) -> pd.DataFrame:
    from destinations.season.capacity import national_gross_occupancy

    return national_gross_occupancy(data.base(), year)


@st.cache_resource(show_spinner=False)
def markets(top: int, since: int) -> pd.DataFrame:
    from destinations.season.seasonality import source_markets

    return source_markets(data.base().settings, top=top, since=since)


# -------------------------------------------------------------------------------- URL state
def init_choice(key: str, param: str, options: Sequence[Any], default: Any, *,
                parse: Callable[[str], Any] = str) -> tuple[str, str] | None:
    """Fill session key ``key`` once from ``?param=``; keep it valid when ``options`` change.

    Returns ``(requested value, shown value)`` when the URL asked for something that is not in
    ``options`` (the page says so), else None.
    """
    problem = None
    if key not in st.session_state:
        raw = st.query_params.get(param)
        value = default
        if raw not in (None, ""):
            try:
                parsed = parse(raw)
            except (TypeError, ValueError):
                parsed = None
            if parsed in options:
                value = parsed
            else:
                problem = (str(raw), str(default))
        st.session_state[key] = value
    elif st.session_state[key] not in options:
        st.session_state[key] = default
    return problem


def write_params(values: Mapping[str, Any]) -> str:
    """Mirror ``values`` into the URL (None removes a parameter); returns the query string."""
    for name, value in values.items():
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)
    shown = {k: v for k, v in st.query_params.to_dict().items()}
    return "?" + "&".join(f"{k}={v}" for k, v in shown.items())


# -------------------------------------------------------------------------------- formatting
def number(value: Any, lang: str, decimals: int = 0, *, gap: str = "–") -> str:
    """1234567.8 -> '1,234,568' (en) / '1.234.568' (da); NaN/None -> the gap text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return gap
    text = f"{float(value):,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def percent(share: Any, lang: str, decimals: int = 1, *, gap: str = "–") -> str:
    """0.4567 -> '45.7 %' (en) / '45,7 %' (da)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return gap
    return number(float(share) * 100.0, lang, decimals) + " %"


def year_text(value: Any, *, gap: str = "–") -> str:
    """2019.0 -> '2019'; NaN/None -> the gap text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return gap
    return str(int(value))


def month_names(page: Page) -> tuple[str, ...]:
    return MONTHS_DA if page.lang == "da" else MONTHS_EN


def type_names(page: Page) -> dict[str, str]:
    from destinations.facts.constants import ACCOMMODATION_TYPES

    return {t: page.t(f"type.{t}") for t in ACCOMMODATION_TYPES}


def kind_names(page: Page) -> dict[str, str]:
    return {k: page.t(f"kind.{k}") for k in ("official", "compiled", "modelled")}


def chart_labels(page: Page, **extra: str) -> dict[str, str]:
    keys = ("month", "overnights", "type", "company", "share", "guests", "danish", "foreign",
            "year", "country", "demand", "capacity", "occupancy", "series")
    return {**{k: page.t(f"lbl.{k}") for k in keys}, **extra}


def caption(page: Page, provenance: Provenance | Iterable[Provenance]) -> str:
    """The chart caption: "Source: … · year · kind" in the page's language."""
    return provenance_text(provenance, source_label=page.t("lbl.source"),
                           kind_names=kind_names(page))


def provenance_line(page: Page, provenance: Provenance) -> None:
    """Kind badge, source and year under a number, table or chart."""
    year = f" · {provenance.year}" if provenance.year is not None else ""
    st.caption(f"{kind_badge(page, provenance.kind.value)} {page.t('lbl.source')}: "
               f"{md(provenance.source)}{year}")
    if provenance.kind.value == "modelled":
        st.caption(page.t("modelled.note"))


# -------------------------------------------------------------------------------------- exports
def csv_bytes(frame: pd.DataFrame, lang: str, provenance: Provenance | None = None) -> bytes:
    """CSV with provenance columns (Danish: ';' and decimal comma, for spreadsheets)."""
    out = frame.copy()
    if provenance is not None:
        if "kind" not in out.columns:
            out["kind"] = provenance.kind.value
        out["source"] = provenance.source
        out["year"] = provenance.year if "year" not in out.columns else out["year"]
    if lang == "da":
        return out.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
    return out.to_csv(index=False).encode("utf-8")


def download_csv(page: Page, frame: pd.DataFrame, name: str, key: str,
                 provenance: Provenance | None = None, *, what: str = "") -> None:
    """A CSV button; ``what`` names the table when a section offers several."""
    label = page.t("export.csv") + (f": {what}" if what else "")
    st.download_button(label, data=csv_bytes(frame, page.lang, provenance),
                       file_name=f"{name}.csv", mime="text/csv", key=key, on_click="ignore",
                       icon=":material/table:")


def download_png(page: Page, chart, name: str, key: str, *, what: str = "") -> None:
    """A PNG button that renders only when clicked (vl-convert takes ~0.2-2 s per chart)."""
    label = page.t("export.png") + (f": {what}" if what else "")
    st.download_button(label, data=lambda: chart_png(chart), file_name=f"{name}.png",
                       mime="image/png", key=key, on_click="ignore", icon=":material/image:")


def file_stem(*parts: object) -> str:
    """A safe file name from parts ('Destination Fyn', 2019 -> 'destination-fyn-2019')."""
    from destinations.data.companies import slugify

    return "-".join(slugify(str(p)) for p in parts if str(p))


def page_link(page_file: str, url_path: str, label: str, params: Mapping[str, str],
              icon: str | None = None) -> None:
    """A link to another page of the app carrying ``params`` (a plain link when the page is not
    registered, e.g. when a page runs on its own under AppTest)."""
    from urllib.parse import urlencode

    from streamlit.errors import StreamlitAPIException

    try:
        st.page_link(page_file, label=label, icon=icon, query_params=dict(params))
    except StreamlitAPIException:
        st.markdown(f"[{md(label)}](/{url_path}?{urlencode(dict(params))})")


# ------------------------------------------------------------------------------------- tables
def show_whatif_table(page: Page, summary: pd.DataFrame) -> None:
    """The what-if summary (one row per scope, baseline and what-if side by side)."""
    columns = {"name": page.t("lbl.name")}
    config = {}
    for column in summary.columns:
        if column in ("key", "name"):
            continue
        figure = column.removesuffix("_whatif")
        label = page.t(f"fig.{figure}") + (f" · {page.t('lbl.whatif')}"
                                            if column.endswith("_whatif") else "")
        columns[column] = label
        if figure.endswith("_share"):
            config[label] = st.column_config.NumberColumn(format="percent")
        elif figure in ("gini", "peak_mean_ratio", "entropy", "relative_redundancy"):
            config[label] = st.column_config.NumberColumn(format="%.3f")
        elif figure.endswith("_pct"):
            config[label] = st.column_config.NumberColumn(format="%.1f")
        else:
            config[label] = st.column_config.NumberColumn(format="localized")
    rounded = {c: 0 for c in summary.columns if c.startswith(("overnights", "offseason_headroom",
                                                                "shortage_excess"))}
    shown = summary.drop(columns=["key"]).round(rounded).rename(columns=columns)
    shown[page.t("lbl.kind")] = page.t("kind.modelled")
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)


def show_year_table(page: Page, comparison: pd.DataFrame, before: int, after: int,
                    kind: str) -> None:
    """:func:`destinations.season.seasonality.year_comparison` as text: counts, percentages (change in
    percentage points), indices, month names."""
    lang, months = page.lang, month_names(page)
    rows = []
    for record in comparison.itertuples(index=False):
        key = record.index
        if key == "overnights":
            cells = [number(v, lang) for v in (record.before, record.after, record.change)]
        elif key.endswith("_share"):
            cells = [percent(record.before, lang), percent(record.after, lang),
                     number(record.change * 100, lang, 1) + " pp"]
        elif key == "peak_month":
            cells = [months[int(v) - 1] if v else "–"
                     for v in (record.before, record.after)] + [""]
        else:
            cells = [number(v, lang, 3) for v in (record.before, record.after, record.change)]
        rows.append([page.t(f"idx.{key}"), *cells, page.t(f"kind.{kind}")])
    st.dataframe(pd.DataFrame(rows, columns=[page.t("lbl.index"), str(before), str(after),
                                             page.t("lbl.change"), page.t("lbl.kind")]),
                 hide_index=True, width="stretch")


def show_reference_table(page: Page, reference: pd.DataFrame) -> None:
    """National gross occupancy (Eurostat both sides): types x months, in percent."""
    wide = reference.pivot_table(index="type", columns="month", values="occupancy_pct")
    names = type_names(page)
    wide.index = [names.get(t, t) for t in wide.index]
    wide.columns = list(month_names(page))[: len(wide.columns)]
    st.dataframe(wide, width="stretch",
                 column_config={c: st.column_config.NumberColumn(format="%.1f")
                                for c in wide.columns})


# ------------------------------------------------------------------------------------------ map
def profile_map(page: Page, base, scenario: Scenario, codes: Sequence[str],
                center: tuple[float, float], zoom: int):
    """The company's map: municipalities by company (members outlined), borders, attractions."""
    assignment, names = scenario.assignment, scenario.names
    colours = maps.company_colours(assignment, base.graph)
    fill_json, border_json = data.layers_for(assignment, names, page.t("unaffiliated"))
    fmap = maps.new_map(center=center, zoom=zoom)
    maps.add_municipalities(fmap, fill_json, colours, name=page.t("profile.map.members"),
                            outlined=list(codes))
    maps.add_company_borders(fmap, border_json, name=page.t("profile.map.borders"))
    inside = set(codes)
    company_of = {code: names.get(cid or "", "") for code, cid in assignment.items()}
    maps.add_attractions(
        fmap, maps.attractions_geojson([a for a in base.attractions if a.kommune_code in inside],
                                       company_of),
        name=page.t("profile.map.attractions"),
        labels={"name": page.t("col.name"), "category": page.t("col.category"),
                "visitors": page.t("col.visitors")})
    return fmap
