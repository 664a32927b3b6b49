"""AppTests of members.py and proposals.py, in local mode and signed in (st.user), and the sidebar
every page shows (local-mode label, inbox). Markup typed by users is shown as text."""

from __future__ import annotations

import re

import pytest

from destinations.collab.identity import acting_as
from destinations.collab.proposals import move_change
from destinations.collab.roles import Identity
from destinations.store.members import MemberStore
from destinations.store.proposals import ProposalStore
from destinations.ui.escape import md
from tests.app.conftest import texts

AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                 "cookie_secret": "a-long-enough-secret-for-tests",
                 "client_id": "planner", "client_secret": "secret",
                 "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}}
SOFIE, ANNA, BO = "sofie@strategy.dk", "anna@visitnordsjaelland.dk", "bo@wonderful.dk"
A, B = "visitnordsjaelland", "wonderful-copenhagen"
BORDER = "173"  # Lyngby-Taarbæk, in Wonderful Copenhagen, on VisitNordsjælland's border
REASON = "Guests <img src=x onerror=alert(1)> ride the **coast** line"


@pytest.fixture
def store_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'collab.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    return url


@pytest.fixture
def team(store_url, base):
    people = MemberStore(store_url)
    people.add(SOFIE, "strategist")
    people.add(ANNA, "editor", [A])
    people.add(BO, "editor", [B])
    return ProposalStore(people.documents, base=base)


def signed_in(page_test, script, email, **kwargs):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import ROOT

    at = AppTest.from_file(str(ROOT / script), default_timeout=120)
    at.secrets = AUTH
    at.user = {"is_logged_in": True, "email": email, "name": email.split("@")[0]}
    for key, value in kwargs.get("query", {}).items():
        at.query_params[key] = value
    return at.run()


def test_members_page_local_mode(page_test, store_url):
    at = page_test("pages/members.py")
    assert not at.exception
    shown = texts(at)
    assert "Local mode" in shown and "No strategist yet" in shown
    at.text_input(key="members.email").input("sofie@strategy.dk")
    at.selectbox(key="members.role").select("strategist")
    submit = [b for b in at.button if b.label == "Save member"]
    submit[0].click().run()
    assert not at.exception
    assert md("sofie@strategy.dk") + " is now strategist" in texts(at)
    assert MemberStore(store_url).get("sofie@strategy.dk").role == "strategist"


def test_members_page_refuses_changes_to_an_editor(page_test, team):
    at = signed_in(page_test, "pages/members.py", ANNA)
    assert not at.exception
    shown = texts(at)
    assert "Signed in as " + md(ANNA) in shown
    assert "Only strategists change members" in shown
    assert not [b for b in at.button if b.label == "Save member"]
    outsider = signed_in(page_test, "pages/members.py", "otto@example.com")
    assert "Only members see the member list" in texts(outsider)


def test_proposal_consented_from_the_inbox_then_applied(page_test, team):
    proposal = team.propose("today", move_change({BORDER: A}), REASON, actor=Identity(BO))
    at = signed_in(page_test, "pages/proposals.py", ANNA)
    assert not at.exception
    shown = texts(at)
    assert "Waiting for you** (1)" in shown  # the inbox in the sidebar
    assert f"\\#{proposal.id} move Lyngby\\-Taarbæk to VisitNordsjælland" in shown
    assert "Guests \\<img src\\=x onerror\\=alert\\(1\\)\\> ride the \\*\\*coast\\*\\*" in shown
    assert re.search(r"(?<!\\)<img", shown) is None  # never unescaped
    consent = [b for b in at.button if b.label == "Consent"]
    consent[0].click().run()
    assert not at.exception
    assert f"Proposal #{proposal.id} is now accepted" in texts(at)
    strategist = signed_in(page_test, "pages/proposals.py", SOFIE)
    [b for b in strategist.button if b.label == "Apply as a new version"][0].click().run()
    assert "Applied: version 2 of the plan" in texts(strategist)
    assert team.scenarios.load("today").scenario.company_of(BORDER) == A


def test_viewer_cannot_act_and_markup_in_comments_is_text(page_test, team):
    MemberStore(team.documents).add("vera@kommune.dk", "viewer")
    proposal = team.propose("today", move_change({BORDER: A}), "r", actor=Identity(BO))
    team.comment(proposal.id, "<script>alert('x')</script> =1+1", actor=Identity("vera@kommune.dk"))
    at = signed_in(page_test, "pages/proposals.py", "vera@kommune.dk")
    assert not at.exception
    assert not [b for b in at.button if b.label in ("Consent", "Apply as a new version")]
    assert "\\<script\\>alert\\('x'\\)\\</script\\> \\=1\\+1" in texts(at)
    assert "Editors and strategists propose changes" in texts(at)


def test_drafting_a_proposal_shows_its_effect(page_test, team):
    at = signed_in(page_test, "pages/proposals.py", ANNA)
    at.multiselect(key="proposals.codes").select(BORDER)
    at.selectbox(key="proposals.target").select(A)
    at.run()
    assert not at.exception
    shown = texts(at)
    assert "Effect of this change" in shown
    at.text_area(key="proposals.reason").input("One coast <b>line</b>")
    [b for b in at.button if b.label == "Submit proposal"][0].click().run()
    assert not at.exception
    (made,) = team.list()
    assert made.state == "open" and made.waiting_for == (B,) and made.reason == "One coast <b>line</b>"


def test_signed_out_visitor_sees_sign_in_and_published_only(page_test, team):
    from streamlit.testing.v1 import AppTest

    from tests.app.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "pages/proposals.py"), default_timeout=120)
    at.secrets = AUTH
    at.user = {"is_logged_in": False}
    at.run()
    assert not at.exception
    assert "Not signed in" in texts(at)
    assert [b.label for b in at.button if b.key == "account.sign_in"] == ["Sign in"]


def test_local_mode_label_on_every_page(page_test, store_url):
    at = page_test("pages/proposals.py", query={"lang": "da"})
    assert not at.exception
    assert "Lokal tilstand" in texts(at)
    with acting_as(Identity("nobody@x.dk")):
        pass  # the page ran in local mode, not as anybody bound in this thread


def test_widgets_for_other_pages_speak_their_own_texts(store_url, base):
    """visibility_selector / audit_panel / propose_edit, as the editor page would place them."""
    from streamlit.testing.v1 import AppTest

    from destinations.store import ScenarioStore

    from destinations.scenarios.scenario import Scenario

    plan = Scenario.from_base(base).copy("Editor's <b>plan</b>")
    ScenarioStore(store_url, codes=base.codes).save(plan, base_version=None)
    script = f'''
from destinations.ui import proposals as collab
from destinations.ui.frame import start_page
page = start_page({{}})
collab.visibility_selector(page, "{plan.id}", key="v")
collab.audit_panel(page, "{plan.id}", key="a")
'''
    at = AppTest.from_string(script, default_timeout=120).run()
    assert not at.exception
    assert at.selectbox(key="v").value == "private"
    assert "History of this plan" in texts(at)
    at.selectbox(key="v").select("shared").run()
    assert ScenarioStore(store_url, codes=base.codes).access(plan.id).visibility == "shared"
