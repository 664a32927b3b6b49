"""The story editor: a draft story in the session, edited through callbacks, saved as versions;
and the picture store the story page reads.

Each editor action is a callback that replaces the draft :class:`~destinations.narratives.Story`
with the result of a pure function from :mod:`destinations.narratives.editor`; the form widgets'
keys are filled from the draft whenever the edited step changes. Pictures go through
:func:`~destinations.narratives.media.prepare_image` (checked, re-encoded, metadata stripped), are
stored by :class:`~destinations.store.images.ImageStore` and become the step's
:class:`~destinations.narratives.Media`; saving refuses a story whose picture is not stored.

Everything a visitor typed or uploaded reaches Markdown only through :func:`md`.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from destinations.data.base import BaseData
from destinations.errors import DestinationsError, StoreError
from destinations.i18n import GAP
from destinations.narratives import (
    LocalText,
    NarrativeError,
    Story,
    Suggestion,
    editor,
    markup_warnings,
    parse_story,
    story_json,
    story_problems,
    suggestion_story,
)
from destinations.narratives.media import image_media, prepare_image
from destinations.narratives.model import (
    ALT_MAX,
    CAPTION_MAX,
    CREDIT_MAX,
    INTRO_MAX,
    FACTS_MAX,
    LICENCE_MAX,
    MEDIA_PER_STEP_MAX,
    Media,
)
from destinations.settings import load_settings
from destinations.store.images import ImageStore
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
SUGGEST_MESSAGE_KEY = "stories.suggest.message"
#: Messages of the picture form, shown beside it (not at the top of the tab).
MEDIA_MESSAGE_KEY = "stories.media.message"
#: The picture uploader's key is ``stories.media.file.<n>``; n grows after each added picture,
#: which empties the uploader (a file uploader's value cannot be set).
UPLOAD_COUNT_KEY = "stories.media.count"
MEDIA_FIELDS = ("alt", "caption", "credit", "licence")


# ------------------------------------------------------------------------------ pictures
@st.cache_resource(show_spinner=False, max_entries=4)
def _image_store_at(url: str, _documents) -> ImageStore:
    """The picture store on the story store's database (not cached while it cannot be opened)."""
    return ImageStore(_documents)


def image_store() -> ImageStore | None:
    """The picture store, or None while the story store cannot be opened.

    Raises StoreError when the database does not answer (callers say so)."""
    story_store, _, _ = stores()
    if story_store is None:
        return None
    return _image_store_at(load_settings().db_url, story_store.documents)


@st.cache_data(show_spinner=False, max_entries=48)
def _picture(sha256: str, url: str) -> bytes:
    store = image_store()
    found = None if store is None else store.get_image(sha256)
    if found is None:
        raise LookupError(sha256)  # not cached: the picture may be stored (or reachable) later
    return found


def picture_bytes(sha256: str) -> bytes | None:
    """Stored picture bytes (digest checked), or None when missing or the store is down.

    The exports take this as ``images=``: a picture that cannot be read shows its alternative
    text instead of breaking the export."""
    try:
        return _picture(sha256, load_settings().db_url)
    except (LookupError, StoreError):
        return None


def media_caption(page: Page, media: Media) -> str:
    """Caption · Photo: credit · Licence: licence, Markdown-escaped."""
    parts = [media.caption.strip()]
    if media.credit.strip():
        parts.append(f"{page.t('stories.credit')}: {media.credit.strip()}")
    if media.licence.strip():
        parts.append(f"{page.t('stories.licence')}: {media.licence.strip()}")
    return md(" · ".join(p for p in parts if p))


def show_media(page: Page, media: Media, *, width: int | str = "stretch") -> None:
    """A stored picture with its caption, or a link as a link; all text escaped."""
    if media.image is not None:
        found = picture_bytes(media.image.sha256)
        if found is None:
            st.caption(page.t("stories.picture_missing", alt=md(media.alt)))
            return
        st.image(found, caption=media_caption(page, media) or None, alt=media.alt, width=width)
        return
    from urllib.parse import quote

    label = media.caption or media.alt or media.url
    # The schema allows only http(s) addresses without spaces; brackets are %-encoded so the
    # address cannot close the Markdown link.
    address = quote(media.url, safe=":/?#@!$&'*+,;=%~-._")
    credit = media_caption(page, replace(media, caption=""))
    st.markdown(f"[{md(label)}]({address})" + (f"  \n{credit}" if credit else ""))


