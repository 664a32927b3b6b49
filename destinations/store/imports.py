"""Importing a plan CSV into the store: ``destinations scenario import PLAN.csv --name NAME``.

The same importer as the editor page (:func:`destinations.scenarios.io.parse_plan_csv`), then a save
as a new scenario, so a scripted user can load plans the app then opens by name.
"""

from __future__ import annotations

from pathlib import Path

from destinations.errors import ScenarioError
from destinations.scenarios.io import _fold, parse_plan_file
from destinations.scenarios.scenario import TODAY_NAME, validate_name
from destinations.store.documents import ScenarioStore


def import_plan_file(base, store_or_url, path: str | Path, *, name: str) -> dict:
    """Read ``path`` as a plan, save it as a new scenario called ``name``; the CLI's JSON document.

    Raises
    ------
    DataError
        The file is missing or not a plan CSV (too large, a workbook, no usable header).
    ScenarioError
        Row problems (the first few, one line), a bad name, or a saved scenario already has it
        (exporting by name needs names to be unique).
    StoreError
        The store is unreachable; nothing was saved.
    """
    name = validate_name(name, what="scenario name")
    if _fold(name) == _fold(TODAY_NAME):
        raise ScenarioError(f"{TODAY_NAME!r} is the built-in plan of today's companies; choose "
                            "another --name.")
    result = parse_plan_file(base, path, name=name)
    if not result.ok:
        raise ScenarioError(f"{path}: {result.message()}; nothing was saved")
    store = store_or_url if isinstance(store_or_url, ScenarioStore) else ScenarioStore(
        store_or_url, codes=base.codes)
    # Names identify saved scenarios on the command line (`scenario export NAME`), so a second
    # plan of the same name would make both unreachable there.
    if any(_fold(head.name) == _fold(name) for head in store.list()):
        raise ScenarioError(f"A saved scenario is already called {name!r}; choose another --name "
                            "(nothing was saved).")
    scenario = result.scenario
    version = store.save(scenario, base_version=None, note=f"imported from {Path(path).name}"[:300])
    members = scenario.companies()
    return {
        "scenario": scenario.name,
        "id": scenario.id,
        "version": version,
        "companies": sum(1 for codes in members.values() if codes),
        "unaffiliated_municipalities": list(scenario.unaffiliated()),
        "unlisted_municipalities": list(result.unlisted),
    }
