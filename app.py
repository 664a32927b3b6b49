"""Entry point: run the page chosen in the navigation. Run with `streamlit run app.py`.

The page config and the page list live in destinations/ui/navigation.py, so that the page frame
can register them too (Streamlit's first run after a server start, see frame.start_page).
"""

import logging

from destinations.ui.memory import start_memory_trimmer
from destinations.ui.navigation import app_navigation

# Details the pages keep from visitors (a store outage's host and driver message) go to the
# server log; the package itself only attaches NullHandlers.
_log = logging.getLogger("destinations")
if not any(type(handler) is logging.StreamHandler for handler in _log.handlers):
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _log.addHandler(_handler)
    _log.setLevel(logging.INFO)

start_memory_trimmer()
app_navigation().run()
