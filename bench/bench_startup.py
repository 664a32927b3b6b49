"""Benchmark: how fast the app answers in a real browser, against a bare one-widget Streamlit page.

Run from the repository root::

    python bench/bench_startup.py [--repeat 3] [--port 8599] [--warm-cache]

Each repeat starts two fresh `streamlit run` servers (headless, loopback, the settings' data
folder, a throwaway SQLite store, as in tests/e2e) and times in headless Chromium (Playwright,
Debian's /usr/bin/chromium or DESTINATIONS_CHROMIUM):

(a) baseline: the first visit to a temporary script holding only ``st.button("ok")`` (and, for
    reference only, a second visit in a new context: the floor for a warm visit);
(b) cold home: the first visit to the app after its server started, until the folium map is drawn
    and the script is idle;
(c) warm home: the same in a second, new browser context;
(d) a switch from there to every other page by its sidebar link, until its title shows and the
    script is idle.

"Idle" is the last change of Streamlit's script state to notRunning before the state has stayed
there for a quiet second (a component reporting its first value can rerun the script). Every
timing is printed in seconds and as a ratio to (a), the median over the repeats; the budgets are
printed with whether each is met, and nothing is asserted. Each app server start gets an empty
derived-data cache (a first start); --warm-cache fills one cache before the timed starts (a
restart).
"""

from __future__ import annotations

