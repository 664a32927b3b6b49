"""Altair chart builders for the profile and seasonality pages, and PNG export.

Every builder takes plain frames plus display texts (``labels``: axis and legend titles already
translated by the page; ``month_names``: 12 month labels) and a ``caption``: the data's provenance
("source · year · kind"), put into the chart's subtitle so it travels with an exported PNG.
No Streamlit here; :func:`chart_png` renders with ``vl-convert-python`` (no browser, no network).

Numbers read like the page around them: every builder takes ``lang`` and configures the chart
with :func:`destinations.i18n.vega_locale` (Danish axes and tooltips 1.096,2), and
``significant=True`` shows the counts of a modelled series in tooltips to 3 significant figures
(4,264,537 -> 4,260,000), the precision they have.
"""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import altair as alt
import pandas as pd

from destinations.facts.constants import ACCOMMODATION_TYPES
from destinations.i18n import localize, vega_locale
from destinations.model import Provenance

#: Paul Tol's "bright" scheme, one colour per accommodation type (colour-blind safe).
TYPE_COLOURS = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE")
NATIONALITY_COLOURS = ("#4477AA", "#EE6677")
WIDTH = 560
#: d3 formats of a count in tooltips: exact, and to 3 significant figures (modelled values).
EXACT = ",.0f"
SIGNIFICANT = ",.3~r"


def localized(chart, lang: str):
    """``chart`` configured with the number and time locale of ``lang`` (top level only)."""
    return chart.configure(locale=vega_locale(lang))


def _count(significant: bool) -> str:
    return SIGNIFICANT if significant else EXACT


def provenance_text(provenance: Provenance | Iterable[Provenance], *, source_label: str = "Source",
                    kind_names: Mapping[str, str] | None = None, lang: str | None = None) -> str:
    """"Source: <source> · <year> · <kind>"; several provenances with the same source and kind
    share one entry with their years joined ("2019, 2023"), different ones are joined by " | "."""
    items = [provenance] if isinstance(provenance, Provenance) else list(provenance)
    groups: dict[tuple[str, str], list[int]] = {}
    for p in items:
        years = groups.setdefault((p.source, p.kind.value), [])
        if p.year is not None and p.year not in years:
            years.append(p.year)
    parts = []
    for (source, kind), years in groups.items():
        kind_text = (kind_names or {}).get(kind, kind)
        year_text = f" · {', '.join(map(str, years))}" if years else ""
        shown = localize(source, lang) if lang else source  # a Message in the page's language
        parts.append(f"{source_label}: {shown}{year_text} · {kind_text}")
    return " | ".join(parts)


def _title(title: str, caption: str) -> alt.TitleParams:
    # Long provenance texts are wrapped so the subtitle stays inside the PNG.
    lines = _wrap(caption, 110) if caption else []
    return alt.TitleParams(text=title, subtitle=lines, anchor="start", subtitleFontSize=10,
                           subtitleColor="#555")


