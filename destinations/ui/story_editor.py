"""The story editor: a draft story in the session, edited through callbacks, saved as versions.

Each editor action is a callback that replaces the draft :class:`~destinations.narratives.Story`
with the result of a pure function from :mod:`destinations.narratives.editor`; the form widgets'
keys are filled from the draft whenever the edited step changes.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from destinations.data.base import BaseData
from destinations.errors import DestinationsError
from destinations.narratives import (
    LocalText,
    NarrativeError,
    Story,
    editor,
    markup_warnings,
    parse_story,
    story_json,
    story_problems,
)
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.frame import Page
from destinations.ui.stores import stores

STORY_KEY = "stories.story"
STEP_KEY = "stories.step"
DRAFT_KEY = "stories.draft"
DRAFT_VERSION_KEY = "stories.draft_version"
EDIT_STEP_KEY = "stories.edit.step"
MESSAGE_KEY = "stories.message"


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


# ------------------------------------------------------------------------------ the editor tab
def attraction_label(base: BaseData, ident: str) -> str:
    a = base.attraction_by_id[ident]
    return f"{a.name} ({base.municipality_name(a.kommune_code)})"


def _show_message(page: Page) -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        kind, body = message
        text = page.t(body[0], **body[1]) if isinstance(body, tuple) else body
        (st.success if kind == "success" else st.error)(md(text))


def editor_tab(page: Page, base: BaseData, story: Story, existing_ids: list[str],
               saved_versions: dict[str, int], stored_problems: list[str]) -> None:
    """Start a draft (a copy, a new story, an upload), edit it step by step, check it, save it."""
    lang = page.lang
    st.caption(page.t("stories.edit.intro"))
    story_store, _, store_error = stores()
    if store_error:
        st.warning(page.t("stories.edit.no_store", error=store_error))
    if stored_problems:
        st.warning(page.t("stories.edit.stored_problems") + "\n\n"
                   + "\n".join(f"- {md(p)}" for p in stored_problems))
    _show_message(page)

    start_col, new_col = st.columns(2)
    start_col.button(page.t("stories.edit.start_saved" if story.origin == "user"
                            else "stories.edit.start_copy"), key="stories.edit.start",
                     on_click=start_edit, args=(story, saved_versions.get(story.id), existing_ids))
    attraction_ids = sorted(base.attraction_by_id, key=lambda i: base.attraction_by_id[i].name)

    def label(ident: str) -> str:
        return attraction_label(base, ident)

    with new_col.expander(page.t("stories.edit.new")):
        st.text_input(page.t("stories.edit.new.title_en"), key="stories.new.title_en", max_chars=160)
        st.text_input(page.t("stories.edit.new.title_da"), key="stories.new.title_da", max_chars=160)
        st.multiselect(page.t("stories.edit.new.attractions"), options=attraction_ids,
                       format_func=label, key="stories.new.attractions")
        st.button(page.t("stories.edit.new.create"), key="stories.new.create",
                  on_click=create_story, args=(existing_ids,))
    upload = st.file_uploader(page.t("stories.edit.upload"), type=["json"], key="stories.upload")
    if upload is not None and st.session_state.get("stories.upload.done") != upload.file_id:
        st.session_state["stories.upload.done"] = upload.file_id
        error = open_upload(upload.getvalue(), upload.name, existing_ids)
        if error:
            st.error(md(error))

    story_draft = draft()
    if story_draft is None:
        st.info(page.t("stories.edit.none"))
        return
    st.subheader(page.t("stories.edit.heading", title=md(story_draft.title.get(lang)),
                        id=md(story_draft.id)))
    version = st.session_state.get(DRAFT_VERSION_KEY)
    st.caption(page.t("stories.edit.based_on", version=version) if version
               else page.t("stories.edit.unsaved"))
    with st.form("stories.edit.meta_form"):
        st.text_input(page.t("stories.edit.new.title_en"), key="stories.edit.meta_title_en")
        st.text_input(page.t("stories.edit.new.title_da"), key="stories.edit.meta_title_da")
        st.text_input(page.t("stories.edit.theme"), key="stories.edit.meta_theme")
        st.form_submit_button(page.t("stories.edit.apply"), key="stories.edit.meta_apply",
                              on_click=apply_meta)
    st.selectbox(page.t("stories.edit.step"), options=list(range(len(story_draft.steps))),
                 key=EDIT_STEP_KEY, on_change=select_edit_step,
                 format_func=lambda i: f"{i + 1}. {story_draft.steps[i].title.get(lang)}")
    up, down, delete, redraft = st.columns(4)
    up.button(page.t("stories.edit.up"), key="stories.edit.up", on_click=edit_structure,
              args=("up",), width="stretch")
    down.button(page.t("stories.edit.down"), key="stories.edit.down", on_click=edit_structure,
                args=("down",), width="stretch")
    delete.button(page.t("stories.edit.delete"), key="stories.edit.delete",
                  on_click=edit_structure, args=("delete",), width="stretch",
                  disabled=len(story_draft.steps) == 1)
    redraft.button(page.t("stories.edit.redraft"), key="stories.edit.redraft",
                   on_click=edit_structure, args=("redraft",), width="stretch")
    with st.form("stories.edit.step_form"):
        left, right = st.columns(2)
        left.text_input(page.t("stories.edit.title_en"), key="stories.edit.title_en")
        right.text_input(page.t("stories.edit.title_da"), key="stories.edit.title_da")
        left.text_area(page.t("stories.edit.body_en"), key="stories.edit.body_en", height=220)
        right.text_area(page.t("stories.edit.body_da"), key="stories.edit.body_da", height=220)
        st.multiselect(page.t("stories.edit.attractions"), options=attraction_ids,
                       format_func=label, key="stories.edit.attractions")
        st.multiselect(page.t("stories.edit.municipalities"), options=base.codes,
                       format_func=base.municipality_name, key="stories.edit.municipalities")
        st.form_submit_button(page.t("stories.edit.apply"), key="stories.edit.step_apply",
                              on_click=apply_step)
    add_col, add_button_col = st.columns([3, 1], vertical_alignment="bottom")
    add_col.multiselect(page.t("stories.edit.add_places"), options=attraction_ids,
                        format_func=label, key="stories.edit.add_places")
    add_button_col.button(page.t("stories.edit.add"), key="stories.edit.add", on_click=add_step)
    _check_and_save(page, base, story_draft, story_store, version)


def _check_and_save(page: Page, base: BaseData, story_draft: Story, story_store,
                    version: int | None) -> None:
    """The draft's problems and markup warnings; save, download, discard; its versions."""
    problems = story_problems(story_draft, base)
    if problems:
        st.error(page.t("stories.edit.problems") + "\n\n"
                 + "\n".join(f"- {md(p)}" for p in problems))
    else:
        st.success(page.t("stories.edit.valid"))
    for warning in markup_warnings(story_draft):
        st.warning(md(warning))
    st.text_input(page.t("stories.edit.note"), key="stories.edit.note", max_chars=300)
    save_col, download_col, discard_col = st.columns(3)
    save_col.button(page.t("stories.edit.save"), key="stories.edit.save", type="primary",
                    on_click=save_draft, disabled=bool(problems) or story_store is None)
    download_col.download_button(page.t("stories.edit.download"), data=story_json(story_draft),
                                 file_name=f"{story_draft.id}.json", mime="application/json",
                                 key="stories.edit.download", on_click="ignore")
    discard_col.button(page.t("stories.edit.discard"), key="stories.edit.discard",
                       on_click=discard_draft)
    if story_store is not None and version:
        st.markdown(f"**{page.t('stories.edit.versions')}**")
        st.dataframe(pd.DataFrame([{
            page.t("stories.col.version"): v.version,
            page.t("stories.col.saved_at"): v.created_at.strftime("%Y-%m-%d %H:%M UTC"),
            page.t("stories.col.note"): v.note,
        } for v in story_store.versions(story_draft.id)]), hide_index=True, width="stretch")