import argparse
import importlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = os.environ.get("DESTINATIONS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
BARE_SCRIPT = 'import streamlit as st\n\nst.button("ok")\n'
QUIET_S = 1.0
TIMEOUT_S = 180.0
#: Budgets in seconds.
COLD_HOME, WARM_HOME, PAGE_SWITCH = 3.0, 1.0, 2.0
#: Each page's heading: (text module in destinations.ui, key) by url path ("" is the home map).
TITLE_KEYS = {
    "": ("map_text", "map.title"), "profile": ("profile_text", "profile.title"),
    "season": ("season_text", "season.title"), "itineraries": ("itinerary_text", "itin.title"),
    "stories": ("stories_text", "stories.title"), "editor": ("scenario_text", "editor.title"),
    "compare": ("scenario_text", "compare.title"), "generator": ("generator_text", "gen.title"),
    "data": ("data_text", "data.title"), "proposals": ("collab_text", "proposals.title"),
    "members": ("collab_text", "members.title"),
}
# Records the wall-clock time (ms) of every change of the script state, in every document.
WATCH_STATE = """
window.__stateChanges = [];
new MutationObserver(records => {
    for (const r of records) {
        window.__stateChanges.push([Date.now(), r.target.getAttribute('data-test-script-state')]);
    }
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(script: Path, port: int, env: dict[str, str],
                     log: Path) -> Iterator[tuple[str, float, int]]:
    """Run `streamlit run <script>`; yield its URL, the seconds until /_stcore/health answered and
    the server's process id."""
    started = time.perf_counter()
    with log.open("w") as handle:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false"],
            cwd=script.parent, env=env, stdout=handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None or time.perf_counter() - started > 90:
                raise SystemExit(f"streamlit did not start; log:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.05)
        yield url, time.perf_counter() - started, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def wait_idle(page, since_ms: float) -> float:
    """Wall-clock seconds of the last change to notRunning after ``since_ms``, once the state has
    stayed notRunning for QUIET_S."""
    deadline = time.time() + TIMEOUT_S
    while time.time() < deadline:
        changes = [c for c in page.evaluate("window.__stateChanges || []") if c[0] >= since_ms]
        state = page.locator('[data-testid="stApp"]').first.get_attribute("data-test-script-state")
        if changes and state == "notRunning" and changes[-1][1] == "notRunning":
            if time.time() * 1000 - changes[-1][0] >= QUIET_S * 1000:
                return changes[-1][0] / 1000
        time.sleep(0.05)
    raise TimeoutError("the script did not become idle")


def open_home(context, url: str, title: str) -> tuple[object, float]:
    """Open the home map in ``context``; return the page and seconds from navigation to idle."""
    page = context.new_page()
    started = time.time()
    page.goto(url, wait_until="commit")
    page.frame_locator(MAP_FRAME).first.locator("path.leaflet-interactive").first.wait_for(
        timeout=TIMEOUT_S * 1000)
    page.locator("h1").filter(has_text=title).first.wait_for(timeout=TIMEOUT_S * 1000)
    drawn = time.time()
    return page, max(drawn, wait_idle(page, started * 1000)) - started


def switch_to(page, url_path: str, title: str) -> float:
    """Click the sidebar link of ``url_path``; seconds until its title shows and the script is idle."""
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{url_path}"]').first
    link.wait_for(timeout=TIMEOUT_S * 1000)
    started = time.time()
    link.click()
    page.locator("h1").filter(has_text=title).first.wait_for(timeout=TIMEOUT_S * 1000)
    shown = time.time()
    return max(shown, wait_idle(page, started * 1000)) - started


def bare_visit(browser, url: str) -> float:
    """Open the bare page in a new context; seconds from navigation to its button, script idle."""
    context = browser.new_context()
    context.add_init_script(WATCH_STATE)
    page = context.new_page()
    started = time.time()
    page.goto(url, wait_until="commit")
    page.get_by_role("button", name="ok").wait_for(timeout=TIMEOUT_S * 1000)
    shown = time.time()
    seconds = max(shown, wait_idle(page, started * 1000)) - started
    context.close()
    return seconds


def app_visits(browser, url: str, titles: dict[str, str]) -> dict[str, float]:
    """(b) cold home, (c) warm home in a new context, (d) a switch to every other page."""
    times = {}
    cold = browser.new_context(viewport={"width": 1400, "height": 1000})
    cold.add_init_script(WATCH_STATE)
    _, times["cold home"] = open_home(cold, url, titles[""])
    cold.close()
    warm = browser.new_context(viewport={"width": 1400, "height": 1000})
    warm.add_init_script(WATCH_STATE)
    page, times["warm home"] = open_home(warm, url, titles[""])
    for url_path, title in titles.items():
        if url_path:
            times[f"switch to /{url_path}"] = switch_to(page, url_path, title)
    warm.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="fresh servers per measurement (median)")
    parser.add_argument("--port", type=int, default=None, help="the app server's port (default: a free one)")
    parser.add_argument("--warm-cache", action="store_true",
                        help="time restarts with a filled derived-data cache instead of first starts")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    from playwright.sync_api import sync_playwright

    from destinations.settings import load_settings
    from destinations.ui.navigation import DEFAULT_PAGE, SECTIONS, url_path

    urls = ["" if p == DEFAULT_PAGE else url_path(p) for pages in SECTIONS.values() for p, *_ in pages]
    from destinations.i18n import translate

    titles = {u: translate(getattr(importlib.import_module(f"destinations.ui.{TITLE_KEYS[u][0]}"), "TEXT"),
                           TITLE_KEYS[u][1], "en") for u in urls}
    settings = load_settings()
    work = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    (work / "bare").mkdir()
    bare_script = work / "bare" / "bare.py"
    bare_script.write_text(BARE_SCRIPT, encoding="utf-8")
    base_env = {**os.environ, "DESTINATIONS_DATA_DIR": str(settings.data_dir),
                "DESTINATIONS_DB_URL": f"sqlite:///{work / 'bench.sqlite'}",
                "XDG_DATA_HOME": str(work / "user-data")}

    def app_env(run: int) -> dict[str, str]:
        cache = work / ("cache" if args.warm_cache else f"cache-{run}")
        return {**base_env, "XDG_CACHE_HOME": str(cache)}

    samples: dict[str, list[float]] = {}
    server_starts = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        if args.warm_cache:
            with streamlit_server(ROOT / "app.py", args.port or _free_port(), app_env(0),
                                  work / "prime.log") as (url, _, _):
                context = browser.new_context()
                context.add_init_script(WATCH_STATE)
                open_home(context, url, titles[""])
                context.close()
        for run in range(1, args.repeat + 1):
            with streamlit_server(bare_script, _free_port(), base_env, work / f"bare-{run}.log") as (url, _, _):
                samples.setdefault("(a) bare one-widget page", []).append(bare_visit(browser, url))
                samples.setdefault("bare page, second context", []).append(bare_visit(browser, url))
            with streamlit_server(ROOT / "app.py", args.port or _free_port(), app_env(run),
                                  work / f"app-{run}.log") as (url, started, _):
                server_starts.append(started)
                for name, seconds in app_visits(browser, url, titles).items():
                    samples.setdefault(name, []).append(seconds)
            print(f"repeat {run}/{args.repeat} done", file=sys.stderr)
        browser.close()

    baseline = statistics.median(samples["(a) bare one-widget page"])
    budgets = {"cold home": COLD_HOME, "warm home": WARM_HOME}
    cache = "restarts with a filled" if args.warm_cache else "first starts with an empty"
    print(f"startup benchmark: median of {args.repeat} fresh server start(s); {cache} derived-data "
          f"cache; data {settings.data_dir}")
    print(f"app server start to healthy (not in the budgets): {statistics.median(server_starts):.2f} s")
    print(f"{'measurement':32} {'seconds':>8} {'x (a)':>7} {'range':>13}  budget")
    for name, values in samples.items():
        seconds = statistics.median(values)
        budget = budgets.get(name, PAGE_SWITCH if name.startswith("switch") else None)
        verdict = "" if budget is None else f"<= {budget:.0f} s {'met' if seconds <= budget else 'NOT met'}"
        spread = f"{min(values):.2f}-{max(values):.2f}" if len(values) > 1 else ""
        print(f"{name:32} {seconds:8.2f} {seconds / baseline:7.1f} {spread:>13}  {verdict}")
    print(f"budgets: cold home <= {COLD_HOME:.0f} s, warm home <= {WARM_HOME:.0f} s, "
          f"page switch <= {PAGE_SWITCH:.0f} s (each)")


if __name__ == "__main__":
    main()
