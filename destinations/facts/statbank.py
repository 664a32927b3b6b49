"""Statistics Denmark StatBank: table mapping, CSV parser and an online fetcher.

StatBank's CSV (``api.statbank.dk/v1/data`` with ``format=BULK`` or ``CSV``, or a download from
statistikbanken.dk) is semicolon separated, has Danish variable names as header (``OMRÅDE``,
``OVERNATF``, ``NATION1``, ``PERIODE``, ``TID``, ``INDHOLD``), ``TID`` like ``2019`` or
``2019M07``, ``..`` for cells suppressed for discretion, and comes as UTF-8 (often with a BOM) or
latin-1. Values may be codes (``101``, ``120``, ``DAN``) or texts (``København``, ``Hoteller``,
``Danmark``) depending on ``valuePresentation``; the parser accepts both.

Parsing is all-or-nothing: a malformed row, an unknown area, a negative or non-numeric value, or a
year in which some series lack months that others have raises :class:`DataError` naming the file,
the line and the column, and nothing is returned.

The fetcher (:func:`fetch_statbank`) is the only code here that touches the network; tests never
call it.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping

import pandas as pd

from destinations.data.geography import FOLDED_CODES, REGION_DST_CODES, REGION_NAMES
from destinations.errors import DataError, DestinationsError
from destinations.settings import Settings

API_URL = "https://api.statbank.dk/v1/data"


@dataclass(frozen=True)
class StatBankTable:
    """A StatBank table the project reads, with the query that fetches what it needs.

    ``verified`` says whether id and variables were checked against StatBank documentation when
    this mapping was written; unverified entries are best guesses to confirm before relying on them.
    """

    id: str
    role: str  # municipality_overnights | holiday_homes | regional_overnights | summer_houses
    title: str
    query: tuple[tuple[str, tuple[str, ...]], ...]
    verified: bool
    note: str = ""

    @property
    def filename(self) -> str:
        return f"{self.id}.csv"


#: The tables the facts module maps. Ids and variables of TURIST and FERIEH6 follow StatBank's
#: published table descriptions; the municipality overnight table and the summer-house table are
#: named here as candidates (``verified=False``): confirm with ``GET /v1/tableinfo/<id>``.
STATBANK_TABLES: Mapping[str, StatBankTable] = {
    "TURIST": StatBankTable(
        id="TURIST", role="regional_overnights",
        title="Overnatninger efter overnatningsform, område, gæstens nationalitet, periode og tid",
        query=(("OVERNATF", ("*",)), ("OMRÅDE", ("*",)), ("NATION1", ("TOT", "DAN", "UDLAN")),
               ("PERIODE", ("*",)), ("Tid", ("*",))),
        verified=True,
        note="national, regions (081-085) and landsdele; no municipalities. OVERNATF 100 = all "
             "types, 120 hotels, 130 holiday centres, 140 camping, 150 hostels, 160 marinas, "
             "170 holiday homes"),
    "FERIEH6": StatBankTable(
        id="FERIEH6", role="holiday_homes",
        title="Udlejning af feriehuse på månedsbasis efter område, gæstens nationalitet, enhed, "
              "periode og tid",
        query=(("OMRÅDE", ("*",)), ("NATION1", ("TOT", "DAN")), ("TAL", ("1270",)),
               ("PERIODE", ("*",)), ("Tid", ("*",))),
        verified=True,
        note="from 2017; OMRÅDE includes the 98 municipalities and groups of discretion-suppressed "
             "municipalities; NATION1 has no 'abroad' total, so foreign = TOT - DAN"),
    "VDK": StatBankTable(
        id="VDK", role="municipality_overnights",
        title="Overnatninger efter område, overnatningsform, nationalitet, periode og tid "
              "(VisitDenmark)",
        query=(("OVERNATF", ("120", "130", "140", "150", "160")), ("OMRÅDE", ("*",)),
               ("NATION1", ("DAN", "UDLAN")), ("PERIODE", ("*",)), ("Tid", ("*",))),
        verified=False,
        note="candidate id for overnights by municipality, type, nationality and month; seen "
             "queried through api.statbank.dk with these variables, municipality coverage not "
             "verified"),
    "BYGB12": StatBankTable(
        id="BYGB12", role="summer_houses",
        title="Bygningsbestanden efter område, anvendelse og tid (sommerhuse)",
        query=(("OMRÅDE", ("*",)), ("ANVENDELSE", ("*",)), ("Tid", ("*",))),
        verified=False,
        note="candidate id for summer-house counts by municipality; rows whose use mentions "
             "sommerhus/fritidshus are kept"),
}

_MONTH_NAMES = {name: i for i, name in enumerate(
    ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
     "oktober", "november", "december"], start=1)}
_ANNUAL_PERIODS = {"hele året", "hele aret", "år i alt"}
_SKIPPED_PERIODS = {"år til dato", "de sidste tolv måneder"}
_TYPES = {
    "120": "hotel", "hoteller": "hotel",
    "130": "holiday_centre_hostel", "feriecentre": "holiday_centre_hostel",
    "150": "holiday_centre_hostel", "vandrerhjem": "holiday_centre_hostel",
    "140": "camping", "camping": "camping", "campingpladser": "camping",
    "160": "marina", "lystbådehavne": "marina",
    "170": "holiday_home", "feriehuse": "holiday_home",
}
_AGGREGATE_TYPES = {"100", "alle typer", "110", "hoteller og feriecentre i alt",
                    "hoteller og feriecentre"}
_NATIONS = {"tot": "total", "i alt": "total", "dan": "danish", "danmark": "danish",
            "udlan": "foreign", "verden udenfor danmark": "foreign", "udlandet": "foreign"}
_MEASURES_KEPT = {"1270", "1030", "overnatninger"}
_TIME_MONTHLY = re.compile(r"^(\d{4})M(\d{2})$")
_TIME_YEAR = re.compile(r"^(\d{4})$")
_NUMBER = re.compile(r"^\d+([.,]\d+)?$")
_SUPPRESSED = {"..", "."}
_FIX = ("download the table again (destinations data fetch statbank) or correct the file; it "
        "must be StatBank's semicolon-separated CSV")


@dataclass(frozen=True)
class Areas:
    """How area values in a StatBank file map to municipality codes."""

    codes: frozenset[str]
    names: Mapping[str, str]  # lower-case DST name -> code

    @classmethod
    def from_frame(cls, municipalities: pd.DataFrame) -> "Areas":
        names = {str(n).lower(): str(c) for c, n in zip(municipalities["code"], municipalities["name"])}
        names["christiansø"] = FOLDED_CODES["411"]
        return cls(codes=frozenset(map(str, municipalities["code"])), names=names)

    def resolve(self, value: str) -> tuple[str, str] | None:
        """(level, code) with level municipality / region / aggregate; None if unknown."""
        text = value.strip()
        lowered = text.lower()
        if text.isdigit():
            code = text.zfill(3)
            if code in FOLDED_CODES:
                return "municipality", FOLDED_CODES[code]
            if code in self.codes:
                return "municipality", code
            if code in REGION_DST_CODES.values():
                return "region", code
            if len(text) <= 2 or code == "000":
                return "aggregate", text  # national total, landsdele, discretion groups
            return None
        if lowered in self.names:
            return "municipality", self.names[lowered]
        for iso, (danish, _) in REGION_NAMES.items():
            if lowered == danish.lower():
                return "region", REGION_DST_CODES[iso]
        if lowered in ("hele landet", "danmark i alt") or lowered.startswith(("landsdel ",
                                                                               "diskretionerede")):
            return "aggregate", text
        return None


def _decode(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(path, f"cannot be read ({exc})", _FIX) from exc
    if not raw.strip():
        raise DataError(path, "file is empty", _FIX)
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # StatBank's other export encoding; every byte is valid


def read_statbank_csv(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header (upper-case variable names) and (line number, fields) of every data row.

    Raises :class:`DataError` for a missing ``TID``/``INDHOLD`` column, a header that is not
    semicolon separated, or a row with the wrong number of fields (a truncated download).
    """
    text = _decode(path)
    reader = csv.reader(io.StringIO(text), delimiter=";", quotechar='"')
    rows = list(reader)
    header = [h.strip().upper() for h in rows[0]]
    if len(header) < 2:
        raise DataError(path, "line 1: header is not semicolon separated "
                              f"(found {rows[0]!r})", _FIX)
    for needed in ("TID", "INDHOLD"):
        if needed not in header:
            raise DataError(path, f"line 1: column {needed!r} is missing (found {header})", _FIX)
    data = []
    for line, fields in enumerate(rows[1:], start=2):
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            raise DataError(path, f"line {line}: {len(fields)} fields, expected {len(header)} "
                                  f"({';'.join(header)}); the file looks truncated or malformed", _FIX)
        data.append((line, [f.strip() for f in fields]))
    if not data:
        raise DataError(path, "has a header but no data rows", _FIX)
    return header, data


