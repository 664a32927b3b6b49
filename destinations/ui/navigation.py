"""The app's navigation: page config and the page list (titles, icons, url paths).

``app.py`` runs the chosen page; the page frame calls :func:`app_navigation` too when Streamlit
runs a page in its legacy ``pages/``-folder mode (see :func:`destinations.ui.frame.start_page`).
"""

from __future__ import annotations

import streamlit as st

# (file, title, icon); the url path is the file's stem, so that Streamlit's legacy ``pages/``-folder
# pass (the first run after a server start) finds a deep-linked page under the same url.
# Titles are bilingual because the navigation renders before a page runs.
SECTIONS = {
    "Explore · Udforsk": [
        ("pages/map.py", "National map · Danmarkskort", ":material/map:"),
        ("pages/profile.py", "Destination profile · Destinationsprofil", ":material/location_city:"),
        ("pages/season.py", "Season & capacity · Sæson og kapacitet", ":material/calendar_month:"),
        ("pages/itineraries.py", "Itineraries · Rejseruter", ":material/route:"),
        ("pages/stories.py", "Stories · Fortællinger", ":material/auto_stories:"),
    ],
    "Plan · Planlæg": [
        ("pages/editor.py", "Scenario editor · Scenarieeditor", ":material/edit_location_alt:"),
        ("pages/compare.py", "Compare scenarios · Sammenlign", ":material/compare:"),
        ("pages/generator.py", "Plan generator · Plangenerator", ":material/auto_awesome:"),
        ("pages/proposals.py", "Proposals · Forslag", ":material/handshake:"),
    ],
    "About · Om": [
        ("pages/data.py", "Data & sources · Data og kilder", ":material/menu_book:"),
        ("pages/members.py", "Members · Medlemmer", ":material/group:"),
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
    st.set_page_config(page_title="Destinations · Denmark", page_icon=":material/map:", layout="wide")
    sections = {
        section: [
            st.Page(path, title=title, icon=icon, url_path=HOME_URL_PATH if path == DEFAULT_PAGE
                    else url_path(path), default=path == DEFAULT_PAGE)
            for path, title, icon in pages
        ]
        for section, pages in SECTIONS.items()
    }
    # Streamlit serves the default page at "/" only and answers its own url path with "Page not
    # found"; a hidden twin under the file's url path keeps "/map" a working link.
    section = next(name for name, pages in SECTIONS.items() if any(p[0] == DEFAULT_PAGE for p in pages))
    title, icon = next((t, i) for p, t, i in SECTIONS[section] if p == DEFAULT_PAGE)
    sections[section].append(st.Page(DEFAULT_PAGE, title=title, icon=icon,
                                     url_path=url_path(DEFAULT_PAGE), visibility="hidden"))
    return st.navigation(sections)
