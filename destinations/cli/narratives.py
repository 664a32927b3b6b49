"""``destinations narratives list|export``: shared story maps."""

from __future__ import annotations

import argparse

from destinations.cli.common import load_base, subcommands
from destinations.errors import DestinationsError


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
    from destinations.narratives import export_narrative

    base = load_base()
    fmt = args.format or ("json" if str(args.out).lower().endswith(".json") else "html")
    return export_narrative(base, args.id, args.out, fmt=fmt, lang=args.lang, stories=_stories(base))


def register(groups) -> None:
    commands = subcommands(groups, "narratives", "shared story maps")
    listing = commands.add_parser("list", help="stories and the companies they span today")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_stories)
    export_cmd = commands.add_parser("export", help="write a self-contained HTML story map")
    export_cmd.add_argument("id")
    export_cmd.add_argument("--out", required=True)
    export_cmd.add_argument("--format", choices=["html", "json"], default=None)
    export_cmd.add_argument("--lang", choices=["en", "da"], default="en")
    export_cmd.add_argument("--json", action="store_true")
    export_cmd.set_defaults(handler=export)
