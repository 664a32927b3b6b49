"""What every command group shares: the parser class, argument types, output and errors."""

from __future__ import annotations

import argparse

from destinations.errors import DestinationsError
from destinations.settings import load_settings


class Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one clear line (argparse's own default is also 2)."""

    def error(self, message: str) -> None:  # pragma: no cover - exercised through main
        self.exit(2, f"destinations: error: {message}\n")


class CommandFailed(DestinationsError):
    """A command that ran but found problems: one line each on stderr, exit 2 (JSON still printed)."""

    def __init__(self, message: str, payload: dict) -> None:
        super().__init__(message)
        self.payload = payload


def load_base():
    """The base data of the settings in force (the environment)."""
    from destinations.data.base import load_base as load

    return load(load_settings())


def subcommands(groups, name: str, help_text: str):
    """A command group's parser and the sub-parser collection of its commands."""
    group = groups.add_parser(name, help=help_text)
    return group.add_subparsers(dest="command", required=True, parser_class=Parser)


def print_human(payload: dict, indent: int = 0) -> None:
    pad = "  " * indent
    for key, value in payload.items():
        if isinstance(value, dict):
            print(f"{pad}{key}:")
            print_human(value, indent + 1)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            print(f"{pad}{key}: {len(value)} entries")
            for item in value:
                print(f"{pad}  - " + ", ".join(f"{k}={v}" for k, v in item.items()))
        else:
            print(f"{pad}{key}: {value}")


def bounded_int(low: int, high: int, *, noun: str, outside: str):
    """An argparse type: a whole number within [low, high], with a one-line error otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {noun}, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(outside.format(value=value))
        return value

    return parse


year = bounded_int(1990, 2100, noun="a year such as 2019", outside="year {value} is outside 1990-2100")
company_count = bounded_int(15, 25, noun="a whole number of companies",
                            outside="k = {value} is outside the 15-25 band of the reform")


def split_list(text: str) -> list[str]:
    """'a, b,,c' -> ['a', 'b', 'c']."""
    return [part.strip() for part in text.split(",") if part.strip()]
