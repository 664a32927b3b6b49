"""The server gives freed memory back (malloc_trim) from one daemon thread per process."""

from __future__ import annotations

import sys

import pytest

from destinations.ui import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_trim_is_callable_on_linux():
    assert memory._malloc_trim() is not None
    assert memory.trim_now() in (True, False)


def test_one_trimming_thread_per_process():
    memory.start_memory_trimmer.clear()
    first = memory.start_memory_trimmer(every_s=3600.0)
    second = memory.start_memory_trimmer(every_s=3600.0)
    assert first is second
    if first is not None:
        assert first.daemon and first.is_alive()


def test_no_c_library_means_no_thread(monkeypatch):
    monkeypatch.setattr(memory, "_malloc_trim", lambda: None)
    memory.start_memory_trimmer.clear()
    assert memory.start_memory_trimmer(every_s=1.0) is None
    assert memory.trim_now() is False
    memory.start_memory_trimmer.clear()


def test_reaping_without_a_runtime_is_harmless():
    assert memory.reap_expired_sessions() == -1
