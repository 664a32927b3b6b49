"""The story page in a real browser: open a built-in story, step through it on its map, download
the web-page export and check that it travels (no script, the story's text, an inline map)."""

from __future__ import annotations

import re

from tests.e2e.conftest import wait_for_app, wait_for_map

STORY = "bornholm"


def _step_caption(page) -> str:
    return page.get_by_text(re.compile(r"^Step \d+ of \d+$")).first.inner_text()


def test_step_through_a_built_in_story_and_download_it(page, app_url, base, tmp_path):
    from destinations.narratives import builtin_narratives

    story = next(s for s in builtin_narratives(base) if s.id == STORY)
    page.goto(f"{app_url}/stories?story={STORY}")
    wait_for_app(page)
    frame = wait_for_map(page)
    page.get_by_role("heading", name=story.title.en).first.wait_for(timeout=30_000)
    assert _step_caption(page) == f"Step 1 of {len(story.steps)}"
    # The map reads without tiles: the step's number and place names are drawn on it.
    assert frame.locator(".story-step.current").count() == 1
    assert frame.get_by_text(story.steps[0].title.en.split(":")[0]).count() >= 1

    for number in range(2, 4):
        page.get_by_role("button", name="Next →").click()
        wait_for_app(page)
        page.get_by_text(f"Step {number} of {len(story.steps)}", exact=True).wait_for(
            timeout=30_000)
        step = story.steps[number - 1]
        page.get_by_role("heading", name=step.title.en).first.wait_for(timeout=30_000)
        assert f"step={step.id}" in page.url
    page.get_by_role("button", name="← Previous").click()
    wait_for_app(page)
    page.get_by_text(f"Step 2 of {len(story.steps)}", exact=True).wait_for(timeout=30_000)
    page.get_by_text("Facts and sources").first.wait_for()

    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download web page (HTML)").click()
    target = tmp_path / "story.html"
    download.value.save_as(target)
    html = target.read_text(encoding="utf-8")
    assert download.value.suggested_filename == f"{STORY}.html"
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html.lower()
    assert story.title.en in html and story.steps[1].title.en in html
    assert html.count("<svg") >= 1 + len(story.steps)  # the overview and one map per step
    assert page.locator('[data-testid="stException"]').count() == 0