def _value(path: Path, line: int, text: str) -> float:
    if text in _SUPPRESSED:
        return float("nan")
    if not _NUMBER.match(text):
        if text.startswith("-") and _NUMBER.match(text[1:]):
            raise DataError(path, f"line {line}, column 'INDHOLD': negative value {text!r}", _FIX)
        raise DataError(path, f"line {line}, column 'INDHOLD': expected a number or '..', "
                              f"found {text!r}", _FIX)
    return float(text.replace(",", "."))


def _time(path: Path, line: int, tid: str, period: str | None) -> tuple[int, int] | None:
    """(year, month) with month 0 for a whole year; None for periods we skip."""
    monthly = _TIME_MONTHLY.match(tid)
    if monthly:
        month = int(monthly.group(2))
        if not 1 <= month <= 12:
            raise DataError(path, f"line {line}, column 'TID': month out of range in {tid!r}", _FIX)
        return int(monthly.group(1)), month
    yearly = _TIME_YEAR.match(tid)
    if not yearly:
        raise DataError(path, f"line {line}, column 'TID': expected YYYY or YYYYMmm, found {tid!r}",
                        _FIX)
    year = int(yearly.group(1))
    if period is None:
        return year, 0
    lowered = period.strip().lower()
    if lowered in _MONTH_NAMES:
        return year, _MONTH_NAMES[lowered]
    if lowered in _ANNUAL_PERIODS:
        return year, 0
    if lowered in _SKIPPED_PERIODS:
        return None
    if lowered.isdigit() and 1 <= int(lowered) <= 12 and len(lowered) == 2:
        return year, int(lowered)
    raise DataError(path, f"line {line}, column 'PERIODE': unknown period {period!r}", _FIX)


