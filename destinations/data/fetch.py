"""Official online sources for the boundaries (used only when online; never by tests).

Dataforsyningen's DAWA API serves the current DAGI municipalities as GeoJSON. The download is
normalised to the schema of the bundled 1:500 000 file (``lau_1``, ``label_dk``, ``iso_3166_2``) and
written into ``<data dir>/official/``, where :func:`destinations.data.geography.load_municipalities`
prefers it.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from destinations.errors import DataError
from destinations.settings import Settings

DAWA_MUNICIPALITIES_URL = "https://api.dataforsyningen.dk/kommuner?format=geojson&srid=4326"
OFFICIAL_MUNICIPALITIES_FILE = "dk_municipalities_dagi_dawa.geojson"


def normalize_dawa_municipalities(document: dict, *, source: str = "DAWA") -> dict:
    """Convert a DAWA ``kommuner`` GeoJSON document to the bundled file's schema.

    DAWA properties: ``kode`` ("0101"), ``navn``, ``regionskode`` ("1084").
    """
    features = document.get("features") if isinstance(document, dict) else None
    if not features:
        raise DataError(source, "no features in the DAWA response", "try again later")
    out = []
    for number, feature in enumerate(features, start=1):
        props = feature.get("properties") or {}
        try:
            code = str(int(str(props["kode"])))
            region = "DK-" + str(props["regionskode"])[-2:]
            name = str(props["navn"])
        except (KeyError, ValueError) as exc:
            raise DataError(source, f"feature {number}: missing or bad kode/navn/regionskode ({exc})",
                            "check the API response format") from exc
        if feature.get("geometry") is None:
            raise DataError(source, f"feature {number} ({name}) has no geometry", "try again later")
        out.append({"type": "Feature", "geometry": feature["geometry"],
                    "properties": {"lau_1": code, "label_dk": name, "label_en": name,
                                   "iso_3166_2": region}})
    return {"type": "FeatureCollection", "features": out}


def fetch_dagi_municipalities(settings: Settings, *, url: str = DAWA_MUNICIPALITIES_URL,
                              timeout: float = 120.0) -> Path:
    """Download current municipal boundaries into ``settings.official_dir``; returns the path."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - fixed https URL
            document = json.load(response)
    except (OSError, json.JSONDecodeError) as exc:
        raise DataError(url, f"download failed ({exc})", "check the internet connection") from exc
    normalized = normalize_dawa_municipalities(document, source=url)
    target = settings.official_dir / OFFICIAL_MUNICIPALITIES_FILE
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(normalized), encoding="utf-8")
        tmp.replace(target)
    except OSError as exc:
        raise DataError(target, f"cannot write ({exc})", "make the data directory writable") from exc
    return target
