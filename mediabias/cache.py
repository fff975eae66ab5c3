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
"""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

T = TypeVar("T")
_FORMAT = 1


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
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    try:
        data = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # not marshal-able, or a read-only home: build again next time
    return value
