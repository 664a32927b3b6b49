"""Give the memory that ended sessions freed back to the operating system.

CPython frees a closed session's objects, but glibc's allocator keeps the freed pages of its heaps
mapped, so the server's resident memory only grows with every wave of visitors
(bench/bench_load.py: 330 MB after one session, 511 MB after 20 and still 511 MB once they had
gone). Two reasons, both handled by one daemon thread every :data:`TRIM_EVERY_S` seconds:

* Streamlit keeps a closed tab's session in a TTL cache that drops expired entries only when it is
  next written, i.e. when another tab closes; after the last visitor of a wave leaves, every
  session of the wave stays in memory. The thread reaps expired sessions (a private attribute of
  Streamlit's session manager, looked up defensively: when it moves, reaping is skipped and the
  sessions go at the next disconnect as before).
* ``malloc_trim(0)`` then returns free heap pages to the system. It is a no-op on a C library
  without ``malloc_trim`` (musl, macOS).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import threading
import time

import streamlit as st

#: Seconds between trims: about the time Streamlit keeps a closed tab's session
#: (``server.disconnectedSessionTTL`` in .streamlit/config.toml).
TRIM_EVERY_S = 30.0

_log = logging.getLogger("destinations.memory")


def _malloc_trim():
    """glibc's ``malloc_trim``, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    try:
        function = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None
    if function is not None:
        function.argtypes, function.restype = [ctypes.c_size_t], ctypes.c_int
    return function


def trim_now() -> bool:
    """Trim once; True when the C library had memory to give back."""
    function = _malloc_trim()
    return bool(function(0)) if function is not None else False


def reap_expired_sessions() -> int:
    """Drop closed sessions whose ``server.disconnectedSessionTTL`` has passed; how many remain."""
    try:
        from streamlit.runtime import Runtime

        cache = Runtime.instance()._session_mgr._session_storage._cache  # noqa: SLF001 - see above
        return len(cache)  # len() reaps expired entries (streamlit.runtime.caching.ttl_cache)
    except Exception:  # no runtime (tests, bare mode) or Streamlit changed its internals
        return -1


def _trim_forever(function, every_s: float) -> None:
    while True:
        time.sleep(every_s)
        try:
            reap_expired_sessions()
            function(0)
        except Exception:  # never take the server down for a memory hint
            _log.exception("malloc_trim failed")
            return


@st.cache_resource(show_spinner=False)
def start_memory_trimmer(every_s: float = TRIM_EVERY_S) -> threading.Thread | None:
    """Start the trimming thread once per server process (None where there is nothing to call)."""
    function = _malloc_trim()
    if function is None:
        return None
    thread = threading.Thread(target=_trim_forever, args=(function, every_s), daemon=True,
                              name="destinations-malloc-trim")
    thread.start()
    return thread
