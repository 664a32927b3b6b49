"""Published attraction visitor counts, and one figure per attraction chosen by a written rule.

``geodata/attraction_visitors.csv`` keeps every published figure it found (171 rows for 70
attractions): several years per attraction, rival figures for the same year, and a free-text
qualifier ("rounded", "estimate", "lower bound", "Covid-affected year", "COMBINED ...").
Nothing is averaged. :func:`chosen_visitor_counts` picks one published figure per attraction:

1. **Drop what is not an annual count of the site**: a year span ("2017-2018"), and qualifiers
   saying *cumulative*, *not an annual figure*, *combined* (with another site), *forecast* or a
   partial year (*first ten months*, *first 12 months*).
2. **Prefer a normal year**: a dated figure from a year other than 2020-2021 (and whose qualifier
   does not say Covid); then an undated "typical year" figure; only then a Covid-year figure.
3. **Latest year first** among the dated figures of that tier.
4. **Exact over rounded over bound over estimate** within that year (classes below, the weakest
   wording found in the qualifier decides; a row with no qualifier words is exact).
5. **Rival figures of equal standing**: the lower one, so that a score never rests on the more
   generous claim; then the row order of the file (stable).

The result keeps the figure's year, qualifier, source and how many rival figures were passed
over, so a reader can see which number was used and why. :func:`figures_from_attractions` turns
the ``visitors``/``visitors_year`` columns of ``attractions.csv`` into candidates of the same
kind, so both files can be merged before choosing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from destinations.data.files import read_csv
from destinations.data.manifest import check_file, manifest_entry
from destinations.errors import DataError
from destinations.model import Attraction
from destinations.settings import Settings

VISITORS_FILE = "attraction_visitors.csv"
#: Years whose counts the pandemic distorted (closures in 2020-21, domestic booms for nature sites).
COVID_YEARS = frozenset({2020, 2021})

#: Precision classes, best first. The weakest class whose words appear in the qualifier applies.
PRECISION = ("exact", "rounded", "bound", "estimate")
_ESTIMATE = re.compile(r"estimate|weak|doubtful|not counted|not gate-counted|undated|typical",
                       re.IGNORECASE)
_BOUND = re.compile(r"lower bound|upper bound|'over|more than|just under|almost|'næsten'|'knapt'|"
                    r"closing in on|'über'|'op mod'|'godt'|season not finished", re.IGNORECASE)
_ROUNDED = re.compile(r"rounded|'rund|approx|'omkring'|'cirka'|rundede", re.IGNORECASE)
_NOT_ANNUAL = re.compile(r"cumulative|not an annual|combined|forecast|first (ten|twelve|~?\d+) months",
                         re.IGNORECASE)
#: "pre-Covid" describes a normal year, so it does not count.
_COVID = re.compile(r"(?<!pre-)covid", re.IGNORECASE)


@dataclass(frozen=True)
class VisitorFigure:
    """One published visitor count of one attraction, as the source gave it.

    ``year`` is ``None`` for an undated "typical year" figure; ``period`` is the year text as
    written ("2019", "2017-2018", "").
    """

    name: str
    visitors: int
    year: int | None
    period: str
    qualifier: str
    source: str
    row: int  # position in its file (1 = first data row), the last tie-break

    @property
    def precision(self) -> str:
        """'exact', 'rounded', 'bound' or 'estimate' (see :data:`PRECISION`)."""
        text = self.qualifier
        if _ESTIMATE.search(text):
            return "estimate"
        if _BOUND.search(text):
            return "bound"
        if _ROUNDED.search(text):
            return "rounded"
        return "exact"

    @property
    def covid(self) -> bool:
        return (self.year in COVID_YEARS) or bool(_COVID.search(self.qualifier))

    @property
    def annual(self) -> bool:
        """False for a span of years, a cumulative, combined, forecast or partial-year figure."""
        if self.period and self.year is None:
            return False  # a span such as "2017-2018"
        return not _NOT_ANNUAL.search(self.qualifier)


@dataclass(frozen=True)
class ChosenVisitors:
    """The figure used for one attraction, with why it was chosen.

    Attributes
    ----------
    figure
        The published figure used.
    candidates
        How many published figures the attraction has (all files merged).
    passed_over
        How many of them are usable annual counts that were not chosen.
    rule
        One line saying why this figure: tier, year and precision.
    """

    figure: VisitorFigure
    candidates: int
    passed_over: int
    rule: str

    @property
    def visitors(self) -> int:
        return self.figure.visitors

    @property
    def year(self) -> int | None:
        return self.figure.year

    @property
    def label(self) -> str:
        """'4,031,000 (2023)', '1,000,000 (undated estimate)', '314,500 (2020, Covid year)'."""
        when = str(self.year) if self.year is not None else "undated"
        extra = []
        if self.figure.covid:
            extra.append("Covid year")
        if self.figure.precision != "exact":
            extra.append(self.figure.precision)
        suffix = f", {', '.join(extra)}" if extra else ""
        return f"{self.visitors:,} ({when}{suffix})"


def _year(text: str) -> int | None:
    text = text.strip()
    return int(text) if re.fullmatch(r"\d{4}", text) else None


def load_attraction_visitors(settings: Settings) -> tuple[VisitorFigure, ...]:
    """Every published figure of ``attraction_visitors.csv``, in file order.

    The file is checked against the manifest first (when the folder has one).

    Raises
    ------
    DataError
        The file is missing, differs from the manifest, lacks a column or has a bad number.
    """
    path = settings.data_dir / VISITORS_FILE
    entry = manifest_entry(settings, VISITORS_FILE)
    if entry is not None:
        check = check_file(settings.data_dir, entry)
        if not check.ok:
            raise DataError(path, check.problem,
                            "restore it: `git checkout geodata/` in a clone, or reinstall the package")
    frame = read_csv(path, required=["name", "visitors", "year", "source_url", "qualifier"])
    figures = []
    for row, record in enumerate(frame.to_dict("records"), start=1):
        text = str(record.get("visitors") or "").strip()
        if not text.isdigit():
            raise DataError(path, f"row {row + 1}, column 'visitors': expected a whole number, "
                                  f"found {text!r}", "correct the value in the file")
        period = "" if record.get("year") is None or str(record["year"]) == "nan" else str(record["year"])
        qualifier = "" if record.get("qualifier") is None or str(record["qualifier"]) == "nan" \
            else str(record["qualifier"])
        figures.append(VisitorFigure(
            name=str(record["name"]).strip(), visitors=int(text), year=_year(period),
            period=period.strip(), qualifier=qualifier, source=str(record["source_url"]), row=row))
    return tuple(figures)


def figures_from_attractions(attractions: Iterable[Attraction]) -> tuple[VisitorFigure, ...]:
    """The ``visitors`` column of ``attractions.csv`` as candidates (row 0: after the file's own).

    The qualifier is the visitor part of the row's source note ("(estimate; free entry, no
    turnstiles)", "rounded"), so a figure the source calls an estimate is labelled one (Bakken's
    2.2 million), not taken as an exact count; the coordinates' note ("coords approx") is cut off.
    """
    return tuple(
        VisitorFigure(name=a.name, visitors=a.visitors, year=a.visitors_year,
                      period="" if a.visitors_year is None else str(a.visitors_year),
                      qualifier="attractions.csv: " + _visitor_note(a.source), source=a.source,
                      row=0)
        for a in attractions if a.visitors is not None)


def _visitor_note(source: str) -> str:
    """'visitors: X (estimate); coords: Y' -> 'visitors: X (estimate)'."""
    return re.split(r";\s*coords\b", str(source or ""), maxsplit=1)[0]


def _tier(figure: VisitorFigure) -> int:
    """0 dated normal year, 1 undated typical year, 2 Covid year."""
    if figure.covid:
        return 2
    return 0 if figure.year is not None else 1


_TIER_TEXT = ("latest normal year", "undated typical-year figure (no dated normal year)",
              "Covid-year figure (no normal-year figure)")


def chosen_visitor_counts(figures: Iterable[VisitorFigure]) -> dict[str, ChosenVisitors]:
    """One figure per attraction name by the rule in the module docstring (pure, deterministic).

    Parameters
    ----------
    figures
        Published figures, e.g. :func:`load_attraction_visitors` plus
        :func:`figures_from_attractions`.

    Returns
    -------
    dict
        Attraction name -> :class:`ChosenVisitors`; names with no annual figure are left out.
    """
    by_name: dict[str, list[VisitorFigure]] = {}
    for figure in figures:
        by_name.setdefault(figure.name, []).append(figure)
    out: dict[str, ChosenVisitors] = {}
    for name, rows in by_name.items():
        usable = [f for f in rows if f.annual]
        if not usable:
            continue
        best = min(usable, key=lambda f: (_tier(f), -(f.year or 0), PRECISION.index(f.precision),
                                          f.visitors, f.row))
        rule = f"{_TIER_TEXT[_tier(best)]}, {best.precision}"
        if best.year is not None:
            rule = f"{rule}, {best.year}"
        out[name] = ChosenVisitors(figure=best, candidates=len(rows),
                                   passed_over=len(usable) - 1, rule=rule)
    return out
