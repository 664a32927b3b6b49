"""The shared page frame: language switch (kept in the URL), translated text, error boundary."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, Mapping

import streamlit as st

from destinations.errors import DataError, DestinationsError
from destinations.i18n import LANGUAGE_NAMES, LANGUAGES, Table, normalize_language, translate

LANG_KEY = "lang"


@dataclass(frozen=True)
class Page:
    """What a page needs from the frame: the language and a translator bound to its table."""

    lang: str
    table: Mapping[str, Mapping[str, str]]

    def t(self, key: str, **values: object) -> str:
        return translate(self.table, key, self.lang, **values)


def language() -> str:
    """The current language from the URL (``?lang=da``), validated."""
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = normalize_language(st.query_params.get(LANG_KEY, "en"))
    return normalize_language(st.session_state[LANG_KEY])


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
    lang = language()
    st.sidebar.segmented_control(
        translate(table, "app.language", lang),
        options=list(LANGUAGES),
        format_func=lambda code: LANGUAGE_NAMES[code],
        key=LANG_KEY,
        required=True,
    )
    lang = language()
    # Keep the choice in the URL so a shared link opens in the same language (English is default).
    if lang == "en":
        if LANG_KEY in st.query_params:
            del st.query_params[LANG_KEY]
    elif st.query_params.get(LANG_KEY) != lang:
        st.query_params[LANG_KEY] = lang
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
        st.error(f"{page.t('error.data')}: {exc}")
        st.stop()
    except DestinationsError as exc:
        st.error(str(exc))
        st.stop()


def kind_badge(page: Page, kind: str) -> str:
    """A small coloured badge (markdown) for official / compiled / modelled / estimated."""
    colours = {"official": "green", "compiled": "blue", "modelled": "orange", "estimated": "orange"}
    return f":{colours.get(kind, 'gray')}-badge[{page.t('kind.' + kind)}]"
