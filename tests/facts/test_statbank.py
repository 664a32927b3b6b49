"""The StatBank parser on good and bad files in StatBank's CSV format."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from destinations.errors import DataError
from destinations.facts.statbank import (
    STATBANK_TABLES,
    complete_years,
    parse_overnights,
    parse_summer_houses,
    read_statbank_csv,
    statbank_request,
)
from tests.facts.statbank_files import MONTHS_DA, write_statbank

FIXTURES = Path(__file__).parent / "fixtures"
HEADER = ["OMRÅDE", "OVERNATF", "NATION1", "PERIODE", "TID", "INDHOLD"]


def full_year(area: str = "København", year: int = 2019) -> list[list[object]]:
    return [[area, "Hoteller", nat, month, year, 1000 + i]
            for nat in ("Danmark", "Verden udenfor Danmark")
            for i, month in enumerate(MONTHS_DA)]


def test_codes_utf8_bom_and_monthly_tid(areas):
    frame = parse_overnights(FIXTURES / "vdk_codes_monthly.csv", areas)
    assert set(frame["area"]) == {"825"}
    # hotels + marinas + camping + (holiday centres and hostels added up) = 4 types
    assert set(frame["type"]) == {"hotel", "holiday_centre_hostel", "camping", "marina"}
    hch = frame[(frame["type"] == "holiday_centre_hostel") & (frame["nationality"] == "danish")
                & (frame["month"] == 1)]
    assert hch["value"].item() == (1300 + 2) + (1500 + 2)
    suppressed = frame[(frame["type"] == "marina") & (frame["nationality"] == "foreign")
                       & (frame["month"] == 1)]
    assert np.isnan(suppressed["value"].item())
    assert complete_years(frame) == [2019]


def test_names_latin1_periods_and_foreign_from_total(areas):
    frame = parse_overnights(FIXTURES / "ferieh6_names_latin1.csv", areas,
                             default_type="holiday_home")
    municipal = frame[frame["level"] == "municipality"]
    assert set(municipal["area"]) == {"825", "563"}  # Læsø, Fanø; national/discretion rows dropped
    july = municipal[(municipal["area"] == "825") & (municipal["month"] == 7)]
    values = july.set_index("nationality")["value"]
    assert values["danish"] == 4 * 7
    assert values["foreign"] == 10 * 7 - 4 * 7  # total - Danish; Tyskland is not double counted
    annual = municipal[municipal["month"] == 0]
    assert set(annual["value"]) == {4 * 78, 6 * 78}


def test_christianso_is_added_to_bornholm(tmp_path, areas):
    rows = full_year("Bornholm") + full_year("Christiansø")
    frame = parse_overnights(write_statbank(tmp_path / "x.csv", HEADER, rows), areas)
    assert set(frame["area"]) == {"400"}
    assert frame.loc[frame["month"] == 1, "value"].tolist() == [2000, 2000]


@pytest.mark.parametrize("mutate, message", [
    (lambda rows: rows.__setitem__(3, rows[3][:4]), "line 5: 4 fields, expected 6"),
    (lambda rows: rows[2].__setitem__(0, "Atlantis"), "line 4, column 'OMRÅDE': unknown area 'Atlantis'"),
    (lambda rows: rows[1].__setitem__(0, "999"), "line 3, column 'OMRÅDE': unknown area '999'"),
    (lambda rows: rows[6].__setitem__(5, "-12"), "line 8, column 'INDHOLD': negative value '-12'"),
    (lambda rows: rows[7].__setitem__(5, "12a"), "line 9, column 'INDHOLD': expected a number"),
    (lambda rows: rows[7].__setitem__(5, ""), "line 9, column 'INDHOLD': expected a number"),
    (lambda rows: rows[0].__setitem__(4, "2019Q1"), "line 2, column 'TID': expected YYYY or YYYYMmm"),
    (lambda rows: rows[0].__setitem__(3, "Sankthans"), "line 2, column 'PERIODE': unknown period"),
    (lambda rows: rows[0].__setitem__(1, "Hytter"), "line 2, column 'OVERNATF': unknown accommodation"),
    (lambda rows: rows.append(list(rows[0])), "duplicate of an earlier row"),
    (lambda rows: rows.pop(5), "2019 is partial for area 101, hotel, danish: months [6]"),
])
def test_bad_files_name_file_line_and_column(tmp_path, areas, mutate, message):
    rows = full_year()
    mutate(rows)
    path = write_statbank(tmp_path / "bad.csv", HEADER, rows)
    with pytest.raises(DataError) as error:
        parse_overnights(path, areas)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_missing_columns_and_empty_files(tmp_path, areas):
    no_value = write_statbank(tmp_path / "a.csv", HEADER[:-1], [r[:-1] for r in full_year()])
    with pytest.raises(DataError, match="column 'INDHOLD' is missing"):
        parse_overnights(no_value, areas)
    comma = tmp_path / "b.csv"
    comma.write_text("OMRÅDE,TID,INDHOLD\n101,2019,5\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 1"):
        read_statbank_csv(comma)
    empty = tmp_path / "c.csv"
    empty.write_bytes(b"")
    with pytest.raises(DataError, match="empty"):
        read_statbank_csv(empty)
    header_only = write_statbank(tmp_path / "d.csv", HEADER, [])
    with pytest.raises(DataError, match="no data rows"):
        read_statbank_csv(header_only)
    extra = write_statbank(tmp_path / "e.csv", HEADER[:-1] + ["SÆSON", "INDHOLD"],
                           [r[:-1] + ["Sæsonkorrigeret", r[-1]] for r in full_year()])
    with pytest.raises(DataError, match="unexpected column"):
        parse_overnights(extra, areas)


def test_danish_above_total_is_an_error(tmp_path, areas):
    header = ["OMRÅDE", "NATION1", "TAL", "PERIODE", "TID", "INDHOLD"]
    rows = [["Fanø", nat, "Overnatninger", m, 2019, value]
            for nat, value in (("I alt", 10), ("Danmark", 11)) for m in MONTHS_DA]
    path = write_statbank(tmp_path / "f.csv", header, rows)
    with pytest.raises(DataError, match="Danish guests exceed the total"):
        parse_overnights(path, areas, default_type="holiday_home")


def test_a_partial_current_year_is_not_complete(tmp_path, areas):
    rows = full_year(year=2019) + [r for r in full_year(year=2020) if r[3] in MONTHS_DA[:3]]
    frame = parse_overnights(write_statbank(tmp_path / "g.csv", HEADER, rows), areas)
    assert complete_years(frame) == [2019]


def test_summer_houses_keep_only_summer_house_rows(tmp_path, areas):
    header = ["OMRÅDE", "ANVENDELSE", "TID", "INDHOLD"]
    rows = [["Odsherred", "Sommerhuse", 2023, 24200], ["Odsherred", "Parcelhuse", 2023, 9000],
            ["Hele landet", "Sommerhuse", 2023, 220000], ["Fanø", "Sommerhuse", 2023, ".."]]
    frame = parse_summer_houses(write_statbank(tmp_path / "s.csv", header, rows), areas)
    values = frame.set_index("code")["value"]
    assert values["306"] == 24200
    assert np.isnan(values["563"])
    assert "000" not in values.index


def test_request_bodies_ask_for_semicolon_csv_in_danish():
    for table in STATBANK_TABLES.values():
        body = statbank_request(table)
        assert body["table"] == table.id
        assert body["format"] == "BULK" and body["lang"] == "da"
        assert {v["code"] for v in body["variables"]} >= {"OMRÅDE", "Tid"}
    roles = {t.role for t in STATBANK_TABLES.values()}
    assert roles == {"regional_overnights", "holiday_homes", "municipality_overnights",
                     "summer_houses"}
