"""Benchmark: N parallel browser sessions against one app server - times, errors, server memory.

Run from the repository root::

    python bench/bench_load.py [--sessions 1,10,20] [--pages map,season,editor] [--settle 15]

One `streamlit run app.py` server (headless, loopback, the settings' data folder, a throwaway
SQLite store and derived-data cache, the production .streamlit/config.toml) is visited first by a
single priming session (it loads the base data and fills the caches; its times are printed, not
used as the baseline). Then, for each N, N new browser contexts (each its own Streamlit session) in
one headless Chromium (Playwright, Debian's /usr/bin/chromium or DESTINATIONS_CHROMIUM) start
together and each opens the first page by its URL and switches to the others by their sidebar links.

Per page visit: seconds from navigation (or the click) until the page's title shows and the
script is idle ("idle" as in bench/bench_startup.py: the last change to notRunning before a quiet
second). Reported per N: sessions that finished, errors (a timeout, a failed navigation, or a
Streamlit exception box on a page), p50 and p95 over all page visits and as a ratio to N = 1,
and the server's resident memory (VmRSS from /proc) before the first session, after it, after
every N, and after the run once the contexts are closed and --settle seconds have passed.
Streamlit drops a disconnected session's state after server.disconnectedSessionTTL (120 s by
default), so pass --settle 130 to see memory after that cleanup. The browser runs on the same
machine as the server, so on few cores the ratios include the browser's own load. Nothing is
asserted; the issue's memory bound (RSS after the run <= 1.5 x RSS after the first session) is
printed with whether it is met.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from bench_startup import (CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, QUIET_S, TITLE_KEYS, WATCH_STATE, _free_port,
                           streamlit_server)

ROOT = Path(__file__).resolve().parent.parent
#: Seconds one page may take before the visit counts as an error (20 sessions on 2 cores are slow).
PAGE_TIMEOUT_S = 240.0
#: The issue's bound: RSS after the run at most this multiple of RSS after the first session.
RSS_BOUND = 1.5
#: url path of each page name accepted by --pages ("" is the home page, the map).
PAGE_PATHS = {"map": "", "profile": "profile", "season": "season", "itineraries": "itineraries",
              "stories": "stories", "editor": "editor", "compare": "compare",
              "generator": "generator", "data": "data"}
EXCEPTION_BOX = '[data-testid="stException"]'


# ------------------------------------------------------------------------------------ server
def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (MB), from /proc (Linux)."""
    total_kb = 0
    for each in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue  # the process ended meanwhile
    return total_kb / 1024


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found + [g for c in found for g in _children(c)]


# ------------------------------------------------------------------------------------ browser
async def wait_idle(page, since_ms: float) -> float:
    """Wall-clock seconds of the last change to notRunning after ``since_ms``, once the script has
    stayed notRunning for QUIET_S (the async twin of bench_startup.wait_idle)."""
    deadline = time.time() + PAGE_TIMEOUT_S
    while time.time() < deadline:
        changes = [c for c in await page.evaluate("window.__stateChanges || []") if c[0] >= since_ms]
        state = await page.locator('[data-testid="stApp"]').first.get_attribute(
            "data-test-script-state")
        if changes and state == "notRunning" and changes[-1][1] == "notRunning":
            if time.time() * 1000 - changes[-1][0] >= QUIET_S * 1000:
                return changes[-1][0] / 1000
        await asyncio.sleep(0.1)
    raise TimeoutError("the script did not become idle")


async def show_page(page, url: str, path: str, title: str, *, first: bool) -> float:
    """Open ``path`` (by URL when ``first``, else by its sidebar link); seconds to title + idle."""
    timeout = PAGE_TIMEOUT_S * 1000
    if first:
        started = time.time()
        await page.goto(f"{url}/{path}", wait_until="commit", timeout=timeout)
    else:
        link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first
        await link.wait_for(timeout=timeout)
        started = time.time()
        await link.click()
    await page.locator("h1").filter(has_text=title).first.wait_for(timeout=timeout)
    if path in ("", "editor"):  # the folium map is part of these pages
        await page.frame_locator(MAP_FRAME).first.locator("path.leaflet-interactive").first.wait_for(
            timeout=timeout)
    shown = time.time()
    return max(shown, await wait_idle(page, started * 1000)) - started


