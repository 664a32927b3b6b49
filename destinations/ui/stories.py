"""The story page's work: the view in the URL, the story step by step on its map, which companies
a story spans under a scenario (coherence), suggested cross-border stories, and the exports.

State lives in namespaced session keys (``stories.*``). The deep link ``?story=…&step=…&scenario=…``
initialises them once per session (validated; a bad value falls back with a message, the value
echoed shortened and escaped) and is rewritten after every run, so the URL always reproduces the
view. The editor tab lives in :mod:`destinations.ui.story_editor`.

While the store is down (:class:`~destinations.errors.StoreUnavailable`) the page keeps serving
the built-in stories under today's companies and says so once; nothing it shows needs the store.
Text from stories, users and the data reaches Markdown only through :func:`md`.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from destinations import maps
from destinations.data.base import BaseData
from destinations.errors import DestinationsError, StoreError
from destinations.i18n import GAP, vega_locale
from destinations.maps.story_map import step_group, story_base_map
from destinations.narratives import (
    Story,
    Suggestion,
    coherence_rows,
    cooperation_matrix,
    resolve_view,
    story_coherence,
    story_html,
    step_places,
    story_json,
    suggest_stories,
    weighting_note,
    write_story,
)
from destinations.narratives.coherence import WEIGHTING_VISITORS
from destinations.narratives.suggest import EASY_LEG_MINUTES
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.formatting import number, percent
from destinations.ui.frame import Page, data_errors
from destinations.ui.story_editor import (
    STEP_KEY,
    STORY_KEY,
    SUGGEST_MESSAGE_KEY,
    open_suggestion,
    picture_bytes,
    show_media,
)
from destinations.ui.stores import TODAY, saved_scenarios, scenario_options, scenario_plan, stores

SCENARIO_KEY = "stories.scenario"
PDF_KEY = "stories.export.pdf.result"
#: Closest zoom the story map opens a step at when the step names no view of its own (about
#: 40 km across: the place, its neighbours and the coast; municipality names show from zoom 9).
STEP_ZOOM_MAX = 10
#: Longest URL value echoed back in a message (the rest is cut, the whole escaped).
ECHO_MAX = 60


def _echo(value: str) -> str:
    """A value from the URL fit for a message: at most :data:`ECHO_MAX` characters, escaped."""
    text = " ".join(str(value).split())
    return md(text if len(text) <= ECHO_MAX else text[: ECHO_MAX - 1] + "…")


def init_state(page: Page, stories: list[Story], scenarios: list[str]) -> list[str]:
    """Fill the story/step/scenario keys from the URL once; returns a message (escaped) for each
    value that had to be replaced."""
    notes: list[str] = []
    ids = [s.id for s in stories]
    if STORY_KEY not in st.session_state:
        wanted = st.query_params.get("story")
        chosen = wanted if wanted in ids else ids[0]
        if wanted and wanted not in ids:
            notes.append(page.t("stories.bad_story", value=_echo(wanted),
                                shown=md(stories[0].title.get(page.lang))))
        st.session_state[STORY_KEY] = chosen
        wanted_step = st.query_params.get("step")
        steps = [s.id for s in stories[ids.index(chosen)].steps]
        if wanted_step and wanted_step not in steps:
            notes.append(page.t("stories.bad_step", value=_echo(wanted_step)))
        st.session_state[STEP_KEY] = wanted_step if wanted_step in steps else steps[0]
    elif st.session_state[STORY_KEY] not in ids:
        st.session_state[STORY_KEY] = ids[0]
    if SCENARIO_KEY not in st.session_state:
        wanted = st.query_params.get("scenario") or TODAY
        if wanted not in scenarios:
            notes.append(page.t("stories.bad_scenario", value=_echo(wanted)))
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
    """The stories to choose from (built-in, then saved), the scenarios to read them under, and
    why the saved ones are missing (``store_error``: the store did not answer)."""

    stories: list[Story]
    saved_versions: dict[str, int]
    problems: list[str]
    scenario_names: dict[str, str]
    store_error: str = ""

    @property
    def by_id(self) -> dict[str, Story]:
        return {s.id: s for s in self.stories}

    @property
    def scenario_options(self) -> list[str]:
        return scenario_options(self.scenario_names)


def library() -> Library:
    """Built-in stories always; saved stories and scenarios when the store answers."""
    builtins = list(data.builtin_stories())
    # The health answer is reused for a few seconds, so an outage costs one short check, not a
    # connection timeout on every click.
    problem = data.store_problem()
    story_store, _, error = (None, None, problem) if problem else stores()
    saved, versions, problems = [], {}, []
    if story_store is not None:
        try:
            loaded, problems = story_store.load_all()
        except StoreError as exc:
            error = str(exc)
        else:
            saved = [s.story for s in loaded]
            versions = {s.story.id: s.version for s in loaded}
    ids = {s.id for s in builtins}
    return Library(builtins + [s for s in saved if s.id not in ids], versions, problems,
                   {} if error else saved_scenarios(), error)


def store_notice(page: Page, shelf: Library) -> None:
    """The one message for a store that does not answer (the built-in stories still work)."""
    if shelf.store_error:
        st.warning(page.t("stories.store_down", error=md(shelf.store_error)))


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
    notes: tuple[str, ...] = field(default=())

    @property
    def unaffiliated(self) -> str:
        return self.page.t("stories.unaffiliated")


def story_view(page: Page, base: BaseData, story: Story) -> StoryView:
    """The view of the choices in the session; mirrors them into the URL (a share link). A saved
    scenario the store cannot read falls back to today's companies, with a note."""
    step_id = ensure_step(story)
    scenario_id = st.session_state[SCENARIO_KEY]
    notes: list[str] = []
    with data_errors(page):
        try:
            assignment, names = scenario_plan(scenario_id)
        except StoreError:
            notes.append(page.t("stories.scenario_down"))
            scenario_id = TODAY
            assignment, names = scenario_plan(TODAY)
        coherence = story_coherence(story, base, assignment)
    return StoryView(page, base, story, step_id, scenario_id, assignment, names, coherence,
                     write_query_params(story.id, step_id, scenario_id), tuple(notes))


