"""Shared narratives: story maps that span destination companies, bound to scenarios.

Domain only (no Streamlit): the story model and its JSON schema (:mod:`.model`), built-in stories
drafted from the attraction data (:mod:`.builtin`, :mod:`.templates`), split metrics per story and a
cooperation matrix under a scenario (:mod:`.coherence`), and exports (:mod:`.export`).
"""

from destinations.narratives.api import (
    coherence_rows,
    export_narrative,
    find_story,
    list_narratives,
    load_stories,
    place_rows,
    stories_for_company,
)
from destinations.narratives.builtin import BUILTIN_SPECS, builtin_narratives
from destinations.narratives.coherence import (
    UNAFFILIATED,
    CooperationMatrix,
    StoryCoherence,
    company_labels,
    cooperation_matrix,
    effective_splits,
    story_coherence,
    today_assignment,
)
from destinations.narratives.export import story_html, story_json, write_story
from destinations.narratives.model import (
    KNOWN_LAYERS,
    STORY_SCHEMA,
    ImageRef,
    LocalText,
    MapView,
    Media,
    NarrativeError,
    Step,
    Story,
    markup_warnings,
    parse_story,
    story_problems,
    validate_story,
)
from destinations.narratives.places import resolve_view, step_places
from destinations.narratives.templates import draft_step_body, draft_story_bodies

__all__ = [
    "BUILTIN_SPECS",
    "KNOWN_LAYERS",
    "STORY_SCHEMA",
    "UNAFFILIATED",
    "CooperationMatrix",
    "ImageRef",
    "LocalText",
    "MapView",
    "Media",
    "NarrativeError",
    "Step",
    "Story",
    "StoryCoherence",
    "builtin_narratives",
    "coherence_rows",
    "company_labels",
    "cooperation_matrix",
    "draft_step_body",
    "draft_story_bodies",
    "effective_splits",
    "export_narrative",
    "find_story",
    "list_narratives",
    "load_stories",
    "markup_warnings",
    "parse_story",
    "place_rows",
    "resolve_view",
    "step_places",
    "stories_for_company",
    "story_coherence",
    "story_html",
    "story_json",
    "story_problems",
    "today_assignment",
    "validate_story",
    "write_story",
]
