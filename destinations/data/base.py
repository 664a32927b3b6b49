"""The base data every page needs, loaded once: geography, companies, attractions, links, graph."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property

import geopandas as gpd
import networkx as nx
import pandas as pd

from destinations.data.attractions import AttractionsResult, load_attractions
from destinations.data.companies import companies_from_memberships, load_memberships
from destinations.data.geography import load_municipalities, load_regions
from destinations.data.links import FixedLink, load_fixed_links
from destinations.data.cache import cached
from destinations.data.manifest import require_intact
from destinations.data.population import load_population
from destinations.data.graph import build_travel_graph
from destinations.model import Attraction, DestinationCompany
from destinations.settings import Settings


@dataclass(frozen=True, eq=False)
class BaseData:
    """Read-only bundle of loaded base data. Build with :func:`load_base`."""

    settings: Settings
    municipalities: gpd.GeoDataFrame  # indexed by code, EPSG:25832
    regions: gpd.GeoDataFrame
    memberships: pd.DataFrame  # code, company (None = unaffiliated), uncertain, source
    companies: tuple[DestinationCompany, ...]
    attractions_result: AttractionsResult
    links: tuple[FixedLink, ...]
    graph: nx.Graph
    population: pd.Series  # code -> population 1 Jan 2019

    @property
    def codes(self) -> list[str]:
        return self.municipalities["code"].tolist()

    @property
    def attractions(self) -> tuple[Attraction, ...]:
        return self.attractions_result.attractions

    @cached_property
    def attraction_by_id(self) -> dict[str, Attraction]:
        return {a.id: a for a in self.attractions}

    @cached_property
    def company_by_id(self) -> dict[str, DestinationCompany]:
        return {c.id: c for c in self.companies}

    @property
    def unaffiliated(self) -> list[str]:
        return self.memberships.loc[self.memberships["company"].isna(), "code"].tolist()

    @cached_property
    def today_assignment(self) -> dict[str, str | None]:
        """Municipality code -> company id today (None = unaffiliated)."""
        out: dict[str, str | None] = {code: None for code in self.codes}
        for company in self.companies:
            for code in company.members:
                out[code] = company.id
        return out

    @cached_property
    def today_company_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.companies}

    def municipality_name(self, code: str) -> str:
        return str(self.municipalities.at[code, "name"])

    def company_of(self, code: str) -> DestinationCompany | None:
        for company in self.companies:
            if code in company.members:
                return company
        return None


def load_base(settings: Settings) -> BaseData:
    """Load and validate every base dataset; raises :class:`~destinations.errors.DataError`.

    Every file the manifest lists is checked first, so a missing, truncated or edited file is
    named with how to restore it rather than half-read. The parsed, repaired result (boundaries,
    travel graph, attractions) comes from the disk cache when the inputs and code are unchanged.
    """
    require_intact(settings)
    from destinations.data.fetch import OFFICIAL_MUNICIPALITIES_FILE

    official = (settings.official_dir / OFFICIAL_MUNICIPALITIES_FILE,)
    derived = cached("base", settings, lambda: _load_base(settings), extra_inputs=official)
    return dataclasses.replace(derived, settings=settings)


def _load_base(settings: Settings) -> BaseData:
    municipalities = load_municipalities(settings)
    codes = municipalities["code"].tolist()
    memberships = load_memberships(settings, codes)
    links = tuple(load_fixed_links(settings))
    return BaseData(
        settings=settings,
        municipalities=municipalities,
        regions=load_regions(settings),
        memberships=memberships,
        companies=tuple(companies_from_memberships(memberships)),
        attractions_result=load_attractions(settings, municipalities),
        links=links,
        graph=build_travel_graph(municipalities, list(links)),
        population=load_population(settings, codes),
    )
