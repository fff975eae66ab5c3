"""Syllable counts exactly as textstat 0.7.3 counts them, without importing
textstat or pyphen.

textstat counts a word's syllables as the number of hyphenation points
pyphen finds (Liang's algorithm on the ``hyph_en_US.dic`` patterns, with at
least two letters before and after a point) plus one.  This module reads the
same pattern file from the installed pyphen package and applies the same
algorithm, with two differences that change nothing in the result:

* the parsed patterns are kept in a ``marshal`` file in the user's cache
  directory (``$XDG_CACHE_HOME/mediabias``, keyed by the pattern file's size
  and modification time), so a new process loads them in ~2 ms instead of
  parsing 11,000 lines; if the cache cannot be written it is simply not used;
* counts are memoised per word for the life of the process, starting from a
  packaged table of ~14,000 common news words (``syllable_table.tsv``, made
  by ``benchmarks/build_syllable_table.py`` with this module's algorithm).

A test compares the counts with pyphen's on thousands of words.
"""

from __future__ import annotations

import marshal
import os
import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_HEX = re.compile(r"\^{2}([0-9a-f]{2})")
_LEFT, _RIGHT = 2, 2  # pyphen.Pyphen's defaults, which textstat uses
_CACHE_VERSION = 2
_MEMO_MAX_WORD = 64  # longer "words" (URLs, garbage) are not memoised


def _dictionary_path() -> Path:
    spec = find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyphen is not installed; it provides the hyphenation patterns for syllable counts")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionaries" / "hyph_en_US.dic"


def _parse(path: Path) -> tuple[dict[str, tuple[int, tuple[int, ...]]], int]:
    with path.open("rb") as fh:
        encoding = fh.readline().decode().strip()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    patterns: dict[str, tuple[int, tuple[int, ...]]] = {}
    for line in path.read_text(encoding).split("\n")[1:]:
        pattern = line.strip()
        if not pattern or pattern.startswith(_IGNORED):
            continue
        pattern = _HEX.sub(lambda m: chr(int(m.group(1), 16)), pattern)
        if "/" in pattern and "=" in pattern:
            pattern = pattern.split("/", 1)[0]  # nonstandard hyphenation: only the points matter here
        tags = []
        values = []
        digit = 0
        for c in pattern:
            if c.isdigit():
                digit = int(c)
            else:
                tags.append(c)
                values.append(digit)
                digit = 0
        values.append(digit)
        if max(values) == 0:
            continue
        start, end = 0, len(values)
        while not values[start]:
            start += 1
        while not values[end - 1]:
            end -= 1
        patterns["".join(tags)] = (start, tuple(values[start:end]))
    return patterns, max(len(k) for k in patterns)


def _prefixes(patterns: dict) -> frozenset[str]:
    """Every prefix of every pattern: a substring that is none can stop a scan."""
    return frozenset(k[:i] for k in patterns for i in range(1, len(k) + 1))


def _cache_file(path: Path) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    st = path.stat()
    return Path(base) / "mediabias" / f"hyph_en_US-{st.st_size}-{int(st.st_mtime)}-v{_CACHE_VERSION}.marshal"


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, tuple[int, tuple[int, ...]]], int, frozenset[str]]:
    """(patterns, longest pattern, all pattern prefixes), from the cache file when it is there."""
    path = _dictionary_path()
    try:
        cache = _cache_file(path)
        with cache.open("rb") as fh:
            patterns, maxlen, prefixes = marshal.loads(fh.read())  # load(fh) reads in tiny pieces: 8x slower
        return patterns, maxlen, frozenset(prefixes)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    patterns, maxlen = _parse(path)
    prefixes = _prefixes(patterns)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            marshal.dump((patterns, maxlen, tuple(prefixes)), fh)
        os.replace(tmp, cache)
    except OSError:
        pass  # a read-only home: parse again next time
    return patterns, maxlen, prefixes


def _points(word: str, patterns: dict, maxlen: int, prefixes: frozenset[str] = frozenset()) -> int:
    """Number of hyphenation points pyphen reports for ``word`` (lower-case).

    With ``prefixes``, the scan from a position stops at the first substring
    that begins no pattern (the same points, ~3x fewer lookups).
    """
    pointed = f".{word}."
    n = len(pointed)
    refs = [0] * (n + 1)
    get = patterns.get
    for i in range(n - 1):
        stop = min(i + maxlen, n) + 1
        for j in range(i + 1, stop):
            sub = pointed[i:j]
            if prefixes and sub not in prefixes:
                break
            pat = get(sub)
            if pat is None:
                continue
            offset, values = pat
            k = i + offset
            for v in values:
                if v > refs[k]:
                    refs[k] = v
                k += 1
    right = len(word) - _RIGHT
    # pyphen's point at index i of refs is position i - 1 of the word
    return sum(1 for i in range(_LEFT + 1, right + 2) if refs[i] % 2)


_memo: dict[str, int] = {}


def counts(words: list[str]) -> list[int]:
    """``[syllables(w) for w in words]``, with the memo looked up at C speed."""
    if not _memo:
        _load_table()
    out = list(map(_memo.get, words))
    if None in out:
        out = [syllables(w) if n is None else n for w, n in zip(words, out)]
    return out
_TABLE = Path(__file__).resolve().parents[1] / "lexicons" / "syllable_table.tsv"


def _load_table() -> None:
    """Start the memo from the packaged table of common words (~2 ms)."""
    try:
        lines = _TABLE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    for line in lines:
        if line and not line.startswith("#"):
            count, _, words = line.partition("\t")
            _memo.update(dict.fromkeys(words.split(), int(count)))


def syllables(word: str) -> int:
    """textstat's syllable count of one lower-case, punctuation-free word."""
    if not _memo:
        _load_table()
    n = _memo.get(word)
    if n is None:
        n = _points(word, *_patterns()) + 1
        if len(word) <= _MEMO_MAX_WORD and len(_memo) < 200_000:
            _memo[word] = n  # bounded: a stream of unique tokens must not grow memory forever
    return n