async def session(browser, url: str, pages: list[tuple[str, str, str]]) -> tuple[dict, list[str]]:
    """One browser session over ``pages`` ((name, url path, title)); (seconds by page, errors)."""
    times: dict[str, float] = {}
    errors: list[str] = []
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    await context.add_init_script(WATCH_STATE)
    try:
        page = await context.new_page()
        for k, (name, path, title) in enumerate(pages):
            try:
                times[name] = await show_page(page, url, path, title, first=k == 0)
            except Exception as exc:  # noqa: BLE001 - a benchmark counts every failure
                errors.append(f"{name}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
                break  # the next sidebar link may not be there
            boxes = await page.locator(EXCEPTION_BOX).count()
            if boxes:
                text = (await page.locator(EXCEPTION_BOX).first.inner_text()).splitlines()
                errors.append(f"{name}: exception shown: {(text or [''])[0][:120]}")
    finally:
        await context.close()
    return times, errors


async def level(browser, url: str, pages, n: int) -> tuple[list[dict], list[str], float]:
    """N sessions started together; (times of each finished session, errors, wall seconds)."""
    started = time.perf_counter()
    results = await asyncio.gather(*(session(browser, url, pages) for _ in range(n)),
                                   return_exceptions=True)
    wall = time.perf_counter() - started
    finished, errors = [], []
    for result in results:
        if isinstance(result, BaseException):
            errors.append(f"session: {type(result).__name__}: {str(result).splitlines()[0][:120]}")
            continue
        times, problems = result
        errors += problems
        if len(times) == len(pages):
            finished.append(times)
    return finished, errors, wall


# ------------------------------------------------------------------------------------ report
def percentiles(values: list[float]) -> tuple[float, float]:
    if not values:
        return float("nan"), float("nan")
    return float(np.percentile(values, 50)), float(np.percentile(values, 95))


async def run(args, pages, env, work: Path) -> None:
    from playwright.async_api import async_playwright

    with streamlit_server(ROOT / "app.py", args.port or _free_port(), env,
                          work / "server.log") as (url, _, pid):
        rss = {"server started": rss_mb(pid)}
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                       args=CHROMIUM_ARGS)
            prime, prime_errors, _ = await level(browser, url, pages, 1)
            rss["after the first session"] = rss_mb(pid)
            rows = []
            for k, n in enumerate(args.sessions):
                finished, errors, wall = await level(browser, url, pages, n)
                # A repeated N (e.g. 1,10,20,20) shows whether memory keeps growing or is reused.
                again = args.sessions[:k].count(n)
                rss[f"after N = {n}" + (f" (#{again + 1})" if again else "")] = rss_mb(pid)
                rows.append((n, finished, errors, wall))
                print(f"N = {n} done in {wall:.1f} s", file=sys.stderr)
            await browser.close()
        if args.settle > 0:
            time.sleep(args.settle)
        rss[f"after the run (+{args.settle:g} s)"] = rss_mb(pid)
        server_log = (work / "server.log").read_text(errors="replace")

    names = [name for name, _, _ in pages]
    print(f"load benchmark: {', '.join(names)} per session; server and Chromium on "
          f"{os.cpu_count()} CPU(s); page timeout {PAGE_TIMEOUT_S:.0f} s")
    prime_times = prime[0] if prime else {}
    print("priming session (cold caches, not the baseline): "
          + (", ".join(f"{k} {v:.2f} s" for k, v in prime_times.items()) or "failed")
          + (f"; errors: {prime_errors}" if prime_errors else ""))
    base_p50 = base_p95 = None
    print(f"{'N':>3} {'done':>5} {'errors':>6} {'wall s':>7} {'p50 s':>7} {'p95 s':>7} "
          f"{'p50/N1':>7} {'p95/N1':>7}  per page p50 ({', '.join(names)})")
    for n, finished, errors, wall in rows:
        values = [t for times in finished for t in times.values()]
        p50, p95 = percentiles(values)
        if base_p50 is None:
            base_p50, base_p95 = p50, p95
        per_page = ", ".join(f"{percentiles([t[name] for t in finished])[0]:.2f}" for name in names)
        print(f"{n:3d} {len(finished):5d} {len(errors):6d} {wall:7.1f} {p50:7.2f} {p95:7.2f} "
              f"{p50 / base_p50:7.2f} {p95 / base_p95:7.2f}  {per_page}")
    for n, _, errors, _ in rows:
        for line in sorted(set(errors)):
            print(f"  N = {n} error x{errors.count(line)}: {line}")
    print("server RSS (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in rss.items()))
    first, last = rss["after the first session"], list(rss.values())[-1]
    print(f"RSS after the run / after the first session = {last / first:.2f} "
          f"(issue bound <= {RSS_BOUND}: {'met' if last <= RSS_BOUND * first else 'NOT met'})")
    tracebacks = server_log.count("Traceback")
    print(f"server log: {tracebacks} traceback(s)" + (f" (see {work / 'server.log'})" if tracebacks else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", default="1,10,20",
                        help="comma-separated N (parallel sessions); the first is the baseline; "
                             "repeat one (1,10,20,20) to see whether memory grows or is reused")
    parser.add_argument("--pages", default="map,season,editor",
                        help=f"comma-separated, from {', '.join(PAGE_PATHS)}")
    parser.add_argument("--settle", type=float, default=15.0,
                        help="seconds to wait after the run before the last RSS reading")
    parser.add_argument("--port", type=int, default=None, help="server port (default: a free one)")
    args = parser.parse_args()
    try:
        args.sessions = [int(n) for n in args.sessions.split(",") if n.strip()]
    except ValueError:
        parser.error("--sessions takes whole numbers, e.g. 1,10,20")
    if not args.sessions or min(args.sessions) < 1:
        parser.error("--sessions takes whole numbers >= 1, e.g. 1,10,20")
    wanted = [p.strip() for p in args.pages.split(",") if p.strip()]
    unknown = [p for p in wanted if p not in PAGE_PATHS]
    if unknown or not wanted:
        parser.error(f"unknown page(s) {unknown}; choose from {', '.join(PAGE_PATHS)}")

    from destinations.i18n import translate
    from destinations.settings import load_settings

    def title(path: str) -> str:
        module, key = TITLE_KEYS[path]
        return translate(getattr(importlib.import_module(f"destinations.ui.{module}"), "TEXT"), key, "en")

    pages = [(name, PAGE_PATHS[name], title(PAGE_PATHS[name])) for name in wanted]
    settings = load_settings()
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    env = {**os.environ, "DESTINATIONS_DATA_DIR": str(settings.data_dir),
           "DESTINATIONS_DB_URL": f"sqlite:///{work / 'bench.sqlite'}",
           "XDG_DATA_HOME": str(work / "user-data"), "XDG_CACHE_HOME": str(work / "cache")}
    asyncio.run(run(args, pages, env, work))


if __name__ == "__main__":
    main()
