"""The ``destinations itinerary`` command line: the JSON contract of ``plan``, ``open`` and
``solve``, and bad input as exit code 2 with one line on stderr, never a traceback.

Every plan runs on a small iteration budget with a generous time limit, so its output depends on
the seed only.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from destinations.cli import main

BENCH = Path(__file__).resolve().parents[2] / "bench" / "instances" / "ophs"
PLAN = ("itinerary", "plan", "--budget", "80", "--time-limit", "120", "--alternatives", "1")


def run(capsys, *argv: str) -> dict:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def fail(capsys, *argv: str) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert err.startswith("destinations: error: ")
    return err


@pytest.fixture(scope="module")
def july(base):
    """A 3-day July trip from Copenhagen Airport (seed 4)."""
    from destinations.itinerary import plan_trip_cli

    return plan_trip_cli(base, start="Copenhagen Airport", days=3, month=7, seed=4, budget=80,
                         time_limit=120.0, alternatives=1)


def test_plan_json_has_why_hours_bases_seed_iterations_and_stopped_by(capsys):
    out = run(capsys, *PLAN, "--from", "Copenhagen Airport", "--days", "3", "--month", "7",
              "--seed", "4", "--json")
    assert out["seed"] == 4 and out["iterations"] > 0 and out["stopped_by"] == "budget"
    assert isinstance(out["bases"], list) and 1 <= len(out["bases"]) <= 3
    assert out["bases"] == list(dict.fromkeys(d["base"]["name"] for d in out["days"][:-1]))
    for day in out["days"]:
        assert {"name", "id", "municipality"} <= set(day["base"])
        for visit in day["visits"]:
            assert visit["why"]
            assert visit["opens"] <= visit["start"] and visit["leave"] <= visit["closes"]
    assert out["request"]["seed"] == 4 and "trip=" in out["request"]["share"]


def test_plan_json_is_the_same_for_the_same_seed(capsys, july):
    out = run(capsys, *PLAN, "--from", "Copenhagen Airport", "--days", "3", "--month", "7",
              "--seed", "4", "--json")
    visits = [[v["id"] for v in d["visits"]] for d in out["days"]]
    assert visits == [[v["id"] for v in d["visits"]] for d in july["days"]]
    assert out["trip_link"] == july["trip_link"]


def test_plan_stopped_by_the_clock_says_time(capsys):
    out = run(capsys, "itinerary", "plan", "--from", "cph-airport", "--days", "5", "--month", "7",
              "--alternatives", "1", "--budget", "10000000", "--time-limit", "2", "--json")
    assert out["stopped_by"] == "time" and out["iterations"] > 0


def test_icons_are_not_called_must_sees_unless_asked(july):
    visits = [v for d in july["days"] for v in d["visits"]]
    tivoli = next(v for v in visits if v["id"] == "tivoli-gardens")
    assert "Copenhagen icon" in tivoli["why"] and "must-see" not in tivoli["why"]
    assert "visitors (2023)" in tivoli["why"]  # the figure with its year


def test_open_reopens_the_link_exactly_and_refuses_a_tampered_one(capsys, july):
    out = run(capsys, "itinerary", "open", july["trip_link"], "--json")
    assert [[v["id"] for v in d["visits"]] for d in out["days"]] == \
        [[v["id"] for v in d["visits"]] for d in july["days"]]
    assert [d["base"]["id"] for d in out["days"]] == [d["base"]["id"] for d in july["days"]]
    assert out["stopped_by"] == "reopened" and out["seed"] == 4
    share = "https://example.org/itineraries?" + july["request"]["share"].split("?", 1)[1]
    assert run(capsys, "itinerary", "open", share, "--json")["trip_link"] == july["trip_link"]
    prefix, data, check = july["trip_link"].split(".")
    edited = f"{prefix}.{data[:20]}{'B' if data[20] == 'A' else 'A'}{data[21:]}.{check}"
    assert "checksum" in fail(capsys, "itinerary", "open", edited, "--json")
    assert "not a trip link" in fail(capsys, "itinerary", "open", "t1.x", "--json")


@pytest.mark.parametrize("argv, words", [
    (("--from", "Atlantis", "--days", "3", "--month", "7"), "Unknown hub"),
    (("--from", "cph-airport", "--days", "0", "--month", "7"), "1 to 14 days"),
    (("--from", "cph-airport", "--days", "30", "--month", "7"), "1 to 14 days"),
    (("--from", "cph-airport", "--days", "3", "--month", "13"), "month must be 1 to 12"),
    (("--from", "cph-airport", "--days", "3", "--month", "7", "--must-see", "tivoli-gardens",
      "--exclude", "tivoli-gardens"), "both a must-see and excluded"),
    (("--from", "cph-airport", "--days", "3", "--month", "7", "--must-see", "tivoli"),
     "Unknown attraction id"),
    (("--from", "cph-airport", "--days", "3", "--month", "7", "--themes", "skiing"), "Unknown theme"),
    (("--from", "cph-airport", "--days", "3", "--month", "7", "--bases", "tent"), "Unknown base mode"),
    (("--from", "Rønne", "--to", "Hirtshals", "--days", "1", "--month", "7"), "no chain of overnight"),
    (("--from", "cph-airport", "--days", "five", "--month", "7"), "days must be a whole number"),
    (("--from", "cph-airport", "--days", "3", "--month", "juli"), "month must be a whole number"),
    (("--from", "cph-airport", "--days", "3", "--month", "7", "--hours-per-day", "lots"),
     "hours_per_day must be a number"),
])
def test_bad_input_is_exit_2_with_one_line(capsys, argv, words):
    err = fail(capsys, *PLAN, *argv, "--json")
    assert words in err and "Fix" in err


def test_a_month_with_everything_closed_is_exit_2_with_one_line(capsys, base, monkeypatch):
    closed = tuple(replace(a, open_months=(6,)) for a in base.attractions)

    class Closed:
        attractions = closed
        attraction_by_id = {a.id: a for a in closed}

        def __getattr__(self, name):
            return getattr(base, name)

    monkeypatch.setattr("destinations.cli.itinerary.load_base", lambda: Closed())
    err = fail(capsys, *PLAN, "--from", "cph-central", "--days", "2", "--month", "1", "--json")
    assert "closed in January" in err and "Fix" in err


def test_solve_keeps_its_output(capsys):
    instance = BENCH / "SET1_1-2" / "64-45-1-2.ophs"
    if not instance.exists():
        pytest.skip("benchmark instances not present")
    out = run(capsys, "itinerary", "solve", str(instance), "--time-limit", "0.3", "--seed", "1",
              "--json")
    assert set(out) == {"instance", "format", "days", "score", "feasible", "time_seconds"}
    assert out["format"] == "ophs" and out["feasible"] and out["score"] > 0
    assert fail(capsys, "itinerary", "solve", str(BENCH / "missing.ophs"), "--json")
