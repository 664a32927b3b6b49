"""`destinations narratives list|export|suggest` through `main`: keys, formats, one-line errors."""

from __future__ import annotations

import json

import pytest

from destinations.cli import main
from destinations.narratives.pdf import find_chromium


@pytest.fixture(autouse=True)
def _fresh_store(tmp_path, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DB_URL", f"sqlite:///{tmp_path / 'store.sqlite'}")


def run(capsys, *argv: str) -> dict:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def test_list_keeps_its_keys_and_adds_intro_words_and_media(capsys, settings):
    rows = run(capsys, "narratives", "list", "--json")["narratives"]
    keys = {"id", "title", "title_da", "theme", "origin", "steps", "companies",
            "unaffiliated_municipalities", "effective_splits", "effective_splits_equal",
            "weighting", "intro_words", "has_media"}
    assert all(keys <= set(row) for row in rows)
    viking = next(r for r in rows if r["id"] == "viking-denmark")
    assert viking["weighting"] == "equal" and viking["intro_words"] >= 50
    assert "Destination Fjordlandet" in viking["companies"]


@pytest.mark.parametrize("name, fmt, start", [("story.html", "html", b"<!DOCTYPE html>"),
                                              ("story.json", "json", b"{")])
def test_export_format_from_the_extension(capsys, settings, tmp_path, name, fmt, start):
    target = tmp_path / name
    out = run(capsys, "narratives", "export", "limfjord", "--out", str(target), "--json")
    assert out["format"] == fmt and target.read_bytes().startswith(start)


@pytest.mark.skipif(find_chromium() is None, reason="no Chromium (apt-get install chromium)")
def test_export_pdf(capsys, settings, tmp_path):
    pytest.importorskip("playwright")
    target = tmp_path / "story.pdf"
    out = run(capsys, "narratives", "export", "energy-esbjerg", "--out", str(target), "--lang",
              "da", "--json")
    assert out["format"] == "pdf" and target.read_bytes().startswith(b"%PDF-")
    forced = tmp_path / "story.out"
    assert run(capsys, "narratives", "export", "energy-esbjerg", "--out", str(forced), "--format",
               "pdf", "--json")["format"] == "pdf"
    assert forced.read_bytes().startswith(b"%PDF-")


def test_unknown_story_is_one_line(capsys, settings, tmp_path):
    assert main(["narratives", "export", "atlantis", "--out", str(tmp_path / "x.pdf")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "use one of: wadden-sea" in err


def test_suggest_lists_theme_places_companies_score(capsys, settings):
    out = run(capsys, "narratives", "suggest", "--themes", "viking,royal", "--limit", "3",
              "--json")["suggestions"]
    assert 1 <= len(out) <= 3
    for row in out:
        assert {"theme", "places", "companies", "score"} <= set(row)
        assert row["theme"] in ("viking", "royal") and len(row["companies"]) >= 2
