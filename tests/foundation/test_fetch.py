"""The official boundary fetcher's normalisation, tested on a local DAWA-shaped document."""

from __future__ import annotations

import json

import pytest

from destinations.data.fetch import normalize_dawa_municipalities
from destinations.data.geography import load_municipalities
from destinations.errors import DataError
from tests.conftest import settings_for


def _dawa_document(bundled: dict) -> dict:
    """Rewrite the bundled DAGI file as DAWA serves it: kode '0101', navn, regionskode '1084'."""
    features = []
    for feature in bundled["features"]:
        props = feature["properties"]
        features.append({"type": "Feature", "geometry": feature["geometry"],
                         "properties": {"kode": props["lau_1"].zfill(4), "navn": props["label_dk"],
                                        "regionskode": "10" + props["iso_3166_2"][-2:]}})
    return {"type": "FeatureCollection", "features": features}


def test_normalized_download_loads_like_the_bundled_file(settings, tmp_path):
    bundled = json.loads((settings.data_dir / "dk_municipalities_dagi500k.geojson").read_text())
    normalized = normalize_dawa_municipalities(_dawa_document(bundled))
    assert normalized["features"][0]["properties"].keys() == {"lau_1", "label_dk", "label_en", "iso_3166_2"}
    user = settings_for(settings.data_dir, user_dir=tmp_path)
    user.official_dir.mkdir(parents=True)
    (user.official_dir / "dk_municipalities_dagi_dawa.geojson").write_text(json.dumps(normalized))
    frame = load_municipalities(user)
    assert len(frame) == 98 and frame.loc["101", "region_code"] == "DK-84"


@pytest.mark.parametrize("document", [{}, {"features": []},
                                      {"features": [{"properties": {"navn": "X"}, "geometry": None}]}])
def test_bad_responses_raise_data_error(document):
    with pytest.raises(DataError):
        normalize_dawa_municipalities(document)
