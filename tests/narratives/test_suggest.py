"""Suggested cross-border stories: a shared theme, >= 2 companies, a travel path, a draft to adopt."""

from __future__ import annotations

import json

import pytest

from destinations.narratives import company_labels, today_assignment, validate_story
from destinations.narratives.suggest import (
    LEG_LIMIT_MINUTES,
    shared_pairs,
    suggest_stories,
    suggestion_story,
)


@pytest.fixture(scope="module")
def suggestions(base):
    return suggest_stories(base)


def test_every_suggestion_shares_a_theme_and_unites_companies(suggestions, base):
    assignment = today_assignment(base)
    assert len(suggestions) >= 5
    for suggestion in suggestions:
        places = [base.attraction_by_id[i] for i in suggestion.places]
        assert all(suggestion.theme in a.themes for a in places)
        companies = {assignment[a.kommune_code] for a in places} - {None}
        assert len(companies) >= 2 and set(suggestion.companies) == companies
        assert 3 <= len(places) <= 6 and len(set(suggestion.places)) == len(places)


def test_places_follow_a_travel_path(suggestions):
    for suggestion in suggestions:
        assert len(suggestion.leg_minutes) == len(suggestion.places) - 1
        assert all(0 <= m <= LEG_LIMIT_MINUTES for m in suggestion.leg_minutes)
        assert 0.0 <= suggestion.reachable_share <= 1.0


def test_ranked_by_score_with_new_partners_first(suggestions, stories, base):
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)
    existing = shared_pairs(stories, base, today_assignment(base))
    for suggestion in suggestions:
        assert not set(suggestion.new_pairs) & existing
    assert suggestions[0].new_pairs, "the best suggestion brings partners together that share none"
    themes = [s.theme for s in suggestions]
    assert all(themes.count(t) <= 2 for t in themes)


def test_deterministic_and_json_ready(suggestions, base):
    assert suggest_stories(base) == suggestions
    row = suggestions[0].to_dict(company_labels(base))
    assert {"theme", "places", "companies", "score"} <= set(row)
    assert all(not c.startswith("destination-") for c in row["companies"])
    json.dumps(row)


def test_a_suggestion_opens_as_a_draft_with_facts(suggestions, base):
    story = suggestion_story(suggestions[0], base, story_id="my-draft")
    validate_story(story, base)
    assert story.origin == "user" and story.id == "my-draft"
    assert [s.attractions[0] for s in story.steps] == list(suggestions[0].places)
    assert all(s.fact_lines("en") and not s.body.en for s in story.steps)


def test_theme_filter_and_no_cross_border_theme(base):
    only = suggest_stories(base, themes=["viking"])
    assert only and {s.theme for s in only} == {"viking"}
    # Bornholm's places alone never make a suggestion (one company).
    assert suggest_stories(base, themes=["no-such-theme"]) == []
