"""Consolidation scenarios: alternative groupings of the 98 municipalities into companies.

* :mod:`.scenario` — :class:`Scenario`, a frozen assignment municipality -> company (moves return a
  new scenario).
* :mod:`.metrics` — the one table of plan and company metrics (critical mass, balance, contiguity,
  seasonality complementarity, flow cut ...), each with unit, direction and kind of figure.
* :mod:`.flows` — modelled tourist day-trip flows between municipalities (and uploaded ones).
* :mod:`.compare` — label matching and differences between two plans.
* :mod:`.io` — plan CSV import/export, company GeoJSON/GeoPackage, share links.
* :mod:`.uploads` — reading uploaded text tables (size, encoding, separator, numbers).

Imports run one way: uploads <- flows <- metrics <- io/compare; nothing here touches the store.
"""

from destinations.scenarios.scenario import TODAY_NAME, Scenario

__all__ = ["Scenario", "TODAY_NAME"]
