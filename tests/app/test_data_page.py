"""AppTest for the Data & sources page."""

from __future__ import annotations

from tests.app.conftest import texts


def test_data_page_lists_datasets_and_caveats(page_test):
    at = page_test("pages/data.py")
    assert not at.exception and not at.error
    body = texts(at)
    assert "Christiansø" in body and "Bornholm" in body
    frames = [d.value for d in at.dataframe]
    table = next(f for f in frames if "licence" in f.columns)
    links = next(f for f in frames if "crossing" in f.columns)
    assert {"Municipal boundaries", "Attractions (reasons-to-go)"} <= set(table["name"])
    assert set(table["kind"]) <= {"official", "compiled", "modelled"}
    assert "estimated" in set(links["crossing"])


def test_data_page_in_danish(page_test):
    at = page_test("pages/data.py", query={"lang": "da"})
    assert "Data og kilder" in texts(at)


def test_data_page_says_which_files_are_in_force(page_test):
    at = page_test("pages/data.py")
    in_force = next(d.value for d in at.dataframe if "origin" in d.value.columns)
    assert "dk_municipalities_dagi500k.geojson" in set(in_force["file"])
    assert set(in_force["origin"]) == {"bundled"} and in_force["checksum"].all()
    body = texts(at)
    assert "/work/" not in body and "geodata/attractions.csv" in set(
        next(d.value for d in at.dataframe if "licence" in d.value.columns)["file"])


from tests.app.test_profile_page import shown_text, table_with  # noqa: E402


def test_data_page_lists_every_dataset_and_the_modelled_ones_with_version_and_method(page_test):
    at = page_test("pages/data.py")
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if "licence" in d.value.columns)
    assert len(table) == 22  # 18 files + 4 modelled datasets
    modelled = next(d.value for d in at.dataframe
                    if {"version", "method"} <= set(d.value.columns) and "licence" not in
                    d.value.columns)
    assert len(modelled) == 4 and set(modelled["kind"]) == {"modelled"}
    versions = dict(zip(modelled["name"], modelled["version"]))
    from destinations.facts import MODEL_VERSION

    assert versions["Overnight stays by municipality, month, type and guests"] == MODEL_VERSION
    assert all(versions.values()) and modelled["method"].str.len().gt(0).all()


def test_data_page_shows_the_network_check_and_the_least_certain_pairs(page_test):
    at = page_test("pages/data.py")
    assert any("Network check passed" in s.value for s in at.success)
    loads = table_with(at, "Bridges, tunnels, ferries")
    assert loads["Modelled day trips over it"].str.endswith("day trips a year").all()
    uncertain = table_with(at, "Setting that moves it most")
    assert len(uncertain) == 10 and uncertain["Range over the model's settings"].str.contains("–").all()


def test_danish_data_page_reads_danish_numbers(page_test):
    at = page_test("pages/data.py", query={"lang": "da"})
    assert not at.exception, at.exception
    body = shown_text(at)
    assert "11.760" in body and "11,760 " not in body.replace("(11,760 cells", "")
    assert "1.600.294" in body  # raw map bytes in the geometry text
    assert any(m.value == "25,8\xa0%" for m in at.metric)
    validation = table_with(at, "predicted", "published")
    assert validation["predicted"].iloc[0] == "7.140.000"  # modelled, 3 significant figures
    assert "facts-model 1.0" not in body


def test_data_page_serves_while_the_store_is_unreachable(page_test, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    at = page_test("pages/data.py")
    assert not at.exception and not at.error


def test_ui_caches_keyed_by_sessions_are_bounded():
    """Every cache whose key can vary with a session's choices has max_entries (issue 13)."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    tree = ast.parse((root / "destinations/ui/data.py").read_text(encoding="utf-8"))
    unbounded = []
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue  # no argument: one entry per process
        for deco in node.decorator_list:
            if isinstance(deco, ast.Call) and getattr(deco.func, "attr", "") in (
                    "cache_data", "cache_resource"):
                words = {k.arg for k in deco.keywords}
                if not ({"max_entries"} & words or None in words):  # None: **PLAN_CACHE
                    unbounded.append(node.name)
    assert unbounded == ["_base_for"]  # keyed by the settings in force: one per data folder
