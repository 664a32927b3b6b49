"""Fixtures of the facts tests: the real data, loaded once per session, and a data directory
with an ``official/`` folder for StatBank files (writers in ``statbank_files.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from destinations.settings import Settings


@pytest.fixture(scope="session")
def facts_settings(settings) -> Settings:
    """The shared data-directory fixture of tests/conftest.py (skips where the data is absent)."""
    return settings


@pytest.fixture(scope="session")
def facts_base(base):
    return base


@pytest.fixture(scope="session")
def facts_2019(facts_base):
    from destinations.facts import load_facts

    return load_facts(facts_base, 2019)


@pytest.fixture(scope="session")
def facts_2023(facts_base):
    from destinations.facts import load_facts

    return load_facts(facts_base, 2023)


@pytest.fixture(scope="session")
def facts_model(facts_base):
    from destinations.facts import facts_model

    return facts_model(facts_base)


@pytest.fixture(scope="session")
def areas(facts_base):
    from destinations.facts.statbank import Areas

    return Areas.from_frame(facts_base.municipalities)


@pytest.fixture
def official_data_dir(facts_settings, tmp_path) -> Path:
    """A data directory whose data/ and geodata/ link to the real files, plus an empty official/."""
    root = tmp_path / "shared"
    for sub in ("geodata", "data"):
        (root / sub).mkdir(parents=True)
        for item in (facts_settings.data_dir / sub).iterdir():
            if item.is_file():
                (root / sub / item.name).symlink_to(item)
    (root / "official").mkdir()
    return root
