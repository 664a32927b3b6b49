"""AppTest helpers: run a page script from the repository root."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page_test(settings):
    """Factory: ``page_test("pages/map.py", query={"lang": "da"}, state={...})`` -> run AppTest."""

    def make(script: str, *, query: dict | None = None, state: dict | None = None,
             timeout: float = 120) -> AppTest:
        at = AppTest.from_file(str(ROOT / script), default_timeout=timeout)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        for key, value in (state or {}).items():
            at.session_state[key] = value
        return at.run()

    return make


def texts(at: AppTest) -> str:
    """All visible text of markdown, captions, headers, alerts (for assertions)."""
    parts = []
    for kind in ("markdown", "caption", "title", "subheader", "header", "info", "warning", "error",
                 "success"):
        parts.extend(str(e.value) for e in getattr(at, kind))
    return "\n".join(parts)
