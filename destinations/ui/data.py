"""Load once, cache once: every page gets its data through these wrappers.

Memory is bounded: a cache whose keys can vary with a session's choices (a plan, a slider value,
an uploaded matrix) has ``max_entries`` (and a ``ttl`` where the answer can change while the
server runs, such as the store's health); caches keyed by the data alone (a year, the settings)
hold one entry per value.
"""

from __future__ import annotations

import streamlit as st

from destinations.data.base import BaseData, load_base
from destinations.maps import layers
from destinations.maps.layers import company_borders_geojson, municipality_geojson
from destinations.settings import load_settings


def base() -> BaseData:
    """The base data, shared read-only by every session (keyed by the settings in force)."""
    return _base_for(load_settings())


@st.cache_resource(show_spinner="Loading Danish boundaries, companies and attractions…")
def _base_for(settings) -> BaseData:
    return load_base(settings)


@st.cache_resource(show_spinner=False)
def display_geometry():
    return layers.display_geometry(base())


def _assignment_key(assignment: dict[str, str | None]) -> tuple:
    return tuple(sorted((k, v or "") for k, v in assignment.items()))


#: Bounds of caches keyed by a session's plan (the editor makes a new one with every move).
PLAN_CACHE = {"max_entries": 32, "ttl": 3600}


@st.cache_data(show_spinner=False, **PLAN_CACHE)
def municipality_layer(assignment_key: tuple, names_key: tuple, unaffiliated_label: str,
                       values_key: tuple | None = None) -> str:
    """Municipality GeoJSON for an assignment (cached by a hashable key of the plan)."""
    assignment = {k: (v or None) for k, v in assignment_key}
    return municipality_geojson(display_geometry(), assignment, dict(names_key),
                                unaffiliated_label=unaffiliated_label,
                                values=dict(values_key) if values_key is not None else None)


@st.cache_data(show_spinner=False, **PLAN_CACHE)
def border_layer(assignment_key: tuple) -> str:
    assignment = {k: (v or None) for k, v in assignment_key}
    return company_borders_geojson(display_geometry(), assignment)


def layers_for(assignment: dict[str, str | None], names: dict[str, str],
               unaffiliated_label: str, values: dict[str, str] | None = None) -> tuple[str, str]:
    """(municipality GeoJSON, company border GeoJSON) for a plan, from the cache when possible."""
    key = _assignment_key(assignment)
    values_key = tuple(sorted(values.items())) if values is not None else None
    return (municipality_layer(key, tuple(sorted(names.items())), unaffiliated_label, values_key),
            border_layer(key))


@st.cache_resource(show_spinner="Loading tourism facts…", max_entries=8)
def facts(year: int):
    """The facts table of a year (modelled unless official StatBank files are present)."""
    from destinations.facts import load_facts

    return load_facts(base(), year)


@st.cache_resource(show_spinner=False, max_entries=16)
def map_metric(key: str, year: int):
    from destinations.maps.choropleth import municipality_metric

    return municipality_metric(base(), key, year)


@st.cache_resource(show_spinner="Validating the model (leave-one-out)…")
def facts_validation():
    from destinations.facts import validation_mae, validation_report

    report = validation_report(base())
    return report, validation_mae(report)


@st.cache_resource(show_spinner=False)
def status() -> dict:
    """``data status`` payload (computed once per process)."""
    from destinations.catalog import data_status

    return data_status(base())


@st.cache_resource(show_spinner=False)
def catalogue() -> list:
    from destinations.catalog import all_datasets

    return all_datasets(base())


def mismatch_table():
    from destinations.data.tables import attraction_mismatches

    return attraction_mismatches(base())


def link_edge_table(lang: str):
    from destinations.data.tables import link_edges

    return link_edges(base(), lang)


@st.cache_resource(show_spinner="Checking the day-trip model against the network…")
def flow_check():
    """(FlowCheck, its table of link loads) of the default flow model, latest year."""
    from destinations.catalog import flow_check_table

    return flow_check_table(base())


