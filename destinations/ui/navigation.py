"""The app's navigation: page config and the page list (titles, icons, url paths).

``app.py`` runs the chosen page; the page frame calls :func:`app_navigation` too when Streamlit
runs a page in its legacy ``pages/``-folder mode (see :func:`destinations.ui.frame.start_page`).
"""

from __future__ import annotations

import streamlit as st

from destinations.i18n import NC_, N_, Entry, entry_text

# (file, title, icon); the url path is the file's stem, so that Streamlit's legacy ``pages/``-folder
# pass (the first run after a server start) finds a deep-linked page under the same url.
# Titles and sections are English msgids, shown in the session's language (the switch's callback
# sets it before the script runs, so the sidebar changes language in the same run as the page).
SECTIONS: dict[Entry, list[tuple[str, Entry, str]]] = {
    N_("Explore"): [
        ("pages/map.py", N_("National map"), ":material/map:"),
        ("pages/profile.py", N_("Destination profile"), ":material/location_city:"),
        ("pages/season.py", N_("Season & capacity"), ":material/calendar_month:"),
        ("pages/itineraries.py", N_("Itineraries"), ":material/route:"),
        ("pages/stories.py", N_("Stories"), ":material/auto_stories:"),
    ],
    NC_("navigation section", "Plan"): [
        ("pages/editor.py", N_("Scenario editor"), ":material/edit_location_alt:"),
        ("pages/compare.py", N_("Compare scenarios"), ":material/compare:"),
        ("pages/generator.py", N_("Plan generator"), ":material/auto_awesome:"),
        ("pages/proposals.py", N_("Proposals"), ":material/handshake:"),
    ],
    N_("About"): [
        ("pages/data.py", N_("Data & sources"), ":material/menu_book:"),
        ("pages/members.py", N_("Members"), ":material/group:"),
    ],
}
DEFAULT_PAGE = "pages/map.py"
#: The default page's reserved url path (never shown: Streamlit serves the default page at "/").
HOME_URL_PATH = "home"


def url_path(page_file: str) -> str:
    """The url path of a page file ('pages/data.py' -> 'data')."""
    return page_file.removeprefix("pages/").removesuffix(".py")


def app_navigation() -> st.Page:
    """Set the page config and register the navigation; return the page to run.

    Page files are relative to the main script's folder (the repository root).
    """
    from destinations.ui.frame import language  # the frame imports this module

    st.set_page_config(page_title="Destinations · Denmark", page_icon=":material/map:", layout="wide")
    lang = language()
    sections = {
        entry_text(section, lang): [
            st.Page(path, title=entry_text(title, lang), icon=icon,
                    url_path=HOME_URL_PATH if path == DEFAULT_PAGE else url_path(path),
                    default=path == DEFAULT_PAGE)
            for path, title, icon in pages
        ]
        for section, pages in SECTIONS.items()
    }
    # Streamlit serves the default page at "/" only and answers its own url path with "Page not
    # found"; a hidden twin under the file's url path keeps "/map" a working link.
    section = next(name for name, pages in SECTIONS.items() if any(p[0] == DEFAULT_PAGE for p in pages))
    title, icon = next((t, i) for p, t, i in SECTIONS[section] if p == DEFAULT_PAGE)
    sections[entry_text(section, lang)].append(
        st.Page(DEFAULT_PAGE, title=entry_text(title, lang), icon=icon,
                url_path=url_path(DEFAULT_PAGE), visibility="hidden"))
    return st.navigation(sections)
