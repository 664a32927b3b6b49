"""Built-in stories: real places only, prose in both languages without data notes, facts boxes from
the data, every figure traceable to the data files, cross-company where they claim to be."""

from __future__ import annotations

import csv
import re
from dataclasses import replace

import pytest

from destinations.narratives import (
    BUILTIN_SPECS,
    DATA_NOTE_PHRASES,
    NarrativeError,
    story_coherence,
    today_assignment,
    validate_story,
)
from destinations.narratives.builtin import build_story
from destinations.narratives.builtin_texts import StepSpec
from destinations.settings import PROJECT_ROOT

REQUIRED = {"bornholm", "wadden-sea", "copenhagen", "north-sea-coast", "aarhus-knowledge-culture",
            "energy-esbjerg", "robots-odense", "copenhagen-conferences", "viking-denmark",
            "royal-castles", "limfjord", "hc-andersen"}
FUNEN = {"410", "420", "430", "440", "450", "461", "479", "480", "482", "492"}
DATA_FILES = ("attractions.csv", "attraction_visitors.csv", "fixed_links.csv")
NUMBER = re.compile(r"\d[\d.,]*\d|\d")


def _sentences(text: str) -> int:
    # Initials ("H.C.", "B.S.") are not sentence ends.
    plain = re.sub(r"\b([A-ZÆØÅ])\.(?=[A-ZÆØÅ]?\.?\s?[A-ZÆØÅ])", r"\1", text)
    return len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9'])", plain.strip()) if s])


def _numbers(text: str) -> set[str]:
    return {re.sub(r"[.,]", "", n).lstrip("0") or "0" for n in NUMBER.findall(text)}


@pytest.fixture(scope="module")
def data_numbers():
    """Every figure written in a cell of the three data files (cell by cell: the CSV commas must
    not glue neighbouring numbers together)."""
    numbers: set[str] = set()
    for name in DATA_FILES:
        with (PROJECT_ROOT / "geodata" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    numbers |= _numbers(cell)
    return numbers


def test_required_builtins_with_unique_ids(stories):
    ids = [s.id for s in stories]
    assert len(ids) == len(set(ids))
    assert REQUIRED <= set(ids)


def test_every_story_has_an_introduction_and_prose_in_both_languages(stories, base):
    for story in stories:
        validate_story(story, base)
        assert len(story.steps) >= 4, story.id
        for lang in ("en", "da"):
            intro = story.intro.get(lang)
            assert 50 <= len(intro.split()) <= 160, (story.id, lang)
            for step in story.steps:
                body = step.body.get(lang)
                assert 2 <= _sentences(body) <= 4, (story.id, step.id, lang, body)
        assert story.title.en != story.title.da or story.id == "bornholm"


def test_no_data_notes_in_the_prose(stories):
    for story in stories:
        for lang in ("en", "da"):
            texts = [story.title.get(lang), story.intro.get(lang)]
            texts += [step.body.get(lang) for step in story.steps]
            texts += [step.title.get(lang) for step in story.steps]
            for text in texts:
                lowered = text.lower()
                assert not [p for p in DATA_NOTE_PHRASES if p in lowered], (story.id, lang, text)


def test_facts_box_holds_the_data_notes(stories, base):
    for story in stories:
        for number, step in enumerate(story.steps):
            en, da = step.fact_lines("en"), step.fact_lines("da")
            assert en and len(en) == len(da), (story.id, step.id)
            for ident in step.attractions:
                attraction = base.attraction_by_id[ident]
                assert any(line.startswith(f"{attraction.name}:") for line in en)
                if attraction.visitors is None:
                    assert "Visitors: not published in the sources used." in en
                if attraction.coords_approx:
                    assert "Map position approximate." in en
                    assert "Placeringen på kortet er omtrentlig." in da
            if number:
                assert any(line.startswith("From the previous step:") for line in en)


def test_every_figure_in_the_texts_is_in_the_data_files(data_numbers):
    """No invented numbers: each figure of a title, introduction, body or cited fact appears in
    attractions.csv, attraction_visitors.csv or fixed_links.csv."""
    for spec in BUILTIN_SPECS:
        texts = [spec.title.en, spec.title.da, spec.intro.en, spec.intro.da]
        for item in spec.steps:
            texts += [item.title.en, item.title.da, item.body.en, item.body.da]
            texts += [c.en for c in item.cites] + [c.da for c in item.cites]
        for text in texts:
            unknown = _numbers(text) - data_numbers
            assert not unknown, (spec.id, unknown, text)


def test_figures_in_the_prose_are_cited(stories):
    """A figure in a step's prose appears in that step's facts box too (with its source)."""
    for story in stories:
        for step in story.steps:
            for lang in ("en", "da"):
                facts = _numbers(step.facts.get(lang))
                prose = _numbers(step.body.get(lang))
                assert prose <= facts, (story.id, step.id, lang, prose - facts)


def test_hc_andersen_starts_in_his_odense_and_leaves_funen(stories, base):
    story = next(s for s in stories if s.id == "hc-andersen")
    first = story.steps[0]
    assert first.attractions == ("h-c-andersens-hus",)
    assert base.attraction_by_id["h-c-andersens-hus"].kommune_code == "461"
    later = {base.attraction_by_id[a].kommune_code for s in story.steps[1:] for a in s.attractions}
    later |= {c for s in story.steps[1:] for c in s.municipalities}
    assert not later & FUNEN, "after Odense the story follows Andersen, not Funen's other sights"
    andersen_places = {a.id for a in base.attractions if "hans-christian-andersen" in a.themes}
    assert andersen_places <= set(story.attraction_ids)


def test_cross_company_stories_span_companies(stories, base):
    assignment = today_assignment(base)
    spans = {s.id: story_coherence(s, base, assignment).companies for s in stories}
    assert len(spans["viking-denmark"]) >= 8
    assert len(spans["royal-castles"]) >= 6
    assert len(spans["limfjord"]) >= 4
    assert len(spans["hc-andersen"]) == 3
    assert len(spans["wadden-sea"]) == 3
    assert spans["bornholm"] == ("destination-bornholm",)


def test_builtins_are_deterministic(stories, base):
    from destinations.narratives import builtin_narratives

    assert builtin_narratives(base) == stories


def test_a_missing_place_names_the_story_and_step(base):
    spec = BUILTIN_SPECS[0]
    broken = replace(spec, steps=(spec.steps[0], replace(spec.steps[1], attractions=("atlantis",))))
    with pytest.raises(NarrativeError, match=r"'wadden-sea'.*step 2 .*\['atlantis'\]"):
        build_story(broken, base)


def test_step_ids_default_to_the_first_place(stories):
    bornholm = next(s for s in stories if s.id == "bornholm")
    assert [s.id for s in bornholm.steps][:2] == ["hammershus",
                                                  "helligdomsklipperne-bornholms-kunstmuseum"]
    assert bornholm.steps[5].id == "svaneke"
    hca = next(s for s in stories if s.id == "hc-andersen")
    assert hca.steps[1].id == "slagelse" and hca.steps[1].municipalities == ("330",)
    assert isinstance(BUILTIN_SPECS[0].steps[0], StepSpec)
