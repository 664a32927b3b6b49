"""The frozen records of a planned trip: stops, visits, legs, days, trips and the planner's result."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from destinations.itinerary.attribution import Benefits
from destinations.itinerary.places import MIN_BASE_OVERNIGHTS
from destinations.itinerary.request import TripRequest
from destinations.itinerary.scoring import clock
from destinations.model import Kind

__all__ = ["Leg", "Lunch", "Note", "Segment", "Stop", "Trip", "TripDay", "TripResult", "Unfitted",
           "Visit", "clock"]


@dataclass(frozen=True)
class Stop:
    """Where a day starts or ends: a hub or an overnight base."""

    kind: str  # hub | base
    id: str  # hub id or base town id
    name: str  # hub or town name
    code: str  # kommune code
    lat: float
    lon: float


@dataclass(frozen=True)
class Visit:
    """One attraction visit with its (modelled) clock times."""

    attraction_id: str
    name: str
    category: str
    code: str
    lat: float
    lon: float
    arrive: float  # minutes after midnight
    start: float  # after any wait for opening
    leave: float
    score: float
    season_known: bool
    why: str = ""  # why this stop: must-see, icon, visitors (year), themes, category
    opens: float | None = None  # assumed opening hours that day (clock minutes)
    closes: float | None = None


@dataclass(frozen=True)
class Lunch:
    """The day's lunch break: where and when.

    ``where`` is ``"after"`` (at the place just visited), ``"road"`` (a stop on the way),
    ``"wait"`` (while waiting for a place to open) or ``"inside"`` (within a long visit of a park or
    zoo, whose visit length includes it); ``visit`` is the visit's index in the day for
    ``after``/``wait``/``inside``, the index of the leg for ``road``.
    """

    start: float
    end: float
    where: str
    visit: int


@dataclass(frozen=True)
class Segment:
    """A drawable piece of a leg: a road stretch or a ferry crossing (lat, lon pairs)."""

    kind: str  # road | ferry
    coords: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Leg:
    """Travel from one stop or visit to the next."""

    from_name: str
    to_name: str
    minutes: float
    drive_minutes: float
    ferry_minutes: float
    ferries: tuple[str, ...]  # link names
    codes: tuple[str, ...]  # municipalities passed (graph path), or the two ends
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class TripDay:
    """One day: from ``start`` through ``visits`` to ``base`` (the night's stay, or the end hub)."""

    number: int
    start: Stop
    base: Stop
    overnight: bool  # False on the last day (the trip ends at the hub)
    visits: tuple[Visit, ...]
    legs: tuple[Leg, ...]
    leave: float  # clock minutes
    arrive: float
    drive_minutes: float
    ferry_minutes: float
    lunch: Lunch | None = None  # None when the day ends before lunch time

    @property
    def travel_minutes(self) -> float:
        return float(sum(leg.minutes for leg in self.legs))

    @property
    def ferry_legs(self) -> tuple[Leg, ...]:
        return tuple(leg for leg in self.legs if leg.ferries)



@dataclass(frozen=True)
class Unfitted:
    """A must-see the trip could not include, and why."""

    attraction_id: str
    name: str
    reason: str  # closed | time | driving | hours | together
    detail: str  # an English sentence (the page translates from ``reason`` and the numbers)
    need_minutes: float | None = None  # time (reason "time") or driving ("driving") it needs alone
    limit_minutes: float | None = None  # what a day allows


@dataclass(frozen=True)
class Note:
    """A caveat about a trip: ``code`` (season_unknown | theme_closed | icon_missing | low_base)
    and its values."""

    code: str
    values: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        """The note in English (the page translates from ``code`` and ``values``)."""
        v = dict(self.values)
        if self.code == "season_unknown":
            return f"Season not given by the source (check before going): {v['names']}"
        if self.code == "theme_closed":
            return f"No attraction with theme {v['theme']!r} is open in this month"
        if self.code == "icon_missing":
            return f"Copenhagen icons left out (they did not fit): {v['names']}"
        return (f"Night {v['night']}: {v['name']} has fewer than {MIN_BASE_OVERNIGHTS:g} overnights "
                "in hotels, hostels and campsites that month")


@dataclass(frozen=True)
class Trip:
    """A planned itinerary (frozen)."""

    days: tuple[TripDay, ...]
    score: float
    benefits: Benefits
    variant: int  # 1 = the best trip, 2.. = alternatives

    @property
    def visits(self) -> tuple[Visit, ...]:
        return tuple(v for day in self.days for v in day.visits)

    @property
    def nights(self) -> tuple[Stop, ...]:
        return tuple(day.base for day in self.days if day.overnight)

    @property
    def drive_minutes(self) -> float:
        return float(sum(day.drive_minutes for day in self.days))

    @property
    def bases(self) -> tuple[Stop, ...]:
        """The distinct places slept in, in the order first used."""
        return tuple({(s.kind, s.id): s for s in self.nights}.values())


@dataclass(frozen=True)
class TripResult:
    """What :func:`plan_trip` returns: the best trip, alternatives, what could not be fitted."""

    request: TripRequest
    trips: tuple[Trip, ...]  # best first; then alternatives
    unfitted: tuple[Unfitted, ...]
    explanation: str  # '' when everything asked for fits
    notes: tuple["Note", ...]  # caveats (season unknown, theme closed, thin base)
    bases: int  # overnight bases open in the month
    candidates: int  # attractions open (or season unknown) in the month
    facts_year: int
    runtime_s: float
    kind: str = Kind.MODELLED.value
    assumptions: Mapping[str, Any] = field(default_factory=dict)  # the planner fills them in
    iterations: int = 0  # search iterations spent on all itineraries
    stopped_by: str = ""  # "budget" (reproducible) | "time" (the time limit came first) | "reopened"
    seed: int | None = None  # the seed, when known (share links, the CLI)

    @property
    def best(self) -> Trip:
        return self.trips[0]
