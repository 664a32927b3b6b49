"""End-to-end fixtures: a real `streamlit run app.py` server and Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("DESTINATIONS_CHROMIUM", "/usr/bin/chromium")
STREAMLIT_SCRIPT_DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(_server_url, browser):
    """The server's URL, after one visit to the main page (it loads the base data once, so that
    each test's timeouts cover its own page)."""
    context = browser.new_context()
    warm = context.new_page()
    warm.goto(_server_url)
    wait_for_app(warm)
    context.close()
    return _server_url


@pytest.fixture(scope="session")
def _server_url(settings, tmp_path_factory):
    """Start `streamlit run app.py` on a free loopback port; yield its URL; stop it afterwards."""
    with streamlit_server(settings, tmp_path_factory.mktemp("streamlit")) as url:
        yield url


@contextmanager
def streamlit_server(settings, workdir: Path) -> Iterator[str]:
    """Run `streamlit run app.py` on a free loopback port with the test settings' data folder and
    a fresh SQLite store in ``workdir``; yield its URL once healthy; stop it afterwards."""
    env = {**os.environ, "DESTINATIONS_DATA_DIR": str(settings.data_dir),
           "DESTINATIONS_DB_URL": f"sqlite:///{workdir / 'e2e.sqlite'}"}
    with running_app(env, workdir / "server.log", free_port()) as url:
        yield url


@contextmanager
def running_app(env: dict, log: Path, port: int, extra_args: tuple[str, ...] = ()) -> Iterator[str]:
    """`streamlit run app.py` with ``env`` on loopback ``port`` (output in ``log``); yield its URL
    once /_stcore/health answers (the test fails with the log after 90 s); stop it afterwards."""
    with log.open("w") as handle:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", *extra_args],
            cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"streamlit did not start; log:\n{log.read_text()}")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_for_app(page, timeout: float = 90_000) -> None:
    """Wait until the script has finished running."""
    page.wait_for_timeout(500)
    page.wait_for_selector(STREAMLIT_SCRIPT_DONE, timeout=timeout)


def wait_for_map(page, timeout: float = 60_000):
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=timeout)
    # The component reports its first state after mounting; clicks before that are lost.
    page.wait_for_timeout(2500)
    wait_for_app(page)
    return frame


def click_map_at(page, lat: float, lon: float) -> None:
    """Click the map at a geographic point (Leaflet projects it to pixels inside the iframe)."""
    handle = page.locator(MAP_FRAME).first
    frame = handle.element_handle().content_frame()
    point = frame.evaluate(
        """([lat, lon]) => {
            const map = Object.keys(window).filter(k => k.startsWith('map_'))
                .map(k => window[k]).find(v => v && v instanceof L.Map);
            const p = map.latLngToContainerPoint([lat, lon]);
            const r = map.getContainer().getBoundingClientRect();
            return {x: p.x + r.left, y: p.y + r.top};
        }""",
        [lat, lon],
    )
    box = handle.bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
