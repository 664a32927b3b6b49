"""Population on 1 January 2019 (StatBank FOLK1A) for all 98 municipalities."""

from __future__ import annotations

import pandas as pd

from destinations.data.files import read_csv, to_int
from destinations.data.geography import FOLDED_CODES
from destinations.errors import DataError
from destinations.settings import Settings

POPULATION_FILE = "municipality_population.csv"
POPULATION_YEAR = 2019


def load_population(settings: Settings, municipality_codes: list[str]) -> pd.Series:
    """Population 1 Jan 2019 indexed by municipality code (int). Later sparse years are ignored."""
    path = settings.data_dir / POPULATION_FILE
    frame = read_csv(path, required=["kommune_code", "year", "population", "source"])
    frame["year"] = to_int(frame, "year", path)
    frame["population"] = to_int(frame, "population", path)
    frame = frame[frame["year"] == POPULATION_YEAR].copy()
    frame["code"] = frame["kommune_code"].str.strip().replace(FOLDED_CODES)
    if (frame["population"] < 0).any():
        raise DataError(path, "negative population", "correct the value")
    series = frame.groupby("code")["population"].sum().astype(int)
    missing = sorted(set(municipality_codes) - set(series.index))
    if missing:
        raise DataError(path, f"no {POPULATION_YEAR} population for municipalities {missing}",
                        "add the missing rows")
    return series.loc[municipality_codes]
