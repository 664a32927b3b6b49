"""`destinations data status --json` and the CLI's handling of bad input."""

from __future__ import annotations

import json
import subprocess
import sys

from destinations.cli import main


def test_data_status_json(capsys, settings):
    assert main(["data", "status", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["municipalities"] == 98
    assert payload["regions"] == 5
    assert payload["companies"] == 19
    assert len(payload["unaffiliated_municipalities"]) == 9
    graph = payload["travel_graph"]
    assert graph["nodes"] == 98 and graph["components"] == 1 and graph["edges"] > 150
    assert graph["fixed_links"] >= 25
    assert payload["attractions"]["rows"] == 193
    assert payload["attractions"]["loaded"] + payload["attractions"]["rejected"] == 193
    assert 0 < payload["map_payload_bytes"] <= 350_000
    names = {d["name"] for d in payload["datasets"]}
    assert {"Municipal boundaries", "Destination companies today", "Attractions (reasons-to-go)"} <= names
    assert all({"name", "source", "kind", "rows", "year"} <= set(d) for d in payload["datasets"])


def test_missing_data_exits_2_with_one_line(tmp_path):
    env = {"DESTINATIONS_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-m", "destinations.cli", "data", "status", "--json"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "file not found" in lines[0] and "Traceback" not in proc.stderr


def test_unknown_command_exits_2(capsys):
    try:
        main(["data", "nonsense"])
    except SystemExit as exc:
        assert exc.code == 2
    assert "invalid choice" in capsys.readouterr().err
