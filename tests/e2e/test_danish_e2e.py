"""Every page in Danish shows no English text of the catalog: a real `streamlit run` server, each
page opened with ``?lang=da``, its visible text (and its map's) searched for every English msgid
(a phrase of two or more words whose Danish differs) of ``locales/en``.

The sidebar's navigation is searched too (its titles follow the session's language); proper names
that read the same in both languages are allowed.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from destinations.i18n import DOMAIN, LOCALES
from destinations.ui.navigation import DEFAULT_PAGE, SECTIONS, url_path
from tests.e2e.conftest import wait_for_app

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{\w*(?:[!:][^{}]*)?\}")
#: Phrases that are the same in English and Danish text: names and codes.
ALLOWED = {
    "Hans Christian Andersen", "Wadden Sea", "North Sea", "Turisme.nu", "DST Nyt", "StatBank BOL101",
    "tour_occ_nim", "tour_cap_nat",
}
PAGES = [path for pages in SECTIONS.values() for path, *_ in pages]


def _plain(text: str) -> str:
    """Markdown as the page shows it, whitespace collapsed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\*\*|`|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])", "", text)
    return " ".join(text.split())


@cache
def english_phrases() -> frozenset[str]:
    """Fragments (between placeholders) of two or more words of every msgid translated otherwise."""
    folder = ROOT / "locales" / "da" / "LC_MESSAGES"
    with (folder / f"{DOMAIN}.po").open("rb") as handle:
        catalog = read_po(handle, locale=LOCALES["da"], domain=DOMAIN)
    phrases = set()
    for message in catalog:
        if not message.id or not message.string:
            continue
        english = message.id[0] if isinstance(message.id, tuple) else message.id
        danish = message.string[0] if isinstance(message.string, tuple) else message.string
        if _plain(english) == _plain(danish):
            continue
        for fragment in PLACEHOLDER.split(english):
            fragment = _plain(fragment).strip(" ,;:·—–-()[].%=/+×")
            words = re.findall(r"[A-Za-z][A-Za-z'’-]*", fragment)
            if (len(words) >= 2 and sum(map(len, words)) >= 8 and fragment not in ALLOWED
                    and fragment not in _plain(danish)):
                phrases.add(fragment)
    return frozenset(phrases)


def visible_text(page) -> str:
    """The page's text, the sidebar's navigation included, plus the text of its map frames."""
    body = page.evaluate("() => document.body.innerText")
    frames = []
    for frame in page.frames[1:]:
        try:
            frames.append(frame.evaluate("() => document.body ? document.body.innerText : ''"))
        except Exception:  # noqa: BLE001 - a frame that navigated away has no text to read
            continue
    return " ".join(" ".join([body, *frames]).split())


def test_the_catalog_has_english_phrases_to_look_for():
    phrases = english_phrases()
    assert len(phrases) > 500
    assert "Known caveats" in phrases


def english_found(page, app_url: str, page_file: str, lang: str) -> list[str]:
    """The catalog's English phrases visible on ``page_file`` opened in ``lang``."""
    path = "" if page_file == DEFAULT_PAGE else url_path(page_file)
    page.goto(f"{app_url}/{path}?lang={lang}")
    page.locator("h1").first.wait_for(timeout=90_000)
    wait_for_app(page)
    page.wait_for_timeout(1500)  # charts and maps render after the script has finished
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    text = visible_text(page)
    return sorted(p for p in english_phrases()
                  if re.search(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])", text))


def test_the_check_sees_english_on_an_english_page(page, app_url):
    """The search works: the same page in English shows many phrases of the catalog."""
    assert len(english_found(page, app_url, "pages/data.py", "en")) > 20


@pytest.mark.parametrize("page_file", PAGES, ids=[url_path(p) for p in PAGES])
def test_every_page_in_danish_shows_no_english_from_the_catalog(page, app_url, page_file):
    found = english_found(page, app_url, page_file, "da")
    assert "lang=da" in page.url
    assert not found, f"{page_file} in Danish shows English: {found[:20]}"
