"""Settings read once from the environment into a frozen record.

Where data comes from, in order of precedence:

1. official downloads in the user data folder (``destinations data fetch``), which replace the
   bundled file or model they stand for;
2. the data directory: ``DESTINATIONS_DATA_DIR`` when set, else the ``geodata/`` folder the code
   ships with (the checkout's top-level ``geodata/``, or the copy installed with the package).

Nothing outside these two folders is read, and nothing is ever written into the data directory.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

#: Analysis CRS: ETRS89 / UTM zone 32N, the Danish national standard. Everything is
#: measured in it; EPSG:4326 is used only for drawing.
ANALYSIS_CRS = "EPSG:25832"
DISPLAY_CRS = "EPSG:4326"

#: The file that names every data file with its source, licence, kind and SHA-256.
MANIFEST_FILE = "manifest.json"

_PACKAGE_DIR = Path(__file__).resolve().parent
#: The checkout holding the package (meaningful only when running from a clone).
PROJECT_ROOT = _PACKAGE_DIR.parent


def bundled_data_dir() -> Path:
    """The data shipped with the code.

    In a clone (or an editable install) that is the top-level ``geodata/`` folder; a regular
    ``pip install .`` puts the same files into the package as ``destinations/geodata/``.
    """
    checkout = PROJECT_ROOT / "geodata"
    if (checkout / MANIFEST_FILE).is_file():
        return checkout
    return _PACKAGE_DIR / "geodata"


def _user_dir(env: dict[str, str], xdg_variable: str, home_default: str, windows_sub: str) -> Path:
    """A per-user folder for this application (XDG on Linux/macOS, LOCALAPPDATA on Windows)."""
    if env.get(xdg_variable):
        return Path(env[xdg_variable]).expanduser() / "destinations"
    if sys.platform == "win32" and env.get("LOCALAPPDATA"):
        return Path(env["LOCALAPPDATA"]) / "destinations" / windows_sub
    return Path.home() / home_default / "destinations"


@dataclass(frozen=True)
class Settings:
    """Where data lives and how it is processed.

    Attributes
    ----------
    data_dir
        The folder holding every data file and ``manifest.json`` (env ``DESTINATIONS_DATA_DIR``,
        default :func:`bundled_data_dir`). Read only.
    user_data_dir
        Per-user folder for official downloads (``$XDG_DATA_HOME/destinations``, default
        ``~/.local/share/destinations``). Files found there take precedence.
    cache_dir
        Per-user folder for derived data rebuilt from the inputs when they change
        (``$XDG_CACHE_HOME/destinations``, default ``~/.cache/destinations``).
    db_url
        SQLAlchemy URL of the scenario store (env ``DESTINATIONS_DB_URL``); defaults to a SQLite
        file in the user's home so the data directory is never written.
    display_tolerance_m
        Simplification tolerance for map geometry, in metres.
    """

    data_dir: Path
    db_url: str
    user_data_dir: Path
    cache_dir: Path
    display_tolerance_m: float = 150.0

    @property
    def official_dir(self) -> Path:
        """Where ``destinations data fetch`` writes official downloads (outside the data directory)."""
        return self.user_data_dir / "official"

    @property
    def manifest_path(self) -> Path:
        return self.data_dir / MANIFEST_FILE


def load_settings(env: dict[str, str] | None = None) -> Settings:
    """Build :class:`Settings` from ``env`` (defaults to ``os.environ``)."""
    env = dict(os.environ if env is None else env)
    configured = env.get("DESTINATIONS_DATA_DIR")
    data_dir = Path(configured).expanduser() if configured else bundled_data_dir()
    default_db = Path.home() / ".destinations" / "scenarios.sqlite"
    db_url = env.get("DESTINATIONS_DB_URL") or f"sqlite:///{default_db}"
    return Settings(data_dir=data_dir.resolve(), db_url=db_url,
                    user_data_dir=_user_dir(env, "XDG_DATA_HOME", ".local/share", "data").resolve(),
                    cache_dir=_user_dir(env, "XDG_CACHE_HOME", ".cache", "cache").resolve())
