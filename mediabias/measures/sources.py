"""Source citation: who is cited, how, and how much of the story rests on it.

An *attribution* (citation) is a cue with, where one can be found, its
source and its content:

* **cues** (``sources_cues``) -- reporting verbs in any form and order
  (said, told reporters, was quoted as saying), verbs of stance and belief
  (criticized, believes, wants, polls show), "according to", "X: ..."
  before a quotation, nominal cues ("his claim that"); never inside a
  quotation;
* **source and content** (``sources_spans``) -- the subject before the cue
  or the name after it, the object of "according to", the agent of a
  passive; an adjacent quotation as content (a *direct* attribution), else
  the rest of the sentence or the part before the source;
* quotations of five words or more with no cue of their own are carried to
  the source of the previous attribution (a speaker quoted over several
  paragraphs, ``kind: "quote"``).

A source (``sources_types``) is ``anonymous`` when none is found ("it was
reported") or its head is an unnamed one (``anonymous_sources.txt``:
officials, sources, witnesses) with no name in it; its ``type`` is person,
organisation, document, media or anonymous; its ``party`` comes from a party
mention in it (a person's affiliation counts: Konashenkov -> Russia) or, for
"he"/"she" and "the spokesman", from the person cited last.

Everything is linear in the text: one pass over the tokens for the cues, a
bounded walk per cue, prefix sums for the words quoted inside any span.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, NamedTuple

from mediabias.measures import sources_spans as spans
from mediabias.measures import sources_types as types
from mediabias.measures.parties import PartyIndex
from mediabias.measures.sources_cues import COPULAS, POSSESSIVES, QUOTE_MARKS, Cue, find_cues, skip_left
from mediabias.text.document import Document

NAME = "sources"
MIN_QUOTE_WORDS = 5
CARRY_SENTENCES = 4  # an uncued quotation is carried this many sentences at most
_WORD_RE = re.compile(r"\S+")

class Citation(NamedTuple):
    """One attribution (immutable; a named tuple because an article has dozens and they are built in a tight loop)."""

    kind: str  # "direct" (quoted content) | "indirect" | "quote" (uncued quotation, carried speaker)
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_type: str  # person | organisation | document | media | anonymous
    content: tuple[int, int] | None
    quoted_words: int  # words inside quotation marks in the content
    anonymous: bool
    party: str | None
    cue_class: str | None = None  # speech | attitude | noun | adjective | phrase | colon
    refers_to: tuple[int, int] | None = None  # what a relative-pronoun source ("who") stands for
    via: tuple[int, int] | None = None  # the outlet the words were given to ("told RT")
    via_party: str | None = None
    extent: tuple[int, int] | None = None  # the source with its apposition ("X, a spokesman for Y")

    def to_dict(self, text: str, words: "_WordCounter | None" = None) -> dict[str, Any]:
        """The record; ``words`` counts the content's words (one counter per article keeps it linear)."""

        def span(sp):
            return None if sp is None else {"text": text[sp[0] : sp[1]], "start": sp[0], "end": sp[1]}

        src = span(self.source)
        if src is not None:
            src["type"] = self.source_type
            if self.refers_to is not None:
                src["refers_to"] = span(self.refers_to)
            if self.extent is not None:
                src["extent"] = span(self.extent)
        content = None if self.content is None else {"start": self.content[0], "end": self.content[1]}
        via = span(self.via)
        if via is not None:
            via["party"] = self.via_party
        return {
            "kind": self.kind,
            "cue": span(self.cue),
            "cue_class": self.cue_class,
            "source": src,
            "source_type": self.source_type,
            "content": content,
            "content_words": (words or _WordCounter(text))(self.content),
            "quoted_words": self.quoted_words,
            "via": via,
            "anonymous": self.anonymous,
            "party": self.party,
        }


