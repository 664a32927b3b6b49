"""Session state of the scenario pages: the open plan (undo/redo), the selection, its share link,
its evaluations (current, reference, last step) and the store.

State lives in namespaced session keys:

* ``scenarios.history`` - :class:`~destinations.scenarios.scenario.History` (undo/redo of the open plan);
* ``scenarios.saved`` - ``{scenario id: stored version}`` the open plan was loaded/saved at
  (the base version of the next save: optimistic concurrency);
* ``scenarios.selection`` - the municipalities selected for the next assignment (a domain key,
  so AppTest can set it; map clicks cannot be injected, they are routed here by
  :func:`handle_map_event`);
* ``scenarios.highlight`` - the company highlighted on the map (legend click or search);
* ``scenarios.last_target`` - the company the last assignment went to (first in the picker);
* ``scenarios.message`` - a one-shot message shown after the rerun that follows a callback.

The whole plan is mirrored into the URL (``?plan=<share link>``) after every change, so the
address bar is always a share link; a damaged link is refused with a message and changes nothing.
"""

from __future__ import annotations

import time
from typing import Callable, TypeVar

import streamlit as st

from destinations.errors import ScenarioError, StoreError
from destinations.scenarios.io import decode_share_link, encode_share_link
from destinations.scenarios.metrics import Evaluation, EvaluationContext, evaluate, evaluate_after_move
from destinations.scenarios.scenario import History, Scenario
from destinations.store import ScenarioStore
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.frame import Page

HISTORY_KEY = "scenarios.history"
SAVED_KEY = "scenarios.saved"
SELECTION_KEY = "scenarios.selection"
HIGHLIGHT_KEY = "scenarios.highlight"
LAST_TARGET_KEY = "scenarios.last_target"
MESSAGE_KEY = "scenarios.message"
EVAL_KEY = "scenarios.evaluations"
STYLE_KEY = "scenarios.styles"
TABLE_REVISION_KEY = "scenarios.table.revision"
LAST_EVENT_KEY = "scenarios.last_map_event"
STORE_PROBLEM_KEY = "scenarios.store_problem"
STORE_DOWN_KEY = "scenarios.store_down_until"
#: Seconds an outage is remembered before the store is asked again.
STORE_RETRY_S = 30.0
FULL_RERUN_KEY = "scenarios.full_rerun"
PLAN_PARAM = "plan"
NEW = "__new__"
NONE = "__none__"
#: Longest part of a query parameter echoed back in a message.
MAX_ECHO = 40
#: Evaluations kept per session (current plan, reference, last step, a few undo steps).
EVAL_CACHE_SIZE = 8

T = TypeVar("T")


def available_years() -> tuple[int, ...]:
    from destinations.facts import AVAILABLE_YEARS

    return tuple(AVAILABLE_YEARS)


def context(year: int, floor: float, lighthouse: float, halflife_min: float, max_minutes: float,
            od_csv: bytes | None = None) -> EvaluationContext:
    """The evaluation context for these assumptions (cached, shared by all sessions)."""
    return data.evaluation_context(year, floor, lighthouse, halflife_min, max_minutes, od_csv)


# ------------------------------------------------------------------------------ the store
def store() -> ScenarioStore | None:
    """The scenario store, or None (with the reason in :func:`store_problem`) when unreachable."""
    from destinations.settings import load_settings

    try:
        # Read the URL now (not from the cached base data) so DESTINATIONS_DB_URL always wins.
        target = data.scenario_store_at(load_settings().db_url)
    except StoreError as exc:
        mark_store_down(str(exc))
        return None
    return target


def store_problem() -> str:
    return st.session_state.get(STORE_PROBLEM_KEY, "")


def mark_store_down(message: str) -> None:
    """Remember an outage: for :data:`STORE_RETRY_S` the pages do not wait for the store again
    (a stopped PostgreSQL server costs a connect timeout per call) and say why."""
    st.session_state[STORE_PROBLEM_KEY] = message
    st.session_state[STORE_DOWN_KEY] = time.monotonic() + STORE_RETRY_S


def mark_store_up() -> None:
    st.session_state.pop(STORE_PROBLEM_KEY, None)
    st.session_state.pop(STORE_DOWN_KEY, None)


