"""The proposals page's work, and the collaboration widgets other pages place: a proposal with its
effect (the metrics before and after, story splits, a map of what moves), consent / reject /
withdraw / apply, the comment thread, drafting a new proposal, a plan's audit trail with CSV
export, the visibility selector.

Every action goes through the store, which checks the rights of the signed-in person (or local
mode); this module only shows what the store answers. Names, reasons and comments are escaped.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from destinations.collab import proposals as rules
from destinations.collab.audit import audit_csv
from destinations.collab.effects import Effect, proposal_effect
from destinations.collab.proposals import Proposal
from destinations.errors import DestinationsError
from destinations.i18n import GAP
from destinations.scenarios.metrics import METRIC_BY_KEY
from destinations.scenarios.scenario import TODAY_NAME, Scenario
from destinations.ui import account, data
from destinations.ui.escape import md
from destinations.ui.frame import Page

FLASH_KEY = "proposals.flash"
CHOSEN_KEY = "proposals.chosen"
KINDS = (rules.MOVE, rules.MERGE, rules.SPLIT, rules.RENAME)


# ------------------------------------------------------------------------------ reading
def flash() -> None:
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(message)


def _done(message: str) -> None:
    st.session_state[FLASH_KEY] = message
    st.rerun()


def problem(page: Page) -> str:
    text = account.store_problem()
    return page.t("store.down", problem=text) if text else ""


def all_proposals() -> list[Proposal]:
    return account.stores()[0].list()


def load(proposal_id: int) -> Proposal:
    """One proposal with its comments (the store checks the person may read its plan)."""
    return account.stores()[0].get(proposal_id)


def chosen_id(proposals: list[Proposal]) -> int | None:
    """The proposal shown: ``?p=`` (an inbox link) first, then the last choice, else the newest."""
    ids = [p.id for p in proposals]
    raw = st.query_params.get(account.PROPOSAL_PARAM)
    if raw and str(raw).isdigit() and int(raw) in ids:
        st.session_state[CHOSEN_KEY] = int(raw)
    chosen = st.session_state.get(CHOSEN_KEY)
    return chosen if chosen in ids else (ids[0] if ids else None)


def remember(proposal_id: int | None) -> None:
    if proposal_id is not None:
        st.session_state[CHOSEN_KEY] = proposal_id
        st.query_params[account.PROPOSAL_PARAM] = str(proposal_id)


def label(page: Page, proposal: Proposal) -> str:
    return f"#{proposal.id} · {page.t('state.' + proposal.state)} · {proposal.summary}"[:120]


def context():
    """The evaluation context of the latest facts year (shared by all sessions)."""
    return _context()


@st.cache_resource(show_spinner="Modelling day trips…")
def _context():
    from destinations.facts import AVAILABLE_YEARS
    from destinations.scenarios.io import load_context

    return load_context(data.base(), facts=data.facts(max(AVAILABLE_YEARS)))


def effect_of(plan: Scenario, change) -> Effect:
    return proposal_effect(plan, change, context(), stories=data.builtin_stories(),
                           base=data.base())


# ------------------------------------------------------------------------------ showing
def _value(key: str, value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    unit = METRIC_BY_KEY[key].unit if key in METRIC_BY_KEY else ""
    if unit == "share":
        return f"{float(value):.1%}"
    if isinstance(value, float) and abs(value) < 10:
        return f"{value:.3f}"
    return f"{float(value):,.0f}"


def effect_tables(page: Page, effect: Effect, names: dict[str, str]) -> None:
    rows = [r for r in (*effect.companies, *effect.plan) if r.changed]
    if not rows:
        st.caption(page.t("proposals.no_effect"))
    else:
        st.dataframe(pd.DataFrame([{
            page.t("effect.company"): names.get(r.company, r.company) if r.company
            else page.t("effect.plan"),
            page.t("effect.figure"): METRIC_BY_KEY[r.key].label(page.lang),
            page.t("effect.before"): _value(r.key, r.before),
            page.t("effect.after"): _value(r.key, r.after),
            page.t("effect.delta"): "" if r.delta is None else _value(r.key, r.delta),
        } for r in rows]), hide_index=True, width="stretch", placeholder=GAP)
    if effect.stories:
        st.caption(page.t("proposals.stories"))
        st.dataframe(pd.DataFrame([{page.t("effect.story"): s.title,
                                    page.t("effect.before"): _value("", s.before),
                                    page.t("effect.after"): _value("", s.after)}
                                   for s in effect.stories]), hide_index=True, width="stretch", placeholder=GAP)


def moves_map(page: Page, effect: Effect):
    """A folium map of the plan after the change with the moving municipalities outlined."""
    from destinations import maps

    plan = effect.after or effect.before
    assignment, names = plan.assignment, plan.names
    colours = maps.company_colours(assignment, data.base().graph)
    fill, borders = data.layers_for(assignment, names, page.t("role.none"))
    fmap = maps.new_map()
    maps.add_municipalities(fmap, fill, colours, name=page.t("proposals.map"),
                            outlined=list(effect.moved))
    maps.add_company_borders(fmap, borders, name=page.t("proposals.map"))
    return fmap


def decisions(page: Page, proposal: Proposal) -> None:
    st.markdown(f"**{page.t('proposals.companies')}**")
    by_company = {d.company: d for d in proposal.decisions}
    for company in proposal.companies:
        name = md(proposal.company_names.get(company, company))
        decision = by_company.get(company)
        if decision is None:
            st.markdown("- " + page.t("proposals.waiting", company=name))
        else:
            key = "proposals.consented" if decision.decision == "consent" else "proposals.rejected_by"
            st.markdown("- " + page.t(key, company=name, who=md(decision.who)))
    national = by_company.get("national")
    if national is not None:
        st.markdown("- " + page.t("proposals.rejected_by", company=page.t("role.strategist"),
                                  who=md(national.who)))


def header(page: Page, proposal: Proposal) -> None:
    st.subheader(f"#{proposal.id} {md(proposal.summary)}")
    st.caption(page.t("proposals.author", author=md(proposal.author),
                      when=proposal.created_at.strftime("%Y-%m-%d %H:%M"),
                      plan=md(proposal.target_name), version=proposal.base_version)
               + f" · **{page.t('state.' + proposal.state)}**")
    st.markdown(md(proposal.reason))
    if proposal.problems:
        st.warning(page.t("proposals.problems") + ": " + "; ".join(md(p) for p in proposal.problems))


def staleness(page: Page, proposal: Proposal):
    stale = account.stores()[0].staleness(proposal)
    if stale.stale and proposal.state in rules.ACTIVE_STATES:
        text = page.t("proposals.stale", base=stale.base_version, now=stale.current_version)
        if stale.conflicts:
            text += f"\n\n**{page.t('proposals.conflicts')}:**\n" + "\n".join(
                f"- {md(c)}" for c in stale.conflicts)
        st.warning(text)
    return stale


def proposal_effect_view(page: Page, proposal: Proposal):
    """The effect of ``proposal`` on the plan as it is now (or as drafted, once decided)."""
    if proposal.kind != "scenario":
        return None
    store = account.stores()[0].scenarios
    version = None if proposal.state in rules.ACTIVE_STATES else proposal.base_version
    plan = store.load(proposal.key, version, include_deleted=True).scenario
    effect = effect_of(plan, proposal.change)
    st.markdown(f"**{page.t('proposals.preview')}**")
    effect_tables(page, effect, {**plan.names, **(effect.after.names if effect.after else {})})
    return effect


# ------------------------------------------------------------------------------ acting
def act(page: Page, proposal: Proposal, step: str, **kwargs) -> None:
    store = account.stores()[0]
    try:
        if step == "apply":
            version = store.apply(proposal.id, **kwargs)
            _done(page.t("proposals.applied", version=version))
        done = getattr(store, step)(proposal.id, **kwargs)
    except DestinationsError as exc:
        st.error(str(exc))
        return
    _done(page.t("proposals.done", id=done.id, state=page.t("state." + done.state)))


def actions(page: Page, proposal: Proposal, stale) -> None:
    """The buttons the person may use now (the store refuses the rest anyway)."""
    if proposal.state not in rules.ACTIVE_STATES:
        return
    who = account.principal()
    if not who.is_member:
        return
    cols = st.columns(4)
    if proposal.state == rules.OPEN and (who.companies & set(proposal.waiting_for)
                                         or who.is_strategist):
        if cols[0].button(page.t("proposals.consent"), key="proposals.consent", type="primary"):
            act(page, proposal, "consent")
    if who.companies & set(proposal.companies) or who.is_strategist:
        reason = st.text_input(page.t("proposals.reject_reason"), key="proposals.reject_reason",
                               max_chars=rules.MAX_COMMENT_LENGTH)
        if cols[1].button(page.t("proposals.reject"), key="proposals.reject"):
            act(page, proposal, "reject", reason=reason)
    if who.who == proposal.author or who.is_strategist:
        if cols[2].button(page.t("proposals.withdraw"), key="proposals.withdraw"):
            act(page, proposal, "withdraw")
    if proposal.state == rules.ACCEPTED and who.is_strategist:
        allow = False
        if stale is not None and stale.stale and not stale.conflicts:
            allow = st.checkbox(page.t("proposals.allow_stale", now=stale.current_version),
                                key="proposals.allow_stale")
        if cols[3].button(page.t("proposals.apply"), key="proposals.apply", type="primary"):
            act(page, proposal, "apply", allow_stale=allow)


def comments(page: Page, proposal: Proposal) -> None:
    st.markdown(f"**{page.t('proposals.comments')}**")
    for comment in proposal.comments:
        st.markdown(f"**{md(comment.who)}** · {comment.at.strftime('%Y-%m-%d %H:%M')}  \n"
                    f"{md(comment.text)}")
    if not account.principal().is_member:
        return
    with st.form("proposals.comment_form", clear_on_submit=True):
        text = st.text_area(page.t("proposals.comment"), key="proposals.comment_text",
                            max_chars=rules.MAX_COMMENT_LENGTH)
        if st.form_submit_button(page.t("proposals.comment_button")):
            try:
                account.stores()[0].comment(proposal.id, text)
            except DestinationsError as exc:
                st.error(str(exc))
                return
            st.rerun()


# ------------------------------------------------------------------------------ drafting
def plan_options(page: Page) -> dict[str, str]:
    """Plans a proposal can be made on: today's published plan and the shared or published saved
    plans the person reads."""
    store = account.stores()[0].scenarios
    options = {"today": TODAY_NAME}
    try:
        for head in store.list():
            if head.key != "today" and store.access(head.key).visibility != "private":
                options[head.key] = head.name
    except DestinationsError:
        pass
    return options


def load_plan(key: str) -> tuple[Scenario, int]:
    store = account.stores()[0]
    if key == "today" and store.documents.head("scenario", "today") is None:
        return data.today_scenario(), 1
    saved = store.scenarios.load(key)
    return saved.scenario, saved.version


def change_form(page: Page, plan: Scenario, kind: str):
    """The fields of one kind of change; returns the change, or None while incomplete."""
    names = plan.names
    companies = list(names)
    places = {code: f"{name} ({code})" for code, name in
              zip(data.base().municipalities["code"], data.base().municipalities["name"])}
    try:
        if kind == rules.MOVE:
            codes = st.multiselect(page.t("proposals.municipalities"), list(plan.codes),
                                   format_func=lambda c: places.get(c, c), key="proposals.codes")
            target = st.selectbox(page.t("proposals.target"), companies, format_func=names.get,
                                  key="proposals.target")
            return rules.move_change({c: target for c in codes}) if codes else None
        if kind == rules.MERGE:
            keep = st.selectbox(page.t("proposals.keep"), companies, format_func=names.get,
                                key="proposals.keep")
            absorb = st.selectbox(page.t("proposals.absorb"), [c for c in companies if c != keep],
                                  format_func=names.get, key="proposals.absorb")
            return rules.merge_change(keep, absorb) if absorb else None
        company = st.selectbox(page.t("proposals.company"), companies, format_func=names.get,
                               key="proposals.company")
        if kind == rules.SPLIT:
            codes = st.multiselect(page.t("proposals.municipalities"),
                                   list(plan.companies()[company]),
                                   format_func=lambda c: places.get(c, c), key="proposals.codes")
            name = st.text_input(page.t("proposals.new_name"), key="proposals.new_name",
                                 max_chars=80)
            return rules.split_change(company, codes, name) if codes and name.strip() else None
        name = st.text_input(page.t("proposals.new_name"), key="proposals.new_name", max_chars=80)
        return rules.rename_change(company, name) if name.strip() else None
    except DestinationsError as exc:
        st.error(str(exc))
        return None


def draft(page: Page) -> None:
    """Draft a proposal: choose the plan and the change, read its effect, give a reason, submit."""
    if not account.principal().can_draft:
        st.caption(page.t("proposals.cannot_propose"))
        return
    options = plan_options(page)
    key = st.selectbox(page.t("proposals.scenario"), list(options), format_func=options.get,
                       key="proposals.plan")
    plan, version = load_plan(key)
    kind = st.radio(page.t("proposals.kind"), KINDS, format_func=lambda k: page.t("kind." + k),
                    horizontal=True, key="proposals.kind")
    change = change_form(page, plan, kind)
    if change is None:
        return
    effect = effect_of(plan, rules.with_new_company_id(plan, change))
    st.markdown(f"**{page.t('proposals.preview')}**")
    if effect.problems:
        st.warning(page.t("proposals.problems") + ": " + "; ".join(md(p) for p in effect.problems))
    effect_tables(page, effect, {**plan.names, **(effect.after.names if effect.after else {})})
    reason = st.text_area(page.t("proposals.reason"), key="proposals.reason",
                          max_chars=rules.MAX_REASON_LENGTH)
    if st.button(page.t("proposals.submit"), key="proposals.submit", type="primary"):
        try:
            made = account.stores()[0].propose(key, change, reason,
                                               base_version=version if key != "today" else None,
                                               ctx=context())
        except DestinationsError as exc:
            st.error(str(exc))
            return
        remember(made.id)
        _done(page.t("proposals.submitted", id=made.id))


# ------------------------------------------------------------------------------ other pages
def _mine(page: Page) -> Page:
    """``page`` speaking this module's texts (another page's table does not carry them)."""
    from destinations.ui.collab_text import TEXT

    return Page(page.lang, {**page.table, **TEXT})


def audit_panel(page: Page, scenario_id: str, *, key: str = "audit") -> None:
    """A plan's history (who, when, what, before → after) and its CSV; for the proposals page
    and for the scenario editor (see the module docstring)."""
    page = _mine(page)
    try:
        entries = account.stores()[2].entries("scenario", scenario_id)
    except DestinationsError as exc:
        st.caption(md(str(exc)))
        return
    st.markdown(f"**{page.t('audit.title')}**")
    if not entries:
        st.caption(page.t("audit.empty"))
        return
    st.dataframe(pd.DataFrame([{
        page.t("audit.when"): e.when.strftime("%Y-%m-%d %H:%M"), page.t("audit.who"): e.who,
        page.t("audit.action"): e.action, page.t("audit.detail"): e.detail,
        page.t("audit.before_after"): f"{e.before} → {e.after}" if e.before or e.after else "",
    } for e in reversed(entries)]), hide_index=True, width="stretch", placeholder=GAP)
    st.download_button(page.t("audit.csv"), audit_csv(entries).encode("utf-8"),
                       file_name=f"history-{scenario_id[:40]}.csv", mime="text/csv",
                       key=f"{key}.csv", on_click="ignore")


def visibility_selector(page: Page, scenario_id: str, *, key: str = "visibility") -> None:
    """Private / shared / published for a saved plan (the store refuses what the person may not)."""
    from destinations.collab.rights import VISIBILITIES

    page = _mine(page)
    store = account.stores()[0].scenarios
    try:
        current = store.access(scenario_id).visibility
    except DestinationsError:
        return
    chosen = st.selectbox(page.t("visibility.label"), VISIBILITIES,
                          index=VISIBILITIES.index(current), key=key,
                          format_func=lambda v: page.t("visibility." + v))
    if chosen != current:
        try:
            store.set_visibility(scenario_id, chosen)
        except DestinationsError as exc:
            st.error(str(exc))
            return
        st.rerun()


def propose_edit(page: Page, scenario_id: str, edited: Scenario, *, key: str = "propose") -> None:
    """"Propose this change" for the scenario editor: the municipalities whose company differs
    between the stored plan and ``edited`` become one move proposal with a reason."""
    page = _mine(page)
    try:
        stored, version = load_plan(scenario_id)
    except DestinationsError:
        return
    moves = {c: edited.company_of(c) for c in stored.codes
             if stored.company_of(c) != edited.company_of(c) and edited.company_of(c) in stored.names}
    if not moves or not account.principal().can_draft:
        return
    with st.form(f"{key}.form"):
        reason = st.text_area(page.t("proposals.reason"), key=f"{key}.reason",
                              max_chars=rules.MAX_REASON_LENGTH)
        if st.form_submit_button(page.t("proposals.new")):
            try:
                made = account.stores()[0].propose(
                    scenario_id, rules.move_change(moves), reason,
                    base_version=None if scenario_id == "today" else version, ctx=context())
            except DestinationsError as exc:
                st.error(str(exc))
                return
            st.success(page.t("proposals.submitted", id=made.id))
