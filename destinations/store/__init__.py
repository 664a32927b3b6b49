"""The store: versioned documents (scenarios, stories) in SQLite or PostgreSQL.

* :mod:`.documents` — :class:`DocumentStore` (append-only versions, optimistic concurrency) and
  :class:`ScenarioStore`.
* :mod:`.stories` — :class:`StoryStore` for saved story maps.
* :mod:`.exports` — exporting a saved scenario by name.

The store sits above the domain: it imports scenarios and narratives, never the reverse.
"""

from destinations.store.documents import (
    SCENARIO_KIND,
    ConflictError,
    DocumentHead,
    DocumentStore,
    SavedScenario,
    ScenarioStore,
    StoredDocument,
    StoredVersion,
    StoreError,
    document_heads,
    documents,
    make_engine,
)

__all__ = [
    "SCENARIO_KIND", "ConflictError", "DocumentHead", "DocumentStore", "SavedScenario", "ScenarioStore",
    "StoreError", "StoredDocument", "StoredVersion", "document_heads", "documents", "make_engine",
]
