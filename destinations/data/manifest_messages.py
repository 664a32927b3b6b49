"""A Babel extractor for ``geodata/manifest.json``: each dataset's title and caveats become msgids.

Registered in ``pyproject.toml`` (``[tool.babel] extractors``, mapping ``**/manifest.json``), so
``pybabel extract -F pyproject.toml ... geodata`` puts them in the catalog next to the code's
strings; the data page translates them where it shows them. Sources and licences are citations
and stay as published, so they are not extracted.
"""

from __future__ import annotations

import json
from typing import IO, Any, Collection, Iterator

#: Fields of each ``files`` entry that are shown to users as text of this project.
FIELDS = ("title", "caveats")


def extract(fileobj: IO[bytes], keywords: Collection[str], comment_tags: Collection[str],
            options: dict[str, Any]) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel's extractor protocol: ``(lineno, funcname, message, comments)`` per message."""
    text = fileobj.read().decode(options.get("encoding", "utf-8"))
    lines = text.splitlines()
    document = json.loads(text)
    for entry in document.get("files", []):
        for field in FIELDS:
            values = entry.get(field) or ()
            for message in [values] if isinstance(values, str) else values:
                yield _line_of(lines, message), None, message, [f"{entry.get('path', '')}: {field}"]


def _line_of(lines: list[str], message: str) -> int:
    """1-based line of ``message`` in the file (0 when not found verbatim)."""
    needle = json.dumps(message, ensure_ascii=False)
    return next((i for i, line in enumerate(lines, 1) if needle in line), 0)
