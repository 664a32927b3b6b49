"""Sign-in through a real OpenID Connect provider on loopback (oidc-provider-mock), in Chromium:
an editor of Wonderful Copenhagen proposes moving Lyngby-Taarbæk into VisitNordsjælland, an editor
of VisitNordsjælland consents from their inbox, a strategist applies it, and the maps show the
new border.

The secrets with ``[auth]`` are written to a temporary folder and given to the server with
``--secrets.files``: nothing is written into the repository or the home folder.
"""

from __future__ import annotations

import os
import re

import pytest

from tests.e2e.conftest import MAP_FRAME, free_port, running_app, wait_for_app

ANNA, BO, SOFIE = "anna@wonderfulcopenhagen.dk", "bo@visitnordsjaelland.dk", "sofie@strategy.dk"
CODE, FROM, TO = "173", "wonderful-copenhagen", "visitnordsjaelland"


@pytest.fixture(scope="module")
def provider():
    """A real OIDC provider (authorization code flow, discovery, JWKS, userinfo) on loopback."""
    oidc = pytest.importorskip("oidc_provider_mock")
    pytest.importorskip("authlib")
    with oidc.run_server_in_thread(port=free_port()) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def signed_app(provider, settings, tmp_path_factory):
    """`streamlit run app.py` with sign-in configured, a fresh store with three members."""
    from destinations.store.members import MemberStore

    work = tmp_path_factory.mktemp("collab-e2e")
    db_url = f"sqlite:///{work / 'store.sqlite'}"
    people = MemberStore(db_url)
    people.add(SOFIE, "strategist")
    people.add(ANNA, "editor", [FROM])
    people.add(BO, "editor", [TO])
    people.engine.dispose()
    port = free_port()
    secrets = work / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "e2e-cookie-secret-0123456789abcdef"\n'
        'client_id = "destinations-e2e"\n'
        'client_secret = "e2e-client-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8")
    env = {**os.environ, "DESTINATIONS_DATA_DIR": str(settings.data_dir),
           "DESTINATIONS_DB_URL": db_url}
    env.pop("DESTINATIONS_USER", None)
    with running_app(env, work / "server.log", port, ("--secrets.files", str(secrets))) as url:
        yield {"url": url, "db": db_url, "log": work / "server.log"}


def sign_in(browser, app, email: str):
    """A browser context signed in as ``email`` through the provider's authorization page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(app["url"] + "/proposals")
    wait_for_app(page)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_selector('input[name="sub"]', timeout=30_000)  # the provider's own page
    page.fill('input[name="sub"]', email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(re.escape(app["url"]) + r".*"), timeout=30_000)
    wait_for_app(page)
    page.get_by_text(f"Signed in as {email}").wait_for(timeout=30_000)
    page.goto(app["url"] + "/proposals")  # the provider sends people back to the home page
    wait_for_app(page)
    return context, page


def choose(page, label: str, text: str) -> None:
    """Pick ``text`` in the Streamlit selectbox or multiselect labelled ``label``."""
    widget = page.locator('[data-testid="stSelectbox"], [data-testid="stMultiSelect"]').filter(
        has=page.get_by_text(label, exact=True)).first
    widget.locator("input").first.click()
    widget.locator("input").first.fill(text)
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.keyboard.press("Escape")


def company_in_map(page, code: str) -> str:
    """The company id the map in ``page`` colours municipality ``code`` with."""
    frame = page.frame_locator(MAP_FRAME).first
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
    html = frame.locator("html").inner_html(timeout=60_000)
    found = re.search(r'"code":\s*"' + code + r'"[^{}]*?"company_id":\s*"([^"]*)"', html)
    assert found, "the map carries no municipality " + code
    return found.group(1)


def test_two_companies_agree_and_a_strategist_applies(browser, signed_app):
    # Anna (Wonderful Copenhagen) proposes moving Lyngby-Taarbæk into VisitNordsjælland.
    anna_context, anna = sign_in(browser, signed_app, ANNA)
    anna.get_by_role("tab", name="Propose a change").click()
    choose(anna, "Municipalities", "Lyngby")
    choose(anna, "Into company", "VisitNordsjælland")
    reason = anna.get_by_label("Reason")
    reason.fill("Guests of Dyrehaven <b>ride</b> the coast line north")
    reason.press("Control+Enter")
    wait_for_app(anna)
    anna.get_by_role("button", name="Submit proposal").click()
    wait_for_app(anna)
    anna.get_by_text("Proposal #1 is open").wait_for(timeout=30_000)
    anna_context.close()

    # Bo (VisitNordsjælland) finds it in the inbox of the sidebar and consents.
    bo_context, bo = sign_in(browser, signed_app, BO)
    bo.locator('[data-testid="stSidebar"]').get_by_text("#1 move Lyngby-Taarbæk").click()
    wait_for_app(bo)
    said = bo.get_by_text("Guests of Dyrehaven <b>ride</b> the coast line north", exact=True)
    said.wait_for()
    assert "&lt;b&gt;ride" in said.inner_html()  # the reason's markup is shown as text
    bo.get_by_role("button", name="Consent").click()
    wait_for_app(bo)
    bo.get_by_text("Proposal #1 is now accepted").wait_for(timeout=30_000)
    bo_context.close()

    # Sofie (strategist) applies it as a new version of the published plan.
    sofie_context, sofie = sign_in(browser, signed_app, SOFIE)
    sofie.get_by_role("button", name="Apply as a new version").click()
    wait_for_app(sofie)
    sofie.get_by_text("Applied: version 2 of the plan").wait_for(timeout=30_000)
    assert company_in_map(sofie, CODE) == TO  # the proposal's map: the plan after the change

    from destinations.store import ScenarioStore

    assert ScenarioStore(signed_app["db"]).load("today").scenario.company_of(CODE) == TO

    # The national map shows the new border.
    sofie.goto(signed_app["url"] + "/")
    wait_for_app(sofie)
    national = company_in_map(sofie, CODE)
    sofie_context.close()
    assert national == TO
