"""Readers of the public benchmark instances (OPHS, TOPTW), best-known tables and published routes.

See ``bench/instances/README.md`` of the repository for the formats and sources. Distances follow the literature:

* OPHS: plain Euclidean distance; ``tolerance`` 0.01 on every ``T_d`` and on ``Tmax`` (the files
  print ``T_d`` rounded, and the branch-cut-and-price optima use ``T_d + 0.01``).
* TOPTW: Euclidean distance rounded *down* to one decimal (Solomon files) or two decimals
  (Cordeau ``pr*`` files): ``floor(10**k * d) / 10**k``.

Node numbering is the file's: OPHS 0 = start hotel, 1 = end hotel, 2..H+1 extra hotels, then the
scored vertices; TOPTW 0 = depot.
"""

from __future__ import annotations

import csv
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from destinations.errors import DataError
from destinations.itinerary.problem import Problem, Solution

#: Tolerance the OPHS literature adds to every trip limit and to Tmax.
OPHS_TOLERANCE = 0.01


def _read_lines(path: Path) -> list[str]:
    """Non-empty lines, dashed separator lines dropped; DataError if unreadable or empty."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(path, "file not found", "check the path") from None
    except OSError as exc:
        raise DataError(path, f"cannot read the file ({exc})", "check permissions") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if not stripped or set(stripped) <= {"-"}:
            continue
        lines.append(stripped)
    if not lines:
        raise DataError(path, "the file is empty", "use a complete instance file")
    return lines


def _number(path: Path, token: str, where: str) -> float:
    try:
        value = float(token)
    except ValueError:
        raise DataError(path, f"{where}: {token!r} is not a number", "fix or re-download the file") from None
    if math.isnan(value):
        raise DataError(path, f"{where}: NaN is not allowed", "fix or re-download the file")
    return value


def _integer(path: Path, token: str, where: str) -> int:
    value = _number(path, token, where)
    if value != int(value) or value < 0:
        raise DataError(path, f"{where}: {token!r} is not a non-negative integer", "fix the header")
    return int(value)


def euclidean(xy: np.ndarray) -> np.ndarray:
    """Exact Euclidean distance matrix of ``(n, 2)`` coordinates."""
    diff = xy[:, None, :] - xy[None, :, :]
    return np.sqrt((diff**2).sum(axis=2))


def truncated(dist: np.ndarray, decimals: int) -> np.ndarray:
    """``floor(10**decimals * d) / 10**decimals`` (robust to float noise just below a step)."""
    scale = 10.0**decimals
    return np.floor(dist * scale + 1e-9) / scale


# ---------------------------------------------------------------------------------------- OPHS
def read_ophs(path: str | Path) -> Problem:
    """Read an OPHS instance (``N H D`` / ``Tmax`` / ``T_1..T_D`` / ``N + H`` lines ``x y S``).

    The result has ``D`` days, hotels ``0..H+1`` (0 start, 1 end), plain Euclidean travel times,
    ``total_budget = Tmax`` and ``tolerance = 0.01``.

    Raises
    ------
    DataError
        If the file is missing, empty, has a malformed header, non-numeric values or a number of
        budgets / locations that disagrees with the header.
    """
    path = Path(path)
    lines = _read_lines(path)
    tokens = [tok for line in lines for tok in line.split()]
    fix = "the file must hold 'N H D', Tmax, D trip limits, then N+H lines 'x y score'"
    if len(tokens) < 4:
        raise DataError(path, f"only {len(tokens)} values; not an OPHS instance", fix)
    n_vertices = _integer(path, tokens[0], "header N (vertices + 2)")
    n_extra = _integer(path, tokens[1], "header H (extra hotels)")
    n_days = _integer(path, tokens[2], "header D (trips)")
    if n_vertices < 2 or n_days < 1:
        raise DataError(path, f"header says N={n_vertices}, D={n_days}; need N >= 2 and D >= 1", fix)
    t_max = _number(path, tokens[3], "Tmax (line 2)")
    budget_tokens = tokens[4 : 4 + n_days]
    if len(budget_tokens) < n_days:
        raise DataError(path, f"header says {n_days} trips but only {len(budget_tokens)} trip limits follow", fix)
    budgets = [_number(path, tok, f"trip limit T_{d + 1}") for d, tok in enumerate(budget_tokens)]
    n_loc = n_vertices + n_extra
    body = tokens[4 + n_days :]
    if len(body) != 3 * n_loc:
        raise DataError(
            path,
            f"header says N + H = {n_loc} locations ({3 * n_loc} values 'x y score') "
            f"but {len(body)} values follow",
            fix,
        )
    values = np.array([_number(path, tok, f"location {k // 3}") for k, tok in enumerate(body)]).reshape(n_loc, 3)
    if np.any(~np.isfinite(values)):
        raise DataError(path, "coordinates and scores must be finite", fix)
    travel = euclidean(values[:, :2])
    hotels = range(0, n_extra + 2)
    score = values[:, 2].copy()
    if np.any(score[: n_extra + 2] != 0):
        raise DataError(path, "a hotel line (the first H + 2 locations) has a non-zero score", fix)
    if np.any(score < 0):
        raise DataError(path, "scores must be non-negative", fix)
    return Problem.from_cost_matrix(
        travel,
        score=score,
        budgets=budgets,
        hotels=hotels,
        start=0,
        end=1,
        total_budget=t_max,
        tolerance=OPHS_TOLERANCE,
        name=path.stem,
    )


# --------------------------------------------------------------------------------------- TOPTW
def toptw_decimals(path: str | Path) -> int:
    """Rounding of a TOPTW file's distances: 2 decimals for Cordeau ``pr*`` files, 1 for Solomon."""
    return 2 if Path(path).name.lower().startswith("pr") else 1


