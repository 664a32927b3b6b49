"""The production defaults in .streamlit/config.toml."""

from __future__ import annotations

import tomllib

from destinations.scenarios.flows import MAX_OD_BYTES
from destinations.scenarios.io import MAX_UPLOAD_BYTES
from destinations.settings import PROJECT_ROOT

CONFIG = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_upload_cap_matches_the_import_cap():
    assert CONFIG["server"]["maxUploadSize"] * 2**20 == MAX_UPLOAD_BYTES == MAX_OD_BYTES


def test_production_defaults():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["browser"]["gatherUsageStats"] is False
    assert CONFIG["client"]["showErrorDetails"] == "none"  # tracebacks go to the log, not visitors
    assert CONFIG["theme"]["primaryColor"].startswith("#")
