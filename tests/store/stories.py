"""A minimal user story for the store tests (built without the built-in narratives)."""

from __future__ import annotations


def user_story(story_id: str = "my-story", title: str = "Vikings across the Belt"):
    from destinations.narratives.model import parse_story

    return parse_story({
        "id": story_id, "theme": "viking", "title": {"en": title, "da": title},
        "steps": [{"id": "s1", "title": {"en": "Start", "da": "Start"},
                   "body": {"en": "", "da": ""}, "municipalities": ["101"]}],
    })
