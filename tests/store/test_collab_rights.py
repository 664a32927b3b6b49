"""Rights per role, enforced by the store on both databases (not by the pages)."""

from __future__ import annotations

import pytest

from destinations.collab.identity import acting_as
from destinations.collab.roles import ANONYMOUS, LOCAL, AccessDenied, CollabError
from destinations.store import ScenarioStore
from destinations.store.audit import AuditLog
from destinations.store.members import MemberStore
from tests.store.collab_fixtures import (  # noqa: F401 (fixtures)
    EDITOR_A,
    EDITOR_B,
    OUTSIDER,
    STRATEGIST,
    VIEWER,
    collab_url,
    team,
)


@pytest.fixture
def plans(team, base, today):
    """The scenario store, and a private draft of editor A."""
    store = ScenarioStore(team["url"], codes=base.codes)
    draft = today.copy("Anna's draft")
    store.save(draft, base_version=None, actor=EDITOR_A)
    return {**team, "store": store, "draft": draft}


def test_local_mode_holds_every_right(collab_url, today, base):
    store = ScenarioStore(collab_url, codes=base.codes)
    plan = today.copy("Local plan")
    assert store.save(plan, base_version=None) == 1  # no identity configured: local mode
    store.set_visibility(plan.id, "published")
    with acting_as(LOCAL):
        assert [h.key for h in store.list()] == [plan.id]


def test_viewer_cannot_save_or_delete(plans):
    store, draft = plans["store"], plans["draft"]
    with pytest.raises(AccessDenied, match="only editors and strategists save a new scenario"):
        store.save(draft.copy("Viewer's plan"), base_version=None, actor=VIEWER)
    store.set_visibility(draft.id, "shared", actor=EDITOR_A)
    with pytest.raises(AccessDenied, match="only its owner"):
        store.save(draft.renamed("Hijacked"), base_version=1, actor=VIEWER)
    with pytest.raises(AccessDenied, match="only the owner and strategists delete"):
        store.delete(draft.id, actor=VIEWER)
    assert store.load(draft.id, actor=VIEWER).version == 1  # shared: the viewer reads it


def test_private_scenario_is_refused_to_everyone_but_its_owner(plans):
    store, draft = plans["store"], plans["draft"]
    for who in (EDITOR_B, VIEWER, OUTSIDER, ANONYMOUS):
        with pytest.raises(AccessDenied, match="private to its owner"):
            store.load(draft.id, actor=who)  # a deep link is refused, not just hidden
        assert draft.id not in [h.key for h in store.list(actor=who)]
        with pytest.raises(AccessDenied):
            store.versions(draft.id, actor=who)
    assert store.load(draft.id, actor=EDITOR_A).scenario.name == "Anna's draft"
    assert store.load(draft.id, actor=STRATEGIST).version == 1  # every right


def test_shared_scenario_is_read_by_members_saved_by_owner_and_strategists(plans):
    store, draft = plans["store"], plans["draft"]
    store.set_visibility(draft.id, "shared", actor=EDITOR_A)
    assert store.load(draft.id, actor=EDITOR_B).version == 1
    with pytest.raises(AccessDenied, match="Propose the change instead"):
        store.save(draft.renamed("B's take"), base_version=1, actor=EDITOR_B)
    assert store.save(draft.renamed("Anna's v2"), base_version=1, actor=EDITOR_A) == 2
    assert store.save(draft.renamed("National v3"), base_version=2, actor=STRATEGIST) == 3
    for who in (OUTSIDER, ANONYMOUS):
        with pytest.raises(AccessDenied, match="open to members only"):
            store.load(draft.id, actor=who)


def test_only_strategists_publish_and_published_is_read_only(plans):
    store, draft = plans["store"], plans["draft"]
    with pytest.raises(AccessDenied, match="only strategists publish"):
        store.set_visibility(draft.id, "published", actor=EDITOR_A)
    store.set_visibility(draft.id, "published", actor=STRATEGIST)
    for who in (EDITOR_A, STRATEGIST, LOCAL):
        with pytest.raises(AccessDenied, match="read-only"):
            store.save(draft.renamed("Edited"), base_version=1, actor=who)
    with pytest.raises(AccessDenied, match="cannot be deleted"):
        store.delete(draft.id, actor=STRATEGIST)
    assert store.load(draft.id, actor=ANONYMOUS).version == 1  # published: everybody reads