def store_down() -> bool:
    """True while a recent outage is remembered (see :func:`mark_store_down`)."""
    return time.monotonic() < st.session_state.get(STORE_DOWN_KEY, 0.0)


def from_store(action: Callable[[ScenarioStore], T], default: T) -> T:
    """``action(store)``, or ``default`` when the store is missing, fails while answering, or
    failed a moment ago (the reason is kept for :func:`store_problem`; the page goes on
    read-only)."""
    if store_down():
        return default
    target = store()
    if target is None:
        return default
    try:
        result = action(target)
    except StoreError as exc:
        mark_store_down(str(exc))
        return default
    mark_store_up()
    return result


def check_store() -> None:
    """Ask the store whether it answers (:func:`destinations.store.store_status`, one ``SELECT 1``)
    unless an outage is remembered; a full page run calls this before it reads saved plans."""
    from destinations.store import store_status

    if store_down():
        return
    target = store()
    if target is None:
        return
    status = store_status(target)
    if status:
        mark_store_up()
    else:
        mark_store_down(status.message)


def show_store_problem(page: Page) -> None:
    """A clear message (no traceback) while the store is down: the page keeps working."""
    problem = store_problem()
    if problem:
        st.warning(f"**{page.t('store.unavailable')}.** {md(problem)}\n\n{page.t('store.readonly')}",
                   icon=":material/cloud_off:")


# ------------------------------------------------------------------------------ messages
def flash(kind: str, text: str) -> None:
    st.session_state[MESSAGE_KEY] = (kind, text)


def show_message() -> None:
    """The one-shot message of the last callback, in a slot that is always there: elements after
    it keep their place, so the map below is updated, not re-created."""
    slot = st.container()
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        kind, text = message
        {"success": slot.success, "error": slot.error, "info": slot.info,
         "warning": slot.warning}.get(kind, slot.info)(text)


def request_full_rerun() -> None:
    """Ask the page to rerun as a whole after this fragment run (the sidebar shows saved plans)."""
    st.session_state[FULL_RERUN_KEY] = True


def full_rerun_if_requested() -> None:
    if st.session_state.pop(FULL_RERUN_KEY, False):
        st.rerun(scope="app")


# ------------------------------------------------------------------------------ the open plan
def init_state(page: Page, base) -> None:
    """First run of a session: the plan from the URL's share link, else today's companies."""
    if HISTORY_KEY in st.session_state:
        return
    scenario = Scenario.from_base(base)
    link = st.query_params.get(PLAN_PARAM)
    if link:
        try:
            scenario = decode_share_link(link, base.codes)
        except ScenarioError as exc:
            flash("error", f"{page.t('io.link.bad', link=md(echo(link)))}: {md(exc)}")
    st.session_state[HISTORY_KEY] = History.start(scenario)
    st.session_state.setdefault(SAVED_KEY, {})


def echo(text: object) -> str:
    """A query parameter as echoed in a message: at most :data:`MAX_ECHO` characters."""
    value = str(text)
    return value if len(value) <= MAX_ECHO else value[:MAX_ECHO] + "…"


def history() -> History:
    return st.session_state[HISTORY_KEY]


def current() -> Scenario:
    return history().present


def push(scenario: Scenario) -> None:
    """Record an edit. The first edit of the built-in plan of today's companies makes it the
    user's own plan ("Today's companies, edited"): it is no longer today's, and must not be shown
    or compared under that name."""
    if scenario.id == "today" and scenario != current():
        from destinations.i18n import translate
        from destinations.ui.frame import language
        from destinations.ui.scenario_text import TEXT

        scenario = scenario.copy(translate(TEXT, "editor.edited_today", language()))
    st.session_state[HISTORY_KEY] = history().push(scenario)


def start(scenario: Scenario, *, version: int | None = None) -> None:
    """Open ``scenario`` as a fresh edit session (clears undo and the selection)."""
    st.session_state[HISTORY_KEY] = History.start(scenario)
    saved = st.session_state.setdefault(SAVED_KEY, {})
    if version is not None:
        saved[scenario.id] = version
    st.session_state[SELECTION_KEY] = []
    st.session_state.pop(HIGHLIGHT_KEY, None)
    bump_table()


