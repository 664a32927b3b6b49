"""Typed errors. Messages say what was expected, what came, and how to fix it."""

from __future__ import annotations


class DestinationsError(Exception):
    """Base class of every error the package raises on purpose."""


class DataError(DestinationsError):
    """A data file is missing, empty, corrupt or fails validation.

    Parameters
    ----------
    path
        The file (or dataset name) concerned.
    problem
        What is wrong, e.g. "column 'kommune_code' is missing".
    fix
        How to fix it.
    """

    def __init__(self, path: object, problem: str, fix: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        message = f"{self.path}: {problem}"
        if fix:
            message += f". Fix: {fix}"
        super().__init__(message)


class ScenarioError(DestinationsError):
    """A scenario (plan) is invalid: unknown municipalities, bad names, bad links."""


class SolverError(DestinationsError):
    """A solver cannot meet a request (infeasible constraints, bad instance)."""


class StoreError(DestinationsError):
    """The document store (saved scenarios and stories) cannot do what was asked.

    Messages are shown to visitors as they are, so they never carry a host, port, file path or
    SQL: those go to the server log (logger ``destinations.store``).
    """


class StoreUnavailable(StoreError):
    """The store's database did not answer (server stopped, network down, file unreachable).

    Nothing was changed; the same call may succeed later. Pages keep serving what does not need
    the store.
    """


class StoreLimitError(StoreError):
    """A document is too large for the store (an id, name or body over its limit); nothing saved."""
