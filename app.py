"""Entry point: page config and navigation. Run with `streamlit run app.py`."""

from pathlib import Path

import streamlit as st

st.set_page_config(page_title="Destinations · Denmark", page_icon=":material/map:", layout="wide")

ROOT = Path(__file__).parent

# (file, title, icon, url path); titles are bilingual because navigation renders before a page runs.
SECTIONS = {
    "Explore · Udforsk": [
        ("pages/1_Map.py", "National map · Danmarkskort", ":material/map:", "map"),
        ("pages/5_Profile.py", "Destination profile · Destinationsprofil", ":material/location_city:",
         "profile"),
        ("pages/7_Seasonality.py", "Season & capacity · Sæson og kapacitet", ":material/calendar_month:",
         "season"),
        ("pages/10_Itineraries.py", "Itineraries · Rejseruter", ":material/route:", "itineraries"),
        ("pages/6_Stories.py", "Stories · Fortællinger", ":material/auto_stories:", "stories"),
    ],
    "Plan · Planlæg": [
        ("pages/3_Scenario_editor.py", "Scenario editor · Scenarieeditor", ":material/edit_location_alt:",
         "editor"),
        ("pages/4_Compare.py", "Compare scenarios · Sammenlign", ":material/compare:", "compare"),
        ("pages/8_Generator.py", "Plan generator · Plangenerator", ":material/auto_awesome:",
         "generator"),
    ],
    "About · Om": [
        ("pages/9_Data.py", "Data & sources · Data og kilder", ":material/menu_book:", "data"),
    ],
}

navigation = {
    section: [
        st.Page(str(ROOT / path), title=title, icon=icon, url_path=url, default=(url == "map"))
        for path, title, icon, url in pages
    ]
    for section, pages in SECTIONS.items()
}
st.navigation(navigation).run()
