"""Entry point: page config and navigation. Run with `streamlit run app.py`."""

import streamlit as st

st.set_page_config(page_title="Destinations · Denmark", page_icon=":material/map:", layout="wide")

PAGES = [
    st.Page("pages/1_Map.py", title="National map · Danmarkskort", icon=":material/map:", default=True,
            url_path="map"),
    st.Page("pages/9_Data.py", title="Data & sources · Data og kilder", icon=":material/menu_book:", url_path="data"),
]

st.navigation(PAGES).run()