@dataclass(frozen=True, slots=True)
class SourcesResult:
    text: str
    citations: tuple[Citation, ...]
    n_words: int
    n_sentences: int
    direct_quotes: int
    quoted_words: int
    sentences_with_attribution: int

    def to_dict(self) -> dict[str, Any]:
        words = _WordCounter(self.text)
        records = [c.to_dict(self.text, words) for c in self.citations]
        cited = [c for c in self.citations if c.cue is not None]
        n = len(cited)
        anonymous = sum(1 for c in cited if c.anonymous)
        by_party: dict[str, dict[str, int]] = {}
        for c, r in zip(self.citations, records):
            if c.party:
                d = by_party.setdefault(c.party, {"attributions": 0, "quoted_words": 0, "content_words": 0})
                if c.cue is not None:
                    d["attributions"] += 1
                d["quoted_words"] += c.quoted_words
                d["content_words"] += r["content_words"]
        by_type: dict[str, int] = {}
        for c in cited:
            by_type[c.source_type] = by_type.get(c.source_type, 0) + 1
        per = (lambda x, d, k: None if d == 0 else x * k / d)
        return {
            "attributions": n,
            "per_100_words": per(n, self.n_words, 100),
            "per_sentence": per(n, self.n_sentences, 1),
            "share_sentences_attributed": per(self.sentences_with_attribution, self.n_sentences, 1),
            "direct_quotes": self.direct_quotes,
            "share_words_quoted": per(self.quoted_words, self.n_words, 1),
            "named": n - anonymous,
            "anonymous": anonymous,
            "share_anonymous": per(anonymous, n, 1),
            "by_source_type": dict(sorted(by_type.items())),
            "by_party": dict(sorted(by_party.items(), key=lambda kv: (-kv[1]["attributions"], -kv[1]["quoted_words"], kv[0]))),
            "citations": records,
        }


_CLAUSE_BREAKS = frozenset({",", ";", "and", "but", "while", "whereas", "although", "though", "--", "\u2014"})
_TELL = frozenset(
    "told tell tells telling informed inform informs assured assure assures reminded remind reminds warned warn "
    "warns urged urge urges".split()
)


def _source(doc: Document, cue: Cue, s0: int, s1: int) -> tuple[int, int] | None:
    """The source token range of one cue, or None (an unnamed source)."""
    lows = doc.lowers
    end = cue.end
    if cue.cls == "phrase" and lows[cue.start] in ("according", "in", "as"):
        return spans.right_np(doc, end, s1)  # "according to X", "in the words of X"
    if lows[cue.head].endswith("ly"):
        return None  # "reportedly": no source in the text
    if cue.cls == "colon":
        a = cue.start - 1
        while a > s0 and lows[a - 1] not in ("-", "\u2014", "\u2013"):
            a -= 1
        return spans.trim(doc, a, cue.start)
    if cue.cls == "noun":  # "Trump's claim that", "his remarks:", "claims by Amnesty that"
        prev = cue.start - 1
        if prev >= s0 and lows[prev] == "'s":
            return spans.left_np(doc, prev - 1, s0)
        if prev >= s0 and lows[prev] in POSSESSIVES:
            return (prev, prev + 1)
        if end + 1 < s1 and lows[end] == "by":
            return spans.right_np(doc, end + 1, s1)
        return None
    if spans.is_passive(doc, cue, s0):
        return spans.passive_agent(doc, cue, s1)
    start = cue.start
    if cue.cls == "adjective":  # "Trump is confident that": the subject of "is"
        while start - 1 >= s0 and (lows[start - 1] in COPULAS or lows[start - 1] in ("very", "so", "not", "also", "increasingly", "deeply")):
            start -= 1
    src = spans.source_left(doc, start, s0)
    before = lows[start - 1] if start > s0 else ""
    if (src is None and (not before or before in (",", ":") or before in QUOTE_MARKS)) or (src is not None and lows[src[0]] == "it"):
        # inverted order: '"...," said X', 'Said Comey, "..."'
        right = spans.source_right(doc, end, s1)
        if right is not None:
            return right
    return src