# ------------------------------------------------------------------------------ scenarios
@st.cache_resource(show_spinner="Modelling day trips…", max_entries=8, ttl=3600)
def evaluation_context(year: int, floor: float, lighthouse: float, halflife_min: float,
                       max_minutes: float, od_csv: bytes | None = None):
    """The scenario evaluation context for these assumptions (shared by all sessions)."""
    import math

    from destinations.scenarios.flows import FlowParams, load_od_matrix
    from destinations.scenarios.metrics import EvaluationContext

    loaded = base()
    flows = load_od_matrix(od_csv, loaded.codes, name="uploaded OD matrix") if od_csv else None
    params = FlowParams(beta_per_minute=math.log(2) / halflife_min, max_minutes=max_minutes)
    return EvaluationContext.from_base(loaded, facts(year), flow_params=params, flows=flows,
                                       floor=floor, lighthouse_threshold=lighthouse)


@st.cache_resource(show_spinner=False, max_entries=4)
def scenario_store_at(url: str):
    """The scenario store at a database URL (raises StoreError when unreachable; not cached then)."""
    from destinations.store import ScenarioStore

    return ScenarioStore(url, codes=base().codes)


# ------------------------------------------------------------------------------ plan generator
@st.cache_resource(show_spinner="Building the parish graph…")
def parish_geography():
    from destinations.regionalize.parish import parish_geography as build

    return build(base())


@st.cache_resource(show_spinner=False, max_entries=4)
def parish_problem(_ctx, ctx_key: int, locked_key: tuple, together_key: tuple):
    """The parish-level problem for a context (keyed by its id), locked companies and groups."""
    from destinations.regionalize.parish import parish_problem as build

    locked = {cid: members for cid, members in locked_key}
    return build(base(), _ctx, geography=parish_geography(), locked=locked,
                 together=[list(g) for g in together_key])


@st.cache_resource(show_spinner=False)
def preview_features():
    """Simplified municipality shapes for the generator's live preview chart."""
    from destinations.regionalize import views

    return views.preview_features(display_geometry())


# ------------------------------------------------------------------------------ season and profile
@st.cache_resource(show_spinner=False)
def years() -> tuple[int, ...]:
    """The years with tourism facts."""
    from destinations.facts import available_years

    return tuple(available_years(base()))


@st.cache_resource(show_spinner="Loading tourism facts…", max_entries=8)
def cube(year: int):
    """The year's facts as arrays (shared read-only by every session)."""
    from destinations.season.seasonality import FactsCube

    return FactsCube.from_facts(facts(year))


@st.cache_resource(show_spinner="Modelling day trips and their range…", max_entries=8)
def flow_range(year: int):
    """The modelled day-trip flows on the year's overnights, with the range they span over the
    model's sensitivity settings (:func:`destinations.scenarios.flows.flow_range`)."""
    from destinations.scenarios.flows import flow_range as build

    return build(base(), facts(year).annual())


@st.cache_resource(show_spinner=False, max_entries=8)
def least_certain_pairs(year: int, lang: str):
    """Every cross-municipality pair carrying at least 0.1 % of the trips, least certain first
    (:func:`destinations.scenarios.flows.least_certain_pairs`); pages filter and cut it."""
    from destinations.scenarios.flows import least_certain_pairs as rank

    loaded = base()
    names = {c: loaded.municipality_name(c) for c in loaded.codes}
    return rank(flow_range(year), names, top=100_000, lang=lang)


@st.cache_resource(show_spinner=False)
def today_scenario():
    """Today's destination companies as a scenario."""
    from destinations.scenarios.scenario import Scenario

    return Scenario.from_base(base())


def _plan_key(scenario) -> tuple:
    return (scenario.id, scenario.labels, scenario.company_names)


@st.cache_resource(show_spinner=False, **PLAN_CACHE)
def _profile(plan_key: tuple, company_id: str, year: int, _scenario, _stories: list):
    from destinations.season.profile import company_profile

    return company_profile(base(), facts(year), _scenario, company_id, cube=cube(year),
                           flows=flow_range(year), stories=_stories)


