"""Itinerary optimisation and the Danish trip planner.

The solver (light: numpy only)
    :class:`Problem` (build with :meth:`Problem.from_cost_matrix`) and :class:`Solution` (with its
    :meth:`Solution.feasibility` checker), :func:`trip_schedule`; :func:`solve` (the metaheuristic)
    and :func:`greedy` (a plain insertion baseline); readers of the public benchmark instances
    (:func:`read_ophs`, :func:`read_toptw`, :func:`read_best_known`,
    :func:`read_published_solution`); :func:`solve_instance_file` for the command line.

The trip planner (loaded on first use: it needs the geodata stack), one module per responsibility
    * :mod:`~destinations.itinerary.request`: :class:`TripRequest`, validation, share-link queries;
    * :mod:`~destinations.itinerary.places`: hubs, base towns, the travel model;
    * :mod:`~destinations.itinerary.scoring`: reasons to go (scores, "why this stop"), visit
      lengths, opening hours;
    * :mod:`~destinations.itinerary.days`: the clock of a day (lunch, latest return) and the checker;
    * :mod:`~destinations.itinerary.trip`: the frozen records of a planned trip;
    * :mod:`~destinations.itinerary.assembly`: the numeric model, the driving cap, days and legs;
    * :mod:`~destinations.itinerary.attribution`: who benefits (companies, splits);
    * :mod:`~destinations.itinerary.planner`: :func:`plan_trip`;
    * :mod:`~destinations.itinerary.links`: trip links that reopen exactly a planned trip;
    * :mod:`~destinations.itinerary.output`: table rows, the CLI's JSON, GeoJSON and HTML.
"""

from __future__ import annotations

import importlib
from typing import Any

from destinations.itinerary.problem import EPS, Problem, Solution, trip_schedule
from destinations.itinerary.readers import (
    BestKnown,
    PublishedSolution,
    detect_format,
    read_best_known,
    read_ophs,
    read_published_solution,
    read_toptw,
)
from destinations.itinerary.runner import solve_instance_file
from destinations.itinerary.solver import greedy, solve

#: The planner's public names and the module holding each; imported on first access (PEP 562), so
#: that the solver and the benchmark readers stay importable without pyproj and geopandas.
_PLANNER = {
    "request": ("BASE_MODES", "MAX_DAYS", "QUERY_KEYS", "TripRequest", "TripRequestError", "find_hub",
                "request_from_query", "request_query", "share_link", "valid_themes",
                "validate_request"),
    "places": ("BASE_TOWNS", "HUBS", "HUB_BY_ID", "BaseTown", "Hub", "base_towns", "leg_matrices",
               "open_bases", "travel_model"),
    "scoring": ("COPENHAGEN_ICONS", "EVENT_THEME", "LIGHTHOUSE_VISITORS", "OPENING_HOURS", "Appeal",
                "appeal", "attraction_score", "is_venue", "opening_hours", "visit_minutes"),
    "days": ("DAY_START", "LATEST_RETURN", "LUNCH_BY", "LUNCH_FROM", "LUNCH_MINUTES", "check_day",
             "check_trip", "latest_return"),
    "trip": ("Leg", "Lunch", "Note", "Stop", "Trip", "TripDay", "TripResult", "Unfitted", "Visit",
             "clock"),
    "assembly": ("PlanModel", "build_model", "day_fits", "fit_days", "max_base_changes",
                 "visitor_counts"),
    "attribution": ("Benefits", "CompanyShare", "rebenefit", "trip_benefits"),
    "planner": ("ASSUMPTIONS", "PLAN_BUDGET", "plan_trip"),
    "links": ("TripLinkError", "decode_trip", "encode_trip", "reopen_trip", "trip_link"),
    "output": ("DAY_COLOURS", "alternative_rows", "benefit_rows", "day_rows", "month_ranges",
               "open_trip_cli", "plan_trip_cli", "result_dict", "timeline_rows", "trip_geojson",
               "trip_html", "visit_rows"),
}
_MODULE_OF = {name: module for module, names in _PLANNER.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'destinations.itinerary' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"destinations.itinerary.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "EPS",
    "BestKnown",
    "Problem",
    "PublishedSolution",
    "Solution",
    "detect_format",
    "greedy",
    "read_best_known",
    "read_ophs",
    "read_published_solution",
    "read_toptw",
    "solve",
    "solve_instance_file",
    "trip_schedule",
    *sorted(_MODULE_OF),
]
