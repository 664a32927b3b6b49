"""Fixtures of the seasonality tests: the real data (geodata/), loaded once per session, and a
hand-made curve builder."""

from __future__ import annotations

import numpy as np
import pytest



@pytest.fixture(scope="session")
def season_settings(settings):
    """The shared data-directory fixture of tests/conftest.py (skips where the data is absent)."""
    return settings


@pytest.fixture(scope="session")
def season_base(base):
    return base


@pytest.fixture(scope="session")
def facts19(season_base):
    from destinations.facts import load_facts

    return load_facts(season_base, 2019)


@pytest.fixture(scope="session")
def cube19(facts19):
    from destinations.season.seasonality import FactsCube

    return FactsCube.from_facts(facts19)


@pytest.fixture(scope="session")
def today(season_base):
    from destinations.scenarios.scenario import Scenario

    return Scenario.from_base(season_base)


def make_curve(by_type, *, bed_places=None, year: int = 2019, foreign_share: float = 0.5,
               key: str = "x", name: str = "X"):
    """A :class:`~destinations.season.seasonality.Curve` from hand-made arrays.

    ``by_type``: ``{type: 12 values}`` (missing types are zero); ``bed_places``: ``{type: 12 values
    or one number}`` (missing types unknown, NaN). Danish/foreign split by ``foreign_share``.
    """
    from destinations.facts.constants import ACCOMMODATION_TYPES
    from destinations.model import Kind
    from destinations.season.seasonality import Curve

    demand = np.zeros((len(ACCOMMODATION_TYPES), 12))
    for t, values in by_type.items():
        demand[ACCOMMODATION_TYPES.index(t)] = values
    beds = np.full((len(ACCOMMODATION_TYPES), 12), np.nan)
    for t, values in (bed_places or {}).items():
        beds[ACCOMMODATION_TYPES.index(t)] = values
    total = demand.sum(axis=0)
    nat = np.vstack([total * (1 - foreign_share), total * foreign_share])
    for array in (demand, beds, nat):
        array.setflags(write=False)
    return Curve(scope="group", key=key, name=name, year=year, codes=(key,), by_type=demand,
                 by_nationality=nat, bed_places=beds, units=np.full_like(beds, np.nan),
                 kind=Kind.MODELLED, capacity_kind=Kind.MODELLED)
