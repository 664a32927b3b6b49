"""Import/export round trips, tolerant CSV reading, bad uploads, share links, CLI documents."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest

from destinations.errors import DataError, ScenarioError
from destinations.scenarios.metrics import COMPANY_METRICS, evaluate
from destinations.scenarios.io import (
    MAX_UPLOAD_BYTES,
    MunicipalityIndex,
    companies_frame,
    decode_share_link,
    encode_share_link,
    evaluate_plan_file,
    import_plan_csv,
    parse_number,
    parse_plan_csv,
    plan_csv,
    write_companies,
)
from destinations.scenarios.scenario import Scenario
from destinations.store import ScenarioStore
from destinations.store.exports import export_scenario
from tests.scenarios.tinyworld import CODES, A, B, C, D, E

TINY = MunicipalityIndex(CODES, {A: "Aby", B: "Bby", C: "Cby", D: "Dby", E: "Eø"})


def test_plain_csv():
    result = parse_plan_csv("kommune_code,company\n101,Vest\n102,Vest\n103,Øst\n".encode(), TINY)
    assert result.ok
    plan = result.scenario
    assert {plan.names[c]: m for c, m in plan.companies().items()} == {"Vest": (A, B), "Øst": (C,)}
    assert result.unlisted == (D, E) and plan.unaffiliated() == (D, E)


def test_danish_excel_export_semicolon_cp1252_names():
    text = "Kommune;Destinationsselskab\r\nAby;Vestkysten\r\nEø;Ingen\r\nbby ;vestkysten\r\n"
    plan = import_plan_csv(text.encode("cp1252"), TINY)
    assert plan.companies() == {"vestkysten": (A, B)}
    assert plan.company_of(E) is None


def test_utf8_bom_and_tabs():
    text = "\ufeffkommune_code\tcompany\n101\tÆrø-egnen\n"
    assert import_plan_csv(text.encode("utf-8"), TINY).names == {"aeroe-egnen": "Ærø-egnen"}


def test_row_level_errors_are_all_reported():
    text = ("kommune_code,company\n"
            "101,Vest\n"
            "999,Vest\n"       # unknown
            "101,Øst\n"        # duplicate
            ",Øst\n"           # blank municipality
            "103,\n"           # blank company
            f"104,{'<b>' * 40}\n")  # 120 characters of markup
    result = parse_plan_csv(text.encode(), TINY)
    assert not result.ok and result.scenario is None
    assert [e.row for e in result.errors] == [3, 4, 5, 6, 7]
    message = result.message()
    assert "row 3: unknown municipality code ('999')" in message
    assert "already listed in row 2" in message
    assert "blank" in message and "at most 80" in message


def test_code_and_name_must_agree():
    result = parse_plan_csv("kommune_code;kommune;company\n101;Bby;X\n".encode(), TINY)
    assert "code 101 is Aby, not Bby" in result.message()


def test_excel_files_are_refused():
    with pytest.raises(DataError, match="Excel"):
        parse_plan_csv(b"PK\x03\x04" + b"\x00" * 100, TINY)
    with pytest.raises(DataError, match="Excel"):
        parse_plan_csv(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, TINY)


def test_oversized_upload_is_refused_before_reading():
    with pytest.raises(DataError, match="at most 5 MB"):
        parse_plan_csv(b"kommune_code,company\n" + b"101,X\n" * (MAX_UPLOAD_BYTES // 6 + 1), TINY)


def test_missing_columns_are_named():
    with pytest.raises(DataError, match="'company' column"):
        parse_plan_csv(b"kommune_code,owner\n101,X\n", TINY)


@pytest.mark.parametrize("text, comma, value", [
    ("1.234,5", True, 1234.5), ("1234,5", True, 1234.5), ("12.5", True, 12.5),
    ("1.234.567", True, 1234567), ("1,234.5", False, 1234.5), ("1 234", False, 1234),
])
def test_parse_number(text, comma, value):
    assert parse_number(text, decimal_comma=comma) == value


def test_csv_round_trip_keeps_ids_with_like(xy_plan):
    plan = xy_plan.rename("x", "Vest; og \"nord\"")
    again = import_plan_csv(plan_csv(plan, TINY, sep=";"), TINY, like=plan)
    assert again.assignment == plan.assignment and again.names == plan.names


def test_share_link_reproduces_the_plan_exactly(xy_plan):
    plan = xy_plan.rename("y", "<b>Øst</b> & co").lock("x")
    link = encode_share_link(plan)
    assert decode_share_link(link, CODES) == plan
    assert len(link) < 200


def test_share_link_of_today_is_compact(today, base):
    link = encode_share_link(today)
    assert decode_share_link(link, base.codes) == today
    assert len(link.split(".")[1]) == 1 + 98  # one base-36 digit per municipality


def test_share_link_with_many_companies_uses_two_digits():
    plan = Scenario.empty([str(100 + i) for i in range(40)])
    for i, code in enumerate(plan.codes):
        plan, cid = plan.new_company(f"C{i}")
        plan = plan.move(code, cid)
    assert decode_share_link(encode_share_link(plan), plan.codes) == plan


@pytest.mark.parametrize("tamper", [
    lambda s: s[:-1] + ("0" if s[-1] != "0" else "1"),        # checksum
    lambda s: s.replace("p1.1", "p1.1", 1)[:6] + ("2" if s[6] != "2" else "1") + s[7:],  # a digit
    lambda s: s[:40],                                            # cut
    lambda s: "p2" + s[2:],                                      # version
    lambda s: "",
    lambda s: "x" * 30_000,
])
def test_tampered_share_links_are_refused(xy_plan, tamper):
    with pytest.raises(ScenarioError, match="damaged or was edited|municipalities"):
        decode_share_link(tamper(encode_share_link(xy_plan)), CODES)


def test_share_link_for_other_data_is_refused(xy_plan):
    with pytest.raises(ScenarioError, match="5 municipalities"):
        decode_share_link(encode_share_link(xy_plan), CODES + ("106",))


def test_geo_exports_round_trip(tmp_path, base, today, real_ctx):
    evaluation = evaluate(today, real_ctx)
    frame = companies_frame(base, evaluation)
    assert len(frame) == evaluation.plan["companies"]
    for fmt, crs in (("geojson", "EPSG:4326"), ("gpkg", "EPSG:25832")):
        path = write_companies(frame, tmp_path / f"plan.{fmt}", fmt)
        back = gpd.read_file(path)
        assert back.crs.to_string() == crs
        assert sorted(back["company_id"]) == sorted(evaluation.companies)
        assert {m.key for m in COMPANY_METRICS} <= set(back.columns)
        row = back.set_index("company_id").loc["destination-bornholm"]
        assert (row["member_codes"], row["members"]) == ("400", 1)
        assert row["overnights"] == pytest.approx(evaluation.companies["destination-bornholm"]
                                                  ["overnights"])
        assert "overnights=" in row["kinds"]


def test_evaluate_plan_file_document(tmp_path, base, facts):
    path = tmp_path / "vest.csv"
    path.write_bytes("kommune_code;company\n101;Hovedstaden\n147;Hovedstaden\n400;Bornholm\n"
                     .encode("cp1252"))
    document = evaluate_plan_file(base, path, facts=facts)
    plan = document["plan"]
    assert {"companies", "unaffiliated", "flow_cut_share", "balance_gini", "floor_violations",
            "noncontiguous_companies", "lighthouseless_companies"} <= set(plan)
    assert plan["companies"] == 2 and plan["unaffiliated"] == 95
    assert isinstance(plan["floor_violations"], list)
    assert set(document["companies"]) == {"Hovedstaden", "Bornholm"}
    assert document["companies"]["Bornholm"]["member_codes"] == ["400"]
    assert document["companies"]["Bornholm"]["members"] == 1
    json.dumps(document, allow_nan=False)  # strictly JSON: gaps are null


def test_evaluate_plan_file_with_bad_rows_raises_one_line(tmp_path, base, facts):
    path = tmp_path / "bad.csv"
    path.write_text("kommune_code,company\n9999,X\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        evaluate_plan_file(base, path, facts=facts)
    assert "\n" not in str(caught.value) and "unknown municipality code" in str(caught.value)


def test_export_scenario_from_the_store(tmp_path, base, today, facts):
    store = ScenarioStore(f"sqlite:///{tmp_path / 's.sqlite'}", codes=base.codes)
    plan = today.copy("Ny plan").move("101", None)
    store.save(plan, base_version=None)
    out = export_scenario(base, store, "ny plan", "csv", tmp_path / "ny.csv")
    assert import_plan_csv(out.read_bytes(), MunicipalityIndex.from_base(base),
                           like=plan).assignment == plan.assignment
    gpkg = export_scenario(base, store, "Destination companies today", "gpkg",
                           tmp_path / "today.gpkg", facts=facts)
    assert len(gpd.read_file(gpkg)) == len([m for m in today.companies().values() if m])
    with pytest.raises(ScenarioError, match="Unknown export format"):
        export_scenario(base, store, "ny plan", "xlsx", tmp_path / "x.xlsx")
    store.documents.engine.dispose()


# ------------------------------------------------------------------ spreadsheet formulas, markup
FORMULA = '=HYPERLINK("http://x")'


def _cells(raw: bytes) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_plan_csv_writes_a_formula_named_company_as_text(xy_plan):
    plan = xy_plan.rename("x", FORMULA)
    rows = _cells(plan_csv(plan, TINY))
    assert rows[1][2] == "'" + FORMULA  # a spreadsheet shows it, does not run it
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


def test_formula_named_company_reimports_to_the_same_name(xy_plan):
    plan = xy_plan.rename("x", FORMULA)
    back = import_plan_csv(plan_csv(plan, TINY), TINY, like=plan)
    assert back.names == plan.names and back.assignment == plan.assignment


@pytest.mark.parametrize("name", ["+45 Vest", "-Vest", "@Vest", "'=Vest", "-", "Ingen", "none"])
def test_names_like_formulas_or_the_no_company_marker_round_trip(xy_plan, name):
    plan = xy_plan.rename("x", name)
    back = import_plan_csv(plan_csv(plan, TINY), TINY, like=plan)
    assert back.names["x"] == name and back.assignment == plan.assignment


def test_dash_still_means_no_company():
    plan = import_plan_csv("kommune_code,company\n101,-\n102,Vest\n".encode(), TINY)
    assert plan.company_of(A) is None and plan.company_of(B) is not None


def test_quoted_formula_written_by_a_spreadsheet_user_reads_as_the_name():
    plan = import_plan_csv("kommune_code;company\n101;'=Vest\n".encode(), TINY)
    assert list(plan.names.values()) == ["=Vest"]


def test_geojson_export_keeps_markup_in_names_as_text(tmp_path, base, today, real_ctx):
    plan = today.rename("destination-bornholm", '<img src=x onerror="alert(1)">')
    frame = companies_frame(base, evaluate(plan, real_ctx))
    text = write_companies(frame, tmp_path / "plan.geojson", "geojson").read_text("utf-8")
    assert "<img" not in text and "&lt;img src=x" in text


def test_export_scenario_csv_neutralises_formulas(tmp_path, base, today):
    plan = today.rename("destination-bornholm", FORMULA)
    out = export_scenario(base, plan, None, "csv", tmp_path / "plan.csv")
    assert ["400", "Bornholm", "'" + FORMULA] in _cells(out.read_bytes())
    back = import_plan_csv(out.read_bytes(), MunicipalityIndex.from_base(base), like=plan)
    assert back.names == plan.names
