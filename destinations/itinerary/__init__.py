"""Itinerary optimisation: orienteering with hotel selection, time windows and must-visit nodes.

Public surface:

* :class:`Problem` (build with :meth:`Problem.from_cost_matrix`) and :class:`Solution` (with its
  :meth:`Solution.feasibility` checker), :func:`trip_schedule`;
* :func:`solve` (the metaheuristic) and :func:`greedy` (a plain insertion baseline);
* readers of the public benchmark instances: :func:`read_ophs`, :func:`read_toptw`,
  :func:`read_best_known`, :func:`read_published_solution`;
* :func:`solve_instance_file` for the command line.

The Danish trip planner lives in :mod:`destinations.itinerary.plan` (imported on demand, it needs
the geodata stack).
"""

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
]
