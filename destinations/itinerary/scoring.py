"""Why a stop is worth a visit, how long it takes and when it is open.

The rule (reasons to go first)
------------------------------
A visit's score says why people travel to it:

``score = 10 x (draw + lighthouse) x theme x season``

* **draw** ``= max(1, (visitors / 50,000) ** 0.7)`` from the published visitor count chosen by
  :func:`destinations.data.visitors.chosen_visitor_counts` (latest normal year, exact over rounded
  over estimate, never averaged; the year is shown). It grows almost in proportion to the
  visitors, so a national lighthouse is worth its longer visit (LEGOLAND's 1.7 million outweigh
  two museums of half a million each; Tivoli's 4 million any three ordinary sights). A figure the
  source calls an estimate (open, uncounted sites: a forest park, a beach point, a statue) counts
  at most :data:`ESTIMATE_CAP` visitors: it says the place is a lighthouse, not how big. No
  published figure gives the floor of 1: a gap, not a guess.
* **lighthouse** ``= 1`` for at least :data:`LIGHTHOUSE_VISITORS` visitors a year, or for a
  UNESCO World Heritage site (:data:`WORLD_HERITAGE`), which also scores
  :data:`WORLD_HERITAGE_FACTOR` times more: Kronborg is a reason to go to Helsingør whatever its
  ticket count.
* **theme** ``= 1 + THEME_WEIGHT x matched themes`` (at most :data:`MAX_THEME_MATCHES` count); when
  the guest chose themes and the attraction matches none, :data:`THEME_MISS_FACTOR` instead, so a
  Viking trip sees Viking places rather than the busiest amusement park. A venue matches
  :data:`EVENT_THEME`.
* **season**: ``1`` when the source gives the open months (closed months are not candidates at
  all), :data:`UNKNOWN_SEASON_FACTOR` when it does not (the visit is flagged "check before going").
* **category**: venues that are no sight without an event (:data:`VENUE_CATEGORIES`: stadiums,
  arenas, concert halls, conference and trade-fair centres, festival grounds) score 0, so they are
  never filler; they enter a trip only as a must-see or when the guest asks for the theme
  :data:`EVENT_THEME`, and festival grounds only in their festival months (their open months).
  The category also sets the visit length (:data:`VISIT_MINUTES`) and the opening hours.
* **Copenhagen's icons** (:data:`COPENHAGEN_ICONS`: Tivoli, Nyhavn, the Little Mermaid): when a
  trip starts or ends in Greater Copenhagen (the member municipalities of Wonderful Copenhagen)
  in a month they are open, they come first unless the guest excludes them: each outweighs all
  ordinary sights together (a guest's own must-see outweighs all icons); on other trips they
  score :data:`ICON_FACTOR` times their draw (1: Tivoli's visitors already make it the top
  sight, and a factor above 1 pulled every trip from Odense or Aarhus to Copenhagen).
* **Reach** (:func:`reach_factor`): an attraction more than :data:`REACH_MINUTES_PER_DAY` per
  trip day off the way between the start and end hubs loses half its value every
  :data:`REACH_HALF_MINUTES` further: days are for seeing, not driving.

Each visit carries a short "why this stop" (:attr:`Appeal.why`): must-see, icon, visitors with
year, matched themes, category.

Opening hours (assumptions)
---------------------------
The data hold no opening hours, so :func:`opening_hours` gives typical Danish hours per category
and month (:data:`OPENING_HOURS`); outdoor sights are visited in daylight (:data:`DAYLIGHT`,
sunrise and sunset at 56° N in local time, mid-month, rounded to 15 minutes). A visit starts
after opening and ends by closing. All of it is labelled an assumption wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from destinations.model import Attraction

#: Minutes a guest spends at an attraction, by category (an assumption: typical visit lengths;
#: a visit of LONG_VISIT_MINUTES or more includes lunch on site).
VISIT_MINUTES: dict[str, int] = {
    "museum": 120,
    "castle/palace": 120,
    "heritage site": 60,
    "nature/landscape": 90,
    "city district": 90,
    "zoo/aquarium": 180,
    "beach/coast": 90,
    "amusement park": 240,
    "event venue": 150,
}
DEFAULT_VISIT_MINUTES = 90
LONG_VISIT_MINUTES = 180

_H = 60
#: Sunrise and sunset (clock minutes, local time) at 56° N in the middle of each month.
DAYLIGHT: dict[int, tuple[int, int]] = {
    1: (8 * _H + 30, 16 * _H), 2: (7 * _H + 45, 17 * _H), 3: (6 * _H + 45, 18 * _H),
    4: (6 * _H + 30, 20 * _H + 15), 5: (5 * _H + 15, 21 * _H + 15), 6: (4 * _H + 30, 22 * _H),
    7: (4 * _H + 45, 21 * _H + 45), 8: (5 * _H + 45, 20 * _H + 45), 9: (6 * _H + 45, 19 * _H + 30),
    10: (7 * _H + 45, 18 * _H + 15), 11: (7 * _H + 45, 16 * _H + 15), 12: (8 * _H + 30, 15 * _H + 45),
}
_SUMMER = frozenset({5, 6, 7, 8, 9})
_HIGH = frozenset({6, 7, 8})

#: Typical opening hours ``(open, close)`` by category; a callable of the month where they change.
OPENING_HOURS: dict[str, Any] = {
    "museum": lambda m: (10 * _H, 17 * _H),
    "castle/palace": lambda m: (10 * _H, 17 * _H) if m in _SUMMER else (11 * _H, 16 * _H),
    "heritage site": lambda m: (10 * _H, 17 * _H) if 4 <= m <= 9 else (10 * _H, 16 * _H),
    "zoo/aquarium": lambda m: (10 * _H, 18 * _H) if m in _HIGH else
    ((10 * _H, 17 * _H) if 4 <= m <= 10 else (10 * _H, 16 * _H)),
    "amusement park": lambda m: (10 * _H, 20 * _H) if m in _HIGH else (10 * _H, 18 * _H),
    "city district": lambda m: (9 * _H, 21 * _H),
    "event venue": lambda m: (10 * _H, 22 * _H),
    # outdoors: in daylight (and not before the day starts)
    "nature/landscape": lambda m: (max(9 * _H, DAYLIGHT[m][0]), DAYLIGHT[m][1]),
    "beach/coast": lambda m: (max(9 * _H, DAYLIGHT[m][0]), DAYLIGHT[m][1]),
}
_DEFAULT_HOURS = (10 * _H, 17 * _H)

#: Categories that are no sight without an event.
VENUE_CATEGORIES = frozenset({"event venue"})
#: The theme a guest picks to see events (concerts, matches, fairs, festivals).
EVENT_THEME = "events"
#: Copenhagen's icons, in the order a local names them.
COPENHAGEN_ICONS = ("tivoli-gardens", "nyhavn", "den-lille-havfrue-the-little-mermaid")
#: The destination company whose member municipalities make up Greater Copenhagen.
GREATER_COPENHAGEN = "wonderful-copenhagen"
#: Score multiplier of an icon on a trip that does not start or end in Greater Copenhagen.
ICON_FACTOR = 1.0
#: Visitors at which an attraction counts as a lighthouse (a national draw).
LIGHTHOUSE_VISITORS = 250_000
#: Visitors at which the draw term rises above its floor of 1, and its exponent.
VISITOR_FLOOR = 50_000
DRAW_EXPONENT = 0.7
#: The most visitors an estimated figure (precision "estimate") counts for.
ESTIMATE_CAP = LIGHTHOUSE_VISITORS
#: Score multiplier per matched theme (at most :data:`MAX_THEME_MATCHES` count).
THEME_WEIGHT = 2.0
MAX_THEME_MATCHES = 2
#: Score multiplier of an attraction that matches none of the themes the guest chose.
THEME_MISS_FACTOR = 0.5
#: Score multiplier for attractions whose open months the source does not give.
UNKNOWN_SEASON_FACTOR = 0.5
#: Denmark's UNESCO World Heritage sites among the attractions (whc.unesco.org list for Denmark:
#: Jelling, Roskilde Cathedral, Kronborg Castle, Stevns Klint, Christiansfeld, the par force
#: hunting landscape, the Wadden Sea, the Viking-Age ring fortresses). The listing is a reason
#: to travel that visitor counts miss (most of these sites are free and uncounted): such a site
#: counts as a lighthouse and scores :data:`WORLD_HERITAGE_FACTOR` times more.
WORLD_HERITAGE = frozenset({
    "kronborg-slot", "roskilde-domkirke-unesco", "kongernes-jelling-unesco",
    "stevns-klint-unesco-hoejerup", "christiansfeld-unesco-moravian-settlement",
    "jaegersborg-dyrehave-eremitagen-unesco-par-force-landscape", "nationalpark-vadehavet",
    "trelleborg-viking-ring-fortress-unesco", "fyrkat-viking-ring-fortress-unesco",
    "aggersborg-viking-ring-fortress-unesco",
})
WORLD_HERITAGE_FACTOR = 1.5
#: Reach of a trip: travel minutes per day of the trip that an attraction may lie off the way
#: (from the start hub and on to the end hub) at full value; beyond that its value halves every
#: :data:`REACH_HALF_MINUTES`. Holiday days are for seeing, not driving: a 3-day trip from
#: Rønne stays on Bornholm and 4 days from Aalborg see North Jutland, while a 10-day trip may
#: cross the country.
REACH_MINUTES_PER_DAY = 20.0
REACH_HALF_MINUTES = 30.0


def reach_factor(detour_minutes: float, days: int) -> float:
    """Score multiplier of an attraction ``detour_minutes`` off the way of a ``days``-day trip.

    ``detour_minutes`` is half of (travel start hub -> attraction -> end hub minus travel start
    hub -> end hub): on a round trip, the travel time from the hub.
    """
    beyond = max(0.0, float(detour_minutes) - REACH_MINUTES_PER_DAY * max(1, int(days)))
    return 0.5 ** (beyond / REACH_HALF_MINUTES)


def clock(minutes: float) -> str:
    """Clock time ``HH:MM`` of minutes after midnight (rounded to the minute)."""
    total = int(round(minutes))
    return f"{total // 60:02d}:{total % 60:02d}"


def visit_minutes(attraction: Attraction) -> int:
    """Assumed visit length (:data:`VISIT_MINUTES`)."""
    return VISIT_MINUTES.get(attraction.category, DEFAULT_VISIT_MINUTES)


def opening_hours(attraction: Attraction, month: int) -> tuple[int, int]:
    """Assumed ``(opens, closes)`` clock minutes of the attraction in ``month``."""
    rule = OPENING_HOURS.get(attraction.category)
    return rule(month) if rule is not None else _DEFAULT_HOURS


def opening_window(attraction: Attraction, month: int = 7) -> tuple[float, float] | None:
    """``(earliest start, latest start)`` of a visit, or ``None`` when it cannot fit in a day."""
    opens, closes = opening_hours(attraction, month)
    latest = closes - visit_minutes(attraction)
    return None if latest < opens else (float(opens), float(latest))


def is_venue(attraction: Attraction) -> bool:
    """Whether the attraction is a venue that is no sight without an event."""
    return attraction.category in VENUE_CATEGORIES


@dataclass(frozen=True)
class Appeal:
    """A visit's score and the short reasons behind it."""

    score: float
    why: str


