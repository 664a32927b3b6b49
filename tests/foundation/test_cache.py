"""The derived-data disk cache: reused for the same inputs, rebuilt when they change or it is damaged."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from destinations.data.base import load_base
from destinations.data.cache import cache_key, cached
from destinations.settings import PROJECT_ROOT
from tests.conftest import settings_for


@pytest.fixture
def fresh(settings, tmp_path):
    """The real data with an empty cache folder of its own."""
    return dataclasses.replace(settings, cache_dir=tmp_path / "cache")


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_same_inputs_build_once(fresh):
    build, calls = _counting({"answer": 42})
    assert cached("thing", fresh, build) == {"answer": 42}
    assert cached("thing", fresh, build) == {"answer": 42}
    assert len(calls) == 1
    assert len(list(fresh.cache_dir.glob("thing-*.pickle"))) == 1


@pytest.mark.parametrize("damage", [
    lambda p: p.write_bytes(p.read_bytes()[:-5]),                 # truncated
    lambda p: p.write_bytes(p.read_bytes()[:-1] + b"\x00"),        # a flipped byte
    lambda p: p.write_bytes(b"not a cache entry at all"),          # foreign file
    lambda p: p.write_bytes(b""),                                  # empty
])
def test_a_damaged_entry_is_rebuilt_not_trusted(fresh, damage):
    build, calls = _counting([1, 2, 3])
    cached("thing", fresh, build)
    entry = next(fresh.cache_dir.glob("thing-*.pickle"))
    damage(entry)
    assert cached("thing", fresh, build) == [1, 2, 3]
    assert len(calls) == 2
    assert cached("thing", fresh, build) == [1, 2, 3] and len(calls) == 2  # healed


def test_a_changed_input_file_gives_a_new_key(fresh, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(fresh.data_dir, copy)
    moved = dataclasses.replace(settings_for(copy), cache_dir=fresh.cache_dir)
    before = cache_key("base", moved)
    path = copy / "fixed_links.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    # a maintainer records the edit in the manifest; the key follows the manifest's hashes
    from destinations.data.manifest import rehash

    rehash(copy)
    assert cache_key("base", moved) != before
    assert cache_key("base", moved, params=(2019,)) != cache_key("base", moved, params=(2023,))


def test_an_unwritable_cache_only_costs_a_rebuild(fresh, tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    settings = dataclasses.replace(fresh, cache_dir=blocked / "cache")
    build, calls = _counting("value")
    assert cached("thing", settings, build) == "value"
    assert cached("thing", settings, build) == "value"
    assert len(calls) == 2


def test_cached_base_equals_a_fresh_load(fresh, base):
    first = load_base(fresh)    # builds and writes
    second = load_base(fresh)   # reads the entry
    assert list(fresh.cache_dir.glob("base-*.pickle"))
    assert second.settings == fresh
    assert second.today_assignment == first.today_assignment == base.today_assignment
    assert sorted(second.graph.edges) == sorted(base.graph.edges)
    assert second.municipalities.geometry.equals(base.municipalities.geometry)


def test_the_cache_never_lands_in_the_repository(settings):
    assert not settings.cache_dir.is_relative_to(PROJECT_ROOT)
    assert not settings.official_dir.is_relative_to(PROJECT_ROOT)
