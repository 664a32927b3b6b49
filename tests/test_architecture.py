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
