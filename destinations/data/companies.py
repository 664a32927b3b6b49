"""Destination companies today (membership per municipality, with sources)."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from destinations.data.files import read_csv
from destinations.data.geography import FOLDED_CODES
from destinations.errors import DataError
from destinations.model import DestinationCompany
from destinations.settings import Settings

COMPANIES_FILE = "destination_companies_2021.csv"
#: The file's word for "in no destination company". Never shown as a company.
UNAFFILIATED_LABEL = "Ingen"


def slugify(name: str) -> str:
    """Stable ASCII id for a company name: 'VisitSydsjælland-Møn' -> 'visitsydsjaelland-moen'."""
    text = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "company"


def load_memberships(settings: Settings, municipality_codes: list[str]) -> pd.DataFrame:
    """One row per municipality: ``code``, ``company`` (None = unaffiliated), ``uncertain``, ``source``.

    Christiansø (411) rows are dropped: it is planned with Bornholm.
    """
    path = settings.data_dir / COMPANIES_FILE
    frame = read_csv(path, required=["kommune_code", "destination_company", "source"])
    frame["code"] = frame["kommune_code"].str.strip()
    frame = frame[~frame["code"].isin(FOLDED_CODES)].copy()
    dup = frame.loc[frame["code"].duplicated(), "code"].tolist()
    if dup:
        raise DataError(path, f"municipalities listed twice: {dup}", "keep one row per municipality")
    unknown = sorted(set(frame["code"]) - set(municipality_codes))
    missing = sorted(set(municipality_codes) - set(frame["code"]))
    if unknown or missing:
        raise DataError(path, f"codes do not match the 98 municipalities: unknown {unknown}, "
                              f"missing {missing}", "one row per municipality code")
    company = frame["destination_company"].fillna("").str.strip()
    if (company == "").any():
        row = int((company == "").to_numpy().argmax())
        raise DataError(path, f"row {row + 2}: empty destination_company",
                        f"write a company name or '{UNAFFILIATED_LABEL}'")
    uncertain = frame["source"].fillna("").str.strip().str.lower().str.startswith("uncertain")
    out = pd.DataFrame({
        "code": frame["code"].to_numpy(dtype=object),
        "company": pd.Series([None if c == UNAFFILIATED_LABEL else c for c in company], dtype=object),
        "uncertain": uncertain.to_numpy(dtype=bool),
        "source": frame["source"].to_numpy(dtype=object),
    })
    out.index = out["code"].to_numpy()
    return out


def companies_from_memberships(memberships: pd.DataFrame) -> list[DestinationCompany]:
    """The companies (unaffiliated municipalities are not a company), sorted by name."""
    companies = []
    for name, group in memberships.dropna(subset=["company"]).groupby("company"):
        companies.append(
            DestinationCompany(
                id=slugify(str(name)),
                name=str(name),
                members=tuple(sorted(group["code"], key=int)),
                uncertain_members=tuple(sorted(group.loc[group["uncertain"], "code"], key=int)),
            )
        )
    return sorted(companies, key=lambda c: c.name.lower())
