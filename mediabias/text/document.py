"""The Document: one pass over an article's text, shared by every measure.

Everything a measure needs about the text's shape is computed here once:
tokens with character offsets, sentences, paragraphs and quoted spans.
All offsets are character offsets into ``Document.text`` (the text as read,
after decoding), so ``text[start:end]`` is always the thing being pointed at.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from dataclasses import dataclass

from mediabias.text.quotes import Quote, find_quotes
from mediabias.text.segment import split_paragraphs, split_sentences

# One token per match.  Order matters: dotted acronyms (U.S., U.N.) before
# words; "n't" contractions kept whole (VADER's negation list has them so);
# possessive and other clitics ('s, 're, 'll ...) split off as their own token
# so that "Amnesty's" yields the party name "Amnesty".  The contraction is an
# optional tail of the word alternative, checked with a look-behind, so no
# word is scanned twice (a separate `\w+n't` alternative backtracked through
# every word: this pattern tokenises identically and ~1.5x faster).  Every
# alternative is a run of a character class: matching is linear in the text.
_TOKEN_RE = re.compile(
    r"""
      (?:[A-Za-z]\.){2,}(?![A-Za-z])                       # U.S.  U.N.  e.g.
    | [A-Z]['\u2019][A-Z]\w+                               # O'Brien  D'Amato
    | \w+(?:(?<=n)['\u2019]t(?!\w)|(?:[-\u2010\u2011]\w+)+)?  # words, don't, hyphen-words
    | ['\u2019](?:s|re|ve|ll|d|m)(?!\w)                      # clitics: 's 're 've 'll 'd 'm
    | [^\w\s]                                               # one punctuation character
    """,
    re.VERBOSE,
)
_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})", re.VERBOSE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: character span and the half-open range of its tokens."""

    start: int
    end: int
    tok_start: int
    tok_end: int


class Document:
    """An article's text with its tokens, sentences, paragraphs and quotes.

    Token data is kept in parallel lists (``tok_starts``, ``tok_ends``,
    ``tokens``, ``lowers``) because measures walk them in tight loops.
    ``lowers`` holds lower-cased tokens with the curly apostrophe folded to
    ``'`` so that word lists can be written with a plain apostrophe.
    """

    __slots__ = (
        "text",
        "tok_starts",
        "tok_ends",
        "tokens",
        "lowers",
        "tok_sent",
        "sentences",
        "paragraphs",
        "quotes",
        "n_words",
        "_top_quotes",
        "_top_starts",
        "_top_ends",
        "_sent_starts",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        # re.split with the token pattern as a group alternates gap, token,
        # gap, token ...; cumulative lengths give every offset without a
        # Python-level loop over match objects (~2x faster than finditer).
        parts = _SPLIT_RE.split(text)
        cum = list(accumulate(map(len, parts)))
        toks = parts[1::2]
        self.tokens = toks
        self.tok_ends = cum[1::2]
        self.tok_starts = cum[0::2][: len(toks)]
        # Each token is lower-cased on its own: no separator character is
        # joined in and split out again, so no character of the text (NUL,
        # controls, anything) can shift one token's lower-cased form onto
        # another's.  (Per token is also faster than join/lower/split.)
        self.lowers = [t.lower().replace("\u2019", "'") for t in toks]
        # words are tokens that start with a letter or digit (\w but not "_")
        self.n_words = sum(1 for t in toks if t[0].isalnum())

        self.paragraphs = split_paragraphs(text)
        starts = self.tok_starts
        sentences: list[Sentence] = []
        tok_sent = [0] * len(toks)
        for si, (s, e) in enumerate(split_sentences(text)):
            t0 = bisect_left(starts, s)
            t1 = bisect_left(starts, e, t0)
            tok_sent[t0:t1] = [si] * (t1 - t0)
            sentences.append(Sentence(s, e, t0, t1))
        self.sentences = sentences
        self.tok_sent = tok_sent
        self._sent_starts = [s.start for s in sentences]
        self.quotes: list[Quote] = find_quotes(text)
        self._top_quotes = [q for q in self.quotes if q.depth == 0]
        self._top_starts = [q.start for q in self._top_quotes]
        self._top_ends = [q.end for q in self._top_quotes]

    # -- lookups -------------------------------------------------------------
    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or nearest before) ``offset``."""
        return max(0, bisect_right(self._sent_starts, offset) - 1)

    def quote_at(self, start: int, end: int | None = None) -> Quote | None:
        """The outermost quotation whose content contains ``[start, end)``."""
        if end is None:
            end = start + 1
        i = bisect_right(self._top_starts, start) - 1
        if i < 0:
            return None
        q = self._top_quotes[i]
        if q.content_start <= start and end <= q.content_end:
            return q
        return None

    def quote_ending_before(self, pos: int) -> Quote | None:
        """The last top-level quotation that ends at or before ``pos``."""
        i = bisect_right(self._top_ends, pos) - 1
        return self._top_quotes[i] if i >= 0 else None

    def quote_starting_after(self, pos: int) -> Quote | None:
        """The first top-level quotation that starts at or after ``pos``."""
        i = bisect_left(self._top_starts, pos)
        return self._top_quotes[i] if i < len(self._top_quotes) else None

    def in_quote(self, start: int, end: int | None = None) -> bool:
        return self.quote_at(start, end) is not None

    def token_index(self, offset: int) -> int:
        """Index of the first token that ends after ``offset``."""
        return bisect_right(self.tok_ends, offset)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return (
            f"Document({len(self.text)} chars, {len(self.tokens)} tokens, "
            f"{len(self.sentences)} sentences, {len(self.quotes)} quotes)"
        )
