"""`destinations scenario import PLAN.csv --name NAME`: the page's importer, saved into the store."""

from __future__ import annotations

import json

import pytest

from destinations.cli import main
from destinations.scenarios.io import MunicipalityIndex, plan_csv
from destinations.store import ScenarioStore


@pytest.fixture
def db(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    return url


@pytest.fixture
def plan_file(tmp_path, base, today):
    path = tmp_path / "plan.csv"
    path.write_bytes(plan_csv(today.move("101", None), MunicipalityIndex.from_base(base)))
    return path


def run(capsys, *argv: str) -> tuple[int, dict | None, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    document = json.loads(captured.out) if "--json" in argv and captured.out.strip() else None
    return code, document, captured.err.strip()


def test_import_saves_the_plan_under_its_name(capsys, db, base, plan_file, today):
    code, out, _ = run(capsys, "scenario", "import", str(plan_file), "--name", "Vest først", "--json")
    assert code == 0 and out["version"] == 1 and out["companies"] == 19
    saved = ScenarioStore(db, codes=base.codes).find("vest først").scenario
    assert saved.name == "Vest først" and saved.assignment == today.move("101", None).assignment


def test_import_reports_unlisted_municipalities(capsys, db, tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("kommune_code;company\n101;Hovedstaden\n", encoding="utf-8")
    code, out, _ = run(capsys, "scenario", "import", str(path), "--name", "Kort", "--json")
    assert code == 0 and len(out["unlisted_municipalities"]) == 97


@pytest.mark.parametrize("content, expected", [
    ("kommune_code,company\n9999,X\n", "unknown municipality code"),
    ("kode\n101\n", "needs a 'kommune_code'"),
    ("", "is empty"),
])
def test_bad_files_exit_2_with_one_line_and_save_nothing(capsys, db, base, tmp_path, content,
                                                         expected):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "scenario", "import", str(path), "--name", "Bad", "--json")
    assert code == 2 and expected in err and len(err.splitlines()) == 1
    assert ScenarioStore(db, codes=base.codes).list() == []


def test_missing_file_exits_2(capsys, db, tmp_path):
    code, _, err = run(capsys, "scenario", "import", str(tmp_path / "none.csv"), "--name", "X")
    assert code == 2 and "file not found" in err


@pytest.mark.parametrize("name", ["", "x" * 300, "Destination companies today"])
def test_bad_names_exit_2(capsys, db, base, plan_file, name):
    code, _, err = run(capsys, "scenario", "import", str(plan_file), "--name", name)
    assert code == 2 and len(err.splitlines()) == 1
    assert ScenarioStore(db, codes=base.codes).list() == []


def test_a_taken_name_is_refused(capsys, db, base, plan_file):
    assert run(capsys, "scenario", "import", str(plan_file), "--name", "Plan A")[0] == 0
    code, _, err = run(capsys, "scenario", "import", str(plan_file), "--name", "plan  a")
    assert code == 2 and "already called" in err
    assert len(ScenarioStore(db, codes=base.codes).list()) == 1


def test_unreachable_store_exits_2_without_the_address(capsys, monkeypatch, plan_file):
    monkeypatch.setenv("DESTINATIONS_DB_URL", "postgresql+psycopg://planner:secret@127.0.0.1:1/x")
    code, _, err = run(capsys, "scenario", "import", str(plan_file), "--name", "X")
    assert code == 2 and "not reachable" in err
    assert "127.0.0.1" not in err and "secret" not in err and len(err.splitlines()) == 1
