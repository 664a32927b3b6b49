"""Split metrics per story and the cooperation matrix, on hand-made cases (see conftest)."""

from __future__ import annotations

import math

import pytest

from destinations.errors import ScenarioError
from destinations.narratives import (
    UNAFFILIATED,
    LocalText,
    Step,
    Story,
    cooperation_matrix,
    effective_splits,
    story_coherence,
    today_assignment,
)


def _story(ident: str, *places: tuple[str, ...]) -> Story:
    steps = tuple(Step(id=f"s{i}", title=LocalText("t", "t"), body=LocalText("", ""),
                       attractions=tuple(a for a in group if not a.isdigit()),
                       municipalities=tuple(a for a in group if a.isdigit()))
                  for i, group in enumerate(places))
    return Story(id=ident, theme="t", title=LocalText("t", "t"), steps=steps)


def test_ninety_ten_split_gives_about_0_22():
    assert effective_splits([90, 10]) == pytest.approx(1 / 0.82 - 1)
    assert effective_splits([90, 10]) == pytest.approx(0.22, abs=0.005)


def test_whole_and_even_splits():
    assert effective_splits([5]) == 0
    assert effective_splits([1, 1, 1]) == pytest.approx(2)
    assert math.isnan(effective_splits([0, 0]))


def test_visitor_weighted_story_split(tiny_base, xy):
    result = story_coherence(_story("a", ("big",), ("small",)), tiny_base, xy)
    assert result.effective_splits == pytest.approx(0.2195, abs=1e-4)
    assert result.companies == ("X", "Y")
    assert result.must_cooperate == ("X", "Y")
    assert dict(result.shares) == {"X": pytest.approx(0.9), "Y": pytest.approx(0.1)}


def test_unknown_visitors_weigh_one_and_equal_weights_are_reported(tiny_base, xy):
    result = story_coherence(_story("b", ("small", "unknown"), ("big",)), tiny_base, xy)
    assert dict(result.shares)["Y"] == pytest.approx(100_001 / 1_000_001)
    # Every place equal: Y has 2 of 3 places.
    assert result.effective_splits_equal == pytest.approx(1 / (4 / 9 + 1 / 9) - 1)
    assert result.places_with_visitors == 2


def test_unaffiliated_is_a_bucket_but_never_a_company(tiny_base, xy):
    result = story_coherence(_story("c", ("island",), ("small",)), tiny_base, xy)
    assert result.companies == ("Y",)
    assert result.must_cooperate == ()
    assert result.unaffiliated_codes == ("103",)
    assert UNAFFILIATED in dict(result.shares)
    assert result.effective_splits > 0
    assert result.to_dict()["shares"][-1] == {"company": None, "unaffiliated": True,
                                              "share": pytest.approx(1 / 100_001, abs=1e-6)}


def test_extra_municipality_counts_once_unless_covered(tiny_base, xy):
    covered = story_coherence(_story("d", ("big", "101")), tiny_base, xy)
    assert len(covered.places) == 1
    extra = story_coherence(_story("e", ("big",), ("103",)), tiny_base, xy)
    assert [p.kind for p in extra.places] == ["attraction", "municipality"]
    assert extra.step_companies == (("s0", ("X",)), ("s1", (None,)))


def test_incomplete_scenario_is_an_error(tiny_base):
    with pytest.raises(ScenarioError, match="municipality 102 is not in the scenario"):
        story_coherence(_story("f", ("small",)), tiny_base, {"101": "X"})


def test_cooperation_matrix_counts_shared_stories(tiny_base, xy):
    results = [story_coherence(s, tiny_base, xy) for s in (
        _story("xy1", ("big",), ("small",)),
        _story("xy2", ("big", "small")),
        _story("x", ("big",)),
        _story("y-none", ("small",), ("island",)),
    )]
    matrix = cooperation_matrix(results)
    assert matrix.companies == ("X", "Y")
    assert matrix.counts == ((3, 2), (2, 3))
    assert matrix.shared_stories("Y", "X") == ("xy1", "xy2")
    frame = matrix.to_frame({"X": "Company X"})
    assert frame.loc["Company X", "Y"] == 2
    assert {r["stories"] for r in matrix.to_records()} == {2, 3}


def test_today_assignment_uses_company_ids(base):
    assignment = today_assignment(base)
    assert set(assignment) == set(base.codes)
    assert assignment["101"] == "wonderful-copenhagen"
    assert all(assignment[c] is None for c in base.unaffiliated)


def test_bornholm_story_is_whole_under_today(stories, base):
    bornholm = next(s for s in stories if s.id == "bornholm")
    result = story_coherence(bornholm, base, today_assignment(base))
    assert result.companies == ("destination-bornholm",)
    assert result.effective_splits == 0
