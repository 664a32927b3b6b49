"""Streamlit glue of the story page: caches, stores, deep-link state and editor callbacks.

State lives in namespaced session keys (``stories.*``). The deep link ``?story=…&step=…&scenario=…``
initialises them once per session (validated; a bad value falls back with a message) and is
rewritten after every run, so the URL always reproduces the view. Editor actions are callbacks that
replace the draft :class:`~destinations.narratives.Story` with the result of a pure function from
:mod:`destinations.narratives.editor`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from destinations.errors import DestinationsError
from destinations.narratives import (
    LocalText,
    NarrativeError,
    Story,
    builtin_narratives,
    parse_story,
)
from destinations.narratives import editor
from destinations.store.stories import StoryStore
from destinations.settings import load_settings
from destinations.ui import data

STORY_KEY = "stories.story"
STEP_KEY = "stories.step"
SCENARIO_KEY = "stories.scenario"
DRAFT_KEY = "stories.draft"
DRAFT_VERSION_KEY = "stories.draft_version"
EDIT_STEP_KEY = "stories.edit.step"
MESSAGE_KEY = "stories.message"
TODAY = "today"
#: Widget keys of the step form, filled from the draft whenever the edited step changes.
STEP_FIELDS = ("title_en", "title_da", "body_en", "body_da", "attractions", "municipalities")
META_FIELDS = ("meta_title_en", "meta_title_da", "meta_theme")

_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:=")


def md(text: object) -> str:
    """Text made inert for ``st.markdown``: Markdown, HTML, colour/emoji directives and LaTeX
    characters are backslash-escaped so they show as typed."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))


# ---------------------------------------------------------------------------------------- caches
@st.cache_resource(show_spinner=False)
def builtin_stories() -> tuple[Story, ...]:
    """The built-in stories (drafted from the data once per process)."""
    return builtin_narratives(data.base())


@st.cache_resource(show_spinner=False)
def _stores(url: str) -> tuple[Any, Any, str]:
    """(story store, scenario store, error message) for a database URL; stores None on failure."""
    from destinations.store import DocumentStore, ScenarioStore

    try:
        documents = DocumentStore(url)
    except DestinationsError as exc:
        return None, None, str(exc)
    base = data.base()
    return StoryStore(documents, base=base), ScenarioStore(documents, codes=base.codes), ""


def stores() -> tuple[StoryStore | None, Any, str]:
    """The story store, the scenario store and an error text ('' when both are available)."""
    return _stores(load_settings().db_url)


def saved_stories() -> tuple[list[Story], dict[str, int], list[str]]:
    """Saved user stories (latest versions), their version numbers and load problems."""
    story_store, _, error = stores()
    if story_store is None:
        return [], {}, []
    try:
        saved, problems = story_store.load_all()
    except DestinationsError as exc:
        return [], {}, [str(exc)]
    return [s.story for s in saved], {s.story.id: s.version for s in saved}, problems


def saved_scenarios() -> dict[str, str]:
    """Saved scenario id -> name (empty when the store is unavailable)."""
    _, scenario_store, _ = stores()
    if scenario_store is None:
        return {}
    try:
        return {head.key: head.name for head in scenario_store.list()}
    except DestinationsError:
        return {}


def scenario_plan(scenario_id: str) -> tuple[dict[str, str | None], dict[str, str]]:
    """(assignment code -> company id, company id -> name) of ``today`` or a saved scenario."""
    base = data.base()
    if scenario_id == TODAY:
        return dict(base.today_assignment), dict(base.today_company_names)
    _, scenario_store, _ = stores()
    saved = scenario_store.load(scenario_id)
    return saved.scenario.assignment, saved.scenario.names


# ------------------------------------------------------------------------------ deep-link state
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


# -------------------------------------------------------------------------------------- editor
def draft() -> Story | None:
    return st.session_state.get(DRAFT_KEY)


def _set_draft(story: Story | None, *, version: int | None = None, keep_version: bool = False,
               step_index: int | None = None) -> None:
    st.session_state[DRAFT_KEY] = story
    if not keep_version:
        st.session_state[DRAFT_VERSION_KEY] = version
    if story is None:
        return
    index = 0 if step_index is None else min(max(step_index, 0), len(story.steps) - 1)
    st.session_state[EDIT_STEP_KEY] = index
    load_fields()


def load_fields() -> None:
    """Copy the draft's title and the edited step into the form widgets' keys."""
    story = draft()
    if story is None:
        return
    index = st.session_state.get(EDIT_STEP_KEY, 0)
    index = min(max(index, 0), len(story.steps) - 1)
    st.session_state[EDIT_STEP_KEY] = index
    step = story.steps[index]
    values = {
        "meta_title_en": story.title.en, "meta_title_da": story.title.da, "meta_theme": story.theme,
        "title_en": step.title.en, "title_da": step.title.da,
        "body_en": step.body.en, "body_da": step.body.da,
        "attractions": list(step.attractions), "municipalities": list(step.municipalities),
    }
    for name, value in values.items():
        st.session_state[f"stories.edit.{name}"] = value


