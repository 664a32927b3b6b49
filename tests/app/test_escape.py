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


def test_table_downloads_quote_formula_cells():
    """Every table the pages offer as CSV shows a formula-like name as text (OWASP CSV injection)."""
    import pandas as pd

    from destinations.ui.exports import csv_bytes

    frame = pd.DataFrame({"company": ['=HYPERLINK("http://evil.example")', "+1", "@SUM(A1)", "Tivoli"],
                          "overnights": [1.5, -2.0, 3.0, 4.0]})
    for lang in ("en", "da"):
        text = csv_bytes(frame, lang).decode("utf-8-sig")
        assert "'=HYPERLINK" in text and "'+1" in text and "'@SUM" in text
        assert "'Tivoli" not in text  # plain names are left alone
        assert "-2" in text  # numbers stay numbers


def test_rejected_url_values_are_echoed_short_and_inert(monkeypatch):
    from destinations.ui import url_state

    shown: list[str] = []
    monkeypatch.setattr(url_state.st, "warning", shown.append)

    class _Page:
        def t(self, key, **values):
            return "{value} -> {shown}".format(**values) if values else key

    payload = "[Log in again](https://evil.example/login)" + "x" * 200
    url_state.bad_param_warnings(_Page(), [("company", (payload, "Destination Fyn"))])
    (message,) = shown
    assert len(message) < 2 * url_state.ECHO_LIMIT + 40
    assert "](" not in message.replace("\\]\\(", "") and "https://" not in message


def test_data_errors_show_the_message_as_text(monkeypatch):
    from destinations.errors import DestinationsError
    from destinations.ui import frame

    shown: list[str] = []
    monkeypatch.setattr(frame.st, "error", shown.append)
    monkeypatch.setattr(frame.st, "stop", lambda: None)

    class _Page:
        def t(self, key, **values):
            return key

    with frame.data_errors(_Page()):
        raise DestinationsError("bad file [click](https://evil.example)")
    (message,) = shown
    assert "https://" not in message and "\\[click\\]" in message
