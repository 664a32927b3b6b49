"""The shared page frame: the language (kept in the session and the URL), translated text, error
boundary; who is signed in (or local mode) and their inbox of proposals, in every page's sidebar."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Mapping

import streamlit as st

from destinations.errors import DataError, DestinationsError
from destinations.i18n import LANGUAGE_NAMES, LANGUAGES, Table, normalize_language, translate
from destinations.ui.escape import md
from destinations.ui import account  # installs the store's identity resolver (the session's user)

#: The URL query parameter that carries the language (``?lang=da``; English is the default).
LANG_PARAM = "lang"
#: The session's language. A plain session key, not a widget's: Streamlit drops a widget's state
#: when the page changes (each page draws its own switch), and the sidebar's page links carry no
#: query string, so neither the widget nor the URL alone outlives a click in the sidebar.
LANGUAGE_KEY = "ui.language"
#: The key of the language switch; set from :data:`LANGUAGE_KEY` before it is drawn on each run.
SWITCH_KEY = "ui.language.switch"

@dataclass(frozen=True)
class Page:
    """What a page needs from the frame: the language and a translator bound to its table."""

    lang: str
    table: Mapping[str, Mapping[str, str]]

    def t(self, key: str, **values: object) -> str:
        return translate(self.table, key, self.lang, **values)


def language() -> str:
    """The session's language: seeded once from the URL (a reload or a shared link), then kept in
    the session across page switches."""
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = normalize_language(st.query_params.get(LANG_PARAM))
    return normalize_language(st.session_state[LANGUAGE_KEY])


def _on_language_switch() -> None:
    """Callback of the switch: runs before the script, so the whole run sees the new language."""
    chosen = st.session_state.get(SWITCH_KEY)
    if chosen in LANGUAGES:
        st.session_state[LANGUAGE_KEY] = chosen


def language_switch(label_table: Table) -> str:
    """Draw the language switch in the sidebar showing the session's language; keep ``?lang=`` in
    the URL on every page, so the address bar is always a link in the reader's language."""
    lang = language()
    # Seeding the widget on every run shows the choice on a page that has not drawn it before.
    st.session_state[SWITCH_KEY] = lang
    st.sidebar.segmented_control(
        translate(label_table, "app.language", lang),
        options=list(LANGUAGES),
        format_func=lambda code: LANGUAGE_NAMES[code],
        key=SWITCH_KEY,
        required=True,
        on_change=_on_language_switch,
    )
    if lang == "en":
        if LANG_PARAM in st.query_params:
            del st.query_params[LANG_PARAM]
    elif st.query_params.get(LANG_PARAM) != lang:
        st.query_params[LANG_PARAM] = lang
    return lang


def _legacy_pages_run() -> bool:
    """True while Streamlit runs a page in its legacy ``pages/``-folder mode.

    A server's first script run, before any ``st.navigation`` call, lists ``pages/*.py`` itself
    and runs the requested page directly (a deep link such as ``/data``), skipping ``app.py``.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without the legacy mode
        return False
    return bool(getattr(PagesManager, "uses_pages_directory", False))


def start_page(table: Table, title_key: str | None = None) -> Page:
    """Render the language switch and title; return the page's translator."""
    if _legacy_pages_run():
        # The legacy pass found this page (its file name is its url path, so no "Page not found").
        # Register the app's navigation, which ends the legacy mode, and run the page again the
        # normal way: rendering on here would key widgets to the entry script rather than the page,
        # and the first click would be lost.
        from destinations.ui.navigation import app_navigation

        app_navigation()
        st.rerun()
    lang = language_switch(table)
    account.sidebar(lang)
    page = Page(lang=lang, table=table)
    if title_key:
        st.title(page.t(title_key))
    return page


@contextmanager
def data_errors(page: Page) -> Iterator[None]:
    """Turn package errors into one clear message (no traceback) and stop the page."""
    try:
        yield
    except DataError as exc:
        st.error(f"{page.t('error.data')}: {md(exc)}")
        st.stop()
    except DestinationsError as exc:
        st.error(md(exc))
        st.stop()


def kind_badge(page: Page, kind: str) -> str:
    """A small coloured badge (markdown) for official / compiled / modelled / estimated."""
    colours = {"official": "green", "compiled": "blue", "modelled": "orange", "estimated": "orange"}
    return f":{colours.get(kind, 'gray')}-badge[{page.t('kind.' + kind)}]"
