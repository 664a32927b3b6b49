"""The story page's work: the view in the URL, the story step by step on its map, which companies
a story spans under a scenario (coherence), and the exports.

State lives in namespaced session keys (``stories.*``). The deep link ``?story=…&step=…&scenario=…``
initialises them once per session (validated; a bad value falls back with a message) and is
rewritten after every run, so the URL always reproduces the view. The editor tab lives in
:mod:`destinations.ui.story_editor`.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from destinations import maps
from destinations.data.base import BaseData
from destinations.maps.story_map import step_group, story_base_map
from destinations.narratives import (
    Story,
    coherence_rows,
    cooperation_matrix,
    place_rows,
    resolve_view,
    story_coherence,
    story_html,
    story_json,
)
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.frame import Page, data_errors
from destinations.ui.story_editor import STEP_KEY, STORY_KEY
from destinations.ui.stores import (
    TODAY,
    saved_scenarios,
    saved_stories,
    scenario_options,
    scenario_plan,
)

SCENARIO_KEY = "stories.scenario"


def init_state(stories: list[Story], scenarios: list[str]) -> list[tuple[str, dict]]:
    """Fill the story/step/scenario keys from the URL once; returns (message key, values) for
    values that had to be replaced."""
    notes: list[tuple[str, dict]] = []
    ids = [s.id for s in stories]
    if STORY_KEY not in st.session_state:
        wanted = st.query_params.get("story")
        chosen = wanted if wanted in ids else ids[0]
        if wanted and wanted not in ids:
            notes.append(("stories.bad_story", {"value": wanted, "shown": chosen}))
        st.session_state[STORY_KEY] = chosen
        wanted_step = st.query_params.get("step")
        steps = [s.id for s in stories[ids.index(chosen)].steps]
        if wanted_step and wanted_step not in steps:
            notes.append(("stories.bad_step", {"value": wanted_step}))
        st.session_state[STEP_KEY] = wanted_step if wanted_step in steps else steps[0]
    elif st.session_state[STORY_KEY] not in ids:
        st.session_state[STORY_KEY] = ids[0]
    if SCENARIO_KEY not in st.session_state:
        wanted = st.query_params.get("scenario") or TODAY
        if wanted not in scenarios:
            notes.append(("stories.bad_scenario", {"value": wanted}))
            wanted = TODAY
        st.session_state[SCENARIO_KEY] = wanted
    elif st.session_state[SCENARIO_KEY] not in scenarios:
        st.session_state[SCENARIO_KEY] = TODAY
    return notes


def ensure_step(story: Story) -> str:
    """The current step id, reset to the first step when it is not in ``story``."""
    steps = [s.id for s in story.steps]
    if st.session_state.get(STEP_KEY) not in steps:
        st.session_state[STEP_KEY] = steps[0]
    return st.session_state[STEP_KEY]


def write_query_params(story_id: str, step_id: str, scenario_id: str) -> str:
    """Mirror the view in the URL; returns the query string of the deep link."""
    st.query_params["story"] = story_id
    st.query_params["step"] = step_id
    st.query_params["scenario"] = scenario_id
    return f"?story={story_id}&step={step_id}&scenario={scenario_id}"


def reset_step() -> None:
    """Callback of the story selector: start the new story at its first step."""
    st.session_state.pop(STEP_KEY, None)


def go_step(story: Story, delta: int) -> None:
    """Callback of previous/next."""
    index = story.step_index(st.session_state[STEP_KEY])
    target = min(max(index + delta, 0), len(story.steps) - 1)
    st.session_state[STEP_KEY] = story.steps[target].id


# ------------------------------------------------------------------------------ the view
@dataclass(frozen=True)
class Library:
    """The stories to choose from (built-in, then saved) and the scenarios to read them under."""

    stories: list[Story]
    saved_versions: dict[str, int]
    problems: list[str]
    scenario_names: dict[str, str]

    @property
    def by_id(self) -> dict[str, Story]:
        return {s.id: s for s in self.stories}

    @property
    def scenario_options(self) -> list[str]:
        return scenario_options(self.scenario_names)


def library() -> Library:
    builtins = list(data.builtin_stories())
    saved, versions, problems = saved_stories()
    ids = {s.id for s in builtins}
    return Library(builtins + [s for s in saved if s.id not in ids], versions, problems,
                   saved_scenarios())


@dataclass(frozen=True)
class StoryView:
    """The chosen story under the chosen scenario: its plan, coherence and deep link."""

    page: Page
    base: BaseData
    story: Story
    step_id: str
    scenario_id: str
    assignment: dict
    names: dict
    coherence: object
    link: str

    @property
    def unaffiliated(self) -> str:
        return self.page.t("stories.unaffiliated")


def story_view(page: Page, base: BaseData, story: Story) -> StoryView:
    """The view of the choices in the session; mirrors them into the URL (a share link)."""
    step_id = ensure_step(story)
    scenario_id = st.session_state[SCENARIO_KEY]
    with data_errors(page):
        assignment, names = scenario_plan(scenario_id)
        coherence = story_coherence(story, base, assignment)
    return StoryView(page, base, story, step_id, scenario_id, assignment, names, coherence,
                     write_query_params(story.id, step_id, scenario_id))


def story_label(page: Page, story: Story) -> str:
    origin = "stories.builtin" if story.origin == "builtin" else "stories.saved"
    return f"{story.title.get(page.lang)} · " + page.t(origin)


def scenario_label(page: Page, names: dict[str, str], scenario_id: str) -> str:
    return page.t("stories.scenario.today") if scenario_id == TODAY else names.get(scenario_id,
                                                                                    scenario_id)


def step_label(page: Page, story: Story, step_id: str) -> str:
    return f"{story.step_index(step_id) + 1}. {story.step(step_id).title.get(page.lang)}"


# ------------------------------------------------------------------------------ the story tab
def step_text(view: StoryView) -> None:
    """The step's title, text and places (with their company under the scenario)."""
    page, story, lang = view.page, view.story, view.page.lang
    step = story.step(st.session_state[STEP_KEY])
    st.caption(page.t("stories.step.of", n=story.step_index(step.id) + 1, total=len(story.steps)))
    if story.intro.get(lang):
        with st.expander(page.t("stories.about")):
            st.text(story.intro.get(lang))
    st.subheader(md(step.title.get(lang)))
    st.text(step.body.get(lang))
    facts = step.fact_lines(lang)
    if facts:
        # The data notes (figures with source and year, gaps, estimates) stay apart from the prose.
        st.markdown(f"**{page.t('stories.facts')}**")
        st.text("\n".join(facts))
    if story.origin == "builtin":
        st.caption(page.t("stories.draft_note"))
    st.markdown(f"**{page.t('stories.places')}**")
    rows = place_rows(step, view.base, view.assignment, view.names,
                      unaffiliated_label=view.unaffiliated, gap_label=page.t("gap"))
    st.dataframe(pd.DataFrame(rows).rename(columns={
        "place": page.t("stories.col.place"), "municipality": page.t("stories.col.municipality"),
        "company": page.t("stories.col.company"), "visitors": page.t("stories.col.visitors")}),
        hide_index=True, width="stretch")
    st.caption(page.t("stories.link"))
    st.code(view.link, language=None)


