"""What the guest asks for: :class:`TripRequest`, its validation, and share-link query parameters.

Bad input is one :class:`TripRequestError` that says what was expected, what came and how to fix
it: an unknown hub, theme or attraction id, 0 or more than :data:`MAX_DAYS` days, a month out of
1-12, a pace or driving limit out of range, an unknown base mode, or contradictory must-sees (an
attraction both a must-see and excluded).
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlencode

from destinations.errors import SolverError
from destinations.itinerary.places import HUBS, Hub
from destinations.itinerary.scoring import EVENT_THEME

#: Limits of a request.
MAX_DAYS = 14
HOURS_RANGE = (2.0, 16.0)
#: How the trip chooses its overnight bases: ``auto`` (2-3 places in 5 days: changing base costs
#: something), ``one`` (a star trip from one base) or ``road`` (move on whenever it pays).
BASE_MODES = ("auto", "one", "road")


class TripRequestError(SolverError):
    """A trip request names unknown hubs, themes or attractions, or asks for the impossible.

    Attributes
    ----------
    field
        The request field concerned (``start``, ``themes``, ...).
    valid
        The valid values where they can be listed.
    """

    def __init__(self, message: str, *, field: str = "", valid: Sequence[str] = ()) -> None:
        self.field = field
        self.valid = tuple(valid)
        super().__init__(message)



@dataclass(frozen=True)
class TripRequest:
    """What the guest asks for. Validate with :func:`validate_request` (hubs become hub ids)."""

    start: str
    end: str | None = None  # None: back to the start
    days: int = 3
    month: int = 7
    themes: tuple[str, ...] = ()
    must_see: tuple[str, ...] = ()
    hours_per_day: float = 8.0
    max_drive_minutes: float = 240.0
    alternatives: int = 3
    facts_year: int | None = None  # None: the latest year of the facts layer
    exclude: tuple[str, ...] = ()  # attraction ids the guest does not want (icons included)
    bases: str = "auto"  # one of BASE_MODES


def find_hub(name: str) -> Hub:
    """The hub called ``name`` (id, English or Danish name, case-insensitive).

    Raises
    ------
    TripRequestError
        Listing the valid hubs (and the closest match) when ``name`` is not one.
    """
    text = " ".join(str(name or "").split()).casefold()
    for hub in HUBS:
        if text in (hub.id, hub.name.casefold(), hub.name_da.casefold()):
            return hub
    names = [h.name for h in HUBS]
    close = difflib.get_close_matches(str(name), names, n=1, cutoff=0.6)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise TripRequestError(
        f"Unknown hub {name!r}.{hint} Valid hubs: {', '.join(names)}. "
        "Fix: give one of these names (or its id, e.g. 'cph-airport').",
        field="hub", valid=names)


def valid_themes(base: Any) -> tuple[str, ...]:
    """Every theme tag of the attraction data and :data:`EVENT_THEME` (venues with an event), sorted."""
    return tuple(sorted({t for a in base.attractions for t in a.themes} | {EVENT_THEME}))


def _attraction_ids(base: Any, values: Sequence[str], field: str) -> tuple[str, ...]:
    ids = tuple(dict.fromkeys(str(m).strip() for m in values if str(m).strip()))
    missing = [m for m in ids if m not in base.attraction_by_id]
    if missing:
        hints = []
        known = sorted(base.attraction_by_id)
        for m in missing:
            close = difflib.get_close_matches(m, known, n=2, cutoff=0.5)
            hints.append(f"{m!r}" + (f" (did you mean {' or '.join(close)}?)" if close else ""))
        raise TripRequestError(
            f"Unknown attraction id{'s' if len(missing) > 1 else ''} {', '.join(hints)}. "
            f"There are {len(known)} attractions; ids look like 'kronborg-slot'. Fix: use the ids "
            "of the attraction data (the map page and `destinations` exports list them).",
            field=field, valid=known)
    return ids


def validate_request(base: Any, request: TripRequest) -> TripRequest:
    """A normalised copy of ``request`` (hub ids, known themes and attraction ids, sane numbers).

    Raises
    ------
    TripRequestError
        Saying what is wrong and listing the valid values.
    """
    start = find_hub(request.start).id
    end = find_hub(request.end).id if request.end not in (None, "") else start
    days = _integer(request.days, "days")
    if not 1 <= days <= MAX_DAYS:
        raise TripRequestError(f"A trip has 1 to {MAX_DAYS} days; {days} were asked for. "
                               f"Fix: choose between 1 and {MAX_DAYS}.", field="days")
    month = _integer(request.month, "month")
    if not 1 <= month <= 12:
        raise TripRequestError(f"The month must be 1 to 12, got {month}. Fix: give a month "
                               "number (7 = July).", field="month")
    known = valid_themes(base)
    themes = tuple(dict.fromkeys(" ".join(str(t).split()).casefold() for t in request.themes if str(t).strip()))
    unknown = [t for t in themes if t not in known]
    if unknown:
        raise TripRequestError(
            f"Unknown theme{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}. "
            f"Valid themes: {', '.join(known)}. Fix: pick from these tags.",
            field="themes", valid=known)
    must = _attraction_ids(base, request.must_see, "must_see")
    exclude = _attraction_ids(base, request.exclude, "exclude")
    both = [m for m in must if m in exclude]
    if both:
        names = ", ".join(base.attraction_by_id[m].name for m in both)
        raise TripRequestError(
            f"Contradictory request: {names} {'is' if len(both) == 1 else 'are'} both a must-see and "
            "excluded. Fix: keep each attraction in one of the two lists.", field="must_see")
    mode = str(request.bases or "auto").strip().casefold()
    if mode not in BASE_MODES:
        raise TripRequestError(f"Unknown base mode {request.bases!r}. Valid modes: "
                               f"{', '.join(BASE_MODES)}. Fix: 'auto' (2-3 bases), 'one' (a star "
                               "trip from one base) or 'road' (a road trip).", field="bases",
                               valid=BASE_MODES)
    hours = _number(request.hours_per_day, "hours_per_day")
    if not HOURS_RANGE[0] <= hours <= HOURS_RANGE[1]:
        raise TripRequestError(
            f"Pace must be {HOURS_RANGE[0]:g} to {HOURS_RANGE[1]:g} hours a day, got {hours:g}. "
            "Fix: choose a pace in that range.", field="hours_per_day")
    drive = _number(request.max_drive_minutes, "max_drive_minutes")
    if not 0 <= drive <= 24 * 60:
        raise TripRequestError(f"Maximum driving must be 0 to 1440 minutes a day, got {drive:g}. "
                               "Fix: give minutes per day.", field="max_drive_minutes")
    alternatives = _integer(request.alternatives, "alternatives")
    if not 1 <= alternatives <= 3:
        raise TripRequestError(f"Ask for 1 to 3 itineraries, got {alternatives}.", field="alternatives")
    return replace(request, start=start, end=end, days=days, month=month, themes=themes,
                   must_see=must, hours_per_day=hours, max_drive_minutes=drive,
                   alternatives=alternatives, exclude=exclude, bases=mode)


def _integer(value: object, what: str) -> int:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise TripRequestError(f"{what} must be a whole number, got {value!r}. Fix: give digits "
                               "only, e.g. 5.", field=what) from None
    if not math.isfinite(number) or number != int(number):
        raise TripRequestError(f"{what} must be a whole number, got {value!r}. Fix: give digits "
                               "only, e.g. 5.", field=what)
    return int(number)


def _number(value: object, what: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise TripRequestError(f"{what} must be a number, got {value!r}. Fix: give a number, "
                               "e.g. 8 or 7.5.", field=what) from None
    if not math.isfinite(number):
        raise TripRequestError(f"{what} must be a finite number, got {value!r}. Fix: give a "
                               "number, e.g. 8 or 7.5.", field=what)
    return number


# ---------------------------------------------------------------------------- share links
#: Query parameter names of a share link.
QUERY_KEYS = ("from", "to", "days", "month", "themes", "must", "exclude", "bases", "pace", "drive",
              "seed", "scenario", "trip")


def request_query(request: TripRequest, *, seed: int | None = None,
                  scenario_id: str | None = None, trip: str | None = None) -> dict[str, str]:
    """Query parameters that reproduce ``request`` (hub ids, comma lists); defaults are left out.

    ``trip`` is a planned trip's encoding (:func:`destinations.itinerary.links.encode_trip`): a
    link with it reopens exactly that trip instead of planning again.
    """
    params = {"from": request.start, "days": str(request.days), "month": str(request.month)}
    if request.end and request.end != request.start:
        params["to"] = request.end
    if request.themes:
        params["themes"] = ",".join(request.themes)
    if request.must_see:
        params["must"] = ",".join(request.must_see)
    if request.exclude:
        params["exclude"] = ",".join(request.exclude)
    if request.bases and request.bases != "auto":
        params["bases"] = request.bases
    if request.hours_per_day != 8.0:
        params["pace"] = f"{request.hours_per_day:g}"
    if request.max_drive_minutes != 240.0:
        params["drive"] = f"{request.max_drive_minutes:g}"
    if seed is not None and seed != 1:
        params["seed"] = str(seed)
    if scenario_id and scenario_id != "today":
        params["scenario"] = scenario_id
    if trip:
        params["trip"] = trip
    return params


def share_link(request: TripRequest, *, seed: int | None = None, scenario_id: str | None = None,
               page: str = "itineraries", trip: str | None = None) -> str:
    """A relative link (``itineraries?from=…``) that opens the page with this request (and, with
    ``trip``, reopens that planned trip exactly)."""
    return f"{page}?{urlencode(request_query(request, seed=seed, scenario_id=scenario_id, trip=trip))}"


def request_from_query(base: Any, params: Mapping[str, str]) -> tuple[TripRequest, int]:
    """``(request, seed)`` from share-link parameters, validated.

    Raises
    ------
    TripRequestError
        When a parameter is missing or invalid (the message names it).
    """
    if not params.get("from"):
        raise TripRequestError("The link has no start hub ('from'). Fix: open the page and plan a trip.",
                               field="start")

    def split(key: str) -> tuple[str, ...]:
        return tuple(p for p in str(params.get(key, "")).split(",") if p.strip())

    request = TripRequest(
        start=str(params["from"]), end=params.get("to") or None,
        days=params.get("days", 3), month=params.get("month", 7),  # type: ignore[arg-type]
        themes=split("themes"), must_see=split("must"), exclude=split("exclude"),
        bases=str(params.get("bases") or "auto"),
        hours_per_day=params.get("pace", 8.0), max_drive_minutes=params.get("drive", 240.0),  # type: ignore[arg-type]
    )
    seed = _integer(params.get("seed", 1), "seed")
    return validate_request(base, request), seed
