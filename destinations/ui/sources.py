"""The data & sources page's tables: every dataset with its provenance (and, for what the tool
computes, the version and method of it), which file is in force, the caveats, the day-trip model's
check against the network, and the travel graph's and the map geometry's figures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from destinations.i18n import fmt_number, fmt_percent, localize
from destinations.scenarios.flows import format_flow
from destinations.ui.escape import md
from destinations.ui.figures import show_table, styled
from destinations.ui.frame import Page


def datasets_table(page: Page, catalogue: list) -> pd.DataFrame:
    """One row a dataset: name, kind, source, licence, year, rows, coverage, file, and for the
    computed datasets the version and method."""
    lang = page.lang
    return pd.DataFrame([{"name": localize(d.name, lang), "kind": page.t("kind." + d.kind.value),
                          "source": d.source, "licence": localize(d.licence, lang),
                          "year": localize(d.year, lang), "rows": d.rows,
                          "coverage": localize(d.coverage, lang), "file": localize(d.path, lang),
                          "version": getattr(d, "version", "") or "",
                          "method": getattr(d, "method", "") or ""}
                         for d in catalogue])


def show_datasets(page: Page, catalogue: list) -> None:
    """Every dataset (rows counted in the page's locale), then the computed ones with the
    version of their method and where the method is written down."""
    table = datasets_table(page, catalogue)
    columns = {c: st.column_config.TextColumn(page.t(f"data.col.{c}"))
               for c in table.columns if c != "rows"}
    columns["rows"] = st.column_config.TextColumn(page.t("data.col.rows"))
    show_table(styled(table, page.lang, counts=["rows"]), hide_index=True, width="stretch",
                 key="data.table", column_config=columns)
    computed = table[table["version"] != ""]
    st.markdown(f"**{page.t('data.modelled')}**")
    st.caption(page.t("data.modelled.text"))
    show_table(computed[["name", "kind", "version", "method", "year", "coverage"]],
                 hide_index=True, width="stretch", key="data.modelled",
                 column_config={c: st.column_config.TextColumn(page.t(f"data.col.{c}"))
                                for c in ("name", "kind", "version", "method", "year",
                                          "coverage")})


def in_force_table(page: Page, status: dict) -> pd.DataFrame:
    """Which file is read for each dataset, where it came from, what it replaces, its checksum."""
    checked = {f["path"]: f["ok"] for f in status["files"]}
    return pd.DataFrame([{"file": row["path"].rsplit("/", 1)[-1],
                          "origin": page.t("data.origin." + row["origin"].replace(" ", "_")),
                          "in_force": row.get("in_force", True), "replaces": row.get("replaces", ""),
                          "checksum": checked.get(row["path"])} for row in status["in_force"]])


def in_force_columns(page: Page) -> dict:
    return {"in_force": st.column_config.CheckboxColumn(page.t("data.col.in_force")),
            "checksum": st.column_config.CheckboxColumn(page.t("data.col.checksum")),
            **labels(page, ("file", "origin", "replaces"))}


def labels(page: Page, columns, *, name: str = "data.col.name") -> dict:
    """Column headers in the page's language for tables whose columns are data ids (``name``:
    the key of what the ``name`` column holds)."""
    return {c: page.t(name if c == "name" else f"data.col.{c}") for c in columns}


def caveats(page: Page, catalogue: list) -> None:
    """Every dataset's known caveats, as a list under its name, in the page's language (the
    manifest's and the catalogue's caveats are in the gettext catalog)."""
    for d in catalogue:
        for caveat in d.caveats:
            st.markdown(f"- **{md(localize(d.name, page.lang))}:** {md(localize(caveat, page.lang))}")


def graph_summary(page: Page, graph: dict) -> tuple[str, str]:
    """(what the travel graph holds, the assumptions of its travel times)."""
    a = graph["assumptions"]

    def num(value) -> str:
        return fmt_number(value, page.lang, digits=0 if float(value).is_integer() else 1)

    return (page.t("data.graph.summary", nodes=graph["nodes"], edges=graph["edges"],
                   links=graph["fixed_links"], components=graph["components"]),
            page.t("data.graph.assumptions", circuity=num(a["circuity"]),
                   speed=num(a["road_speed_kmh"]), ferry=num(a["ferry_speed_kmh"]),
                   handling=num(a["ferry_handling_min"])))


def geometry_text(page: Page, status: dict) -> str:
    """How the map's boundaries were simplified and how much that costs."""
    geometry = status["map_geometry"]
    lang = page.lang
    return page.t("data.geometry.text", tol=fmt_number(geometry["tolerance_m"], lang),
                  bytes=fmt_number(status["map_payload_bytes"], lang),
                  raw=fmt_number(geometry["raw_bytes"], lang),
                  err=fmt_number(geometry["max_area_error"] * 100, lang, digits=2),
                  valid=page.t("data.none") if geometry["coverage_valid"] else page.t("data.found"))


def show_flow_check(page: Page, check, table: pd.DataFrame) -> None:
    """The day-trip model against the travel network: the verdict, the share of trips that use
    a bridge, tunnel or ferry, and what each link carries (3 significant figures)."""
    lang = page.lang
    if check.ok:
        st.success(page.t("data.flows.ok", pairs=fmt_number(check.pairs_checked, lang),
                          share=fmt_percent(check.cross_water_share, lang, digits=1)))
    else:
        st.warning(page.t("data.flows.problems", n=len(check.problems)))
        for problem in check.problems[:10]:
            st.markdown(f"- {md(problem)}")
    st.caption(page.t("data.flows.note", idle=sum(1 for load in check.link_loads if load.pairs == 0)))
    shown = pd.DataFrame({
        page.t("data.col.from"): table["from_name"],
        page.t("data.col.to"): table["to_name"],
        page.t("data.col.link_kind"): [page.t(f"data.link.{k}") for k in table["kind"]],
        page.t("data.col.links"): table["links"],
        page.t("data.col.flow"): [format_flow(v, lang) for v in table["flow"]],
        page.t("data.col.flow_share"): table["share"],
        page.t("data.col.pairs"): table["pairs"],
    })
    show_table(styled(shown, lang, shares=[page.t("data.col.flow_share")],
                        counts=[page.t("data.col.pairs")]),
                 hide_index=True, width="stretch", key="data.flow_check")


def show_uncertain_pairs(page: Page, ranked: pd.DataFrame, *, top: int = 10,
                         per_origin: int = 2) -> None:
    """The pairs the day-trip model is least sure of, nationally (at most ``per_origin`` from one
    municipality, so one large origin does not fill the list)."""
    from destinations.ui.profile import uncertain_table

    spread = ranked.groupby("from_code", sort=False).head(per_origin).head(top)
    show_table(uncertain_table(page, spread.reset_index(drop=True)), key="data.flow_uncertain")


def show_validation(page: Page, report: pd.DataFrame) -> None:
    """Leave-one-out validation: published figures exactly, predictions to 3 significant
    figures, errors to one decimal."""
    show_table(styled(report, page.lang, counts=["published"], modelled=["predicted"],
                      decimals={"error_pct": 1}, texts={"year": str}),
               key="data.validation",
               column_config=labels(page, report.columns, name="data.col.municipality"))


def percent_text(page: Page, value: float, digits: int = 1) -> str:
    """A figure already in percent (25.8) as '25.8 %' / '25,8 %'."""
    from destinations.ui.figures import points

    return points(value, page.lang, digits=digits)
