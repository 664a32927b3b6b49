"""``destinations data status|verify|fetch``: what is loaded and from where, checks, downloads."""

from __future__ import annotations

import argparse

from destinations.cli.common import CommandFailed, load_base, subcommands
from destinations.errors import DataError
from destinations.settings import load_settings


def status(args: argparse.Namespace) -> dict:
    """Every dataset the catalogue lists, validated with the loaders the pages use: the first
    damaged file ends the command with one line naming it (exit status 2)."""
    from destinations.catalog import data_status

    return data_status(load_base())


def verify(args: argparse.Namespace) -> dict:
    from destinations.data.manifest import check_files, read_manifest, rehash

    settings = load_settings()
    if read_manifest(settings.data_dir) is None:
        raise DataError(settings.manifest_path, "file not found: nothing to verify against",
                        "point DESTINATIONS_DATA_DIR at a folder with a manifest, or restore geodata/")
    if args.rehash:
        return {"data_dir": str(settings.data_dir), "rehashed": rehash(settings.data_dir)}
    checks = check_files(settings.data_dir)
    payload = {"data_dir": str(settings.data_dir), "ok": all(c.ok for c in checks),
               "files": [{"path": c.path, "sha256": c.sha256, "ok": c.ok, "problem": c.problem}
                         for c in checks]}
    problems = [f"{settings.data_dir / c.path}: {c.problem}" for c in checks if not c.ok]
    if problems:
        raise CommandFailed("\n".join(problems) + "\nFix: `git checkout geodata/` in a clone, or "
                            "reinstall the package", payload)
    return payload


def _verify_summary(payload: dict) -> dict:
    """Human output of a clean verify: one line, not one per file."""
    if "files" not in payload:
        return payload
    return {"data_dir": payload["data_dir"],
            "result": f"all {len(payload['files'])} files match the manifest"}


def fetch(args: argparse.Namespace) -> dict:
    settings = load_settings()
    if args.source == "dagi":
        from destinations.data.fetch import fetch_dagi_municipalities

        path = fetch_dagi_municipalities(settings)
        return {"source": "dagi", "written": [str(path)]}
    from destinations.facts.statbank import fetch_statbank

    written = fetch_statbank(settings)
    return {"source": "statbank", "written": [str(p) for p in written]}


def register(groups) -> None:
    commands = subcommands(groups, "data", "datasets: status, checks, official downloads")
    status_cmd = commands.add_parser("status", help="what is loaded, from where; every dataset "
                                     "validated (exit 2 names a damaged file)")
    status_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    status_cmd.set_defaults(handler=status)
    verify_cmd = commands.add_parser("verify", help="check every data file against the manifest")
    verify_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    verify_cmd.add_argument("--rehash", action="store_true",
                            help="maintainers: record the current size, SHA-256 and rows in manifest.json")
    verify_cmd.set_defaults(handler=verify, human=_verify_summary)
    fetch_cmd = commands.add_parser("fetch", help="download official data into the user data folder")
    fetch_cmd.add_argument("source", choices=["statbank", "dagi"])
    fetch_cmd.add_argument("--json", action="store_true")
    fetch_cmd.set_defaults(handler=fetch)
