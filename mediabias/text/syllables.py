"""Syllable counts exactly as textstat 0.7.3 counts them, without importing
textstat or pyphen.

textstat counts a word's syllables as the number of hyphenation points
pyphen finds (Liang's algorithm on the ``hyph_en_US.dic`` patterns, with at
least two letters before and after a point) plus one.  This module reads the
same pattern file from the installed pyphen package and applies the same
algorithm, with two differences that change nothing in the result:

* the parsed patterns are kept in the disk cache (:mod:`mediabias.cache`,
  keyed by the pattern file's size and modification time), so a new process
  loads them in ~2 ms instead of parsing 11,000 lines;
* after a couple of hundred new words, the scan from each position stops at
  the first substring that begins no pattern (same points, fewer lookups);
* counts are memoised per word for the life of the process, starting from a
  packaged table of ~14,000 common news words (``syllable_table.tsv``, made
  by ``benchmarks/build_syllable_table.py`` with this module's algorithm).

A test compares the counts with pyphen's on thousands of words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_HEX = re.compile(r"\^{2}([0-9a-f]{2})")
_LEFT, _RIGHT = 2, 2  # pyphen.Pyphen's defaults, which textstat uses
_MEMO_MAX_WORD = 64  # longer "words" (URLs, garbage) are not memoised


def _dictionary_path() -> Path:
    spec = find_spec("pyphen")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyphen is not installed; it provides the hyphenation patterns for syllable counts")
    return Path(next(iter(spec.submodule_search_locations))) / "dictionaries" / "hyph_en_US.dic"


def _parse(path: Path) -> tuple[dict[str, bytes], int]:
    with path.open("rb") as fh:
        encoding = fh.readline().decode().strip()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    patterns: dict[str, bytes] = {}
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
        end = len(values)
        while not values[end - 1]:
            end -= 1
        # leading zeros kept (taking the max with 0 changes nothing): the
        # values start at the pattern's first letter, a bytes object each,
        # which marshal reads back faster than tuples
        patterns["".join(tags)] = bytes(values[:end])
    return patterns, max(len(k) for k in patterns)


def _prefixes(patterns: dict) -> frozenset[str]:
    """Every prefix of every pattern: a substring that is none can stop a scan."""
    return frozenset(k[:i] for k in patterns for i in range(1, len(k) + 1))


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, bytes], int]:
    """(patterns, longest pattern), parsed once and kept in the disk cache."""
    from mediabias.cache import cached, file_key

    path = _dictionary_path()
    return cached("hyph-en-us", file_key([path]), lambda: _parse(path))


@lru_cache(maxsize=1)
def _pattern_prefixes() -> frozenset[str]:
    return _prefixes(_patterns()[0])


_misses = [0]
PRUNE_AFTER = 200  # new words before the prefix set (~15 ms to build) pays for itself


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
            k = i
            for v in pat:
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
        _misses[0] += 1
        prefixes = _pattern_prefixes() if _misses[0] > PRUNE_AFTER else frozenset()
        n = _points(word, *_patterns(), prefixes) + 1
        if len(word) <= _MEMO_MAX_WORD and len(_memo) < 200_000:
            _memo[word] = n  # bounded: a stream of unique tokens must not grow memory forever
    return n