# ------------------------------------------------------------------------------ the draft
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
    """Copy the draft's title, introduction and the edited step into the form widgets' keys."""
    story = draft()
    if story is None:
        return
    index = st.session_state.get(EDIT_STEP_KEY, 0)
    index = min(max(index, 0), len(story.steps) - 1)
    st.session_state[EDIT_STEP_KEY] = index
    step = story.steps[index]
    values = {
        "meta_title_en": story.title.en, "meta_title_da": story.title.da, "meta_theme": story.theme,
        "intro_en": story.intro.en, "intro_da": story.intro.da,
        "title_en": step.title.en, "title_da": step.title.da,
        "body_en": step.body.en, "body_da": step.body.da,
        "facts_en": step.facts.en, "facts_da": step.facts.da,
        "attractions": list(step.attractions), "municipalities": list(step.municipalities),
    }
    for name, value in values.items():
        st.session_state[f"stories.edit.{name}"] = value


def _report(exc: DestinationsError) -> None:
    st.session_state[MESSAGE_KEY] = ("error", str(exc))


def _say(kind: str, key: str, *, where: str = MESSAGE_KEY, **values: object) -> None:
    """A message for the next run: ``key`` of the text table with ``values`` (escaped there)."""
    st.session_state[where] = (kind, (key, values))


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


def open_suggestion(suggestion: Suggestion, existing_ids: list[str], title: str) -> None:
    """Callback of "Open as draft": the suggestion as a user draft (facts drawn, text empty)."""
    story_id = editor.unique_id(suggestion.title.en, existing_ids, fallback="suggestion")
    _set_draft(suggestion_story(suggestion, data.base(), story_id=story_id), version=None)
    st.session_state[SUGGEST_MESSAGE_KEY] = title


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
    s = st.session_state
    title = LocalText(s["stories.edit.meta_title_en"], s["stories.edit.meta_title_da"])
    intro = LocalText(s["stories.edit.intro_en"], s["stories.edit.intro_da"])
    theme = editor.slug(s["stories.edit.meta_theme"], fallback="custom")
    _set_draft(replace(story, title=title, intro=intro, theme=theme), keep_version=True,
               step_index=s.get(EDIT_STEP_KEY, 0))


def apply_step() -> None:
    """Callback of the step form: write the fields into the draft's edited step."""
    story = draft()
    index = st.session_state[EDIT_STEP_KEY]
    s = st.session_state
    step = replace(story.steps[index],
                   title=LocalText(s["stories.edit.title_en"], s["stories.edit.title_da"]),
                   body=LocalText(s["stories.edit.body_en"], s["stories.edit.body_da"]),
                   facts=LocalText(s["stories.edit.facts_en"], s["stories.edit.facts_da"]),
                   attractions=tuple(s["stories.edit.attractions"]),
                   municipalities=tuple(s["stories.edit.municipalities"]))
    _set_draft(editor.replace_step(story, index, step), keep_version=True, step_index=index)


def edit_structure(action: str) -> None:
    """Callback of move up/down, delete and "refresh facts" on the edited step."""
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
    """Callback: a step for the picked places (empty text, facts from the data) after the edited
    step."""
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


def _upload_key() -> str:
    return f"stories.media.file.{st.session_state.get(UPLOAD_COUNT_KEY, 0)}"


def add_picture() -> None:
    """Callback of "Add picture": check and re-encode the upload, store it, add it to the step.

    Nothing reaches the store unless the alternative text is there and the picture passed
    ``prepare_image``; the draft changes only when the store kept the bytes."""
    s = st.session_state
    story, index = draft(), s[EDIT_STEP_KEY]
    upload = s.get(_upload_key())
    fields = {name: (s.get(f"stories.media.{name}") or "").strip() for name in MEDIA_FIELDS}
    if upload is None:
        _say("error", where=MEDIA_MESSAGE_KEY, key="stories.media.no_file")
        return
    if not fields["alt"]:
        _say("error", where=MEDIA_MESSAGE_KEY, key="stories.media.no_alt")
        return
    step = story.steps[index]
    if len(step.media) >= MEDIA_PER_STEP_MAX:
        _say("error", where=MEDIA_MESSAGE_KEY, key="stories.media.full", n=len(step.media))
        return
    try:
        prepared = prepare_image(upload.getvalue(), filename=upload.name)
        media = image_media(prepared, **fields)
        store = image_store()
        if store is None:
            _say("error", where=MEDIA_MESSAGE_KEY, key="stories.media.no_store")
            return
        store.put_image(prepared.data)
    except DestinationsError as exc:
        _say("error", where=MEDIA_MESSAGE_KEY, key="stories.media.refused", error=str(exc))
        return
    step = replace(step, media=step.media + (media,))
    _set_draft(editor.replace_step(story, index, step), keep_version=True, step_index=index)
    s[UPLOAD_COUNT_KEY] = s.get(UPLOAD_COUNT_KEY, 0) + 1
    for name in MEDIA_FIELDS:
        s[f"stories.media.{name}"] = ""
    _say("success", where=MEDIA_MESSAGE_KEY, key="stories.media.added", n=index + 1)


