"""Readers of the public OPHS / TOPTW benchmark files, best-known tables and published routes."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from destinations.errors import DataError
from destinations.itinerary import (
    Problem,
    Solution,
    detect_format,
    read_best_known,
    read_ophs,
    read_published_solution,
    read_toptw,
    trip_schedule,
)
from tests.conftest import BENCH_INSTANCES

BENCH = BENCH_INSTANCES


def _bench() -> Path:
    return BENCH


def _published() -> list[Path]:
    return sorted(BENCH.glob("*/published_solutions/*/*.json"))


@pytest.fixture(scope="module")
def best_known() -> dict[str, dict]:
    bench = _bench()
    return {
        "ophs": read_best_known(bench / "ophs" / "best_known.csv"),
        "toptw": read_best_known(bench / "toptw" / "best_known.csv"),
    }


def test_best_known_tables_cover_the_instances(best_known):
    bench = _bench()
    ophs, toptw = best_known["ophs"], best_known["toptw"]
    assert len(list((bench / "ophs").glob("SET1_*/*.ophs"))) == 105
    assert len(ophs) == len(list((bench / "ophs").glob("SET*/*.ophs"))) == 219  # SET1-SET3
    assert len(toptw) == 4 * len(list((bench / "toptw" / "c_r_rc_100_100").glob("*.txt"))) == 116
    assert ophs[("64-45-1-2", 2)].score == 816
    assert toptw[("c101", 1)].value_kind == "optimal"
    assert all(b.score > 0 for b in [*ophs.values(), *toptw.values()])


def test_there_are_published_solutions():
    _bench()
    files = _published()
    assert len([f for f in files if "/ophs/" in f.as_posix()]) >= 100
    assert len([f for f in files if "/toptw/" in f.as_posix()]) == 29


@pytest.mark.parametrize("path", _published(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_published_solution_is_feasible_and_scores_the_best_known(path: Path, best_known):
    bench = _bench()
    published = read_published_solution(path)
    if published.problem == "ophs":
        problem = read_ophs(bench / "ophs" / published.instance)
        best = best_known["ophs"][(problem.name, problem.num_days)]
    else:
        problem = read_toptw(bench / "toptw" / published.instance, published.m)
        best = best_known["toptw"][(problem.name, published.m)]
    assert published.solution.feasibility(problem) == []
    recomputed = Solution.from_days(problem, published.solution.days)
    assert recomputed.score == pytest.approx(published.claimed_score, abs=1e-6)
    if published.proven_optimal is False:
        # Righini & Salani's r108 route (294) is not proven optimal; the table lists a better 308.
        assert published.claimed_score <= best.score + 1e-6
    else:
        assert published.claimed_score == pytest.approx(best.score, abs=1e-6)


@pytest.mark.parametrize("path", [p for p in _published() if "/toptw/" in p.as_posix()], ids=lambda p: p.stem)
def test_toptw_start_times_match_the_published_ones(path: Path):
    """floor(10 d)/10 distances reproduce Righini & Salani's printed service start times."""
    bench = _bench()
    data = json.loads(path.read_text())
    published = read_published_solution(path)
    problem = read_toptw(bench / "toptw" / published.instance, published.m)
    _, begin = trip_schedule(problem, 0, published.solution.days[0])
    assert begin[1:-1] == pytest.approx(data["reference_start_times"], abs=1e-6)


# ------------------------------------------------------------------------------ OPHS reader
def test_read_ophs_layout():
    problem = read_ophs(_bench() / "ophs" / "SET1_1-2" / "64-45-1-2.ophs")
    assert isinstance(problem, Problem)
    assert problem.n == 65  # N = 64 (62 vertices + 2 hotels) + H = 1 extra hotel
    assert problem.num_days == 2
    assert problem.budgets == pytest.approx((23.2133, 21.2169))
    assert problem.total_budget == 45
    assert problem.hotels == frozenset({0, 1, 2})
    assert (problem.start, problem.end) == (0, 1)
    assert problem.tolerance == pytest.approx(0.01)
    assert problem.travel[0, 1] == pytest.approx(14.0)  # (0,-7) -> (0,7), plain Euclidean
    assert problem.score[:3].tolist() == [0, 0, 0]
    assert not problem.has_time_windows


def test_read_ophs_is_indifferent_to_line_endings_tabs_and_dashes(tmp_path: Path):
    original = _bench() / "ophs" / "SET1_1-2" / "64-45-1-2.ophs"
    text = original.read_text()
    clean = text.replace("\r\n", "\n").replace("\t", "   ")
    clean = "\n".join(line for line in clean.splitlines() if not line.startswith("---"))
    other = tmp_path / "lf.ophs"
    other.write_text(clean + "\n\n")
    a, b = read_ophs(original), read_ophs(other)
    assert np.array_equal(a.travel, b.travel) and a.budgets == b.budgets
    assert np.array_equal(a.score, b.score)


