"""Attractions (reasons-to-go): validated, spatially joined, rejects listed with reasons."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely

from destinations.data.files import read_csv
from destinations.data.companies import slugify
from destinations.model import Attraction
from destinations.settings import ANALYSIS_CRS, Settings

ATTRACTIONS_FILE = "attractions.csv"
CATEGORIES = (
    "amusement park", "beach/coast", "castle/palace", "city district", "event venue", "heritage site",
    "museum", "nature/landscape", "zoo/aquarium",
)
#: Denmark's bounding box with a margin (WGS84), for a first plausibility check.
DK_BOUNDS = (7.8, 54.4, 15.4, 57.9)
#: An approximate coordinate may fall just offshore (a harbour, a beach): accept within this distance.
MAX_OFFSHORE_M = 2_000.0


@dataclass(frozen=True)
class AttractionsResult:
    """Loaded attractions, rejects (never silently dropped) and municipality mismatches."""

    attractions: tuple[Attraction, ...]
    rejected: pd.DataFrame  # row, name, reason
    mismatches: pd.DataFrame  # name, stated, located, distance_m

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([a.__dict__ for a in self.attractions])


def parse_months(text: str) -> tuple[int, ...]:
    """'4-10' -> (4..10); '3-4;9-10' -> (3, 4, 9, 10); '11-2' wraps the new year; '8' -> (8,)."""
    months: list[int] = []
    for part in str(text).replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo_text, hi_text = part.split("-", 1)
            lo, hi = int(lo_text), int(hi_text)
            if not (1 <= lo <= 12 and 1 <= hi <= 12):
                raise ValueError(f"month out of 1-12 in {part!r}")
            span = range(lo, hi + 1) if lo <= hi else list(range(lo, 13)) + list(range(1, hi + 1))
            months.extend(span)
        else:
            month = int(part)
            if not 1 <= month <= 12:
                raise ValueError(f"month out of 1-12 in {part!r}")
            months.append(month)
    if not months:
        raise ValueError("no months")
    return tuple(sorted(set(months)))


def load_attractions(settings: Settings, municipalities: gpd.GeoDataFrame) -> AttractionsResult:
    path = settings.data_dir / ATTRACTIONS_FILE
    frame = read_csv(path, required=["name", "category", "lat", "lon", "kommune_name", "visitors",
                                     "visitors_year", "season_open_months", "themes", "source"])
    name_to_code = dict(zip(municipalities["name"], municipalities["code"]))
    rejected: list[dict] = []
    candidates: list[dict] = []
    for row, record in enumerate(frame.to_dict("records"), start=2):
        reason = _validate(record, name_to_code)
        if reason:
            rejected.append({"row": row, "name": record.get("name"), "reason": reason})
        else:
            candidates.append(record)

    points = gpd.GeoSeries.from_xy([float(r["lon"]) for r in candidates],
                                   [float(r["lat"]) for r in candidates], crs="EPSG:4326").to_crs(
        ANALYSIS_CRS)
    geoms = municipalities.geometry.values
    codes = municipalities["code"].to_numpy()
    tree = shapely.STRtree(geoms)
    pairs, pair_distances = tree.query_nearest(points.values, return_distance=True, all_matches=False)
    nearest_idx = dict(zip(pairs[0], pairs[1]))
    distances = dict(zip(pairs[0], pair_distances))
    attractions: list[Attraction] = []
    mismatches: list[dict] = []
    seen_ids: set[str] = set()
    for k, record in enumerate(candidates):
        distance = float(distances[k])
        located = str(codes[nearest_idx[k]])
        stated = name_to_code[str(record["kommune_name"]).strip()]
        if distance > MAX_OFFSHORE_M:
            rejected.append({"row": None, "name": record["name"],
                             "reason": f"coordinates lie {distance / 1000:.1f} km from any municipality "
                                       "(at sea or abroad)"})
            continue
        if located != stated:
            mismatches.append({"name": record["name"], "stated": stated, "located": located,
                               "coords_approx": "coords approx" in str(record["source"]),
                               "distance_m": round(distance)})
        ident = slugify(str(record["name"]))
        while ident in seen_ids:
            ident += "-2"
        seen_ids.add(ident)
        visitors = record.get("visitors")
        year = record.get("visitors_year")
        attractions.append(
            Attraction(
                id=ident,
                name=str(record["name"]).strip(),
                category=str(record["category"]).strip(),
                lat=float(record["lat"]),
                lon=float(record["lon"]),
                # The stated municipality wins: coordinates are often approximate.
                kommune_code=stated,
                visitors=None if pd.isna(visitors) else int(float(visitors)),
                visitors_year=None if pd.isna(year) else int(float(year)),
                open_months=()
                if pd.isna(record.get("season_open_months"))
                else parse_months(record["season_open_months"]),
                themes=() if pd.isna(record.get("themes")) else tuple(
                    t.strip() for t in str(record["themes"]).split(";") if t.strip()),
                source=str(record["source"]),
                coords_approx="coords approx" in str(record["source"]),
            )
        )
    return AttractionsResult(
        attractions=tuple(attractions),
        rejected=pd.DataFrame(rejected, columns=["row", "name", "reason"]),
        mismatches=pd.DataFrame(mismatches,
                                columns=["name", "stated", "located", "coords_approx", "distance_m"]),
    )


def _validate(record: dict, name_to_code: dict[str, str]) -> str:
    """Why a row cannot be used, or '' when it can."""
    if not str(record.get("name") or "").strip():
        return "empty name"
    if str(record.get("category") or "").strip() not in CATEGORIES:
        return f"unknown category {record.get('category')!r} (known: {', '.join(CATEGORIES)})"
    try:
        lat, lon = float(record["lat"]), float(record["lon"])
    except (TypeError, ValueError):
        return "latitude/longitude missing or not numbers"
    if not (DK_BOUNDS[0] <= lon <= DK_BOUNDS[2] and DK_BOUNDS[1] <= lat <= DK_BOUNDS[3]):
        return f"coordinates ({lat}, {lon}) lie outside Denmark"
    if str(record.get("kommune_name") or "").strip() not in name_to_code:
        return f"unknown municipality {record.get('kommune_name')!r}"
    try:
        if not pd.isna(record.get("season_open_months")):
            parse_months(record["season_open_months"])
    except ValueError as exc:
        return f"bad open months {record.get('season_open_months')!r}: {exc}"
    for column in ("visitors", "visitors_year"):
        value = record.get(column)
        if value is None or pd.isna(value):
            continue
        try:
            if float(value) < 0:
                return f"negative {column}"
        except ValueError:
            return f"{column} is not a number: {value!r}"
    return ""
