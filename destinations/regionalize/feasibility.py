"""Explain infeasible requests before any search, and contract the locks into blocks.

:func:`check_feasibility` runs in milliseconds and raises :class:`~destinations.errors.SolverError`
whose message names the constraint that cannot be met and how to fix it:

* ``k`` larger than the units, or than the floor allows (total overnights / floor < k), also per
  area that locked companies cut off;
* a balance bound (max/min company overnights) below what the largest unit alone forces;
* a size bound (units per company) too small for the units to share out, for a locked company or
  for a "keep together" group;
* "every company holds a lighthouse" when fewer companies than that can hold one;
* contradictory locks (a unit to keep together with a locked company's member, two locked
  companies to keep together, a locked company below the floor or in several parts, more locked
  companies than ``k``).

Locks become **blocks**: every locked company is one frozen block (it forms its own company), and
every "keep together" group is one movable block. A group whose units are not neighbours is joined
through the fewest units between them (a company must be contiguous); the result says so in
``notes``. Because every block is connected, a company is contiguous on the unit graph exactly when
its blocks are contiguous on the block graph, so the generators work on blocks.

Lighthouses "where the data allow": the generator requires at most ``allowance`` companies without
a lighthouse, where ``allowance = k - M`` and ``M`` is an upper bound on how many companies can hold
one. ``M`` counts units holding a lighthouse, after merging each one that cannot reach the floor
without absorbing another lighthouse unit it has no alternative to (Frederiksberg, enclosed by
Copenhagen, is the real case), and counting the remaining "needs another lighthouse" units in pairs.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from destinations.errors import SolverError
from destinations.regionalize.problem import RegionalizationProblem, connected_parts

#: Lighthouse rules accepted by the generators.
LIGHTHOUSE_RULES = ("off", "where_possible", "all")


def lighthouse_rule(value: bool | str | None) -> str:
    """Normalise ``require_lighthouse`` (True = ``where_possible``, False/None = ``off``)."""
    if value is True:
        return "where_possible"
    if value is False or value is None:
        return "off"
    text = str(value).strip().lower().replace("-", "_").replace(" ", "_")
    if text not in LIGHTHOUSE_RULES:
        raise SolverError(f"require_lighthouse must be one of {LIGHTHOUSE_RULES} (or True/False), "
                          f"got {value!r}.")
    return text


@dataclass(frozen=True, eq=False)
class Blocks:
    """The units contracted by the locks (see the module docstring).

    Attributes
    ----------
    members
        Unit positions per block.
    block_of
        ``(n,)`` block of each unit.
    frozen
        ``(B,)`` True for a locked company's block.
    company
        Locked company id per block (``None`` for movable blocks).
    weights, lighthouses
        Per block sums.
    neighbours
        Block adjacency (arrays of block indices).
    flows
        ``(B, B)`` symmetric flows between blocks (``f + f^T`` summed; the diagonal holds flows
        inside a block, which never cross a border).
    notes
        What the contraction did (units added to join a "keep together" group).
    """

    members: tuple[tuple[int, ...], ...]
    block_of: np.ndarray
    frozen: np.ndarray
    company: tuple[str | None, ...]
    weights: np.ndarray
    lighthouses: np.ndarray
    neighbours: tuple[np.ndarray, ...]
    flows: np.ndarray
    notes: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.members)

    def free_components(self) -> list[list[int]]:
        """Connected parts of the movable blocks (frozen blocks are walls), largest first."""
        free = [b for b in range(self.size) if not self.frozen[b]]
        allowed = set(free)
        graph = tuple(np.array([v for v in nb if int(v) in allowed], dtype=np.int64)
                      for nb in self.neighbours)
        return connected_parts(graph, free)

    def expand(self, block_labels: np.ndarray) -> np.ndarray:
        """Unit labels from block labels."""
        return np.asarray(block_labels, dtype=np.int64)[self.block_of]


def contract(problem: RegionalizationProblem) -> Blocks:
    """Blocks of ``problem``'s locks; contradictory locks raise :class:`SolverError`."""
    n = problem.n
    locked_of = np.full(n, -1, dtype=np.int64)
    for f, (_, members) in enumerate(problem.fixed):
        locked_of[list(members)] = f
    names = problem.names
    notes: list[str] = []

    def company_name(f: int) -> str:
        cid = problem.fixed[f][0]
        return problem.fixed_names.get(cid, cid)

    # Union the together groups (overlapping groups are one group).
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for group in problem.together:
        for i in group[1:]:
            union(group[0], i)
    groups: dict[int, set[int]] = {}
    for group in problem.together:
        for i in group:
            groups.setdefault(find(i), set()).add(i)

    # A group touching a locked company is a contradiction (the locked company may not change).
    for members in groups.values():
        locked = sorted({int(locked_of[i]) for i in members if locked_of[i] >= 0})
        if len(locked) > 1:
            raise SolverError(
                "Contradictory locks: a 'keep together' group joins locked companies "
                f"{company_name(locked[0])!r} and {company_name(locked[1])!r}, which must both "
                "stay as they are. Unlock one of them or drop the group.")
        if locked and any(locked_of[i] < 0 for i in members):
            outside = next(i for i in sorted(members) if locked_of[i] < 0)
            inside = next(i for i in sorted(members) if locked_of[i] >= 0)
            raise SolverError(
                f"Contradictory locks: {names[outside]} is to be kept together with "
                f"{names[inside]}, but {names[inside]} is in the locked company "
                f"{company_name(locked[0])!r}, which nobody may join. Unlock the company or drop "
                "the group.")

    # Join each group's parts through the fewest free units (locked companies are walls).
    changed = True
    while changed:
        changed = False
        for root, members in list(groups.items()):
            if root not in groups or any(locked_of[i] >= 0 for i in members):
                continue
            parts = connected_parts(problem.neighbours, members)
            if len(parts) <= 1:
                continue
            path = _shortest_link(problem, set(parts[0]), members - set(parts[0]), locked_of)
            if path is None:
                raise SolverError(
                    "Contradictory locks: "
                    + ", ".join(names[i] for i in sorted(members)[:4])
                    + " are to be kept together, but locked companies separate them, so no "
                      "contiguous company can hold them all. Unlock a company or drop the group.")
            added = [i for i in path if i not in members]
            notes.append(f"To keep {', '.join(names[i] for i in sorted(members))} together, "
                         f"{', '.join(names[i] for i in added)} join(s) them (a company must be "
                         "contiguous).")
            for i in path:
                union(root, i)
            grouped = set(path).union(*groups.values())
            groups = {}
            for i in sorted(grouped):
                groups.setdefault(find(i), set()).add(i)
            changed = True
            break

    block_of = np.full(n, -1, dtype=np.int64)
    members_list: list[tuple[int, ...]] = []
    company: list[str | None] = []
    for f, (cid, members) in enumerate(problem.fixed):
        block_of[list(members)] = len(members_list)
        members_list.append(tuple(sorted(members)))
        company.append(cid)
    for root in sorted(groups):
        members = sorted(groups[root])
        block_of[members] = len(members_list)
        members_list.append(tuple(members))
        company.append(None)
    for i in range(n):
        if block_of[i] < 0:
            block_of[i] = len(members_list)
            members_list.append((i,))
            company.append(None)
    size = len(members_list)
    frozen = np.array([c is not None for c in company], dtype=bool)
    weights = np.bincount(block_of, weights=problem.weights, minlength=size)
    lighthouses = np.bincount(block_of, weights=problem.lighthouses, minlength=size)
    adjacency: list[set[int]] = [set() for _ in range(size)]
    for a, b in problem.edges:
        ba, bb = int(block_of[a]), int(block_of[b])
        if ba != bb:
            adjacency[ba].add(bb)
            adjacency[bb].add(ba)
    neighbours = tuple(np.array(sorted(s), dtype=np.int64) for s in adjacency)
    flows = _contract_matrix(problem.symmetric_flows(), block_of, size)
    return Blocks(members=tuple(members_list), block_of=block_of, frozen=frozen,
                  company=tuple(company), weights=weights, lighthouses=lighthouses,
                  neighbours=neighbours, flows=flows, notes=tuple(notes))


