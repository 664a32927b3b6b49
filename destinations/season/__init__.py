"""Season and capacity: monthly curves, seasonality indices, capacity against demand, what-ifs,
the destination profile, and their charts.

* :mod:`.seasonality` — 12-month curves per municipality/company/nation and the indices (Gini,
  peak-quarter share, ...), merger complementarity.
* :mod:`.capacity` — bed places against overnights: peak shortage, off-season headroom.
* :mod:`.whatif` — season-extension scenarios.
* :mod:`.profile` — one company's profile: size, season, lighthouses, flows, shared stories.
* :mod:`.summary` — the ``destinations season summary`` payload.
* :mod:`.charts` — Altair charts with their provenance captions.
"""
