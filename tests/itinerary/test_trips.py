"""Trips a local would hand to a guest: the day checker on every produced trip, reproducibility,
trip links, and the rules a Danish destination manager would state.

Real base and facts data (the repository's ``geodata/``). Every plan is bounded by an iteration
budget with a generous time limit, so results depend on the seed only and nothing asserts timings.
"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from destinations.cli import main
from destinations.itinerary import (
    COPENHAGEN_ICONS,
    HUBS,
    LUNCH_BY,
    LUNCH_FROM,
    TripLinkError,
    TripRequest,
    TripRequestError,
    build_model,
    check_day,
    check_trip,
    decode_trip,
    encode_trip,
    is_venue,
    max_base_changes,
    open_bases,
    plan_trip,
    plan_trip_cli,
    reopen_trip,
    trip_link,
    validate_request,
)

BUDGET = 120
GENEROUS = 120.0


@pytest.fixture(scope="module")
def facts(base):
    from destinations.facts import available_years, load_facts

    return load_facts(base, max(available_years(base)))


def plan(base, facts, request: TripRequest, seed: int = 1, budget: int = BUDGET, **kw):
    return plan_trip(base, request, facts=facts, rng=np.random.default_rng(seed), time_limit=GENEROUS,
                     budget=budget, seed=seed, **kw)


def issues(base, facts, trip, request: TripRequest) -> list[str]:
    request = validate_request(base, request)
    return check_trip(trip, request, attractions=base.attraction_by_id,
                      base_codes=open_bases(facts, request.month), max_changes=max_base_changes(request))


def visited(trip) -> set[str]:
    return {v.attraction_id for v in trip.visits}


# ------------------------------------------------------------------ the checker on every trip
def random_requests(base, count: int, seed: int = 2024) -> list[TripRequest]:
    rng = np.random.default_rng(seed)
    themes = sorted({t for a in base.attractions for t in a.themes})
    hubs = [h.id for h in HUBS]
    out = []
    for _ in range(count):
        start = hubs[int(rng.integers(len(hubs)))]
        end = hubs[int(rng.integers(len(hubs)))] if rng.random() < 0.3 else None
        out.append(TripRequest(
            start=start, end=end, days=int(rng.integers(1, 7)), month=int(rng.integers(1, 13)),
            themes=tuple(rng.choice(themes, size=int(rng.integers(0, 3)), replace=False)),
            hours_per_day=float(rng.choice([6.0, 8.0, 10.0])),
            max_drive_minutes=float(rng.choice([120.0, 180.0, 240.0, 300.0])),
            bases=str(rng.choice(["auto", "auto", "one", "road"])), alternatives=2))
    return out


@pytest.mark.parametrize("index", range(14))
def test_every_trip_of_random_requests_passes_the_day_checker(base, facts, index):
    request = random_requests(base, 14)[index]
    try:
        result = plan(base, facts, request, seed=index, budget=60)
    except TripRequestError as exc:  # an end hub out of reach is a clear refusal, not a bad trip
        assert exc.field == "end" and "Fix:" in str(exc)
        return
    assert result.trips
    for trip in result.trips:
        assert issues(base, facts, trip, request) == [], request
        assert all(v.why for v in trip.visits)


def test_the_checker_is_not_vacuous(base, facts):
    request = TripRequest(start="Copenhagen Central", days=1, month=7, alternatives=1)
    trip = plan(base, facts, request).best
    day = trip.days[0]
    assert issues(base, facts, trip, request) == []
    museum = next(i for i, v in enumerate(day.visits) if v.closes is not None)
    early = replace(day.visits[museum], start=day.visits[museum].start - 600,
                    leave=day.visits[museum].leave - 600)
    broken = [
        (replace(day, visits=day.visits[:museum] + (early,) + day.visits[museum + 1:]), "before it opens"),
        (replace(day, lunch=None), "no lunch"),
        (replace(day, arrive=23 * 60), "latest return"),
        (replace(day, drive_minutes=999.0), "over the cap"),
    ]
    for bad, words in broken:
        found = check_day(bad, month=7, hours_per_day=8.0, max_drive_minutes=240.0,
                          attractions=base.attraction_by_id)
        assert any(words in line for line in found), (words, found)


# ------------------------------------------------------------------ rules a local would state
def test_a_july_copenhagen_day_includes_tivoli_and_the_icons(base, facts):
    request = TripRequest(start="Copenhagen Central", days=1, month=7, alternatives=1)
    trip = plan(base, facts, request).best
    assert set(COPENHAGEN_ICONS) <= visited(trip)
    tivoli = next(v for v in trip.visits if v.attraction_id == "tivoli-gardens")
    assert "Copenhagen icon" in tivoli.why and "4,031,000 visitors (2023)" in tivoli.why


def test_tivoli_is_left_out_when_excluded(base, facts):
    request = TripRequest(start="Copenhagen Airport", days=2, month=7, exclude=("tivoli-gardens",),
                          alternatives=1)
    result = plan(base, facts, request)
    assert "tivoli-gardens" not in visited(result.best)
    assert {"nyhavn", "den-lille-havfrue-the-little-mermaid"} <= visited(result.best)


def test_tivoli_is_not_visited_when_it_is_closed(base, facts):
    result = plan(base, facts, TripRequest(start="Copenhagen Central", days=1, month=2, alternatives=1))
    assert "tivoli-gardens" not in visited(result.best)
    assert result.best.visits and result.unfitted == ()


def test_no_stadium_or_venue_without_an_event_theme(base, facts):
    for request in (TripRequest(start="Copenhagen Airport", days=5, month=7, alternatives=2),
                    TripRequest(start="Aarhus Central", days=3, month=8, themes=("nature",), alternatives=1),
                    TripRequest(start="Copenhagen Central", days=2, month=6, themes=("design-architecture",),
                                alternatives=1)):
        for trip in plan(base, facts, request).trips:
            assert not [v.name for v in trip.visits if is_venue(base.attraction_by_id[v.attraction_id])]


def test_a_venue_enters_as_a_must_see_or_with_the_event_theme(base, facts):
    request = TripRequest(start="Copenhagen Central", days=1, month=7, must_see=("parken-stadium",),
                          alternatives=1)
    trip = plan(base, facts, request).best
    parken = next(v for v in trip.visits if v.attraction_id == "parken-stadium")
    assert parken.why.startswith("must-see")
    events = build_model(base, validate_request(base, TripRequest(start="cph-central", themes=("events",))),
                         facts=facts)
    plain = build_model(base, validate_request(base, TripRequest(start="cph-central")), facts=facts)
    venues = {p.id for p in events.places if p.kind == "attraction" and is_venue(base.attraction_by_id[p.id])}
    assert "parken-stadium" in venues and "roskilde-festival-site-dyrskuepladsen" in venues
    assert not any(p.kind == "attraction" and is_venue(base.attraction_by_id[p.id]) for p in plain.places)


@pytest.mark.parametrize("start", ["Copenhagen Airport", "Billund Airport", "Aalborg Airport"])
def test_at_most_three_bases_in_five_days_by_default(base, facts, start):
    result = plan(base, facts, TripRequest(start=start, days=5, month=7, alternatives=2))
    for trip in result.trips:
        assert 1 <= len(trip.bases) <= 3
        assert all(s.kind == "base" for s in trip.nights)  # towns, never a hub


def test_one_base_makes_a_star_trip_and_a_road_trip_may_move_on(base, facts):
    star = plan(base, facts, TripRequest(start="Billund Airport", days=4, month=8, bases="one",
                                         alternatives=1)).best
    assert len(star.bases) == 1 and len(star.nights) == 3
    road = TripRequest(start="Esbjerg", end="Rønne", days=5, month=6, bases="road", alternatives=1)
    assert issues(base, facts, plan(base, facts, road).best, road) == []


def test_bornholm_is_reached_by_ferry_and_slept_on(base, facts):
    # Køge-Rønne takes 5 h 30 min (the Ystad route runs through Sweden and is no road edge here),
    # so Hammershus needs a night on the island: four days from Copenhagen, the icons included.
    request = TripRequest(start="Copenhagen Central", days=4, month=7, must_see=("hammershus",),
                          alternatives=1)
    result = plan(base, facts, request)
    trip = result.best
    assert "hammershus" in visited(trip) and result.unfitted == ()
    ferries = [leg for day in trip.days for leg in day.ferry_legs]
    assert len(ferries) == 2 and all(leg.ferry_minutes > 300 for leg in ferries)
    assert any(day.base.code == "400" for day in trip.days if day.overnight)
    assert issues(base, facts, trip, request) == []


def test_museums_and_castles_keep_their_hours_and_winter_castles_close_early(base, facts):
    request = TripRequest(start="Copenhagen Central", days=2, month=1, themes=("royal",), alternatives=1)
    trip = plan(base, facts, request).best
    for visit in trip.visits:
        if visit.category == "castle/palace":
            assert 11 * 60 <= visit.start and visit.leave <= 16 * 60
        if visit.category == "museum":
            assert 10 * 60 <= visit.start and visit.leave <= 17 * 60
        assert visit.opens is not None and visit.opens <= visit.start and visit.leave <= visit.closes


def test_every_day_has_its_lunch_between_half_past_eleven_and_two(base, facts):
    result = plan(base, facts, TripRequest(start="Odense Central", days=3, month=5, alternatives=1))
    for day in result.best.days:
        assert day.lunch is not None
        assert LUNCH_FROM <= day.lunch.start <= LUNCH_BY


def test_legoland_for_a_family_in_august_from_billund(base, facts):
    trip = plan(base, facts, TripRequest(start="Billund Airport", days=2, month=8, themes=("family",),
                                         alternatives=1)).best
    assert "legoland-billund-resort" in visited(trip)


def test_a_viking_trip_sees_viking_places(base, facts):
    trip = plan(base, facts, TripRequest(start="Copenhagen Airport", days=3, month=7, themes=("viking",),
                                         alternatives=1), budget=600).best
    vikings = [v for v in trip.visits if "viking" in base.attraction_by_id[v.attraction_id].themes]
    assert len(vikings) >= 2 and all("theme viking" in v.why for v in vikings)


# ------------------------------------------------------------------ bad input
def test_a_month_with_everything_closed_is_one_clear_error(base, facts):
    closed = [replace(a, open_months=(6,)) for a in base.attractions]

    class Closed:
        def __getattr__(self, name):
            return getattr(base, name)

        attractions = tuple(closed)
        attraction_by_id = {a.id: a for a in closed}

    with pytest.raises(TripRequestError, match="closed in January.*Fix") as caught:
        plan(Closed(), facts, TripRequest(start="Copenhagen Central", days=2, month=1))
    assert caught.value.field == "month"


@pytest.mark.parametrize("change, words", [
    ({"days": 0}, "1 to 14 days"), ({"days": 30}, "1 to 14 days"),
    ({"must_see": ("kronborg-slot",), "exclude": ("kronborg-slot",)}, "both a must-see and excluded"),
    ({"bases": "sometimes"}, "Unknown base mode"), ({"start": "Atlantis"}, "Unknown hub"),
])
def test_bad_requests_are_one_clear_error(base, facts, change, words):
    with pytest.raises(TripRequestError, match="Fix") as caught:
        plan(base, facts, replace(TripRequest(start="Helsingør"), **change))
    assert words in str(caught.value) and "\n" not in str(caught.value)


# ------------------------------------------------------------------ reproducibility
def fingerprint(result):
    return [[(d.base.id, tuple(v.attraction_id for v in d.visits), round(d.arrive, 6)) for d in t.days]
            for t in result.trips]


def test_same_request_and_seed_give_the_same_trip(base, facts):
    request = TripRequest(start="Aarhus Central", days=4, month=6, themes=("art",), alternatives=2)
    first, second = plan(base, facts, request, seed=5), plan(base, facts, request, seed=5)
    assert fingerprint(first) == fingerprint(second)
    assert first.stopped_by == second.stopped_by == "budget"
    assert first.iterations == second.iterations > 0


def test_a_time_limit_stops_a_generous_budget_and_says_so(base, facts):
    request = TripRequest(start="Copenhagen Airport", days=5, month=7, alternatives=1)
    result = plan_trip(base, request, facts=facts, rng=np.random.default_rng(1), time_limit=0.3,
                       budget=10**7)
    assert result.stopped_by == "time"
    assert issues(base, facts, result.best, request) == []


# ------------------------------------------------------------------ trip links
def test_a_trip_link_reopens_exactly_the_trip(base, facts):
    request = TripRequest(start="Esbjerg", end="Aarhus Central", days=3, month=9, themes=("viking",),
                          exclude=("den-gamle-by",), bases="road", alternatives=2)
    result = plan(base, facts, request, seed=9)
    for k, trip in enumerate(result.trips):
        link = trip_link(result, k)
        assert len(link) < 600 and link.startswith("t1.")
        again = reopen_trip(base, link, facts=facts)
        assert again.stopped_by == "reopened" and again.seed == 9
        assert again.request == result.request.__class__(**{**result.request.__dict__, "alternatives": 1})
        same = again.best
        assert [(d.base.id, [v.attraction_id for v in d.visits]) for d in same.days] == \
            [(d.base.id, [v.attraction_id for v in d.visits]) for d in trip.days]
        assert [(v.start, v.leave) for v in same.visits] == [(v.start, v.leave) for v in trip.visits]


def test_tampered_trip_links_are_refused(base, facts):
    result = plan(base, facts, TripRequest(start="Copenhagen Central", days=2, month=7, alternatives=1))
    link = trip_link(result)
    prefix, data, check = link.split(".")
    flipped = data[:10] + ("A" if data[10] != "A" else "B") + data[11:]
    for bad in (f"{prefix}.{flipped}.{check}", f"{prefix}.{data}.{'0' * len(check)}", link[:-5],
                "hello", f"t9.{data}.{check}"):
        with pytest.raises(TripLinkError):
            reopen_trip(base, bad, facts=facts)
    # a hand-made link with a valid checksum but an impossible day is refused too
    request = validate_request(base, TripRequest(start="cph-central", days=2, month=7))
    stuffed = replace(result.best, days=(replace(result.best.days[0], visits=result.best.days[0].visits * 3),
                                         result.best.days[1]))
    with pytest.raises(TripLinkError, match="twice|does not fit"):
        reopen_trip(base, encode_trip(request, stuffed, seed=1), facts=facts)
    assert decode_trip(link).days == tuple((d.base.id, tuple(v.attraction_id for v in d.visits))
                                           for d in result.best.days)


def test_cli_reports_why_hours_bases_seed_and_reopens_its_link(base, capsys):
    out = plan_trip_cli(base, start="Copenhagen Airport", days=3, month=7, seed=4, budget=BUDGET,
                        time_limit=GENEROUS, alternatives=1)
    json.dumps(out)
    assert out["seed"] == 4 and out["stopped_by"] == "budget" and out["iterations"] > 0
    assert 1 <= len(out["bases"]) <= 3
    for day in out["days"]:
        assert day["base"]["name"] and day["base"]["id"]
        for visit in day["visits"]:
            assert visit["why"] and visit["opens"] <= visit["start"] and visit["leave"] <= visit["closes"]
    assert main(["itinerary", "open", out["trip_link"], "--json"]) == 0
    reopened = json.loads(capsys.readouterr().out)
    assert [[v["id"] for v in d["visits"]] for d in reopened["days"]] == \
        [[v["id"] for v in d["visits"]] for d in out["days"]]
    assert main(["itinerary", "open", out["trip_link"][:-1] + "x", "--json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "checksum" in err[0]
