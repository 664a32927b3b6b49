"""Facts boxes drawn from the data: months, numbers, sources, gaps and distances, one per line."""

from __future__ import annotations

from dataclasses import replace

from destinations.narratives import LocalText, Step, draft_step_facts
from destinations.narratives.templates import format_int, format_km, months_text, visitors_source


def test_months_runs_and_new_year_wrap():
    assert months_text((3, 4, 5), "en") == "Open March–May."
    assert months_text((11, 12, 1, 2), "en") == "Open November–February."
    assert months_text((3, 4, 9, 10), "da") == "Åbent marts–april og september–oktober."
    assert months_text(tuple(range(1, 13)), "en") == "Open all year."
    assert months_text((), "en") == "Season not stated."
    assert months_text((), "da") == "Sæson ikke oplyst."


def test_number_formats_per_language():
    assert format_int(4_031_000, "en") == "4,031,000"
    assert format_int(4_031_000, "da") == "4.031.000"
    assert format_km(8.04, "da") == "8,0 km"
    assert format_km(43.4, "en") == "43 km"


def test_visitor_source_stops_at_top_level_semicolon():
    source = "visitors: DST 2019 (a; b) rounded; coords: Wikipedia"
    assert visitors_source(source) == "DST 2019 (a; b) rounded"
    assert visitors_source("coords: x") is None


def _step(ident: str) -> Step:
    return Step(id=ident, title=LocalText(ident, ident), body=LocalText("", ""),
                attractions=(ident,))


def test_known_visitors_are_stated_with_year_and_source(base):
    text = draft_step_facts(_step("tivoli-gardens"), base)
    assert "Visitors: 4,031,000 in 2023 (source: Tivoli annual report" in text.en
    assert "Besøgstal: 4.031.000 i 2023" in text.da
    assert "Open March–December." in text.en


def test_missing_visitors_and_season_are_gaps_not_guesses(base):
    trelleborg = base.attraction_by_id["trelleborg-viking-ring-fortress-unesco"]
    assert trelleborg.visitors is None and not trelleborg.open_months
    text = draft_step_facts(_step(trelleborg.id), base)
    assert "Visitors: not published in the sources used." in text.en.splitlines()
    assert "Season not stated." in text.en.splitlines()
    assert "Besøgstal: ikke offentliggjort i de anvendte kilder." in text.da.splitlines()


def test_distance_from_previous_step_is_labelled_estimated(base):
    previous, step = _step("kronborg-slot"), _step("fredensborg-slot-slotshave")
    text = draft_step_facts(step, base, previous=previous)
    assert "From the previous step: 15 km in a straight line; about" in text.en
    assert "estimated from the travel graph" in text.en
    assert "anslået ud fra rejsegrafen" in text.da


def test_ferry_route_is_named(base):
    text = draft_step_facts(_step("hammershus"), base, previous=_step("tivoli-gardens"))
    assert "by road and ferry" in text.en


def test_same_municipality_has_no_travel_time(base):
    text = draft_step_facts(_step("rosenborg-slot"), base, previous=_step("christiansborg-slot"))
    assert "in the same municipality." in text.en
    assert "minutes" not in text.en


def test_municipality_only_step(base):
    step = replace(_step("x"), attractions=(), municipalities=("400",))
    assert draft_step_facts(step, base).en == "Bornholm Municipality."


def test_one_fact_per_line_and_cited_facts_before_the_travel_line(base):
    cited = (LocalText("Fact with its source (x.csv).", "Faktum med kilde (x.csv)."),)
    text = draft_step_facts(_step("hammershus"), base, previous=_step("tivoli-gardens"),
                            cited=cited)
    lines = text.en.splitlines()
    assert lines[0] == "Hammershus: heritage site in Bornholm Municipality."
    assert lines[-2] == "Fact with its source (x.csv)."
    assert lines[-1].startswith("From the previous step:")
    assert len(text.da.splitlines()) == len(lines)
