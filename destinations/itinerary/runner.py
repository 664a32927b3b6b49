"""Solve one benchmark instance file (the command line's entry point)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

from destinations.itinerary.readers import detect_format, read_ophs, read_toptw
from destinations.itinerary.solver import solve


def solve_instance_file(
    path: str | Path, *, m: int | None = None, time_limit: float = 2.0, seed: int = 0
) -> dict[str, Any]:
    """Read an OPHS or TOPTW instance, solve it and summarise the result.

    Parameters
    ----------
    path
        An ``.ophs`` file (OPHS) or a KU Leuven TOPTW ``.txt`` file; the format is detected from
        the extension, else from the contents (:func:`~destinations.itinerary.readers.detect_format`).
    m
        Number of routes for a TOPTW instance (the files do not say); ``None`` means 1. Ignored
        for OPHS, whose files give the number of trips.
    time_limit
        Seconds for the solver.
    seed
        Seed of the solver's random generator.

    Returns
    -------
    dict
        ``{"instance", "format", "days", "score", "feasible", "time_seconds"}``; ``days`` are node
        ids in the file's numbering (OPHS: 0 start hotel, 1 end hotel, then the extra hotels, then
        the scored vertices; TOPTW: 0 the depot), one list per trip including its hotels/depot.

    Raises
    ------
    DataError
        If the file cannot be read.
    SolverError
        If the instance admits no tour at all (OPHS hotels that cannot be chained).
    """
    path = Path(path)
    fmt = detect_format(path)
    problem = read_ophs(path) if fmt == "ophs" else read_toptw(path, 1 if m is None else int(m))
    began = time.perf_counter()
    solution = solve(problem, rng=np.random.default_rng(seed), time_limit=time_limit)
    elapsed = time.perf_counter() - began
    return {
        "instance": path.stem,
        "format": fmt,
        "days": [list(day) for day in solution.days],
        "score": float(solution.score),
        "feasible": not solution.feasibility(problem),
        "time_seconds": round(elapsed, 3),
    }