def parse_overnights(path: Path, areas: Areas, *, default_type: str | None = None) -> pd.DataFrame:
    """Parse a StatBank overnight table into tidy rows.

    Parameters
    ----------
    path
        The CSV file.
    areas
        Municipality codes and names (:meth:`Areas.from_frame`).
    default_type
        Accommodation type when the table has no ``OVERNATF`` column (``holiday_home`` for
        FERIEH6).

    Returns
    -------
    DataFrame
        ``level`` (municipality / region), ``area`` (code), ``year``, ``month`` (0 = whole year),
        ``type``, ``nationality`` (danish / foreign), ``value`` (NaN = suppressed). National and
        landsdel rows, aggregate types, single countries and other measures are dropped. Foreign is
        ``total - danish`` where the table has no foreign total.
    """
    header, data = read_statbank_csv(path)
    col = {name: i for i, name in enumerate(header)}
    area_col = next((c for c in ("OMRÅDE", "OMRADE", "OMRDE") if c in col), None)
    if area_col is None:
        raise DataError(path, f"line 1: column 'OMRÅDE' is missing (found {header})", _FIX)
    nation_col = next((c for c in ("NATION1", "NATIONALITET", "NATION") if c in col), None)
    if nation_col is None:
        raise DataError(path, f"line 1: column 'NATION1' is missing (found {header})", _FIX)
    type_col = "OVERNATF" if "OVERNATF" in col else None
    if type_col is None and default_type is None:
        raise DataError(path, f"line 1: column 'OVERNATF' is missing (found {header})", _FIX)
    measure_col = next((c for c in ("TAL", "ENHED") if c in col), None)
    known = {area_col, nation_col, type_col, measure_col, "PERIODE", "TID", "INDHOLD"}
    extra = [h for h in header if h not in known]
    if extra:
        raise DataError(path, f"line 1: unexpected column(s) {extra}; select a single value for "
                              "them or drop them in the query", _FIX)
    records: list[tuple] = []
    for line, fields in data:
        resolved = areas.resolve(fields[col[area_col]])
        if resolved is None:
            raise DataError(path, f"line {line}, column '{area_col}': unknown area "
                                  f"{fields[col[area_col]]!r}", _FIX)
        level, area = resolved
        if measure_col and fields[col[measure_col]].lower() not in _MEASURES_KEPT:
            continue
        if type_col:
            raw_type = fields[col[type_col]].lower()
            if raw_type in _AGGREGATE_TYPES:
                continue
            if raw_type not in _TYPES:
                raise DataError(path, f"line {line}, column 'OVERNATF': unknown accommodation type "
                                      f"{fields[col[type_col]]!r}", _FIX)
            type_name = _TYPES[raw_type]
        else:
            type_name = default_type
        nationality = _NATIONS.get(fields[col[nation_col]].lower())
        if nationality is None:
            continue  # a single country: included in 'foreign'
        when = _time(path, line, fields[col["TID"]], fields[col["PERIODE"]] if "PERIODE" in col
                     else None)
        value = _value(path, line, fields[col["INDHOLD"]])
        if when is None or level == "aggregate":
            continue
        records.append((level, area, fields[col[area_col]], when[0], when[1], type_name,
                        fields[col[type_col]] if type_col else "", nationality, value, line))
    frame = pd.DataFrame(records, columns=["level", "area", "raw_area", "year", "month", "type",
                                           "raw_type", "nationality", "value", "line"])
    return _finish_overnights(path, frame)


