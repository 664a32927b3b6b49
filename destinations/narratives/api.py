"""JSON-ready entry points for the CLI and the pages: list, find, export, stories per company."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Mapping

from destinations.narratives.builtin import builtin_narratives
from destinations.narratives.coherence import (
    StoryCoherence,
    company_labels,
    company_parts,
    story_coherence,
    today_assignment,
)
from destinations.narratives.export import format_for, write_story
from destinations.narratives.model import NarrativeError, Step, Story
from destinations.narratives.places import step_places


def find_story(stories: Iterable[Story], story_id: str) -> Story:
    """The story with ``story_id``; :class:`NarrativeError` naming the known ids otherwise."""
    items = list(stories)
    for story in items:
        if story.id == story_id:
            return story
    raise NarrativeError(f"story {story_id!r}", ["no story with this id"],
                         f"use one of: {', '.join(s.id for s in items)}")


def load_stories(base: Any, *, store: Any | None = None) -> tuple[list[Story], list[str]]:
    """Built-in stories followed by the saved ones of ``store`` (a
    :class:`~destinations.store.stories.StoryStore`), and one message per saved story that
    no longer validates. A saved story never hides a built-in with the same id."""
    stories = list(builtin_narratives(base))
    problems: list[str] = []
    if store is not None:
        saved, problems = store.load_all()
        ids = {s.id for s in stories}
        stories += [item.story for item in saved if item.story.id not in ids]
    return stories, problems


def list_narratives(base: Any, *, stories: Iterable[Story] | None = None) -> list[dict[str, Any]]:
    """One dict per story under today's scenario (``base.memberships``).

    ``stories`` defaults to the built-ins; pass ``load_stories(base, store=...)[0]`` to include
    saved stories.

    Keys: ``id``, ``title`` (English), ``title_da``, ``theme``, ``origin`` ("builtin"/"user"),
    ``steps`` (count), ``companies`` (display names of the companies the story spans, largest
    share first; no unaffiliated), ``unaffiliated_municipalities`` (codes), ``effective_splits``
    (under ``weighting``; None if undefined), ``effective_splits_equal``, ``weighting``
    ("visitors" or "equal", see :mod:`.coherence`), ``intro_words`` (words in the English
    introduction) and ``has_media`` (any step carries a picture or link).
    """
    assignment = today_assignment(base)
    labels = company_labels(base)
    out = []
    for story in (builtin_narratives(base) if stories is None else stories):
        coherence = story_coherence(story, base, assignment).to_dict(labels)
        out.append({
            "id": story.id,
            "title": story.title.en,
            "title_da": story.title.da,
            "theme": story.theme,
            "origin": story.origin,
            "steps": len(story.steps),
            "companies": coherence["companies"],
            "unaffiliated_municipalities": coherence["unaffiliated_codes"],
            "effective_splits": coherence["effective_splits"],
            "effective_splits_equal": coherence["effective_splits_equal"],
            "weighting": coherence["weighting"],
            "intro_words": len(story.intro.en.split()),
            "has_media": any(step.media for step in story.steps),
        })
    return out


def export_narrative(base: Any, story_id: str, out_path: str | Path, *, fmt: str | None = None,
                     lang: str = "en", stories: Iterable[Story] | None = None,
                     images: Any | None = None, chromium: str | None = None) -> dict[str, Any]:
    """Write one story as a self-contained HTML page, a PDF of that page, or its JSON.

    ``fmt`` is "html", "pdf" or "json"; None infers it from ``out_path``'s extension (HTML when it
    names none). The HTML and PDF name each place's company under today's scenario. ``images``
    supplies stored picture bytes by SHA-256 (see :func:`~destinations.narratives.export.story_html`);
    ``chromium`` is the browser for the PDF (default ``$DESTINATIONS_CHROMIUM`` or
    ``/usr/bin/chromium``). Returns ``id``, ``format``, ``path``, ``bytes``, ``steps``, ``lang``.

    Raises
    ------
    NarrativeError
        Unknown story id (the message lists the known ones); ``ExportError`` (a subclass) when a
        PDF cannot be made.
    ValueError
        Unknown format.
    """
    fmt = format_for(out_path, fmt)
    story = find_story(builtin_narratives(base) if stories is None else stories, story_id)
    return write_story(story, base, out_path, fmt=fmt, lang=lang,
                       assignment=today_assignment(base), labels=company_labels(base),
                       images=images, chromium=chromium)


def _matches(key: str | None, company: str, labels: Mapping[str, str]) -> bool:
    return key is not None and (key == company or labels.get(key) == company
                                or labels.get(company) == key)


def stories_for_company(base: Any, assignment: Mapping[str, str | None], company: str, *,
                        stories: Iterable[Story] | None = None) -> list[dict[str, Any]]:
    """Stories the company takes part in under ``assignment`` (for a company's profile).

    ``company`` may be the assignment's key or, for today's companies, the id or the name. Each
    dict: ``id``, ``title``, ``title_da``, ``steps_in_company`` (step ids with a place in the
    company), ``steps`` (count), ``share`` (the company's share under the story's weighting),
    ``partners`` (other companies, display names), ``unaffiliated`` (bool: the story also touches
    municipalities in no company), ``effective_splits``. Sorted by share, largest first.
    """
    labels = company_labels(base)
    out = []
    for story in (builtin_narratives(base) if stories is None else stories):
        coherence = story_coherence(story, base, assignment)
        keys = [c for c in coherence.companies if _matches(c, company, labels)]
        if not keys:
            continue
        key = keys[0]
        steps = [sid for sid, buckets in coherence.step_companies if key in buckets]
        out.append({
            "id": story.id,
            "title": story.title.en,
            "title_da": story.title.da,
            "steps_in_company": steps,
            "steps": len(story.steps),
            "share": round(dict(coherence.shares)[key], 6),
            "partners": [labels.get(c, c) for c in coherence.companies if c != key],
            "unaffiliated": bool(coherence.unaffiliated_codes),
            "effective_splits": coherence.to_dict()["effective_splits"],
        })
    return sorted(out, key=lambda d: (-d["share"], d["id"]))


def coherence_rows(coherence: StoryCoherence, story: Story, labels: Mapping[str, str], *,
                   unaffiliated_label: str, lang: str = "en") -> list[dict[str, Any]]:
    """One row per company (and the unaffiliated group) of a story, largest share first.

    Keys: ``company`` (display name), ``unaffiliated`` (bool), ``share`` (0..1, under
    ``coherence.weighting``), ``weighting``, ``places`` (count), ``steps`` (1-based step numbers
    with a place in it), ``summary`` (the company's part in plain words, in ``lang``).
    """
    numbers = {step.id: n for n, step in enumerate(story.steps, start=1)}
    summaries = dict(company_parts(coherence, story, labels, lang=lang))
    rows = []
    for company, share in coherence.shares:
        places = [p for p in coherence.places if p.company == company]
        steps = sorted({numbers[s] for p in places for s in p.steps})
        rows.append({"company": unaffiliated_label if company is None else labels.get(company, company),
                     "unaffiliated": company is None, "share": share,
                     "weighting": coherence.weighting, "places": len(places), "steps": steps,
                     "summary": summaries[company]})
    return rows


def place_rows(step: Step, base: Any, assignment: Mapping[str, str | None],
               labels: Mapping[str, str], *, unaffiliated_label: str, gap_label: str
               ) -> list[dict[str, Any]]:
    """One row per place of a step: ``place``, ``municipality``, ``company``, ``visitors``
    (``"4,031,000 (2023)"`` or ``gap_label``)."""
    rows = []
    for place in step_places(step, base):
        company = assignment.get(place.code)
        visitors = (f"{place.visitors:,} ({place.visitors_year})" if place.visitors is not None
                    else gap_label)
        rows.append({"place": place.name, "municipality": base.municipality_name(place.code),
                     "company": unaffiliated_label if company is None else labels.get(company, company),
                     "visitors": visitors})
    return rows