def profile(scenario, company_id: str, year: int, stories: list):
    """The :class:`~destinations.season.profile.CompanyProfile` of a company of ``scenario``
    (cached by the plan, the company, the year and the stories' ids)."""
    key = _plan_key(scenario) + (tuple(s.id for s in stories),)
    return _profile(key, company_id, year, scenario, stories)


@st.cache_resource(show_spinner=False, max_entries=16, ttl=3600)
def _company_curves(plan_key: tuple, year: int, _scenario):
    from destinations.season.seasonality import company_curves as build

    return build(cube(year), _scenario)


def company_curves(scenario, year: int) -> dict:
    """The monthly curve of every company of ``scenario`` (cached by the plan and the year)."""
    return _company_curves(_plan_key(scenario), year, scenario)


@st.cache_resource(show_spinner=False, max_entries=8)
def gross_reference(year: int):
    from destinations.season.capacity import national_gross_occupancy

    return national_gross_occupancy(base(), year)


@st.cache_resource(show_spinner=False, max_entries=16)
def markets(top: int, since: int):
    from destinations.season.seasonality import source_markets

    return source_markets(base().settings, top=top, since=since)


# ------------------------------------------------------------------------------ stories and stores
@st.cache_resource(show_spinner=False)
def builtin_stories():
    """The built-in stories (drafted from the data once per process)."""
    from destinations.narratives import builtin_narratives

    return builtin_narratives(base())


def document_stores(url: str):
    """(story store, scenario store, error message) on one document store at a database URL;
    both stores None and the message set when it cannot be opened (a failure is not cached: the
    next run tries again)."""
    from destinations.errors import DestinationsError

    try:
        return (*_document_stores(url), "")
    except DestinationsError as exc:
        return None, None, str(exc)


@st.cache_resource(show_spinner=False, max_entries=4)
def _document_stores(url: str):
    from destinations.store import DocumentStore, ScenarioStore
    from destinations.store.stories import StoryStore

    documents = DocumentStore(url)
    loaded = base()
    return StoryStore(documents, base=loaded), ScenarioStore(documents, codes=loaded.codes)


#: Seconds a store health answer is reused: an outage shows within this time, and so does the
#: recovery.
STORE_STATUS_TTL_S = 20


def store_problem() -> str:
    """'' when the scenario store at ``DESTINATIONS_DB_URL`` answers, else a message fit to show
    (no host, port or path). Checked at most every :data:`STORE_STATUS_TTL_S` seconds."""
    from destinations.settings import load_settings

    return _store_problem(load_settings().db_url)


@st.cache_data(show_spinner=False, ttl=STORE_STATUS_TTL_S, max_entries=4)
def _store_problem(url: str) -> str:
    from destinations.store import store_status

    status = store_status(url)
    return "" if status.ok else (status.message or "The scenario store is not reachable.")


# ------------------------------------------------------------------------------ reading the store
#: The option that stands for today's destination companies (as in destinations.ui.stores).
TODAY = "today"


def scenario_choices() -> tuple[dict[str, str], str]:
    """({scenario id: name} with today's first, its name left to the page; a problem text).

    While the store does not answer only today's companies are offered and the problem says why;
    nothing here raises for an unreachable store.
    """
    problem = store_problem()
    if problem:
        return {TODAY: ""}, problem
    from destinations.ui.stores import scenario_choices as saved

    return saved()


def scenario_for(state_key: str):
    """(the scenario chosen in session key ``state_key``, a problem text).

    A saved scenario that cannot be read (the store went down, the scenario is damaged) gives
    today's companies, the choice is set back to today and the problem says why.
    """
    from destinations.errors import DestinationsError
    from destinations.ui.stores import load_scenario

    chosen = st.session_state.get(state_key, TODAY)
    if chosen == TODAY:
        return today_scenario(), ""
    try:
        return load_scenario(chosen), ""
    except DestinationsError as exc:
        st.session_state[state_key] = TODAY
        return today_scenario(), str(exc)


def stories() -> list:
    """The built-in stories, plus the saved ones while the store answers."""
    if store_problem():
        return list(builtin_stories())
    from destinations.ui.stores import all_stories

    return all_stories()