def _report(exc: DestinationsError) -> None:
    st.session_state[MESSAGE_KEY] = ("error", str(exc))


def start_edit(story: Story, version: int | None, existing_ids: list[str]) -> None:
    """Callback: a saved user story is edited in place; a built-in as a copy under a new id."""
    if story.origin == "user" and version is not None:
        _set_draft(story, version=version)
    else:
        _set_draft(editor.copy_story(story, existing_ids), version=None)


def create_story(existing_ids: list[str]) -> None:
    """Callback of "Create draft": a new story from the picked attractions."""
    title = LocalText(st.session_state.get("stories.new.title_en", "").strip(),
                      st.session_state.get("stories.new.title_da", "").strip())
    if not title.en and not title.da:
        title = LocalText("New story", "Ny fortælling")
    title = LocalText(title.en or title.da, title.da or title.en)
    try:
        story = editor.new_story(data.base(), title,
                                 st.session_state.get("stories.new.attractions") or [],
                                 existing_ids=existing_ids)
    except DestinationsError as exc:
        _report(exc)
        return
    _set_draft(story, version=None)


def open_upload(content: bytes, name: str, existing_ids: list[str]) -> str | None:
    """Parse an uploaded story; returns an error text, or None when it became the draft."""
    try:
        story = parse_story(content, base=data.base(), where=name)
    except NarrativeError as exc:
        return str(exc)
    if story.origin != "user":
        story = editor.copy_story(story, existing_ids)
    _set_draft(story, version=None)
    return None


def select_edit_step() -> None:
    """Callback of the step-to-edit selector."""
    load_fields()


def apply_meta() -> None:
    story = draft()
    title = LocalText(st.session_state["stories.edit.meta_title_en"],
                      st.session_state["stories.edit.meta_title_da"])
    theme = editor.slug(st.session_state["stories.edit.meta_theme"], fallback="custom")
    _set_draft(replace(story, title=title, theme=theme), keep_version=True,
               step_index=st.session_state.get(EDIT_STEP_KEY, 0))


def apply_step() -> None:
    """Callback of the step form: write the fields into the draft's edited step."""
    story = draft()
    index = st.session_state[EDIT_STEP_KEY]
    s = st.session_state
    step = replace(story.steps[index],
                   title=LocalText(s["stories.edit.title_en"], s["stories.edit.title_da"]),
                   body=LocalText(s["stories.edit.body_en"], s["stories.edit.body_da"]),
                   attractions=tuple(s["stories.edit.attractions"]),
                   municipalities=tuple(s["stories.edit.municipalities"]))
    _set_draft(editor.replace_step(story, index, step), keep_version=True, step_index=index)


def edit_structure(action: str) -> None:
    """Callback of move up/down, delete and redraft on the edited step."""
    story = draft()
    index = st.session_state[EDIT_STEP_KEY]
    try:
        if action == "up":
            story, index = editor.move_step(story, index, -1), max(index - 1, 0)
        elif action == "down":
            story, index = editor.move_step(story, index, 1), min(index + 1, len(story.steps) - 1)
        elif action == "delete":
            story = editor.remove_step(story, index)
        elif action == "redraft":
            story = editor.redraft_step(story, index, data.base())
    except DestinationsError as exc:
        _report(exc)
        return
    _set_draft(story, keep_version=True, step_index=index)


def add_step() -> None:
    """Callback: append a step for the picked places after the edited step."""
    story = draft()
    picks = st.session_state.get("stories.edit.add_places") or []
    index = st.session_state.get(EDIT_STEP_KEY, len(story.steps) - 1)
    try:
        step = editor.new_step(data.base(), picks, previous=story.steps[index],
                               existing_ids=[s.id for s in story.steps])
        story = editor.insert_step(story, step, index=index + 1)
    except DestinationsError as exc:
        _report(exc)
        return
    st.session_state["stories.edit.add_places"] = []
    _set_draft(story, keep_version=True, step_index=index + 1)


def save_draft() -> None:
    """Callback of "Save a new version"."""
    story_store, _, error = stores()
    story = draft()
    if story_store is None:
        st.session_state[MESSAGE_KEY] = ("error", error)
        return
    try:
        version = story_store.save(story, base_version=st.session_state.get(DRAFT_VERSION_KEY),
                                   note=st.session_state.get("stories.edit.note", ""))
    except DestinationsError as exc:
        _report(exc)
        return
    st.session_state[DRAFT_VERSION_KEY] = version
    st.session_state[MESSAGE_KEY] = ("success", ("stories.edit.saved",
                                                 {"id": story.id, "version": version}))
    # Show the saved story.
    st.session_state[STORY_KEY] = story.id
    st.session_state.pop(STEP_KEY, None)


def discard_draft() -> None:
    st.session_state[DRAFT_KEY] = None
    st.session_state[DRAFT_VERSION_KEY] = None


# --------------------------------------------------------------------------------------- charts
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
