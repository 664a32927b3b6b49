"""View state in the URL: choices filled once from the query string (validated), the URL rewritten
from them after every run, so the address bar is always a shareable link to the view.

A page keeps its choices in namespaced session keys (``profile.*``, ``season.*``); on the first run of
a session they are filled from the URL (``?scenario=…&company=…&year=…&scope=…``), a bad value
falls back with a message.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

import streamlit as st

from destinations.ui.escape import md


def init_choice(key: str, param: str, options: Sequence[Any], default: Any, *,
                parse: Callable[[str], Any] = str) -> tuple[str, str] | None:
    """Fill session key ``key`` once from ``?param=``; keep it valid when ``options`` change.

    Returns ``(requested value, shown value)`` when the URL asked for something that is not in
    ``options`` (the page says so), else None.
    """
    problem = None
    if key not in st.session_state:
        raw = st.query_params.get(param)
        value = default
        if raw not in (None, ""):
            try:
                parsed = parse(raw)
            except (TypeError, ValueError):
                parsed = None
            if parsed in options:
                value = parsed
            else:
                problem = (str(raw), str(default))
        st.session_state[key] = value
    elif st.session_state[key] not in options:
        st.session_state[key] = default
    return problem


def write_params(values: Mapping[str, Any]) -> str:
    """Mirror ``values`` into the URL (None removes a parameter); returns the query string."""
    for name, value in values.items():
        if value is None:
            if name in st.query_params:
                del st.query_params[name]
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)
    shown = {k: v for k, v in st.query_params.to_dict().items()}
    return "?" + "&".join(f"{k}={v}" for k, v in shown.items())


def page_link(page_file: str, url_path: str, label: str, params: Mapping[str, str],
              icon: str | None = None) -> None:
    """A link to another page of the app carrying ``params`` (a plain link when the page is not
    registered, e.g. when a page runs on its own under AppTest)."""
    from urllib.parse import urlencode

    from streamlit.errors import StreamlitAPIException

    try:
        st.page_link(page_file, label=label, icon=icon, query_params=dict(params))
    except StreamlitAPIException:
        st.markdown(f"[{md(label)}](/{url_path}?{urlencode(dict(params))})")


def bad_param_warnings(page, notes: list[tuple[str, tuple[str, str]]]) -> None:
    """One warning for each URL value that was replaced: ``(what key, (asked, shown))``."""
    for what, (asked, shown) in notes:
        st.warning(page.t("bad.param", what=page.t(what), value=md(_shortened(asked)),
                          shown=md(_shortened(shown))))


#: How much of a rejected URL value is echoed back: enough to recognise it, too little to carry
#: a message of an attacker's own.
ECHO_LIMIT = 60


def _shortened(value: object) -> str:
    text = str(value)
    return text if len(text) <= ECHO_LIMIT else text[:ECHO_LIMIT - 1] + "…"
