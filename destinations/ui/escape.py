"""Escaping of data- and user-supplied text for Streamlit markdown."""

from __future__ import annotations

#: Markdown, HTML, colour/emoji directive and LaTeX characters (``=`` starts a highlight).
_MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()#+-.!|<>~$:=")


def md(text: object) -> str:
    """Text made inert for ``st.markdown`` and friends: every special character is
    backslash-escaped, so names from data or users show as typed and never as markup."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))
