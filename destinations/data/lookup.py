"""What the map's side panel says about a municipality or an attraction (pure, testable)."""

from __future__ import annotations

from dataclasses import dataclass

from destinations.data.base import BaseData
from destinations.data.population import POPULATION_YEAR
from destinations.i18n import gettext
from destinations.model import Attraction, Fact, Kind, Provenance

POPULATION_PROVENANCE = Provenance(
    source="Statistics Denmark, StatBank FOLK1A (population 1 January)", year=POPULATION_YEAR,
    kind=Kind.OFFICIAL)
AREA_PROVENANCE = Provenance(
    source="Computed from DAGI 1:500 000 boundaries (Geodatastyrelsen & Danske Kommuner, 2014)",
    year=2014, kind=Kind.COMPILED)

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTHS_DA = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class MunicipalityFacts:
    code: str
    name: str
    region_name: str
    company_id: str | None
    company_name: str | None
    membership_uncertain: bool
    membership_source: str
    population: Fact
    area_km2: Fact
    fellow_members: tuple[tuple[str, str], ...]  # (code, name)
    attractions: tuple[Attraction, ...]  # by visitors, unknown last


def municipality_facts(base: BaseData, code: str) -> MunicipalityFacts:
    if code not in base.municipalities.index:
        raise KeyError(code)
    row = base.municipalities.loc[code]
    membership = base.memberships.loc[code]
    company = base.company_of(code)
    fellows = tuple((c, base.municipality_name(c)) for c in (company.members if company else ())
                    if c != code)
    attractions = tuple(sorted((a for a in base.attractions if a.kommune_code == code),
                               key=lambda a: (-(a.visitors or -1), a.name)))
    return MunicipalityFacts(
        code=code,
        name=str(row["name"]),
        region_name=str(row["region_name"]),
        company_id=company.id if company else None,
        company_name=company.name if company else None,
        membership_uncertain=bool(membership["uncertain"]),
        membership_source=str(membership["source"]),
        population=Fact(float(base.population[code]), "residents", POPULATION_PROVENANCE),
        area_km2=Fact(round(float(row["area_km2"]), 1), "km²", AREA_PROVENANCE),
        fellow_members=fellows,
        attractions=attractions,
    )


def format_months(months: tuple[int, ...], lang: str) -> str:
    """(4,5,6,7,8,9,10) -> 'Apr–Oct'; all twelve -> 'all year'; () -> '' (unknown)."""
    if not months:
        return ""
    names = MONTHS_DA if lang == "da" else MONTHS_EN
    if len(months) == 12:
        return gettext("all year", lang)
    runs: list[list[int]] = []
    for month in months:
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(names[r[0] - 1] if len(r) == 1 else f"{names[r[0] - 1]}–{names[r[-1] - 1]}"
                     for r in runs)


def search_index(base: BaseData) -> dict[str, str]:
    """Label -> selection key ('m:<code>' or 'a:<attraction id>') for the search box."""
    index = {f"{row.name} ({row.code})": f"m:{row.code}" for row in base.municipalities.itertuples()}
    for a in base.attractions:
        index[f"{a.name} · {base.municipality_name(a.kommune_code)}"] = f"a:{a.id}"
    return dict(sorted(index.items(), key=lambda kv: kv[0].lower()))


def parse_selection(base: BaseData, value: object) -> tuple[str, str] | None:
    """Validate a selection key from the URL or a click: ('m', code) | ('a', id) | None."""
    text = str(value or "")
    kind, _, ident = text.partition(":")
    if kind == "m" and ident in base.municipalities.index:
        return ("m", ident)
    if kind == "a" and ident in base.attraction_by_id:
        return ("a", ident)
    return None