def story_label(page: Page, story: Story) -> str:
    origin = "stories.builtin" if story.origin == "builtin" else "stories.saved"
    return f"{story.title.get(page.lang)} · " + page.t(origin)


def scenario_label(page: Page, names: dict[str, str], scenario_id: str) -> str:
    return page.t("stories.scenario.today") if scenario_id == TODAY else names.get(scenario_id,
                                                                                    scenario_id)


def step_label(page: Page, story: Story, step_id: str) -> str:
    return f"{story.step_index(step_id) + 1}. {story.step(step_id).title.get(page.lang)}"


# ------------------------------------------------------------------------------ the story tab
def paragraphs(text: str) -> str:
    """Plain text as escaped Markdown paragraphs (a blank line starts a new one)."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return "\n\n".join(md(b) for b in blocks)


def story_header(view: StoryView) -> None:
    """The story's title and its introduction (why this story, for whom, in which season)."""
    lang = view.page.lang
    for note in view.notes:
        st.info(note)
    st.header(md(view.story.title.get(lang)), anchor=False)
    intro = view.story.intro.get(lang)
    if intro.strip():
        st.markdown(paragraphs(intro))


def step_text(view: StoryView) -> None:
    """The step's title, prose, pictures, facts box and places (with their company)."""
    page, story, lang = view.page, view.story, view.page.lang
    step = story.step(st.session_state[STEP_KEY])
    st.caption(page.t("stories.step.of", n=story.step_index(step.id) + 1, total=len(story.steps)))
    st.subheader(md(step.title.get(lang)), anchor=False)
    body = step.body.get(lang)
    if body.strip():
        st.markdown(paragraphs(body))
    else:
        st.caption(page.t("stories.no_prose"))
    for media in step.media:
        show_media(page, media)
    facts = step.fact_lines(lang)
    if facts:
        # The data notes (figures with source and year, gaps, estimates) stay apart from the prose.
        with st.container(border=True, key="stories.facts"):
            st.markdown(f"**{page.t('stories.facts')}**")
            st.caption("\n".join(f"- {md(line)}" for line in facts))
    st.markdown(f"**{page.t('stories.places')}**")
    st.markdown("\n".join(f"- {line}" for line in place_lines(view, step)))
    st.caption(page.t("stories.link"))
    st.code(view.link, language=None)


