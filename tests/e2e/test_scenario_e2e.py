"""The compare page in a real browser (the editor's own browser tests: test_editor_e2e.py)."""

from __future__ import annotations

from tests.e2e.conftest import wait_for_app

def test_compare_page_renders(page, app_url):
    page.goto(f"{app_url}/compare")
    wait_for_app(page)
    page.get_by_text("Choose at least two scenarios.").first.wait_for(timeout=60_000)
