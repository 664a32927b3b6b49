"""Settings read once from the environment into a frozen record."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: Analysis CRS: ETRS89 / UTM zone 32N, the Danish national standard. Everything is
#: measured in it; EPSG:4326 is used only for drawing.
ANALYSIS_CRS = "EPSG:25832"
DISPLAY_CRS = "EPSG:4326"

_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def _default_data_dir() -> Path:
    """``../shared`` beside the checkout (and beside the working directory) when present."""
    for candidate in (_PACKAGE_ROOT.parent / "shared", Path.cwd().parent / "shared"):
        if candidate.is_dir():
            return candidate
    return _PACKAGE_ROOT.parent / "shared"


@dataclass(frozen=True)
class Settings:
    """Where data lives and how it is processed.

    Attributes
    ----------
    data_dir
        Root holding ``geodata/`` and ``data/`` (env ``DESTINATIONS_DATA_DIR``).
    db_url
        SQLAlchemy URL of the scenario store (env ``DESTINATIONS_DB_URL``); defaults to a SQLite
        file in the user's home so the read-only data directory is never written.
    display_tolerance_m
        Simplification tolerance for map geometry, in metres.
    """

    data_dir: Path
    db_url: str
    display_tolerance_m: float = 150.0

    @property
    def geodata_dir(self) -> Path:
        return self.data_dir / "geodata"

    @property
    def facts_dir(self) -> Path:
        return self.data_dir / "data"

    @property
    def bench_dir(self) -> Path:
        return self.data_dir / "bench"

    @property
    def official_dir(self) -> Path:
        """Where online fetchers write official downloads (inside the data directory)."""
        return self.data_dir / "official"


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build :class:`Settings` from ``env`` (defaults to ``os.environ``)."""
    env = dict(os.environ if env is None else env)
    data_dir = Path(env["DESTINATIONS_DATA_DIR"]).expanduser() if env.get(
        "DESTINATIONS_DATA_DIR"
    ) else _default_data_dir()
    default_db = Path.home() / ".destinations" / "scenarios.sqlite"
    db_url = env.get("DESTINATIONS_DB_URL") or f"sqlite:///{default_db}"
    return Settings(data_dir=data_dir.resolve(), db_url=db_url)
