"""The members page's work: the member table, adding or changing a member, removing one, the
history of role changes. Every change is checked by the store (strategists only)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from destinations.collab.roles import ROLES, AccessDenied
from destinations.errors import DestinationsError
from destinations.ui import account, data
from destinations.ui.escape import md
from destinations.ui.frame import Page

FLASH_KEY = "members.flash"


def members_table(page: Page, members) -> pd.DataFrame:
    names = {c.id: c.name for c in data.base().companies}
    return pd.DataFrame([{
        page.t("members.email"): m.email,
        page.t("members.role"): page.t(f"role.{m.role}", companies=", ".join(
            names.get(c, c) for c in m.companies)),
        page.t("members.active"): m.active,
        page.t("members.updated"): m.updated_by,
    } for m in members])


def company_options() -> dict[str, str]:
    return {c.id: c.name for c in sorted(data.base().companies, key=lambda c: c.name.lower())}


def flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(message)


def save_member(page: Page, email: str, role: str, companies: list[str]) -> None:
    try:
        member = account.stores()[1].add(email, role, companies)
    except DestinationsError as exc:
        st.error(str(exc))
        return
    st.session_state[FLASH_KEY] = page.t("members.saved", email=md(member.email),
                                         role=page.t(f"role.{member.role}", companies=", ".join(
                                             member.companies)))
    st.rerun()


def remove_member(page: Page, email: str) -> None:
    try:
        account.stores()[1].remove(email)
    except DestinationsError as exc:
        st.error(str(exc))
        return
    st.session_state[FLASH_KEY] = page.t("members.removed", email=md(email))
    st.rerun()


def listing(page: Page):
    """(members, principal, problem text) for the page; members None when refused."""
    problem = account.store_problem()
    if problem:
        return None, None, page.t("store.down", problem=problem)
    who = account.principal()
    try:
        return account.stores()[1].list(include_removed=who.is_strategist), who, ""
    except AccessDenied:
        return None, who, page.t("members.not_member")
    except DestinationsError as exc:
        return None, who, str(exc)


def role_history(page: Page) -> pd.DataFrame:
    try:
        entries = account.stores()[2].all_entries()
    except DestinationsError:
        return pd.DataFrame()
    rows = [e for e in entries if e.action.startswith("member.")]
    return pd.DataFrame([{page.t("audit.when"): e.when.strftime("%Y-%m-%d %H:%M"),
                          page.t("audit.who"): e.who, page.t("members.email"): e.name,
                          page.t("audit.before_after"): f"{e.before} → {e.after}"}
                         for e in reversed(rows)])


__all__ = ["ROLES", "company_options", "flash", "listing", "members_table", "remove_member",
           "role_history", "save_member"]
