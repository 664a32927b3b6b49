"""Numbers for people on the map, profile, season and data pages: figures as text in the page's
locale (destinations.i18n: en 1,096.2 · da 1.096,2; gaps "–"; modelled values to 3 significant
figures), tables whose cells read the same way while they still sort by value, and the texts
that say what a capacity or visitor figure rests on.
"""

from __future__ import annotations

from typing import Callable, Iterable, Mapping, Sequence

import pandas as pd

from destinations.i18n import GAP, N_, fmt_number, fmt_percent, fmt_significant, gettext, is_gap

#: Precision words of a chosen visitor count (destinations.data.visitors.PRECISION), Danish.
#: How a published count's precision reads (``exact`` is not mentioned).
PRECISION_LABELS = {"rounded": N_("rounded"), "bound": N_("at least/at most"), "estimate": N_("estimate")}


def count(value: object, lang: str, *, modelled: bool = False, digits: int = 0,
          unit: str = "") -> str:
    """A count: exact (official, compiled) or to 3 significant figures (modelled), with ``unit``
    after it when given; a gap reads "–" (and carries no unit)."""
    if is_gap(value):
        return GAP
    text = fmt_significant(value, lang) if modelled and float(value) != 0 else fmt_number(
        value, lang, digits=digits)
    return f"{text} {unit}".rstrip()


def share(value: object, lang: str, *, digits: int = 1) -> str:
    """A share 0-1 as a percentage in the page's locale (en 44.6% · da 44,6 %)."""
    return fmt_percent(value, lang, digits=digits)


def points(value: object, lang: str, *, digits: int = 1) -> str:
    """A figure already in percent (occupancy 0-100+) written like :func:`share` (en 25.8% ·
    da 25,8 %)."""
    return GAP if is_gap(value) else fmt_percent(float(value) / 100.0, lang, digits=digits)


def visitors_text(chosen, lang: str) -> str:
    """A chosen published visitor count as people read it: '500.000 (udateret, skøn)'."""
    if chosen is None:
        return GAP
    figure = chosen.figure
    when = str(chosen.year) if chosen.year is not None else gettext("undated", lang)
    extra = []
    if figure.covid:
        extra.append(gettext("Covid year", lang))
    if figure.precision != "exact":
        label = PRECISION_LABELS.get(figure.precision)
        extra.append(gettext(label, lang) if label else figure.precision)
    suffix = f", {', '.join(extra)}" if extra else ""
    return f"{fmt_number(chosen.visitors, lang)} ({when}{suffix})"


def styled(frame: pd.DataFrame, lang: str, *, counts: Iterable[str] = (),
           modelled: Iterable[str] = (), shares: Iterable[str] = (),
           percent_points: Iterable[str] = (), decimals: Mapping[str, int] | None = None,
           texts: Mapping[str, Callable[[object], str]] | None = None):
    """``frame`` as a pandas Styler whose cells show in the page's locale while the values stay
    numbers (a column still sorts by value in ``st.dataframe``).

    ``counts``: exact whole numbers; ``modelled``: 3 significant figures; ``shares``: 0-1 as
    percentages; ``percent_points``: figures already in percent; ``decimals``: column -> digits;
    ``texts``: column -> any formatter. Gaps read "–" everywhere, never "None" or "nan".
    """
    formats: dict[str, Callable[[object], str]] = {}
    for column in counts:
        formats[column] = lambda v: count(v, lang)
    for column in modelled:
        formats[column] = lambda v: count(v, lang, modelled=True)
    for column in shares:
        formats[column] = lambda v: share(v, lang)
    for column in percent_points:
        formats[column] = lambda v: points(v, lang)
    for column, digits in (decimals or {}).items():
        formats[column] = lambda v, d=digits: fmt_number(v, lang, digits=d)
    formats.update(texts or {})
    present = {c: f for c, f in formats.items() if c in frame.columns}
    others = [c for c in frame.columns if c not in present]
    return frame.style.format(present).format(_plain, subset=others)


def _plain(value: object) -> str:
    """A cell that is not a number column: text as it is, a gap as "–"."""
    if isinstance(value, bool):
        return str(value)
    return GAP if is_gap(value) else str(value)


# ------------------------------------------------------------------------------ capacity
def capacity_reading(page, view, *, share: float, target: float, month_names: Sequence[str],
                     basis: str = "open", name_of: Callable[[str], str] = str) -> dict[str, str]:
    """What a :class:`~destinations.season.capacity.CapacityView` can say, as texts: the months
    over the shortage line, the overnights above it, the off-season headroom, what part of the
    scope they are read on and how much of its demand that part holds.

    Where no member has a bed-place figure every one of them reads "unknown" (never "–" or 0).
    Keys: ``known``, ``months``, ``excess``, ``headroom``, ``part``, ``coverage``, ``note``.
    """
    from destinations.facts.constants import ACCOMMODATION_TYPES
    from destinations.model import Kind
    from destinations.season.seasonality import MONTHS

    lang = page.lang
    unknown = page.t("unknown")
    if not view.covered_types:
        return {"known": "", "months": unknown, "excess": unknown, "headroom": unknown,
                "part": page.t("capacity.part.none"), "coverage": fmt_percent(0.0, lang, digits=0),
                "note": page.t("capacity.unknown.note")}
    modelled = view.kind is not Kind.OFFICIAL
    shortage = view.shortage(share)
    headroom = view.headroom(target, basis=basis)
    months = [month_names[m - 1] for m in MONTHS if m in shortage.months]
    parts = []
    for type_name in view.covered_types:
        i = ACCOMMODATION_TYPES.index(type_name)
        codes = view.capacity_codes[i] if view.capacity_codes else view.curve.codes
        label = page.t(f"type.{type_name}")
        if view.curve.scope == "national" or len(codes) == len(view.curve.codes) > 1:
            parts.append(label)
        else:
            parts.append(f"{label} ({', '.join(name_of(c) for c in codes)})")
    return {
        "known": "yes",
        "months": ", ".join(months) or page.t("capacity.none"),
        "excess": count(shortage.total_excess, lang, modelled=modelled),
        "headroom": count(headroom.total, lang, modelled=modelled),
        "part": "; ".join(parts),
        "coverage": fmt_percent(view.coverage_share, lang, digits=1 if view.coverage_share < 0.1
                                else 0),
        "note": page.t("capacity.national.note" if view.curve.capacity_kind is Kind.COMPILED
                       else "capacity.known.note"),
    }


def basis_lines(page, base, curve) -> list[tuple[str, str]]:
    """(where, inputs) of every capacity figure behind ``curve``: "Kerteminde, Camping" and what
    it was estimated from ("3 campsites (2019, ...) x 664 bed places per campsite (Eurostat...)");
    the national figures are named by type. Plain text: escape before markdown."""
    out = []
    for line in curve.capacity_basis:
        code, _, inputs = line.partition(": ")
        where, _, type_name = code.partition(" ")
        kind = page.t(f"type.{type_name}") if type_name else code
        label = (f"{base.municipality_name(where)}, {kind}" if where in base.municipalities.index
                 else kind)
        out.append((label, inputs or line))
    return out


def show_table(data, **kwargs) -> None:
    """``st.dataframe`` as the figure pages show tables: no index, full width, and a missing
    value reads "–" (Streamlit would print "None" for it, whatever the Styler says)."""
    import streamlit as st

    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    st.dataframe(data, placeholder=GAP, **kwargs)
