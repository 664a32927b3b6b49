"""Scenario import and export: plan CSV, GeoJSON/GeoPackage of companies, share links, CLI helpers.

* **CSV import** (:func:`parse_plan_csv`): one row per municipality, a ``kommune_code`` or a
  municipality name column and a ``company`` column (Danish headers accepted). Tolerant of Danish
  spreadsheet exports: ``;`` or ``,`` or tab separated, UTF-8 with or without BOM, or Windows-1252.
  Refuses Excel workbooks (detected by their magic bytes) and files over :data:`MAX_UPLOAD_BYTES`.
  Problems are reported per row (unknown municipality, listed twice, blank cell, bad company name);
  with any error no scenario is produced, so the current one stays untouched.
* **Exports**: the plan as CSV (re-importable), and the dissolved companies with every company metric
  as GeoJSON (EPSG:4326, RFC 7946) or GeoPackage (EPSG:25832).
* **Share link** (:func:`encode_share_link`): the whole plan in one URL-safe string,
  ``p1.<assignment>.<names>.<checksum>`` - one base-36 digit per municipality (company index + 1,
  ``0`` = unaffiliated; two digits per municipality when a plan has more than 35 companies), the
  names zlib-compressed in base64url, and the first 12 hex digits of SHA-256 of the rest. A link
  that was cut, edited or forged without the checksum is refused whole.
* **CLI** (wired by :mod:`destinations.cli`): :func:`evaluate_plan_file`; exports of saved
  scenarios live beside the store (:func:`destinations.store.exports.export_scenario`).
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import math
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

import numpy as np

from destinations.errors import DataError, ScenarioError
from destinations.scenarios.scenario import TODAY_NAME, Scenario, validate_name
from destinations.scenarios.uploads import (  # noqa: F401 - MAX_UPLOAD_BYTES is part of this API
    MAX_UPLOAD_BYTES,
    escape_markup,
    fold,
    neutralize_cell,
    parse_number,
    read_rows,
    read_text_upload,
    restore_cell,
    sniff_separator,
)

if TYPE_CHECKING:  # geopandas is imported lazily: the CLI's CSV paths do not need it
    import geopandas as gpd

#: Longest share link accepted (characters).
MAX_LINK_LENGTH = 20_000
EXPORT_FORMATS = ("csv", "geojson", "gpkg")

_CODE_HEADERS = ("kommune_code", "kommunekode", "kommune_kode", "code", "kode", "kommunenr")
_NAME_HEADERS = ("municipality", "kommune", "kommune_name", "kommunenavn", "name", "navn")
_COMPANY_HEADERS = ("company", "destination_company", "destinationsselskab", "selskab",
                    "destination")
#: Cell values meaning "in no destination company".
UNAFFILIATED_WORDS = ("ingen", "none", "unaffiliated", "-", "(none)", "uden selskab")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


#: What :func:`plan_csv` writes for a municipality in no company (one of UNAFFILIATED_WORDS).
UNAFFILIATED_CELL = "Ingen"
_fold = fold  # the name the store modules import


# ---------------------------------------------------------------------------------------------
# CSV import
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RowError:
    """One problem of an imported file; ``row`` is the line number in the file (header = 1)."""

    row: int
    value: str
    problem: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.problem}" + (f" ({self.value!r})" if self.value else "")


@dataclass(frozen=True)
class ImportResult:
    """Outcome of :func:`parse_plan_csv`: a scenario only when there are no errors."""

    scenario: Scenario | None
    errors: tuple[RowError, ...]
    unlisted: tuple[str, ...] = ()  # municipalities absent from the file (left unaffiliated)

    @property
    def ok(self) -> bool:
        return self.scenario is not None

    def message(self, limit: int = 5) -> str:
        """One line naming the problems (for the CLI and the UI)."""
        if self.ok:
            return "ok"
        shown = "; ".join(str(e) for e in self.errors[:limit])
        more = f"; and {len(self.errors) - limit} more" if len(self.errors) > limit else ""
        return f"{len(self.errors)} problem(s): {shown}{more}"


@dataclass(frozen=True)
class MunicipalityIndex:
    """Codes and names of the municipalities a plan may use."""

    codes: tuple[str, ...]
    names: Mapping[str, str]

    @classmethod
    def from_base(cls, base) -> "MunicipalityIndex":
        return cls(tuple(base.codes), dict(zip(base.municipalities["code"],
                                               base.municipalities["name"].astype(str))))

    def by_name(self) -> dict[str, str]:
        return {_fold(name): code for code, name in self.names.items()}


def parse_plan_csv(raw: bytes, municipalities: MunicipalityIndex, *, name: str = "Imported plan",
                   label: str = "plan.csv", like: Scenario | None = None) -> ImportResult:
    """Read a plan CSV; every problem is reported with its row, and no scenario then.

    Parameters
    ----------
    raw
        The file's bytes (as uploaded).
    municipalities
        The allowed codes and their names.
    name
        Name of the resulting scenario.
    like
        A scenario whose company ids are reused for companies of the same name (so exporting and
        re-importing a plan keeps its ids and locks nothing).

    Raises
    ------
    DataError
        When the file as a whole is unusable: too large, Excel, not text, no usable header.
    """
    text = read_text_upload(raw, label)
    header, rows = read_rows(text)
    if not header:
        raise DataError(label, "is empty", "write a header row 'kommune_code,company' and one "
                                           "row per municipality")
    code_col = next((header.index(h) for h in _CODE_HEADERS if h in header), None)
    name_col = next((header.index(h) for h in _NAME_HEADERS if h in header), None)
    company_col = next((header.index(h) for h in _COMPANY_HEADERS if h in header), None)
    if company_col is None or (code_col is None and name_col is None):
        raise DataError(label, f"needs a 'kommune_code' (or municipality name) column and a "
                               f"'company' column; found {header}",
                        "rename the header row, e.g. 'kommune_code;company'")
    by_name = municipalities.by_name()
    valid = set(municipalities.codes)
    errors: list[RowError] = []
    first_row: dict[str, int] = {}
    assignment: dict[str, str | None] = {}
    company_names: dict[str, str] = {}  # folded -> as written first
    for line, cells in rows:
        cells = cells + [""] * (len(header) - len(cells))
        code_text = restore_cell(cells[code_col].strip()) if code_col is not None else ""
        name_text = restore_cell(cells[name_col].strip()) if name_col is not None else ""
        company_text = cells[company_col].strip()
        code = _resolve_code(code_text, name_text, valid, by_name, municipalities, line, errors)
        if code is None:
            continue
        if code in first_row:
            errors.append(RowError(line, code_text or name_text,
                                   f"municipality {code} is already listed in row {first_row[code]}"))
            continue
        first_row[code] = line
        if not company_text:
            errors.append(RowError(line, "", f"the company cell of municipality {code} is blank "
                                             f"(write a company name or 'Ingen')"))
            continue
        # The marker is read from the cell as written: "-" is no company, while "'-" is the
        # company called "-" as plan_csv writes it (quoted like a formula, see neutralize_cell).
        if _fold(company_text) in UNAFFILIATED_WORDS:
            assignment[code] = None
            continue
        try:
            company = validate_name(restore_cell(company_text, reserved=UNAFFILIATED_WORDS))
        except ScenarioError as exc:
            errors.append(RowError(line, company_text[:40], str(exc)))
            continue
        company_names.setdefault(_fold(company), company)
        assignment[code] = _fold(company)
    if not rows:
        errors.append(RowError(1, "", "the file has a header but no rows"))
    if errors:
        return ImportResult(None, tuple(errors))

    scenario = Scenario.empty(municipalities.codes, name=name)
    ids: dict[str, str] = {}
    for folded, shown in company_names.items():
        reuse = like.company_id_by_name(shown) if like is not None else None
        scenario, ids[folded] = scenario.new_company(
            shown, company_id=reuse if reuse not in scenario.names else None)
    scenario = scenario.move_many({code: (ids[c] if c is not None else None)
                                   for code, c in assignment.items()})
    unlisted = tuple(code for code in municipalities.codes if code not in first_row)
    return ImportResult(scenario, (), unlisted)


def _resolve_code(code_text, name_text, valid, by_name, municipalities, line, errors) -> str | None:
    code = None
    if code_text:
        normal = code_text.lstrip("0") if code_text.isdigit() else code_text
        if re.fullmatch(r"\d+\.0+", normal):
            normal = normal.split(".")[0]
        if normal not in valid:
            errors.append(RowError(line, code_text, "unknown municipality code"))
            return None
        code = normal
    if name_text:
        named = by_name.get(_fold(name_text))
        if named is None and code is None:
            errors.append(RowError(line, name_text, "unknown municipality name"))
            return None
        if named is not None and code is not None and named != code:
            errors.append(RowError(line, f"{code_text} / {name_text}",
                                   f"code {code} is {municipalities.names[code]}, not {name_text}"))
            return None
        code = code or named
    if code is None:
        errors.append(RowError(line, "", "the municipality cell is blank"))
    return code


def import_plan_csv(raw: bytes, municipalities: MunicipalityIndex, **kwargs) -> Scenario:
    """:func:`parse_plan_csv` that raises :class:`ScenarioError` (one line) on any row error."""
    result = parse_plan_csv(raw, municipalities, **kwargs)
    if not result.ok:
        raise ScenarioError(f"{kwargs.get('label', 'plan.csv')}: {result.message()}")
    return result.scenario


# ---------------------------------------------------------------------------------------------
# Exports
# ---------------------------------------------------------------------------------------------
def plan_csv(scenario: Scenario, municipalities: MunicipalityIndex, *, sep: str = ",") -> bytes:
    """The plan as CSV (UTF-8 with BOM so Excel shows æøå): kommune_code, municipality, company.

    Text cells go through :func:`~destinations.scenarios.uploads.neutralize_cell`: a company named
    ``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)`` and opens as text, and one named like the
    no-company marker (``-``, ``Ingen``) is quoted too; :func:`parse_plan_csv` reads both back to
    the original names.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    writer.writerow(["kommune_code", "municipality", "company"])
    names = scenario.names
    for code in scenario.codes:
        label = scenario.company_of(code)
        company = (neutralize_cell(names[label], reserved=UNAFFILIATED_WORDS)
                   if label is not None else UNAFFILIATED_CELL)
        writer.writerow([neutralize_cell(code), neutralize_cell(municipalities.names.get(code, "")),
                         company])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def companies_frame(base, evaluation) -> "gpd.GeoDataFrame":
    """Dissolved companies (EPSG:25832) with every company metric as a column.

    Columns: ``company_id``, ``company``, ``member_codes`` (comma-joined), ``member_names``,
    one per company metric key, ``scenario``, ``facts_year``, ``flows`` (the flow source), and
    ``kinds`` (``key=kind`` pairs, so a reader can see which figures are modelled).
    """
    import geopandas as gpd
    import shapely

    from destinations.scenarios.metrics import COMPANY_METRICS

    scenario = evaluation.scenario
    ctx = evaluation._ctx
    members = scenario.companies()
    municipalities = base.municipalities
    rows, geoms = [], []
    for cid, values in evaluation.companies.items():
        codes = members[cid]
        geoms.append(shapely.union_all(municipalities.loc[list(codes)].geometry.values))
        row = {"company_id": cid, "company": scenario.names[cid], "member_codes": ",".join(codes),
               "member_names": ", ".join(str(municipalities.at[c, "name"]) for c in codes)}
        for metric in COMPANY_METRICS:
            row[metric.key] = _plain(values[metric.key])
        row["scenario"] = scenario.name
        row["facts_year"] = ctx.year
        row["flows"] = ctx.flow_source
        row["kinds"] = ";".join(f"{m.key}={evaluation.kind(m.key, cid).value}"
                                for m in COMPANY_METRICS)
        rows.append(row)
    frame = gpd.GeoDataFrame(rows, geometry=geoms, crs=municipalities.crs)
    if frame.empty:
        frame = gpd.GeoDataFrame({"company_id": []}, geometry=[], crs=municipalities.crs)
    return frame


