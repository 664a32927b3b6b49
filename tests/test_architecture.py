"""Layering rules: only destinations/ui imports streamlit; pages stay thin."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_only_ui_imports_streamlit():
    offenders = [
        str(p.relative_to(ROOT)) for p in (ROOT / "destinations").rglob("*.py")
        if "ui" not in p.relative_to(ROOT / "destinations").parts[:1]
        and {"streamlit", "streamlit_folium"} & _imports(p)
    ]
    assert offenders == []


def test_pages_do_not_read_files_or_build_folium():
    for page in (ROOT / "pages").glob("*.py"):
        imports = _imports(page)
        assert "folium" not in imports, page
        assert "open(" not in page.read_text(encoding="utf-8"), page


#: A page composes widgets and calls destinations.ui; anything longer is logic that belongs there.
MAX_PAGE_LINES = 150


def _imported_modules(path: Path) -> set[str]:
    """Every module a file imports, in full ('destinations.ui.data', not 'destinations')."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import"
            names.add(node.module)
    return names


def test_pages_import_only_streamlit_and_the_ui_package():
    allowed = {"streamlit", "streamlit_folium"}
    offenders = {
        page.name: sorted(m for m in _imported_modules(page)
                          if m.split(".")[0] not in allowed and m != "destinations.ui"
                          and not m.startswith("destinations.ui."))
        for page in (ROOT / "pages").glob("*.py")
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_pages_are_thin():
    lengths = {page.name: len(page.read_text(encoding="utf-8").splitlines())
               for page in (ROOT / "pages").glob("*.py")}
    assert {name: n for name, n in lengths.items() if n > MAX_PAGE_LINES} == {}


def test_every_page_is_in_navigation_and_has_an_apptest():
    from destinations.ui.navigation import SECTIONS

    registered = {path for pages in SECTIONS.values() for path, *_ in pages}
    files = {f"pages/{page.name}" for page in (ROOT / "pages").glob("*.py")}
    assert registered == files
    app_tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "app").glob("test_*.py"))
    for page in (ROOT / "pages").glob("*.py"):
        assert page.name in app_tests, f"{page.name} has no AppTest in tests/app"


def test_page_file_names_are_their_url_paths():
    """Streamlit's legacy pages/-folder pass (a server's first run) names pages after their files;
    a deep link finds its page there only when the file name is the navigation's url path."""
    from streamlit.source_util import page_icon_and_name

    from destinations.ui.navigation import SECTIONS, url_path

    for pages in SECTIONS.values():
        for path, *_ in pages:
            assert page_icon_and_name(ROOT / path) == ("", url_path(path)), path


def test_import_contracts_hold():
    """The layers and forbidden imports declared in pyproject.toml ([tool.importlinter])."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
                           "lint_imports_command()"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_no_import_cycles_between_modules():
    """No module imports itself back through others (import-linter checks packages; this, modules)."""
    import networkx as nx

    graph = nx.DiGraph()
    for path in (ROOT / "destinations").rglob("*.py"):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module-level imports only: a function-level import is deliberate
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("destinations"):
                graph.add_edge(module, node.module)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith("destinations"):
                        graph.add_edge(module, alias.name)
    packages = {n for n in graph if any(other.startswith(n + ".") for other in graph)}
    # an __init__ re-exporting its own submodules is not a cycle of behaviour
    graph.remove_edges_from([(a, b) for a, b in list(graph.edges) if a in packages and b.startswith(a + ".")])
    cycles = [c for c in nx.simple_cycles(graph) if len(c) > 1]
    assert cycles == []
