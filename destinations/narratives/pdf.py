"""PDF export: the story's HTML page printed to A4 by headless Chromium (through Playwright).

The same page as the HTML export, so what a manager sees on screen is what the partner gets on
paper. Chromium is the system's (Debian: ``apt-get install chromium``), never a browser downloaded
by Playwright; Playwright is imported only when a PDF is made, so the rest of the package works
without it. The page loads nothing from the network (the HTML has no external reference, and every
request other than the page itself is refused), and page numbers are printed in the footer.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from destinations.narratives.model import NarrativeError

#: Chromium switches for a headless print in a container: no sandbox (root), no GPU, and none of the
#: background traffic (updates, sync, QUIC) a print does not need.
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync")
DEFAULT_CHROMIUM = "/usr/bin/chromium"
#: A4 with margins that leave room for the page-number footer.
MARGINS = {"top": "14mm", "bottom": "16mm", "left": "13mm", "right": "13mm"}
_FOOTER = ('<div style="width:100%;font-size:8px;color:#52606d;text-align:center;'
           'font-family:sans-serif"><span class="pageNumber"></span> / '
           '<span class="totalPages"></span></div>')


class ExportError(NarrativeError):
    """An export could not be made (e.g. no Chromium or no Playwright for a PDF)."""


def find_chromium(executable_path: str | None = None) -> str | None:
    """The Chromium to use: ``executable_path``, else ``$DESTINATIONS_CHROMIUM``, else
    ``/usr/bin/chromium``, else ``chromium``/``chromium-browser`` on the PATH; None if none exists."""
    for candidate in (executable_path, os.environ.get("DESTINATIONS_CHROMIUM"), DEFAULT_CHROMIUM):
        if candidate and Path(candidate).is_file():
            return candidate
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def html_to_pdf(page_html: str, *, executable_path: str | None = None,
                timeout_ms: int = 60_000) -> bytes:
    """Print ``page_html`` to an A4 PDF with headless Chromium; returns the PDF bytes.

    Raises
    ------
    ExportError
        Playwright is not installed, no Chromium was found, or the print failed (the message says
        which, and how to fix it).
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise ExportError("PDF export", ["the Python package 'playwright' is not installed"],
                          "pip install playwright (it drives the system's Chromium; no browser "
                          "download is needed), or export HTML and print it from a browser") from exc
    chromium = find_chromium(executable_path)
    if chromium is None:
        raise ExportError("PDF export", [f"no Chromium found (looked for {executable_path or ''}"
                                         f"{' and ' if executable_path else ''}$DESTINATIONS_CHROMIUM, "
                                         f"{DEFAULT_CHROMIUM}, chromium on the PATH)"],
                          "install it (Debian/Ubuntu: apt-get install chromium) or set "
                          "DESTINATIONS_CHROMIUM to its path; or export HTML and print it")
    def print_page() -> bytes:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                                 args=list(CHROMIUM_ARGS))
            try:
                page = browser.new_page()
                # Nothing may come from the network; inline data is not a request.
                page.route("**/*", lambda route: route.abort())
                page.set_content(page_html, wait_until="load", timeout=timeout_ms)
                page.emulate_media(media="print")
                return page.pdf(format="A4", print_background=True, margin=MARGINS,
                                display_header_footer=True, header_template="<div></div>",
                                footer_template=_FOOTER)
            finally:
                browser.close()

    try:
        return _outside_event_loop(print_page)
    except PlaywrightError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ExportError("PDF export", [f"Chromium could not print the page ({first})"],
                          f"check that {chromium} starts (e.g. '{chromium} --version'), or export "
                          "HTML and print it from a browser") from exc


def _outside_event_loop(work):
    """``work()``, on a worker thread when this thread runs an asyncio loop: Playwright's sync API
    refuses to start inside one (a caller's async server or a test session that drives a browser
    of its own), and a thread of its own has none."""
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdf-export") as pool:
        return pool.submit(work).result()
