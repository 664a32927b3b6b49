"""Days that fit a day: the clock of a day with its lunch break, and the checker every day passes.

The rules of a day (all assumptions, shown with every plan)
------------------------------------------------------------
* The day leaves its base at :data:`DAY_START` (09:00).
* Every visit starts after the place opens and ends by the time it closes, on the assumed opening
  hours of its category and month (:func:`destinations.itinerary.scoring.opening_hours`).
* **Lunch**: a :data:`LUNCH_MINUTES`-minute break starts at the first moment from
  :data:`LUNCH_FROM` (11:30) when the guest is not inside a visit: on leaving a visit, while
  waiting for a place to open, or as a stop on the road when a drive runs through 11:30. A long
  visit (:data:`~destinations.itinerary.scoring.LONG_VISIT_MINUTES` or more: parks, zoos) that runs
  from 12:00 to 13:00 has lunch inside it. So lunch always starts between 11:30 and
  :data:`LUNCH_BY` (14:00); a day that ends before 11:30 has lunch at its destination.
* The guest is back at the base (or the end hub) by the **latest return**: ``DAY_START + hours a
  day + lunch``, and never after :data:`LATEST_RETURN` (21:00).
* The day's driving (ferry crossings excluded) stays within the driving cap.

:func:`schedule_day` computes a day's clock from node sequences (used while planning);
:func:`check_day` and :func:`check_trip` check finished :class:`~destinations.itinerary.trip.Trip`
records against the rules from the records alone, and return the broken ones as sentences.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from destinations.itinerary.scoring import (LONG_VISIT_MINUTES, clock, is_venue, opening_hours,
                                            visit_minutes, EVENT_THEME)
from destinations.itinerary.trip import Lunch, Trip, TripDay

DAY_START = 9 * 60
LUNCH_FROM = 11 * 60 + 30
LUNCH_BY = 14 * 60
LUNCH_MINUTES = 45
LATEST_RETURN = 21 * 60
#: A long visit holds lunch when it covers this stretch.
LUNCH_INSIDE = (12 * 60, 13 * 60)
_SLACK = 1e-6


def latest_return(hours_per_day: float) -> float:
    """The clock time by which a day ends (see the module docstring)."""
    return float(min(DAY_START + hours_per_day * 60.0 + LUNCH_MINUTES, LATEST_RETURN))


@dataclass(frozen=True)
class Schedule:
    """The clock of one day of node sequence ``nodes`` (``arrive``/``start``/``leave`` per node;
    the first node's are the departure, the last node's the arrival)."""

    arrive: tuple[float, ...]
    start: tuple[float, ...]
    leave: tuple[float, ...]
    lunch: Lunch | None
    end: float
    drive: float


def schedule_day(nodes: Sequence[int], *, travel: Any, drive: Any, service: Any,
                 opens: Sequence[float]) -> Schedule:
    """The clock of a day (lunch rule of the module docstring); no feasibility check is made."""
    now = float(DAY_START)
    arrive = [now]
    start = [now]
    leave = [now]
    lunch: Lunch | None = None
    driven = 0.0
    last = len(nodes) - 1
    for k in range(1, len(nodes)):
        a, b = nodes[k - 1], nodes[k]
        minutes = float(travel[a][b])
        driven += float(drive[a][b])
        if lunch is None and now >= LUNCH_FROM and k > 1:
            lunch = Lunch(now, now + LUNCH_MINUTES, "after", k - 2)
            now += LUNCH_MINUTES
        elif lunch is None and now < LUNCH_FROM < now + minutes:
            lunch = Lunch(float(LUNCH_FROM), float(LUNCH_FROM + LUNCH_MINUTES), "road", k - 1)
            now += LUNCH_MINUTES
        at = now + minutes
        if k == last:
            arrive.append(at)
            start.append(at)
            leave.append(at)
            return Schedule(tuple(arrive), tuple(start), tuple(leave), lunch, at, driven)
        begin = max(at, float(opens[b]))
        if lunch is None and at <= LUNCH_FROM < begin:
            lunch = Lunch(float(LUNCH_FROM), float(LUNCH_FROM + LUNCH_MINUTES), "wait", k - 1)
            begin = max(begin, lunch.end)
        length = float(service[b])
        if (lunch is None and length >= LONG_VISIT_MINUTES and begin <= LUNCH_INSIDE[0]
                and begin + length >= LUNCH_INSIDE[1]):
            lunch = Lunch(float(max(begin, LUNCH_FROM)), float(max(begin, LUNCH_FROM) + LUNCH_MINUTES),
                          "inside", k - 1)
        arrive.append(at)
        start.append(begin)
        leave.append(begin + length)
        now = begin + length
    return Schedule(tuple(arrive), tuple(start), tuple(leave), lunch, now, driven)


def schedule_fits(schedule: Schedule, nodes: Sequence[int], *, closes: Sequence[float],
                  limit: float, cap: float) -> bool:
    """Whether a day keeps closing times, the latest return and the driving cap."""
    for k in range(1, len(nodes) - 1):
        if schedule.leave[k] > closes[nodes[k]] + _SLACK:
            return False
    return schedule.end <= limit + _SLACK and schedule.drive <= cap + _SLACK


# ============================================================================ the checker
def check_day(day: TripDay, *, month: int, hours_per_day: float, max_drive_minutes: float,
              attractions: Any = None) -> list[str]:
    """Every rule of a day that ``day`` breaks, as sentences (empty: the day fits).

    ``attractions`` (attraction id -> :class:`~destinations.model.Attraction`) lets the checker
    use the assumed hours and visit length of each category; without it the visit's own
    ``opens``/``closes`` are used.
    """
    issues: list[str] = []
    label = f"day {day.number}"
    if len(day.legs) != len(day.visits) + 1:
        return [f"{label}: {len(day.legs)} legs for {len(day.visits)} visits"]
    if abs(day.leave - DAY_START) > _SLACK:
        issues.append(f"{label} leaves at {clock(day.leave)}, not {clock(DAY_START)}")
    lunch = day.lunch
    now = day.leave
    for i, leg in enumerate(day.legs):
        if lunch is not None and lunch.where == "after" and lunch.visit == i - 1:
            if lunch.start < now - _SLACK:
                issues.append(f"{label}: lunch starts before the visit before it ends")
            now = max(now, lunch.end)
        at = now + leg.minutes
        if lunch is not None and lunch.where == "road" and lunch.visit == i:
            if not (now - _SLACK <= lunch.start <= at + _SLACK):
                issues.append(f"{label}: the lunch stop is not on the way")
            at += lunch.end - lunch.start
        if i == len(day.visits):
            if abs(at - day.arrive) > 0.5:
                issues.append(f"{label}: arrives at {clock(day.arrive)}, the legs say {clock(at)}")
            break
        visit = day.visits[i]
        name = visit.name
        if abs(visit.arrive - at) > 0.5:
            issues.append(f"{label}: {name} is reached at {clock(visit.arrive)}, the legs say {clock(at)}")
        a = None if attractions is None else attractions.get(visit.attraction_id)
        opens, closes = opening_hours(a, month) if a is not None else (visit.opens, visit.closes)
        length = visit_minutes(a) if a is not None else visit.leave - visit.start
        if visit.start < visit.arrive - _SLACK:
            issues.append(f"{label}: {name} starts before the guest arrives")
        if opens is not None and visit.start < opens - _SLACK:
            issues.append(f"{label}: {name} at {clock(visit.start)}, before it opens ({clock(opens)})")
        if closes is not None and visit.leave > closes + _SLACK:
            issues.append(f"{label}: {name} until {clock(visit.leave)}, after it closes ({clock(closes)})")
        if abs(visit.leave - visit.start - length) > 0.5:
            issues.append(f"{label}: {name} lasts {visit.leave - visit.start:.0f} min, not {length} min")
        if lunch is not None and lunch.where == "wait" and lunch.visit == i and visit.start < lunch.end - _SLACK:
            issues.append(f"{label}: {name} starts during lunch")
        now = visit.leave
    issues += _lunch_issues(day, label)
    limit = latest_return(hours_per_day)
    if day.arrive > limit + _SLACK:
        issues.append(f"{label} ends at {clock(day.arrive)}, after the latest return {clock(limit)}")
    if day.drive_minutes > max_drive_minutes + _SLACK:
        issues.append(f"{label} drives {day.drive_minutes:.0f} min, over the cap of {max_drive_minutes:.0f}")
    return issues


def _lunch_issues(day: TripDay, label: str) -> list[str]:
    lunch = day.lunch
    busy_after = day.arrive > LUNCH_FROM + _SLACK
    if lunch is None:
        return [f"{label} has no lunch break"] if busy_after else []
    out = []
    if not LUNCH_FROM - _SLACK <= lunch.start <= LUNCH_BY + _SLACK:
        out.append(f"{label}: lunch at {clock(lunch.start)}, outside {clock(LUNCH_FROM)}-{clock(LUNCH_BY)}")
    if lunch.end - lunch.start < LUNCH_MINUTES - _SLACK:
        out.append(f"{label}: lunch of {lunch.end - lunch.start:.0f} min, less than {LUNCH_MINUTES}")
    for i, visit in enumerate(day.visits):
        inside = lunch.where == "inside" and lunch.visit == i
        overlaps = visit.start < lunch.end - _SLACK and lunch.start < visit.leave - _SLACK
        if inside:
            if visit.leave - visit.start < LONG_VISIT_MINUTES - _SLACK or not (
                    visit.start - _SLACK <= lunch.start and lunch.end <= visit.leave + _SLACK):
                out.append(f"{label}: lunch inside {visit.name}, which is no long visit around it")
        elif overlaps:
            out.append(f"{label}: lunch overlaps the visit to {visit.name}")
    return out


def check_trip(trip: Trip, request: Any, *, attractions: Any = None,
               base_codes: Collection[str] | None = None, max_changes: int | None = None) -> list[str]:
    """Every rule the trip breaks: each day (:func:`check_day`), days chained from the start hub to
    the end hub, nights at base towns (open that month when ``base_codes`` is given), each
    attraction at most once, open in the month, not excluded, no venue without an event theme or
    must-see, and at most ``max_changes`` changes of base."""
    issues: list[str] = []
    if len(trip.days) != request.days:
        issues.append(f"{len(trip.days)} days planned, {request.days} asked for")
    if not trip.days:
        return issues
    if trip.days[0].start.id != request.start:
        issues.append(f"the trip starts at {trip.days[0].start.name}, not at the start hub")
    if trip.days[-1].base.id != (request.end or request.start):
        issues.append(f"the trip ends at {trip.days[-1].base.name}, not at the end hub")
    seen: set[str] = set()
    for prev, day in zip((None, *trip.days), trip.days):
        issues += check_day(day, month=request.month, hours_per_day=request.hours_per_day,
                            max_drive_minutes=request.max_drive_minutes, attractions=attractions)
        if prev is not None and (day.start.kind, day.start.id) != (prev.base.kind, prev.base.id):
            issues.append(f"day {day.number} starts at {day.start.name}, day {prev.number} ended at "
                          f"{prev.base.name}")
        if day.overnight != (day.number < len(trip.days)):
            issues.append(f"day {day.number}: only the last day ends without a night")
        if day.overnight:
            if day.base.kind != "base":
                issues.append(f"night {day.number} at {day.base.name}, which is no base town")
            elif base_codes is not None and day.base.code not in base_codes:
                issues.append(f"night {day.number} at {day.base.name}, without accommodation open that month")
        for visit in day.visits:
            if visit.attraction_id in seen:
                issues.append(f"{visit.name} is visited twice")
            seen.add(visit.attraction_id)
            if visit.attraction_id in set(request.exclude):
                issues.append(f"{visit.name} was excluded")
            a = None if attractions is None else attractions.get(visit.attraction_id)
            if a is not None and a.is_open(request.month) is False:
                issues.append(f"{visit.name} is closed in month {request.month}")
            if a is not None and is_venue(a) and EVENT_THEME not in request.themes \
                    and visit.attraction_id not in request.must_see:
                issues.append(f"{visit.name} is a venue without an event asked for")
    nights = [d.base.id for d in trip.days if d.overnight]
    changes = sum(1 for a, b in zip(nights, nights[1:]) if a != b)
    if max_changes is not None and changes > max_changes:
        issues.append(f"the guest changes base {changes} times, at most {max_changes} allowed")
    return issues