def _continues(doc: Document, cue: Cue, s0: int) -> bool:
    """Does the cue continue the sentence's previous attribution: "X said ..., adding that",
    "X said ... and called for ..."?"""
    if cue.cls not in ("speech", "attitude"):
        return False
    lows = doc.lowers
    k = skip_left(lows, cue.start - 1, s0)
    if k < s0:
        return False
    return (lows[k] == "," and lows[cue.head].endswith("ing")) or lows[k] in ("and", "but", "or", "then")


def _addressee(doc: Document, cue: Cue, s1: int) -> tuple[int, int] | None:
    """Whom a source told: "told RT that ...", "told reporters: ..." (the NP after a verb of telling)."""
    lows = doc.lowers
    if lows[cue.head] not in _TELL or cue.end >= s1:
        return None
    np = spans.right_np(doc, cue.end, s1)
    if np is None or (np[1] < s1 and lows[np[1]] not in _AFTER_ADDRESSEE and lows[np[1]] not in QUOTE_MARKS):
        return None
    return np


_AFTER_ADDRESSEE = frozenset({"that", ",", ":", ".", "on", "in", "at", "last", "this", "during", "after", "before", "about"})


def _content(doc: Document, cue: Cue, src, after: int, s0: int, s1: int) -> tuple[tuple[int, int] | None, Any, bool]:
    """(content character span, quotation used or None, whether the content is the next paragraph);
    ``after``: the token after the cue and its inverted source or addressee."""
    starts, ends, lows = doc.tok_starts, doc.tok_ends, doc.lowers
    right_src = src is not None and src[0] >= cue.end
    left_edge = src[0] if src is not None and not right_src else cue.start
    q = doc.quotes and (spans.adjacent_quote(doc, starts[left_edge], -1) or spans.adjacent_quote(doc, ends[after - 1], +1))
    if q:
        return (q.content_start, q.content_end), q, False
    colon = after if after < s1 and lows[after] == ":" else after - 1 if lows[after - 1] == ":" else -1
    if colon >= 0 and spans.trim(doc, colon + 1, s1) is None:
        # "Sputnik reports:" closing a paragraph: the next paragraph is the content
        block = _next_paragraph(doc, ends[colon])
        if block is not None:
            return block, None, True
    if cue.cls == "phrase" and lows[cue.start] in ("according", "in", "as") and src is not None:
        # "According to X, ..." / "..., according to X."
        span = spans.trim(doc, src[1], s1) if cue.start <= s0 + 1 else spans.trim(doc, s0, cue.start)
    else:
        r0 = after
        while r0 < s1 and lows[r0] in (",", ":", "that"):
            r0 += 1
        span = spans.trim(doc, r0, s1)
        if span is None or span[1] - span[0] < 3:
            span = spans.trim(doc, s0, left_edge)
    if span is None:
        return None, None, False
    return (starts[span[0]], ends[span[1] - 1]), None, False


def _next_paragraph(doc: Document, pos: int) -> tuple[int, int] | None:
    """The first paragraph starting after character ``pos``."""
    i = bisect_right(doc.paragraphs, pos, key=lambda p: p[0])
    return doc.paragraphs[i] if i < len(doc.paragraphs) else None


