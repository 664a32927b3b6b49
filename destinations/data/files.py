"""Reading data files with one clear error per problem (missing, empty, corrupt, wrong columns)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

import pandas as pd

from destinations.errors import DataError

_FIX_DATA_DIR = (
    "restore the file (`git checkout geodata/` in a clone, or reinstall the package; "
    "`destinations data verify` lists every damaged file), or point DESTINATIONS_DATA_DIR at a "
    "folder with the same files"
)


def require_file(path: Path) -> Path:
    """Return ``path`` if it is a non-empty file, else raise :class:`DataError`."""
    if not path.exists():
        raise DataError(path, "file not found", _FIX_DATA_DIR)
    if not path.is_file():
        raise DataError(path, "expected a file, found a directory", _FIX_DATA_DIR)
    if path.stat().st_size == 0:
        raise DataError(path, "file is empty", _FIX_DATA_DIR)
    return path


def read_csv(path: Path, *, required: Iterable[str], dtype: dict | None = None) -> pd.DataFrame:
    """Read a UTF-8 CSV and check its columns.

    Codes stay strings (``kommune_code`` "101", not 101).
    """
    require_file(path)
    try:
        frame = pd.read_csv(path, dtype=dtype or str, keep_default_na=False, na_values=[""])
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(path, f"cannot be parsed as CSV ({exc})", _FIX_DATA_DIR) from exc
    if frame.empty:
        raise DataError(path, "has a header but no rows", _FIX_DATA_DIR)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataError(
            path,
            f"expected columns {sorted(required)}; missing {missing} (found {list(frame.columns)})",
            _FIX_DATA_DIR,
        )
    return frame


def read_json(path: Path) -> dict:
    """Read a JSON document (GeoJSON, TopoJSON) with a clear error when corrupt."""
    require_file(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataError(path, f"is not valid JSON ({exc})", _FIX_DATA_DIR) from exc


def _numbers(frame: pd.DataFrame, column: str, path: Path, *, allow_missing: bool) -> pd.Series:
    """Parse a column as numbers, naming the first bad row (a blank is bad unless allowed)."""
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = values.isna() & frame[column].notna()
    if not allow_missing:
        bad |= frame[column].isna()
    if bad.any():
        row = int(bad.to_numpy().argmax())
        raise DataError(
            path,
            f"row {row + 2}, column '{column}': expected a number, found {frame[column].iloc[row]!r}",
            "correct the value in the file",
        )
    return values


def to_int(frame: pd.DataFrame, column: str, path: Path, *, allow_missing: bool = False) -> pd.Series:
    """A column as nullable integers (see :func:`_numbers` for errors)."""
    return _numbers(frame, column, path, allow_missing=allow_missing).round().astype("Int64")


def to_float(frame: pd.DataFrame, column: str, path: Path, *, allow_missing: bool = False) -> pd.Series:
    """A column as floats (NaN where blank and allowed)."""
    return _numbers(frame, column, path, allow_missing=allow_missing).astype(float)
