"""The static SVG story map: route, numbered steps, names, the current step highlighted, escaped."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from destinations.narratives import LocalText, Step, Story, story_svg
from destinations.narratives.static_map import CURRENT, MIN_SPAN_M, context_span


def _tree(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # well-formed XML, or this raises


def test_overview_has_route_numbered_steps_and_names(stories, base):
    story = next(s for s in stories if s.id == "viking-denmark")
    svg = story_svg(story, base, width=820)  # as in the export
    root = _tree(svg)
    assert root.tag == "svg" and root.get("role") == "img"
    route = root.find("polyline[@class='route']")
    assert route is not None and len(route.get("points").split()) == len(story.steps)
    numbers = [t.text for t in root.iter("text") if t.text and t.text.isdigit()]
    assert numbers[:len(story.steps)] == [str(n) for n in range(1, len(story.steps) + 1)]
    labels = {t.text for t in root.iter("text")}
    assert {"Lindholm Høje", "Vikingeskibsmuseet"} <= labels  # places
    assert "DESTINATION FJORDLANDET" in labels  # companies
    assert {"Roskilde", "Aalborg"} & labels  # municipalities
    assert "DAGI" in svg and "http" not in svg and "<script" not in svg


def test_step_map_keeps_surroundings_and_highlights_the_step(stories, base):
    story = next(s for s in stories if s.id == "copenhagen")
    svg = story_svg(story, base, step_id="nyhavn")
    root = _tree(svg)
    width, height = (float(v) for v in root.get("viewBox").split()[2:])
    assert height > 0.5 * width
    current = root.find("g[@class='step step-current']/circle")
    assert current.get("fill") == CURRENT
    assert [e.get("stroke") for e in root.iter("line")] == [CURRENT, CURRENT]  # legs in and out
    labels = {t.text for t in root.iter("text")}
    assert "Nyhavn" in labels and "WONDERFUL COPENHAGEN" in labels
    # A town step is still framed with its municipality and neighbours, not one blank polygon.
    assert len(root.find("g[@class='land']")) >= 5
    scale = re.search(r">(\d+) km<", svg)
    assert scale and int(scale.group(1)) >= 1


def test_context_span_is_bounded(base):
    assert context_span(base, ["101"]) >= MIN_SPAN_M
    assert context_span(base, ["561"]) <= 60_000  # Esbjerg incl. Mandø: capped
    assert context_span(base, []) == MIN_SPAN_M


def test_text_is_escaped(base):
    evil = "<script>alert(1)</script> & co"
    steps = (Step(id="a", title=LocalText(evil, evil), body=LocalText("", ""),
                  attractions=("hammershus",)),
             Step(id="b", title=LocalText("B", "B"), body=LocalText("", ""), municipalities=("400",)))
    story = Story(id="x", theme="t", title=LocalText(evil, evil), steps=steps)
    svg = story_svg(story, base, step_id="a", labels={"destination-bornholm": evil})
    assert "<script" not in svg and "&lt;script&gt;" in svg
    _tree(svg)


def test_unknown_step_is_a_clear_error(stories, base):
    from destinations.narratives import NarrativeError

    with pytest.raises(NarrativeError, match="no step 'atlantis'"):
        story_svg(stories[0], base, step_id="atlantis")
