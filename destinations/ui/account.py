"""Who is using the app: sign-in with Streamlit's OpenID Connect (``st.login``/``st.user``/
``st.logout``), local mode, and the sidebar every page shows (who you are, your inbox).

* Sign-in is on when ``.streamlit/secrets.toml`` (or a file named by ``--secrets.files``) has an
  ``[auth]`` section; the signed-in person acts with the role the members table gives their
  e-mail address. A visitor who is not signed in reads the published plans only.
* Without ``[auth]`` the app runs in **local mode**: one local user with every right, labelled on
  every page.

:func:`resolve_identity` is installed as the resolver of
:func:`destinations.collab.identity.current_identity`, so every store call made while a page (or a
widget callback) runs is checked against the person in that session, including calls made by
pages that know nothing of sign-in.
"""

from __future__ import annotations

from typing import Any

import streamlit as st
from streamlit.errors import StreamlitAPIException

from destinations.collab.identity import current_identity, set_resolver
from destinations.collab.roles import ANONYMOUS, LOCAL, CollabError, Identity, normalize_email
from destinations.errors import DestinationsError
from destinations.i18n import translate
from destinations.settings import load_settings
from destinations.ui.collab_text import TEXT
from destinations.ui.escape import md

PROPOSALS_PAGE = "pages/proposals.py"
#: Query parameter of the proposals page naming the proposal shown.
PROPOSAL_PARAM = "p"


def auth_configured() -> bool:
    """Is sign-in configured (an ``[auth]`` section in the secrets)?"""
    try:
        secrets = st.secrets
        return bool(secrets.load_if_toml_exists()) and "auth" in secrets
    except Exception:  # no secrets file, or one that does not parse: no sign-in
        return False


def _in_script_run() -> bool:
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    return get_script_run_ctx(suppress_warning=True) is not None


def signed_in_identity() -> Identity:
    """The person of this session: :data:`LOCAL` in local mode, the signed-in e-mail address, or
    :data:`ANONYMOUS`."""
    if not auth_configured():
        return LOCAL
    user = st.user
    if not user.get("is_logged_in"):
        return ANONYMOUS
    try:
        return Identity(normalize_email(user.get("email")), str(user.get("name") or ""))
    except CollabError:
        return ANONYMOUS


def resolve_identity() -> Identity | None:
    """The resolver for the store: the session's person inside a script run; outside one (a
    thread of the server's own) nobody when sign-in is configured, else local mode."""
    if _in_script_run():
        return signed_in_identity()
    return ANONYMOUS if auth_configured() else None


set_resolver(resolve_identity)


# ------------------------------------------------------------------------------ stores
def store_url() -> str:
    return load_settings().db_url


@st.cache_resource(show_spinner=False, max_entries=4)
def _stores(url: str, _base: Any):
    from destinations.store import DocumentStore
    from destinations.store.audit import AuditLog
    from destinations.store.members import MemberStore
    from destinations.store.proposals import ProposalStore

    documents = DocumentStore(url)
    return ProposalStore(documents, base=_base), MemberStore(documents), AuditLog(documents)


def stores():
    """(proposal store, member store, audit log) at ``DESTINATIONS_DB_URL``; raises
    :class:`~destinations.errors.StoreError` when the store cannot be opened."""
    from destinations.ui import data

    return _stores(store_url(), data.base())


def store_problem() -> str:
    from destinations.ui import data

    return data.store_problem()


def principal():
    """The session's person with their role now (a local strategist in local mode)."""
    from destinations.collab.roles import Principal

    identity = current_identity()
    if identity.local:
        return Principal.local()
    if store_problem():
        return Principal(identity)
    return stores()[1].principal(identity)


def role_text(lang: str, who) -> str:
    if who.identity.local:
        return translate(TEXT, "role.local", lang)
    if who.role == "editor":
        return translate(TEXT, "role.editor", lang, companies=", ".join(sorted(who.companies)))
    return translate(TEXT, f"role.{who.role or 'none'}", lang)


def published_plan(base) -> tuple[dict[str, str | None], dict[str, str]]:
    """(assignment, company names) of the published "Destination companies today": the stored
    plan once an applied proposal has changed it, else the built-in plan of the base data. For the
    national map (``destinations.ui.national_map``), so an applied border change shows there."""
    if not store_problem():
        try:
            proposals = stores()[0]
            if proposals.documents.head("scenario", "today") is not None:
                plan = proposals.scenarios.load("today", include_deleted=True).scenario
                return plan.assignment, plan.names
        except DestinationsError:
            pass
    return dict(base.today_assignment), dict(base.today_company_names)


# ------------------------------------------------------------------------------ sidebar
def sidebar(lang: str) -> None:
    """Who you are (local mode, signed in or not, with sign-in/out) and the inbox; drawn by the
    page frame on every page. Never fails a page: a store that does not answer hides the inbox."""
    identity = signed_in_identity()
    box = st.sidebar.container()
    if identity.local:
        box.caption(translate(TEXT, "account.local", lang))
    elif not identity.signed_in:
        box.caption(translate(TEXT, "account.signed_out", lang))
        if st.user.get("is_logged_in"):
            box.caption(translate(TEXT, "account.no_email", lang))
        if box.button(translate(TEXT, "account.sign_in", lang), key="account.sign_in"):
            st.login()
        return
    try:
        who = principal()
    except DestinationsError:
        return
    if not identity.local:
        box.caption(translate(TEXT, "account.signed_in", lang, email=md(identity.email),
                              role=role_text(lang, who)))
        if box.button(translate(TEXT, "account.sign_out", lang), key="account.sign_out"):
            st.logout()
    inbox(lang, box)


def inbox(lang: str, where=None) -> None:
    """The proposals waiting for the session's person, each a link to the proposals page (the
    sidebar shows it; the home page may place it too)."""
    where = where or st
    if store_problem():
        return
    try:
        waiting = stores()[0].inbox()
    except DestinationsError:
        return
    if not waiting:
        return
    where.markdown(f"**{translate(TEXT, 'inbox.title', lang)}** ({len(waiting)})")
    for proposal in waiting[:8]:
        label = translate(TEXT, "inbox.item", lang, id=proposal.id, summary=proposal.summary)
        try:
            where.page_link(PROPOSALS_PAGE, label=md(label[:90]),
                            query_params={PROPOSAL_PARAM: str(proposal.id),
                                          **({"lang": lang} if lang != "en" else {})})
        except StreamlitAPIException:  # a page run on its own (no navigation): plain text
            where.markdown("- " + md(label[:90]))