def read_toptw(path: str | Path, m: int = 1, *, decimals: int | None = None) -> Problem:
    """Read a TOPTW instance (KU Leuven format) as ``m`` depot-to-depot routes.

    The header's third token is the number of customers ``N``; the vertex lines are the last
    ``N + 1`` non-empty lines ``i x y d S f a list... O C`` (``O``, ``C`` = last two tokens), which
    copes with the broken header of ``c204``. Travel time = Euclidean distance rounded down to
    ``decimals`` (default :func:`toptw_decimals`). Each route leaves the depot at its opening time
    and must be back by its closing time.

    Raises
    ------
    DataError
        If the file is missing, empty, has a malformed header, fewer vertex lines than announced,
        unnumbered/misnumbered vertex lines or non-numeric values.
    """
    path = Path(path)
    if int(m) < 1:
        raise DataError(path, f"m = {m} routes requested", "m must be at least 1")
    lines = _read_lines(path)
    fix = "the file must hold a header 'k v N t', a line 'D Q' and N + 1 lines 'i x y d S f a list O C'"
    head = [tok for line in lines[:3] for tok in line.split()][:4]
    if len(head) < 3:
        raise DataError(path, "the header 'k v N t' is incomplete", fix)
    n_customers = _integer(path, head[2], "header N (number of customers, third value)")
    if n_customers < 1:
        raise DataError(path, "the header announces no customers", fix)
    n = n_customers + 1
    if len(lines) < n + 1:
        raise DataError(
            path,
            f"header announces {n_customers} customers ({n} vertex lines) but only {len(lines) - 1} lines follow",
            fix,
        )
    rows = lines[-n:]
    xy = np.zeros((n, 2))
    service = np.zeros(n)
    score = np.zeros(n)
    windows: list[tuple[float, float]] = []
    for i, line in enumerate(rows):
        toks = line.split()
        where = f"vertex line {i}"
        if len(toks) < 7:
            raise DataError(path, f"{where} has {len(toks)} values, expected at least 7 ('i x y d S ... O C')", fix)
        nums = [_number(path, tok, where) for tok in toks]
        if nums[0] != i:
            raise DataError(path, f"{where} is numbered {toks[0]}; vertex lines must be numbered 0..{n_customers}", fix)
        xy[i] = nums[1:3]
        service[i] = nums[3]
        score[i] = nums[4]
        windows.append((nums[-2], nums[-1]))
    if not np.all(np.isfinite(xy)):
        raise DataError(path, "coordinates must be finite", fix)
    if np.any(service < 0) or np.any(score < 0):
        raise DataError(path, "service durations and scores must be non-negative", fix)
    for i, (lo, hi) in enumerate(windows):
        if lo > hi:
            raise DataError(path, f"vertex {i} opens at {lo:g} after it closes at {hi:g}", fix)
    k = toptw_decimals(path) if decimals is None else decimals
    travel = truncated(euclidean(xy), k)
    depot_open, depot_close = windows[0]
    return Problem.from_cost_matrix(
        travel,
        score=score,
        service=service,
        time_windows=windows,
        budgets=[depot_close - depot_open] * int(m),
        day_start=depot_open,
        hotels=[0],
        start=0,
        end=0,
        name=path.stem,
    )