def _contract_matrix(matrix: np.ndarray, block_of: np.ndarray, size: int) -> np.ndarray:
    if size == len(block_of) and np.array_equal(block_of, np.arange(size)):
        return matrix.copy()
    onehot = np.zeros((len(block_of), size))
    onehot[np.arange(len(block_of)), block_of] = 1.0
    return onehot.T @ matrix @ onehot


def _shortest_link(problem: RegionalizationProblem, start: set[int], targets: set[int],
                   locked_of: np.ndarray) -> list[int] | None:
    """Units of a shortest path (fewest units) from ``start`` to any of ``targets``."""
    previous: dict[int, int | None] = {i: None for i in start}
    queue = deque(sorted(start))
    while queue:
        node = queue.popleft()
        for other in problem.neighbours[node]:
            other = int(other)
            if other in previous or locked_of[other] >= 0:
                continue
            previous[other] = node
            if other in targets:
                path = [other]
                while previous[path[-1]] is not None:
                    path.append(previous[path[-1]])
                return path
            queue.append(other)
    return None


# ---------------------------------------------------------------------------------------------
# Feasibility
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Feasibility:
    """What :func:`check_feasibility` found (the request is feasible as far as it can tell).

    Attributes
    ----------
    blocks
        The contracted problem.
    components
        Movable blocks per separate area (areas that locked companies cut apart).
    zones_per_component
        How many companies each area gets.
    lighthouse_allowance
        Companies allowed without a lighthouse (``None`` when the rule is ``off``).
    max_lighthouse_companies
        Upper bound on companies that can hold a lighthouse.
    notes
        Plain-language explanations for the result.
    """

    blocks: Blocks
    components: tuple[tuple[int, ...], ...]
    zones_per_component: tuple[int, ...]
    lighthouse_allowance: int | None
    max_lighthouse_companies: int
    notes: tuple[str, ...] = field(default_factory=tuple)