def _finish_overnights(path: Path, frame: pd.DataFrame) -> pd.DataFrame:
    if frame.empty:
        raise DataError(path, "holds no municipality or region overnight rows", _FIX)
    raw_keys = ["level", "area", "raw_area", "year", "month", "raw_type", "nationality"]
    duplicated = frame.duplicated(raw_keys)
    if duplicated.any():
        line = int(frame.loc[duplicated, "line"].iloc[0])
        raise DataError(path, f"line {line}: duplicate of an earlier row (same area, type, "
                              "nationality and period)", _FIX)
    # Holiday centres + hostels are one model type, Christiansø is planned with Bornholm: add up.
    # A suppressed part makes the sum a gap (min_count), never a silent undercount.
    keys = ["level", "area", "year", "month", "type", "nationality"]
    frame = frame.groupby(keys, as_index=False, sort=False).agg(
        value=("value", lambda v: v.sum(min_count=len(v))), line=("line", "min"))
    if (frame["nationality"] == "total").any():
        if (frame["nationality"] == "foreign").any():
            frame = frame[frame["nationality"] != "total"]
        else:
            frame = _foreign_from_total(path, frame, keys[:-1])
    _check_complete(path, frame)
    return frame[keys + ["value"]].sort_values(keys).reset_index(drop=True)


