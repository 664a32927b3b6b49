"""Destination profile: one company of any scenario, seen through its data.

:func:`company_profile` gathers, for a company of a :class:`~destinations.scenarios.scenario.Scenario`:

* its members and the map extent that frames them;
* its **reasons to go**: the attractions in its municipalities, ranked by annual visitors (known
  figures first, largest first; then the rest by category and name), with their season; the
  visitors are the published count chosen per attraction, with its year;
* its **lighthouse status**: yes / no / unknown with the attractions behind it (rule in
  :mod:`destinations.scenarios.metrics`: "no" only when every attraction is counted below the
  threshold; a missing count makes it unknown);
* **capacity** by accommodation type and **overnights** by month and type, Danish and foreign;
* a **comparison** with its travel-graph neighbours (companies sharing a border, bridge or ferry
  with it), the average company of the scenario and Denmark as a whole;
* its busiest **cross-border flows** from the day-trip flow model (:mod:`destinations.scenarios.flows`) and
  the companies they lead to;
* a short data-driven **character** (coast & nature vs city & business, rule below);
* the shared **stories** it takes part in (:func:`destinations.narratives.stories_for_company`).

Character rule (documented here and shown on the page with its two components):

1. *Accommodation*: leisure share ``L`` = overnights in holiday homes, camping, marinas and holiday
   centres & hostels / all overnights (hotels are where city and business guests stay).
2. *Attractions*: nature share ``A`` = attractions with a coast & nature marker / attractions with
   any marker. Coast & nature markers: category ``nature/landscape`` or ``beach/coast``, or theme
   ``nature``, ``north-sea-coast``, ``wadden-sea``, ``maritime``, ``cycling``. City & business
   markers: category ``city district``, ``museum`` or ``event venue``, or theme
   ``design-architecture``, ``art``, ``food``, ``robots-technology``. An attraction may carry both.
   ``A`` is used only when at least :data:`MIN_MARKED` attractions carry a marker.
3. Score = mean of ``L - L_DK`` and ``A - A_DK`` (the same shares for the whole country; only the
   components that exist). Score >= +0.05: **coast & nature**; <= -0.05: **city & business**;
   in between: **mixed**.

The accommodation mix is modelled (facts model), the attraction list compiled, so the character is
labelled modelled. It describes the mix relative to the country, not a verdict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from destinations.errors import ScenarioError
from destinations.i18n import Message
from destinations.facts.constants import ACCOMMODATION_TYPES
from destinations.scenarios.flows import (
    VISITORS_SOURCE,
    FlowMatrix,
    FlowRange,
    chosen_counts,
    flow_range,
    format_flow,
    format_flow_range,
    round_flow,
)
from destinations.scenarios.metrics import LIGHTHOUSE_THRESHOLD, LighthouseStatus, status_of
from destinations.model import Kind, Provenance
from destinations.season.seasonality import (
    Curve,
    FactsCube,
    company_curves,
    national_curve,
)

#: Markers of the character rule (see the module docstring).
NATURE_CATEGORIES = frozenset({"nature/landscape", "beach/coast"})
NATURE_THEMES = frozenset({"nature", "north-sea-coast", "wadden-sea", "maritime", "cycling"})
CITY_CATEGORIES = frozenset({"city district", "museum", "event venue"})
CITY_THEMES = frozenset({"design-architecture", "art", "food", "robots-technology"})
LEISURE_TYPES = ("holiday_centre_hostel", "camping", "marina", "holiday_home")
#: Fewer marked attractions than this: the attraction component is left out.
MIN_MARKED = 3
#: Score thresholds (share points against the country).
CHARACTER_THRESHOLD = 0.05
CHARACTER_RULE = (
    "score = mean of (leisure share of overnights - national) and (coast & nature share of marked "
    "attractions - national; only with 3+ marked attractions); >= +0.05 coast & nature, "
    "<= -0.05 city & business, else mixed")
#: Where the profile's capacity figures come from (method: docs/facts-model.md section 7).
CAPACITY_SOURCE = Message("estimated from published local counts (hotel rooms, campsites) x national "
                          "Eurostat tour_cap_nat ratios, unknown elsewhere; holiday dwellings StatBank "
                          "BOL101 (official); never derived from the overnights")
ATTRACTIONS_PROVENANCE = Provenance(
    source=Message("attractions.csv (compiled; visitors and season per row from the source it names)"),
    year=None, kind=Kind.COMPILED)


# ---------------------------------------------------------------------------------------------
# Character
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Character:
    """The data-driven profile of a company (see the module docstring for the rule)."""

    label: str | None  # "coast_nature" | "city_business" | "mixed" | None (no data)
    score: float
    leisure_share: float
    national_leisure_share: float
    nature_share: float  # NaN when fewer than MIN_MARKED attractions carry a marker
    national_nature_share: float
    nature_attractions: int
    city_attractions: int
    rule: str = CHARACTER_RULE
    kind: Kind = Kind.MODELLED


def attraction_markers(category: str, themes: Iterable[str]) -> tuple[bool, bool]:
    """(coast & nature marker, city & business marker) of one attraction."""
    tags = {str(t) for t in themes}
    nature = category in NATURE_CATEGORIES or bool(tags & NATURE_THEMES)
    city = category in CITY_CATEGORIES or bool(tags & CITY_THEMES)
    return nature, city


def classify_character(leisure_share: float, national_leisure_share: float,
                       nature_count: int, city_count: int, national_nature_share: float,
                       *, threshold: float = CHARACTER_THRESHOLD,
                       min_marked: int = MIN_MARKED) -> Character:
    """The rule on plain numbers (tested on hand-made inputs).

    ``nature_count`` / ``city_count``: attractions with a coast & nature / city & business marker
    (one attraction may count in both). NaN shares are gaps and leave their component out.
    """
    marked = nature_count + city_count
    nature_share = nature_count / marked if marked >= min_marked else math.nan
    parts = [x - y for x, y in ((leisure_share, national_leisure_share),
                                (nature_share, national_nature_share))
             if np.isfinite(x) and np.isfinite(y)]
    score = float(np.mean(parts)) if parts else math.nan
    if not parts:
        label = None
    elif score >= threshold:
        label = "coast_nature"
    elif score <= -threshold:
        label = "city_business"
    else:
        label = "mixed"
    return Character(label=label, score=score, leisure_share=float(leisure_share),
                     national_leisure_share=float(national_leisure_share),
                     nature_share=float(nature_share),
                     national_nature_share=float(national_nature_share),
                     nature_attractions=int(nature_count), city_attractions=int(city_count))


def _leisure_share(curve: Curve) -> float:
    total = curve.by_type.sum()
    leisure = curve.by_type[[ACCOMMODATION_TYPES.index(t) for t in LEISURE_TYPES]].sum()
    return float(leisure / total) if total > 0 else math.nan


def _marker_counts(attractions: Iterable) -> tuple[int, int]:
    nature = city = 0
    for a in attractions:
        n, c = attraction_markers(a.category, a.themes)
        nature += n
        city += c
    return nature, city


# ---------------------------------------------------------------------------------------------
# Small helpers used by the page and the profile
# ---------------------------------------------------------------------------------------------
def resolve_company(scenario, company: str) -> str:
    """The id of ``company`` (an id, or a name ignoring case) in ``scenario``.

    Raises :class:`ScenarioError` listing the scenario's companies when there is no match.
    """
    text = str(company or "").strip()
    if text in scenario.names:
        return text
    found = scenario.company_id_by_name(text) if text else None
    if found is None:
        raise ScenarioError(
            f"No company {text!r} in scenario {scenario.name!r}. Companies: "
            f"{', '.join(n for cid, n in scenario.company_names if scenario.companies()[cid])}.")
    return found


def member_bounds(base, codes: Sequence[str]) -> tuple[tuple[float, float], tuple[float, float]]:
    """((south, west), (north, east)) in EPSG:4326 around the municipalities ``codes``."""
    from destinations.settings import DISPLAY_CRS

    frame = base.municipalities.loc[list(codes)].to_crs(DISPLAY_CRS)
    west, south, east, north = (float(v) for v in frame.total_bounds)
    return (south, west), (north, east)


def view_for_bounds(bounds: tuple[tuple[float, float], tuple[float, float]], *,
                    width_px: int = 560, height_px: int = 520, padding: float = 0.85,
                    min_zoom: int = 6, max_zoom: int = 11) -> tuple[tuple[float, float], int]:
    """(center (lat, lon), zoom) of a web map that shows ``bounds`` in a ``width_px`` x
    ``height_px`` frame with ``padding`` of it used (Web Mercator; whole zoom levels, clamped to
    ``min_zoom..max_zoom``)."""
    (south, west), (north, east) = bounds
    center = ((south + north) / 2.0, (west + east) / 2.0)

    def mercator(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    span_x = max(east - west, 1e-6) / 360.0
    span_y = max(mercator(north) - mercator(south), 1e-6) / (2 * math.pi)
    zoom = math.floor(min(math.log2(padding * width_px / 256.0 / span_x),
                          math.log2(padding * height_px / 256.0 / span_y)))
    return center, int(min(max(zoom, min_zoom), max_zoom))


def ranked_attractions(base, codes: Iterable[str], *,
                       threshold: float = LIGHTHOUSE_THRESHOLD) -> pd.DataFrame:
    """Attractions in ``codes``, ranked: known visitors first (largest first), then the rest by
    category and name.

    Visitors are the published count chosen per attraction
    (:func:`destinations.scenarios.flows.chosen_counts`: latest normal year, exact over rounded
    over estimate, rivals kept, never averaged).

    Columns: ``rank``, ``id``, ``name``, ``category``, ``code``, ``municipality``, ``visitors``
    (None = unknown), ``visitors_year`` (None = unknown or undated), ``visitors_label`` (the
    figure as shown: "500,000 (undated, estimate)"), ``visitors_rule`` (why that figure),
    ``rival_figures`` (usable published figures not chosen), ``lighthouse`` (True / False /
    None = unknown), ``open_months`` (tuple; empty = unknown), ``themes``, ``source``, ``kind``.
    """
    wanted = set(codes)
    counts = chosen_counts(base)
    items = [a for a in base.attractions if a.kommune_code in wanted]

    def visitors(a) -> int | None:
        return counts[a.name].visitors if a.name in counts else None

    items.sort(key=lambda a: (visitors(a) is None, -(visitors(a) or 0), a.category, a.name))
    rows = []
    for i, a in enumerate(items):
        chosen = counts.get(a.name)
        count = visitors(a)
        rows.append({
            "rank": i + 1, "id": a.id, "name": a.name, "category": a.category,
            "code": a.kommune_code, "municipality": base.municipality_name(a.kommune_code),
            "visitors": count, "visitors_year": chosen.year if chosen else None,
            "visitors_label": chosen.label if chosen else "",
            "visitors_rule": chosen.rule if chosen else "no published annual count",
            "rival_figures": chosen.passed_over if chosen else 0,
            "lighthouse": None if count is None else bool(count >= threshold),
            "open_months": tuple(a.open_months), "themes": tuple(a.themes),
            "source": chosen.figure.source if chosen else a.source,
            "kind": Kind.COMPILED.value})
    return pd.DataFrame(rows, columns=["rank", "id", "name", "category", "code", "municipality",
                                       "visitors", "visitors_year", "visitors_label",
                                       "visitors_rule", "rival_figures", "lighthouse",
                                       "open_months", "themes", "source", "kind"])


def neighbour_companies(base, scenario, company_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(neighbouring company ids in scenario order, unaffiliated neighbouring municipality codes).

    Neighbours share an edge of the travel graph (land border, bridge, tunnel or ferry).
    """
    assignment = scenario.assignment
    members = set(scenario.companies()[company_id])
    companies: set[str] = set()
    loose: set[str] = set()
    for a, b in base.graph.edges():
        for inside, outside in ((a, b), (b, a)):
            if inside in members and outside not in members:
                other = assignment.get(outside)
                if other is None:
                    loose.add(outside)
                else:
                    companies.add(other)
    order = [cid for cid, _ in scenario.company_names if cid in companies]
    return tuple(order), tuple(sorted(loose, key=lambda c: (len(c), c)))


