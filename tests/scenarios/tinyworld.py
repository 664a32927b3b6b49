"""The tiny hand-drawn world of the scenario tests (imported by conftest.py and the tests).

The tiny world (10 km squares, EPSG:25832-like metres)::

        0    10   20   30   40        50   60 km
     10 +----+----+----+----+         +----+
        | A  | B  | C  | D  | ~ferry~ | E  |
      0 +----+----+----+----+         +----+
     codes 101  102  103  104          105

    edges: A-B, B-C, C-D (land), D-E (ferry)

    month profile (overnights)       annual  foreign
      A: 10 every month                 120       60
      B: 120 in July                    120        0
      C: 60 in January, 60 in July      120       30
      D: 20 in June, July, August        60       30
      E: 10 every month                 120        0

    directed day-trip flows (total 100)
      A->A 50, A->B 10, B->A 5, B->C 20, C->C 5, C->D 4, D->E 6

    attractions (code, visitors, themes)
      A 300 000 viking | B unknown viking,food | C 1 000 000 food | D 100 nature | E unknown viking

The plan ``xy``: X = {A, B}, Y = {C, D}, E unaffiliated.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import shapely

from destinations.scenarios.metrics import CAPACITY_TYPES, EvaluationContext

CODES = ("101", "102", "103", "104", "105")
A, B, C, D, E = CODES


def square(x0: float) -> shapely.Polygon:
    return shapely.box(x0 * 1000, 0, (x0 + 10) * 1000, 10_000)


MONTHLY = {
    A: [10] * 12,
    B: [0] * 6 + [120] + [0] * 5,
    C: [60] + [0] * 5 + [60] + [0] * 5,
    D: [0] * 5 + [20, 20, 20] + [0] * 4,
    E: [10] * 12,
}


def tiny_context(**overrides) -> EvaluationContext:
    arguments = dict(
        overnights={code: sum(values) for code, values in MONTHLY.items()},
        monthly=MONTHLY,
        foreign={A: 60, B: 0, C: 30, D: 30, E: 0},
        capacity={A: {"hotel": 10, "holiday_centre_hostel": 0, "camping": 0, "marina": 0,
                      "holiday_home": 0},
                  B: {"hotel": 0, "holiday_centre_hostel": 0, "camping": 5, "marina": 0,
                      "holiday_home": 0},
                  C: {t: 1 for t in CAPACITY_TYPES}, D: {t: 2 for t in CAPACITY_TYPES},
                  E: {t: 0 for t in CAPACITY_TYPES}},
        official=[A],
        attractions=[(A, 300_000, ["viking"]), (B, None, ["viking", "food"]),
                     (C, 1_000_000, ["food"]), (D, 100, ["nature"]), (E, None, ["viking", "nan"])],
        edges=[(A, B), (B, C), (C, D), (D, E, "ferry")],
        flows={(A, A): 50, (A, B): 10, (B, A): 5, (B, C): 20, (C, C): 5, (C, D): 4, (D, E): 6},
        geometries={A: square(0), B: square(10), C: square(20), D: square(30), E: square(50)},
        names={A: "Aby", B: "Bby", C: "Cby", D: "Dby", E: "Eø"},
        floor=200,
        year=2019,
    )
    arguments.update(overrides)
    return EvaluationContext.from_inputs(CODES, **arguments)



class StandInFacts:
    """Same attributes as ``destinations.facts.FactsTable``; used only until facts can be loaded.

    Values are test inputs (not data): every municipality gets the same shape, scaled by its code,
    so tests can check wiring, never Danish tourism figures.
    """

    def __init__(self, codes, year=2019):
        self.year = year
        self.codes = list(codes)
        self.model_version = "stand-in"
        scale = pd.Series({c: float(int(c)) * 1000 for c in self.codes})
        profile = np.array([1, 1, 2, 3, 4, 8, 12, 10, 5, 3, 1, 1], dtype=float)
        self._monthly = pd.DataFrame(np.outer(scale.to_numpy(), profile / profile.sum()),
                                     index=self.codes, columns=range(1, 13))
        self._capacity = pd.DataFrame(
            np.outer(scale.to_numpy() / 100, np.ones(len(CAPACITY_TYPES))),
            index=self.codes, columns=list(CAPACITY_TYPES))

    def overnights_by_month(self, codes=None):
        return self._monthly.loc[list(codes)] if codes is not None else self._monthly

    def annual(self):
        return self._monthly.sum(axis=1)

    def foreign_share(self):
        return pd.Series(0.4, index=self.codes)

    def capacity_by_type(self):
        return self._capacity

    def kind_of(self, code):
        return "modelled"