def detect_format(path: str | Path) -> str:
    """``"ophs"`` or ``"toptw"`` from the extension, else from the contents.

    ``.ophs`` files are OPHS. Otherwise a file whose last line has 3 values is OPHS and one whose
    last lines have 7 or more (``i x y d S ... O C``) is TOPTW.
    """
    path = Path(path)
    if path.suffix.lower() == ".ophs":
        return "ophs"
    lines = _read_lines(path)
    widths = {len(line.split()) for line in lines[-3:]}
    if widths == {3}:
        return "ophs"
    if min(widths) >= 7:
        return "toptw"
    raise DataError(
        path, "cannot tell whether this is an OPHS or a TOPTW instance", "use the .ophs extension for OPHS files"
    )


# -------------------------------------------------------------------- best-known / published
@dataclass(frozen=True)
class BestKnown:
    """One row of a ``best_known.csv``."""

    instance: str
    days_or_m: int
    score: float
    value_kind: str
    file: str
    source: str = ""


def read_best_known(csv_path: str | Path) -> dict[tuple[str, int], BestKnown]:
    """Read a ``best_known.csv`` into ``{(instance, days_or_m): BestKnown}``.

    Raises
    ------
    DataError
        If the file is missing, lacks a required column or has a non-numeric value.
    """
    path = Path(csv_path)
    _read_lines(path)  # missing / empty
    needed = ("instance", "days_or_m", "best_known_score", "file", "value_kind")
    out: dict[tuple[str, int], BestKnown] = {}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in needed if c not in (reader.fieldnames or [])]
        if missing:
            raise DataError(path, f"columns {missing} are missing", f"the header must include {list(needed)}")
        for line_no, row in enumerate(reader, start=2):
            where = f"row {line_no}"
            key = (row["instance"].strip(), _integer(path, row["days_or_m"].strip(), f"{where} days_or_m"))
            out[key] = BestKnown(
                instance=key[0],
                days_or_m=key[1],
                score=_number(path, row["best_known_score"].strip(), f"{where} best_known_score"),
                value_kind=row["value_kind"].strip(),
                file=row["file"].strip(),
                source=(row.get("source") or "").strip(),
            )
    return out


@dataclass(frozen=True)
class PublishedSolution:
    """A published route from ``published_solutions/*.json``.

    ``instance`` is the instance file relative to the problem folder (e.g.
    ``SET1_1-2/64-45-1-2.ophs``); ``m`` is the number of routes (TOPTW) or days (OPHS).
    ``solution`` carries the claimed score, so :meth:`Solution.feasibility` also checks it.
    ``proven_optimal`` is the file's flag (``None`` when the file does not say).
    """

    problem: str
    instance: str
    m: int
    solution: Solution
    claimed_score: float
    proven_optimal: bool | None = None
    source: str = ""


def read_published_solution(json_path: str | Path) -> PublishedSolution:
    """Read a published solution JSON (``{"problem", "instance", "days": [[...], ...], "claimed_score"}``).

    Raises
    ------
    DataError
        If the file is missing, not JSON, or ``days`` is not a list of lists of node ids.
    """
    path = Path(json_path)
    lines = _read_lines(path)
    try:
        data = json.loads("\n".join(lines))
    except json.JSONDecodeError as exc:
        raise DataError(path, f"not valid JSON ({exc.msg} at line {exc.lineno})", "re-download the file") from None
    if not isinstance(data, dict):
        raise DataError(path, "expected a JSON object", 'the file must look like {"days": [[0, ...], ...]}')
    days = data.get("days")
    if (
        not isinstance(days, list)
        or not days
        or not all(isinstance(d, list) and all(isinstance(v, int) and not isinstance(v, bool) for v in d) for d in days)
    ):
        raise DataError(path, "'days' must be a non-empty list of lists of integer node ids", "fix the JSON")
    claimed = data.get("claimed_score", data.get("score"))
    if not isinstance(claimed, (int, float)) or isinstance(claimed, bool):
        raise DataError(path, "'claimed_score' is missing or not a number", "fix the JSON")
    kind = str(data.get("problem") or ("toptw" if "m" in data else "ophs"))
    m = data.get("m", len(days))
    if not isinstance(m, int):
        raise DataError(path, "'m' must be an integer", "fix the JSON")
    solution = Solution(days=tuple(tuple(d) for d in days), score=float(claimed))
    return PublishedSolution(
        problem=kind,
        instance=str(data.get("instance", "")),
        m=m,
        solution=solution,
        claimed_score=float(claimed),
        proven_optimal=data.get("proven_optimal") if isinstance(data.get("proven_optimal"), bool) else None,
        source=str(data.get("source", "")),
    )