# ---------------------------------------------------------------------------------------------
# Profile
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class CompanyProfile:
    """Everything the profile page shows for one company (see the module docstring).

    Tables are pandas frames (columns documented at :func:`company_profile`); ``provenance`` maps
    section -> :class:`~destinations.model.Provenance`.
    """

    company_id: str
    name: str
    scenario_id: str
    scenario_name: str
    year: int
    members: tuple[tuple[str, str], ...]
    curve: Curve
    national: Curve
    reasons: pd.DataFrame
    capacity: pd.DataFrame
    months: pd.DataFrame
    comparison: pd.DataFrame
    neighbours: tuple[tuple[str, str], ...]
    unaffiliated_neighbours: tuple[tuple[str, str], ...]
    flows: pd.DataFrame
    flow_companies: pd.DataFrame
    character: Character
    stories: tuple[Mapping[str, Any], ...]
    bounds: tuple[tuple[float, float], tuple[float, float]]
    provenance: Mapping[str, Provenance] = field(default_factory=dict)
    lighthouse: LighthouseStatus | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.members)

    @property
    def peak_bed_places(self) -> float:
        """Bed places of the types that have them, busiest month (NaN when none is known)."""
        return float(self.capacity["bed_places_peak"].sum(min_count=1))


def _capacity_table(curve: Curve, facts=None) -> pd.DataFrame:
    """One row per type; see :func:`company_profile` for the columns.

    ``bed_places_peak``/``bed_places_low`` are the company's own only when every member has a
    figure (else NaN: a partial sum would read as the company's capacity); what is known for some
    members is in ``known_bed_places_peak`` with ``members_known`` and ``coverage``.
    """
    rows = []
    total = curve.annual
    known_beds = curve.covered_bed_places
    share = curve.covered_share
    dwellings = _dwellings(facts, curve.codes)
    for i, type_name in enumerate(ACCOMMODATION_TYPES):
        beds = curve.bed_places[i]
        units = curve.units[i]
        known = bool(np.all(np.isfinite(beds)))
        some = bool(np.all(np.isfinite(known_beds[i])))
        overnights = float(curve.by_type[i].sum())
        members = curve.capacity_codes[i] if curve.capacity_codes else (
            curve.codes if known else ())
        basis = [line.split(": ", 1)[1] for line in curve.capacity_basis
                 if line.split(": ", 1)[0].split(" ", 1)[-1] == type_name]
        rows.append({
            "type": type_name,
            "overnights": overnights,
            "share": overnights / total if total > 0 else math.nan,
            "bed_places_peak": float(np.max(beds)) if known else math.nan,
            "bed_places_low": float(np.min(beds)) if known else math.nan,
            "known_bed_places_peak": float(np.max(known_beds[i])) if some else math.nan,
            "members_known": len(members),
            "members": len(curve.codes),
            "coverage": (float((curve.by_type[i] * share[i]).sum() / overnights)
                         if overnights > 0 and some else (0.0 if overnights > 0 else math.nan)),
            "houses_for_rent": float(np.nanmax(units)) if np.isfinite(units).any() else math.nan,
            "holiday_dwellings": dwellings if type_name == "holiday_home" else math.nan,
            "basis": (_holiday_home_basis(facts) if type_name == "holiday_home"
                      else "; ".join(dict.fromkeys(basis))),
            "kind": curve.capacity_kind.value,
        })
    return pd.DataFrame(rows)


