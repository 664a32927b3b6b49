"""The Danish trip planner: feasibility of every trip, bad input, impossible requests, exports.

Real base and facts data (the repository's ``geodata/``). Solver runs are short and bounded by iterations where
the test compares results, so the folder stays fast and deterministic.
"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from destinations.errors import SolverError
from destinations.itinerary import (
    Solution,
    HUB_BY_ID,
    HUBS,
    LIGHTHOUSE_VISITORS,
    Stop,
    TripDay,
    TripRequest,
    TripRequestError,
    Visit,
    attraction_score,
    build_model,
    check_trip,
    day_fits,
    fit_days,
    leg_matrices,
    max_base_changes,
    month_ranges,
    open_bases,
    opening_hours,
    plan_trip,
    plan_trip_cli,
    request_from_query,
    request_query,
    timeline_rows,
    travel_model,
    trip_benefits,
    trip_geojson,
    trip_html,
    validate_request,
    visit_minutes,
)
from destinations.model import Attraction

ITERATIONS = 25  # bounded search: fast and a function of the seed alone


@pytest.fixture(scope="module")
def facts(base):
    from destinations.facts import available_years, load_facts

    return load_facts(base, max(available_years(base)))


def plan(base, facts, request: TripRequest, seed: int = 1):
    return plan_trip(base, request, facts=facts, rng=np.random.default_rng(seed), time_limit=30.0,
                     max_iterations=ITERATIONS)


def assert_feasible(trip, request: TripRequest, base, facts) -> None:
    """Every rule a produced trip must keep, checked from the trip record alone."""
    request = validate_request(base, request)
    beds = open_bases(facts, request.month)
    assert check_trip(trip, request, attractions=base.attraction_by_id, base_codes=beds,
                      max_changes=max_base_changes(request)) == []
    assert len(trip.days) == request.days
    assert trip.days[0].start.id == request.start
    assert trip.days[-1].base.id == (request.end or request.start)
    assert not trip.days[-1].overnight and all(d.overnight for d in trip.days[:-1])
    seen: set[str] = set()
    for prev, day in zip((None, *trip.days), trip.days):
        if prev is not None:
            assert (day.start.kind, day.start.id) == (prev.base.kind, prev.base.id), "days must chain"
        # time budget (with the lunch break) and driving cap
        assert day.arrive - day.leave <= request.hours_per_day * 60 + 45 + 1e-6
        assert day.drive_minutes <= request.max_drive_minutes + 1e-6
        assert day.drive_minutes == pytest.approx(sum(leg.drive_minutes for leg in day.legs))
        assert len(day.legs) == len(day.visits) + 1
        # clock times follow the legs; visits respect assumed opening hours
        now = day.leave
        lunch = day.lunch
        for i, (leg, visit) in enumerate(zip(day.legs, day.visits)):
            if lunch is not None and lunch.where == "after" and lunch.visit == i - 1:
                now = lunch.end
            if lunch is not None and lunch.where == "road" and lunch.visit == i:
                now += lunch.end - lunch.start
            assert visit.arrive == pytest.approx(now + leg.minutes)
            assert visit.start >= visit.arrive - 1e-6
            attraction = base.attraction_by_id[visit.attraction_id]
            assert visit.leave == pytest.approx(visit.start + visit_minutes(attraction))
            hours = opening_hours(attraction, request.month)
            assert hours[0] - 1e-6 <= visit.start and visit.leave <= hours[1] + 1e-6
            # open in the month (unknown seasons are allowed and flagged)
            assert attraction.is_open(request.month) is not False
            assert visit.season_known == bool(attraction.open_months)
            assert visit.attraction_id not in seen, "each attraction at most once"
            seen.add(visit.attraction_id)
            now = visit.leave
        if lunch is not None and lunch.where == "after" and lunch.visit == len(day.visits) - 1:
            now = lunch.end
        if lunch is not None and lunch.where == "road" and lunch.visit == len(day.visits):
            now += lunch.end - lunch.start
        assert day.arrive == pytest.approx(now + day.legs[-1].minutes)
        # overnight bases: accommodation open that month (hubs sleep in their municipality)
        if day.overnight:
            assert day.base.code in beds


# ------------------------------------------------------------------------------ CLI payload
def test_cli_payload_has_the_documented_keys_and_a_feasible_trip(base):
    out = plan_trip_cli(base, start="Copenhagen Airport", days=5, month=7, themes=["viking", "royal"],
                        time_limit=1.0)
    json.dumps(out)  # JSON-ready
    assert out["kind"] == "modelled"
    assert {"days", "companies", "score", "unfitted", "assumptions", "explanation", "alternatives",
            "crossed", "effective_splits"} <= set(out)
    assert len(out["days"]) == 5
    for day in out["days"]:
        assert {"base", "visits", "drive_minutes"} <= set(day)
        assert day["drive_minutes"] <= 240.0 + 1e-6
        for visit in day["visits"]:
            assert {"id", "name", "arrive", "leave"} <= set(visit)
    assert out["days"][-1]["base"]["name"] == "Copenhagen Airport"
    assert all(c["id"] is not None for c in out["companies"].values())  # no "unaffiliated" company
    nights = sum(c["nights"] for c in out["companies"].values()) + out["unaffiliated"]["nights"]
    visits = sum(c["visits"] for c in out["companies"].values()) + out["unaffiliated"]["visits"]
    assert nights == 4
    assert visits == sum(len(d["visits"]) for d in out["days"]) > 0
    assert out["unfitted"] == []
    assert out["score"] > 0


# ------------------------------------------------------------------------------ feasibility
REQUESTS = [
    TripRequest(start="Copenhagen Airport", days=4, month=7, themes=("viking", "royal")),
    TripRequest(start="Esbjerg", end="Rønne", days=5, month=6, hours_per_day=10.0, max_drive_minutes=300.0),
    TripRequest(start="Aalborg Airport", end="German border at Padborg", days=3, month=1,
                max_drive_minutes=200.0),
    TripRequest(start="Rødby", end="Copenhagen Central", days=4, month=10, hours_per_day=6.0,
                max_drive_minutes=100.0, must_see=("kronborg-slot",)),
    TripRequest(start="Billund Airport", days=1, month=8, themes=("family",)),
]


@pytest.mark.parametrize("request_", REQUESTS, ids=lambda r: f"{r.start}-{r.end}-{r.days}d-m{r.month}")
def test_every_produced_trip_is_feasible(base, facts, request_):
    result = plan(base, facts, replace(request_, alternatives=2))
    assert 1 <= len(result.trips) <= 2
    for trip in result.trips:
        assert_feasible(trip, request_, base, facts)
    assert result.kind == "modelled"


def test_alternatives_differ_from_the_best_trip(base, facts):
    result = plan(base, facts, TripRequest(start="Aarhus Central", days=3, month=7))
    assert len(result.trips) >= 2
    first = {v.attraction_id for v in result.trips[0].visits}
    for other in result.trips[1:]:
        assert {v.attraction_id for v in other.visits} != first


def test_ferry_trip_reports_its_crossing_and_the_companies_it_needs(base, facts):
    result = plan(base, facts, replace(REQUESTS[1], alternatives=1))
    trip = result.best
    ferries = [leg for day in trip.days for leg in day.ferry_legs]
    assert any("Rønne" in name for leg in ferries for name in leg.ferries)
    assert all(leg.ferry_minutes > 0 and leg.drive_minutes < leg.minutes for leg in ferries)
    crossed = trip.benefits.crossed
    assert "Destination Bornholm" in crossed and len(crossed) > 2
    assert trip.benefits.needs_cooperation
    features = trip_geojson(trip)["features"]
    assert any(f["properties"]["kind"] == "ferry" for f in features)


def test_determinism_with_an_iteration_bound(base, facts):
    request = TripRequest(start="Odense Central", days=3, month=5, themes=("hans-christian-andersen",),
                          alternatives=2)

    def fingerprint(result):
        return [[(d.base.id, tuple(v.attraction_id for v in d.visits)) for d in t.days] for t in result.trips]

    assert fingerprint(plan(base, facts, request, seed=7)) == fingerprint(plan(base, facts, request, seed=7))


# ------------------------------------------------------------------------------ bad input
def test_unknown_hub_lists_the_valid_hubs(base):
    with pytest.raises(TripRequestError) as caught:
        plan_trip(base, TripRequest(start="Copenhagn Airport"), rng=np.random.default_rng(1))
    message = str(caught.value)
    assert isinstance(caught.value, SolverError)
    assert "Did you mean 'Copenhagen Airport'" in message
    for hub in ("Billund Airport", "Aalborg Airport", "Esbjerg", "Hirtshals", "Frederikshavn", "Rødby",
                "German border at Padborg", "Copenhagen Central"):
        assert hub in message


def test_unknown_theme_lists_the_valid_themes(base):
    with pytest.raises(TripRequestError) as caught:
        validate_request(base, TripRequest(start="cph-airport", themes=("vikings", "royal")))
    assert "'vikings'" in str(caught.value)
    assert "viking" in caught.value.valid and "royal" in caught.value.valid
    assert "Valid themes: art" in str(caught.value)


@pytest.mark.parametrize("change, word", [
    ({"must_see": ("kronborg",)}, "kronborg-slot"),
    ({"days": 15}, "1 and 14"),
    ({"month": 13}, "1 to 12"),
    ({"hours_per_day": 30}, "hours a day"),
])
def test_bad_numbers_and_ids_say_what_is_allowed(base, change, word):
    with pytest.raises(TripRequestError, match="Fix|did you mean") as caught:
        validate_request(base, replace(TripRequest(start="Helsingør"), **change))
    assert word in str(caught.value)


def test_an_unreachable_end_hub_is_explained(base, facts):
    request = TripRequest(start="Copenhagen Central", end="Hirtshals", days=1, month=7)
    with pytest.raises(TripRequestError, match="no chain of overnight bases.*Fix: add days"):
        plan(base, facts, request)


def test_skagen_in_one_day_explains_the_misses_and_returns_a_feasible_trip(base, facts):
    order = ("813", "860", "849", "851")  # Frederikshavn (Skagen) first, then the rest of the north
    north = sorted((a for a in base.attractions if a.kommune_code in order),
                   key=lambda a: order.index(a.kommune_code))
    north = [a.id for a in north][:10]
    assert len(north) == 10
    request = TripRequest(start="Copenhagen Central", days=1, month=7, must_see=tuple(north))
    result = plan(base, facts, request)
    assert [u.attraction_id for u in result.unfitted if u.reason != "closed"] == [
        a for a in north if base.attraction_by_id[a].is_open(7) is not False]
    for miss in result.unfitted:
        if miss.reason == "time":
            assert miss.need_minutes > miss.limit_minutes == 480.0
    assert "could not be fitted" in result.explanation and "Fix:" in result.explanation
    assert "Skagen" in result.explanation or "Grenen" in result.explanation
    assert_feasible(result.best, request, base, facts)
    assert result.best.visits  # the best feasible trip is still a trip


def test_closed_must_see_is_reported_as_closed(base, facts):
    closed = next(a for a in base.attractions if a.open_months and 1 not in a.open_months)
    result = plan(base, facts, TripRequest(start="Copenhagen Central", days=2, month=1,
                                           must_see=(closed.id,), alternatives=1))
    (miss,) = result.unfitted
    assert miss.reason == "closed" and "January" in miss.detail
    assert closed.id not in {v.attraction_id for v in result.best.visits}


# ------------------------------------------------------------------------------ the model
def test_hubs_lie_in_the_municipality_they_name(base):
    to_xy = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    required = {"Copenhagen Airport", "Copenhagen Central", "Billund Airport", "Aalborg Airport", "Esbjerg",
                "Hirtshals", "Frederikshavn", "Rødby", "German border at Padborg"}
    assert required <= {h.name for h in HUBS}
    for hub in HUBS:
        x, y = to_xy.transform(hub.lon, hub.lat)
        shape = base.municipalities.geometry[hub.kommune_code]
        assert shapely.distance(shape, shapely.Point(x, y)) < 1500, hub.name  # ports sit on the shore
        assert hub.source


def test_travel_uses_ferries_across_water_and_roads_on_land(base):
    to_xy = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    cph, ronne, roskilde = HUB_BY_ID["cph-central"], HUB_BY_ID["ronne"], (55.6419, 12.0878)
    lons = [cph.lon, ronne.lon, roskilde[1]]
    lats = [cph.lat, ronne.lat, roskilde[0]]
    x, y = (np.array(v) for v in to_xy.transform(lons, lats))
    travel, drive, via = leg_matrices(travel_model(base), x, y, ["101", "400", "265"])
    assert via[0, 1] and travel[0, 1] - drive[0, 1] == pytest.approx(330.0)  # Køge-Rønne crossing
    assert not via[0, 2] and travel[0, 2] == pytest.approx(drive[0, 2])  # same landmass: road estimate
    assert 20 < travel[0, 2] < 45


def test_days_over_the_driving_cap_are_repaired_and_refilled(base, facts):
    request = validate_request(base, TripRequest(start="cph-central", days=1, month=7, max_drive_minutes=60))
    model = build_model(base, request, facts=facts)
    problem = model.problem()
    far = model.node_of["frederiksborg-slot-det-nationalhistoriske-museum"]  # ~40 min each way
    assert model.drive[model.start, far] + model.drive[far, model.start] > 60
    over = Solution.from_days(problem, [(model.start, far, model.start)])
    fixed = fit_days(model, problem, over)
    assert far not in fixed.visited and fixed.visited  # dropped, and the day refilled nearby
    assert sum(model.drive[a, b] for a, b in zip(fixed.days[0], fixed.days[0][1:])) <= 60 + 1e-6
    # the real clock (with lunch) decides; the solver's windows are held back for lunch
    assert all(day_fits(model, day) for day in fixed.days)


def test_score_rewards_visitors_lighthouses_and_themes():
    def make(visitors, themes=("royal",), months=(1, 2, 3)):
        return Attraction("x", "X", "museum", 55.0, 12.0, "101", visitors, 2019, months, themes, "test")

    assert attraction_score(make(None)) == 10.0
    assert attraction_score(make(LIGHTHOUSE_VISITORS)) > attraction_score(make(LIGHTHOUSE_VISITORS - 1)) + 9
    assert attraction_score(make(None), ["royal"]) == 30.0
    assert attraction_score(make(None, months=())) == 5.0  # season unknown


def test_bases_are_municipalities_with_accommodation_open_that_month(base, facts):
    model = build_model(base, validate_request(base, TripRequest(start="cph-airport", month=2)), facts=facts)
    bases = [p for p in model.places if p.kind == "base"]
    assert {p.code for p in bases} == set(open_bases(facts, 2))
    assert all(p.kind != "attraction" or base.attraction_by_id[p.id].is_open(2) is not False
               for p in model.places)


def test_benefits_count_nights_and_visits_per_company():
    """Two days: night in A's municipality 1, visits in 1, 1, 2 (company B) and 3 (unaffiliated)."""
    def stop(code):
        return Stop("base", code, f"m{code}", code, 55.0, 12.0)

    def visit(code):
        return Visit(f"v{code}", "V", "museum", code, 55.0, 12.0, 600, 600, 660, 1.0, True)

    days = [
        TripDay(1, stop("1"), stop("1"), True, (visit("1"), visit("1")), (), 540, 900, 10, 0),
        TripDay(2, stop("1"), stop("3"), False, (visit("2"), visit("3")), (), 540, 900, 10, 0),
    ]
    benefits = trip_benefits(days, assignment={"1": "a", "2": "b", "3": None}, names={"a": "A", "b": "B"})
    shares = {c.name: (c.nights, c.visits) for c in benefits.companies}
    assert shares == {"A": (1, 2), "B": (0, 1), "Unaffiliated": (0, 1)}
    # shares 3/5, 1/5, 1/5: ES = 1 / (0.36 + 0.04 + 0.04) - 1
    assert benefits.effective_splits == pytest.approx(1 / 0.44 - 1, abs=1e-4)
    assert benefits.needs_cooperation
    assert benefits.crossed == ("A", "B", "Unaffiliated")


