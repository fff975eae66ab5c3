"""The Document: one pass over an article's text, shared by every measure.

Everything a measure needs about the text's shape is computed here once:
tokens with character offsets, sentences, paragraphs and quoted spans.
All offsets are character offsets into ``Document.text`` (the text as read,
after decoding), so ``text[start:end]`` is always the thing being pointed at.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from mediabias.text.quotes import Quote, find_quotes
from mediabias.text.segment import split_paragraphs, split_sentences

# One token per match.  Order matters: dotted acronyms (U.S., U.N.) before
# words; "n't" contractions kept whole (VADER's negation list has them so);
# possessive and other clitics ('s, 're, 'll ...) split off as their own token
# so that "Amnesty's" yields the party name "Amnesty".  Every alternative is
# a simple run of a character class, so matching is linear in the text size.
_TOKEN_RE = re.compile(
    r"""
      (?:[A-Za-z]\.){2,}(?![A-Za-z])          # U.S.  U.N.  e.g.
    | \w+n['\u2019]t(?!\w)                    # don't  isn't  can't
    | [A-Z]['\u2019][A-Z]\w+                  # O'Brien  D'Amato
    | \w+(?:[-\u2010\u2011]\w+)*              # words, numbers, hyphenated words
    | ['\u2019](?:s|re|ve|ll|d|m)(?!\w)       # clitics: 's 're 've 'll 'd 'm
    | [^\w\s]                                 # one punctuation character
    """,
    re.VERBOSE,
)


def lower_same_length(text: str) -> str:
    """``text.lower()`` that keeps every character at its offset.

    A few characters (Turkish dotted I, some ligatures) lower-case to two
    characters; those are left as they are so offsets stay valid.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


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
        "lower",
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
        self.lower = lower_same_length(text)
        starts: list[int] = []
        ends: list[int] = []
        toks: list[str] = []
        for m in _TOKEN_RE.finditer(text):
            s, e = m.span()
            starts.append(s)
            ends.append(e)
            toks.append(m.group())
        self.tok_starts = starts
        self.tok_ends = ends
        self.tokens = toks
        low = self.lower
        self.lowers = [low[s:e].replace("\u2019", "'") for s, e in zip(starts, ends)]
        self.n_words = sum(1 for t in toks if t[0].isalnum())

        self.paragraphs = split_paragraphs(text)
        sentences: list[Sentence] = []
        tok_sent = [0] * len(starts)
        ti = 0
        n = len(starts)
        for si, (s, e) in enumerate(split_sentences(text)):
            while ti < n and starts[ti] < s:
                ti += 1  # whitespace-only gaps hold no tokens; defensive
            t0 = ti
            while ti < n and starts[ti] < e:
                tok_sent[ti] = si
                ti += 1
            sentences.append(Sentence(s, e, t0, ti))
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

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

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