def _holiday_home_basis(facts) -> str:
    """What the holiday-home figure is (the same rule for every municipality)."""
    if facts is None or "figure_year" not in facts.capacity.columns:
        return ""
    cap = facts.capacity
    years = cap.loc[(cap["type"] == "holiday_home") & cap["dwellings"].notna(), "figure_year"]
    if years.empty:
        return ""
    from destinations.facts.capacity import DWELLINGS_NOTE

    return "holiday dwellings: " + DWELLINGS_NOTE.format(year=int(years.iloc[0]))


def _dwellings(facts, codes: Sequence[str]) -> float:
    """StatBank BOL101 holiday dwellings of ``codes`` (NaN unless every member has a count)."""
    if facts is None or "dwellings" not in facts.capacity.columns:
        return math.nan
    cap = facts.capacity
    rows = cap[(cap["type"] == "holiday_home") & (cap["month"] == 1) & cap["code"].isin(codes)]
    values = rows.set_index("code")["dwellings"].reindex(list(codes))
    return float(values.sum()) if values.notna().all() else math.nan


def _comparison_row(curve: Curve, role: str, base, *, attractions: int) -> dict[str, Any]:
    idx = curve.indices
    population = float(base.population.reindex(list(curve.codes)).sum())
    total = curve.annual
    shares = {f"{t}_share": (float(curve.by_type[i].sum() / total) if total > 0 else math.nan)
              for i, t in enumerate(ACCOMMODATION_TYPES)}
    return {"key": curve.key, "name": curve.name, "role": role, "members": len(curve.codes),
            "overnights": total, "foreign_share": curve.foreign_share, "gini": idx.gini,
            "peak_quarter_share": idx.peak_quarter_share,
            "offseason_share": idx.offseason_share,
            "overnights_per_resident": total / population if population > 0 else math.nan,
            **shares, "attractions": attractions, "kind": curve.kind.value}


