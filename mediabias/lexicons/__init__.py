"""The project's word lists, shipped as data files in this package.

Each ``.txt`` file holds one entry per line; ``#`` starts a comment; blank
lines are ignored.  Files are read from this package's folder once per
process and returned as immutable tuples/frozensets.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).parent  # importlib.resources costs ~8 ms of imports


class LexiconError(ValueError):
    """A word list could not be read; the message names the file and line."""


def read_entries(raw: str, *, origin: str) -> tuple[tuple[int, str], ...]:
    """Entries of a word-list text as ``(line_number, entry)`` pairs."""
    out = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append((lineno, entry))
    return tuple(out)


def load_user_list(path: str | Path, *, name: str) -> tuple[str, ...]:
    """A user's replacement for the packaged word list ``name`` (``--lexicon``).

    Same format as the packaged lists (one phrase a line, ``#`` comments);
    entries are lower-cased.  A missing, unreadable, empty or non-UTF-8 file,
    or a phrase without a letter or digit (it can never match a word),
    raises :class:`LexiconError` naming the file and the line.
    """
    from mediabias.text.phrases import phrase_tokens

    path = Path(path)
    where = f"{name} lexicon {path}"
    try:
        data = path.read_bytes()
    except OSError as e:
        raise LexiconError(f"{where}: {e.strerror or e}") from None
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise LexiconError(f"{where}, line {line}: not UTF-8 ({e.reason} at byte {e.start})") from None
    entries = read_entries(raw, origin=str(path))
    if not entries:
        raise LexiconError(f"{where}: no entries (one phrase a line; '#' starts a comment)")
    out = []
    for lineno, entry in entries:
        if not any(t[0].isalnum() for t in phrase_tokens(entry)):
            raise LexiconError(f"{where}, line {lineno}: {entry!r} has no word in it and can never match")
        out.append(" ".join(entry.lower().split()))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """Entries of the packaged word list ``name`` in file order."""
    raw = (_HERE / name).read_text(encoding="utf-8")
    return tuple(e for _, e in read_entries(raw, origin=name))


@lru_cache(maxsize=None)
def load_words(name: str) -> frozenset[str]:
    """Entries of the packaged word list ``name``, lower-cased, as a set."""
    return frozenset(e.lower() for e in load_list(name))


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict:
    """A packaged TOML data file, parsed (the parse is kept in the disk cache)."""
    from mediabias.cache import cached, file_key

    path = _HERE / name

    def parse() -> dict:
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib
        return tomllib.loads(path.read_text(encoding="utf-8"))

    return cached(f"toml-{Path(name).stem}", file_key([path]), parse)