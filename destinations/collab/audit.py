"""Audit records: who did what to which plan, when, and what it was before and after.

Every save, delete, restore, share/publish, role change and proposal step is written by the store
in the same transaction as the change itself (:mod:`destinations.store.audit`); this module holds
the record and its exports. Texts are kept exactly as typed: the pages escape them, the CSV
neutralises cells a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from destinations.scenarios.uploads import csv_text

#: Actions written to the trail.
ACTIONS = ("create", "save", "restore", "delete", "undelete", "visibility", "member.add",
           "member.change", "member.remove", "proposal.create", "proposal.consent",
           "proposal.reject", "proposal.withdraw", "proposal.apply", "proposal.comment", "seed")
CSV_HEADER = ("when", "who", "action", "kind", "id", "name", "detail", "before", "after")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    when: datetime
    who: str
    action: str
    kind: str
    key: str
    name: str
    detail: str
    before: str = ""
    after: str = ""

    def to_dict(self) -> dict:
        return {"when": self.when.isoformat(), "who": self.who, "action": self.action,
                "detail": self.detail, "kind": self.kind, "id": self.key, "name": self.name,
                "before": self.before, "after": self.after}


def audit_csv(entries: Iterable[AuditEntry]) -> str:
    """The trail as CSV text (UTF-8 when encoded), formula cells neutralised, markup as typed."""
    return csv_text(((e.when.isoformat(timespec="seconds"), e.who, e.action, e.kind, e.key, e.name,
                      e.detail, e.before, e.after) for e in entries), header=CSV_HEADER)
