"""Why a stop is worth a visit: visit lengths, assumed opening hours and the attraction score.

**Score** (:func:`attraction_score`): ``10 x (1 + popularity + lighthouse) x theme factor x season
factor``, with popularity ``max(0, log10(visitors / 10,000))`` (0 where visitors are not known: a
gap, not a guess), lighthouse ``1`` for at least :data:`LIGHTHOUSE_VISITORS` visitors, theme factor
``1 + THEME_WEIGHT x matched themes`` (at most two count). Attractions whose season the source
does not give are kept and scored lower (:data:`UNKNOWN_SEASON_FACTOR`). Indoor categories keep
the typical opening hours of :data:`ASSUMED_HOURS` (an assumption; the data hold no opening
hours): the visit must start after opening and end by closing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from destinations.model import Attraction

#: Minutes a guest spends at an attraction, by category (an assumption: typical visit lengths).
VISIT_MINUTES: dict[str, int] = {
    "museum": 120,
    "castle/palace": 120,
    "heritage site": 60,
    "nature/landscape": 90,
    "city district": 90,
    "zoo/aquarium": 180,
    "beach/coast": 90,
    "amusement park": 300,
    "event venue": 45,
}
DEFAULT_VISIT_MINUTES = 90

#: Assumed opening hours (clock minutes) by category; ``None`` = outdoors, no hours. The data hold
#: no opening hours, so these are typical Danish hours, labelled as an assumption.
ASSUMED_HOURS: dict[str, tuple[int, int] | None] = {
    "museum": (10 * 60, 17 * 60),
    "castle/palace": (10 * 60, 17 * 60),
    "zoo/aquarium": (10 * 60, 17 * 60),
    "amusement park": (10 * 60, 20 * 60),
    "heritage site": None,
    "nature/landscape": None,
    "city district": None,
    "beach/coast": None,
    "event venue": None,
}



#: Clock time (minutes after midnight) at which every day leaves its base.
DAY_START = 9 * 60


#: Visitors at which an attraction counts as a lighthouse (a national draw).
LIGHTHOUSE_VISITORS = 250_000
#: Visitors at which the popularity term starts (log10 scale above it).
VISITOR_FLOOR = 10_000
#: Score multiplier per matched theme (at most :data:`MAX_THEME_MATCHES` count).
THEME_WEIGHT = 2.0
MAX_THEME_MATCHES = 2
#: Score multiplier for attractions whose open months the source does not give.
UNKNOWN_SEASON_FACTOR = 0.5


def visit_minutes(attraction: Attraction) -> int:
    """Assumed visit length (:data:`VISIT_MINUTES`)."""
    return VISIT_MINUTES.get(attraction.category, DEFAULT_VISIT_MINUTES)


def opening_window(attraction: Attraction) -> tuple[float, float] | None:
    """``(earliest start, latest start)`` of a visit under :data:`ASSUMED_HOURS`, or ``None``."""
    hours = ASSUMED_HOURS.get(attraction.category)
    if hours is None:
        return None
    return float(hours[0]), float(max(hours[0], hours[1] - visit_minutes(attraction)))


def attraction_score(attraction: Attraction, themes: Iterable[str] = ()) -> float:
    """The attraction's score for a guest interested in ``themes`` (formula in the module docstring)."""
    visitors = attraction.visitors or 0
    popularity = max(0.0, math.log10(visitors / VISITOR_FLOOR)) if visitors > 0 else 0.0
    lighthouse = 1.0 if visitors >= LIGHTHOUSE_VISITORS else 0.0
    wanted = set(themes)
    matched = min(MAX_THEME_MATCHES, len(wanted & set(attraction.themes))) if wanted else 0
    season = 1.0 if attraction.open_months else UNKNOWN_SEASON_FACTOR
    return round(10.0 * (1.0 + popularity + lighthouse) * (1.0 + THEME_WEIGHT * matched) * season, 4)