def _visitors_text(visitors: Any) -> str:
    figure = visitors.figure
    when = str(figure.year) if figure.year is not None else "undated"
    extra = "" if figure.precision == "exact" else f", {figure.precision}"
    covid = ", Covid year" if figure.covid else ""
    return f"{figure.visitors:,} visitors ({when}{extra}{covid})"


def appeal(attraction: Attraction, themes: Iterable[str] = (), *, visitors: Any = None,
           must: bool = False, icon: bool = False, icon_factor: float = 1.0) -> Appeal:
    """The attraction's score and "why this stop" (the rule in the module docstring).

    Parameters
    ----------
    attraction
        The attraction.
    themes
        The guest's themes.
    visitors
        Its chosen published figure (:class:`destinations.data.visitors.ChosenVisitors`) or
        ``None``; without it the attraction's own ``visitors`` column is used, else nothing.
    must
        A must-see named by the guest (an icon put first by the rule says so as an icon).
    icon, icon_factor
        One of :data:`COPENHAGEN_ICONS`, and the multiplier it gets on this trip.
    """
    count = visitors.visitors if visitors is not None else (attraction.visitors or 0)
    if visitors is not None and visitors.figure.precision == "estimate":
        count = min(count, ESTIMATE_CAP)
    draw = max(1.0, (count / VISITOR_FLOOR) ** DRAW_EXPONENT) if count > 0 else 1.0
    heritage = attraction.id in WORLD_HERITAGE
    lighthouse = 1.0 if count >= LIGHTHOUSE_VISITORS or heritage else 0.0
    wanted = set(themes)
    matched = sorted(wanted & (set(attraction.themes) | ({EVENT_THEME} if is_venue(attraction) else set())))
    season = 1.0 if attraction.open_months else UNKNOWN_SEASON_FACTOR
    venue_ok = not is_venue(attraction) or EVENT_THEME in wanted or must
    theme = 1.0 + THEME_WEIGHT * min(MAX_THEME_MATCHES, len(matched)) if matched or not wanted \
        else THEME_MISS_FACTOR
    score = 10.0 * (draw + lighthouse) * theme
    score *= season * (icon_factor if icon else 1.0) * (1.0 if venue_ok else 0.0)
    score *= WORLD_HERITAGE_FACTOR if heritage else 1.0
    reasons = []
    if must:
        reasons.append("must-see")
    if icon:
        reasons.append("Copenhagen icon")
    if heritage:
        reasons.append("UNESCO World Heritage")
    if visitors is not None:
        reasons.append(_visitors_text(visitors))
    elif attraction.visitors:
        year = f" ({attraction.visitors_year})" if attraction.visitors_year else ""
        reasons.append(f"{attraction.visitors:,} visitors{year}")
    if matched:
        reasons.append(f"theme {', '.join(matched)}")
    if is_venue(attraction):
        reasons.append("event venue")
    else:
        reasons.append(attraction.category)
    if not attraction.open_months:
        reasons.append("season not given")
    return Appeal(score=round(score, 4), why=" · ".join(reasons))


def attraction_score(attraction: Attraction, themes: Iterable[str] = ()) -> float:
    """The attraction's score from its own ``visitors`` column (see :func:`appeal`)."""
    return appeal(attraction, themes).score