def write_companies(frame, out: str | Path, fmt: str) -> Path:
    """Write :func:`companies_frame` as ``geojson`` (EPSG:4326) or ``gpkg`` (EPSG:25832)."""
    import pandas as pd

    from destinations.settings import DISPLAY_CRS

    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = frame.copy()
    # Names are user text, and map viewers put properties into HTML popups as they are.
    for column in frame.columns:
        if column == "geometry":
            continue
        if frame[column].dtype == object:
            frame[column] = frame[column].map(lambda v: None if v is None else
                                              (int(v) if isinstance(v, bool) else escape_markup(v)))
        elif pd.api.types.is_string_dtype(frame[column].dtype):
            frame[column] = frame[column].map(escape_markup)
    if fmt == "geojson":
        frame.to_crs(DISPLAY_CRS).to_file(path, driver="GeoJSON", engine="pyogrio")
    elif fmt == "gpkg":
        frame.to_file(path, driver="GPKG", layer="companies", engine="pyogrio")
    else:
        raise ScenarioError(f"Unknown export format {fmt!r}; use one of {list(EXPORT_FORMATS)}.")
    return path


def _plain(value: object) -> object:
    """JSON/GIS-ready: numpy scalars to Python, NaN to None (a gap), bools kept."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    return value


# ---------------------------------------------------------------------------------------------
# Share links
# ---------------------------------------------------------------------------------------------
def encode_share_link(scenario: Scenario) -> str:
    """The whole plan (assignment, company ids, names, locks, scenario name) as a URL-safe string."""
    order = sorted(scenario.codes, key=lambda c: (len(c), c))
    company_ids = [cid for cid, _ in scenario.company_names]
    width = 1 if len(company_ids) < len(_DIGITS) else 2
    if len(company_ids) >= len(_DIGITS) ** width:
        raise ScenarioError(f"{len(company_ids)} companies are too many for a share link.")
    position = {cid: k + 1 for k, cid in enumerate(company_ids)}
    digits = "".join(_base36(position.get(scenario.company_of(code), 0), width) for code in order)
    meta = [scenario.name, scenario.id, len(order),
            [[cid, name, int(cid in scenario.locked)] for cid, name in scenario.company_names]]
    packed = base64.urlsafe_b64encode(zlib.compress(json.dumps(
        meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 9)).decode().rstrip("=")
    body = f"p1.{width}{digits}.{packed}"
    return f"{body}.{_checksum(body)}"


def decode_share_link(link: str, codes: Sequence[str]) -> Scenario:
    """Rebuild the scenario of :func:`encode_share_link`; any damage raises :class:`ScenarioError`."""
    damaged = ScenarioError("The share link is damaged or was edited (it does not check out). "
                            "Nothing was changed; ask for a fresh link.")
    if not isinstance(link, str) or len(link) > MAX_LINK_LENGTH:
        raise damaged
    parts = link.strip().split(".")
    if len(parts) != 4 or parts[0] != "p1":
        raise damaged
    body = ".".join(parts[:3])
    if parts[3] != _checksum(body):
        raise damaged
    assignment_text, packed = parts[1], parts[2]
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(base64.urlsafe_b64decode(packed + "=" * (-len(packed) % 4)),
                                  MAX_LINK_LENGTH * 4)
        if inflater.unconsumed_tail:
            raise damaged
        name, scenario_id, count, companies = json.loads(raw.decode("utf-8"))
        width = int(assignment_text[0])
        digits = assignment_text[1:]
    except (ValueError, TypeError, zlib.error, UnicodeDecodeError, IndexError):
        raise damaged from None
    order = sorted(codes, key=lambda c: (len(c), c))
    if count != len(order) or width not in (1, 2) or len(digits) != width * len(order):
        raise ScenarioError(f"The share link is for a plan of {count} municipalities; this data "
                            f"set has {len(order)}. Nothing was changed.")
    try:
        ids = [str(c[0]) for c in companies]
        names = {str(c[0]): c[1] for c in companies}
        assignment = {}
        for k, code in enumerate(order):
            index = int(digits[k * width:(k + 1) * width], 36)
            assignment[code] = None if index == 0 else ids[index - 1]
        return Scenario.from_assignment(assignment, names, codes=tuple(codes), name=name,
                                        scenario_id=str(scenario_id),
                                        locked=[str(c[0]) for c in companies if c[2]])
    except (ValueError, TypeError, IndexError, KeyError):
        raise damaged from None


def _base36(number: int, width: int) -> str:
    out = ""
    for _ in range(width):
        number, rest = divmod(number, 36)
        out = _DIGITS[rest] + out
    return out


def _checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------------------------------------
# CLI helpers (JSON-ready)
# ---------------------------------------------------------------------------------------------
def load_context(base, *, year: int | None = None, facts=None, flow_params=None, flows=None):
    """The :class:`~destinations.scenarios.metrics.EvaluationContext` for ``base`` and a facts year."""
    from destinations.scenarios.flows import FlowParams
    from destinations.scenarios.metrics import EvaluationContext

    if facts is None:
        from destinations.facts import AVAILABLE_YEARS, load_facts

        if year is not None and year not in AVAILABLE_YEARS:
            raise ScenarioError(f"No tourism facts for {year}; available years: "
                                f"{list(AVAILABLE_YEARS)}.")
        facts = load_facts(base, year if year is not None else max(AVAILABLE_YEARS))
    return EvaluationContext.from_base(base, facts, flow_params=flow_params or FlowParams(),
                                       flows=flows)


def evaluation_to_dict(evaluation) -> dict:
    """``{"plan": {...}, "companies": {name: {...}}, ...}`` - the CLI's ``--json`` document.

    ``plan`` holds every plan metric plus ``floor_violations``, ``noncontiguous_companies`` and
    ``lighthouseless_companies`` (company names); NaN gaps are ``null``.
    """
    scenario = evaluation.scenario
    names = scenario.names
    violations = evaluation.violations()
    plan = {key: _plain(value) for key, value in evaluation.plan.items()}
    plan["floor_violations"] = [names[c] for c in violations["below_floor"]]
    plan["noncontiguous_companies"] = [names[c] for c in violations["noncontiguous"]]
    plan["lighthouseless_companies"] = [names[c] for c in violations["no_lighthouse"]]
    companies = {}
    for cid, values in evaluation.companies.items():
        record = {key: _plain(value) for key, value in values.items()}
        record["id"] = cid
        record["member_codes"] = list(scenario.companies()[cid])
        companies[names[cid]] = record
    ctx = evaluation._ctx
    return {
        "scenario": scenario.name,
        "plan": plan,
        "companies": companies,
        "unaffiliated_municipalities": list(scenario.unaffiliated()),
        "themes": {t.theme: {"attractions": t.attractions, "companies": t.companies,
                             "unaffiliated": t.unaffiliated,
                             "effective_splits": _plain(t.effective_splits)}
                   for t in evaluation.themes},
        "leaky_borders": [{"from": b.code_a, "to": b.code_b, "kind": b.kind,
                           "company_from": names.get(b.company_a) if b.company_a else None,
                           "company_to": names.get(b.company_b) if b.company_b else None,
                           "flow": _plain(b.flow), "share": _plain(b.share)}
                          for b in evaluation.leaky_borders],
        "provenance": {"facts_year": ctx.year, "flows": ctx.flow_source,
                       "flow_kind": ctx.flow_kind.value, "floor": ctx.floor,
                       "lighthouse_threshold": ctx.lighthouse_threshold,
                       "size_band": list(ctx.size_band)},
    }


def parse_plan_file(base, path: str | Path, *, name: str | None = None) -> ImportResult:
    """A plan CSV on disk through :func:`parse_plan_csv` (the page's importer).

    ``name`` names the scenario (default: the file name). Raises :class:`DataError` if the file is
    missing or unusable as a whole; row problems are in the result.
    """
    path = Path(path)
    if not path.is_file():
        raise DataError(path, "file not found", "give the path of a plan CSV")
    if path.stat().st_size > MAX_UPLOAD_BYTES:
        raise DataError(path, f"is larger than {MAX_UPLOAD_BYTES // 2**20} MB",
                        "a plan has 98 rows - check the file")
    return parse_plan_csv(path.read_bytes(), MunicipalityIndex.from_base(base),
                          name=name if name is not None else (path.stem[:80] or "Plan"),
                          label=str(path))


def read_plan_file(base, path: str | Path) -> Scenario:
    """A plan CSV on disk as a scenario; :class:`DataError` if the file is unusable,
    :class:`ScenarioError` (one line) for row problems."""
    result = parse_plan_file(base, path)
    if not result.ok:
        raise ScenarioError(f"{path}: {result.message()}")
    return result.scenario


def evaluate_plan_file(base, path: str | Path, *, year: int | None = None, facts=None,
                       flow_params=None) -> dict:
    """``destinations scenario evaluate PLAN.csv --json``: read, evaluate, return the document.

    Raises :class:`DataError` (file unusable) or :class:`ScenarioError` (row problems, one line).
    """
    from destinations.scenarios.metrics import evaluate

    scenario = read_plan_file(base, path)
    ctx = load_context(base, year=year, facts=facts, flow_params=flow_params)
    return evaluation_to_dict(evaluate(scenario, ctx))