def remove_picture(position: int) -> None:
    """Callback: take a picture or link off the edited step (the stored bytes stay for older
    versions)."""
    story, index = draft(), st.session_state[EDIT_STEP_KEY]
    step = story.steps[index]
    step = replace(step, media=step.media[:position] + step.media[position + 1:])
    _set_draft(editor.replace_step(story, index, step), keep_version=True, step_index=index)


def save_draft() -> None:
    """Callback of "Save a new version"; a store that does not answer saves nothing and says so."""
    story_store, _, error = stores()
    story = draft()
    if story_store is None:
        _say("error", "stories.edit.not_saved", error=error)
        return
    try:
        version = story_store.save(story, base_version=st.session_state.get(DRAFT_VERSION_KEY),
                                   note=st.session_state.get("stories.edit.note", ""))
    except StoreError as exc:
        _say("error", "stories.edit.not_saved", error=str(exc))
        return
    except DestinationsError as exc:
        _report(exc)
        return
    st.session_state[DRAFT_VERSION_KEY] = version
    _say("success", "stories.edit.saved", id=story.id, version=version)
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


def show_message(page: Page, where: str = MESSAGE_KEY) -> None:
    """The message a callback left (once); every value escaped."""
    message = st.session_state.pop(where, None)
    if message:
        kind, body = message
        if isinstance(body, tuple):
            text = page.t(body[0], **{k: md(v) for k, v in body[1].items()})
        else:
            text = md(body)
        (st.success if kind == "success" else st.error)(text)


def editor_tab(page: Page, base: BaseData, story: Story, existing_ids: list[str],
               saved_versions: dict[str, int], stored_problems: list[str], *,
               store_down: bool = False) -> None:
    """Start a draft (a copy, a new story, an upload), edit it step by step, check it, save it."""
    lang = page.lang
    st.caption(page.t("stories.edit.intro"))
    story_store, _, _ = stores()
    if store_down:
        story_store = None
        st.caption(page.t("stories.edit.no_store"))
    if stored_problems:
        st.warning(page.t("stories.edit.stored_problems") + "\n\n"
                   + "\n".join(f"- {md(p)}" for p in stored_problems))
    show_message(page)

    start_col, new_col = st.columns(2)
    start_col.button(page.t("stories.edit.start_saved" if story.origin == "user"
                            else "stories.edit.start_copy"), key="stories.edit.start",
                     on_click=start_edit, args=(story, saved_versions.get(story.id), existing_ids))
    attraction_ids = sorted(base.attraction_by_id, key=lambda i: base.attraction_by_id[i].name)

    def label(ident: str) -> str:
        return attraction_label(base, ident)

    choose = page.t("stories.edit.choose")

    with new_col.expander(page.t("stories.edit.new")):
        st.text_input(page.t("stories.edit.new.title_en"), key="stories.new.title_en",
                      max_chars=160)
        st.text_input(page.t("stories.edit.new.title_da"), key="stories.new.title_da",
                      max_chars=160)
        st.multiselect(page.t("stories.edit.new.attractions"), options=attraction_ids,
                       format_func=label, key="stories.new.attractions", placeholder=choose)
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
        left, right = st.columns(2)
        left.text_input(page.t("stories.edit.new.title_en"), key="stories.edit.meta_title_en")
        right.text_input(page.t("stories.edit.new.title_da"), key="stories.edit.meta_title_da")
        left.text_area(page.t("stories.edit.intro_en"), key="stories.edit.intro_en", height=150,
                       max_chars=INTRO_MAX)
        right.text_area(page.t("stories.edit.intro_da"), key="stories.edit.intro_da", height=150,
                        max_chars=INTRO_MAX)
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
                   help=page.t("stories.edit.redraft.help"), on_click=edit_structure,
                   args=("redraft",), width="stretch")
    with st.form("stories.edit.step_form"):
        left, right = st.columns(2)
        left.text_input(page.t("stories.edit.title_en"), key="stories.edit.title_en")
        right.text_input(page.t("stories.edit.title_da"), key="stories.edit.title_da")
        left.text_area(page.t("stories.edit.body_en"), key="stories.edit.body_en", height=200)
        right.text_area(page.t("stories.edit.body_da"), key="stories.edit.body_da", height=200)
        left.text_area(page.t("stories.edit.facts_en"), key="stories.edit.facts_en", height=160,
                       max_chars=FACTS_MAX)
        right.text_area(page.t("stories.edit.facts_da"), key="stories.edit.facts_da", height=160,
                        max_chars=FACTS_MAX)
        st.multiselect(page.t("stories.edit.attractions"), options=attraction_ids,
                       format_func=label, key="stories.edit.attractions", placeholder=choose)
        st.multiselect(page.t("stories.edit.municipalities"), options=base.codes,
                       format_func=base.municipality_name, key="stories.edit.municipalities",
                       placeholder=choose)
        st.form_submit_button(page.t("stories.edit.apply"), key="stories.edit.step_apply",
                              on_click=apply_step)
        st.caption(page.t("stories.edit.apply_hint"))
    _pictures(page, story_draft, story_store is not None)
    add_col, add_button_col = st.columns([3, 1], vertical_alignment="bottom")
    add_col.multiselect(page.t("stories.edit.add_places"), options=attraction_ids,
                        format_func=label, key="stories.edit.add_places", placeholder=choose)
    add_button_col.button(page.t("stories.edit.add"), key="stories.edit.add", on_click=add_step)
    _check_and_save(page, base, story_draft, story_store, version)


