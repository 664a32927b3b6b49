"""Exports of saved scenarios: look a scenario up in the store by name, write CSV/GeoJSON/GeoPackage."""

from __future__ import annotations

from pathlib import Path

from destinations.errors import ScenarioError
from destinations.scenarios.io import (
    EXPORT_FORMATS,
    MunicipalityIndex,
    _fold,
    companies_frame,
    load_context,
    plan_csv,
    write_companies,
)
from destinations.scenarios.scenario import TODAY_NAME, Scenario
from destinations.store.documents import ScenarioStore


def export_scenario(base, store_or_scenario, name: str | None, fmt: str, out: str | Path, *,
                    year: int | None = None, facts=None) -> Path:
    """``destinations scenario export NAME --format csv|geojson|gpkg --out FILE``.

    ``store_or_scenario`` is a :class:`~destinations.scenarios.scenario.Scenario` (exported as is), or a
    :class:`~destinations.store.documents.ScenarioStore` / database URL in which ``name`` is looked up;
    ``"Destination companies today"`` is always available. Returns the written path.
    """
    if fmt not in EXPORT_FORMATS:
        raise ScenarioError(f"Unknown export format {fmt!r}; use one of {list(EXPORT_FORMATS)}.")
    scenario = _find_scenario(base, store_or_scenario, name)
    path = Path(out)
    if fmt == "csv":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(plan_csv(scenario, MunicipalityIndex.from_base(base)))
        return path
    from destinations.scenarios.metrics import evaluate

    ctx = load_context(base, year=year, facts=facts)
    return write_companies(companies_frame(base, evaluate(scenario, ctx)), path, fmt)


def _find_scenario(base, store_or_scenario, name: str | None) -> Scenario:
    if isinstance(store_or_scenario, Scenario):
        return store_or_scenario
    if name is not None and _fold(name) == _fold(TODAY_NAME):
        return Scenario.from_base(base)
    if name is None:
        raise ScenarioError("Name the scenario to export.")
    store = store_or_scenario
    if not isinstance(store, ScenarioStore):
        store = ScenarioStore(store, codes=base.codes)
    return store.find(name).scenario
