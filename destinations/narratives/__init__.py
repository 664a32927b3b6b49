"""Shared narratives: story maps that span destination companies, bound to scenarios.

Domain only (no Streamlit): the story model and its JSON schema (:mod:`.model`), built-in stories
written over the attraction data with facts boxes drawn from it (:mod:`.builtin`,
:mod:`.builtin_texts`, :mod:`.templates`), split metrics per story and a cooperation matrix under a
scenario (:mod:`.coherence`), exports (:mod:`.export`, :mod:`.static_map`, :mod:`.pdf`), suggested
cross-border stories (:mod:`.suggest`) and step images (:mod:`.media`).
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
    VISITOR_COVERAGE_MIN,
    CooperationMatrix,
    StoryCoherence,
    company_labels,
    company_parts,
    cooperation_matrix,
    effective_splits,
    story_coherence,
    today_assignment,
    weighting_note,
)
from destinations.narratives.export import EXPORT_FORMATS, format_for, story_html, story_json, write_story
from destinations.narratives.static_map import story_svg
from destinations.narratives.suggest import Suggestion, suggest_stories, suggestion_story
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
from destinations.narratives.templates import DATA_NOTE_PHRASES, draft_step_facts, draft_story_facts

__all__ = [
    "BUILTIN_SPECS",
    "DATA_NOTE_PHRASES",
    "EXPORT_FORMATS",
    "KNOWN_LAYERS",
    "STORY_SCHEMA",
    "UNAFFILIATED",
    "VISITOR_COVERAGE_MIN",
    "CooperationMatrix",
    "ImageRef",
    "LocalText",
    "MapView",
    "Media",
    "NarrativeError",
    "Step",
    "Story",
    "StoryCoherence",
    "Suggestion",
    "builtin_narratives",
    "coherence_rows",
    "company_labels",
    "company_parts",
    "cooperation_matrix",
    "draft_step_facts",
    "draft_story_facts",
    "effective_splits",
    "export_narrative",
    "find_story",
    "format_for",
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
    "story_svg",
    "suggest_stories",
    "suggestion_story",
    "today_assignment",
    "validate_story",
    "weighting_note",
    "write_story",
]