def _wrap(text: str, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines


def _with_months(frame: pd.DataFrame, month_names: Sequence[str]) -> pd.DataFrame:
    out = frame.copy()
    out["month_label"] = out["month"].map(lambda m: month_names[int(m) - 1])
    return out


def _month_x(labels: Mapping[str, str], month_names: Sequence[str]) -> alt.X:
    return alt.X("month_label:N", sort=list(month_names), title=labels["month"],
                 axis=alt.Axis(labelAngle=0))


def _month_tip(labels: Mapping[str, str]) -> alt.Tooltip:
    return alt.Tooltip("month_label:N", title=labels["month"])


def curve_chart(frame: pd.DataFrame, *, title: str, caption: str, labels: Mapping[str, str],
                type_names: Mapping[str, str], month_names: Sequence[str],
                lang: str = "en", significant: bool = False) -> alt.Chart:
    """Stacked monthly overnights by accommodation type.

    ``frame``: ``month``, ``type``, ``overnights`` (:meth:`Curve.type_frame`). ``labels``:
    ``month``, ``overnights``, ``type``.
    """
    data = _with_months(frame, month_names)
    data["type_label"] = data["type"].map(lambda t: type_names.get(t, t))
    data["type_order"] = data["type"].map(
        lambda t: ACCOMMODATION_TYPES.index(t) if t in ACCOMMODATION_TYPES else 99)
    order = [type_names.get(t, t) for t in ACCOMMODATION_TYPES]
    chart = alt.Chart(data, title=_title(title, caption), width=WIDTH).mark_bar().encode(
        x=_month_x(labels, month_names),
        y=alt.Y("sum(overnights):Q", title=labels["overnights"], stack=True),
        color=alt.Color("type_label:N", title=labels["type"], sort=order,
                        scale=alt.Scale(domain=order, range=list(TYPE_COLOURS))),
        order=alt.Order("type_order:Q"),
        tooltip=[_month_tip(labels),
                 alt.Tooltip("type_label:N", title=labels["type"]),
                 alt.Tooltip("overnights:Q", title=labels["overnights"],
                             format=_count(significant))],
    )
    return localized(chart, lang)


def nationality_chart(frame: pd.DataFrame, *, title: str, caption: str,
                      labels: Mapping[str, str], month_names: Sequence[str],
                      lang: str = "en", significant: bool = False) -> alt.Chart:
    """Monthly overnights of Danish and foreign guests (stacked).

    ``frame``: :meth:`Curve.month_frame` (``month``, ``danish``, ``foreign``). ``labels``:
    ``month``, ``overnights``, ``guests``, ``danish``, ``foreign``.
    """
    long = frame.melt(id_vars=["month"], value_vars=["danish", "foreign"], var_name="group",
                      value_name="overnights")
    long = _with_months(long, month_names)
    long["group_label"] = long["group"].map({"danish": labels["danish"],
                                             "foreign": labels["foreign"]})
    domain = [labels["danish"], labels["foreign"]]
    chart = alt.Chart(long, title=_title(title, caption), width=WIDTH).mark_bar().encode(
        x=_month_x(labels, month_names),
        y=alt.Y("overnights:Q", title=labels["overnights"], stack=True),
        color=alt.Color("group_label:N", title=labels["guests"],
                        scale=alt.Scale(domain=domain, range=list(NATIONALITY_COLOURS))),
        tooltip=[_month_tip(labels),
                 alt.Tooltip("group_label:N", title=labels["guests"]),
                 alt.Tooltip("overnights:Q", title=labels["overnights"],
                             format=_count(significant))],
    )
    return localized(chart, lang)


def heatmap_chart(frame: pd.DataFrame, *, title: str, caption: str, labels: Mapping[str, str],
                  month_names: Sequence[str], value: str = "share",
                  lang: str = "en", significant: bool = False) -> alt.Chart:
    """Month x company heatmap of each company's share of its year (or raw overnights).

    ``frame``: :func:`destinations.season.seasonality.heatmap_table`. ``labels``: ``month``,
    ``company``, ``share``, ``overnights``.
    """
    data = _with_months(frame, month_names)
    order = list(dict.fromkeys(data["name"]))
    fmt = ".1%" if value == "share" else _count(significant)
    chart = alt.Chart(data, title=_title(title, caption)).mark_rect().encode(
        x=_month_x(labels, month_names),
        y=alt.Y("name:N", sort=order, title=labels["company"],
                axis=alt.Axis(labelLimit=220)),
        color=alt.Color(f"{value}:Q", title=labels[value],
                        scale=alt.Scale(scheme="yelloworangered"),
                        legend=alt.Legend(format=fmt)),
        tooltip=[alt.Tooltip("name:N", title=labels["company"]),
                 _month_tip(labels),
                 alt.Tooltip("share:Q", title=labels["share"], format=".1%"),
                 alt.Tooltip("overnights:Q", title=labels["overnights"],
                             format=_count(significant))],
    ).properties(width=alt.Step(40), height=alt.Step(20))
    return localized(chart, lang)


def capacity_chart(frame: pd.DataFrame, *, share: float, title: str, caption: str,
                   labels: Mapping[str, str], month_names: Sequence[str],
                   lang: str = "en", significant: bool = False) -> alt.LayerChart:
    """Demand (bars) against bed-nights (line) and the shortage line at ``share`` (dashed).

    ``frame``: :meth:`CapacityView.month_table` (``month``, ``demand_covered``, ``bed_nights``,
    ``occupancy_pct``). ``labels``: ``month``, ``overnights``, ``demand``, ``capacity``,
    ``threshold``, ``occupancy``.
    """
    data = _with_months(frame, month_names)
    data["threshold"] = data["bed_nights"] * share
    x = _month_x(labels, month_names)
    tooltip = [_month_tip(labels),
               alt.Tooltip("demand_covered:Q", title=labels["demand"],
                           format=_count(significant)),
               alt.Tooltip("bed_nights:Q", title=labels["capacity"], format=_count(significant)),
               alt.Tooltip("occupancy_pct:Q", title=labels["occupancy"], format=".1f")]
    bars = alt.Chart(data).mark_bar(color=TYPE_COLOURS[0], opacity=0.8).encode(
        x=x, y=alt.Y("demand_covered:Q", title=labels["overnights"]), tooltip=tooltip)
    line = alt.Chart(data).mark_line(color="#222", point=alt.OverlayMarkDef(color="#222")).encode(
        x=x, y="bed_nights:Q", tooltip=tooltip)
    dashed = alt.Chart(data).mark_line(color=TYPE_COLOURS[1], strokeDash=[6, 4]).encode(
        x=x, y="threshold:Q")
    legend = pd.DataFrame({"series": [labels["demand"], labels["capacity"], labels["threshold"]]})
    key = alt.Chart(legend).mark_point(size=0, opacity=0).encode(
        color=alt.Color("series:N", title="", scale=alt.Scale(
            domain=list(legend["series"]), range=[TYPE_COLOURS[0], "#222", TYPE_COLOURS[1]]),
            legend=alt.Legend(symbolOpacity=1, symbolType="stroke", symbolStrokeWidth=3,
                              orient="bottom", direction="vertical", labelLimit=500)))
    chart = alt.layer(bars, line, dashed, key, title=_title(title, caption)).properties(width=WIDTH)
    return localized(chart, lang)


def whatif_chart(frame: pd.DataFrame, *, title: str, caption: str, labels: Mapping[str, str],
                 month_names: Sequence[str],
                 lang: str = "en", significant: bool = False) -> alt.Chart:
    """Baseline and what-if monthly overnights as two lines.

    ``frame``: ``month``, ``series`` (display name), ``overnights``. ``labels``: ``month``,
    ``overnights``, ``series``.
    """
    data = _with_months(frame, month_names)
    chart = alt.Chart(data, title=_title(title, caption), width=WIDTH).mark_line(point=True).encode(
        x=_month_x(labels, month_names),
        y=alt.Y("overnights:Q", title=labels["overnights"]),
        color=alt.Color("series:N", title=labels["series"],
                        scale=alt.Scale(range=["#222", TYPE_COLOURS[2]])),
        strokeDash=alt.StrokeDash("series:N", legend=None),
        tooltip=[alt.Tooltip("series:N", title=labels["series"]),
                 _month_tip(labels),
                 alt.Tooltip("overnights:Q", title=labels["overnights"],
                             format=_count(significant))],
    )
    return localized(chart, lang)


def years_chart(frame: pd.DataFrame, *, title: str, caption: str, labels: Mapping[str, str],
                month_names: Sequence[str],
                lang: str = "en", significant: bool = False) -> alt.Chart:
    """Monthly shares of the year for two (or more) years of one place.

    ``frame``: :func:`destinations.season.seasonality.share_curves` (``year``, ``month``, ``share``).
    ``labels``: ``month``, ``share``, ``year``.
    """
    data = _with_months(frame, month_names)
    data["year_label"] = data["year"].astype(str)
    chart = alt.Chart(data, title=_title(title, caption), width=WIDTH).mark_line(point=True).encode(
        x=_month_x(labels, month_names),
        y=alt.Y("share:Q", title=labels["share"], axis=alt.Axis(format="%")),
        color=alt.Color("year_label:N", title=labels["year"],
                        scale=alt.Scale(range=["#999", TYPE_COLOURS[0], TYPE_COLOURS[1]])),
        tooltip=[alt.Tooltip("year_label:N", title=labels["year"]),
                 _month_tip(labels),
                 alt.Tooltip("share:Q", title=labels["share"], format=".1%"),
                 alt.Tooltip("overnights:Q", title=labels["overnights"],
                             format=_count(significant))],
    )
    return localized(chart, lang)


def markets_chart(frame: pd.DataFrame, *, title: str, caption: str, labels: Mapping[str, str],
                  country_names: Mapping[str, str], log_scale: bool = False,
                  lang: str = "en", significant: bool = False) -> alt.Chart:
    """Annual national overnights per guest nationality (``log_scale``: so small markets show
    next to Germany).

    ``frame``: :func:`destinations.season.seasonality.source_markets`. ``labels``: ``year``,
    ``overnights``, ``country``.
    """
    data = frame.copy()
    data["country_label"] = data["country"].map(lambda c: country_names.get(c, c))
    order = list(dict.fromkeys(data.sort_values("rank")["country_label"]))
    chart = alt.Chart(data, title=_title(title, caption), width=WIDTH).mark_line(point=True).encode(
        x=alt.X("year:O", title=labels["year"]),
        y=alt.Y("overnights:Q", title=labels["overnights"],
                scale=alt.Scale(type="log") if log_scale else alt.Scale()),
        color=alt.Color("country_label:N", title=labels["country"], sort=order,
                        scale=alt.Scale(scheme="tableau10")),
        tooltip=[alt.Tooltip("country_label:N", title=labels["country"]),
                 alt.Tooltip("year:O", title=labels["year"]),
                 alt.Tooltip("overnights:Q", title=labels["overnights"],
                             format=_count(significant))],
    )
    return localized(chart, lang)


def share_bar_chart(frame: pd.DataFrame, *, value: str, title: str, caption: str,
                    labels: Mapping[str, str], highlight: Iterable[str] = (),
                    lang: str = "en", significant: bool = False) -> alt.Chart:
    """Horizontal bars of a share per company (e.g. foreign share), largest first; names in
    ``highlight`` (e.g. the national figure) in a darker colour.

    ``frame``: ``name`` and ``value``. ``labels``: ``company`` and ``value``.
    """
    order = frame.sort_values(value, ascending=False)["name"].tolist()
    marked = set(highlight)
    data = frame.assign(marked=frame["name"].isin(marked))
    chart = alt.Chart(data, title=_title(title, caption), width=WIDTH).mark_bar().encode(
        color=alt.condition(alt.datum.marked, alt.value("#222222"), alt.value(TYPE_COLOURS[1])),
        y=alt.Y("name:N", sort=order, title=labels["company"], axis=alt.Axis(labelLimit=220)),
        x=alt.X(f"{value}:Q", title=labels["value"], axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("name:N", title=labels["company"]),
                 alt.Tooltip(f"{value}:Q", title=labels["value"], format=".1%")],
    )
    return localized(chart, lang)


def chart_png(chart: alt.TopLevelMixin, *, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes (vl-convert; data inlined, no browser or network needed)."""
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_json(), scale=scale)