def sync_link() -> str:
    """Mirror the open plan into ``?plan=`` (the address bar is the share link)."""
    link = encode_share_link(current())
    if st.query_params.get(PLAN_PARAM) != link:
        st.query_params[PLAN_PARAM] = link
    return link


def saved_version() -> int | None:
    return st.session_state.get(SAVED_KEY, {}).get(current().id)


def bump_table() -> None:
    """Give the table editor a new key, so it shows the plan as it is now (not stale edits)."""
    st.session_state[TABLE_REVISION_KEY] = st.session_state.get(TABLE_REVISION_KEY, 0) + 1


# ------------------------------------------------------------------------------ evaluations
def evaluation_of(scenario: Scenario, ctx: EvaluationContext) -> Evaluation:
    """The evaluation of ``scenario`` (kept per session; after a single move only the two touched
    companies are recomputed)."""
    cache: dict = st.session_state.setdefault(EVAL_KEY, {})
    key = (id(ctx), scenario)
    found = cache.get(key)
    if found is not None and found._ctx is ctx:
        cache[key] = cache.pop(key)  # most recently used last
        return found
    result = None
    for (ctx_id, other), known in reversed(list(cache.items())):
        if ctx_id != id(ctx) or known._ctx is not ctx or other.codes != scenario.codes:
            continue
        changed = [c for c, a, b in zip(scenario.codes, other.labels, scenario.labels) if a != b]
        if len(changed) == 1:
            result = evaluate_after_move(known, scenario, changed[0],
                                         scenario.company_of(changed[0]), ctx)
            break
    if result is None:
        result = evaluate(scenario, ctx)
    cache[key] = result
    while len(cache) > EVAL_CACHE_SIZE:
        cache.pop(next(iter(cache)))
    return result


def evaluation(ctx: EvaluationContext) -> tuple[Evaluation, Evaluation | None]:
    """(evaluation of the open plan, evaluation before the last step in the history)."""
    past = history().past
    result = evaluation_of(current(), ctx)
    return result, (evaluation_of(past[-1], ctx) if past else None)


def last_step() -> tuple[Scenario, Scenario] | None:
    """(plan before, plan after) the last step of the history, or None at its start."""
    past = history().past
    return (past[-1], current()) if past else None


# ------------------------------------------------------------------------------ the selection
def selection() -> list[str]:
    """The selected municipalities (codes of the open plan, in the order they were picked)."""
    codes = set(current().codes)
    return [c for c in st.session_state.get(SELECTION_KEY) or [] if c in codes]


def set_selection(codes) -> None:
    st.session_state[SELECTION_KEY] = list(dict.fromkeys(codes))


def toggle(code: str) -> None:
    chosen = selection()
    set_selection([c for c in chosen if c != code] if code in chosen else chosen + [code])


def highlight() -> str | None:
    cid = st.session_state.get(HIGHLIGHT_KEY)
    return cid if cid in current().names else None


def handle_map_event(result: dict | None) -> bool:
    """Apply a new event from the editor map (see :func:`destinations.maps.scenario_maps.plan_layer`):
    a municipality click toggles it in the selection, a box adds the municipalities in it, a
    legend click highlights a company (a second click clears it). Returns True when something
    changed. Each event carries a fresh ``_n``, so a repeat of the last one is ignored."""
    feature = (result or {}).get("last_active_drawing")
    props = (feature or {}).get("properties") or {}
    nonce = props.get("_n")
    if not nonce or st.session_state.get(LAST_EVENT_KEY) == nonce:
        return False
    st.session_state[LAST_EVENT_KEY] = nonce
    scenario = current()
    kind = props.get("kind")
    if kind == "box":
        codes = [c for c in props.get("codes") or [] if c in scenario.codes]
        set_selection(selection() + codes)
        return bool(codes)
    if kind == "company":
        cid = props.get("company_id")
        st.session_state[HIGHLIGHT_KEY] = None if cid == highlight() else cid
        return True
    code = props.get("code")
    if code in scenario.codes:
        toggle(code)
        return True
    return False