class _WordCounter:
    """Words (white-space separated) in a character span: split() while the
    spans counted add up to a few times the text, then an index of word
    starts -- so thousands of overlapping contents stay linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.budget = 4 * len(text) + 10_000
        self.word_starts: list[int] | None = None

    def __call__(self, span: tuple[int, int] | None) -> int:
        if span is None:
            return 0
        a, b = span
        if self.word_starts is None and b - a <= self.budget:
            self.budget -= b - a
            return len(self.text[a:b].split())
        if self.word_starts is None:
            self.word_starts = [m.start() for m in _WORD_RE.finditer(self.text)]
        return bisect_left(self.word_starts, b) - bisect_left(self.word_starts, a)


class _QuoteWords:
    """Top-level quotations with running totals of their words: the quoted
    words inside any span in O(log n), and which quotations some citation's
    content already holds (a difference array, so marking is O(log n) too)."""

    def __init__(self, doc: Document) -> None:
        self.quotes = [q for q in doc.quotes if q.depth == 0]
        self.starts = [q.start for q in self.quotes]
        self.words = [len(doc.text[q.content_start : q.content_end].split()) for q in self.quotes]
        self.prefix = list(accumulate(self.words, initial=0))
        self._cover = [0] * (len(self.quotes) + 1)

    def _range(self, a: int, b: int) -> tuple[int, int]:
        # a quotation's marks sit just before its content: start within 2 characters of ``a``
        return bisect_left(self.starts, a - 2), bisect_left(self.starts, b)

    def words_in(self, span: tuple[int, int] | None) -> int:
        if span is None or not self.starts:
            return 0
        i, j = self._range(*span)
        return self.prefix[j] - self.prefix[i]

    def hold(self, span: tuple[int, int] | None) -> None:
        if span is not None and self.starts:
            i, j = self._range(*span)
            self._cover[i] += 1
            self._cover[j] -= 1

    def held(self) -> list[bool]:
        return [c > 0 for c in accumulate(self._cover[:-1])]


def score(doc: Document, parties: PartyIndex | None = None) -> SourcesResult:
    anon_heads, _, titles, _ = types.lists()
    lows = doc.lowers
    # pass 1: each cue's source
    found = []  # (cue, sentence index, source, antecedent, type, anonymous, party, addressee)
    last_person: str | None = None  # party of the person cited last ("" when it has none)
    by_noun: dict[str, str] = {}  # common noun of a source -> the party of the source it was last in
    for cue in find_cues(doc, parties, anon_heads):
        si = doc.tok_sent[cue.start]
        s0, s1 = doc.sentences[si].tok_start, doc.sentences[si].tok_end
        src = _source(doc, cue, s0, s1)
        if found and found[-1][1] == si and _continues(doc, cue, s0):
            src = found[-1][2]  # "X said ..., adding that" / "X said ... and called for"
        ante = spans.relative_antecedent(doc, src[0], s0) if src is not None and lows[src[0]] in spans.RELATIVES else None
        stype, anon, party = types.classify(doc, parties, ante or src)
        if src is not None and last_person is not None and party is None and (
            lows[src[0]] in types.PERSON_PRONOUNS or (lows[src[1] - 1] in titles and not doc.tokens[src[1] - 1][0].isupper())
        ):
            # "he said", "the general-major added": the person cited last
            stype, anon, party = "person", False, last_person or None
        if stype == "person" and src is not None and lows[src[0]] not in types.PERSON_PRONOUNS:
            last_person = party or ""
        named = ante or src
        if named is not None:
            if party is None:
                # "the ministry said" after "the Russian Defense Ministry spokesman said": the party
                # of the source cited last with the same common noun in it
                found_party = _definite_party(doc, named, by_noun)
                if found_party is not None:
                    party, anon = found_party, False
                    stype = "document" if stype == "document" else "organisation"
            else:
                for t in range(*named):
                    if lows[t] in types.COMMON_HEADS:
                        by_noun[lows[t]] = party
        found.append((cue, si, src, ante, stype, anon, party, _addressee(doc, cue, s1)))
    # pass 2: contents, each kept to its own stretch of the sentence
    quotes = _QuoteWords(doc)
    starts, ends, sentences = doc.tok_starts, doc.tok_ends, doc.sentences
    citations: list[Citation] = []
    for n, (cue, si, src, ante, stype, anon, party, addressee) in enumerate(found):
        s0, s1 = sentences[si].tok_start, sentences[si].tok_end
        right_src = src is not None and src[0] >= cue.end
        if n + 1 < len(found) and found[n + 1][1] == si:
            # "X said A, and Y said B": a new clause with its own attribution ends X's content
            nxt, nsrc = found[n + 1][0], found[n + 1][2]
            edge = nsrc[0] if nsrc is not None and cue.end < nsrc[0] < nxt.start else nxt.start
            if edge > cue.end and lows[edge - 1] in _CLAUSE_BREAKS:
                s1 = min(s1, edge - 1)
        if n > 0 and found[n - 1][1] == si:
            pcue, psrc = found[n - 1][0], found[n - 1][2]
            s0 = max(s0, psrc[1] if psrc is not None and psrc[0] >= pcue.end else pcue.end)
        after = src[1] if right_src else addressee[1] if addressee else cue.end
        content, q, block = _content(doc, cue, src, min(after, s1), s0, s1)
        if not block:  # quotations in a paragraph introduced by "X reports:" are its speakers'
            quotes.hold(content)
        via = types.via(parties, addressee) if addressee is not None else None
        citations.append(
            Citation(
                "direct" if q is not None else "indirect", (starts[cue.start], ends[cue.end - 1]),
                None if src is None else (starts[src[0]], ends[src[1] - 1]), stype, content,
                0 if block else quotes.words_in(content), anon, party, cue.cls,
                None if ante is None else (starts[ante[0]], ends[ante[1] - 1]),
                None if via is None else (starts[via[0]], ends[via[1] - 1]), via and types.party_in(parties, via),
                _extent(doc, src, cue, sentences[si]),
            )
        )
    carried = _carried(doc, citations, quotes)
    if carried:
        citations.extend(carried)
        citations.sort(key=lambda c: (c.cue or c.content)[0])
    long_quotes = [w for w in quotes.words if w >= MIN_QUOTE_WORDS]
    attributed = len({f[1] for f in found})
    return SourcesResult(doc.text, tuple(citations), doc.n_words, len(doc.sentences), len(long_quotes), sum(long_quotes), attributed)


_DEFINITE = frozenset({"the", "this", "that"})


def _definite_party(doc: Document, span: tuple[int, int], by_noun: dict[str, str]) -> str | None:
    """The party a definite description ("the ministry", "this organisation", "the report")
    refers back to, when a source cited earlier had that noun and a party."""
    a, b = span
    lows = doc.lowers
    if lows[a] not in _DEFINITE or b - a > 4:
        return None
    return by_noun.get(lows[b - 1])


def _extent(doc: Document, src: tuple[int, int] | None, cue: Cue, sentence) -> tuple[int, int] | None:
    """The source with its apposition, in characters, when it has one."""
    if src is None:
        return None
    ext = spans.extent(doc, src, cue, sentence.tok_start, sentence.tok_end)
    return None if ext == src else (doc.tok_starts[ext[0]], doc.tok_ends[ext[1] - 1])


def _carried(doc: Document, citations: list[Citation], quotes: _QuoteWords) -> list[Citation]:
    """Quotations with no cue of their own, given to the previous speaker within a few sentences."""
    carried = []
    k = -1  # index of the last citation whose cue starts before the quotation
    for q, words, held in zip(quotes.quotes, quotes.words, quotes.held()):
        if held or words < MIN_QUOTE_WORDS:
            continue
        while k + 1 < len(citations) and citations[k + 1].cue[0] < q.start:
            k += 1
        prev = citations[k] if k >= 0 else None
        if prev is not None and prev.source is not None and doc.sentence_index(q.start) - doc.sentence_index(prev.cue[0]) <= CARRY_SENTENCES:
            carried.append(
                Citation("quote", None, prev.source, prev.source_type, (q.content_start, q.content_end), words,
                         prev.anonymous, prev.party, None, prev.refers_to)
            )
    return carried