def place_lines(view: StoryView, step) -> list[str]:
    """One escaped line per place of the step: name, municipality, company under the scenario,
    published visitors with their year (or that none are published)."""
    page, base, lang = view.page, view.base, view.page.lang
    lines = []
    for place in step_places(step, base):
        company = view.assignment.get(place.code)
        company = view.unaffiliated if company is None else view.names.get(company, company)
        where = [base.municipality_name(place.code)] if place.kind == "attraction" else []
        visitors = (page.t("stories.place.visitors", n=number(place.visitors, lang),
                           year=place.visitors_year) if place.visitors is not None
                    else page.t("stories.place.no_visitors"))
        lines.append(f"**{md(place.name)}** · " + " · ".join(md(x) for x in (*where, company))
                     + f" · {visitors}")
    return lines


def step_map(view: StoryView, *, tiles: bool) -> None:
    """The story's map (land, companies, names, route, places) centred on the step, the step's
    places and legs on top; reads without background tiles."""
    page, base, story = view.page, view.base, view.story
    step = story.step(st.session_state[STEP_KEY])
    colours = maps.company_colours(view.assignment, base.graph)
    fill_json, border_json = data.layers_for(view.assignment, view.names, view.unaffiliated)
    fmap = story_base_map(base, story, fill_json=fill_json, border_json=border_json,
                          colours=colours, layers=step.layers, tiles=tiles, lang=page.lang,
                          labels={"municipalities": page.t("stories.map.municipalities"),
                                  "borders": page.t("stories.map.borders"),
                                  "path": page.t("stories.map.path"),
                                  "places": page.t("stories.map.places"),
                                  "travel-graph": page.t("stories.map.travel"),
                                  "itinerary": page.t("stories.map.itinerary")})
    spot = resolve_view(step, base)
    # A view derived from the places keeps the neighbours and the coast in sight (a town-scale
    # zoom shows one blank municipality without tiles); an author's own view is kept.
    zoom = spot.zoom if step.map is not None else min(spot.zoom, STEP_ZOOM_MAX)
    # No itinerary store yet resolves a step's itinerary_id to a trip, so trip= stays unset; the
    # "itinerary" layer draws the route along the travel graph.
    st_folium(fmap, key="stories.map", height=600, use_container_width=True,
              center=spot.center, zoom=zoom,
              feature_group_to_add=step_group(base, story, step.id, fill_json=fill_json,
                                              label=page.t("stories.map.step"), lang=page.lang),
              returned_objects=[])
    st.caption(page.t("stories.map.legend"))


# ------------------------------------------------------------------------------ coherence
def _two_decimals(value: float, lang: str) -> str:
    return number(value, lang, 2)