def test_removed_member_keeps_only_read_access_to_published(plans, today):
    store, draft, people = plans["store"], plans["draft"], plans["members"]
    store.set_visibility(draft.id, "shared", actor=EDITOR_A)
    reference = today.copy("Reference plan")
    store.save(reference, base_version=None, actor=STRATEGIST)
    store.set_visibility(reference.id, "published", actor=STRATEGIST)
    people.remove(EDITOR_A.email, actor=STRATEGIST)
    with pytest.raises(AccessDenied, match="not a member"):
        store.load(draft.id, actor=EDITOR_A)  # their own shared draft: gone too
    with pytest.raises(AccessDenied):
        store.save(today.copy("New"), base_version=None, actor=EDITOR_A)
    assert [h.key for h in store.list(actor=EDITOR_A)] == [reference.id]
    assert store.load(reference.id, actor=EDITOR_A).version == 1
    with pytest.raises(AccessDenied):
        people.list(actor=EDITOR_A)


def test_members_are_managed_by_strategists_only(team):
    people = team["members"]
    with pytest.raises(AccessDenied, match="only strategists add"):
        people.add("new@x.dk", "strategist", actor=EDITOR_A)
    with pytest.raises(AccessDenied, match="only strategists"):
        people.remove(VIEWER.email, actor=VIEWER)
    with pytest.raises(CollabError, match="at least one destination company"):
        people.add("new@x.dk", "editor", actor=STRATEGIST)
    with pytest.raises(CollabError, match="not an e-mail address"):
        people.add("<script>", "viewer", actor=STRATEGIST)
    with pytest.raises(CollabError, match="last strategist"):
        people.remove(STRATEGIST.email, actor=STRATEGIST)
    people.add("Ny@X.dk ", "viewer", actor=STRATEGIST)
    assert people.get("ny@x.dk").role == "viewer"
    people.add("ny@x.dk", "editor", [team["a"]], actor=STRATEGIST)
    assert people.principal(EDITOR_A).edits(team["a"])
    emails = [m.email for m in people.list(actor=VIEWER)]
    assert "ny@x.dk" in emails and STRATEGIST.email in emails


def test_every_write_is_audited_with_who_and_before_after(plans):
    store, draft = plans["store"], plans["draft"]
    store.set_visibility(draft.id, "shared", actor=EDITOR_A)
    store.save(draft.renamed("v2"), base_version=1, actor=EDITOR_A)
    store.restore_version(draft.id, 1, base_version=2, actor=STRATEGIST)
    store.delete(draft.id, actor=EDITOR_A)
    store.undelete(draft.id, actor=STRATEGIST)
    trail = AuditLog(plans["url"]).entries("scenario", draft.id, actor=EDITOR_B)
    assert [(e.who, e.action, e.before, e.after) for e in trail] == [
        (EDITOR_A.email, "create", "", "version 1"),
        (EDITOR_A.email, "visibility", "private", "shared"),
        (EDITOR_A.email, "save", "version 1", "version 2"),
        (STRATEGIST.email, "restore", "version 2", "version 3"),
        (EDITOR_A.email, "delete", "current", "deleted"),
        (STRATEGIST.email, "undelete", "deleted", "current"),
    ]
    with pytest.raises(AccessDenied):
        AuditLog(plans["url"]).entries("scenario", draft.id, actor=OUTSIDER)
    roles = AuditLog(plans["url"]).all_entries(actor=STRATEGIST)
    assert any(e.action == "member.add" and e.name == VIEWER.email for e in roles)


def test_role_change_is_audited(team):
    people = team["members"]
    people.add(VIEWER.email, "editor", [team["b"]], actor=STRATEGIST)
    people.remove(VIEWER.email, actor=STRATEGIST)
    lines = [e for e in AuditLog(team["url"]).all_entries(actor=STRATEGIST) if e.name == VIEWER.email]
    assert [(e.action, e.before, e.after) for e in lines] == [
        ("member.add", "not a member", "viewer"),
        ("member.change", "viewer", f"editor of {team['b']}"),
        ("member.remove", f"editor of {team['b']}", "not a member"),
    ]


def test_only_editors_and_strategists_add_pictures(team):
    """A viewer's upload is refused before a byte is stored; an editor's is kept."""
    import io

    import sqlalchemy as sa
    from PIL import Image

    from destinations.narratives.media import prepare_image
    from destinations.store.images import ImageStore, story_images

    picture = io.BytesIO()
    Image.new("RGB", (32, 24), (30, 120, 200)).save(picture, format="JPEG")
    prepared = prepare_image(picture.getvalue())
    images = ImageStore(team["members"].documents)
    with images.engine.begin() as conn:
        conn.execute(story_images.delete())
    with pytest.raises(AccessDenied, match="only editors and strategists"):
        images.put_image(prepared, actor=VIEWER)
    with images.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(story_images)).scalar() == 0
    digest = images.put_image(prepared, actor=EDITOR_A)
    assert images.get_image(digest) == prepared.data
