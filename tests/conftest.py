"""Shared fixtures: real data from the data directory (../shared), loaded once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from destinations.settings import load_settings


@pytest.fixture(scope="session")
def settings():
    s = load_settings()
    if not (s.geodata_dir.is_dir() and s.facts_dir.is_dir()):
        pytest.skip(f"data directory {s.data_dir} is absent (set DESTINATIONS_DATA_DIR)")
    return s


@pytest.fixture(scope="session")
def base(settings):
    from destinations.data.base import load_base

    return load_base(settings)


@pytest.fixture
def data_copy(settings, tmp_path) -> Path:
    """A writable copy of the data directory (geodata + data), for corrupting files in tests."""
    root = tmp_path / "shared"
    for sub in ("geodata", "data"):
        (root / sub).mkdir(parents=True)
        for item in (settings.data_dir / sub).iterdir():
            if item.is_file():
                (root / sub / item.name).symlink_to(item)
    return root


def replace_file(root: Path, relative: str, content: bytes | str) -> Path:
    """Replace a (symlinked) file of a :func:`data_copy` with ``content``."""
    target = root / relative
    if target.is_symlink() or target.exists():
        target.unlink()
    if isinstance(content, str):
        target.write_text(content, encoding="utf-8")
    else:
        target.write_bytes(content)
    return target
