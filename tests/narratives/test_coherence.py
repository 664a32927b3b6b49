"""Split metrics per story and the cooperation matrix, on hand-made cases (see conftest)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from destinations.errors import ScenarioError
from destinations.narratives import (
    UNAFFILIATED,
    LocalText,
    Step,
    Story,
    company_labels,
    company_parts,
    cooperation_matrix,
    effective_splits,
    story_coherence,
    today_assignment,
    weighting_note,
)
from tests.narratives.conftest import _attraction


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


def test_sparse_counts_fall_back_to_equal_weights(tiny_base, xy):
    # 2 of 3 places have counts: below the 75 % needed, so every place weighs 1 (no 0 % company).
    result = story_coherence(_story("b", ("small", "unknown"), ("big",)), tiny_base, xy)
    assert result.weighting == "equal" and result.visitor_coverage == pytest.approx(2 / 3)
    assert dict(result.shares) == {"Y": pytest.approx(2 / 3), "X": pytest.approx(1 / 3)}
    assert result.effective_splits == result.effective_splits_equal == pytest.approx(
        1 / (4 / 9 + 1 / 9) - 1)
    # Visitor weighting is still reported for comparison (unknown place: the median count).
    assert result.effective_splits_visitors == pytest.approx(
        effective_splits([100_000 + 500_000, 900_000]))
    assert result.places_with_visitors == 2
    assert "only 2 of 3 places have a published visitor count" in weighting_note(result)
    assert "kun 2 af 3 steder" in weighting_note(result, "da")


def test_most_counts_known_weighs_visitors_with_the_median_for_gaps(tiny_base, xy):
    world = SimpleNamespace(attraction_by_id={
        **tiny_base.attraction_by_id,
        "mid": _attraction("mid", "101", 300_000), "top": _attraction("top", "102", 500_000)},
        codes=tiny_base.codes)
    result = story_coherence(_story("m", ("big", "mid"), ("small", "top"), ("unknown",)), world, xy)
    assert result.weighting == "visitors" and result.visitor_coverage == pytest.approx(0.8)
    # Median of 900k, 300k, 100k, 500k = 400k for the unknown place in Y.
    assert dict(result.shares)["X"] == pytest.approx(1_200_000 / 2_200_000)
    assert "the others weigh the median count, 400,000" in weighting_note(result)


def test_unaffiliated_is_a_bucket_but_never_a_company(tiny_base, xy):
    result = story_coherence(_story("c", ("island",), ("small",)), tiny_base, xy)
    assert result.companies == ("Y",)
    assert result.must_cooperate == ()
    assert result.unaffiliated_codes == ("103",)
    assert UNAFFILIATED in dict(result.shares)
    assert result.effective_splits > 0
    assert result.to_dict()["shares"][-1] == {"company": None, "unaffiliated": True, "share": 0.5}


def test_company_parts_in_plain_words(tiny_base, xy):
    story = _story("p", ("small",), ("unknown",), ("big",), ("island",))
    result = story_coherence(story, tiny_base, xy)
    parts = dict(company_parts(result, story, {"Y": "Company Y"}))
    assert parts["Y"] == "Company Y holds 2 of 4 steps, including Small."
    assert parts["X"] == "X holds 1 of 4 steps: Big."
    assert parts[None] == "1 of 4 steps lie in no destination company: Island."
    da = dict(company_parts(result, story, lang="da"))
    assert da["Y"] == "Y har 2 af 4 trin, bl.a. Small."


def test_viking_story_gives_fjordlandet_its_part(stories, base):
    """Only a few Viking places have published counts: Fjordlandet (Viking Ship Museum) must not
    get 0 % as it did under visitor weighting."""
    viking = next(s for s in stories if s.id == "viking-denmark")
    result = story_coherence(viking, base, today_assignment(base))
    assert result.visitor_coverage < 0.5 and result.weighting == "equal"
    share = dict(result.shares)["destination-fjordlandet"]
    fjordlandet = [p for p in result.places if p.company == "destination-fjordlandet"]
    assert share == pytest.approx(len(fjordlandet) / len(result.places)) and share > 0.15
    assert "vikingeskibsmuseet" in {p.id for p in fjordlandet}
    parts = dict(company_parts(result, viking, company_labels(base)))
    assert parts["destination-fjordlandet"].startswith("Destination Fjordlandet holds 3 of ")
    assert "Vikingeskibsmuseet" in parts["destination-fjordlandet"]


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
