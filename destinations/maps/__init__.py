"""Maps: folium builders that work offline, the layers they draw, colour scales.

* :mod:`.leaflet` — the offline Leaflet map, municipality/border/attraction layers, legends,
  escaped popups and tooltips, company colours (re-exported here: ``maps.new_map`` ...).
* :mod:`.layers` — display geometry (simplified, coverage-preserving) and GeoJSON strings.
* :mod:`.choropleth` — a municipality metric with quantile bins for colouring.
* :mod:`.scenario_maps` — the scenario editor's and the comparison's map layers.

No Streamlit here; pages draw the folium map through :mod:`destinations.ui`.
"""

from destinations.maps.leaflet import (
    DENMARK_CENTER,
    DENMARK_ZOOM,
    PALETTE,
    SEA_COLOUR,
    UNAFFILIATED_FILL,
    OfflineMap,
    add_attractions,
    add_company_borders,
    add_municipalities,
    attractions_geojson,
    company_colours,
    esc,
    legend_html,
    marker_radius,
    new_map,
)

__all__ = [
    "DENMARK_CENTER", "DENMARK_ZOOM", "PALETTE", "SEA_COLOUR", "UNAFFILIATED_FILL", "OfflineMap",
    "add_attractions", "add_company_borders", "add_municipalities", "attractions_geojson",
    "company_colours", "esc", "legend_html", "marker_radius", "new_map",
]
