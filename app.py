"""Entry point: run the page chosen in the navigation. Run with `streamlit run app.py`.

The page config and the page list live in destinations/ui/navigation.py, so that the page frame
can register them too (Streamlit's first run after a server start, see frame.start_page).
"""

from destinations.ui.navigation import app_navigation

app_navigation().run()
