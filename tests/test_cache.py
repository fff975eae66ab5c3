"""The disk cache of derived data stays bounded (issue 15 item 8)."""

import os
import time

from mediabias import analyze, cache


def _entry(folder, name, size=10, age=0.0):
    path = folder / name
    path.write_bytes(b"x" * size)
    t = time.time() - age
    os.utime(path, (t, t))
    return path


def test_prune_keeps_the_most_recently_used_within_the_bounds(tmp_path):
    names = [f"matcher-{k:017x}.marshal" for k in range(10)]
    for age, name in enumerate(names):  # names[0] is the newest
        _entry(tmp_path, name, size=100, age=age * 10)
    foreign = _entry(tmp_path, "notes.marshal", age=1000)  # not named as the cache names its files
    assert cache.prune(tmp_path, max_entries=4) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[:4] + ["notes.marshal"])
    assert cache.prune(tmp_path, max_entries=10, max_bytes=250) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[:2] + ["notes.marshal"])
    assert foreign.exists()


def test_prune_never_removes_the_entry_just_written_and_clears_stale_temporary_files(tmp_path):
    big = _entry(tmp_path, "news-lexicon-0123456789abcdef01.marshal", size=1000)
    stale = _entry(tmp_path, ".matcher-0123456789abcdef01.marshal.123.tmp", age=7200)
    fresh = _entry(tmp_path, ".matcher-0123456789abcdef02.marshal.124.tmp")  # another process is writing it
    cache.prune(tmp_path, keep=big, max_bytes=10)
    assert big.exists() and not stale.exists() and fresh.exists()


def test_a_read_marks_an_entry_as_recently_used(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIABIAS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MEDIABIAS_NO_CACHE", raising=False)
    assert cache.cached("t", 1, lambda: [1]) == [1]
    (path,) = tmp_path.iterdir()
    os.utime(path, (1, 1))
    assert cache.cached("t", 1, lambda: [2]) == [1]  # read back, not rebuilt
    assert path.stat().st_mtime > time.time() - 60


def test_the_cache_folder_stays_bounded_however_many_party_sets_and_word_lists(tmp_path, monkeypatch):
    """Each distinct party set once added a file (2,700 files on one machine)."""
    monkeypatch.setenv("MEDIABIAS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MEDIABIAS_NO_CACHE", raising=False)
    analyze("Warm up: Russia said so.")
    warm = len(list(tmp_path.iterdir()))
    for k in range(30):  # user party sets: cheap to build, never cached
        analyze("Russia said so.", parties={f"Party{k}": [f"Alias{k}", "Russia"]})
    assert len(list(tmp_path.iterdir())) == warm
    for k in range(cache.MAX_ENTRIES + 20):  # large phrase lists are cached, within the bound
        cache.cached("matcher", ("big", k), lambda: list(range(100)))
    files = list(tmp_path.iterdir())
    assert len(files) == cache.MAX_ENTRIES
    assert sum(f.stat().st_size for f in files) <= cache.MAX_BYTES
