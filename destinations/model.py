"""Frozen domain records shared across the package."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """How a figure came about. Shown as a badge next to every number."""

    OFFICIAL = "official"  # published by the statistics office / authority, read unchanged
    COMPILED = "compiled"  # gathered from published pages, press, repositories (a source per row)
    MODELLED = "modelled"  # estimated by this tool; method documented

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


@dataclass(frozen=True)
class Provenance:
    """Where a figure or a dataset comes from."""

    source: str
    year: int | None
    kind: Kind
    licence: str = ""


@dataclass(frozen=True)
class Fact:
    """One figure with its unit and provenance."""

    value: float | None
    unit: str
    provenance: Provenance

    @property
    def is_gap(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region_code: str  # ISO 3166-2, e.g. "DK-84"
    region_name: str


@dataclass(frozen=True)
class DestinationCompany:
    """A destination company: an id (slug), a display name and its member municipality codes."""

    id: str
    name: str
    members: tuple[str, ...]
    uncertain_members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Attraction:
    id: str
    name: str
    category: str
    lat: float
    lon: float
    kommune_code: str
    visitors: int | None
    visitors_year: int | None
    open_months: tuple[int, ...]  # empty: the source does not say (a gap, shown as such)
    themes: tuple[str, ...]
    source: str
    coords_approx: bool = False

    @property
    def season_known(self) -> bool:
        return bool(self.open_months)

    def is_open(self, month: int) -> bool | None:
        """True/False, or None where the season is unknown."""
        return (month in self.open_months) if self.open_months else None


@dataclass(frozen=True)
class DatasetInfo:
    """A row of the data & sources page and of ``destinations data status``."""

    name: str
    path: str
    source: str
    licence: str
    kind: Kind
    rows: int
    year: str
    coverage: str
    caveats: tuple[str, ...] = field(default_factory=tuple)