def coherence_tab(view: StoryView, stories: list[Story]) -> None:
    """Which companies the story spans, each one's part, and who must cooperate; all stories'
    shared companies."""
    page, base, coherence, names = view.page, view.base, view.coherence, view.names
    lang = page.lang
    st.subheader(page.t("stories.coh.heading"), anchor=False)
    metrics = [(page.t("stories.coh.companies"), len(coherence.companies))]
    if coherence.weighting == WEIGHTING_VISITORS:
        metrics.append((page.t("stories.coh.es.visitors"),
                        _two_decimals(coherence.effective_splits, lang)))
    metrics += [(page.t("stories.coh.es_equal"),
                 _two_decimals(coherence.effective_splits_equal, lang)),
                (page.t("stories.coh.visitors_known"),
                 f"{coherence.places_with_visitors} / {len(coherence.places)}")]
    for column, (label, value) in zip(st.columns(len(metrics)), metrics):
        column.metric(label, value)
    st.caption(md(weighting_note(coherence, lang)))
    if coherence.must_cooperate:
        st.markdown(f"**{page.t('stories.coh.cooperate')}:** "
                    + ", ".join(md(names.get(c, c)) for c in coherence.must_cooperate))
    elif coherence.companies:
        st.info(page.t("stories.coh.one_company"))
    if coherence.unaffiliated_codes:
        st.warning(page.t("stories.coh.unaffiliated", names=", ".join(
            md(base.municipality_name(c)) for c in coherence.unaffiliated_codes)))
    share_rows = coherence_rows(coherence, view.story, names, unaffiliated_label=view.unaffiliated,
                                lang=lang)
    st.dataframe(pd.DataFrame([{
        page.t("stories.col.company"): r["company"],
        page.t("stories.col.share"): percent(r["share"], lang),
        page.t("stories.col.steps"): ", ".join(map(str, r["steps"])),
        page.t("stories.col.part"): r["summary"],
    } for r in share_rows]), hide_index=True, width="stretch", key="stories.coh.table", placeholder=GAP)
    st.caption(page.t("stories.coh.method"))

    st.subheader(page.t("stories.matrix.heading"), anchor=False)
    matrix = cooperation_matrix(story_coherence(s, base, view.assignment) for s in stories)
    if not matrix.companies:
        st.info(page.t("stories.matrix.empty"))
        return
    st.altair_chart(cooperation_chart(
        matrix.to_records(names), {s.id: s.title.get(lang) for s in stories},
        labels={"company_a": page.t("stories.matrix.company_a"),
                "company_b": page.t("stories.matrix.company_b"),
                "stories": page.t("stories.matrix.stories"),
                "titles": page.t("stories.matrix.titles")}, lang=lang), key="stories.matrix",
        width="content")
    st.caption(page.t("stories.matrix.caption"))


def cooperation_chart(records: list[dict], titles: dict[str, str], *, labels: dict[str, str],
                      lang: str = "en") -> alt.Chart:
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
    return ((cells + text).properties(width=alt.Step(26), height=alt.Step(22))
            .configure(locale=vega_locale(lang)))


# ------------------------------------------------------------------------------ suggestions
@st.cache_resource(show_spinner=False, max_entries=8)
def _suggestions(plan_key: tuple, stories_key: tuple, _assignment: dict,
                 _stories: list[Story]) -> list[Suggestion]:
    return suggest_stories(data.base(), assignment=_assignment, stories=_stories)


