"""Scenario generators: optimised plans, minimal-move repair, ensembles and parish mode.

Public surface::

    from destinations.regionalize import RegionalizationProblem, solve, repair_scenario

* :class:`RegionalizationProblem` (``from_base`` / ``from_context`` -> ``from_arrays``): the numeric
  problem; :class:`Plan` the generators' result; :func:`check_plan` its constraint check.
* :func:`solve` / :func:`solve_steps` (:mod:`.generate`): contiguous plans minimising the
  flow-weighted border cut under the floor, lighthouse, balance, size and lock constraints,
  bounded by an iteration budget (same seed and settings, same plan on any machine).
* :func:`default_bounds` (:mod:`.defaults`): the balance and size bounds derived from today's map.
* :func:`binding_constraints` (:mod:`.explain`): which constraints keep a plan from cutting fewer
  day trips (``Plan.binding``).
* :func:`check_feasibility` (:mod:`.feasibility`): why a request cannot be met, before searching.
* :func:`repair` / :func:`repair_scenario` (:mod:`.repair`): the fewest moves that make a plan valid
  (a municipality may split off into a company of its own).
* :func:`sample_ensemble` / :func:`position` (:mod:`.ensemble`): ReCom ensembles and percentiles.
* :func:`parish_problem` / :func:`municipality_summary` (:mod:`.parish`): parish mode.
"""

from destinations.regionalize.ensemble import (
    ENSEMBLE_METRICS,
    Ensemble,
    plan_values,
    position,
    sample_ensemble,
)
from destinations.regionalize.defaults import DefaultBounds, default_bounds
from destinations.regionalize.explain import Binding, binding_constraints
from destinations.regionalize.feasibility import Feasibility, check_feasibility, contract
from destinations.regionalize.generate import (
    DEFAULT_BUDGET,
    Progress,
    SearchParams,
    solve,
    solve_steps,
)
from destinations.regionalize.parish import (
    municipality_summary,
    parish_geography,
    parish_problem,
    summary_scenario,
)
from destinations.regionalize.problem import Plan, RegionalizationProblem, check_plan
from destinations.regionalize.repair import (
    Move,
    RepairResult,
    apply_moves,
    repair,
    repair_scenario,
)

__all__ = [
    "DEFAULT_BUDGET",
    "ENSEMBLE_METRICS",
    "Binding",
    "DefaultBounds",
    "Ensemble",
    "Feasibility",
    "Move",
    "Plan",
    "Progress",
    "RegionalizationProblem",
    "RepairResult",
    "SearchParams",
    "apply_moves",
    "binding_constraints",
    "check_feasibility",
    "check_plan",
    "contract",
    "default_bounds",
    "municipality_summary",
    "parish_geography",
    "parish_problem",
    "plan_values",
    "position",
    "repair",
    "repair_scenario",
    "sample_ensemble",
    "solve",
    "solve_steps",
    "summary_scenario",
]
