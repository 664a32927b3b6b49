"""Boundaries: municipalities, regions and parishes (DAGI 1:500 000), in EPSG:25832."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from destinations.data.files import read_csv, require_file
from destinations.errors import DataError
from destinations.settings import ANALYSIS_CRS, Settings

MUNICIPALITIES_FILE = "dk_municipalities_dagi500k.geojson"
REGIONS_FILE = "dk_regions_dagi500k.geojson"
PARISHES_FILE = "dk_parishes_dagi500k.geojson"
CODES_FILE = "municipality_codes.csv"

#: Christiansø (411) is administered by the state, not a municipality; we plan it with Bornholm.
FOLDED_CODES = {"411": "400"}

REGION_NAMES = {
    "DK-81": ("Region Nordjylland", "North Denmark Region"),
    "DK-82": ("Region Midtjylland", "Central Denmark Region"),
    "DK-83": ("Region Syddanmark", "Region of Southern Denmark"),
    "DK-84": ("Region Hovedstaden", "Capital Region of Denmark"),
    "DK-85": ("Region Sjælland", "Region Zealand"),
}
#: Statistics Denmark's region codes (TURIST, FOLK1A) for the ISO codes.
REGION_DST_CODES = {"DK-81": "081", "DK-82": "082", "DK-83": "083", "DK-84": "084", "DK-85": "085"}


def _read_geojson(path: Path, required: list[str]) -> gpd.GeoDataFrame:
    require_file(path)
    try:
        frame = gpd.read_file(path)
    except Exception as exc:  # pyogrio raises several types for corrupt files
        raise DataError(path, f"cannot be read as GeoJSON ({exc})", "restore the file") from exc
    if frame.empty:
        raise DataError(path, "holds no features", "restore the file")
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(path, f"expected properties {required}; missing {missing}", "restore the file")
    if frame.crs is None:
        frame = frame.set_crs("EPSG:4326")
    frame["geometry"] = shapely.make_valid(shapely.force_2d(frame.geometry.values))
    return frame


def load_municipality_codes(settings: Settings) -> pd.DataFrame:
    """The 98 codes with Statistics Denmark's spelling and ISO region."""
    path = settings.data_dir / CODES_FILE
    frame = read_csv(path, required=["kommune_code", "kommune_name", "region_iso_3166_2"])
    frame["kommune_code"] = frame["kommune_code"].str.strip()
    if frame["kommune_code"].duplicated().any():
        dup = frame.loc[frame["kommune_code"].duplicated(), "kommune_code"].tolist()
        raise DataError(path, f"duplicate municipality codes {dup}", "remove the duplicates")
    return frame


def municipalities_path(settings: Settings) -> Path:
    """The official download (``destinations data fetch dagi``) when present, else the bundled file."""
    from destinations.data.fetch import OFFICIAL_MUNICIPALITIES_FILE

    official = settings.official_dir / OFFICIAL_MUNICIPALITIES_FILE
    return official if official.exists() else settings.data_dir / MUNICIPALITIES_FILE


def load_municipalities(settings: Settings) -> gpd.GeoDataFrame:
    """98 municipalities, one (multi)polygon each, in EPSG:25832.

    Columns: ``code``, ``name``, ``region_code`` (ISO 3166-2), ``region_name``, ``area_km2``,
    ``geometry``. Indexed by ``code``. Christiansø (411) is folded into Bornholm (400).
    """
    path = municipalities_path(settings)
    raw = _read_geojson(path, ["lau_1", "iso_3166_2"]).to_crs(ANALYSIS_CRS)
    raw["code"] = raw["lau_1"].astype(str).str.strip().replace(FOLDED_CODES)
    # union_all(method="coverage") is exact and fast for non-overlapping input.
    parts = raw[["code", "geometry"]].groupby("code")["geometry"].apply(
        lambda g: shapely.union_all(g.values)
    )
    frame = gpd.GeoDataFrame({"code": parts.index, "geometry": parts.values}, crs=ANALYSIS_CRS)
    codes = load_municipality_codes(settings).set_index("kommune_code")
    unknown = sorted(set(frame["code"]) - set(codes.index))
    missing = sorted(set(codes.index) - set(frame["code"]))
    if unknown or missing:
        raise DataError(
            path,
            f"municipality codes do not match {CODES_FILE}: unknown {unknown}, missing {missing}",
            "use the DAGI municipality boundaries matching the official code list",
        )
    frame["name"] = frame["code"].map(codes["kommune_name"])
    frame["region_code"] = frame["code"].map(codes["region_iso_3166_2"])
    bad_regions = sorted(set(frame["region_code"]) - set(REGION_NAMES))
    if bad_regions:
        raise DataError(path, f"unknown region codes {bad_regions}", "expected DK-81..DK-85")
    frame["region_name"] = frame["region_code"].map(lambda r: REGION_NAMES[r][0])
    frame["area_km2"] = frame.geometry.area / 1e6
    frame = frame.sort_values("code", key=lambda s: s.astype(int)).set_index("code", drop=False)
    frame.index.name = None
    return frame[["code", "name", "region_code", "region_name", "area_km2", "geometry"]]


def load_regions(settings: Settings) -> gpd.GeoDataFrame:
    """The 5 regions in EPSG:25832 with ``region_code`` (ISO) and ``region_name``."""
    path = settings.data_dir / REGIONS_FILE
    raw = _read_geojson(path, ["REGIONKODE"]).to_crs(ANALYSIS_CRS)
    # DAGI region codes are 1081..1085; ISO 3166-2 uses DK-81..DK-85.
    raw["region_code"] = "DK-" + raw["REGIONKODE"].astype(str).str[-2:]
    bad = sorted(set(raw["region_code"]) - set(REGION_NAMES))
    if bad:
        raise DataError(path, f"unknown region codes {bad}", "expected REGIONKODE 1081..1085")
    merged = raw.dissolve(by="region_code").reset_index()
    merged["region_name"] = merged["region_code"].map(lambda r: REGION_NAMES[r][0])
    merged["dst_code"] = merged["region_code"].map(REGION_DST_CODES)
    return merged[["region_code", "dst_code", "region_name", "geometry"]]


def load_parishes(settings: Settings) -> gpd.GeoDataFrame:
    """About 2,150 parishes in EPSG:25832: ``parish_code``, ``parish_name``, ``kommune_code``."""
    path = settings.data_dir / PARISHES_FILE
    raw = _read_geojson(path, ["parish_code", "parish_name", "kommune_code"]).to_crs(ANALYSIS_CRS)
    raw["parish_code"] = raw["parish_code"].astype(str)
    raw["kommune_code"] = raw["kommune_code"].astype(str).replace(FOLDED_CODES)
    return raw[["parish_code", "parish_name", "kommune_code", "geometry"]]
