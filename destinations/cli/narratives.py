"""``destinations narratives list|export|suggest``: shared story maps."""

from __future__ import annotations

import argparse

from destinations.cli.common import load_base, subcommands
from destinations.errors import DestinationsError

EXPORT_FORMATS = ("html", "pdf", "json")


def _stories(base):
    """Built-in stories and, when the store is reachable, the saved ones."""
    from destinations.narratives import load_stories
    from destinations.store.stories import StoryStore

    try:
        store = StoryStore(base.settings.db_url, base=base)
    except DestinationsError:
        store = None
    stories, _problems = load_stories(base, store=store)
    return stories


def list_stories(args: argparse.Namespace) -> dict:
    from destinations.narratives import list_narratives

    base = load_base()
    return {"narratives": list_narratives(base, stories=_stories(base))}


def export(args: argparse.Namespace) -> dict:
    """Write one story; the format is --format, else the extension of --out (.pdf, .json, .html)."""
    from destinations.narratives import export_narrative, format_for

    fmt = format_for(args.out, args.format)
    base = load_base()
    return export_narrative(base, args.id, args.out, fmt=fmt, lang=args.lang,
                            stories=_stories(base))


def suggest(args: argparse.Namespace) -> dict:
    from destinations.narratives import company_labels
    from destinations.narratives.suggest import suggest_stories

    base = load_base()
    themes = [t.strip() for t in args.themes.split(",") if t.strip()] if args.themes else None
    found = suggest_stories(base, stories=_stories(base), themes=themes, limit=args.limit)
    labels = company_labels(base)
    return {"suggestions": [s.to_dict(labels) for s in found]}


def register(groups) -> None:
    commands = subcommands(groups, "narratives", "shared story maps")
    listing = commands.add_parser("list", help="stories and the companies they span today")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_stories)
    export_cmd = commands.add_parser(
        "export", help="write a story as a self-contained HTML page, a PDF of it, or JSON")
    export_cmd.add_argument("id")
    export_cmd.add_argument("--out", required=True,
                            help="file to write; its extension (.html, .pdf, .json) sets the format")
    export_cmd.add_argument("--format", choices=EXPORT_FORMATS, default=None,
                            help="override the format the extension implies")
    export_cmd.add_argument("--lang", choices=["en", "da"], default="en")
    export_cmd.add_argument("--json", action="store_true")
    export_cmd.set_defaults(handler=export)
    suggest_cmd = commands.add_parser(
        "suggest", help="candidate stories that would join companies sharing a theme")
    suggest_cmd.add_argument("--themes", default=None,
                             help="comma-separated theme tags (default: every theme in the data)")
    suggest_cmd.add_argument("--limit", type=int, default=12)
    suggest_cmd.add_argument("--json", action="store_true")
    suggest_cmd.set_defaults(handler=suggest)
