"""Members and roles: who reads, who edits which destination company, who holds every right."""

import streamlit as st

from destinations.ui import members as ui
from destinations.ui.collab_text import TEXT
from destinations.ui.figures import GAP
from destinations.ui.frame import start_page

page = start_page(TEXT, "members.title")
st.caption(page.t("members.intro"))
ui.flash()

members, who, problem = ui.listing(page)
if problem:
    st.info(problem)
    st.stop()
if not any(m.role == "strategist" and m.active for m in members):
    st.info(page.t("members.first"))
if members:
    st.dataframe(ui.members_table(page, members), hide_index=True, width="stretch", placeholder=GAP)

if not who.is_strategist:
    st.caption(page.t("members.only_strategists"))
    st.stop()

st.subheader(page.t("members.add"))
companies = ui.company_options()
with st.form("members.add_form", clear_on_submit=False):
    email = st.text_input(page.t("members.email"), key="members.email", max_chars=254)
    role = st.selectbox(page.t("members.role"), ui.ROLES, key="members.role",
                        format_func=lambda r: page.t(f"role.{r}", companies="…"))
    chosen = st.multiselect(page.t("members.companies"), list(companies), key="members.companies",
                            format_func=companies.get)
    if st.form_submit_button(page.t("members.save")):
        ui.save_member(page, email, role, chosen if role == "editor" else [])

active = [m.email for m in members if m.active]
if active:
    st.subheader(page.t("members.remove"))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    leaving = left.selectbox(page.t("members.email"), active, key="members.leaving")
    if right.button(page.t("members.remove_button"), key="members.remove_button"):
        ui.remove_member(page, leaving)

history = ui.role_history(page)
if not history.empty:
    st.subheader(page.t("members.history"))
    st.dataframe(history, hide_index=True, width="stretch", placeholder=GAP)
