"""Realistic requests from around Denmark and the rules a local would state about each.

Every trip is also run through the day checker. Plans are bounded by an iteration budget with a
generous time limit, so results depend on the seed only.
"""

from __future__ import annotations

import numpy as np
import pytest

from destinations.itinerary import (TripRequest, check_trip, is_venue, max_base_changes, open_bases,
                                    plan_trip, validate_request)

BUDGET = 300
#: Municipality codes by region (Danmarks Statistik numbering).
BORNHOLM = {"400"}
NORTH_JUTLAND = {"773", "787", "810", "813", "820", "825", "840", "846", "849", "851", "860"}
FUNEN = {"410", "420", "430", "440", "450", "461", "479", "480", "482", "492"}


@pytest.fixture(scope="module")
def facts(base):
    from destinations.facts import available_years, load_facts

    return load_facts(base, max(available_years(base)))


def plan(base, facts, seed: int = 1, **kw):
    request = TripRequest(alternatives=1, **kw)
    result = plan_trip(base, request, facts=facts, rng=np.random.default_rng(seed), time_limit=120.0,
                       budget=BUDGET, seed=seed)
    valid = validate_request(base, request)
    for trip in result.trips:
        assert check_trip(trip, valid, attractions=base.attraction_by_id,
                          base_codes=open_bases(facts, valid.month),
                          max_changes=max_base_changes(valid)) == []
        assert all(day.visits for day in trip.days[:-1] if request.days > 1) or request.days == 1
    return result.best


def ids(trip) -> list[str]:
    return [v.attraction_id for v in trip.visits]


def test_five_july_days_from_copenhagen_airport_see_the_icons_and_no_venue(base, facts):
    trip = plan(base, facts, start="Copenhagen Airport", days=5, month=7)
    seen = ids(trip)
    assert {"tivoli-gardens", "nyhavn", "den-lille-havfrue-the-little-mermaid"} <= set(seen)
    assert not any(is_venue(base.attraction_by_id[a]) for a in seen)
    assert len({n.id for n in trip.nights}) <= 3
    assert len(seen) >= 12  # five full days, not a token trip
    tivoli = next(v for v in trip.visits if v.attraction_id == "tivoli-gardens")
    assert "Copenhagen icon" in tivoli.why and "must-see" not in tivoli.why
    icon_days = [d.number for d in trip.days for v in d.visits if v.attraction_id in
                 {"tivoli-gardens", "nyhavn", "den-lille-havfrue-the-little-mermaid"}]
    assert min(icon_days) <= 2  # lighthouses early, not on the way back to the airport


def test_world_heritage_is_a_reason_to_go(base):
    from destinations.itinerary import appeal
    from destinations.itinerary.assembly import visitor_counts

    kronborg = base.attraction_by_id["kronborg-slot"]
    found = appeal(kronborg, visitors=visitor_counts(base).get(kronborg.name))
    assert "UNESCO World Heritage" in found.why and "visitors (2018)" in found.why
    plain = appeal(kronborg.__class__(**{**kronborg.__dict__, "id": "some-castle"}),
                   visitors=visitor_counts(base).get(kronborg.name))
    assert found.score == pytest.approx(plain.score * 1.5)


def test_a_three_day_bornholm_trip_stays_on_the_island_every_day(base, facts):
    trip = plan(base, facts, start="Rønne", days=3, month=7)
    assert {v.code for v in trip.visits} <= BORNHOLM
    assert {n.code for n in trip.nights} <= BORNHOLM
    assert "hammershus" in ids(trip)
    assert all(day.visits for day in trip.days)  # no day spent in the room


def test_four_days_from_aalborg_see_north_jutland_and_sleep_nearby(base, facts):
    trip = plan(base, facts, start="Aalborg Airport", days=4, month=7)
    assert "grenen-skagen-odde" in ids(trip)
    assert sum(v.code in NORTH_JUTLAND for v in trip.visits) >= len(trip.visits) / 2
    assert not any(v.code in {"101", "147"} for v in trip.visits)  # no run to Copenhagen


def test_a_wadden_sea_trip_from_esbjerg_sees_the_marsh_and_ribe(base, facts):
    trip = plan(base, facts, start="Esbjerg", days=3, month=9, themes=("wadden-sea", "viking"))
    wadden = [v for v in trip.visits if "wadden-sea" in base.attraction_by_id[v.attraction_id].themes]
    assert len(wadden) >= 3
    assert any("ribe" in a for a in ids(trip))
    assert all(abs(v.lon - 8.7) < 1.2 for v in trip.visits)  # South-West Jutland, not Zealand


def test_an_andersen_trip_from_odense_stays_on_funen(base, facts):
    trip = plan(base, facts, start="Odense Central", days=2, month=6, themes=("hans-christian-andersen",))
    assert "h-c-andersens-hus" in ids(trip)
    assert {n.code for n in trip.nights} <= FUNEN


def test_a_winter_trip_meets_no_closed_park_or_campsite(base, facts):
    trip = plan(base, facts, start="Billund Airport", days=4, month=1)
    for visit in trip.visits:
        assert base.attraction_by_id[visit.attraction_id].is_open(1) is not False
    assert "legoland-billund-resort" not in ids(trip)  # open April to October
    # nights only in towns with accommodation open that month
    assert {n.code for n in trip.nights} <= set(open_bases(facts, 1))


def test_a_star_trip_sleeps_in_one_place(base, facts):
    trip = plan(base, facts, start="Copenhagen Central", days=4, month=7, bases="one")
    assert len({n.id for n in trip.nights}) == 1


def test_every_day_keeps_hours_lunch_and_the_return_time(base, facts):
    trip = plan(base, facts, start="Helsingør", days=3, month=5, hours_per_day=7.0,
                max_drive_minutes=120.0)
    for day in trip.days:
        if day.visits:
            assert day.lunch is not None and 11 * 60 + 30 <= day.lunch.start <= 14 * 60
        assert day.drive_minutes <= 120.0 + 1e-6
        for visit in day.visits:
            assert visit.opens <= visit.start and visit.leave <= visit.closes


def test_an_events_theme_or_must_see_brings_a_venue(base, facts):
    venues = [a.id for a in base.attractions if is_venue(a) and a.is_open(7) is not False]
    trip = plan(base, facts, start="Copenhagen Central", days=1, month=7, must_see=(venues[0],))
    assert venues[0] in ids(trip)


def test_at_the_default_budget_copenhagens_icons_still_come_first(base, facts):
    """The page's and the CLI's own setting (seed 1, the planner's budget): the day with Tivoli,
    Nyhavn and the Little Mermaid moves to the start even when its visits only fit the first day
    in the opposite order (it was the day back to the airport)."""
    from destinations.itinerary.planner import PLAN_BUDGET

    request = TripRequest(start="Copenhagen Airport", days=5, month=7, alternatives=1)
    trip = plan_trip(base, request, facts=facts, rng=np.random.default_rng(1), time_limit=120.0,
                     budget=PLAN_BUDGET, seed=1).best
    icons = {"tivoli-gardens", "nyhavn", "den-lille-havfrue-the-little-mermaid"}
    assert min(d.number for d in trip.days for v in d.visits if v.attraction_id in icons) <= 2
    assert check_trip(trip, validate_request(base, request), attractions=base.attraction_by_id,
                      base_codes=open_bases(facts, 7), max_changes=max_base_changes(
                          validate_request(base, request))) == []