OPHS_SMALL = "4 1 2\n10\n5 5\n0 0 0\n4 0 0\n2 0 0\n1 1 3\n3 1 4\n-----\n"


def test_read_ophs_small_file(tmp_path: Path):
    path = tmp_path / "tiny.ophs"
    path.write_text(OPHS_SMALL)
    p = read_ophs(path)
    assert p.n == 5 and p.hotels == frozenset({0, 1, 2}) and p.score.tolist() == [0, 0, 0, 3, 4]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        ("-----\n", "empty"),
        ("4 1 2\n10\n5 5\n0 0 0\n4 0 0\n2 0 0\n1 1 3\n", "5 locations"),  # one location missing
        ("4 1 2\n10\n5 5\n0 0 0\n4 0 0\n2 0 0\n1 1 3\n3 1 4\n9 9 9\n", "5 locations"),  # one too many
        ("4 1 3\n10\n5 5\n0 0 0\n4 0 0\n2 0 0\n1 1 3\n3 1 4\n", "locations"),  # D says 3 trips
        ("4 1 2\n10\n5 five\n0 0 0\n4 0 0\n2 0 0\n1 1 3\n3 1 4\n", "not a number"),
        ("4 1 2\n10\n5 5\n0 0 0\n4 0 0\n2 0 0\n1 x 3\n3 1 4\n", "not a number"),
        ("four 1 2\n10\n5 5\n", "not a number"),
        ("4.5 1 2\n10\n5 5\n0 0 0\n4 0 0\n2 0 0\n1 1 3\n3 1 4\n", "integer"),
        ("4 1 2\n10\n5 5\n0 0 7\n4 0 0\n2 0 0\n1 1 3\n3 1 4\n", "hotel"),
        ("4 1 2\n", "not an OPHS instance"),
    ],
)
def test_read_ophs_rejects_bad_files(tmp_path: Path, content: str, words: str):
    path = tmp_path / "bad.ophs"
    path.write_text(content)
    with pytest.raises(DataError) as err:
        read_ophs(path)
    assert str(path) in str(err.value)
    assert words in str(err.value)


def test_read_missing_file_names_it(tmp_path: Path):
    path = tmp_path / "nope.ophs"
    with pytest.raises(DataError, match="not found") as err:
        read_ophs(path)
    assert err.value.path == str(path)


# ----------------------------------------------------------------------------- TOPTW reader
def test_read_toptw_layout_and_rounding():
    path = _bench() / "toptw" / "c_r_rc_100_100" / "c101.txt"
    p = read_toptw(path, 3)
    assert p.n == 101 and p.num_days == 3
    assert p.budgets == (1236.0,) * 3 and p.day_start == (0.0,) * 3
    assert p.hotels == frozenset({0}) and p.start == p.end == 0
    assert p.has_time_windows
    assert (p.open[1], p.close[1], p.service[1], p.score[1]) == (912, 967, 90, 10)
    # depot (40, 50) -> customer 1 (45, 68): sqrt(349) = 18.68... -> 18.6
    assert p.travel[0, 1] == pytest.approx(18.6)
    assert np.allclose(np.round(p.travel, 1), p.travel)


def test_read_toptw_cordeau_files_round_to_two_decimals(tmp_path: Path):
    lines = ["1 1 2 1", "0 0", " 0 0 0 0 0 0 0 0 1000", " 1 1 1 5 7 0 4 1 2 3 4 10 500", " 2 2 0 5 3 0 4 1 2 3 4 0 800"]
    path = tmp_path / "pr99.txt"
    path.write_text("\n".join(lines) + "\n")
    p = read_toptw(path, 2)
    assert p.travel[0, 1] == pytest.approx(math.floor(100 * math.sqrt(2)) / 100)
    assert (p.open[1], p.close[1]) == (10, 500)  # last two tokens although a = 4
    solomon = tmp_path / "x99.txt"
    solomon.write_text("\n".join(lines) + "\n")
    assert read_toptw(solomon, 1).travel[0, 1] == pytest.approx(1.4)


def test_read_toptw_copes_with_the_broken_c204_header(tmp_path: Path):
    original = _bench() / "toptw" / "c_r_rc_100_100" / "c101.txt"
    lines = original.read_text().splitlines()
    k, v, n, t = lines[0].split()
    broken = [k, f"{v} {n} {t} {lines[1].strip()}", *lines[2:]]
    path = tmp_path / "c204.txt"
    path.write_text("\r\n".join(broken) + "\r\n")
    a, b = read_toptw(original, 2), read_toptw(path, 2)
    assert np.array_equal(a.travel, b.travel)
    assert np.array_equal(a.close, b.close) and np.array_equal(a.score, b.score)


