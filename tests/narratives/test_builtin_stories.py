"""Built-in stories: at least ten, real attractions only, valid, geographically ordered."""

from __future__ import annotations

import pytest

from destinations.narratives import BUILTIN_SPECS, LocalText, NarrativeError, validate_story
from destinations.narratives.builtin import BuiltinSpec, Selection, build_story


def test_at_least_ten_builtins_with_unique_ids(stories):
    assert len(stories) >= 10
    assert len({s.id for s in stories}) == len(stories)
    assert {"wadden-sea", "north-sea-coast", "bornholm", "viking-denmark", "royal-castles",
            "hc-andersens-funen", "copenhagen-design-conferences", "energy-esbjerg",
            "robots-odense", "limfjord"} <= {s.id for s in stories}


def test_every_step_refers_to_real_attractions(stories, base):
    for story in stories:
        validate_story(story, base)
        assert len(story.steps) >= 2, story.id
        for step in story.steps:
            assert step.attractions and all(a in base.attraction_by_id for a in step.attractions)
            assert step.body.en and step.body.da


def test_theme_selections_carry_the_theme_tag(stories, base):
    for spec, story in zip(BUILTIN_SPECS, stories):
        for ident in story.attraction_ids:
            attraction = base.attraction_by_id[ident]
            if ident in spec.selection.ids:
                continue
            if spec.selection.themes:
                assert set(spec.selection.themes) & set(attraction.themes), (story.id, ident)
            if spec.selection.codes:
                assert attraction.kommune_code in spec.selection.codes, (story.id, ident)


def test_steps_start_at_the_spec_start(stories):
    for spec, story in zip(BUILTIN_SPECS, stories):
        if spec.start:
            assert story.steps[0].id == spec.start


def test_per_municipality_cap(stories, base):
    viking = next(s for s in stories if s.id == "viking-denmark")
    codes = [base.attraction_by_id[a].kommune_code for a in viking.attraction_ids]
    assert len(codes) == len(set(codes))


def test_builtins_are_deterministic(stories, base):
    from destinations.narratives import builtin_narratives

    assert builtin_narratives(base) == stories


def test_selection_with_missing_id_is_a_clear_error(base):
    spec = BuiltinSpec("x", "x", LocalText("X", "X"), Selection(ids=("no-such-attraction",)))
    with pytest.raises(NarrativeError, match="'no-such-attraction'"):
        build_story(spec, base)

