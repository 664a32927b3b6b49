"""Benchmark: how fast the scenario editor answers a click, against a bare Streamlit page.

Run from the repository root::

    python bench/bench_editor.py [--repeat 5]

Starts two `streamlit run` servers as bench/bench_startup.py does (headless, loopback, the
settings' data folder, a throwaway SQLite store) and times in headless Chromium:

(a) baseline: a click on the only button of a bare page (``st.button("ok")`` and a line of text
    counting the clicks) until the new count shows and the script is idle;
(b) select: a click on a municipality on the editor's map until the map outlines it as selected
    and the script is idle;
(c) deselect: a second click on it, until the outline is gone and the script is idle;
(d) assign: a click on "Assign the selection" until the municipality has its new company's fill
    on the map, the metric cards show the new values, and the script is idle;
(e) undo: a click on Undo until the map and the metrics are back and the script is idle.

"Idle" is the last change of Streamlit's script state to notRunning after the click, once the
state has stayed there for a quiet second. Each timing is the median over the repeats (all in one
browser session on one server), in seconds and as a ratio to (a). The budget (1 s for (b)-(e) on
an idle machine of this size) is printed with whether it is met; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import (  # noqa: E402  (a sibling script, not a package)
    CHROMIUM,
    CHROMIUM_ARGS,
    MAP_FRAME,
    QUIET_S,
    TIMEOUT_S,
    WATCH_STATE,
    _free_port,
    streamlit_server,
)

ROOT = Path(__file__).resolve().parent.parent
#: The baseline: one button whose click reruns the script and changes one line of text.
BARE_SCRIPT = ('import streamlit as st\n\n'
               'if st.button("ok"):\n'
               '    st.session_state["n"] = st.session_state.get("n", 0) + 1\n'
               'st.write(f"clicks: {st.session_state.get(\'n\', 0)}")\n')
#: Budget in seconds from a click to the map and metrics updated.
CLICK_BUDGET = 1.0
#: Vejen: unaffiliated today; assigned to Destination Trekantområdet (a neighbour).
CODE, TARGET = "575", "Destination Trekantområdet"
METRIC = "Unaffiliated municipalities"


def _frame(page):
    return page.locator(MAP_FRAME).first.element_handle().content_frame()


def _wait_in_map(page, condition: str, arg=None) -> None:
    _frame(page).wait_for_function(condition, arg=arg, polling="raf", timeout=TIMEOUT_S * 1000)


def _metric(page) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=METRIC).first
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()


def wait_idle(page, since_ms: float, shown: float | None = None) -> float:
    """Wall-clock seconds of the last change of the script state to notRunning after ``since_ms``
    once it has stayed there for QUIET_S (or ``shown`` when a rerun was too quick for the state
    attribute to change at all)."""
    deadline = time.time() + TIMEOUT_S
    while time.time() < deadline:
        changes = [c for c in page.evaluate("window.__stateChanges || []") if c[0] >= since_ms]
        state = page.locator('[data-testid="stApp"]').first.get_attribute("data-test-script-state")
        now = time.time()
        if state == "notRunning":
            if changes and changes[-1][1] == "notRunning" and now * 1000 - changes[-1][0] >= QUIET_S * 1000:
                return changes[-1][0] / 1000
            if not changes and shown is not None and now - shown >= QUIET_S:
                return shown
        time.sleep(0.05)
    raise TimeoutError("the script did not become idle")


def _timed(page, act, done) -> float:
    """Seconds from ``act()`` to ``done()`` having returned and the script being idle."""
    started = time.time()
    act()
    done()
    shown = time.time()
    return max(shown, wait_idle(page, started * 1000, shown)) - started


def _click_municipality(page, code: str) -> None:
    frame = _frame(page)
    point = frame.evaluate(
        """(code) => {
            const path = document.querySelector('path.m-' + code);
            const box = path.getBBox(), matrix = path.getScreenCTM();
            // the middle of the shape's box when it lies inside the shape, else a point on it
            let p = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2);
            if (!path.isPointInFill(p)) { p = path.getPointAtLength(path.getTotalLength() / 3); }
            const q = p.matrixTransform(matrix);
            return {x: q.x, y: q.y};
        }""", code)
    box = page.locator(MAP_FRAME).first.bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def bare_clicks(browser, url: str, repeat: int) -> list[float]:
    context = browser.new_context()
    context.add_init_script(WATCH_STATE)
    page = context.new_page()
    page.goto(url)
    button = page.get_by_role("button", name="ok")
    button.wait_for(timeout=TIMEOUT_S * 1000)
    page.get_by_text("clicks: 0").wait_for(timeout=TIMEOUT_S * 1000)
    times = []
    for n in range(1, repeat + 1):
        times.append(_timed(page, button.click, lambda n=n: page.get_by_text(f"clicks: {n}").wait_for(
            timeout=TIMEOUT_S * 1000)))
    context.close()
    return times


def editor_clicks(browser, url: str, repeat: int) -> dict[str, list[float]]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.add_init_script(WATCH_STATE)
    page = context.new_page()
    page.goto(f"{url}/editor")
    page.frame_locator(MAP_FRAME).first.locator(f"path.m-{CODE}").wait_for(timeout=TIMEOUT_S * 1000)
    wait_idle(page, 0, time.time())
    selected = f"() => !!document.querySelector('path.m-{CODE}.sel')"
    unselected = f"() => !document.querySelector('path.m-{CODE}.sel')"
    times: dict[str, list[float]] = {}
    for run in range(repeat):
        times.setdefault("(b) select on the map", []).append(_timed(
            page, lambda: _click_municipality(page, CODE), lambda: _wait_in_map(page, selected)))
        times.setdefault("(c) deselect on the map", []).append(_timed(
            page, lambda: _click_municipality(page, CODE), lambda: _wait_in_map(page, unselected)))
        _timed(page, lambda: _click_municipality(page, CODE), lambda: _wait_in_map(page, selected))
        if run == 0:  # the picker keeps the last company from then on
            page.get_by_role("combobox", name="Assign to").click()
            page.get_by_role("option", name=TARGET).click()
            wait_idle(page, time.time() * 1000, time.time())
        fill = _frame(page).evaluate(f"() => document.querySelector('path.m-{CODE}').getAttribute('fill')")
        value = _metric(page)
        assign = page.get_by_role("button", name="Assign the selection (1)")

        def assigned(before_fill=fill, before_value=value):
            _wait_in_map(page, "(f) => document.querySelector('path.m-" + CODE + "')"
                               ".getAttribute('fill') !== f", before_fill)
            page.wait_for_function(
                """([label, before]) => [...document.querySelectorAll('[data-testid="stMetric"]')]
                    .some(m => m.innerText.includes(label)
                          && m.querySelector('[data-testid="stMetricValue"]').innerText.trim() !== before)""",
                arg=[METRIC, before_value], polling="raf", timeout=TIMEOUT_S * 1000)

        times.setdefault("(d) assign: map and metrics", []).append(_timed(page, assign.click, assigned))
        fill, value = (_frame(page).evaluate(
            f"() => document.querySelector('path.m-{CODE}').getAttribute('fill')"), _metric(page))
        times.setdefault("(e) undo: map and metrics", []).append(_timed(
            page, page.get_by_role("button", name="Undo").click,
            lambda f=fill, v=value: assigned(f, v)))
    context.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="clicks per measurement (median)")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    from playwright.sync_api import sync_playwright

    from destinations.settings import load_settings

    settings = load_settings()
    work = Path(tempfile.mkdtemp(prefix="bench-editor-"))
    (work / "bare").mkdir()
    bare_script = work / "bare" / "bare.py"
    bare_script.write_text(BARE_SCRIPT, encoding="utf-8")
    env = {**os.environ, "DESTINATIONS_DATA_DIR": str(settings.data_dir),
           "DESTINATIONS_DB_URL": f"sqlite:///{work / 'bench.sqlite'}",
           "XDG_DATA_HOME": str(work / "user-data")}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        with streamlit_server(bare_script, _free_port(), env, work / "bare.log") as (url, _, _):
            samples = {"(a) bare page: button click": bare_clicks(browser, url, args.repeat)}
        with streamlit_server(ROOT / "app.py", _free_port(), env, work / "app.log") as (url, _, _):
            samples.update(editor_clicks(browser, url, args.repeat))
        browser.close()

    baseline = statistics.median(samples["(a) bare page: button click"])
    print(f"editor benchmark: median of {args.repeat} click(s) each; data {settings.data_dir}; "
          f"{os.cpu_count()} CPU(s)")
    print(f"{'measurement':34} {'seconds':>8} {'x (a)':>7} {'range':>13}  budget")
    for name, values in samples.items():
        seconds = statistics.median(values)
        budget = "" if name.startswith("(a)") else \
            f"<= {CLICK_BUDGET:.0f} s {'met' if seconds <= CLICK_BUDGET else 'NOT met'}"
        spread = f"{min(values):.2f}-{max(values):.2f}" if len(values) > 1 else ""
        print(f"{name:34} {seconds:8.2f} {seconds / baseline:7.1f} {spread:>13}  {budget}")
    print("times are until the change is on screen and the script is idle (the last change of the "
          "script state to notRunning)")


if __name__ == "__main__":
    main()
