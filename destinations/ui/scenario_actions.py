"""Callbacks of the scenario editor: every change of the open plan, the selection, the store and
the exports.

Each callback runs before the script (or the editor's fragment); a package error becomes a
one-shot message (never a traceback), shown by
:func:`destinations.ui.scenario_state.show_message` on the rerun. Every text from data or users
in a message is markdown-escaped.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from destinations.errors import DataError, DestinationsError, StoreError
from destinations.scenarios.io import (
    MunicipalityIndex,
    companies_frame,
    parse_plan_csv,
    plan_csv,
    write_companies,
)
from destinations.scenarios.metrics import EvaluationContext, evaluate
from destinations.scenarios.scenario import TODAY_NAME, Scenario
from destinations.store import ConflictError
from destinations.ui.escape import md
from destinations.ui.frame import Page
from destinations.ui.scenario_state import (
    HIGHLIGHT_KEY,
    HISTORY_KEY,
    LAST_TARGET_KEY,
    NEW,
    NONE,
    SAVED_KEY,
    TABLE_REVISION_KEY,
    bump_table,
    current,
    flash,
    history,
    mark_store_down,
    mark_store_up,
    push,
    request_full_rerun,
    saved_version,
    selection,
    set_selection,
    start,
    store,
    store_problem,
)

#: Widget keys of the editor (selected by key in the AppTests).
ASSIGN_TO = "scenarios.assign_to"
NEW_NAME = "scenarios.new_name"
SELECTION_WIDGET = "scenarios.selection.widget"
ADD_COMPANY = "scenarios.add_company"
SEARCH = "scenarios.search"
NAME = "scenarios.name"
COPY_NAME = "scenarios.copy_name"


def _guard(action, *args) -> None:
    try:
        action(*args)
    except StoreError as exc:
        mark_store_down(str(exc))
        flash("error", md(exc))
    except DestinationsError as exc:
        flash("error", md(exc))


# ------------------------------------------------------------------------------ history
def on_undo() -> None:
    st.session_state[HISTORY_KEY] = history().undo()
    bump_table()


def on_redo() -> None:
    st.session_state[HISTORY_KEY] = history().redo()
    bump_table()


# ------------------------------------------------------------------------------ selection
def on_selection_widget() -> None:
    """The multiselect of the selection was edited: it is the selection now."""
    set_selection(st.session_state.get(SELECTION_WIDGET) or [])


def on_add_company() -> None:
    """Add every municipality of the chosen company (or the unaffiliated ones) to the selection."""
    cid = st.session_state.get(ADD_COMPANY)
    if cid is None:
        return
    scenario = current()
    members = scenario.unaffiliated() if cid == NONE else scenario.companies().get(cid, ())
    set_selection(selection() + list(members))
    st.session_state[ADD_COMPANY] = None


def on_clear_selection() -> None:
    set_selection([])


def on_search() -> None:
    """The search box: a company is highlighted (and framed) on the map, a municipality is added
    to the selection."""
    found = st.session_state.get(SEARCH)
    if not found:
        return
    kind, _, ident = found.partition(":")
    if kind == "c":
        st.session_state[HIGHLIGHT_KEY] = ident
    elif kind == "m":
        set_selection(selection() + [ident])
    st.session_state[SEARCH] = None


def on_clear_highlight() -> None:
    st.session_state[HIGHLIGHT_KEY] = None


# ------------------------------------------------------------------------------ edits
def on_assign(page: Page, base) -> None:
    """Assign every selected municipality to the chosen company: one step in the history."""
    def act():
        codes = selection()
        target = st.session_state.get(ASSIGN_TO)
        if not codes:
            flash("info", page.t("editor.assign.none"))
            return
        if target is None:
            flash("info", page.t("editor.assign.no_target"))
            return
        scenario = current()
        if target == NEW:
            scenario, target = scenario.new_company(st.session_state.get(NEW_NAME, ""))
        moved = scenario.move_many({code: None if target == NONE else target for code in codes})
        if moved == current():
            flash("info", page.t("editor.assign.same"))
            return
        push(moved)
        bump_table()
        if target != NONE:
            st.session_state[LAST_TARGET_KEY] = target
        st.session_state[ASSIGN_TO] = None if target == NONE else target
        set_selection([])
        company = moved.names[target] if target != NONE else page.t("unaffiliated")
        names = ", ".join(base.municipality_name(c) for c in codes)
        flash("success", page.t("editor.moved", count=len(codes), municipalities=md(names),
                                company=md(company)))
    _guard(act)


def on_rename() -> None:
    _guard(lambda: push(current().rename(st.session_state["scenarios.company"],
                                         st.session_state.get("scenarios.rename", ""))))


def on_merge() -> None:
    def act():
        absorb = st.session_state.get("scenarios.merge_with")
        if absorb:
            push(current().merge(st.session_state["scenarios.company"], absorb))
            bump_table()
    _guard(act)


def on_dissolve() -> None:
    def act():
        push(current().dissolve(st.session_state["scenarios.company"]))
        bump_table()
    _guard(act)


def on_lock() -> None:
    def act():
        cid = st.session_state["scenarios.company"]
        locked = st.session_state.get(f"scenarios.lock.{cid}", False)
        push(current().lock(cid) if locked else current().unlock(cid))
    _guard(act)


def on_table_apply(page: Page, unaffiliated_label: str) -> None:
    def act():
        key = f"scenarios.table.{st.session_state.get(TABLE_REVISION_KEY, 0)}"
        edits = (st.session_state.get(key) or {}).get("edited_rows", {})
        scenario = current()
        changes = {}
        for row, values in edits.items():
            if "company" in values:
                name = values["company"]
                changes[scenario.codes[int(row)]] = None if name in (None, unaffiliated_label) else name
        moved = scenario.move_by_names(changes)
        count = sum(a != b for a, b in zip(scenario.labels, moved.labels))
        if count:
            push(moved)
            flash("success", page.t("editor.table.applied", count=count))
        else:
            flash("info", page.t("editor.table.none"))
        bump_table()
    _guard(act)


# ------------------------------------------------------------------------------ the store
def on_save(page: Page, *, as_copy: bool = False) -> None:
    """Save the open plan (a new version), or a copy of it under a new name. The built-in plan is
    shared by everyone: saving it always makes the user's own copy. When the store fails, nothing
    is saved and the plan stays open here, unchanged."""
    scenario = current()
    if as_copy:
        name = st.session_state.get(COPY_NAME) or page.t("store.copy_of", name=scenario.name)
    else:
        name = st.session_state.get(NAME) or scenario.name
    target = store()
    if target is None:
        flash("error", page.t("store.not_saved", reason=md(store_problem())))
        return
    try:
        if as_copy or scenario.id == "today":
            if scenario.id == "today" and name == TODAY_NAME:
                name = page.t("store.my_plan")
            scenario, base_version = scenario.copy(name), None
        else:
            scenario, base_version = scenario.renamed(name), saved_version()
        version = target.save(scenario, base_version=base_version)
    except ConflictError as conflict:
        flash("error", md(conflict))
        request_full_rerun()
        return
    except StoreError as exc:
        mark_store_down(str(exc))
        flash("error", page.t("store.not_saved", reason=md(exc)))
        return
    except DestinationsError as exc:
        flash("error", page.t("store.not_saved", reason=md(exc)))
        return
    mark_store_up()
    st.session_state.setdefault(SAVED_KEY, {})[scenario.id] = version
    if scenario != current():
        push(scenario)
    st.session_state[NAME] = scenario.name
    flash("success", page.t("store.saved", name=md(scenario.name), version=version))
    request_full_rerun()


def on_open() -> None:
    def act():
        key = st.session_state.get("scenarios.open")
        target = store()
        if key and target is not None:
            saved = target.load(key)
            start(saved.scenario, version=saved.version)
    _guard(act)


def on_restore_version() -> None:
    def act():
        target, version = store(), st.session_state.get("scenarios.version")
        if target is None or version is None or saved_version() is None:
            return
        new_version = target.restore_version(current().id, int(version), base_version=saved_version())
        saved = target.load(current().id)
        start(saved.scenario, version=new_version)
    _guard(act)


def on_delete(page: Page) -> None:
    def act():
        target = store()
        if target is not None and saved_version() is not None:
            target.delete(current().id)
            st.session_state[SAVED_KEY].pop(current().id, None)
            flash("info", page.t("store.deleted"))
    _guard(act)


def on_undelete() -> None:
    def act():
        key, target = st.session_state.get("scenarios.trash"), store()
        if key and target is not None:
            target.undelete(key)
            saved = target.load(key)
            start(saved.scenario, version=saved.version)
    _guard(act)


def on_new(base, *, empty: bool, page: Page) -> None:
    today = Scenario.from_base(base)
    start(Scenario.empty(base.codes, name=page.t("store.new_empty")) if empty
          else today.copy(today.name))


def on_import(page: Page, base) -> None:
    def act():
        upload = st.session_state.get("scenarios.import")
        if upload is None:
            return
        raw = upload.getvalue()
        name = Path(upload.name).stem[:80].strip() or "Imported plan"
        try:
            result = parse_plan_csv(raw, MunicipalityIndex.from_base(base), name=name,
                                    label=upload.name, like=current())
        except DataError as exc:
            flash("error", f"{md(exc)} — {page.t('io.import.failed')}")
            return
        if not result.ok:
            lines = "\n".join(f"- {md(e)}" for e in result.errors[:15])
            more = f"\n- … ({len(result.errors) - 15})" if len(result.errors) > 15 else ""
            flash("error", f"{page.t('io.import.failed')}\n\n{lines}{more}")
            return
        start(result.scenario)
        text = page.t("io.import.done", name=md(name),
                      companies=sum(1 for m in result.scenario.companies().values() if m))
        if result.unlisted:
            text += "\n\n" + page.t("io.import.unlisted", codes=", ".join(result.unlisted))
        flash("success", text)
    _guard(act)


# ------------------------------------------------------------------------------ exports
def deferred_export(base, ctx: EvaluationContext, fmt: str):
    """A no-argument callable for ``st.download_button``: builds the file only when clicked."""
    scenario = current()

    def build() -> bytes:
        frame = companies_frame(base, evaluate(scenario, ctx))
        with tempfile.TemporaryDirectory() as folder:
            return write_companies(frame, Path(folder) / f"plan.{fmt}", fmt).read_bytes()

    return build


def csv_bytes(base) -> bytes:
    return plan_csv(current(), MunicipalityIndex.from_base(base), sep=";")
