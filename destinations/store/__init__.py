"""The store: versioned documents (scenarios, stories) in SQLite or PostgreSQL.

* :mod:`.documents` — :class:`DocumentStore` (append-only versions, optimistic concurrency) and
  :class:`ScenarioStore`; the error boundary (every database failure is a :class:`StoreError`,
  an unreachable database :class:`StoreUnavailable`, never a raw SQLAlchemy error).
* :mod:`.health` — :func:`store_status`: is the store answering (for pages that keep serving
  the data while it is down).
* :mod:`.stories` — :class:`StoryStore` for saved story maps.
* :mod:`.images` — story pictures stored once per SHA-256 and checked again on the server.
* :mod:`.exports` / :mod:`.imports` — exporting a saved scenario by name; saving a plan CSV.

The store sits above the domain: it imports scenarios and narratives, never the reverse.
"""

from destinations.errors import StoreError, StoreLimitError, StoreUnavailable
from destinations.store.documents import (
    SCENARIO_KIND,
    ConflictError,
    DocumentHead,
    DocumentStore,
    SavedScenario,
    ScenarioStore,
    StoredDocument,
    StoredVersion,
    document_heads,
    documents,
    make_engine,
)
from destinations.store.health import StoreStatus, store_status

__all__ = [
    "SCENARIO_KIND", "ConflictError", "DocumentHead", "DocumentStore", "SavedScenario", "ScenarioStore",
    "StoreError", "StoreLimitError", "StoreStatus", "StoreUnavailable", "StoredDocument",
    "StoredVersion", "document_heads", "documents", "make_engine", "store_status",
]
