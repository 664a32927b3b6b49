"""Fixtures of the facts tests: the real data, loaded once per session, and a data directory
with a user data folder for official StatBank files (writers in ``statbank_files.py``)."""

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
def official_user_dir(tmp_path) -> Path:
    """A user data folder (XDG_DATA_HOME) with an empty ``destinations/official/`` for StatBank files."""
    root = tmp_path / "user"
    (root / "destinations" / "official").mkdir(parents=True)
    return root
