"""How the data's own codes read to people: attraction categories and themes.

The codes stay as they are in the files (``castle/palace``, ``north-sea-coast``); the labels are
English msgids marked with :func:`~destinations.i18n.N_` and translated where they are shown.
"""

from __future__ import annotations

from destinations.i18n import N_, gettext

#: Every category of attractions.csv (see ``destinations.data.attractions.CATEGORIES``).
CATEGORY_LABELS = {
    "amusement park": N_("amusement park"),
    "beach/coast": N_("beach/coast"),
    "castle/palace": N_("castle/palace"),
    "city district": N_("city district"),
    "event venue": N_("event venue"),
    "heritage site": N_("heritage site"),
    "museum": N_("museum"),
    "nature/landscape": N_("nature/landscape"),
    "zoo/aquarium": N_("zoo/aquarium"),
}

#: The themes of attractions.csv.
THEME_LABELS = {
    "art": N_("art"),
    "cycling": N_("cycling"),
    "design-architecture": N_("design & architecture"),
    "energy": N_("energy"),
    "family": N_("family"),
    "food": N_("food"),
    "hans-christian-andersen": N_("Hans Christian Andersen"),
    "maritime": N_("maritime"),
    "nature": N_("nature"),
    "north-sea-coast": N_("North Sea coast"),
    "robots-technology": N_("robots & technology"),
    "royal": N_("royal"),
    "viking": N_("Vikings"),
    "wadden-sea": N_("Wadden Sea"),
    "ww2-history": N_("Second World War"),
}


def category_label(category: object, lang: str) -> str:
    """An attraction category in ``lang`` (an unknown code is shown as it is)."""
    text = str(category or "")
    return gettext(CATEGORY_LABELS[text], lang) if text in CATEGORY_LABELS else text


def theme_label(theme: object, lang: str) -> str:
    """A theme in ``lang`` (an unknown tag is shown as it is)."""
    text = str(theme or "")
    return gettext(THEME_LABELS[text], lang) if text in THEME_LABELS else text


def themes_text(themes, lang: str) -> str:
    """Themes as one comma-separated line in ``lang``."""
    return ", ".join(theme_label(t, lang) for t in themes or ())
