"""A disk cache for work that does not depend on the user: parsed and repaired boundaries, the
travel graph, the map geometry, the facts tables.

An entry's key is a SHA-256 over the package's source code, the entry's own parameters and the
SHA-256 of every input file, so a changed file, a changed model or a new version of the code
each make a new entry; nothing is ever invalidated by hand. An entry is trusted only after its
own checksum matches: a truncated, corrupt or foreign file is deleted and rebuilt. The cache is an
optimisation, never a requirement: a folder that cannot be written just means rebuilding.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from destinations.data.manifest import read_manifest, sha256_of
from destinations.settings import Settings

T = TypeVar("T")

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_MAGIC = b"destinations-cache-1\n"
_DIGEST_BYTES = 32


@lru_cache(maxsize=1)
def code_version() -> str:
    """SHA-256 over every module of the package (a changed line means new cache entries)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def input_digests(settings: Settings, extra: Iterable[Path] = ()) -> tuple[str, ...]:
    """The SHA-256 of every data file (the manifest's, already checked on load) and of ``extra``.

    Without a manifest every file of the data directory is hashed.
    """
    entries = read_manifest(settings.data_dir)
    if entries is not None:
        listed = [f"{e.path}:{e.sha256}" for e in entries]
    else:
        listed = [f"{p.name}:{sha256_of(p)}" for p in sorted(settings.data_dir.iterdir()) if p.is_file()]
    return (*listed, *(f"{p}:{sha256_of(p)}" for p in extra if p.is_file()))


def cache_key(name: str, settings: Settings, *, params: tuple = (), extra_inputs: Iterable[Path] = ()) -> str:
    digest = hashlib.sha256()
    for part in (name, code_version(), repr(params), str(settings.display_tolerance_m),
                 *input_digests(settings, extra_inputs)):
        digest.update(part.encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _entry_path(settings: Settings, name: str, key: str) -> Path:
    return settings.cache_dir / f"{name}-{key[:32]}.pickle"


def _read(path: Path):
    """The cached object, or raise ValueError when the file is not a whole, valid entry."""
    blob = path.read_bytes()
    if not blob.startswith(_MAGIC) or len(blob) < len(_MAGIC) + _DIGEST_BYTES:
        raise ValueError("not a cache entry")
    digest = blob[len(_MAGIC):len(_MAGIC) + _DIGEST_BYTES]
    payload = blob[len(_MAGIC) + _DIGEST_BYTES:]
    if hashlib.sha256(payload).digest() != digest:
        raise ValueError("checksum mismatch")
    return pickle.loads(payload)  # noqa: S301 - our own entry, its checksum verified above


def _write(path: Path, value: object) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(_MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def cached(name: str, settings: Settings, build: Callable[[], T], *, params: tuple = (),
           extra_inputs: Iterable[Path] = ()) -> T:
    """``build()``'s result, from the disk cache when a valid entry for the same inputs exists.

    ``name`` identifies one kind of result (include e.g. the year in it): writing a new entry
    removes the older entries of the same name.
    """
    extra_inputs = tuple(extra_inputs)
    path = _entry_path(settings, name, cache_key(name, settings, params=params,
                                                 extra_inputs=extra_inputs))
    if path.is_file():
        try:
            return _read(path)
        except Exception:  # noqa: BLE001 - any damage means: rebuild, never trust
            path.unlink(missing_ok=True)
    value = build()
    try:
        _write(path, value)
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:  # one entry per name keeps the folder small
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only or full disk only costs the rebuild next time
    return value
