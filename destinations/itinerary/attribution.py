"""Who benefits from a trip: nights and visits per destination company, companies crossed, splits.

Nights (per overnight base) and visits per destination company under a scenario (default:
today's companies), the companies whose municipalities the route crosses, and the route's
effective splits ``1 / sum(s_d^2) - 1`` over the shares ``s_d`` of nights plus visits.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import zip_longest
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from destinations.itinerary.trip import Trip, TripDay

#: Company label of municipalities outside every destination company.
UNAFFILIATED = "Unaffiliated"


@dataclass(frozen=True)
class CompanyShare:
    """Nights and visits a destination company hosts on a trip."""

    company_id: str | None  # None = unaffiliated
    name: str
    nights: int
    visits: int
    codes: tuple[str, ...]  # municipalities hosting them


@dataclass(frozen=True)
class Benefits:
    """Who benefits from a trip under one scenario."""

    scenario_name: str
    companies: tuple[CompanyShare, ...]  # by nights + visits, most first
    crossed: tuple[str, ...]  # names of every company whose municipalities the route passes
    effective_splits: float  # 1 / sum(s^2) - 1 over shares of nights + visits
    needs_cooperation: bool  # more than one company hosts nights or visits

    @property
    def hosts(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.companies)



def trip_benefits(days: Sequence[TripDay], *, assignment: Mapping[str, str | None],
                  names: Mapping[str, str], scenario_name: str = "",
                  unaffiliated: str = UNAFFILIATED) -> Benefits:
    """Nights and visits per company, companies crossed and effective splits of a trip.

    Parameters
    ----------
    days
        The trip's days.
    assignment
        Kommune code -> company id (``None`` = unaffiliated) of the scenario.
    names
        Company id -> display name.
    """
    nights: dict[str | None, int] = {}
    visits: dict[str | None, int] = {}
    codes: dict[str | None, list[str]] = {}
    for day in days:
        if day.overnight:
            company = assignment.get(day.base.code)
            nights[company] = nights.get(company, 0) + 1
            codes.setdefault(company, []).append(day.base.code)
        for visit in day.visits:
            company = assignment.get(visit.code)
            visits[company] = visits.get(company, 0) + 1
            codes.setdefault(company, []).append(visit.code)
    companies = [CompanyShare(company_id=c, name=names.get(c, c) if c else unaffiliated,
                              nights=nights.get(c, 0), visits=visits.get(c, 0),
                              codes=tuple(dict.fromkeys(codes[c])))
                 for c in codes]
    companies.sort(key=lambda s: (-(s.nights + s.visits), -s.nights, s.name))
    total = sum(s.nights + s.visits for s in companies)
    if total:
        es = 1.0 / sum(((s.nights + s.visits) / total) ** 2 for s in companies) - 1.0
    else:
        es = 0.0
    crossed: list[str] = []
    for day in days:
        route = [day.start.code]
        for leg, visit in zip_longest(day.legs, day.visits):
            route += list(leg.codes) if leg is not None else []
            route += [visit.code] if visit is not None else []
        route.append(day.base.code)
        for code in route:
            company = assignment.get(code)
            label = names.get(company, company) if company else unaffiliated
            if label not in crossed:
                crossed.append(label)
    return Benefits(scenario_name=scenario_name, companies=tuple(companies), crossed=tuple(crossed),
                    effective_splits=round(es, 4),
                    needs_cooperation=sum(1 for s in companies if s.company_id is not None) > 1)


def plan_of(base: Any, scenario: Any) -> tuple[dict[str, str | None], dict[str, str], str]:
    if scenario is None:
        return dict(base.today_assignment), dict(base.today_company_names), "Destination companies today"
    return dict(scenario.assignment), dict(scenario.names), str(scenario.name)


def rebenefit(trip: Trip, base: Any, scenario: Any = None) -> Trip:
    """The same trip with its who-benefits figures under another scenario (no re-solving)."""
    assignment, names, label = plan_of(base, scenario)
    return replace(trip, benefits=trip_benefits(trip.days, assignment=assignment, names=names,
                                                scenario_name=label))
