"""Exports: one self-contained HTML page (no script, no external reference, inline SVG maps, every
text escaped), the same page as PDF, the JSON round-trip; CLI helpers."""

from __future__ import annotations

import base64
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from destinations.narratives import (
    LocalText,
    Media,
    NarrativeError,
    Step,
    Story,
    company_labels,
    export_narrative,
    format_for,
    list_narratives,
    parse_story,
    stories_for_company,
    story_html,
    today_assignment,
)
from destinations.narratives.pdf import find_chromium

EVIL = "<script>alert(1)</script>"


class _Collector(HTMLParser):
    """Collects tags with attributes, the text of every element, and the class of the element
    around each piece of text."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.stack: list[tuple[str, str]] = []
        self.cited_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in ("br", "img", "meta", "circle", "path", "rect", "line", "polyline"):
            self.stack.append((tag, attributes.get("class") or ""))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        if any("cite" in css.split() for _, css in self.stack):
            self.cited_text.append(data)


def _parse(text: str) -> _Collector:
    parser = _Collector()
    parser.feed(text)
    return parser


@pytest.fixture(scope="module")
def evil_story():
    step = Step(id="evil", title=LocalText(EVIL, EVIL), body=LocalText(f"a {EVIL}\n\nb & c", "x"),
                attractions=("tivoli-gardens",),
                facts=LocalText(f"fact {EVIL}", "faktum"),
                media=(Media("javascript:alert(2)", caption=EVIL, credit='"><b>x</b>'),
                       Media("https://example.org/page", caption="A source", licence=EVIL)))
    second = Step(id="second", title=LocalText("Second </script>", "Anden"),
                  body=LocalText("plain", "plain"), attractions=("rosenborg-slot",))
    return Story(id="evil-story", theme="t", title=LocalText(f"Title {EVIL}", "Titel"),
                 intro=LocalText(f"Intro {EVIL}", "Intro"), steps=(step, second))


def _external_references(page: str) -> list[str]:
    """Every attribute value or CSS url() that would make a browser fetch something."""
    parsed = _parse(page)
    found = [value for tag, attrs in parsed.tags for key, value in attrs.items()
             if key in ("src", "href", "srcset", "data", "poster", "action", "xlink:href")
             and value and not value.startswith(("#", "data:"))
             and not (tag == "a" and "cite" in (attrs.get("class") or "").split())]
    found += re.findall(r"url\((?!data:)[^)]*\)|@import", page)
    found += [t for t, _ in parsed.tags if t in ("script", "link", "iframe", "object", "embed")]
    return found


def test_html_contains_every_step_with_prev_next(stories, base):
    story = next(s for s in stories if s.id == "royal-castles")
    page = story_html(story, base)
    for index, step in enumerate(story.steps):
        assert f'id="step-{step.id}"' in page
        assert f"Step {index + 1} of {len(story.steps)}" in page
    assert page.count('rel="next"') == len(story.steps) - 1
    assert page.count('rel="prev"') == len(story.steps) - 1


def test_user_markup_is_escaped_everywhere(evil_story, base):
    page = story_html(evil_story, base, assignment=today_assignment(base))
    parsed = _parse(page)
    assert not [t for t, _ in parsed.tags if t == "script"]
    assert "<b>" not in page and "alert(1)</script>" not in page
    text = "".join(parsed.text)
    assert f"Title {EVIL}" in text and f"Intro {EVIL}" in text and f"fact {EVIL}" in text
    assert f"Licence: {EVIL}" in text
    # The javascript: URL is never a link target; the http link is a citation.
    assert not any("javascript" in a.get("href", "") for _, a in parsed.tags)
    assert ("a", {"class": "cite", "href": "https://example.org/page",
                  "rel": "noopener noreferrer"}) in parsed.tags


def test_html_has_no_script_and_no_external_reference(stories, base):
    for story in stories:
        page = story_html(story, base, lang="da")
        assert "<script" not in page.lower()
        assert _external_references(page) == [], story.id
        parsed = _parse(page)
        # "http" appears only in citations (none in the built-ins).
        outside = "".join(parsed.text).count("http") - "".join(parsed.cited_text).count("http")
        assert outside == 0, story.id


def test_html_embeds_an_overview_and_a_map_per_step(stories, base):
    story = next(s for s in stories if s.id == "limfjord")
    page = story_html(story, base)
    assert page.count("<svg") == len(story.steps) + 1
    overview = re.search(r'<figure class="overview">(<svg.*?</svg>)', page, re.S).group(1)
    assert 'class="route"' in overview and "Utzon Center" in overview
    assert "DESTINATION HIMMERLAND" in overview and "Morsø" in overview
    assert "Step 1 of 7" in page
    assert "Destination Limfjorden holds 3 of 7 steps" in page


def test_stored_images_are_embedded_only_when_their_bytes_match(base):
    pytest.importorskip("PIL")
    import io

    from PIL import Image

    from destinations.narratives.media import image_media, prepare_image

    out = io.BytesIO()
    Image.new("RGB", (8, 6), "red").save(out, format="PNG")
    prepared = prepare_image(out.getvalue())
    media = image_media(prepared, alt="A red <square>", credit="Me", licence="CC BY 4.0")
    step = Step(id="s", title=LocalText("S", "S"), body=LocalText("b", "b"),
                attractions=("hammershus",), media=(media,))
    story = Story(id="pics", theme="t", title=LocalText("P", "P"), steps=(step, step.__class__(
        **{**step.__dict__, "id": "t", "media": ()})))
    page = story_html(story, base, images={prepared.sha256: prepared.data})
    encoded = base64.b64encode(prepared.data).decode()
    assert f'src="data:image/jpeg;base64,{encoded}"' in page
    assert 'alt="A red &lt;square&gt;"' in page and "Licence: CC BY 4.0" in page
    assert _external_references(page) == []
    tampered = story_html(story, base, images={prepared.sha256: b"not the picture"})
    assert "data:image" not in tampered and "Picture not available: A red &lt;square&gt;" in tampered


def test_format_follows_the_extension():
    assert format_for("story.pdf") == "pdf" and format_for("x.JSON") == "json"
    assert format_for("story.html") == "html" and format_for("story") == "html"
    assert format_for("story.html", "pdf") == "pdf"
    with pytest.raises(ValueError, match="unknown export format 'docx'"):
        format_for("x", "docx")


@pytest.mark.skipif(find_chromium() is None, reason="no Chromium (apt-get install chromium)")
def test_pdf_export_prints_the_page(base, tmp_path):
    pytest.importorskip("playwright")
    result = export_narrative(base, "bornholm", tmp_path / "story.pdf", lang="da")
    data = (tmp_path / "story.pdf").read_bytes()
    assert result["format"] == "pdf" and data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert 1 <= pages <= result["steps"]  # a compact print: never more pages than steps


def test_pdf_without_chromium_is_a_clear_error(base, tmp_path, monkeypatch):
    pytest.importorskip("playwright")
    from destinations.narratives import pdf

    monkeypatch.setattr(pdf, "find_chromium", lambda path=None: None)
    with pytest.raises(pdf.ExportError, match="no Chromium found.*Fix: install it"):
        export_narrative(base, "bornholm", tmp_path / "story.pdf")
    assert not Path(tmp_path / "story.pdf").exists()


def test_html_reads_without_the_map(stories, base):
    story = stories[0]
    parsed = _parse(story_html(story, base, lang="da"))
    text = "".join(parsed.text)
    for step in story.steps:
        assert step.title.da in text
        assert step.body.da.split("\n\n")[0] in text


def test_export_html_and_json_files(base, tmp_path, stories):
    html_result = export_narrative(base, "wadden-sea", tmp_path / "story.html")
    assert html_result["format"] == "html" and html_result["steps"] == 7
    assert "Destination Vadehavskysten" in (tmp_path / "story.html").read_text(encoding="utf-8")
    export_narrative(base, "wadden-sea", tmp_path / "story.json", fmt="json")
    again = parse_story((tmp_path / "story.json").read_text(encoding="utf-8"), base=base)
    assert again == next(s for s in stories if s.id == "wadden-sea")


def test_export_unknown_story_lists_known_ids(base, tmp_path):
    with pytest.raises(NarrativeError, match="use one of: wadden-sea"):
        export_narrative(base, "atlantis", tmp_path / "x.html")


def test_list_narratives_keys_and_companies(base):
    rows = list_narratives(base)
    assert len(rows) >= 10
    assert {"id", "title", "steps", "companies"} <= set(rows[0])
    bornholm = next(r for r in rows if r["id"] == "bornholm")
    assert bornholm["companies"] == ["Destination Bornholm"] and bornholm["steps"] == 7
    json.dumps(rows)


def test_stories_for_company_by_name_or_id(base):
    assignment = today_assignment(base)
    by_name = stories_for_company(base, assignment, "Destination Fyn")
    by_id = stories_for_company(base, assignment, "destination-fyn")
    assert by_name == by_id
    andersen = next(r for r in by_name if r["id"] == "hc-andersen")
    assert andersen["steps_in_company"] == ["h-c-andersens-hus"]
    assert set(andersen["partners"]) == {"Destination Sjælland", "Wonderful Copenhagen"}
    assert andersen["share"] == pytest.approx(1 / 9)  # equal weights: 1 of 9 places
    assert company_labels(base)["destination-fyn"] == "Destination Fyn"


def test_load_stories_adds_saved_ones_after_builtins(base, tmp_path, stories):
    from destinations.narratives import load_stories
    from destinations.narratives.editor import copy_story
    from destinations.store.stories import StoryStore

    store = StoryStore(f"sqlite:///{tmp_path / 's.sqlite'}", base=base)
    store.save(copy_story(stories[0], []), base_version=None)
    loaded, problems = load_stories(base, store=store)
    assert [s.id for s in loaded] == [s.id for s in stories] + ["wadden-sea-copy"]
    assert problems == []
    assert list_narratives(base, stories=loaded)[-1]["origin"] == "user"
