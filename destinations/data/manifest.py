"""The data manifest: every file of the data directory with its provenance and SHA-256.

``manifest.json`` in the data directory lists each file once (path relative to the folder, size,
SHA-256, rows) with what a reader needs to trust it: title, kind (official / compiled / modelled),
source, licence, year, caveats and how to refresh it. Loading checks every listed file against it,
so a missing, truncated or edited file is named instead of half-read. A folder without a manifest
(a test's scratch copy, say) is read unchecked, and ``data status`` says so.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from destinations.errors import DataError
from destinations.i18n import Message
from destinations.model import DatasetInfo, Kind
from destinations.settings import MANIFEST_FILE, Settings, bundled_data_dir

#: Provenance a file without a manifest entry gets.
NOT_STATED = Message("not stated")
_RESTORE = ("restore it: `git checkout geodata/` in a clone, or reinstall the package; "
            "`destinations data verify` lists every file that differs")


@dataclass(frozen=True)
class ManifestEntry:
    """One data file as the manifest describes it."""

    path: str
    sha256: str
    bytes: int
    rows: int
    title: str
    kind: Kind
    source: str
    licence: str
    year: str
    caveats: tuple[str, ...] = ()
    refresh: str = ""

    def as_json(self) -> dict:
        out = asdict(self)
        out["kind"] = self.kind.value
        out["caveats"] = list(self.caveats)
        return out


@dataclass(frozen=True)
class FileCheck:
    """The state of one listed file: ``ok`` when present with the listed SHA-256."""

    path: str
    expected_sha256: str
    sha256: str | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(data_dir: Path) -> tuple[ManifestEntry, ...] | None:
    """The entries of ``data_dir/manifest.json``; ``None`` when the folder has no manifest."""
    path = data_dir / MANIFEST_FILE
    if not path.exists():
        return None
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        return tuple(
            ManifestEntry(**{**item, "kind": Kind(item["kind"]), "caveats": tuple(item.get("caveats", ()))})
            for item in document["files"])
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
        raise DataError(path, f"is not a valid manifest ({exc})", _RESTORE) from exc


def check_file(data_dir: Path, entry: ManifestEntry) -> FileCheck:
    """Compare one file with its manifest entry (size first, so truncation reads as such)."""
    path = data_dir / entry.path
    if not path.is_file():
        return FileCheck(entry.path, entry.sha256, None, "file not found")
    size = path.stat().st_size
    actual = sha256_of(path)
    if actual == entry.sha256:
        return FileCheck(entry.path, entry.sha256, actual)
    if size < entry.bytes:
        problem = f"truncated: {size:,} of {entry.bytes:,} bytes"
    else:
        problem = f"altered: SHA-256 {actual[:12]}…, expected {entry.sha256[:12]}… ({size:,} bytes)"
    return FileCheck(entry.path, entry.sha256, actual, problem)


def check_files(data_dir: Path) -> list[FileCheck]:
    """Every listed file checked; empty when the folder has no manifest."""
    entries = read_manifest(data_dir)
    return [check_file(data_dir, entry) for entry in entries or ()]


def require_intact(settings: Settings) -> None:
    """Raise :class:`DataError` naming the first listed file that is missing or differs."""
    for check in check_files(settings.data_dir):
        if not check.ok:
            raise DataError(settings.data_dir / check.path, check.problem, _RESTORE)


def manifest_entry(settings: Settings, filename: str) -> ManifestEntry | None:
    """The entry of one file, or ``None`` (no manifest, or the file is not listed)."""
    return next((e for e in read_manifest(settings.data_dir) or () if e.path == filename), None)


def count_rows(path: Path) -> int:
    """Data rows of a CSV (records, not lines: quoted fields may span lines) or GeoJSON features."""
    if path.suffix == ".csv":
        import pandas as pd

        return len(pd.read_csv(path, dtype=str, keep_default_na=False))
    return len(json.loads(path.read_text(encoding="utf-8")).get("features", []))


def rehash(data_dir: Path) -> list[str]:
    """Maintainers only: refresh size, SHA-256 and rows of every listed file after an edit.

    Returns the paths whose entry changed. Provenance fields are never touched: a changed file
    needs its source, year and caveats reviewed by hand in ``manifest.json``.
    """
    entries = read_manifest(data_dir)
    if entries is None:
        raise DataError(data_dir / MANIFEST_FILE, "file not found", "create it (see geodata/README.md)")
    changed, updated = [], []
    for entry in entries:
        path = data_dir / entry.path
        if not path.is_file():
            raise DataError(path, "file not found", "remove its entry from manifest.json or restore it")
        fresh = replace(entry, sha256=sha256_of(path), bytes=path.stat().st_size, rows=count_rows(path))
        if fresh != entry:
            changed.append(entry.path)
        updated.append(fresh)
    write_manifest(data_dir, updated)
    return changed


def write_manifest(data_dir: Path, entries: list[ManifestEntry]) -> Path:
    path = data_dir / MANIFEST_FILE
    document = {"format": 1,
                "about": "Every data file the project reads, with provenance and SHA-256; see README.md.",
                "files": [e.as_json() for e in entries]}
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def display_path(settings: Settings, filename: str) -> str:
    """How a data file is named to users: ``geodata/<file>`` when bundled, else the bare name
    (the server's own folders are nobody else's business)."""
    bundled = settings.data_dir == bundled_data_dir().resolve()
    return f"geodata/{filename}" if bundled else filename


def dataset_info(settings: Settings, filename: str, *, rows: int, coverage: str,
                 caveats: tuple[str, ...] = (), year: str | None = None) -> DatasetInfo:
    """A catalogue row whose title, source, licence, kind and year come from the manifest.

    ``caveats`` computed from the loaded data come first, the manifest's own after them. A file
    the manifest does not list (a folder without one) is shown with its provenance as a gap.
    """
    entry = manifest_entry(settings, filename)
    if entry is None:
        return DatasetInfo(filename, display_path(settings, filename), Message("not stated (no manifest)"),
                           NOT_STATED, Kind.COMPILED, rows, year or NOT_STATED, coverage, caveats)
    return DatasetInfo(entry.title, display_path(settings, filename), entry.source, entry.licence,
                       entry.kind, rows, year or entry.year, coverage, caveats + entry.caveats)
