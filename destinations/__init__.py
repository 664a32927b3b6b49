"""destinations: a map-centric planner for Denmark's tourism destination companies.

The package is pure domain logic; only :mod:`destinations.ui` imports Streamlit.
"""

from destinations.errors import DataError, DestinationsError, ScenarioError, SolverError
from destinations.settings import Settings, load_settings

__all__ = [
    "DataError",
    "DestinationsError",
    "ScenarioError",
    "Settings",
    "SolverError",
    "load_settings",
]
__version__ = "0.1.0"
