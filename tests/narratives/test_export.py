"""Exports: self-contained HTML with every step, escaped text; JSON round-trip; CLI helpers."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from destinations.narratives import (
    LocalText,
    Media,
    NarrativeError,
    Step,
    Story,
    company_labels,
    export_narrative,
    list_narratives,
    parse_story,
    stories_for_company,
    story_html,
    today_assignment,
)
from destinations.narratives.export import json_for_script

EVIL = "<script>alert(1)</script>"


class _Collector(HTMLParser):
    """Collects tags, the text of every element, and raw script bodies."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def _parse(text: str) -> _Collector:
    parser = _Collector()
    parser.feed(text)
    return parser


@pytest.fixture(scope="module")
def evil_story():
    step = Step(id="evil", title=LocalText(EVIL, EVIL), body=LocalText(f"a {EVIL}\n\nb & c", "x"),
                attractions=("tivoli-gardens",),
                media=(Media("javascript:alert(2)", caption=EVIL, credit='"><b>x</b>'),))
    second = Step(id="second", title=LocalText("Second </script>", "Anden"),
                  body=LocalText("plain", "plain"), attractions=("rosenborg-slot",))
    return Story(id="evil-story", theme="t", title=LocalText(f"Title {EVIL}", "Titel"),
                 steps=(step, second))


def test_html_contains_every_step_with_prev_next(stories, base):
    story = next(s for s in stories if s.id == "royal-castles")
    page = story_html(story, base)
    for index, step in enumerate(story.steps):
        assert f'id="step-{step.id}"' in page
        assert f"Step {index + 1} of {len(story.steps)}" in page
    assert page.count('rel="next"') == len(story.steps) - 1
    assert page.count('rel="prev"') == len(story.steps) - 1


def test_user_markup_is_escaped_everywhere(evil_story, base):
    page = story_html(evil_story, base, assignment=today_assignment(base))
    parsed = _parse(page)
    # Only our three script elements exist: the JSON island, Leaflet, and the map code.
    assert [t for t, _ in parsed.tags if t == "script"] == ["script"] * 3
    assert "<b>" not in page and "alert(1)</script>" not in page
    assert EVIL in "".join(parsed.text)  # shown, as text
    # The javascript: URL is never a link target.
    assert not any("javascript" in a.get("href", "") for _, a in parsed.tags)
    island = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', page,
                       re.S).group(1)
    assert "</" not in island and "<" not in island
    assert json.loads(island)["story"]["title"]["en"] == f"Title {EVIL}"


def test_json_for_script_escapes_closing_tags():
    assert json_for_script({"a": "</script><!--"}) == '{"a":"\\u003c/script\\u003e\\u003c!--"}'


def test_html_reads_without_the_map(stories, base):
    story = stories[0]
    parsed = _parse(story_html(story, base, lang="da"))
    text = "".join(parsed.text)
    for step in story.steps:
        assert step.title.da in text
        assert step.body.da.split("\n\n")[0] in text


def test_export_html_and_json_files(base, tmp_path, stories):
    html_result = export_narrative(base, "wadden-sea", tmp_path / "story.html")
    assert html_result["format"] == "html" and html_result["steps"] == 7
    assert "Destination Vadehavskysten" in (tmp_path / "story.html").read_text(encoding="utf-8")
    export_narrative(base, "wadden-sea", tmp_path / "story.json", fmt="json")
    again = parse_story((tmp_path / "story.json").read_text(encoding="utf-8"), base=base)
    assert again == next(s for s in stories if s.id == "wadden-sea")


def test_export_unknown_story_lists_known_ids(base, tmp_path):
    with pytest.raises(NarrativeError, match="use one of: wadden-sea"):
        export_narrative(base, "atlantis", tmp_path / "x.html")


def test_list_narratives_keys_and_companies(base):
    rows = list_narratives(base)
    assert len(rows) >= 10
    assert {"id", "title", "steps", "companies"} <= set(rows[0])
    bornholm = next(r for r in rows if r["id"] == "bornholm")
    assert bornholm["companies"] == ["Destination Bornholm"] and bornholm["steps"] == 7
    json.dumps(rows)


def test_stories_for_company_by_name_or_id(base):
    assignment = today_assignment(base)
    by_name = stories_for_company(base, assignment, "Destination Fyn")
    by_id = stories_for_company(base, assignment, "destination-fyn")
    assert by_name == by_id
    andersen = next(r for r in by_name if r["id"] == "hc-andersen")
    assert andersen["steps_in_company"] == ["h-c-andersens-hus"]
    assert set(andersen["partners"]) == {"Destination Sjælland", "Wonderful Copenhagen"}
    assert andersen["share"] == pytest.approx(1 / 9)  # equal weights: 1 of 9 places
    assert company_labels(base)["destination-fyn"] == "Destination Fyn"


def test_load_stories_adds_saved_ones_after_builtins(base, tmp_path, stories):
    from destinations.narratives import load_stories
    from destinations.narratives.editor import copy_story
    from destinations.store.stories import StoryStore

    store = StoryStore(f"sqlite:///{tmp_path / 's.sqlite'}", base=base)
    store.save(copy_story(stories[0], []), base_version=None)
    loaded, problems = load_stories(base, store=store)
    assert [s.id for s in loaded] == [s.id for s in stories] + ["wadden-sea-copy"]
    assert problems == []
    assert list_narratives(base, stories=loaded)[-1]["origin"] == "user"
