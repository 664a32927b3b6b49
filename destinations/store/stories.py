"""Saved stories with versions, on the project's document store (:mod:`destinations.store.documents`).

Stories are documents of kind ``"story"`` keyed by story id. Every save adds a version (older ones
stay restorable) and names the version the edit started from: if someone saved in between, the save
is refused with :class:`StoryConflict` and nothing is overwritten (optimistic concurrency, done by
the store). Stories are validated before saving and again when loaded, so a stored story whose
attraction has since left the data is reported, not shown half-broken.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine

from destinations.narratives.model import NarrativeError, Story, parse_story, validate_story
from destinations.store.documents import ConflictError, DocumentHead, DocumentStore, StoredVersion
from destinations.store.images import require_stored_images

STORY_KIND = "story"


class StoryConflict(NarrativeError):
    """The story changed in the store since the editor loaded it."""

    def __init__(self, where: str, problems, fix: str = "", *, current_version: int | None = None):
        super().__init__(where, problems, fix)
        self.current_version = current_version


@dataclass(frozen=True)
class SavedStory:
    """A stored story and the version it is at."""

    story: Story
    version: int


class StoryStore:
    """Stories on top of :class:`~destinations.store.documents.DocumentStore` (kind ``"story"``).

    Parameters
    ----------
    documents
        A :class:`DocumentStore`, a database URL or an engine (see :mod:`destinations.store.documents`).
    base
        Loaded base data: loaded and saved stories are checked against its attractions and codes.
    """

    def __init__(self, documents: DocumentStore | str | Engine, *, base: Any | None = None) -> None:
        self.documents = documents if isinstance(documents, DocumentStore) else DocumentStore(
            documents)
        self.base = base

    def list(self) -> list[DocumentHead]:
        """Current stories (not deleted), newest first."""
        return self.documents.heads(STORY_KIND)

    def load(self, story_id: str, version: int | None = None) -> SavedStory:
        document = self.documents.load(STORY_KIND, story_id, version)
        story = parse_story(document.payload, base=self.base,
                            where=f"stored story {story_id!r} version {document.version}")
        return SavedStory(story, document.version)

    def load_all(self) -> tuple[list[SavedStory], list[str]]:
        """Every current story that still validates, and one message per story that does not."""
        stories: list[SavedStory] = []
        problems: list[str] = []
        for head in self.list():
            try:
                stories.append(self.load(head.key))
            except NarrativeError as exc:
                problems.append(str(exc))
        return stories, problems

    def save(self, story: Story, *, base_version: int | None, note: str = "") -> int:
        """Validate and save ``story`` as a new version; returns the version number.

        ``base_version`` is the version the edit started from (None for a new story). Built-in
        stories are not saved (they are regenerated from the data): save an edited copy.

        Raises
        ------
        StoryConflict
            The stored story changed since ``base_version`` (or the id is taken).
        NarrativeError
            The story is invalid, or refers to a picture the store does not hold.
        """
        if story.origin != "user":
            raise NarrativeError(f"story {story.id!r}", ["built-in stories are not saved"],
                                 "save an edited copy (it gets its own id)")
        validate_story(story, self.base)
        require_stored_images(self.documents, story)
        try:
            return self.documents.save(STORY_KIND, story.id, story.to_dict(), name=story.title.en,
                                       base_version=base_version, note=note)
        except ConflictError as exc:
            raise StoryConflict(f"story {story.id!r}", [str(exc)],
                                "load the latest version, re-apply your changes and save again "
                                "(or save under a new id)",
                                current_version=exc.current_version) from exc

    def versions(self, story_id: str) -> list[StoredVersion]:
        """Every saved version, newest first."""
        return self.documents.versions(STORY_KIND, story_id)

    def delete(self, story_id: str) -> None:
        self.documents.delete(STORY_KIND, story_id)
