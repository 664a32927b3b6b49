"""The data catalogue: every dataset - official, compiled and modelled - with source, licence,
year, rows, kind, coverage, caveats and, for what this tool computes, its version and method.

* Files come from ``geodata/`` (or the operator's folder); their kind, title, source and licence
  come from ``geodata/manifest.json``. An official table read from a re-hosted copy (a public
  repository that committed the StatBank or Eurostat export) stays *official*; the copy is named in
  its source.
* Modelled datasets (the facts model's overnights, capacity, day-trip flows, travel times) are
  computed at run time and listed with the version of their method and where it is documented.
* Nothing here names a server folder: files are ``geodata/<file>`` (bundled) or their bare name.

:func:`all_datasets` feeds the data page; ``strict=True`` (``destinations data status``) raises
the first :class:`~destinations.errors.DataError` instead of listing a damaged file with 0 rows,
so the command fails with one line naming the file - the same loaders the pages use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from destinations.data.base import BaseData
from destinations.data.fetch import OFFICIAL_MUNICIPALITIES_FILE
from destinations.data.geo import simplification_report
from destinations.data.geography import (
    MUNICIPALITIES_FILE,
    PARISHES_FILE,
    REGIONS_FILE,
    load_parishes,
)
from destinations.data.graph import ASSUMPTIONS, summarize_graph
from destinations.data.manifest import check_files, dataset_info, read_manifest
from destinations.errors import DataError
from destinations.i18n import Message, Percent
from destinations.maps.layers import display_geometry, municipality_geojson
from destinations.model import DatasetInfo, Kind

#: Where a computed dataset lives.
COMPUTED = Message("computed at run time (no file)")
ALL_98 = Message("all 98")
#: Licence of what this tool computes.
MODEL_LICENCE = Message("MIT (this repository); inputs under their own licences")
VISITORS_FILE = "attraction_visitors.csv"


@dataclass(frozen=True)
class CatalogEntry(DatasetInfo):
    """A catalogue row with, for computed datasets, the method's ``version`` and ``method`` (where
    it is documented, a path in the repository)."""

    version: str = ""
    method: str = ""


# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------
def base_datasets(base: BaseData, *, strict: bool = False) -> list[DatasetInfo]:
    """Catalogue rows for the base datasets (tourism facts add their own rows)."""
    s = base.settings
    result = base.attractions_result
    approx = sum(a.coords_approx for a in base.attractions)
    uncertain = int(base.memberships["uncertain"].sum())
    estimated = sum(bool(d["crossing_estimated"]) for *_, d in base.graph.edges(data=True))
    parishes = _rows(lambda: len(load_parishes(s)), PARISHES_FILE, strict)
    visitors = _visitors_row(base, strict)
    return [
        dataset_info(s, MUNICIPALITIES_FILE, rows=len(base.municipalities),
                     coverage=Message("98 municipalities (311 polygons over 99 codes, dissolved by code)")),
        dataset_info(s, REGIONS_FILE, rows=len(base.regions), coverage=Message("5 regions")),
        dataset_info(s, PARISHES_FILE, rows=parishes[0],
                     coverage=Message("2,148 parishes with the municipality holding most of each"),
                     caveats=parishes[1]),
        dataset_info(s, "municipality_codes.csv", rows=len(base.municipalities), coverage=ALL_98),
        dataset_info(s, "destination_companies_2021.csv", rows=len(base.memberships),
                     coverage=Message("{companies} companies; {none} municipalities in none",
                                      companies=len(base.companies), none=len(base.unaffiliated)),
                     caveats=(Message("{n} memberships are inferred or conflicting and flagged on the map.",
                                      n=uncertain),)),
        dataset_info(s, "municipality_population.csv", rows=len(base.population), coverage=ALL_98),
        dataset_info(s, "attractions.csv", rows=len(base.attractions) + len(result.rejected),
                     coverage=Message("{loaded} loaded, {rejected} rejected; a published visitor count "
                                      "for {counted}", loaded=len(base.attractions),
                                      rejected=len(result.rejected), counted=visitors[2]),
                     caveats=(Message("{n} have approximate coordinates, possibly several km off.", n=approx),
                              Message("{n} lie in another municipality than stated (listed below); the "
                                      "stated municipality is used.", n=len(result.mismatches)))),
        visitors[0],
        dataset_info(s, "fixed_links.csv", rows=len(base.links),
                     coverage=Message("{links} links; crossing minutes for {timed}", links=len(base.links),
                                      timed=sum(l.crossing_minutes is not None for l in base.links)),
                     caveats=(Message("{n} graph edges use an estimated crossing time (no source gave one).",
                                      n=estimated),)),
    ]


def _rows(count, filename: str, strict: bool) -> tuple[int, tuple[str, ...]]:
    """(rows, caveats) of a file counted by ``count``; a failure is raised (strict) or listed."""
    try:
        return count(), ()
    except DataError as exc:
        if strict:
            raise
        return 0, (Message("cannot be loaded: {error}", error=str(exc)),)


def _visitors_row(base: BaseData, strict: bool) -> tuple[DatasetInfo, int, int]:
    """(row of attraction_visitors.csv, figures, attractions of attractions.csv with a count)."""
    from destinations.data.visitors import chosen_visitor_counts, load_attraction_visitors
    from destinations.scenarios.flows import chosen_counts

    try:
        figures = load_attraction_visitors(base.settings)
        chosen = chosen_counts(base)
    except DataError as exc:
        if strict:
            raise
        info = dataset_info(base.settings, VISITORS_FILE, rows=0, coverage="",
                            caveats=(Message("cannot be loaded: {error}", error=str(exc)),))
        return info, 0, 0
    attractions = len({f.name for f in figures})
    usable = len(chosen_visitor_counts(figures))
    counted = sum(a.name in chosen for a in base.attractions)
    info = dataset_info(
        base.settings, VISITORS_FILE, rows=len(figures),
        coverage=Message("{attractions} attractions, {usable} with a usable annual count; {counted} of "
                         "the {total} in attractions.csv get one", attractions=attractions, usable=usable,
                         counted=counted, total=len(base.attractions)),
        caveats=(Message("One figure per attraction by a written rule (latest normal year, exact over "
                         "rounded over estimate; rival figures kept, never averaged): "
                         "destinations/data/visitors.py."),))
    return info, len(figures), counted


# ---------------------------------------------------------------------------------------------
# What this tool computes
# ---------------------------------------------------------------------------------------------
def modelled_datasets(base: BaseData, *, facts=None, strict: bool = False) -> list[CatalogEntry]:
    """Rows for the computed datasets: overnights (facts model), capacity, travel times, day-trip
    flows. ``facts`` defaults to the latest available year."""
    from destinations.facts import MODEL_VERSION, available_years, load_facts
    from destinations.facts.capacity import CAPACITY_METHOD
    from destinations.scenarios.flows import SENSITIVITY, FlowParams, flow_checks, model_flows

    rows = [_travel_times(base)]
    try:
        years = available_years(base)
        facts = facts if facts is not None else load_facts(base, max(years))
    except DataError:
        if strict:
            raise
        return rows  # the tourism files are listed with their own error

    span = _years_text(years)
    cells = len(facts.overnights)
    official = facts.share_by_kind()["official"]
    kind = Kind.OFFICIAL if official >= 1.0 else Kind.MODELLED
    rows.insert(0, CatalogEntry(
        name=Message("Overnight stays by municipality, month, type and guests"),
        path=COMPUTED,
        source=f"{MODEL_VERSION}: raking of indicator seeds to Eurostat tour_occ_nim, StatBank "
               "TURIST and DST Nyt margins; official StatBank files, where fetched, replace it "
               "cell by cell",
        licence=MODEL_LICENCE, kind=kind, rows=cells, year=span,
        coverage=Message("98 municipalities x 12 months x 5 types x 2 guest groups ({cells} cells a "
                         "year); official share {official} in {year}", cells=cells,
                         official=Percent(official, 0), year=str(facts.year)),
        caveats=(Message("Leave-one-out validation against 20 published figures: docs/facts-model.md "
                         "section 9 (also on this page)."),),
        version=MODEL_VERSION, method="docs/facts-model.md"))

    capacity = facts.capacity[facts.capacity["month"] == 7]
    known = capacity[capacity["bed_places"].notna()]
    by_type = known.groupby("type")["code"].nunique().to_dict()
    dwellings = int(capacity.loc[capacity["type"] == "holiday_home", "dwellings"].notna().sum())
    refused = sum(not f.used for f in facts.capacity_figures)
    rows.insert(1, CatalogEntry(
        name=Message("Accommodation capacity by municipality"),
        path=COMPUTED,
        source=f"{CAPACITY_METHOD}: published local counts in capacity_by_municipality.csv x "
               "national Eurostat tour_cap_nat ratios; StatBank BOL101 holiday dwellings; never "
               "derived from the overnights",
        licence=MODEL_LICENCE, kind=Kind.MODELLED, rows=len(known) + dwellings, year=span,
        coverage=Message("bed places known for {hotel} municipalities' hotels, {camping} camping, "
                         "{centres} holiday centres & hostels, {marina} marinas; holiday dwellings "
                         "(official) for {dwellings}; unknown elsewhere",
                         hotel=int(by_type.get("hotel", 0)), camping=int(by_type.get("camping", 0)),
                         centres=int(by_type.get("holiday_centre_hostel", 0)),
                         marina=int(by_type.get("marina", 0)), dwellings=dwellings),
        caveats=(Message("{n} published local counts not used (forecasts, part of a municipality, "
                         "several municipalities together, undated, or more than 5 years off), each "
                         "with its reason.", n=refused),),
        version=CAPACITY_METHOD, method="docs/facts-model.md section 7"))

    params = FlowParams()
    flows = model_flows(base, facts.annual(), params)
    check = flow_checks(base, flows)
    verdict = (Message("network check passed: every flow has a route within {minutes} minutes and "
                       "none crosses water without a bridge, tunnel or ferry; {share} of trips between "
                       "municipalities use one", minutes=int(round(params.max_minutes)),
                       share=Percent(check.cross_water_share, 1)) if check.ok else
               Message("network check failed ({n}): {problems}", n=len(check.problems),
                       problems="; ".join(check.problems[:3])))
    rows.append(CatalogEntry(
        name=Message("Tourist day-trip flows between municipalities"),
        path=COMPUTED,
        source=f"{params.describe()} on the {facts.year} overnights (travel times above, "
               "attraction counts from attraction_visitors.csv)",
        licence=MODEL_LICENCE, kind=flows.kind, rows=int((flows.values > 0).sum()), year=span,
        coverage=Message("{n} x {n} directed pairs; {flows} with a flow", n=len(flows.codes),
                         flows=int((flows.values > 0).sum())),
        caveats=(verdict, Message("No measured day-trip data exist for Denmark in the data: every flow "
                                  "comes with its range over {cases}.",
                                  cases=[label for label, _ in SENSITIVITY]))
                + check.notes[:1],
        version="gravity/Huff, generalised cost (flows 2.0)",
        method="destinations/scenarios/flows.py (module documentation)"))
    return rows


def _travel_times(base: BaseData) -> CatalogEntry:
    graph = base.graph
    summary = summarize_graph(graph, list(base.links))
    kinds: dict[str, int] = {}
    for *_, d in graph.edges(data=True):
        kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
    a = graph.graph.get("assumptions", ASSUMPTIONS)
    return CatalogEntry(
        name=Message("Travel times between municipalities"),
        path=Message("computed at run time from fixed_links.csv and the municipal boundaries"),
        source=(f"straight line x {a['circuity']} circuity at {a['road_speed_kmh']:g} km/h between "
                f"anchor points, plus crossing minutes of bridges, tunnels and ferries (published, "
                f"or estimated at {a['ferry_speed_kmh']:g} km/h + {a['ferry_handling_min']:g} min)"),
        licence=MODEL_LICENCE, kind=Kind.MODELLED, rows=summary.edges, year=Message("current"),
        coverage=Message("{nodes} municipalities, {edges} edges ({kinds})", nodes=summary.nodes,
                         edges=summary.edges,
                         kinds=", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))),
        caveats=(Message("{n} crossing times are estimated (no source gave one).",
                         n=summary.estimated_crossings),
                 Message("Estimates, not measured journeys: no congestion, no timetables.")),
        version="travel graph (circuity 1.3, 70 km/h)", method="destinations/data/graph.py")


def _years_text(years) -> str:
    years = sorted(int(y) for y in years)
    runs, start = [], years[0]
    for previous, year in zip(years, years[1:] + [None]):
        if year != previous + 1:
            runs.append(str(start) if start == previous else f"{start}-{previous}")
            start = year
    return ", ".join(runs)


def all_datasets(base: BaseData, *, strict: bool = False, facts=None) -> list[DatasetInfo]:
    """Every dataset: base files, tourism files (and official StatBank files where present), and
    the datasets this tool computes.

    ``strict``: raise the first :class:`DataError` (a file that fails its loader) instead of
    listing it with ``rows=0`` and the error as its caveat.
    """
    from destinations.facts import datasets_info

    return (base_datasets(base, strict=strict) + list(datasets_info(base.settings, strict=strict))
            + modelled_datasets(base, facts=facts, strict=strict))


def files_in_force(settings) -> list[dict]:
    """Which file stands for each dataset, and where it came from.

    ``origin`` is ``bundled`` (the data shipped with the code), ``data directory`` (a folder set by
    ``DESTINATIONS_DATA_DIR``) or ``user download`` (``destinations data fetch``, which takes
    precedence; ``replaces`` says over what).
    """
    from destinations.facts.statbank import STATBANK_TABLES, official_files
    from destinations.settings import bundled_data_dir

    origin = "bundled" if settings.data_dir == bundled_data_dir().resolve() else "data directory"
    downloads: list[dict] = []
    dawa = settings.official_dir / OFFICIAL_MUNICIPALITIES_FILE
    if dawa.is_file():
        downloads.append({"path": str(dawa), "origin": "user download", "replaces": MUNICIPALITIES_FILE})
    for path in official_files(settings):
        table = next(t for t in STATBANK_TABLES.values() if t.filename == path.name)
        replaces = ("modelled municipality overnights"
                    if table.role in ("municipality_overnights", "holiday_homes") else "")
        downloads.append({"path": str(path), "origin": "user download", "replaces": replaces,
                          "table": table.id})
    replaced = {d["replaces"] for d in downloads}
    entries = read_manifest(settings.data_dir)
    names = ([e.path for e in entries] if entries is not None
             else sorted(p.name for p in Path(settings.data_dir).glob("*") if p.is_file()))
    bundled = [{"path": name, "origin": origin, "in_force": name not in replaced} for name in names]
    return bundled + downloads


def data_status(base: BaseData) -> dict:
    """The payload of ``destinations data status --json``.

    Every dataset it lists is validated first, with the loaders the pages use; the first damaged
    file raises :class:`DataError` naming it (the CLI prints one line and exits 2).
    """
    checks = check_files(base.settings.data_dir)
    for check in checks:
        if not check.ok:
            raise DataError(base.settings.data_dir / check.path, check.problem,
                            "restore it: `git checkout geodata/` in a clone, or reinstall the "
                            "package; `destinations data verify` lists every damaged file")
    datasets = all_datasets(base, strict=True)
    summary = summarize_graph(base.graph, list(base.links))
    display = display_geometry(base)
    report = simplification_report(base.municipalities, base.settings.display_tolerance_m,
                                   simplified=display)
    payload = municipality_geojson(display, base.today_assignment, base.today_company_names,
                                   unaffiliated_label="Unaffiliated")
    return {
        "data_dir": str(base.settings.data_dir),
        "manifest": read_manifest(base.settings.data_dir) is not None,
        "files": [{"path": c.path, "sha256": c.sha256, "ok": c.ok} for c in checks],
        "user_data_dir": str(base.settings.user_data_dir),
        "in_force": files_in_force(base.settings),
        "municipalities": len(base.municipalities),
        "regions": len(base.regions),
        "companies": len(base.companies),
        "unaffiliated_municipalities": base.unaffiliated,
        "uncertain_memberships": base.memberships.loc[base.memberships["uncertain"], "code"].tolist(),
        "travel_graph": {
            "nodes": summary.nodes,
            "edges": summary.edges,
            "components": summary.components,
            "fixed_links": summary.fixed_links,
            "estimated_crossings": summary.estimated_crossings,
            "skipped_links": list(summary.skipped_links),
            "assumptions": base.graph.graph.get("assumptions", {}),
        },
        "attractions": {
            "rows": len(base.attractions) + len(base.attractions_result.rejected),
            "loaded": len(base.attractions),
            "rejected": len(base.attractions_result.rejected),
            "municipality_mismatches": len(base.attractions_result.mismatches),
        },
        "map_payload_bytes": len(payload.encode()),
        "map_geometry": {
            "raw_bytes": report.raw_bytes,
            "tolerance_m": report.tolerance_m,
            "max_area_error": round(report.max_area_error, 5),
            "coverage_valid": report.coverage_valid,
        },
        "datasets": [_dataset_json(d) for d in datasets],
    }


def _dataset_json(d: DatasetInfo) -> dict:
    out = {"name": d.name, "source": d.source, "kind": d.kind.value, "rows": d.rows,
           "year": d.year, "file": d.path, "coverage": d.coverage}
    if isinstance(d, CatalogEntry):
        out["version"] = d.version
        out["method"] = d.method
    return out


def flow_check_table(base: BaseData, facts=None) -> tuple:
    """(the :class:`~destinations.scenarios.flows.FlowCheck` of the default model, its table) for
    the data page: what each bridge, tunnel and ferry carries, and whether the model agrees with
    the network."""
    from destinations.facts import available_years, load_facts
    from destinations.scenarios.flows import flow_checks, model_flows

    facts = facts if facts is not None else load_facts(base, max(available_years(base)))
    check = flow_checks(base, model_flows(base, facts.annual()))
    table = check.table()
    names = {c: base.municipality_name(c) for c in base.codes}
    table.insert(1, "from_name", table["from_code"].map(names))
    table.insert(3, "to_name", table["to_code"].map(names))
    return check, table
