"""Match many word-list phrases in one pass over a Document's tokens.

Phrases are tokenised with the Document's own tokenizer and indexed by
their first token, so matching costs one dictionary lookup per token plus a
short comparison where a phrase may start -- instead of a regular
expression alternation of hundreds of phrases.  Matches are leftmost-longest
and do not overlap.
"""

from __future__ import annotations

from itertools import compress, count
from typing import Any, Iterable, NamedTuple

from mediabias.text.document import _TOKEN_RE


class PhraseMatch(NamedTuple):
    """One match (a named tuple: cheap to build, and a long text has many)."""

    tok_start: int  # first token
    tok_end: int  # one past the last token
    payload: Any


def phrase_tokens(phrase: str, *, lower: bool = True) -> tuple[str, ...]:
    """The tokens of ``phrase`` as the Document tokenizer produces them."""
    text = phrase.lower() if lower else phrase
    return tuple(m.group().replace("\u2019", "'") for m in _TOKEN_RE.finditer(text))


CACHE_MIN_PHRASES = 50  # shorter phrase lists are built each time, not kept in the disk cache


class PhraseMatcher:
    """Leftmost-longest phrase matching over token lists.

    ``case_sensitive=False`` matches against ``Document.lowers``;
    ``case_sensitive=True`` against ``Document.tokens`` (for names such as
    "US" or "IS" that must not match "us" or "is").
    """

    __slots__ = ("_index", "_seconds", "_singles", "case_sensitive", "max_len")

    def __init__(self, phrases: Iterable[tuple[str, Any]], *, case_sensitive: bool = False) -> None:
        from mediabias.cache import cached

        self.case_sensitive = case_sensitive
        phrases = list(phrases)
        if len(phrases) < CACHE_MIN_PHRASES:
            # a party set or a short list: building (~3 us a phrase) costs about
            # what reading it back would, and caching would add a file per set
            self._index, self._seconds, self._singles, self.max_len = self._build(phrases, case_sensitive)
            return
        # tokenising thousands of phrases costs more than reading the index back:
        # it is kept in the disk cache, keyed by the phrases themselves
        self._index, self._seconds, self._singles, self.max_len = cached(
            "matcher", (case_sensitive, phrases), lambda: self._build(phrases, case_sensitive)
        )

    @staticmethod
    def _build(phrases: list[tuple[str, Any]], case_sensitive: bool) -> tuple:
        index: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        seen = set()
        for phrase, payload in phrases:
            toks = phrase_tokens(phrase, lower=not case_sensitive)
            if not toks or toks in seen:
                continue
            seen.add(toks)
            index.setdefault(toks[0], []).append((toks[1:], payload))
        for cands in index.values():
            cands.sort(key=lambda c: -len(c[0]))
        # for a quick rejection of a candidate position: the second tokens of
        # each first token's longer phrases, and the first tokens that are phrases
        seconds = {first: frozenset(r[0] for r, _ in cands if r) for first, cands in index.items()}
        singles = frozenset(first for first, cands in index.items() if any(not r for r, _ in cands))
        max_len = max((len(r) + 1 for c in index.values() for r, _ in c), default=0)
        return index, seconds, singles, max_len

    def __contains__(self, phrase: str) -> bool:
        toks = phrase_tokens(phrase, lower=not self.case_sensitive)
        return any(rest == toks[1:] for rest, _ in self._index.get(toks[0], ())) if toks else False

    def find(self, tokens: list[str], start: int = 0, end: int | None = None) -> list[PhraseMatch]:
        """All non-overlapping matches in ``tokens[start:end]``."""
        index, seconds, singles = self._index, self._seconds, self._singles
        n = len(tokens) if end is None else end
        seq = tokens if start == 0 and end is None else tokens[start:n]
        out: list[PhraseMatch] = []
        free = start  # first position a new match may start at
        # the positions whose token may start a phrase, found at C speed
        for i in compress(count(start), map(index.__contains__, seq)):
            if i < free:
                continue
            first = tokens[i]
            second = tokens[i + 1] if i + 1 < n else None
            if second not in seconds[first] and first not in singles:
                continue
            for rest, payload in index[first]:
                if rest:
                    # the second token first: most candidates ("it", "in", "to") fail there
                    if rest[0] != second:
                        continue
                    k = len(rest)
                    if i + 1 + k > n or tuple(tokens[i + 1 : i + 1 + k]) != rest:
                        continue
                else:
                    k = 0
                out.append(PhraseMatch(i, i + 1 + k, payload))
                free = i + 1 + k
                break
        return out