def _pictures(page: Page, story_draft: Story, can_store: bool) -> None:
    """The edited step's pictures (remove) and the upload form (alternative text required)."""
    step = story_draft.steps[st.session_state[EDIT_STEP_KEY]]
    st.markdown(f"**{page.t('stories.media.heading')}**")
    if not step.media:
        st.caption(page.t("stories.media.none"))
    for position, media in enumerate(step.media):
        picture_col, text_col, button_col = st.columns([1, 3, 1], vertical_alignment="center")
        with picture_col:
            show_media(page, replace(media, caption="", credit="", licence=""), width=120)
        text_col.markdown(md(media.alt or media.url))
        caption = media_caption(page, media)
        if caption:
            text_col.caption(caption)
        button_col.button(page.t("stories.media.remove"), key=f"stories.media.remove.{position}",
                          on_click=remove_picture, args=(position,))
    show_message(page, MEDIA_MESSAGE_KEY)
    if not can_store:
        st.caption(page.t("stories.media.no_store"))
        return
    if len(step.media) >= MEDIA_PER_STEP_MAX:
        st.caption(page.t("stories.media.full", n=len(step.media)))
        return
    with st.form("stories.media.form", border=True):
        st.file_uploader(page.t("stories.media.file"), type=["jpg", "jpeg", "png", "webp"],
                         key=_upload_key())
        st.text_input(page.t("stories.media.alt"), key="stories.media.alt", max_chars=ALT_MAX,
                      help=page.t("stories.media.alt.help"))
        st.text_input(page.t("stories.media.caption"), key="stories.media.caption",
                      max_chars=CAPTION_MAX)
        left, right = st.columns(2)
        left.text_input(page.t("stories.media.credit"), key="stories.media.credit",
                        max_chars=CREDIT_MAX)
        right.text_input(page.t("stories.media.licence"), key="stories.media.licence",
                         max_chars=LICENCE_MAX)
        st.form_submit_button(page.t("stories.media.add"), key="stories.media.add",
                              on_click=add_picture)


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
        try:
            versions = story_store.versions(story_draft.id)
        except StoreError:
            return
        st.markdown(f"**{page.t('stories.edit.versions')}**")
        st.dataframe(pd.DataFrame([{
            page.t("stories.col.version"): v.version,
            page.t("stories.col.saved_at"): v.created_at.strftime("%Y-%m-%d %H:%M UTC"),
            page.t("stories.col.note"): v.note,
        } for v in versions]), hide_index=True, width="stretch", placeholder=GAP)
