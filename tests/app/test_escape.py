"""Text from users, links and data files reaches Streamlit markdown as text: no markup, no links."""

from __future__ import annotations

import re

import pytest

from destinations.ui.escape import md

#: What remark-gfm (Streamlit's markdown) links even when every character is escaped.
_AUTOLINKED = re.compile(r"https?://|www\.|\w@\w")
#: Markdown characters that must arrive backslash-escaped.
_SPECIAL = set("[]()!<>*_`$:=")


@pytest.mark.parametrize("text", [
    "[Log in again](https://evil.example/login)", "![x](https://evil.example/t.png)",
    "see https://evil.example", "www.evil.dk", "bob@evil.dk", "<img src=x onerror=alert(1)>",
    ":red[alert]", "**bold** _it_ `code` $x$", "=HYPERLINK(\"http://x\")",
])
def test_markup_and_addresses_are_inert(text):
    escaped = md(text)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert not _AUTOLINKED.search(unescaped)
    assert all(escaped[i - 1] == "\\" for i, ch in enumerate(escaped) if ch in _SPECIAL)
    assert unescaped.replace("\u200b", "") == text  # reads exactly as typed
