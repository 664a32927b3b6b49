"""A proposed step for a saved story: touches the companies its places lie in, applied as a new
version of the story once they consent."""

from __future__ import annotations

from dataclasses import replace

from destinations.collab.identity import acting_as
from destinations.collab.proposals import APPLIED, story_step_change
from destinations.narratives.builtin import builtin_narratives
from destinations.store.stories import StoryStore
from tests.store.collab_fixtures import EDITOR_A, STRATEGIST, collab_url, team  # noqa: F401


def test_story_step_proposal_round_trip(team, base):
    story = replace(builtin_narratives(base)[0], id="shared-route", origin="user")
    stories = StoryStore(team["members"].documents, base=base)
    with acting_as(EDITOR_A):
        stories.save(story, base_version=None)  # stories start shared
    step = dict(story.to_dict()["steps"][0], id="proposed-extra-step")
    props = team["proposals"]
    proposal = props.propose("shared-route", story_step_change(step), "one more stop",
                             kind="story", actor=EDITOR_A)
    assert proposal.companies and proposal.summary.startswith("add the step")
    while props.get(proposal.id).waiting_for:
        pending = props.get(proposal.id)
        editors = {team["a"]: EDITOR_A}
        company = pending.waiting_for[0]
        props.consent(proposal.id, [company], actor=editors.get(company, STRATEGIST))
    assert props.apply(proposal.id, actor=STRATEGIST) == 2
    saved = stories.load("shared-route")
    assert saved.version == 2 and saved.story.steps[-1].id == "proposed-extra-step"
    assert props.get(proposal.id).state == APPLIED
