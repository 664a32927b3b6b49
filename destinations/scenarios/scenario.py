"""Consolidation scenarios: an immutable assignment municipality -> destination company.

A :class:`Scenario` never changes; every edit (:meth:`Scenario.move`, :meth:`Scenario.merge`, ...)
returns a new one, the way GerryChain's ``Partition.flip`` does. That keeps undo/redo trivial
(:class:`History` is a stack of scenarios) and lets the metrics reuse the previous evaluation.

Identity:

* municipalities are official codes (strings, "101");
* companies have a stable id (a slug, or ``new-2``) and a display name. Renaming changes the name
  only, so saved links, locks and label matching keep working;
* ``None`` means "unaffiliated" (in no destination company).

Names are plain text. They are validated (non-empty after trimming, at most
:data:`MAX_NAME_LENGTH` characters, unique among the scenario's companies ignoring case) but never
interpreted: markup such as ``<b>`` is kept verbatim and every renderer must escape it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from destinations.data.companies import slugify
from destinations.errors import ScenarioError

#: Longest company or scenario name accepted (characters, after trimming).
MAX_NAME_LENGTH = 80
#: Longest scenario or company id (characters). Ids come from the app (uuid hex, name slugs), but a
#: share link or a file carries them too; the store's key column holds this many on every database.
MAX_ID_LENGTH = 100
#: Name of the built-in scenario made from today's memberships.
TODAY_NAME = "Destination companies today"
#: Undo steps kept by :class:`History`.
HISTORY_LIMIT = 200


def validate_name(name: object, *, what: str = "company name") -> str:
    """Return ``name`` trimmed, or raise :class:`ScenarioError` saying what is wrong.

    Markup is allowed (it is text); control characters other than spaces are not, since they
    break CSV exports and one-line CLI messages.
    """
    if not isinstance(name, str):
        raise ScenarioError(f"The {what} must be text, got {type(name).__name__}. Type a name.")
    text = " ".join(name.split())  # trims and folds newlines/tabs to single spaces
    if not text:
        raise ScenarioError(f"The {what} is empty. Type a name with at least one letter.")
    if len(text) > MAX_NAME_LENGTH:
        raise ScenarioError(
            f"The {what} is {len(text)} characters long; at most {MAX_NAME_LENGTH} are allowed. "
            "Shorten the name."
        )
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise ScenarioError(f"The {what} contains control characters. Remove them.")
    return text


@dataclass(frozen=True)
class Scenario:
    """A plan: every municipality in ``codes`` belongs to one company or to none.

    Build with :meth:`from_base`, :meth:`empty` or :meth:`from_assignment`; never mutate.

    Attributes
    ----------
    id
        Stable identifier (the store key). Kept by edits; :meth:`copy` makes a new one.
    name
        Display name of the scenario.
    codes
        The municipality universe, in a fixed order.
    labels
        Company id per code (same order as ``codes``); ``None`` = unaffiliated.
    company_names
        ``(id, name)`` pairs in creation order; companies may be empty (just created).
    locked
        Company ids whose membership may not change.
    """

    id: str
    name: str
    codes: tuple[str, ...]
    labels: tuple[str | None, ...]
    company_names: tuple[tuple[str, str], ...]
    locked: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        _check_id(self.id, "scenario id")
        for cid, _ in self.company_names:
            _check_id(cid, "company id")
        if len(self.codes) != len(self.labels):
            raise ScenarioError(
                f"Scenario {self.name!r}: {len(self.codes)} municipalities but {len(self.labels)} "
                "assignments. Give one company (or none) per municipality."
            )
        if len(set(self.codes)) != len(self.codes):
            raise ScenarioError(f"Scenario {self.name!r}: a municipality is listed twice.")
        ids = [cid for cid, _ in self.company_names]
        if len(set(ids)) != len(ids):
            raise ScenarioError(f"Scenario {self.name!r}: two companies share an id.")
        unknown = {label for label in self.labels if label is not None} - set(ids)
        if unknown:
            raise ScenarioError(
                f"Scenario {self.name!r}: municipalities assigned to unknown companies "
                f"{sorted(unknown)}. Create the company first."
            )
        if not self.locked <= set(ids):
            raise ScenarioError(f"Scenario {self.name!r}: locks name unknown companies.")
        folded = [name.casefold() for _, name in self.company_names]
        if len(set(folded)) != len(folded):
            raise ScenarioError(f"Scenario {self.name!r}: two companies share a name.")

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_assignment(
        cls,
        assignment: Mapping[str, str | None],
        names: Mapping[str, str],
        *,
        codes: Iterable[str] | None = None,
        name: str = "Untitled scenario",
        scenario_id: str | None = None,
        locked: Iterable[str] = (),
    ) -> "Scenario":
        """Build from ``{code: company id | None}`` and ``{company id: name}``.

        ``codes`` fixes the universe (default: the assignment's keys, sorted numerically);
        codes missing from ``assignment`` are unaffiliated; codes outside ``codes`` raise.
        """
        universe = tuple(codes) if codes is not None else tuple(sorted(assignment, key=_code_key))
        unknown = sorted(set(assignment) - set(universe), key=_code_key)
        if unknown:
            raise ScenarioError(
                f"Unknown municipality codes {unknown}. Use the 98 official kommune codes."
            )
        company_names = tuple((str(cid), validate_name(n)) for cid, n in names.items())
        return cls(
            id=scenario_id or new_scenario_id(),
            name=validate_name(name, what="scenario name"),
            codes=universe,
            labels=tuple(assignment.get(code) for code in universe),
            company_names=company_names,
            locked=frozenset(locked),
        )

    @classmethod
    def from_base(cls, base) -> "Scenario":
        """"Destination companies today" from ``base.memberships`` / ``base.companies``.

        The id is fixed (``"today"``) so the built-in scenario is the same everywhere.
        """
        codes = tuple(base.codes)
        assignment: dict[str, str | None] = {code: None for code in codes}
        names: dict[str, str] = {}
        for company in base.companies:
            names[company.id] = company.name
            for code in company.members:
                assignment[code] = company.id
        return cls.from_assignment(assignment, names, codes=codes, name=TODAY_NAME,
                                   scenario_id="today")

    @classmethod
    def empty(cls, codes: Iterable[str], *, name: str = "New scenario") -> "Scenario":
        """Every municipality unaffiliated, no companies."""
        universe = tuple(codes)
        return cls.from_assignment({}, {}, codes=universe, name=name)

    def copy(self, name: str) -> "Scenario":
        """The same plan under a new id and name (to start a variant)."""
        return replace(self, id=new_scenario_id(), name=validate_name(name, what="scenario name"))

    # ------------------------------------------------------------------ reading
    @property
    def assignment(self) -> dict[str, str | None]:
        """``{code: company id | None}`` (a fresh dict; editing it changes nothing)."""
        return dict(zip(self.codes, self.labels))

    @property
    def names(self) -> dict[str, str]:
        """``{company id: display name}`` in creation order."""
        return dict(self.company_names)

    def company_of(self, code: str) -> str | None:
        return self.labels[self._position(code)]

    def company_name(self, company_id: str) -> str:
        try:
            return self.names[company_id]
        except KeyError:
            raise ScenarioError(f"No company with id {company_id!r} in scenario {self.name!r}.") from None

    def companies(self) -> dict[str, tuple[str, ...]]:
        """``{company id: member codes}`` for every company, empty ones included."""
        members: dict[str, list[str]] = {cid: [] for cid, _ in self.company_names}
        for code, label in zip(self.codes, self.labels):
            if label is not None:
                members[label].append(code)
        return {cid: tuple(codes) for cid, codes in members.items()}

    def unaffiliated(self) -> tuple[str, ...]:
        return tuple(code for code, label in zip(self.codes, self.labels) if label is None)

    def is_locked(self, company_id: str | None) -> bool:
        return company_id is not None and company_id in self.locked

    def company_id_by_name(self, name: str) -> str | None:
        """The id of the company called ``name`` (ignoring case and spacing), else ``None``."""
        wanted = " ".join(str(name).split()).casefold()
        for cid, existing in self.company_names:
            if existing.casefold() == wanted:
                return cid
        return None

    # ------------------------------------------------------------------ edits (new scenarios)
    def move(self, code: str, company_id: str | None) -> "Scenario":
        """Assign ``code`` to ``company_id`` (``None``: make it unaffiliated)."""
        position = self._position(code)
        current = self.labels[position]
        if company_id is not None:
            self._require_company(company_id)
        if current == company_id:
            return self
        for touched in (current, company_id):
            if self.is_locked(touched):
                raise ScenarioError(
                    f"Company {self.names[touched]!r} is locked; its members cannot change. "
                    "Unlock it first."
                )
        labels = list(self.labels)
        labels[position] = company_id
        return replace(self, labels=tuple(labels))

    def move_many(self, assignment: Mapping[str, str | None]) -> "Scenario":
        """Apply several moves at once (all or nothing)."""
        scenario = self
        for code, company_id in assignment.items():
            scenario = scenario.move(code, company_id)
        return scenario

    def move_by_names(self, changes: Mapping[str, str | None]) -> "Scenario":
        """Apply ``{code: company name or None}`` (names as shown, e.g. from a table editor).

        Only codes whose company actually changes are moved; an unknown name raises.
        """
        moves: dict[str, str | None] = {}
        for code, name in changes.items():
            target = None
            if name is not None:
                target = self.company_id_by_name(name)
                if target is None:
                    raise ScenarioError(f"No company called {name!r}. Create it first.")
            if self.company_of(code) != target:
                moves[code] = target
        return self.move_many(moves)

    def new_company(self, name: str, *, company_id: str | None = None) -> tuple["Scenario", str]:
        """Add an empty company called ``name``; returns the new scenario and the company id.

        The id is a slug of the name (made unique) unless ``company_id`` is given.
        """
        text = validate_name(name)
        self._require_free_name(text)
        if company_id is not None and company_id in self.names:
            raise ScenarioError(f"A company with id {company_id!r} already exists.")
        company_id = company_id or self._fresh_id(text)
        return replace(self, company_names=self.company_names + ((company_id, text),)), company_id

    def rename(self, company_id: str, name: str) -> "Scenario":
        """Give ``company_id`` a new display name (allowed on locked companies)."""
        self._require_company(company_id)
        text = validate_name(name)
        self._require_free_name(text, except_id=company_id)
        return replace(self, company_names=tuple(
            (cid, text if cid == company_id else old) for cid, old in self.company_names))

    def merge(self, keep: str, absorb: str) -> "Scenario":
        """Move every member of ``absorb`` into ``keep`` and drop ``absorb``; ``keep``'s name stays."""
        self._require_company(keep)
        self._require_company(absorb)
        if keep == absorb:
            raise ScenarioError("Cannot merge a company with itself. Pick two different companies.")
        for company_id in (keep, absorb):
            if self.is_locked(company_id):
                raise ScenarioError(
                    f"Company {self.names[company_id]!r} is locked. Unlock it before merging."
                )
        labels = tuple(keep if label == absorb else label for label in self.labels)
        names = tuple(pair for pair in self.company_names if pair[0] != absorb)
        return replace(self, labels=labels, company_names=names)

    def dissolve(self, company_id: str) -> "Scenario":
        """Drop ``company_id``; its members become unaffiliated."""
        self._require_company(company_id)
        if self.is_locked(company_id):
            raise ScenarioError(
                f"Company {self.names[company_id]!r} is locked. Unlock it before dissolving."
            )
        labels = tuple(None if label == company_id else label for label in self.labels)
        names = tuple(pair for pair in self.company_names if pair[0] != company_id)
        return replace(self, labels=labels, company_names=names)

    def lock(self, company_id: str) -> "Scenario":
        self._require_company(company_id)
        return replace(self, locked=self.locked | {company_id})

    def unlock(self, company_id: str) -> "Scenario":
        self._require_company(company_id)
        return replace(self, locked=self.locked - {company_id})

    def renamed(self, name: str) -> "Scenario":
        """The same scenario (same id) under a new scenario name."""
        return replace(self, name=validate_name(name, what="scenario name"))

    def drop_empty(self) -> "Scenario":
        """Remove companies without members (locked ones are kept)."""
        used = set(self.labels)
        names = tuple(p for p in self.company_names if p[0] in used or p[0] in self.locked)
        return replace(self, company_names=names)

    # ------------------------------------------------------------------ (de)serialisation
    def to_dict(self) -> dict:
        """JSON-ready form (the store and exports use it)."""
        return {
            "format": "destinations.scenario/1",
            "id": self.id,
            "name": self.name,
            "assignment": {code: label for code, label in zip(self.codes, self.labels)},
            "companies": [{"id": cid, "name": name, "locked": cid in self.locked}
                          for cid, name in self.company_names],
        }

    @classmethod
    def from_dict(cls, data: Mapping, *, codes: Iterable[str] | None = None) -> "Scenario":
        """Inverse of :meth:`to_dict`; validates everything (raises :class:`ScenarioError`)."""
        if not isinstance(data, Mapping) or data.get("format") != "destinations.scenario/1":
            raise ScenarioError(
                "Not a scenario document (expected format 'destinations.scenario/1'). "
                "Load a file saved by this tool."
            )
        try:
            assignment = {str(k): (None if v is None else str(v))
                          for k, v in dict(data["assignment"]).items()}
            companies = list(data["companies"])
            names = {str(c["id"]): c["name"] for c in companies}
            locked = [str(c["id"]) for c in companies if c.get("locked")]
            universe = tuple(codes) if codes is not None else None
            return cls.from_assignment(assignment, names, codes=universe, name=data["name"],
                                       scenario_id=str(data["id"]), locked=locked)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ScenarioError(f"Scenario document is incomplete or malformed ({exc!r}).") from exc

    # ------------------------------------------------------------------ helpers
    def _position(self, code: str) -> int:
        try:
            return self._index[code]
        except KeyError:
            raise ScenarioError(
                f"Unknown municipality code {code!r}. Use one of the {len(self.codes)} official "
                "kommune codes (e.g. '101' for København)."
            ) from None

    @property
    def _index(self) -> dict[str, int]:
        # Cached on the instance: the dataclass is frozen, so write through object.__setattr__.
        cached = self.__dict__.get("_index_cache")
        if cached is None:
            cached = {code: i for i, code in enumerate(self.codes)}
            object.__setattr__(self, "_index_cache", cached)
        return cached

    def _require_company(self, company_id: str) -> None:
        if company_id not in self.names:
            raise ScenarioError(
                f"No company with id {company_id!r} in scenario {self.name!r}. "
                "Create it first or pick an existing one."
            )

    def _require_free_name(self, name: str, *, except_id: str | None = None) -> None:
        holder = self.company_id_by_name(name)
        if holder is not None and holder != except_id:
            raise ScenarioError(f"A company called {name!r} already exists. Choose another name.")

    def _fresh_id(self, name: str) -> str:
        taken = set(self.names)
        stem = slugify(name)
        candidate, n = stem, 2
        while candidate in taken:
            candidate, n = f"{stem}-{n}", n + 1
        return candidate


def _check_id(value: object, what: str) -> None:
    """Ids are 1 to :data:`MAX_ID_LENGTH` printable characters (checked before any store sees them)."""
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(f"The {what} is empty or not text. Open the plan again or save a copy.")
    if len(value) > MAX_ID_LENGTH:
        raise ScenarioError(f"The {what} is {len(value)} characters long; at most {MAX_ID_LENGTH} "
                            "are allowed (was the link or file edited?). Nothing was changed; use a "
                            "fresh link or file.")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise ScenarioError(f"The {what} contains control characters (was the link or file "
                            "edited?). Nothing was changed; use a fresh link or file.")


def new_scenario_id() -> str:
    """A random id for a new scenario (uuid4 hex: ids must not collide across users)."""
    return uuid.uuid4().hex


def _code_key(code: str) -> tuple[int, str]:
    return (int(code), code) if str(code).isdigit() else (10**9, str(code))


@dataclass(frozen=True)
class History:
    """Undo/redo as an immutable stack of scenarios. Every method returns a new History.

    >>> h = History.start(s0).push(s1)
    >>> h.undo().present is s0
    True
    """

    past: tuple[Scenario, ...]
    present: Scenario
    future: tuple[Scenario, ...] = ()
    limit: int = HISTORY_LIMIT

    @classmethod
    def start(cls, scenario: Scenario, *, limit: int = HISTORY_LIMIT) -> "History":
        return cls(past=(), present=scenario, future=(), limit=limit)

    def push(self, scenario: Scenario) -> "History":
        """Record an edit; clears the redo stack. Pushing the present unchanged is a no-op."""
        if scenario == self.present:
            return self
        past = (self.past + (self.present,))[-self.limit:]
        return replace(self, past=past, present=scenario, future=())

    @property
    def can_undo(self) -> bool:
        return bool(self.past)

    @property
    def can_redo(self) -> bool:
        return bool(self.future)

    def undo(self) -> "History":
        if not self.past:
            return self
        return replace(self, past=self.past[:-1], present=self.past[-1],
                       future=(self.present,) + self.future)

    def redo(self) -> "History":
        if not self.future:
            return self
        return replace(self, past=self.past + (self.present,), present=self.future[0],
                       future=self.future[1:])
