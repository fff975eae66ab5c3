"""Data derived from the packaged word lists, kept on disk between processes.

Building some structures costs more than reading them back: parsing the
gazetteer's TOML, tokenising every phrase of a word list into a
:class:`~mediabias.text.phrases.PhraseMatcher`, expanding VADER's lexicon
with news vocabulary and inflected forms.  ``cached(name, key, build)``
returns ``build()`` and keeps its result in a ``marshal`` file under
``$MEDIABIAS_CACHE_DIR`` (default ``$XDG_CACHE_HOME/mediabias`` or
``~/.cache/mediabias``), keyed by a digest of ``key`` and the mediabias
version; the next process reads it back in a fraction of the time.

Nothing here changes a result: the key names every input of the build (the
source files' sizes and modification times, the phrase list itself), a
file that cannot be read or written is ignored, and ``MEDIABIAS_NO_CACHE=1``
turns the cache off.  The folder is safe to delete at any time.

The folder stays small: an entry is touched when it is read, and writing a
new one removes the least recently used entries beyond :data:`MAX_ENTRIES`
files or :data:`MAX_BYTES` bytes (the packaged word lists need 8
files and 1.1 MB; a new party set or word list adds one entry only when it
is large enough to be worth caching, see ``PhraseMatcher``).  Only files
named as this module names them are ever removed.
"""

from __future__ import annotations

import marshal
import os
import re
import time
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")
_FORMAT = 1
MAX_ENTRIES = 64
MAX_BYTES = 32 * 1024 * 1024
_STALE_TMP_SECONDS = 3600  # a temporary file older than this was left by a killed process
_ENTRY = re.compile(r"[\w-]+-[0-9a-f]{17,}\.marshal")
_TMP = re.compile(r"\.[\w-]+-[0-9a-f]{17,}\.marshal\.\d+\.tmp")


def cache_dir() -> Path:
    explicit = os.environ.get("MEDIABIAS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mediabias"


def file_key(paths: Iterable[str | Path]) -> tuple:
    """What identifies the content of ``paths`` without reading them: name, size, mtime."""
    out = []
    for p in paths:
        try:
            st = os.stat(p)
            out.append((str(p), st.st_size, st.st_mtime_ns))
        except OSError:
            out.append((str(p), None, None))
    return tuple(out)


def cached(name: str, key: Any, build: Callable[[], T]) -> T:
    """``build()``, read from the disk cache when an entry for ``key`` is there."""
    if os.environ.get("MEDIABIAS_NO_CACHE"):
        return build()
    from mediabias import __version__

    raw = repr((_FORMAT, __version__, key)).encode("utf-8", "surrogatepass")
    digest = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}{len(raw):x}"  # zlib: no hashlib import
    path = cache_dir() / f"{name}-{digest}.marshal"
    try:
        value = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    else:
        try:
            os.utime(path)  # recently used: kept when the folder is pruned
        except OSError:
            pass
        return value
    value = build()
    try:
        data = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        prune(path.parent, keep=path)
    except (OSError, ValueError):
        pass  # not marshal-able, or a read-only home: build again next time
    return value


def prune(folder: Path, *, keep: Path | None = None, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> int:
    """Remove the least recently used entries of ``folder`` beyond ``max_entries``
    files or ``max_bytes`` bytes (never ``keep``), and temporary files left by
    killed processes; the number of files removed."""
    entries = []
    removed = 0
    now = time.time()
    with os.scandir(folder) as it:
        for e in it:
            try:
                if _ENTRY.fullmatch(e.name):
                    st = e.stat(follow_symlinks=False)
                    entries.append((keep is not None and e.name == keep.name, st.st_mtime_ns, e.name, st.st_size))
                elif _TMP.fullmatch(e.name) and now - e.stat(follow_symlinks=False).st_mtime > _STALE_TMP_SECONDS:
                    os.unlink(e.path)
                    removed += 1
            except OSError:
                pass  # another process removed it first
    entries.sort(reverse=True)  # the entry just written, then the most recently used
    total = 0
    for k, (kept, _, name, size) in enumerate(entries):
        total += size
        if (k >= max_entries or total > max_bytes) and not kept:
            try:
                os.unlink(folder / name)
                removed += 1
            except OSError:
                pass
    return removed