def _attraction_counts(base) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in base.attractions:
        counts[a.kommune_code] = counts.get(a.kommune_code, 0) + 1
    return counts


def _flow_tables(base, scenario, company_id: str, flows: FlowMatrix | FlowRange, *, top: int
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Busiest cross-border pairs and the companies they reach, modelled figures rounded to 3
    significant figures with the range they span over the model's sensitivity (a measured
    matrix has no range: NaN)."""
    codes = tuple(base.codes)
    central = flows.central if isinstance(flows, FlowRange) else flows
    variants = ([central.aligned(codes)] if not isinstance(flows, FlowRange)
                else [_aligned(v, flows.codes, codes) for v in flows.variants.values()])
    matrix = central.aligned(codes)
    position = {c: i for i, c in enumerate(codes)}
    members = [position[c] for c in scenario.companies()[company_id]]
    inside = np.zeros(len(codes), dtype=bool)
    inside[members] = True
    outside = np.flatnonzero(~inside)

    def both_ways(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return m[np.ix_(members, outside)], m[np.ix_(outside, members)].T

    out_flow, in_flow = both_ways(matrix)
    total = out_flow + in_flow
    per_variant = np.stack([sum(both_ways(v)) for v in variants])  # (variants, members, outside)
    ranged = isinstance(flows, FlowRange)
    low = per_variant.min(axis=0) if ranged else np.full_like(total, np.nan)
    high = per_variant.max(axis=0) if ranged else np.full_like(total, np.nan)
    grand = float(np.nansum(total))
    assignment = scenario.assignment
    names = scenario.names
    neighbours = set(neighbour_companies(base, scenario, company_id)[0])
    rows = []
    for a, i in enumerate(members):
        for b, j in enumerate(outside):
            if total[a, b] > 0:
                target = assignment.get(codes[j])
                rows.append({"from_code": codes[i], "from_name": base.municipality_name(codes[i]),
                             "to_code": codes[j], "to_name": base.municipality_name(codes[j]),
                             "to_company_id": target,
                             "to_company": names.get(target) if target else None,
                             "outbound": float(out_flow[a, b]), "inbound": float(in_flow[a, b]),
                             "total": float(total[a, b]),
                             "total_low": float(low[a, b]), "total_high": float(high[a, b]),
                             "share": float(total[a, b] / grand) if grand > 0 else math.nan,
                             "kind": central.kind.value})
    pairs = pd.DataFrame(rows, columns=["from_code", "from_name", "to_code", "to_name",
                                        "to_company_id", "to_company", "outbound", "inbound",
                                        "total", "total_low", "total_high", "share", "kind"])
    pairs = pairs.sort_values(["total", "from_code", "to_code"], ascending=[False, True, True])
    columns = ["company_id", "company", "neighbour", "outbound", "inbound", "total", "total_low",
               "total_high", "share", "kind"]
    if pairs.empty:
        by_company = pd.DataFrame(columns=columns + ["total_text", "range_text"])
    else:
        target_ids = np.array([assignment.get(codes[j]) or "" for j in outside], dtype=object)
        keyed = pairs.assign(company_id=pairs["to_company_id"].fillna(""))
        grouped = keyed.groupby("company_id", sort=False)[["outbound", "inbound", "total"]].sum()
        grouped = grouped.sort_values("total", ascending=False).reset_index()
        # A company's range: its total under each setting, then the smallest and largest.
        sums = {cid: per_variant[:, :, target_ids == cid].sum(axis=(1, 2))
                for cid in grouped["company_id"]}
        grouped["total_low"] = [float(sums[c].min()) if ranged else math.nan
                                for c in grouped["company_id"]]
        grouped["total_high"] = [float(sums[c].max()) if ranged else math.nan
                                 for c in grouped["company_id"]]
        grouped["company"] = grouped["company_id"].map(lambda c: names.get(c) if c else None)
        grouped["neighbour"] = grouped["company_id"].map(lambda c: bool(c) and c in neighbours)
        grouped["share"] = grouped["total"] / grand if grand > 0 else math.nan
        grouped["kind"] = central.kind.value
        grouped["company_id"] = grouped["company_id"].replace("", None)
        by_company = _people(grouped[columns], central.kind)
    return _people(pairs.head(top).reset_index(drop=True), central.kind), by_company


def _aligned(values: np.ndarray, source: Sequence[str], codes: Sequence[str]) -> np.ndarray:
    return FlowMatrix(codes=tuple(source), values=values, kind=Kind.MODELLED,
                      source="").aligned(codes)


def _people(frame: pd.DataFrame, kind: Kind) -> pd.DataFrame:
    """Modelled flows as people read them: 3 significant figures, with the unit in text columns
    (shares are computed before rounding). A measured matrix keeps its numbers."""
    frame = frame.copy()
    if kind is Kind.MODELLED:
        for column in ("outbound", "inbound", "total", "total_low", "total_high"):
            frame[column] = frame[column].map(round_flow)
    frame["total_text"] = [format_flow(v) for v in frame["total"]]
    frame["range_text"] = [format_flow_range(lo, hi) if np.isfinite(lo) and np.isfinite(hi)
                           else "" for lo, hi in zip(frame["total_low"], frame["total_high"])]
    return frame


def _stories(base, scenario, company_id: str, stories) -> tuple[Mapping[str, Any], ...]:
    from destinations.narratives import stories_for_company

    found = stories_for_company(base, scenario.assignment, company_id, stories=stories)
    names = scenario.names
    out = []
    for item in found:
        partners = [names.get(p, p) for p in item["partners"]]
        out.append({**item, "partners": partners})
    return tuple(out)


def company_profile(base, facts, scenario, company: str, *, cube: FactsCube | None = None,
                    flows: FlowMatrix | None = None, stories=None, top_flows: int = 10,
                    national_name: str = "Denmark",
                    lighthouse_threshold: float = LIGHTHOUSE_THRESHOLD) -> CompanyProfile:
    """The profile of ``company`` (id or name) under ``scenario`` for ``facts``' year.

    Parameters
    ----------
    base
        :class:`~destinations.data.base.BaseData`.
    facts
        :class:`~destinations.facts.FactsTable` of the year.
    scenario
        Any :class:`~destinations.scenarios.scenario.Scenario` (``Scenario.from_base(base)`` for today's).
    cube
        A prepared :class:`~destinations.season.seasonality.FactsCube` of ``facts`` (saves ~0.1 s).
    flows
        A flow matrix, or a :class:`~destinations.scenarios.flows.FlowRange` (model with its
        sensitivity); default the gravity model on the year's overnights with its range.
    stories
        Stories to search (default the built-ins).

    ``lighthouse`` is the company's :class:`~destinations.scenarios.metrics.LighthouseStatus`
    (yes / no / unknown with the attractions and counts behind it).

    Tables
    ------
    ``reasons``: :func:`ranked_attractions`. ``capacity``: ``type``, ``overnights``, ``share``,
    ``bed_places_peak``, ``bed_places_low`` (quietest month, seasonal closures; NaN unless every
    member has a figure), ``known_bed_places_peak`` (the members with a figure), ``members_known``,
    ``members``, ``coverage`` (share of the type's overnights in members with a figure),
    ``houses_for_rent`` (unknown locally: NaN), ``holiday_dwellings`` (StatBank BOL101,
    official; NaN unless every member has a count), ``basis``
    (the inputs of the figures), ``kind``. Capacity never comes from the overnights
    (:mod:`destinations.facts.capacity`). ``months``: :meth:`Curve.month_frame`. ``comparison``: one row per company /
    neighbour / ``average`` (mean of the scenario's companies) / ``national`` with ``members``,
    ``overnights``, ``foreign_share``, ``gini``, ``peak_quarter_share``, ``offseason_share``,
    ``overnights_per_resident``, ``<type>_share``, ``attractions``, ``kind``. ``flows``: the
    ``top_flows`` busiest member/non-member pairs (``outbound``, ``inbound``, ``total`` - modelled
    values to 3 significant figures - ``total_low``/``total_high``: the range over the model's
    sensitivity settings, ``total_text``/``range_text`` with the unit, ``share`` of the company's
    cross-border trips). ``flow_companies``: the same summed per company reached
    (``company_id`` None = unaffiliated municipalities; ``neighbour``: shares a travel-graph edge).
    """
    company_id = resolve_company(scenario, company)
    members = scenario.companies()[company_id]
    if not members:
        raise ScenarioError(f"Company {scenario.names[company_id]!r} has no members yet.")
    reasons = ranked_attractions(base, members, threshold=lighthouse_threshold)
    lighthouse = status_of(zip(reasons["name"], reasons["visitors"], reasons["visitors_label"]),
                           threshold=lighthouse_threshold)
    cube = cube if cube is not None else FactsCube.from_facts(facts)
    curves = company_curves(cube, scenario)
    curve = curves[company_id]
    national = national_curve(cube, name=national_name)
    counts = _attraction_counts(base)

    def attractions_of(c: Curve) -> int:
        return int(sum(counts.get(code, 0) for code in c.codes))

    neighbour_ids, loose = neighbour_companies(base, scenario, company_id)
    rows = [_comparison_row(curve, "company", base, attractions=attractions_of(curve))]
    rows += [_comparison_row(curves[n], "neighbour", base, attractions=attractions_of(curves[n]))
             for n in neighbour_ids if n in curves]
    all_rows = pd.DataFrame([_comparison_row(c, "company", base, attractions=attractions_of(c))
                             for c in curves.values()])
    numeric = all_rows.select_dtypes("number").mean()
    average = {"key": "average", "name": "average company", "role": "average",
               **numeric.to_dict(), "kind": curve.kind.value if all(
                   c.kind == curve.kind for c in curves.values()) else Kind.MODELLED.value}
    rows.append(average)
    rows.append(_comparison_row(national, "national", base, attractions=attractions_of(national)))
    comparison = pd.DataFrame(rows)

    flow_input = flows if flows is not None else flow_range(base, _annual(cube))
    flow_matrix = flow_input.central if isinstance(flow_input, FlowRange) else flow_input
    pairs, by_company = _flow_tables(base, scenario, company_id, flow_input, top=top_flows)

    inside = set(members)
    character = classify_character(
        _leisure_share(curve), _leisure_share(national),
        *_marker_counts(a for a in base.attractions if a.kommune_code in inside),
        _national_nature_share(base))

    provenance = {
        "overnights": curve.provenance,
        "capacity": Provenance(source=CAPACITY_SOURCE, year=cube.year, kind=curve.capacity_kind),
        "attractions": ATTRACTIONS_PROVENANCE,
        "lighthouse": Provenance(source=Message("{source}; threshold {threshold} visitors a year",
                                                source=VISITORS_SOURCE,
                                                threshold=int(round(lighthouse_threshold))),
                                 year=None, kind=Kind.COMPILED),
        "flows": Provenance(source=flow_matrix.source, year=cube.year, kind=flow_matrix.kind),
        "character": Provenance(source=CHARACTER_RULE, year=cube.year, kind=Kind.MODELLED),
    }
    return CompanyProfile(
        company_id=company_id, name=scenario.names[company_id], scenario_id=scenario.id,
        scenario_name=scenario.name, year=cube.year,
        members=tuple((c, base.municipality_name(c)) for c in members),
        curve=curve, national=national, reasons=reasons,
        capacity=_capacity_table(curve, facts), months=curve.month_frame(), comparison=comparison,
        neighbours=tuple((n, scenario.names[n]) for n in neighbour_ids),
        unaffiliated_neighbours=tuple((c, base.municipality_name(c)) for c in loose),
        flows=pairs, flow_companies=by_company, character=character,
        stories=_stories(base, scenario, company_id, stories),
        bounds=member_bounds(base, members), provenance=provenance, lighthouse=lighthouse)


def _annual(cube: FactsCube) -> pd.Series:
    return pd.Series(cube.overnights.sum(axis=(1, 2, 3)), index=list(cube.codes))


def _national_nature_share(base) -> float:
    nature, city = _marker_counts(base.attractions)
    return nature / (nature + city) if nature + city else math.nan


def company_options(scenario) -> dict[str, str]:
    """``{company id: name}`` of the non-empty companies of ``scenario`` (for selectors)."""
    members = scenario.companies()
    return {cid: name for cid, name in scenario.company_names if members[cid]}