# ------------------------------------------------------------------------------ exports
def test_share_link_round_trips(base):
    request = validate_request(base, TripRequest(start="Esbjerg", end="Rødby", days=4, month=9,
                                                 themes=("viking",), must_see=("kronborg-slot",),
                                                 hours_per_day=9.5, max_drive_minutes=180))
    params = request_query(request, seed=3)
    assert params["from"] == "esbjerg" and params["must"] == "kronborg-slot"
    assert request_from_query(base, params) == (request, 3)


def test_html_and_geojson_exports_escape_and_describe_the_trip(base, facts):
    result = plan(base, facts, TripRequest(start="Helsingør", days=2, month=7, alternatives=1))
    trip = result.best
    evil = "<script>alert(1)</script>"
    day = trip.days[0]
    bad_visit = replace(day.visits[0], name=evil)
    trip = replace(trip, days=(replace(day, visits=(bad_visit,) + day.visits[1:]),) + trip.days[1:])
    page = trip_html(trip, result=result, lang="da")
    assert evil not in page and "&lt;script&gt;" in page
    assert "Dag 1" in page and "modellerede" in page
    geo = trip_geojson(trip, result=result)
    kinds = [f["properties"]["kind"] for f in geo["features"]]
    assert kinds.count("visit") == len(trip.visits) and kinds.count("overnight") == 1
    assert geo["properties"]["kind"] == "modelled"
    text = json.dumps(geo)
    assert evil not in text and "&lt;script&gt;" in text  # map viewers put names into popups


def test_timeline_lists_every_stop_with_open_months(base, facts):
    result = plan(base, facts, TripRequest(start="Copenhagen Central", days=1, month=7, alternatives=1))
    rows = timeline_rows(result.best, base)
    assert [r["event"] for r in rows][0] == "leave" and rows[-1]["event"] == "end"
    assert sum(r["event"] == "visit" for r in rows) == len(result.best.visits)
    assert month_ranges((4, 5, 6, 7, 8, 9, 10)) == "4–10" and month_ranges((1, 3, 4)) == "1, 3–4"