def step_map(view: StoryView, *, tiles: bool) -> None:
    """The story's map (companies, path, places) centred on the step, the step's places on top."""
    page, base, story = view.page, view.base, view.story
    step = story.step(st.session_state[STEP_KEY])
    colours = maps.company_colours(view.assignment, base.graph)
    fill_json, border_json = data.layers_for(view.assignment, view.names, view.unaffiliated)
    fmap = story_base_map(base, story, fill_json=fill_json, border_json=border_json,
                          colours=colours, layers=step.layers, tiles=tiles,
                          labels={"municipalities": page.t("stories.map.municipalities"),
                                  "borders": page.t("stories.map.borders"),
                                  "path": page.t("stories.map.path"),
                                  "places": page.t("stories.map.places")})
    spot = resolve_view(step, base)
    st_folium(fmap, key="stories.map", height=600, use_container_width=True,
              center=spot.center, zoom=spot.zoom,
              feature_group_to_add=step_group(base, story, step.id, fill_json=fill_json,
                                              label=page.t("stories.map.step")),
              returned_objects=[])
    st.caption(page.t("stories.map.legend"))


# ------------------------------------------------------------------------------ coherence
def _two_decimals(value: float, lang: str) -> str:
    text = "–" if value != value else f"{value:.2f}"
    return text.replace(".", ",") if lang == "da" else text


