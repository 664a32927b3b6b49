"""Shared fixtures: the project's own data (geodata/), loaded once per session.

Tests never see a developer's per-user folders: official downloads and the derived-data cache
point into a temporary folder for the whole run (set before any settings are read).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from destinations.settings import MANIFEST_FILE, PROJECT_ROOT, Settings, load_settings

#: Public benchmark instances carried by the repository.
BENCH_INSTANCES = PROJECT_ROOT / "bench" / "instances"

_USER_DIRS = Path(tempfile.mkdtemp(prefix="destinations-test-user-"))
os.environ["XDG_DATA_HOME"] = str(_USER_DIRS / "data")
os.environ["XDG_CACHE_HOME"] = str(_USER_DIRS / "cache")


def settings_for(data_dir: Path, *, user_dir: Path | None = None) -> Settings:
    """Settings reading ``data_dir`` (and official files under ``user_dir``/destinations/official)."""
    env = {**os.environ, "DESTINATIONS_DATA_DIR": str(data_dir)}
    if user_dir is not None:
        env["XDG_DATA_HOME"] = str(user_dir)
    return load_settings(env)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def base(settings):
    from destinations.data.base import load_base

    return load_base(settings)


def link_data(real_dir: Path, root: Path) -> Path:
    """Symlink every data file of ``real_dir`` into ``root``, leaving out the manifest so that a
    test's edited file reaches the parser's own checks instead of the checksum check."""
    root.mkdir(parents=True, exist_ok=True)
    for item in real_dir.iterdir():
        if item.is_file() and item.name != MANIFEST_FILE and not (root / item.name).exists():
            (root / item.name).symlink_to(item)
    return root


@pytest.fixture
def data_copy(settings, tmp_path) -> Path:
    """A writable copy of the data directory (symlinks, no manifest), for corrupting files."""
    return link_data(settings.data_dir, tmp_path / "data")


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