def _foreign_from_total(path: Path, frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """foreign = total - Danish, for tables (FERIEH6) without an 'abroad' total."""
    total = frame[frame["nationality"] == "total"].set_index(keys)
    danish = frame[frame["nationality"] == "danish"].set_index(keys)
    if not total.index.equals(danish.index.intersection(total.index)) or len(danish) != len(total):
        raise DataError(path, "column 'NATION1': every total needs a Danish row (and vice versa) "
                              "to derive foreign guests", _FIX)
    danish = danish.reindex(total.index)
    foreign = total["value"] - danish["value"]
    negative = foreign < -0.5
    if negative.any():
        line = int(danish.loc[negative[negative].index[0], "line"])
        raise DataError(path, f"line {line}, column 'INDHOLD': Danish guests exceed the total", _FIX)
    derived = pd.DataFrame({"value": foreign.clip(lower=0.0), "line": total["line"]},
                           index=total.index).reset_index()
    derived["nationality"] = "foreign"
    return pd.concat([danish.reset_index(), derived], ignore_index=True)


def _check_complete(path: Path, frame: pd.DataFrame) -> None:
    """Within a year every series must have the same months (a partial file fails here)."""
    monthly = frame[frame["month"] > 0]
    for year, part in monthly.groupby("year"):
        months = set(part["month"])
        for key, series in part.groupby(["area", "type", "nationality"]):
            have = set(series["month"])
            if have != months:
                missing = sorted(months - have)
                raise DataError(path, f"column 'TID': {year} is partial for area {key[0]}, "
                                      f"{key[1]}, {key[2]}: months {missing} are missing while "
                                      "other series have them (line "
                                      f"{int(series['line'].min())} onwards)", _FIX)
        series_count = part.groupby(["area", "type"]).ngroups
        natural = part.groupby(["area", "type", "nationality"]).ngroups
        if natural != series_count * len(set(part["nationality"])):
            raise DataError(path, f"column 'NATION1': {year} lacks a nationality for some areas",
                            _FIX)


def complete_years(frame: pd.DataFrame) -> list[int]:
    """Years with all 12 months in a parsed overnight frame."""
    monthly = frame[frame["month"] > 0]
    return sorted(int(y) for y, part in monthly.groupby("year") if set(part["month"]) == set(range(1, 13)))


def parse_summer_houses(path: Path, areas: Areas) -> pd.DataFrame:
    """Summer houses per municipality: ``code``, ``year``, ``value`` (NaN = suppressed)."""
    header, data = read_statbank_csv(path)
    col = {name: i for i, name in enumerate(header)}
    area_col = next((c for c in ("OMRÅDE", "OMRADE") if c in col), None)
    if area_col is None:
        raise DataError(path, f"line 1: column 'OMRÅDE' is missing (found {header})", _FIX)
    selectors = [h for h in header if h not in (area_col, "TID", "INDHOLD")]
    records = []
    for line, fields in data:
        resolved = areas.resolve(fields[col[area_col]])
        if resolved is None:
            raise DataError(path, f"line {line}, column '{area_col}': unknown area "
                                  f"{fields[col[area_col]]!r}", _FIX)
        if any(not re.search("sommerhus|fritidshus", fields[col[s]], re.I) for s in selectors):
            continue
        when = _time(path, line, fields[col["TID"]], None)
        value = _value(path, line, fields[col["INDHOLD"]])
        if resolved[0] != "municipality" or when is None:
            continue
        records.append((resolved[1], when[0], value))
    frame = pd.DataFrame(records, columns=["code", "year", "value"])
    if frame.empty:
        raise DataError(path, "holds no municipality summer-house rows", _FIX)
    return frame.groupby(["code", "year"], as_index=False)["value"].sum(min_count=1)


# ------------------------------------------------------------------------------------------------
# Official files in the data directory
# ------------------------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class OfficialData:
    """Official municipality figures found in ``settings.official_dir`` (all parsed or none)."""

    overnights: pd.DataFrame  # code, year, month, type, nationality, value, table
    files: tuple[Path, ...]

    def years(self) -> list[int]:
        return complete_years(self.overnights)


def official_files(settings: Settings) -> tuple[Path, ...]:
    """The mapped StatBank files present in the official directory, in mapping order."""
    folder = settings.official_dir
    if not folder.is_dir():
        return ()
    return tuple(folder / t.filename for t in STATBANK_TABLES.values()
                 if (folder / t.filename).is_file())


def official_signature(settings: Settings) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the official files (a cache key)."""
    out = []
    for path in official_files(settings):
        stat = path.stat()
        out.append((path.name, stat.st_size, stat.st_mtime_ns))
    return tuple(out)


def load_official(settings: Settings, areas: Areas) -> OfficialData:
    """Parse every municipality-level overnight file present; any error aborts the whole load."""
    frames = []
    files = []
    for table in STATBANK_TABLES.values():
        path = settings.official_dir / table.filename
        if not path.is_file() or table.role not in ("municipality_overnights", "holiday_homes"):
            continue
        default = "holiday_home" if table.role == "holiday_homes" else None
        parsed = parse_overnights(path, areas, default_type=default)
        parsed = parsed[parsed["level"] == "municipality"].rename(columns={"area": "code"})
        if table.role == "municipality_overnights":
            parsed = parsed[parsed["type"] != "holiday_home"]
        parsed = parsed.assign(table=table.id)
        frames.append(parsed.drop(columns="level"))
        files.append(path)
    if frames:
        overnights = pd.concat(frames, ignore_index=True)
    else:
        overnights = pd.DataFrame(columns=["code", "year", "month", "type", "nationality", "value",
                                           "table"])
    return OfficialData(overnights=overnights, files=tuple(files))


# ------------------------------------------------------------------------------------------------
# Fetching (online only; never called by tests)
# ------------------------------------------------------------------------------------------------

def statbank_request(table: StatBankTable) -> dict:
    """The JSON body for ``POST /v1/data`` that downloads ``table`` as semicolon CSV."""
    return {
        "table": table.id,
        "format": "BULK",
        "lang": "da",
        "valuePresentation": "Value",
        "variables": [{"code": code, "values": list(values)} for code, values in table.query],
    }


def fetch_statbank(settings: Settings, tables: Iterable[str] | None = None, *,
                   timeout: float = 120.0,
                   opener: Callable[..., object] = urllib.request.urlopen) -> list[Path]:
    """Download StatBank tables into ``settings.official_dir`` (``<ID>.csv``).

    Each download is written to a temporary file, parsed with the same validation the loaders
    use, and only then moved into place, so a failed or truncated download never replaces a good
    file.

    Parameters
    ----------
    tables
        Table ids from :data:`STATBANK_TABLES` (default: all).

    Raises
    ------
    DestinationsError
        No network, an HTTP error, or a table id that is not mapped.
    DataError
        The downloaded file does not parse.
    """
    from destinations.data.geography import load_municipality_codes

    wanted = list(tables) if tables is not None else list(STATBANK_TABLES)
    unknown = [t for t in wanted if t not in STATBANK_TABLES]
    if unknown:
        raise DestinationsError(f"unknown StatBank table(s) {unknown}; mapped: "
                                f"{sorted(STATBANK_TABLES)}")
    codes = load_municipality_codes(settings)
    areas = Areas.from_frame(codes.rename(columns={"kommune_code": "code", "kommune_name": "name"}))
    folder = settings.official_dir
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table_id in wanted:
        table = STATBANK_TABLES[table_id]
        body = json.dumps(statbank_request(table)).encode("utf-8")
        request = urllib.request.Request(API_URL, data=body, method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with opener(request, timeout=timeout) as response:  # type: ignore[attr-defined]
                payload = response.read()
        except OSError as exc:  # URLError and HTTPError are OSErrors
            raise DestinationsError(f"StatBank download of {table.id} failed ({exc}). Fix: check "
                                    "the internet connection and the table id "
                                    f"({API_URL})") from exc
        temporary = folder / f".{table.filename}.part"
        temporary.write_bytes(payload)
        try:
            if table.role == "summer_houses":
                parse_summer_houses(temporary, areas)
            else:
                parse_overnights(temporary, areas,
                                 default_type="holiday_home" if table.role == "holiday_homes" else None)
        except DataError:
            temporary.unlink(missing_ok=True)
            raise
        final = folder / table.filename
        temporary.replace(final)
        written.append(final)
    return written


__all__ = [
    "API_URL", "Areas", "OfficialData", "STATBANK_TABLES", "StatBankTable", "complete_years",
    "fetch_statbank", "load_official", "official_files", "official_signature", "parse_overnights",
    "parse_summer_houses", "read_statbank_csv", "statbank_request",
]
