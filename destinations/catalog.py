"""The data catalogue: every dataset with source, licence, year, rows, kind, coverage and caveats."""

from __future__ import annotations

from destinations.data.base import BaseData
from destinations.data.geography import MUNICIPALITIES_FILE, PARISHES_FILE, REGIONS_FILE
from destinations.graph import summarize_graph
from destinations.layers import display_municipalities, municipality_geojson
from destinations.geo import simplification_report
from destinations.model import DatasetInfo, Kind

DAGI_SOURCE = ("Geodatastyrelsen & Danske Kommuner, DAGI 1:500 000 (FOT data set 2014-02-13); "
               "public copies named in geodata/README.md")
DAGI_LICENCE = "Danish public geodata, free use with attribution"
COMPILED_LICENCE = "facts from public pages/repositories; each row names its source"


def base_datasets(base: BaseData) -> list[DatasetInfo]:
    """Catalogue rows for the base datasets (tourism facts add their own rows)."""
    s = base.settings
    result = base.attractions_result
    approx = sum(a.coords_approx for a in base.attractions)
    with_visitors = sum(a.visitors is not None for a in base.attractions)
    uncertain = int(base.memberships["uncertain"].sum())
    estimated = sum(bool(d["crossing_estimated"]) for *_, d in base.graph.edges(data=True))
    return [
        DatasetInfo("Municipal boundaries", str(s.geodata_dir / MUNICIPALITIES_FILE), DAGI_SOURCE,
                    DAGI_LICENCE, Kind.OFFICIAL, len(base.municipalities), "2014",
                    "98 municipalities (311 polygons over 99 codes, dissolved by code)",
                    ("Christiansø (411) is not a municipality; it is folded into Bornholm (400).",
                     "Scale 1:500 000: small islands and coastline detail are generalised.")),
        DatasetInfo("Regions", str(s.geodata_dir / REGIONS_FILE), DAGI_SOURCE, DAGI_LICENCE,
                    Kind.OFFICIAL, len(base.regions), "2014", "5 regions", ()),
        DatasetInfo("Parishes", str(s.geodata_dir / PARISHES_FILE), DAGI_SOURCE, DAGI_LICENCE,
                    Kind.OFFICIAL, 2148, "2014", "2,148 parishes with the municipality holding most of each",
                    ("22 parishes straddle a municipal border by more than 5 % of their area.",)),
        DatasetInfo("Municipality codes and names", str(s.facts_dir / "municipality_codes.csv"),
                    "Statistics Denmark spelling via public repository (see file)", COMPILED_LICENCE,
                    Kind.COMPILED, len(base.municipalities), "current", "all 98", ()),
        DatasetInfo("Destination companies today", str(s.facts_dir / "destination_companies_2021.csv"),
                    "Company and municipal pages, public repositories (a source per row)",
                    COMPILED_LICENCE, Kind.COMPILED, len(base.memberships), "2023–2025",
                    f"{len(base.companies)} companies; {len(base.unaffiliated)} municipalities in none",
                    (f"{uncertain} memberships are inferred or conflicting ('uncertain:' in the source) "
                     "and flagged on the map.",)),
        DatasetInfo("Population", str(s.facts_dir / "municipality_population.csv"),
                    "Statistics Denmark StatBank FOLK1A (1 January 2019)", "Statistics Denmark, free use "
                    "with attribution", Kind.OFFICIAL, len(base.population), "2019", "all 98", ()),
        DatasetInfo("Attractions (reasons-to-go)", str(s.facts_dir / "attractions.csv"),
                    "VisitDenmark lists, annual reports, press, Wikipedia (a source per row)",
                    COMPILED_LICENCE, Kind.COMPILED, len(base.attractions) + len(result.rejected),
                    "2017–2024", f"{len(base.attractions)} loaded, {len(result.rejected)} rejected; "
                    f"visitors known for {with_visitors}",
                    (f"{approx} have approximate coordinates ('coords approx'), possibly several km off.",
                     f"{len(result.mismatches)} lie in another municipality than stated (listed below); "
                     "the stated municipality is used.")),
        DatasetInfo("Fixed links (bridges, tunnels, ferries)", str(s.facts_dir / "fixed_links.csv"),
                    "Wikipedia, operator and press pages (a source per row)", COMPILED_LICENCE,
                    Kind.COMPILED, len(base.links), "2009–2026",
                    f"{len(base.links)} links; crossing minutes for "
                    f"{sum(l.crossing_minutes is not None for l in base.links)}",
                    ("Some rows record conflicting sources (see notes column).",
                     f"{estimated} graph edges use an estimated crossing time (no source gave one).",
                     "Rail-only links and ferries to ports abroad are not road edges.")),
    ]


def all_datasets(base: BaseData) -> list[DatasetInfo]:
    """Base datasets plus the tourism-facts files (and official StatBank files where present)."""
    from destinations.facts import datasets_info

    return base_datasets(base) + list(datasets_info(base.settings))


def data_status(base: BaseData) -> dict:
    """The payload of ``destinations data status --json``."""
    summary = summarize_graph(base.graph, list(base.links))
    display = display_municipalities(base.municipalities, base.settings.display_tolerance_m)
    report = simplification_report(base.municipalities, base.settings.display_tolerance_m,
                                   simplified=display)
    datasets = all_datasets(base)
    payload = municipality_geojson(display, base.today_assignment, base.today_company_names,
                                   unaffiliated_label="Unaffiliated")
    return {
        "data_dir": str(base.settings.data_dir),
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
