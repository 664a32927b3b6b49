"""Exports that travel: one self-contained HTML page (reads on screen, offline and on A4 paper),
the same page as PDF (:mod:`.pdf`), and the story JSON.

The HTML page needs nothing from the network and runs nothing: no ``<script>``, no stylesheet or
font links, no tiles. Maps are inline SVG drawn from the municipal boundaries
(:func:`~destinations.narratives.static_map.story_svg`): one overview of the whole route and one per
step, framed with its surroundings. Stored images are embedded as ``data:`` URIs (re-encoded JPEG or
PNG only, their bytes checked against the digest the story holds). The only ``http`` addresses in
the page are citations: links of media that are links, printed as text with class ``cite``.

Layout: a header with the title, the introduction and who tells the story together (coherence
under the scenario, its weighting said in words), the overview map, the list of steps, then one
section per step - prose, its map, the facts box, the places and their companies, the media.
Print CSS sets A4 pages, keeps a step's heading with its text and a map or picture in one piece,
and leaves out the on-screen navigation.

Safety: every text from the story, the data or the user goes through :func:`html.escape`;
attribute values are quoted and escaped; image ``src`` values are built here from verified bytes.
"""

from __future__ import annotations

import base64
import hashlib
import html
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlparse

from destinations.i18n import N_, gettext, normalize_language
from destinations.narratives.coherence import company_parts, story_coherence, weighting_note
from destinations.narratives.model import IMAGE_MIMES, Media, Story
from destinations.narratives.places import step_places
from destinations.narratives.static_map import story_svg

#: Supplies stored image bytes by SHA-256 (the store's lookup); None where it has none.
ImageSource = Callable[[str], "bytes | None"] | Mapping[str, bytes]

LABELS = {
    "contents": N_("Steps"),
    "step": N_("Step"),
    "of": N_("of"),
    "prev": N_("Previous"),
    "next": N_("Next"),
    "places": N_("Places"),
    "media": N_("Pictures and links"),
    "credit": N_("Credit"),
    "licence": N_("Licence"),
    "company": N_("destination company"),
    "unaffiliated": N_("no destination company"),
    "facts": N_("Facts and sources"),
    "together": N_("Told together by"),
    "one_company": N_("Told by one destination company"),
    "overview": N_("The route: {n} steps, numbered as in the list below."),
    "municipality": N_("municipality"),
    "top": N_("Back to the steps"),
    "missing_image": N_("Picture not available"),
    "footer": N_("Prose by the story's authors. Facts boxes are drawn from the project's data files "
                 "(attractions, published visitor counts, fixed links) with the source and year each "
                 "figure was published; travel times are estimates. Maps: municipal boundaries DAGI 1:500 "
                 "000 (2014), Geodatastyrelsen & Danske Kommuner."),
}

_CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:0;
color:#1f2933;line-height:1.5;background:#fff;font-size:16px}
header,main,footer,nav.toc{max-width:52rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.9rem;line-height:1.2;margin:1.5rem 0 .5rem}
h2{font-size:1.35rem;line-height:1.25;margin:.2rem 0 .6rem;break-after:avoid}
h3{font-size:.95rem;margin:.8rem 0 .3rem;break-after:avoid}
p.intro{font-size:1.08rem}
.meta{color:#52606d;font-size:.9rem}
figure{margin:0;break-inside:avoid}
figure.overview svg{width:100%;height:auto;display:block;border:1px solid #ccd}
figcaption{font-size:.8rem;color:#52606d;margin-top:.2rem}
section.step{border-top:1px solid #dde;padding:1rem 0 1.2rem;display:grid;
grid-template-columns:minmax(0,1fr) 20rem;column-gap:1.2rem}
section.step>.head{grid-column:1/-1}
section.step .map{grid-column:2;grid-row:2/span 3}
section.step .map svg{width:100%;height:auto;display:block;border:1px solid #ccd}
section.step .text{grid-column:1}
section.step:target h2{background:#fff4c2}
aside.facts{background:#f5f7fa;border-left:3px solid #9aa5b1;padding:.4rem .7rem;margin:.6rem 0;
font-size:.8rem;color:#3e4c59;break-inside:avoid}
aside.facts h3{margin:.1rem 0 .2rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.04em}
aside.facts ul{margin:0;padding-left:1rem}
ul.places{font-size:.85rem;margin:.2rem 0;padding-left:1.1rem}
ol.toc-list li{margin:.1rem 0}
.together li{margin:.1rem 0}
figure.media img{max-width:100%;height:auto;display:block}
.missing{border:1px dashed #9aa5b1;padding:.5rem;font-size:.85rem;color:#52606d}
.cite{font-size:.8rem;color:#52606d;word-break:break-all}
nav.prevnext{display:flex;justify-content:space-between;gap:1rem;margin-top:.6rem;
grid-column:1/-1;font-size:.9rem}
footer{color:#52606d;font-size:.8rem;padding:1rem 1rem 2rem;border-top:1px solid #dde}
@media (max-width:40rem){section.step{display:block}section.step .map{margin:.5rem 0}}
@page{size:A4;margin:14mm 13mm 16mm}
@media print{
body{font-size:9.5pt;line-height:1.38}
header,main,footer,nav.toc{max-width:none;padding:0}
h1{font-size:19pt;margin-top:0}
h2{font-size:13pt}
nav.prevnext,a.top{display:none}
section.step{grid-template-columns:minmax(0,1fr) 76mm;column-gap:5mm;padding:.4rem 0 .5rem;
break-inside:avoid-page}
aside.facts{font-size:7.5pt}
figure.overview svg{max-height:118mm;width:auto;max-width:100%;margin:0 auto}
a{color:inherit;text-decoration:none}
}
"""


def esc(value: Any) -> str:
    """HTML-escape any value as text (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_url(url: str) -> str | None:
    """The URL if it is an absolute http(s) address, else None (it is then shown as text only)."""
    parsed = urlparse(url)
    if parsed.scheme.lower() in ("http", "https") and parsed.netloc and not any(
            ch.isspace() for ch in url):
        return url
    return None


def paragraphs_html(text: str, *, css: str | None = None) -> str:
    """Plain text to escaped ``<p>`` paragraphs (blank line: new paragraph; newline: ``<br>``)."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    attribute = f' class="{esc(css)}"' if css else ""
    return "\n".join(f"<p{attribute}>" + "<br>".join(esc(line) for line in block.split("\n"))
                     + "</p>" for block in blocks)


def _image_bytes(images: ImageSource | None, sha256: str) -> bytes | None:
    if images is None:
        return None
    data = images.get(sha256) if isinstance(images, Mapping) else images(sha256)
    # Only bytes that are what the story says they are are embedded.
    if data is None or hashlib.sha256(data).hexdigest() != sha256:
        return None
    return data


def media_html(media: Media, words: Mapping[str, str], images: ImageSource | None) -> str:
    """One picture (embedded) or link (as a citation), with caption, credit and licence, escaped."""
    notes = []
    if media.credit:
        notes.append(f"{words['credit']}: {media.credit}")
    if media.licence:
        notes.append(f"{words['licence']}: {media.licence}")
    caption = " · ".join(x for x in (media.caption, *notes) if x)
    if media.image is not None:
        data = _image_bytes(images, media.image.sha256)
        if data is not None and media.image.mime in IMAGE_MIMES:
            source = f"data:{media.image.mime};base64,{base64.b64encode(data).decode()}"
            picture = (f'<img src="{esc(source)}" alt="{esc(media.alt)}" '
                       f'width="{media.image.width}" height="{media.image.height}">')
        else:
            picture = (f'<div class="missing" role="img" aria-label="{esc(media.alt)}">'
                       f'{esc(words["missing_image"])}: {esc(media.alt)}</div>')
        figcaption = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
        return f'<figure class="media">{picture}{figcaption}</figure>'
    url = safe_url(media.url)
    label = media.caption or media.alt or media.url
    link = (f'<a class="cite" href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>' if url
            else f'<span class="cite">{esc(media.url)}</span>')
    extra = f' <span class="meta">({esc("; ".join(notes))})</span>' if notes else ""
    return f"<p>{esc(label)}{extra}<br>{link}</p>"


def story_html(story: Story, base: Any, *, lang: str = "en",
               assignment: Mapping[str, str | None] | None = None,
               labels: Mapping[str, str] | None = None,
               images: ImageSource | None = None, step_maps: bool = True) -> str:
    """The story as one self-contained HTML page (see the module docstring).

    Parameters
    ----------
    story, base
        The story (validated) and the loaded base data.
    lang
        "en" or "da".
    assignment
        Scenario (kommune code -> company or None) for the companies, the coherence summary and the
        map fills; default today's companies.
    labels
        Company key -> display name (default today's names, e.g.
        :func:`~destinations.narratives.coherence.company_labels`).
    images
        Stored image bytes by SHA-256 (a mapping or the store's lookup function); pictures whose
        bytes are missing show their alternative text instead.
    step_maps
        Draw a map per step (True) or only the overview.
    """
    words = {**{key: gettext(text, lang) for key, text in LABELS.items()}, "language": normalize_language(lang)}
    assignment = dict(assignment if assignment is not None else base.today_assignment)
    names = dict(base.today_company_names)
    names.update(labels or {})

    def company_name(key: str | None) -> str:
        return words["unaffiliated"] if key is None else names.get(key, key)

    title = story.title.get(lang)
    coherence = story_coherence(story, base, assignment)
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(words["language"])}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<header id="top">',
        f"<h1>{esc(title)}</h1>",
        paragraphs_html(story.intro.get(lang), css="intro"),
    ]
    parts = company_parts(coherence, story, names, lang=lang)
    heading = words["together"] if len(coherence.companies) >= 2 else words["one_company"]
    out.append(f'<h3>{esc(heading)}</h3><ul class="together">')
    out += [f"<li>{esc(sentence)}</li>" for _key, sentence in parts]
    out.append(f'</ul><p class="meta">{esc(weighting_note(coherence, lang))}</p>')
    out.append("</header>")
    out.append("<main>")
    overview = story_svg(story, base, lang=lang, assignment=assignment, labels=names, width=820)
    out.append(f'<figure class="overview">{overview}<figcaption>'
               f'{esc(words["overview"].format(n=len(story.steps)))}</figcaption></figure>')
    out.append(f'<nav class="toc" aria-label="{esc(words["contents"])}">'
               f'<h2>{esc(words["contents"])}</h2><ol class="toc-list">')
    for step in story.steps:
        companies = sorted({company_name(assignment.get(p.code) or None)
                            for p in step_places(step, base)})
        out.append(f'<li><a href="#step-{esc(step.id)}">{esc(step.title.get(lang))}</a> '
                   f'<span class="meta">({esc(", ".join(companies))})</span></li>')
    out.append("</ol></nav>")
    total = len(story.steps)
    for index, step in enumerate(story.steps):
        out.append(f'<section class="step" id="step-{esc(step.id)}">')
        out.append(f'<div class="head"><p class="meta">{esc(words["step"])} {index + 1} '
                   f'{esc(words["of"])} {total}</p><h2>{esc(step.title.get(lang))}</h2></div>')
        if step_maps:
            out.append('<figure class="map">'
                       + story_svg(story, base, lang=lang, step_id=step.id, assignment=assignment,
                                   labels=names, width=320)
                       + "</figure>")
        out.append('<div class="text">')
        out.append(paragraphs_html(step.body.get(lang)))
        facts = step.fact_lines(lang)
        if facts:
            out.append(f'<aside class="facts"><h3>{esc(words["facts"])}</h3><ul>'
                       + "".join(f"<li>{esc(line)}</li>" for line in facts) + "</ul></aside>")
        places = step_places(step, base)
        if places:
            out.append(f'<h3>{esc(words["places"])}</h3><ul class="places">')
            for place in places:
                where = (base.municipality_name(place.code) if place.kind == "attraction"
                         else words["municipality"])
                company = company_name(assignment.get(place.code) or None)
                out.append(f"<li>{esc(place.name)} <span class=\"meta\">({esc(where)}; "
                           f"{esc(company)})</span></li>")
            out.append("</ul>")
        if step.media:
            out.append(f'<h3>{esc(words["media"])}</h3>')
            out += [media_html(media, words, images) for media in step.media]
        out.append("</div>")
        out.append('<nav class="prevnext">')
        if index > 0:
            prev = story.steps[index - 1]
            out.append(f'<a href="#step-{esc(prev.id)}" rel="prev">← {esc(words["prev"])}: '
                       f"{esc(prev.title.get(lang))}</a>")
        else:
            out.append(f'<a class="top" href="#top">↑ {esc(words["top"])}</a>')
        if index + 1 < total:
            nxt = story.steps[index + 1]
            out.append(f'<a href="#step-{esc(nxt.id)}" rel="next">{esc(words["next"])}: '
                       f"{esc(nxt.title.get(lang))} →</a>")
        out.append("</nav>")
        out.append("</section>")
    out += [
        "</main>",
        f'<footer><p>{esc(words["footer"])}</p></footer>',
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def story_json(story: Story) -> str:
    """The story document as JSON text (round-trips through ``parse_story``)."""
    return story.to_json(indent=2) + "\n"


EXPORT_FORMATS = ("html", "pdf", "json")


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The export format: ``fmt`` when given, else from the file name's extension (html default)."""
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"htm": "html", "html": "html", "pdf": "pdf", "json": "json"}.get(suffix, "html")


def write_story(story: Story, base: Any, out_path: str | Path, *, fmt: str = "html",
                lang: str = "en", assignment: Mapping[str, str | None] | None = None,
                labels: Mapping[str, str] | None = None, images: ImageSource | None = None,
                chromium: str | None = None) -> dict[str, Any]:
    """Write ``story`` to ``out_path`` as ``fmt`` ("html", "pdf" or "json"); return a JSON-ready
    summary (``id``, ``format``, ``path``, ``bytes``, ``steps``, ``lang``).

    PDF: the HTML page printed by headless Chromium (:func:`destinations.narratives.pdf.html_to_pdf`;
    ``chromium`` is its executable, default ``$DESTINATIONS_CHROMIUM`` or ``/usr/bin/chromium``).
    """
    if fmt in ("html", "pdf"):
        text = story_html(story, base, lang=lang, assignment=assignment, labels=labels,
                          images=images)
        if fmt == "pdf":
            from destinations.narratives.pdf import html_to_pdf

            data = html_to_pdf(text, executable_path=chromium)
        else:
            data = text.encode("utf-8")
    elif fmt == "json":
        data = story_json(story).encode("utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    path = Path(out_path)
    path.write_bytes(data)
    return {"id": story.id, "format": fmt, "path": str(path), "bytes": len(data),
            "steps": len(story.steps), "lang": lang}
