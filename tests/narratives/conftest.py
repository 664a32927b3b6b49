"""Fixtures of the narrative tests: the built-in stories on the real data, and a tiny hand-made world.

The tiny world (no geometry needed for coherence)::

    attraction  code  visitors
    big           101   900 000
    small         102   100 000
    unknown       102   None      (weighs 1)
    island        103   None      (weighs 1)

    scenario "xy": 101 -> X, 102 -> Y, 103 -> None (unaffiliated)
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from destinations.model import Attraction
from destinations.narratives import builtin_narratives


def _attraction(ident: str, code: str, visitors: int | None) -> Attraction:
    return Attraction(id=ident, name=ident.title(), category="museum", lat=55.0, lon=10.0,
                      kommune_code=code, visitors=visitors, visitors_year=2019 if visitors else None,
                      open_months=(), themes=(), source="test")


@pytest.fixture(scope="session")
def tiny_base():
    attractions = [_attraction("big", "101", 900_000), _attraction("small", "102", 100_000),
                   _attraction("unknown", "102", None), _attraction("island", "103", None)]
    return SimpleNamespace(attraction_by_id={a.id: a for a in attractions},
                           codes=["101", "102", "103"])


@pytest.fixture(scope="session")
def xy():
    return {"101": "X", "102": "Y", "103": None}


@pytest.fixture(scope="session")
def stories(base):
    return builtin_narratives(base)