def coherence_tab(view: StoryView, stories: list[Story]) -> None:
    """Which companies the story spans and who must cooperate; all stories' shared companies."""
    page, base, coherence, names = view.page, view.base, view.coherence, view.names
    lang = page.lang
    st.subheader(page.t("stories.coh.heading"))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(page.t("stories.coh.companies"), len(coherence.companies))
    c2.metric(page.t("stories.coh.es"), _two_decimals(coherence.effective_splits, lang))
    c3.metric(page.t("stories.coh.es_equal"), _two_decimals(coherence.effective_splits_equal, lang))
    c4.metric(page.t("stories.coh.visitors_known"),
              f"{coherence.places_with_visitors} / {len(coherence.places)}")
    if coherence.must_cooperate:
        st.markdown(f"**{page.t('stories.coh.cooperate')}:** "
                    + ", ".join(md(names.get(c, c)) for c in coherence.must_cooperate))
    elif coherence.companies:
        st.info(page.t("stories.coh.one_company"))
    if coherence.unaffiliated_codes:
        st.warning(page.t("stories.coh.unaffiliated", names=", ".join(
            base.municipality_name(c) for c in coherence.unaffiliated_codes)))
    share_rows = coherence_rows(coherence, view.story, names, unaffiliated_label=view.unaffiliated)
    st.dataframe(pd.DataFrame([{
        page.t("stories.col.company"): r["company"],
        page.t("stories.col.share"): f"{r['share'] * 100:.1f} %",
        page.t("stories.col.places"): r["places"],
        page.t("stories.col.steps"): ", ".join(map(str, r["steps"])),
    } for r in share_rows]), hide_index=True, width="stretch")
    st.caption(page.t("stories.coh.method"))

    st.subheader(page.t("stories.matrix.heading"))
    matrix = cooperation_matrix(story_coherence(s, base, view.assignment) for s in stories)
    if not matrix.companies:
        st.info(page.t("stories.matrix.empty"))
        return
    st.altair_chart(cooperation_chart(
        matrix.to_records(names), {s.id: s.title.get(lang) for s in stories},
        labels={"company_a": page.t("stories.matrix.company_a"),
                "company_b": page.t("stories.matrix.company_b"),
                "stories": page.t("stories.matrix.stories"),
                "titles": page.t("stories.matrix.titles")}), key="stories.matrix",
        width="content")
    st.caption(page.t("stories.matrix.caption"))


# ------------------------------------------------------------------------------ export
def export_tab(view: StoryView) -> None:
    """The story as a self-contained HTML page (under the scenario) and as JSON."""
    page, story = view.page, view.story
    st.caption(page.t("stories.export.intro"))
    # Built only when clicked: the page draws its maps as inline SVG (a few tenths of a second).
    st.download_button(page.t("stories.export.html"),
                       data=lambda: story_html(story, view.base, lang=page.lang,
                                               assignment=view.assignment, labels=view.names),
                       file_name=f"{story.id}.html", mime="text/html", key="stories.export.html",
                       on_click="ignore")
    st.download_button(page.t("stories.export.json"), data=story_json(story),
                       file_name=f"{story.id}.json", mime="application/json",
                       key="stories.export.json", on_click="ignore")


def cooperation_chart(records: list[dict], titles: dict[str, str], *, labels: dict[str, str]
                      ) -> alt.Chart:
    """Heatmap company × company of shared stories, with the story titles in the tooltip."""
    frame = pd.DataFrame([{**r, "titles": ", ".join(titles.get(i, i) for i in r["story_ids"])}
                          for r in records])
    order = list(dict.fromkeys(frame["company_a"]))
    base = alt.Chart(frame).encode(
        x=alt.X("company_b:N", sort=order, title=labels["company_b"],
                axis=alt.Axis(labelAngle=-45, labelLimit=200, labelOverlap=False)),
        y=alt.Y("company_a:N", sort=order, title=labels["company_a"],
                axis=alt.Axis(labelLimit=200, labelOverlap=False)),
    )
    cells = base.mark_rect().encode(
        color=alt.condition(alt.datum.stories > 0,
                            alt.Color("stories:Q", title=labels["stories"],
                                      scale=alt.Scale(scheme="blues")),
                            alt.value("#f4f4f4")),
        tooltip=[alt.Tooltip("company_a:N", title=labels["company_a"]),
                 alt.Tooltip("company_b:N", title=labels["company_b"]),
                 alt.Tooltip("stories:Q", title=labels["stories"]),
                 alt.Tooltip("titles:N", title=labels["titles"])],
    )
    text = base.mark_text(fontSize=11).encode(
        text=alt.condition(alt.datum.stories > 0, alt.Text("stories:Q"), alt.value("")),
        color=alt.condition(alt.datum.stories > 2, alt.value("white"), alt.value("black")),
    )
    # A fixed cell size keeps every company label readable (no overlap hiding).
    return (cells + text).properties(width=alt.Step(26), height=alt.Step(22))