TOPTW_SMALL = "1 1 2 1\n0 0\n 0 0 0 0 0 0 0 0 100\n 1 3 4 1 5 0 1 1 0 50\n 2 6 8 1 7 0 1 1 0 50\n"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "empty"),
        ("1 1\n", "incomplete"),
        ("1 1 5 1\n0 0\n 0 0 0 0 0 0 0 0 100\n 1 3 4 1 5 0 1 1 0 50\n", "customers"),  # wrong count
        ("1 1 2 1\n0 0\n 0 0 0 0 0 0 0 0 100\n 1 3 4 1 5 0 1 1 0 50\n 3 6 8 1 7 0 1 1 0 50\n", "numbered"),
        ("1 1 2 1\n0 0\n 0 0 0 0 0 0 0 0 100\n 1 3 four 1 5 0 1 1 0 50\n 2 6 8 1 7 0 1 1 0 50\n", "not a number"),
        ("1 1 2 1\n0 0\n 0 0 0 0 0 0 0 0 100\n 1 3 4 1\n 2 6 8 1 7 0 1 1 0 50\n", "at least 7"),
        ("1 1 2 1\n0 0\n 0 0 0 0 0 0 0 0 100\n 1 3 4 1 5 0 1 1 60 50\n 2 6 8 1 7 0 1 1 0 50\n", "opens"),
        ("1 1 two 1\n0 0\n", "not a number"),
    ],
)
def test_read_toptw_rejects_bad_files(tmp_path: Path, content: str, words: str):
    path = tmp_path / "bad.txt"
    path.write_text(content)
    with pytest.raises(DataError) as err:
        read_toptw(path, 1)
    assert str(path) in str(err.value)
    assert words in str(err.value)


def test_read_toptw_small_and_m(tmp_path: Path):
    path = tmp_path / "tiny.txt"
    path.write_text(TOPTW_SMALL)
    assert read_toptw(path, 3).num_days == 3
    with pytest.raises(DataError, match="at least 1"):
        read_toptw(path, 0)


def test_detect_format(tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text(OPHS_SMALL)
    b = tmp_path / "b.dat"
    b.write_text(TOPTW_SMALL)
    c = tmp_path / "c.ophs"
    c.write_text(OPHS_SMALL)
    assert (detect_format(a), detect_format(b), detect_format(c)) == ("ophs", "toptw", "ophs")
    d = tmp_path / "d.txt"
    d.write_text("1 2\n3 4\n")
    with pytest.raises(DataError, match="OPHS or a TOPTW"):
        detect_format(d)


# ---------------------------------------------------------------- best-known / published JSON
def test_read_best_known_rejects_bad_tables(tmp_path: Path):
    path = tmp_path / "best.csv"
    path.write_text("instance,days_or_m,file,value_kind\nx,1,f,optimal\n")
    with pytest.raises(DataError, match="best_known_score") as err:
        read_best_known(path)
    assert str(path) in str(err.value)
    path.write_text("instance,days_or_m,best_known_score,file,value_kind\nx,1,lots,f,optimal\n")
    with pytest.raises(DataError, match="not a number"):
        read_best_known(path)
    path.write_text("")
    with pytest.raises(DataError, match="empty"):
        read_best_known(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"days": [], "claimed_score": 1}', "'days'"),
        ('{"days": [[0, "a", 1]], "claimed_score": 1}', "'days'"),
        ('{"days": [[0, 1]]}', "claimed_score"),
        ("", "empty"),
    ],
)
def test_read_published_solution_rejects_bad_files(tmp_path: Path, content: str, words: str):
    path = tmp_path / "sol.json"
    path.write_text(content)
    with pytest.raises(DataError) as err:
        read_published_solution(path)
    assert str(path) in str(err.value) and words in str(err.value)


def test_checker_reports_violations_of_a_published_route():
    bench = _bench()
    path = bench / "toptw" / "published_solutions" / "RighiniSalani_OPTW_m1" / "c101_m1.json"
    published = read_published_solution(path)
    problem = read_toptw(bench / "toptw" / published.instance, 1)
    route = list(published.solution.days[0])
    swapped = route[:1] + route[2:3] + route[1:2] + route[3:]  # visits the first two customers out of order
    issues = Solution.from_days(problem, [swapped]).feasibility(problem)
    assert any("closing time" in i for i in issues)
    twice = Solution.from_days(problem, [route[:-1] + [route[1], 0]])
    assert any("visited twice" in i for i in twice.feasibility(problem))
    wrong_score = Solution(days=published.solution.days, score=published.claimed_score + 10)
    assert any("claimed score" in i for i in wrong_score.feasibility(problem))
