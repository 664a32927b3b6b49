"""Trip links: a planned trip in a compact, checksummed text that reopens exactly that trip.

A share link carries the trip itself, not only the request, so opening it shows the same days,
bases and visits without planning again (planning anew is a separate action). The encoding::

    t1.<base64url(zlib(JSON))>.<first 12 hex digits of SHA-256 of the compressed bytes>

where the JSON holds the request (hub ids, days, month, themes, must-sees, exclusions, pace,
driving limit, base mode), the seed, the facts year, and per day the night's base and the visit
ids in order. :func:`decode_trip` refuses a link whose checksum does not match (edited or cut
off) with a :class:`TripLinkError` saying so; :func:`reopen_trip` also refuses a link whose days
break a rule or name places the data no longer has, so a hand-made link with a correct checksum
cannot produce an impossible trip either.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from destinations.itinerary.request import TripRequest, TripRequestError, validate_request
from destinations.itinerary.trip import Trip, TripResult

VERSION = "t1"
_CHECK_DIGITS = 12
_FIX = "Fix: open the original link again, or plan the trip anew."


class TripLinkError(TripRequestError):
    """A trip link is damaged, edited, or describes a trip that breaks a rule."""

    def __init__(self, message: str) -> None:
        super().__init__(message, field="trip")


@dataclass(frozen=True)
class TripLink:
    """A decoded trip link: the request, the seed and per day ``(base id, visit ids)``."""

    request: TripRequest
    seed: int | None
    facts_year: int | None
    days: tuple[tuple[str, tuple[str, ...]], ...]


def _checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:_CHECK_DIGITS]


def encode_trip(request: TripRequest, trip: Trip, *, seed: int | None = None,
                facts_year: int | None = None) -> str:
    """The compact, checksummed text of ``trip`` (planned for the validated ``request``)."""
    payload = {
        "r": [request.start, request.end or request.start, request.days, request.month,
              list(request.themes), list(request.must_see), list(request.exclude),
              request.hours_per_day, request.max_drive_minutes, request.bases],
        "s": seed,
        "y": facts_year,
        "d": [[day.base.id, [v.attraction_id for v in day.visits]] for day in trip.days],
    }
    raw = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    packed = zlib.compress(raw, 9)
    text = base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")
    return f"{VERSION}.{text}.{_checksum(packed)}"


def decode_trip(token: str) -> TripLink:
    """The trip a link carries (not yet checked against the data: see :func:`reopen_trip`).

    Raises
    ------
    TripLinkError
        When the text is not a trip link, its checksum does not match, or its content is malformed.
    """
    parts = str(token or "").strip().split(".")
    if len(parts) != 3 or parts[0] != VERSION:
        raise TripLinkError(f"This is not a trip link (expected '{VERSION}.<data>.<checksum>'). {_FIX}")
    _, text, check = parts
    try:
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise TripLinkError(f"The trip link is damaged (its data is not base64). {_FIX}") from None
    if _checksum(packed) != check.lower():
        raise TripLinkError("The trip link was edited or cut off: its checksum does not match its "
                            f"content, so it is not opened. {_FIX}")
    try:
        payload = json.loads(zlib.decompress(packed).decode("utf-8"))
        start, end, days, month, themes, must, exclude, pace, drive, mode = payload["r"]
        request = TripRequest(start=str(start), end=str(end), days=int(days), month=int(month),
                              themes=tuple(map(str, themes)), must_see=tuple(map(str, must)),
                              exclude=tuple(map(str, exclude)), hours_per_day=float(pace),
                              max_drive_minutes=float(drive), bases=str(mode), alternatives=1)
        seed = None if payload.get("s") is None else int(payload["s"])
        year = None if payload.get("y") is None else int(payload["y"])
        plan = tuple((str(b), tuple(map(str, visits))) for b, visits in payload["d"])
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError):
        raise TripLinkError(f"The trip link is malformed (its content cannot be read). {_FIX}") from None
    return TripLink(request=request, seed=seed, facts_year=year, days=plan)


def reopen_trip(base: Any, token: str, *, facts: Any = None, scenario: Any = None) -> TripResult:
    """The trip a link carries, rebuilt on the current data and checked, without planning.

    Raises
    ------
    TripLinkError
        When the link is damaged or edited (:func:`decode_trip`), names a hub, town or
        attraction the data do not have, or describes days that break a rule.
    """
    from destinations.itinerary.assembly import build_model, day_fits
    from destinations.itinerary.attribution import plan_of
    from destinations.itinerary.planner import _result_fields, load_default_facts, make_trip
    from destinations.itinerary.solver import Solution

    link = decode_trip(token)
    try:
        request = validate_request(base, link.request)
    except TripRequestError as exc:
        raise TripLinkError(f"The trip link asks for something invalid: {exc}") from None
    if len(link.days) != request.days:
        raise TripLinkError(f"The trip link has {len(link.days)} days for a {request.days}-day "
                            f"request. {_FIX}")
    if facts is None:
        from dataclasses import replace

        facts = load_default_facts(base, replace(request, facts_year=link.facts_year)
                                   if link.facts_year else request)
    model = build_model(base, request, facts=facts)
    node_of = {p.id: i for i, p in enumerate(model.places) if p.kind == "attraction"}
    town_of = {model.places[i].id: i for i in model.towns}
    end_id = request.end or request.start
    nodes: list[list[int]] = []
    here = model.start
    for number, (base_id, visits) in enumerate(link.days, start=1):
        last = number == len(link.days)
        if last and base_id != end_id:
            raise TripLinkError(f"The trip link's last day ends at {base_id!r}, not at the end hub. {_FIX}")
        there = model.end if last else town_of.get(base_id)
        if there is None:
            raise TripLinkError(f"The trip link's night {number} is at {base_id!r}, which is no base "
                                f"town open in that month. {_FIX}")
        unknown = [v for v in visits if v not in node_of]
        if unknown:
            raise TripLinkError(f"The trip link's day {number} visits {', '.join(unknown)}, which is "
                                f"not open to this request in that month. {_FIX}")
        day = [here, *(node_of[v] for v in visits), there]
        if not day_fits(model, day):
            raise TripLinkError(f"The trip link's day {number} does not fit a day (opening hours, "
                                f"lunch, latest return or driving). {_FIX}")
        nodes.append(day)
        here = there
    visited = [v for day in nodes for v in day[1:-1]]
    if len(set(visited)) != len(visited):
        raise TripLinkError(f"The trip link visits an attraction twice. {_FIX}")
    problem = model.problem()
    solution = Solution.from_days(problem, nodes)
    if problem.max_hotel_changes is not None and problem.hotel_changes(solution.hotel_sequence) > \
            problem.max_hotel_changes:
        raise TripLinkError(f"The trip link changes base more often than its base mode allows. {_FIX}")
    assignment, names, label = plan_of(base, scenario)
    trip = make_trip(model, base, nodes, assignment=assignment, names=names, label=label, variant=1)
    return TripResult(**_result_fields(request, [trip], base, model, problem, solution),
                      runtime_s=0.0, iterations=0, stopped_by="reopened", seed=link.seed)


def trip_link(result: TripResult, trip_index: int = 0) -> str:
    """The encoding of one trip of a result (:func:`encode_trip`)."""
    trip = result.trips[trip_index]
    return encode_trip(result.request, trip, seed=result.seed, facts_year=result.facts_year)


def _days_of(link: TripLink) -> Sequence[tuple[str, tuple[str, ...]]]:
    return link.days
