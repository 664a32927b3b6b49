"""JSON-ready summaries of the facts (the payload of ``destinations facts summary --json``)."""

from __future__ import annotations

import math

from destinations.data.base import BaseData
from destinations.data.geography import REGION_DST_CODES
from destinations.facts.constants import ACCOMMODATION_TYPES, REGION_CODE_SYSTEM
from destinations.facts.loader import load_facts


def _number(value: float) -> float | None:
    """JSON-safe float: NaN becomes None (a gap, shown as such)."""
    value = float(value)
    return None if math.isnan(value) else value


def facts_summary(base: BaseData, year: int) -> dict:
    """The summary of one year, ready for ``json.dumps``.

    Returns
    -------
    dict
        ``year``; ``model_version``; ``units`` ("overnight stays");
        ``national_overnights`` (all types, all guests; whole overnights, the sum of ``by_type``);
        ``region_code_system`` ("DST": Statistics Denmark codes "081".."085");
        ``by_region`` {DST region code: overnights};
        ``by_type`` {accommodation type: overnights} (sums to ``national_overnights``);
        ``by_kind`` {official / compiled / modelled: share of overnights};
        ``municipalities`` {code: {``name``, ``overnights``, ``foreign_share`` (None where the total
        is 0), ``kind``}} for all 98; ``sources`` {dataset: source text}; ``notes`` (assumptions).
    """
    table = load_facts(base, year)
    annual = table.annual()
    foreign = table.foreign_share()
    kinds = table.kinds()
    by_type = table.overnights.groupby("type")["value"].sum()
    region_of = base.municipalities["region_code"].map(REGION_DST_CODES)
    by_region = annual.groupby(region_of.reindex(annual.index)).sum()
    # Whole overnights: the fit meets its margins to ~1e-11, so rounding loses nothing real; the
    # national figure is the sum of the rounded types so that by_type adds up to it exactly.
    types = {t: float(round(by_type.get(t, 0.0))) for t in ACCOMMODATION_TYPES}
    national = float(sum(types.values()))
    return {
        "year": int(table.year),
        "model_version": table.model_version,
        "units": "overnight stays",
        "national_overnights": national,
        "region_code_system": REGION_CODE_SYSTEM,
        "by_region": {code: float(round(by_region.get(code, 0.0)))
                      for code in sorted(REGION_DST_CODES.values())},
        "by_type": types,
        "by_kind": table.share_by_kind(),
        "municipalities": {
            code: {
                "name": base.municipality_name(code),
                "overnights": float(round(annual[code])),
                "foreign_share": _number(round(foreign[code], 4)),
                "kind": str(kinds[code]),
            }
            for code in table.codes
        },
        "sources": dict(table.sources),
        "notes": list(table.notes),
    }
