"""The data the repository carries: geodata/ and its manifest, checked on load and by `data verify`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from destinations.cli import main
from destinations.data.base import load_base
from destinations.data.manifest import check_files, count_rows, read_manifest, sha256_of
from destinations.errors import DataError
from destinations.model import Kind
from destinations.settings import MANIFEST_FILE, PROJECT_ROOT, bundled_data_dir
from tests.conftest import settings_for

GEODATA = PROJECT_ROOT / "geodata"


def test_the_checkout_reads_its_own_geodata(settings):
    assert bundled_data_dir() == GEODATA
    if not os.environ.get("DESTINATIONS_DATA_DIR"):
        assert settings.data_dir == GEODATA.resolve()


def test_every_listed_file_exists_and_matches():
    entries = read_manifest(GEODATA)
    assert entries, "geodata/manifest.json lists no file"
    for entry in entries:
        path = GEODATA / entry.path
        assert path.is_file(), entry.path
        assert path.stat().st_size == entry.bytes, entry.path
        assert sha256_of(path) == entry.sha256, entry.path
        assert count_rows(path) == entry.rows, entry.path


def test_every_data_file_is_listed_with_its_provenance():
    listed = {e.path for e in read_manifest(GEODATA)}
    on_disk = {p.name for p in GEODATA.iterdir() if p.suffix in (".csv", ".geojson")}
    assert listed == on_disk
    readme = (GEODATA / "README.md").read_text(encoding="utf-8")
    for entry in read_manifest(GEODATA):
        assert entry.source and entry.licence and entry.year and entry.refresh, entry.path
        assert entry.kind in (Kind.OFFICIAL, Kind.COMPILED), entry.path  # modelled data is computed
        assert f"`{entry.path}`" in readme, f"geodata/README.md does not describe {entry.path}"


def test_geodata_stays_small():
    total = sum(p.stat().st_size for p in GEODATA.iterdir() if p.is_file())
    assert total < 15_000_000


def test_nothing_reads_outside_the_repository():
    """No module, page, test or script refers to the workshop's ../shared folder."""
    offenders = []
    for folder in ("destinations", "pages", "tests", "bench", ".ci"):
        for path in (PROJECT_ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in (".py", "") and path != Path(__file__) \
                    and "__pycache__" not in path.parts:
                text = path.read_text(encoding="utf-8", errors="ignore")
                if "../shared" in text or "/shared/" in text:
                    offenders.append(str(path.relative_to(PROJECT_ROOT)))
    assert offenders == []


# ------------------------------------------------------------------------------- damaged files
@pytest.fixture
def checked_copy(tmp_path) -> Path:
    """A real copy of geodata/ with its manifest, so the checksum check runs."""
    target = tmp_path / "geodata"
    shutil.copytree(GEODATA, target)
    return target


@pytest.mark.parametrize("damage,expect", [
    (lambda p: p.unlink(), "file not found"),
    (lambda p: p.write_bytes(p.read_bytes()[:1000]), "truncated: 1,000 of"),
    (lambda p: p.write_bytes(p.read_bytes()[:-2] + b"X\n"), "altered: SHA-256"),
])
def test_a_damaged_file_is_named_with_how_to_restore_it(checked_copy, damage, expect, capsys, monkeypatch):
    damage(checked_copy / "fixed_links.csv")
    with pytest.raises(DataError) as info:
        load_base(settings_for(checked_copy))
    message = str(info.value)
    assert "fixed_links.csv" in message and expect in message
    assert "git checkout geodata/" in message and "destinations data verify" in message

    monkeypatch.setenv("DESTINATIONS_DATA_DIR", str(checked_copy))
    assert main(["data", "verify"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len([line for line in err if "fixed_links.csv" in line]) == 1
    assert "Traceback" not in "\n".join(err)
    assert main(["data", "status", "--json"]) == 2
    assert "fixed_links.csv" in capsys.readouterr().err


def test_verify_json_reports_every_file(checked_copy, capsys, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DATA_DIR", str(checked_copy))
    assert main(["data", "verify", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["ok"] is True and len(payload["files"]) == len(read_manifest(GEODATA))
    (checked_copy / "attractions.csv").write_text("name\n", encoding="utf-8")
    assert main(["data", "verify", "--json"]) == 2
    captured = capsys.readouterr()
    bad = [f for f in json.loads(captured.out)["files"] if not f["ok"]]
    assert [f["path"] for f in bad] == ["attractions.csv"]
    assert "attractions.csv: truncated" in captured.err


def test_a_corrupt_manifest_is_named(checked_copy):
    (checked_copy / MANIFEST_FILE).write_text("{", encoding="utf-8")
    with pytest.raises(DataError, match="manifest.json: is not a valid manifest"):
        check_files(checked_copy)


def test_rehash_records_an_edited_file(checked_copy):
    from destinations.data.manifest import rehash

    path = checked_copy / "fixed_links.csv"
    path.write_bytes(path.read_bytes() + path.read_bytes().splitlines(keepends=True)[-1])
    assert rehash(checked_copy) == ["fixed_links.csv"]
    assert all(c.ok for c in check_files(checked_copy))
    entry = next(e for e in read_manifest(checked_copy) if e.path == "fixed_links.csv")
    assert entry.rows == 47 and entry.source  # provenance untouched


def test_official_downloads_take_precedence_and_are_listed(settings, tmp_path):
    from destinations.catalog import files_in_force
    from destinations.data.geography import municipalities_path

    user = settings_for(settings.data_dir, user_dir=tmp_path)
    assert municipalities_path(user) == settings.data_dir / "dk_municipalities_dagi500k.geojson"
    user.official_dir.mkdir(parents=True)
    download = user.official_dir / "dk_municipalities_dagi_dawa.geojson"
    download.write_text("{}", encoding="utf-8")
    assert municipalities_path(user) == download
    assert user.official_dir.is_relative_to(tmp_path) and not user.official_dir.is_relative_to(GEODATA)
    rows = {row["path"]: row for row in files_in_force(user)}
    assert rows["dk_municipalities_dagi500k.geojson"]["in_force"] is False
    assert rows[str(download)]["replaces"] == "dk_municipalities_dagi500k.geojson"


# ------------------------------------------------------------------------- fresh clone, plain install
def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DESTINATIONS_DATA_DIR", "PYTHONPATH")}
    return {**env, **extra}


def _status_from(cwd: Path, env: dict[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-m", "destinations.cli", "data", "status", "--json"],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists(),
                    reason="needs git and a clone")
def test_a_fresh_clone_runs_on_its_own_data(tmp_path):
    """Clone into an empty folder (nothing beside it, no DESTINATIONS_DATA_DIR) and ask for the status."""
    clone = tmp_path / "empty" / "destinations"
    clone.parent.mkdir()
    subprocess.run(["git", "clone", "-q", str(PROJECT_ROOT), str(clone)], check=True, timeout=300)
    assert sorted(p.name for p in clone.parent.iterdir()) == ["destinations"]
    status = _status_from(clone, _clean_env(PYTHONPATH=str(clone)))
    assert status["data_dir"] == str((clone / "geodata").resolve())
    assert status["municipalities"] == 98 and status["companies"] == 19
    assert status["manifest"] is True and status["files"] and all(f["ok"] for f in status["files"])
    assert {"path", "sha256", "ok"} <= set(status["files"][0])


def test_a_plain_install_runs_from_any_directory(tmp_path):
    """`pip install .` (here: the built wheel into a target folder) carries the data with it."""
    wheels, target, elsewhere = tmp_path / "wheels", tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(PROJECT_ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "build", "*.egg-info", "__pycache__", ".pytest_cache", "test-results"))
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    wheel = next(wheels.glob("destinations-*.whl"))
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                              str(target), str(wheel)], capture_output=True, text=True, timeout=600)
    assert install.returncode == 0, install.stderr
    status = _status_from(elsewhere, _clean_env(PYTHONPATH=str(target)))
    assert status["data_dir"] == str((target / "destinations" / "geodata").resolve())
    assert status["municipalities"] == 98 and all(f["ok"] for f in status["files"])


# ------------------------------------------------------------- data status validates what it lists
_LISTED = [entry.path for entry in read_manifest(GEODATA) or ()]


def _emptied(path: Path) -> None:
    """Keep the header only (a CSV) or no features (a GeoJSON): a file its loader must refuse."""
    if path.suffix == ".csv":
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    else:
        path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")


@pytest.mark.parametrize("filename", _LISTED)
def test_data_status_fails_naming_an_emptied_file_without_a_manifest(tmp_path, filename, capsys,
                                                                     monkeypatch):
    """An operator's folder has no manifest to catch a damaged file: `data status` runs every
    dataset it lists through the loaders the pages use and exits 2 with one line naming it
    (before, a tourism file that failed to load was listed with rows=0 and status exited 0)."""
    copy = tmp_path / "data"
    shutil.copytree(GEODATA, copy)
    (copy / MANIFEST_FILE).unlink()
    _emptied(copy / filename)
    monkeypatch.setenv("DESTINATIONS_DATA_DIR", str(copy))
    assert main(["data", "status", "--json"]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert captured.out == ""
    assert len(lines) == 1 and filename in lines[0] and "Traceback" not in captured.err


@pytest.mark.parametrize("filename", _LISTED)
def test_data_status_fails_naming_a_truncated_file(checked_copy, filename, capsys, monkeypatch):
    path = checked_copy / filename
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    monkeypatch.setenv("DESTINATIONS_DATA_DIR", str(checked_copy))
    assert main(["data", "status", "--json"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and filename in lines[0] and "truncated" in lines[0]


def test_the_catalogue_lists_modelled_datasets_with_version_and_method(base):
    """Every dataset is a row: official, compiled and modelled (facts model, capacity, travel
    times, flows), each computed one with its method's version and where it is documented; an
    official table read from a re-hosted copy stays official and names the copy; no server path."""
    from destinations.catalog import CatalogEntry, all_datasets
    from destinations.facts import MODEL_VERSION

    rows = {d.name: d for d in all_datasets(base)}
    modelled = [d for d in rows.values() if d.kind is Kind.MODELLED]
    assert {d.name for d in modelled} == {
        "Overnight stays by municipality, month, type and guests",
        "Accommodation capacity by municipality", "Travel times between municipalities",
        "Tourist day-trip flows between municipalities"}
    for d in modelled:
        assert isinstance(d, CatalogEntry) and d.version and d.method
        method = d.method.split(" ")[0]
        assert (PROJECT_ROOT / method).exists(), method
    assert rows["Overnight stays by municipality, month, type and guests"].version == MODEL_VERSION
    eurostat = rows["National monthly overnights"]
    assert eurostat.kind is Kind.OFFICIAL and "github.com/" in eurostat.source  # the copy, named
    assert rows["Holiday dwellings and capacity by municipality"].kind is Kind.OFFICIAL
    assert "Published attraction visitor counts" in rows
    flows = rows["Tourist day-trip flows between municipalities"]
    assert any(c.startswith("network check passed") for c in flows.caveats)
    for d in rows.values():
        assert str(PROJECT_ROOT) not in d.path and not d.path.startswith("/"), d.path
        assert "/root/" not in d.source and "/work/" not in d.source
    assert all(d.rows > 0 for d in rows.values())


def test_the_data_page_gets_the_flow_network_check(base):
    from destinations.catalog import flow_check_table

    check, table = flow_check_table(base)
    assert check.ok and not table.empty
    assert {"from_name", "to_name", "kind", "links", "flow_text", "share"} <= set(table.columns)
    little_belt = table[(table["from_code"] == "410") | (table["to_code"] == "410")]
    assert little_belt["flow"].max() > 0
