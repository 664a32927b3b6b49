"""Shared stories: step through story maps, see which companies a story spans, edit, export."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from destinations import maps
from destinations.i18n import COMMON
from destinations.narratives import (
    coherence_rows,
    cooperation_matrix,
    markup_warnings,
    place_rows,
    resolve_view,
    story_coherence,
    story_html,
    story_json,
    story_problems,
)
from destinations.maps.story_map import step_group, story_base_map
from destinations.ui import data
from destinations.ui import stories as ui
from destinations.ui.frame import data_errors, start_page
from destinations.ui.stories_text import TEXT

page = start_page({**COMMON, **TEXT}, "stories.title")
st.caption(page.t("stories.intro"))
lang = page.lang


def number(value: float) -> str:
    text = "–" if value != value else f"{value:.2f}"
    return text.replace(".", ",") if lang == "da" else text


with data_errors(page):
    base = data.base()
    builtins = list(ui.builtin_stories())
    saved, saved_versions, stored_problems = ui.saved_stories()
    scenario_names = ui.saved_scenarios()

builtin_ids = {s.id for s in builtins}
stories = builtins + [s for s in saved if s.id not in builtin_ids]
by_id = {s.id: s for s in stories}
scenario_options = [ui.TODAY] + [k for k in scenario_names if k != ui.TODAY]
for key, values in ui.init_state(stories, scenario_options):
    st.warning(page.t(key, **values))

with st.sidebar:
    st.selectbox(page.t("stories.story"), options=list(by_id), key=ui.STORY_KEY,
                 on_change=ui.reset_step,
                 format_func=lambda i: f"{by_id[i].title.get(lang)} · " + page.t(
                     "stories.builtin" if by_id[i].origin == "builtin" else "stories.saved"))
    st.selectbox(page.t("stories.scenario"), options=scenario_options, key=ui.SCENARIO_KEY,
                 format_func=lambda i: page.t("stories.scenario.today") if i == ui.TODAY
                 else scenario_names.get(i, i))
    show_tiles = st.toggle(page.t("stories.tiles"), value=False, key="stories.tiles")

story = by_id[st.session_state[ui.STORY_KEY]]
step_id = ui.ensure_step(story)
scenario_id = st.session_state[ui.SCENARIO_KEY]
with data_errors(page):
    assignment, names = ui.scenario_plan(scenario_id)
    coherence = story_coherence(story, base, assignment)
link = ui.write_query_params(story.id, step_id, scenario_id)
unaffiliated = page.t("stories.unaffiliated")

tab_story, tab_coherence, tab_editor, tab_export = st.tabs(
    [page.t("stories.tab.story"), page.t("stories.tab.coherence"), page.t("stories.tab.editor"),
     page.t("stories.tab.export")])

# ------------------------------------------------------------------------------------- story
with tab_story:
    map_col, text_col = st.columns([3, 2], gap="medium")
    with text_col:
        st.selectbox(page.t("stories.step"), options=[s.id for s in story.steps], key=ui.STEP_KEY,
                     format_func=lambda i: f"{story.step_index(i) + 1}. "
                                           f"{story.step(i).title.get(lang)}")
        step = story.step(st.session_state[ui.STEP_KEY])
        index = story.step_index(step.id)
        prev_col, next_col = st.columns(2)
        prev_col.button(page.t("stories.prev"), key="stories.prev", on_click=ui.go_step,
                        args=(story, -1), disabled=index == 0, width="stretch")
        next_col.button(page.t("stories.next"), key="stories.next", on_click=ui.go_step,
                        args=(story, 1), disabled=index == len(story.steps) - 1,
                        width="stretch")
        st.caption(page.t("stories.step.of", n=index + 1, total=len(story.steps)))
        st.subheader(ui.md(step.title.get(lang)))
        st.text(step.body.get(lang))
        if story.origin == "builtin":
            st.caption(page.t("stories.draft_note"))
        st.markdown(f"**{page.t('stories.places')}**")
        rows = place_rows(step, base, assignment, names, unaffiliated_label=unaffiliated,
                          gap_label=page.t("gap"))
        st.dataframe(pd.DataFrame(rows).rename(columns={
            "place": page.t("stories.col.place"), "municipality": page.t("stories.col.municipality"),
            "company": page.t("stories.col.company"), "visitors": page.t("stories.col.visitors")}),
            hide_index=True, width="stretch")
        st.caption(page.t("stories.link"))
        st.code(link, language=None)
    with map_col:
        colours = maps.company_colours(assignment, base.graph)
        fill_json, border_json = data.layers_for(assignment, names, unaffiliated)
        fmap = story_base_map(base, story, fill_json=fill_json, border_json=border_json,
                              colours=colours, layers=step.layers, tiles=show_tiles,
                              labels={"municipalities": page.t("stories.map.municipalities"),
                                      "borders": page.t("stories.map.borders"),
                                      "path": page.t("stories.map.path"),
                                      "places": page.t("stories.map.places")})
        view = resolve_view(step, base)
        st_folium(fmap, key="stories.map", height=600, use_container_width=True,
                  center=view.center, zoom=view.zoom,
                  feature_group_to_add=step_group(base, story, step.id, fill_json=fill_json,
                                                  label=page.t("stories.map.step")),
                  returned_objects=[])
        st.caption(page.t("stories.map.legend"))

# --------------------------------------------------------------------------------- coherence
with tab_coherence:
    st.subheader(page.t("stories.coh.heading"))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(page.t("stories.coh.companies"), len(coherence.companies))
    c2.metric(page.t("stories.coh.es"), number(coherence.effective_splits))
    c3.metric(page.t("stories.coh.es_equal"), number(coherence.effective_splits_equal))
    c4.metric(page.t("stories.coh.visitors_known"),
              f"{coherence.places_with_visitors} / {len(coherence.places)}")
    if coherence.must_cooperate:
        st.markdown(f"**{page.t('stories.coh.cooperate')}:** "
                    + ", ".join(ui.md(names.get(c, c)) for c in coherence.must_cooperate))
    elif coherence.companies:
        st.info(page.t("stories.coh.one_company"))
    if coherence.unaffiliated_codes:
        st.warning(page.t("stories.coh.unaffiliated", names=", ".join(
            base.municipality_name(c) for c in coherence.unaffiliated_codes)))
    share_rows = coherence_rows(coherence, story, names, unaffiliated_label=unaffiliated)
    st.dataframe(pd.DataFrame([{
        page.t("stories.col.company"): r["company"],
        page.t("stories.col.share"): f"{r['share'] * 100:.1f} %",
        page.t("stories.col.places"): r["places"],
        page.t("stories.col.steps"): ", ".join(map(str, r["steps"])),
    } for r in share_rows]), hide_index=True, width="stretch")
    st.caption(page.t("stories.coh.method"))

    st.subheader(page.t("stories.matrix.heading"))
    matrix = cooperation_matrix(story_coherence(s, base, assignment) for s in stories)
    if matrix.companies:
        st.altair_chart(ui.cooperation_chart(
            matrix.to_records(names), {s.id: s.title.get(lang) for s in stories},
            labels={"company_a": page.t("stories.matrix.company_a"),
                    "company_b": page.t("stories.matrix.company_b"),
                    "stories": page.t("stories.matrix.stories"),
                    "titles": page.t("stories.matrix.titles")}), key="stories.matrix",
            width="content")
        st.caption(page.t("stories.matrix.caption"))
    else:
        st.info(page.t("stories.matrix.empty"))

# ------------------------------------------------------------------------------------ editor
with tab_editor:
    st.caption(page.t("stories.edit.intro"))
    story_store, _, store_error = ui.stores()
    if store_error:
        st.warning(page.t("stories.edit.no_store", error=store_error))
    if stored_problems:
        st.warning(page.t("stories.edit.stored_problems") + "\n\n"
                   + "\n".join(f"- {ui.md(p)}" for p in stored_problems))
    message = st.session_state.pop(ui.MESSAGE_KEY, None)
    if message:
        kind, body = message
        text = page.t(body[0], **body[1]) if isinstance(body, tuple) else body
        (st.success if kind == "success" else st.error)(ui.md(text))

    existing_ids = list(by_id)
    start_col, new_col = st.columns(2)
    start_col.button(page.t("stories.edit.start_saved" if story.origin == "user"
                            else "stories.edit.start_copy"), key="stories.edit.start",
                     on_click=ui.start_edit,
                     args=(story, saved_versions.get(story.id), existing_ids))
    attraction_ids = sorted(base.attraction_by_id, key=lambda i: base.attraction_by_id[i].name)

    def attraction_label(ident: str) -> str:
        a = base.attraction_by_id[ident]
        return f"{a.name} ({base.municipality_name(a.kommune_code)})"

    with new_col.expander(page.t("stories.edit.new")):
        st.text_input(page.t("stories.edit.new.title_en"), key="stories.new.title_en", max_chars=160)
        st.text_input(page.t("stories.edit.new.title_da"), key="stories.new.title_da", max_chars=160)
        st.multiselect(page.t("stories.edit.new.attractions"), options=attraction_ids,
                       format_func=attraction_label, key="stories.new.attractions")
        st.button(page.t("stories.edit.new.create"), key="stories.new.create",
                  on_click=ui.create_story, args=(existing_ids,))
    upload = st.file_uploader(page.t("stories.edit.upload"), type=["json"], key="stories.upload")
    if upload is not None and st.session_state.get("stories.upload.done") != upload.file_id:
        st.session_state["stories.upload.done"] = upload.file_id
        error = ui.open_upload(upload.getvalue(), upload.name, existing_ids)
        if error:
            st.error(ui.md(error))

    draft = ui.draft()
    if draft is None:
        st.info(page.t("stories.edit.none"))
    else:
        st.subheader(page.t("stories.edit.heading", title=ui.md(draft.title.get(lang)),
                            id=ui.md(draft.id)))
        version = st.session_state.get(ui.DRAFT_VERSION_KEY)
        st.caption(page.t("stories.edit.based_on", version=version) if version
                   else page.t("stories.edit.unsaved"))
        with st.form("stories.edit.meta_form"):
            st.text_input(page.t("stories.edit.new.title_en"), key="stories.edit.meta_title_en")
            st.text_input(page.t("stories.edit.new.title_da"), key="stories.edit.meta_title_da")
            st.text_input(page.t("stories.edit.theme"), key="stories.edit.meta_theme")
            st.form_submit_button(page.t("stories.edit.apply"), key="stories.edit.meta_apply",
                                  on_click=ui.apply_meta)
        st.selectbox(page.t("stories.edit.step"), options=list(range(len(draft.steps))),
                     key=ui.EDIT_STEP_KEY, on_change=ui.select_edit_step,
                     format_func=lambda i: f"{i + 1}. {draft.steps[i].title.get(lang)}")
        up, down, delete, redraft = st.columns(4)
        up.button(page.t("stories.edit.up"), key="stories.edit.up", on_click=ui.edit_structure,
                  args=("up",), width="stretch")
        down.button(page.t("stories.edit.down"), key="stories.edit.down",
                    on_click=ui.edit_structure, args=("down",), width="stretch")
        delete.button(page.t("stories.edit.delete"), key="stories.edit.delete",
                      on_click=ui.edit_structure, args=("delete",), width="stretch",
                      disabled=len(draft.steps) == 1)
        redraft.button(page.t("stories.edit.redraft"), key="stories.edit.redraft",
                       on_click=ui.edit_structure, args=("redraft",), width="stretch")
        with st.form("stories.edit.step_form"):
            left, right = st.columns(2)
            left.text_input(page.t("stories.edit.title_en"), key="stories.edit.title_en")
            right.text_input(page.t("stories.edit.title_da"), key="stories.edit.title_da")
            left.text_area(page.t("stories.edit.body_en"), key="stories.edit.body_en", height=220)
            right.text_area(page.t("stories.edit.body_da"), key="stories.edit.body_da", height=220)
            st.multiselect(page.t("stories.edit.attractions"), options=attraction_ids,
                           format_func=attraction_label, key="stories.edit.attractions")
            st.multiselect(page.t("stories.edit.municipalities"), options=base.codes,
                           format_func=base.municipality_name, key="stories.edit.municipalities")
            st.form_submit_button(page.t("stories.edit.apply"), key="stories.edit.step_apply",
                                  on_click=ui.apply_step)
        add_col, add_button_col = st.columns([3, 1], vertical_alignment="bottom")
        add_col.multiselect(page.t("stories.edit.add_places"), options=attraction_ids,
                            format_func=attraction_label, key="stories.edit.add_places")
        add_button_col.button(page.t("stories.edit.add"), key="stories.edit.add",
                              on_click=ui.add_step)

        problems = story_problems(draft, base)
        if problems:
            st.error(page.t("stories.edit.problems") + "\n\n"
                     + "\n".join(f"- {ui.md(p)}" for p in problems))
        else:
            st.success(page.t("stories.edit.valid"))
        for warning in markup_warnings(draft):
            st.warning(ui.md(warning))
        st.text_input(page.t("stories.edit.note"), key="stories.edit.note", max_chars=300)
        save_col, download_col, discard_col = st.columns(3)
        save_col.button(page.t("stories.edit.save"), key="stories.edit.save", type="primary",
                        on_click=ui.save_draft, disabled=bool(problems) or story_store is None)
        download_col.download_button(page.t("stories.edit.download"), data=story_json(draft),
                                     file_name=f"{draft.id}.json", mime="application/json",
                                     key="stories.edit.download", on_click="ignore")
        discard_col.button(page.t("stories.edit.discard"), key="stories.edit.discard",
                           on_click=ui.discard_draft)
        if story_store is not None and version:
            st.markdown(f"**{page.t('stories.edit.versions')}**")
            st.dataframe(pd.DataFrame([{
                page.t("stories.col.version"): v.version,
                page.t("stories.col.saved_at"): v.created_at.strftime("%Y-%m-%d %H:%M UTC"),
                page.t("stories.col.note"): v.note,
            } for v in story_store.versions(draft.id)]), hide_index=True, width="stretch")

# ------------------------------------------------------------------------------------ export
with tab_export:
    st.caption(page.t("stories.export.intro"))
    st.download_button(page.t("stories.export.html"),
                       data=story_html(story, base, lang=lang, assignment=assignment, labels=names),
                       file_name=f"{story.id}.html", mime="text/html", key="stories.export.html",
                       on_click="ignore")
    st.download_button(page.t("stories.export.json"), data=story_json(story),
                       file_name=f"{story.id}.json", mime="application/json",
                       key="stories.export.json", on_click="ignore")
