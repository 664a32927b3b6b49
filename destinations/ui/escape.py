"""Escaping of data- and user-supplied text for Streamlit markdown."""

from __future__ import annotations

import re

#: GitHub-flavoured markdown turns bare addresses into links even when their characters are
#: escaped; a zero-width space at these points keeps them plain text that reads the same.
_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto)(?=\\?:)|(www)(?=\\?\.)|(?<=\w)(@)(?=\w)")
_ZWSP = "\u200b"

#: Markdown, HTML, colour/emoji directive and LaTeX characters (``=`` starts a highlight).
_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()#+-.!|<>~$:=")


def md(text: object) -> str:
    """Text made inert for ``st.markdown`` and friends: every special character is
    backslash-escaped, so names from data or users show as typed and never as markup."""
    escaped = "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))
    return _AUTOLINK.sub(_break_link, escaped)


def _break_link(match: re.Match) -> str:
    scheme, www, at = match.groups()
    if at:
        return _ZWSP + at
    return (scheme or www) + _ZWSP
