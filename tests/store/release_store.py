"""Build a store the way the release before collaboration wrote it: its own ``documents.py``, taken
from git at :data:`RELEASE_COMMIT`, imported as a separate module, saves scenarios and a story.

    python -m tests.store.release_store sqlite:////tmp/old.sqlite
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The last commit before the collaboration work (documents.py made its tables with create_all).
RELEASE_COMMIT = "bf30a52bacbc6e75039bda4e5e1a7b540e3b9232"


def release_documents_module():
    """The release's ``destinations/store/documents.py`` as a module (None without git history)."""
    try:
        source = subprocess.run(["git", "show", f"{RELEASE_COMMIT}:destinations/store/documents.py"],
                                cwd=ROOT, capture_output=True, text=True, check=True,
                                timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    folder = Path(tempfile.mkdtemp(prefix="destinations-release-"))
    path = folder / "release_documents.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("release_documents", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def build(url: str, base) -> dict:
    """Write a release store at ``url``: a saved scenario in two versions, a deleted one, the
    stored "today", and a story document. Returns what was written, for the checks."""
    old = release_documents_module()
    if old is None:
        raise RuntimeError("git history with the release commit is not available")
    from destinations.scenarios.scenario import Scenario

    documents = old.DocumentStore(url)
    scenarios = old.ScenarioStore(documents, codes=base.codes)
    today = Scenario.from_base(base)
    plan = today.copy("Release plan <b>one</b>")
    scenarios.save(plan, base_version=None)
    code = plan.codes[0]
    other = next(c for c in plan.names if c != plan.company_of(code))
    scenarios.save(plan.move(code, other), base_version=1, note="moved one")
    gone = today.copy("Deleted plan")
    scenarios.save(gone, base_version=None)
    scenarios.delete(gone.id)
    documents.save("scenario", "today", today.to_dict(), name=today.name, base_version=None)
    documents.save("story", "release-story", {"id": "release-story", "title": {"en": "T"}},
                   name="Release story", base_version=None)
    documents.engine.dispose()
    return {"plan": plan.id, "moved": (code, other), "deleted": gone.id}


if __name__ == "__main__":  # pragma: no cover
    from destinations.data.base import load_base
    from destinations.settings import load_settings

    print(build(sys.argv[1], load_base(load_settings())))
