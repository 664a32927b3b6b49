"""The CLI of collaboration: users, proposals, audit; acting as --as / DESTINATIONS_USER."""

from __future__ import annotations

import json

import pytest

from destinations.cli import main


@pytest.fixture
def cli(tmp_path, monkeypatch, settings):
    monkeypatch.setenv("DESTINATIONS_DB_URL", f"sqlite:///{tmp_path / 'cli.sqlite'}")
    monkeypatch.setenv("DESTINATIONS_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("DESTINATIONS_USER", raising=False)

    def run(*argv, capsys=None):
        return main([str(a) for a in argv])

    return run


def _json(capsys):
    out = capsys.readouterr().out
    return json.loads(out)


def test_first_strategist_then_roles_and_refusals(cli, capsys, monkeypatch):
    assert cli("users", "add", "sofie@s.dk", "--role", "strategist", "--json") == 0
    assert _json(capsys)["member"]["updated_by"] == "local"
    assert cli("users", "add", "anna@a.dk", "--role", "editor", "--company", "wonderful-copenhagen",
               "--as", "sofie@s.dk") == 0
    capsys.readouterr()
    assert cli("users", "add", "x@x.dk", "--role", "viewer", "--as", "anna@a.dk") == 2
    assert "only strategists add" in capsys.readouterr().err
    monkeypatch.setenv("DESTINATIONS_USER", "nobody@x.dk")
    assert cli("users", "list", "--json") == 2
    assert "only members see the member list" in capsys.readouterr().err
    assert cli("users", "add", "y@y.dk", "--role", "editor", "--company", "no-such",
               "--as", "sofie@s.dk") == 2
    assert "Unknown company id 'no-such'" in capsys.readouterr().err
    monkeypatch.setenv("DESTINATIONS_USER", "sofie@s.dk")
    assert cli("users", "remove", "anna@a.dk", "--json") == 0
    capsys.readouterr()
    assert cli("users", "list", "--all", "--json") == 0
    listed = {m["email"]: m["active"] for m in _json(capsys)["members"]}
    assert listed == {"anna@a.dk": False, "sofie@s.dk": True}


def test_proposal_round_trip_and_audit_json(cli, capsys, tmp_path):
    cli("users", "add", "sofie@s.dk", "--role", "strategist")
    cli("users", "add", "anna@a.dk", "--role", "editor", "--company", "wonderful-copenhagen")
    cli("users", "add", "bo@b.dk", "--role", "editor", "--company", "visitnordsjaelland")
    capsys.readouterr()
    assert cli("proposals", "propose", "Destination companies today", "--move",
               "173=visitnordsjaelland", "--reason", "=cmd|' /C calc'!A0 <b>x</b>",
               "--as", "anna@a.dk", "--json") == 0
    drafted = _json(capsys)
    assert drafted["state"] == "open" and drafted["waiting_for"] == ["VisitNordsjælland"]
    assert cli("proposals", "list", "--json", "--as", "bo@b.dk", "--inbox") == 0
    assert [p["id"] for p in _json(capsys)["proposals"]] == [drafted["id"]]
    assert cli("proposals", "consent", drafted["id"], "--as", "bo@b.dk") == 0
    assert cli("proposals", "apply", drafted["id"], "--as", "bo@b.dk") == 2
    assert "only strategists apply" in capsys.readouterr().err
    assert cli("proposals", "apply", drafted["id"], "--as", "sofie@s.dk", "--json") == 0
    assert _json(capsys)["version"] == 2
    assert cli("proposals", "list", "--json") == 0
    (row,) = _json(capsys)["proposals"]
    assert set(row) >= {"id", "scenario", "state", "author", "companies", "consents"}
    assert row["state"] == "applied" and len(row["consents"]) == 2
    out = tmp_path / "audit.csv"
    assert cli("audit", "Destination companies today", "--json", "--csv", out,
               "--as", "anna@a.dk") == 0
    trail = _json(capsys)
    assert [e["action"] for e in trail] == ["seed", "proposal.create", "proposal.consent",
                                            "proposal.apply"]
    assert all(set(e) >= {"when", "who", "action", "detail"} for e in trail)
    text = out.read_text(encoding="utf-8")
    assert "<b>x</b>" in text  # markup kept as text
    assert ",=cmd" not in text and "'=cmd" not in text.split("reason: ")[0]
