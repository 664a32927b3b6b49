"""The data catalogue: every dataset with source, licence, year, rows, kind, coverage and caveats."""

from __future__ import annotations

from pathlib import Path

from destinations.data.base import BaseData
from destinations.data.fetch import OFFICIAL_MUNICIPALITIES_FILE
from destinations.data.manifest import check_files, dataset_info, read_manifest
from destinations.data.geography import MUNICIPALITIES_FILE, PARISHES_FILE, REGIONS_FILE
from destinations.data.graph import summarize_graph
from destinations.maps.layers import display_geometry, municipality_geojson
from destinations.data.geo import simplification_report
from destinations.model import DatasetInfo, Kind

def base_datasets(base: BaseData) -> list[DatasetInfo]:
    """Catalogue rows for the base datasets (tourism facts add their own rows)."""
    s = base.settings
    result = base.attractions_result
    approx = sum(a.coords_approx for a in base.attractions)
    with_visitors = sum(a.visitors is not None for a in base.attractions)
    uncertain = int(base.memberships["uncertain"].sum())
    estimated = sum(bool(d["crossing_estimated"]) for *_, d in base.graph.edges(data=True))
    return [
        dataset_info(s, MUNICIPALITIES_FILE, rows=len(base.municipalities),
                     coverage="98 municipalities (311 polygons over 99 codes, dissolved by code)"),
        dataset_info(s, REGIONS_FILE, rows=len(base.regions), coverage="5 regions"),
        dataset_info(s, PARISHES_FILE, rows=2148,
                     coverage="2,148 parishes with the municipality holding most of each"),
        dataset_info(s, "municipality_codes.csv", rows=len(base.municipalities), coverage="all 98"),
        dataset_info(s, "destination_companies_2021.csv", rows=len(base.memberships),
                     coverage=f"{len(base.companies)} companies; {len(base.unaffiliated)} municipalities "
                              "in none",
                     caveats=(f"{uncertain} memberships are inferred or conflicting and flagged on the map.",)),
        dataset_info(s, "municipality_population.csv", rows=len(base.population), coverage="all 98"),
        dataset_info(s, "attractions.csv", rows=len(base.attractions) + len(result.rejected),
                     coverage=f"{len(base.attractions)} loaded, {len(result.rejected)} rejected; "
                              f"visitors known for {with_visitors}",
                     caveats=(f"{approx} have approximate coordinates, possibly several km off.",
                              f"{len(result.mismatches)} lie in another municipality than stated (listed "
                              "below); the stated municipality is used.")),
        dataset_info(s, "fixed_links.csv", rows=len(base.links),
                     coverage=f"{len(base.links)} links; crossing minutes for "
                              f"{sum(l.crossing_minutes is not None for l in base.links)}",
                     caveats=(f"{estimated} graph edges use an estimated crossing time (no source gave one).",)),
    ]


def all_datasets(base: BaseData) -> list[DatasetInfo]:
    """Base datasets plus the tourism-facts files (and official StatBank files where present)."""
    from destinations.facts import datasets_info

    return base_datasets(base) + list(datasets_info(base.settings))


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
    """The payload of ``destinations data status --json``."""
    summary = summarize_graph(base.graph, list(base.links))
    display = display_geometry(base)
    report = simplification_report(base.municipalities, base.settings.display_tolerance_m,
                                   simplified=display)
    datasets = all_datasets(base)
    payload = municipality_geojson(display, base.today_assignment, base.today_company_names,
                                   unaffiliated_label="Unaffiliated")
    checks = check_files(base.settings.data_dir)
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
        "datasets": [
            {"name": d.name, "source": d.source, "kind": d.kind.value, "rows": d.rows, "year": d.year}
            for d in datasets
        ],
    }
