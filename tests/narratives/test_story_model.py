"""Story model: JSON round-trip, schema and semantic validation with clear messages."""

from __future__ import annotations

import json

import jsonschema
import pytest

from destinations.narratives import (
    STORY_SCHEMA,
    LocalText,
    MapView,
    Media,
    NarrativeError,
    Step,
    Story,
    markup_warnings,
    parse_story,
    validate_story,
)


def _story(**step_changes) -> Story:
    step = Step(id="one", title=LocalText("One", "Et"), body=LocalText("Text", "Tekst"),
                attractions=("tivoli-gardens",), municipalities=("101",),
                map=MapView((55.67, 12.57), 12), media=(Media("https://example.org/a.jpg", "cap",
                                                              "credit", "alt"),))
    step = Step(**{**step.__dict__, **step_changes})
    return Story(id="demo", theme="demo", title=LocalText("Demo", "Demo"), steps=(step,),
                 scenario_id="scenario-1")


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(STORY_SCHEMA)


def test_hand_made_story_round_trips_through_json(base):
    story = _story()
    assert parse_story(story.to_json(), base=base) == story


def test_builtin_stories_round_trip_through_json(stories, base):
    for story in stories:
        assert parse_story(json.dumps(story.to_dict()), base=base) == story


def test_bad_json_names_line_and_column():
    with pytest.raises(NarrativeError, match=r"not valid JSON: .* line 1, column \d+"):
        parse_story('{"id": "x", ', where="upload.json")


def test_schema_errors_name_the_json_path():
    data = _story().to_dict()
    data["steps"][0]["title"]["da"] = ""
    data["steps"][0]["attractions"] = ["Not An Id"]
    with pytest.raises(NarrativeError) as info:
        parse_story(data)
    message = str(info.value)
    assert "steps[0].title.da: must not be empty" in message
    assert "steps[0].attractions[0]" in message


def test_unknown_attraction_names_the_step(base):
    story = _story(attractions=("tivoli-gardens", "no-such-place"))
    with pytest.raises(NarrativeError, match=r"step 1 \('one'\): unknown attraction id\(s\) "
                                             r"\['no-such-place'\]"):
        validate_story(story, base)


def test_unknown_municipality_code_is_reported(base):
    with pytest.raises(NarrativeError, match=r"unknown municipality code\(s\) \['999'\]"):
        validate_story(_story(municipalities=("999",)), base)


def test_media_must_be_http(base):
    data = _story().to_dict()
    data["steps"][0]["media"][0]["url"] = "javascript:alert(1)"
    with pytest.raises(NarrativeError, match="media URL must start with http"):
        parse_story(data, base=base)


def test_too_long_title_is_rejected():
    with pytest.raises(NarrativeError, match=r"text is 500 characters, at most"):
        validate_story(_story(title=LocalText("x" * 500, "x")))


def test_duplicate_step_ids_and_empty_steps_are_rejected(base):
    step = _story().steps[0]
    empty = Step(id="one", title=LocalText("a", "a"), body=LocalText("", ""))
    story = Story(id="dup", theme="t", title=LocalText("t", "t"), steps=(step, empty))
    with pytest.raises(NarrativeError) as info:
        validate_story(story, base)
    assert "step 2 ('one'): the step id is used twice" in str(info.value)
    assert "names no attraction and no municipality" in str(info.value)


def test_map_centre_outside_denmark_is_rejected():
    with pytest.raises(NarrativeError, match="lies outside Denmark"):
        validate_story(_story(map=MapView((40.0, 2.0), 9)))


def test_markup_is_kept_as_text_and_warned_about(base):
    story = _story(title=LocalText("<script>alert(1)</script>", "Et"))
    assert parse_story(story.to_json(), base=base).steps[0].title.en == "<script>alert(1)</script>"
    warnings = markup_warnings(story)
    assert len(warnings) == 1 and "step 1 ('one') title (en)" in warnings[0]


def test_documents_without_intro_facts_or_licence_still_parse(base):
    data = _story().to_dict()
    del data["intro"]
    del data["steps"][0]["facts"]
    for key in ("licence", "image"):
        del data["steps"][0]["media"][0][key]
    story = parse_story(data, base=base)
    assert story.intro == LocalText("", "") and story.steps[0].facts == LocalText("", "")
    assert story == _story()


def test_facts_box_lines_and_intro_round_trip(base):
    story = _story(facts=LocalText("Open all year.\n\nMap position approximate.", "Åbent hele året."))
    story = Story(**{**story.__dict__, "intro": LocalText("Why", "Hvorfor")})
    again = parse_story(story.to_json(), base=base)
    assert again == story
    assert again.steps[0].fact_lines("en") == ("Open all year.", "Map position approximate.")


def test_image_media_needs_a_digest_and_a_known_type():
    data = _story().to_dict()
    data["steps"][0]["media"][0]["image"] = {"sha256": "xyz", "mime": "image/svg+xml", "width": 1,
                                             "height": 1, "size": 1}
    with pytest.raises(NarrativeError) as info:
        parse_story(data)
    assert "not a SHA-256 hex digest" in str(info.value)
    assert "'image/svg+xml' is not one of" in str(info.value)