def check_feasibility(problem: RegionalizationProblem, *, k: int, floor: float = 0.0,
                      balance_max_ratio: float | None = None,
                      require_lighthouse: bool | str = "where_possible",
                      max_units: int | None = None) -> Feasibility:
    """Raise :class:`SolverError` naming the constraint if the request cannot be met.

    Cheap necessary conditions only: passing does not prove a valid plan exists, but every
    failure is a proof that none does, with the reason.
    """
    rule = lighthouse_rule(require_lighthouse)
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
        raise SolverError(f"The number of companies must be a whole number >= 1, got {k!r}.")
    k = int(k)
    if not (isinstance(floor, (int, float, np.number)) and math.isfinite(floor) and floor >= 0):
        raise SolverError(f"The floor must be a number >= 0, got {floor!r}.")
    if balance_max_ratio is not None and not (math.isfinite(balance_max_ratio)
                                              and balance_max_ratio >= 1):
        raise SolverError(f"The balance bound (largest / smallest company) must be >= 1, got "
                          f"{balance_max_ratio!r}.")
    if max_units is not None and (isinstance(max_units, bool) or not isinstance(
            max_units, (int, np.integer)) or max_units < 1):
        raise SolverError(f"The size bound (municipalities per company) must be a whole number "
                          f">= 1, got {max_units!r}.")
    if k > problem.n:
        raise SolverError(f"k = {k} companies is more than the {problem.n} units to share out. "
                          f"Choose k <= {problem.n}.")
    blocks = contract(problem)
    notes = list(blocks.notes)
    locked = [b for b in range(blocks.size) if blocks.frozen[b]]
    free_k = k - len(locked)
    unit = "overnight stays"

    def name(b: int) -> str:
        cid = blocks.company[b]
        return problem.fixed_names.get(cid, cid) if cid is not None else problem.names[
            blocks.members[b][0]]

    if free_k < 0:
        raise SolverError(f"Contradictory locks: {len(locked)} companies are locked but k = {k}. "
                          f"Choose k >= {len(locked)} or unlock companies.")
    for b in locked:
        if len(connected_parts(problem.neighbours, blocks.members[b])) > 1:
            raise SolverError(f"Locked company {name(b)!r} is in several parts on the travel graph, "
                              "so it breaks contiguity and may not change. Unlock it so it can "
                              "be repaired.")
        if blocks.weights[b] < floor:
            raise SolverError(f"Locked company {name(b)!r} has {blocks.weights[b]:,.0f} {unit}, "
                              f"below the floor of {floor:,.0f}, and may not change. Unlock it or "
                              "lower the floor.")
    total = float(problem.weights.sum())
    if floor > 0 and total / floor < k:
        raise SolverError(
            f"k = {k} is too large for the floor: all units together have {total:,.0f} {unit}, "
            f"and {total:,.0f} / {floor:,.0f} = {total / floor:.2f} < {k}, so at most "
            f"{int(total // floor)} companies can reach the floor. Choose a smaller k or lower the "
            "floor.")
    components = blocks.free_components()
    if free_k == 0 and components:
        raise SolverError(f"Contradictory locks: all {k} companies are locked, but "
                          f"{sum(len(c) for c in components)} units are in none of them. Raise k "
                          "or lock fewer companies.")
    if len(components) > free_k:
        raise SolverError(
            f"Contradictory locks: the locked companies cut the map into {len(components)} "
            f"separate areas, each needing its own company, but only {free_k} unlocked companies "
            f"remain (k = {k}). Raise k or unlock a company.")
    caps = []
    for comp in components:
        weight = float(blocks.weights[comp].sum())
        cap = len(comp) if floor <= 0 else min(len(comp), int(weight // floor))
        if cap < 1:
            raise SolverError(
                f"The area around {name(comp[0])} ({len(comp)} units, {weight:,.0f} {unit}) is "
                f"cut off by locked companies and cannot reach the floor of {floor:,.0f}. Unlock "
                "a neighbouring company or lower the floor.")
        caps.append(cap)
    if sum(caps) < free_k:
        raise SolverError(
            f"k = {k} is too large for the floor with these locks: the unlocked areas can hold at "
            f"most {sum(caps)} companies of {floor:,.0f} {unit} besides the {len(locked)} locked "
            "ones. Choose a smaller k, lower the floor or unlock companies.")
    if free_k > sum(len(c) for c in components):
        raise SolverError(
            f"The locks leave only {sum(len(c) for c in components)} movable blocks for {free_k} "
            "unlocked companies. Choose a smaller k or drop some 'keep together' groups.")
    zones = _allocate(components, blocks.weights, caps, free_k)
    if max_units is not None:
        _check_size(problem, blocks, components, zones, locked, int(max_units), k, name)

    if balance_max_ratio is not None and k > 1:
        heaviest = float(blocks.weights.max())
        locked_weights = [float(blocks.weights[b]) for b in locked]
        low_cap = min([total / k] + locked_weights)
        needed = max([heaviest] + locked_weights) / low_cap if low_cap > 0 else math.inf
        if needed > balance_max_ratio * (1 + 1e-9):
            biggest = int(np.argmax(blocks.weights))
            raise SolverError(
                f"The balance bound {balance_max_ratio:g} cannot be met: {name(biggest)} alone has "
                f"{heaviest:,.0f} {unit}, while with k = {k} the smallest company can have at most "
                f"{low_cap:,.0f}, so largest / smallest is at least {needed:.2f}. Raise the bound "
                f"to {math.ceil(needed * 100) / 100:g} or more.")

    capacity, lh_notes = _lighthouse_capacity(problem, blocks, components, zones, floor)
    locked_with = sum(1 for b in locked if blocks.lighthouses[b] > 0)
    max_lh = min(k, locked_with + capacity)
    allowance = None
    if rule != "off":
        holders = int(np.sum(problem.lighthouses > 0))
        if rule == "all" and max_lh < k:
            detail = f"only {holders} units hold a lighthouse attraction"
            if lh_notes:
                detail += " and " + "; ".join(lh_notes)
            locked_without = [name(b) for b in locked if blocks.lighthouses[b] <= 0]
            if locked_without:
                detail += f"; locked companies without one: {', '.join(locked_without)}"
            raise SolverError(
                f"Every company must hold a lighthouse, but at most {max_lh} of the k = {k} "
                f"companies can ({detail}). Choose k <= {max_lh}, lower the lighthouse threshold "
                "or require lighthouses only where the data allow.")
        allowance = 0 if rule == "all" else k - max_lh
        if allowance:
            notes.append(f"At most {max_lh} of the {k} companies can hold a lighthouse "
                         f"({holders} units hold one"
                         + (f"; {'; '.join(lh_notes)}" if lh_notes else "")
                         + f"), so up to {allowance} may have none.")
    return Feasibility(blocks=blocks, components=tuple(tuple(c) for c in components),
                       zones_per_component=tuple(zones), lighthouse_allowance=allowance,
                       max_lighthouse_companies=max_lh, notes=tuple(notes))


def _check_size(problem: RegionalizationProblem, blocks: Blocks, components: list[list[int]],
                zones: list[int], locked: list[int], bound: int, k: int, name) -> None:
    """Raise when no plan can keep every company at or below ``bound`` units."""
    for b in range(blocks.size):
        size = len(blocks.members[b])
        if size > bound:
            what = (f"Locked company {name(b)!r}" if blocks.frozen[b] else
                    "The 'keep together' group of " + ", ".join(
                        problem.names[i] for i in blocks.members[b][:4]))
            raise SolverError(f"{what} has {size} municipalities, more than the size bound of "
                              f"{bound} per company. Raise the bound to {size} or more, or "
                              + ("unlock it." if blocks.frozen[b] else "drop the group."))
    free_units = sum(len(blocks.members[b]) for comp in components for b in comp)
    free_k = sum(zones)
    if free_units > free_k * bound:
        needed = -(-free_units // max(free_k, 1))
        raise SolverError(
            f"The size bound of {bound} municipalities per company is too small: {free_units} "
            f"municipalities must share {free_k} companies (k = {k}"
            + (f", {len(locked)} locked" if locked else "") + f"), so some company needs at least "
            f"{needed}. Raise the bound to {needed} or more, or raise k.")
    for comp, count in zip(components, zones):
        units = sum(len(blocks.members[b]) for b in comp)
        if units > count * bound:
            raise SolverError(
                f"The area around {name(comp[0])} ({units} municipalities, cut off by locked "
                f"companies) gets {count} companies, too few for the size bound of {bound}. Raise "
                "the bound or unlock a neighbouring company.")


def _allocate(components: list[list[int]], weights: np.ndarray, caps: list[int],
              total: int) -> list[int]:
    """Companies per area: one each, the rest by the largest-average rule (D'Hondt) within caps."""
    counts = [1] * len(components)
    mass = [float(weights[c].sum()) for c in components]
    while sum(counts) < total:
        options = [i for i in range(len(components)) if counts[i] < caps[i]]
        best = max(options, key=lambda i: (mass[i] / (counts[i] + 1), -i))
        counts[best] += 1
    return counts


def _lighthouse_capacity(problem: RegionalizationProblem, blocks: Blocks,
                         components: list[list[int]], zones: list[int],
                         floor: float) -> tuple[int, list[str]]:
    """Upper bound on unlocked companies that can hold a lighthouse, with explanations."""
    total = 0
    notes: list[str] = []
    for comp, zone_count in zip(components, zones):
        inside = set(comp)
        holders = [b for b in comp if blocks.lighthouses[b] > 0]
        group_of = {b: b for b in holders}  # holder block -> representative
        members = {b: {b} for b in holders}
        changed = True
        dependent: set[int] = set()
        while changed:
            changed = False
            dependent = set()
            for rep in sorted(members):
                weight, touched = _reach(blocks, members[rep], inside, group_of)
                if weight >= floor:
                    continue
                if len(touched) == 1:
                    other = next(iter(touched))
                    a = ", ".join(sorted(_names(problem, blocks, members[rep])))
                    b = ", ".join(sorted(_names(problem, blocks, members[other])))
                    notes.append(f"{a} can only reach the floor together with {b}")
                    members[other] |= members.pop(rep)
                    for b_ in members[other]:
                        group_of[b_] = other
                    changed = True
                    break
                if touched:
                    dependent.add(rep)
        independent = len(members) - len(dependent)
        total += min(zone_count, independent + len(dependent) // 2)
    return total, notes


def _reach(blocks: Blocks, start: set[int], inside: set[int],
           group_of: Mapping[int, int]) -> tuple[float, set[int]]:
    """Weight reachable from ``start`` without entering another lighthouse group, and the groups
    touched on the way."""
    seen = set(start)
    queue = deque(sorted(start))
    weight = float(sum(blocks.weights[b] for b in start))
    touched: set[int] = set()
    own = {group_of[b] for b in start if b in group_of}
    while queue:
        node = queue.popleft()
        for other in blocks.neighbours[node]:
            other = int(other)
            if other in seen or other not in inside:
                continue
            if other in group_of and group_of[other] not in own:
                touched.add(group_of[other])
                continue
            seen.add(other)
            weight += float(blocks.weights[other])
            queue.append(other)
    return weight, touched


def _names(problem: RegionalizationProblem, blocks: Blocks, block_set: set[int]) -> list[str]:
    return [problem.names[i] for b in block_set for i in blocks.members[b]
            if problem.lighthouses[i] > 0]