def suggestions_tab(view: StoryView, stories: list[Story]) -> None:
    """Candidate cross-border stories from the data under the scenario; one opens as a draft."""
    page, base, names, lang = view.page, view.base, view.names, view.page.lang
    st.subheader(page.t("stories.suggest.heading"), anchor=False)
    st.caption(page.t("stories.suggest.intro"))
    opened = st.session_state.pop(SUGGEST_MESSAGE_KEY, None)
    if opened:
        st.success(page.t("stories.suggest.opened", title=md(opened)))
    plan_key = tuple(sorted((k, v or "") for k, v in view.assignment.items()))
    suggestions = _suggestions(plan_key, tuple(hash(s) for s in stories), view.assignment, stories)
    if not suggestions:
        st.info(page.t("stories.suggest.none"))
        return
    existing = [s.id for s in stories]
    columns = st.columns(2)
    for number_, suggestion in enumerate(suggestions):
        title = suggestion.title.get(lang)
        with columns[number_ % 2].container(border=True, key=f"stories.suggest.card.{number_}"):
            st.markdown(f"**{md(title)}**")
            companies = [names.get(c, c) for c in suggestion.companies]
            new = len(suggestion.new_pairs)
            pairs = page.t("stories.suggest.no_new_pairs" if new == 0 else
                           "stories.suggest.new_pair" if new == 1 else "stories.suggest.new_pairs",
                           n=new)
            st.markdown(page.t("stories.suggest.companies", n=len(companies),
                               names=", ".join(md(c) for c in companies)) + f" · {pairs}")
            st.caption(" → ".join(md(base.attraction_by_id[a].name) for a in suggestion.places))
            legs = suggestion.leg_minutes
            st.caption(page.t("stories.suggest.legs", legs=", ".join(str(round(m)) for m in legs),
                              easy=sum(m <= EASY_LEG_MINUTES for m in legs), total=len(legs)))
            st.button(page.t("stories.suggest.open"), key=f"stories.suggest.open.{number_}",
                      on_click=open_suggestion, args=(suggestion, existing, title))


# ------------------------------------------------------------------------------ export
def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def make_pdf(story: Story, lang: str, scenario_id: str, assignment: dict, names: dict) -> None:
    """Callback of "Make PDF": print the story (as the HTML export, pictures included) with
    headless Chromium; keeps the bytes, or the reason it failed, for the next run."""
    wanted = (story, lang, scenario_id)
    try:
        with tempfile.TemporaryDirectory(prefix="story-pdf-") as folder:
            path = Path(folder) / f"{story.id}.pdf"
            write_story(story, data.base(), path, fmt="pdf", lang=lang, assignment=assignment,
                        labels=names, images=picture_bytes)
            st.session_state[PDF_KEY] = (wanted, path.read_bytes(), "")
    except DestinationsError as exc:  # ExportError: no Playwright, no Chromium, a failed print
        st.session_state[PDF_KEY] = (wanted, None, str(exc))


def export_tab(view: StoryView) -> None:
    """The story as a self-contained web page, as a PDF of that page, and as JSON."""
    page, story, lang = view.page, view.story, view.page.lang
    st.caption(page.t("stories.export.intro"))
    html_col, pdf_col, json_col = st.columns(3)
    # Built only when clicked: the page draws its maps as inline SVG (a few tenths of a second).
    html_col.download_button(
        page.t("stories.export.html"),
        data=lambda: story_html(story, view.base, lang=lang, assignment=view.assignment,
                                labels=view.names, images=picture_bytes),
        file_name=f"{story.id}.html", mime="text/html", key="stories.export.html",
        on_click="ignore", width="stretch")
    wanted, pdf, problem = st.session_state.get(PDF_KEY, (None, None, ""))
    current = wanted == (story, lang, view.scenario_id)
    if wanted is not None and not current:
        st.session_state.pop(PDF_KEY)  # a PDF of another view is not kept in the session
    if current and pdf:
        pdf_col.download_button(page.t("stories.export.pdf"), data=pdf,
                                file_name=f"{story.id}.pdf", mime="application/pdf",
                                key="stories.export.pdf", on_click="ignore", type="primary",
                                width="stretch")
        pdf_col.caption(page.t("stories.export.pdf.ready", n=_pdf_pages(pdf)))
    else:
        pdf_col.button(page.t("stories.export.pdf.make"), key="stories.export.pdf.make",
                       on_click=make_pdf, width="stretch", help=page.t("stories.export.pdf.help"),
                       args=(story, lang, view.scenario_id, view.assignment, view.names))
    json_col.download_button(page.t("stories.export.json"), data=story_json(story),
                             file_name=f"{story.id}.json", mime="application/json",
                             key="stories.export.json", on_click="ignore", width="stretch")
    if current and problem:
        st.error(page.t("stories.export.pdf.failed", error=md(problem)))
