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

A source is ``anonymous`` when none is found ("it was reported") or its
head is an unnamed one (``anonymous_sources.txt``: officials, sources,
witnesses) with no name in it; its ``type`` is person, organisation,
document, media or anonymous; its ``party`` comes from a party mention in it
(a person's affiliation counts: Konashenkov -> Russia) or, for "he"/"she" and
"the spokesman", from the person cited last.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mediabias.lexicons import load_words
from mediabias.measures import sources_spans as spans
from mediabias.measures.parties import PartyIndex
from mediabias.measures.sources_cues import COPULAS, POSSESSIVES, Cue, find_cues
from mediabias.text.document import Document

NAME = "sources"
MIN_QUOTE_WORDS = 5
CARRY_SENTENCES = 4  # an uncued quotation is carried this many sentences at most

_PERSON_PRONOUNS = frozenset({"he", "she", "i"})
_GROUP_PRONOUNS = frozenset({"they", "we", "it", "you"})
_GENERIC = frozenset(
    "the a an its his her their this that these those 's new latest our my your such whose".split()
)
_ORG_HEADS = frozenset(
    {"ministry", "government", "department", "agency", "office", "council", "committee", "organization",
     "organisation", "group", "army", "military", "police", "commission", "administration", "authorities",
     "embassy", "campaign", "party", "court", "senate", "house", "congress", "company", "firm", "union",
     "network", "newspaper", "board", "staff", "team", "coalition", "foundation", "institute", "center", "centre"}
)
_MEDIA_HEADS = frozenset({"newspaper", "network", "channel", "outlet", "broadcaster", "magazine", "daily", "tabloid"})


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """Unnamed-source heads, document heads, titles, and the words that name nobody."""
    anon, docs, titles = load_words("anonymous_sources.txt"), load_words("document_sources.txt"), load_words("titles.txt")
    return anon, docs, titles, anon | docs | _ORG_HEADS | _GENERIC


@dataclass(frozen=True, slots=True)
class Citation:
    kind: str  # "direct" (quoted content) | "indirect" | "quote" (uncued quotation, carried speaker)
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_type: str  # person | organisation | document | media | anonymous
    content: tuple[int, int] | None
    anonymous: bool
    party: str | None
    cue_class: str | None = None  # speech | attitude | noun | adjective | phrase | colon
    refers_to: tuple[int, int] | None = None  # what a relative-pronoun source ("who") stands for

    def to_dict(self, text: str) -> dict[str, Any]:
        def span(sp):
            return None if sp is None else {"text": text[sp[0] : sp[1]], "start": sp[0], "end": sp[1]}

        src = span(self.source)
        if src is not None:
            src["type"] = self.source_type
            if self.refers_to is not None:
                src["refers_to"] = span(self.refers_to)
        content = None if self.content is None else {"start": self.content[0], "end": self.content[1]}
        return {
            "kind": self.kind,
            "cue": span(self.cue),
            "cue_class": self.cue_class,
            "source": src,
            "source_type": self.source_type,
            "content": content,
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
        cited = [c for c in self.citations if c.cue is not None]
        n = len(cited)
        anonymous = sum(1 for c in cited if c.anonymous)
        by_party: dict[str, dict[str, int]] = {}
        for c in self.citations:
            if c.party:
                d = by_party.setdefault(c.party, {"attributions": 0, "quoted_words": 0})
                if c.cue is not None:
                    d["attributions"] += 1
                if c.content is not None and c.kind in ("direct", "quote"):
                    d["quoted_words"] += len(self.text[c.content[0] : c.content[1]].split())
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
            "citations": [c.to_dict(self.text) for c in self.citations],
        }


def _is_name(tok: str) -> bool:
    return tok[:1].isupper()


def _classify(doc: Document, parties: PartyIndex | None, span: tuple[int, int] | None) -> tuple[str, bool, str | None]:
    """(source type, anonymous, party) of a source token span."""
    anon_heads, doc_heads, _, generic = _lists()
    if span is None:
        return "anonymous", True, None
    a, b = span
    lows = doc.lowers
    party = None
    ptype = None
    if parties is not None:
        for i in range(a, b):
            m = parties.mention_at_token(i)
            if m is not None:
                p = parties.parties[m.party]
                party = parties.party_of(m.party)
                ptype = p.kind
                if p.kind == "person":
                    break
    head = lows[b - 1]
    for i in range(a + 1, b):
        if lows[i] in ("of", "for", "at", "in", "("):  # "officials in Damascus", "Rep. X (D-Ga.)"
            head = lows[i - 1]
            break
    if head in doc_heads:
        return "document", False, party
    if ptype == "person" or head in _PERSON_PRONOUNS:
        return "person", False, party
    if head in anon_heads:
        first = doc.sentences[doc.tok_sent[a]].tok_start  # a capital there says nothing
        named = any(
            _is_name(doc.tokens[i]) and i != first and lows[i] not in generic
            and (parties is None or parties.mention_at_token(i) is None)
            for i in range(a, b)
        )
        if not named:
            return "anonymous", True, party
    if ptype == "media" or head in _MEDIA_HEADS:
        return "media", False, party
    if ptype in ("organisation", "armed_group", "country", "user") or head in _ORG_HEADS:
        return "organisation", False, party
    if head in _GROUP_PRONOUNS:
        return "anonymous", False, party
    has_name = any(_is_name(doc.tokens[i]) for i in range(a, b))
    return ("person" if has_name else "anonymous"), not has_name, party


def _source(doc: Document, cue: Cue, s0: int, s1: int) -> tuple[tuple[int, int] | None, int]:
    """(source token range, end of the cue's own words) for one cue."""
    lows = doc.lowers
    end = cue.end
    if cue.cls == "phrase" and lows[cue.start] in ("according", "in", "as"):
        return spans.right_np(doc, cue.end, s1), cue.end
    if cue.cls == "colon":
        a = cue.start - 1
        while a > s0 and lows[a - 1] not in ("-", "\u2014", "\u2013"):
            a -= 1
        return spans.trim(doc, a, cue.start), end
    if cue.cls == "noun":
        prev = cue.start - 1
        if prev >= s0 and lows[prev] == "'s":
            return spans.left_np(doc, prev - 1, s0), end
        if prev >= s0 and lows[prev] in POSSESSIVES:
            return (prev, prev + 1), end
        if end + 1 < s1 and lows[end] in ("by", "from"):
            return spans.right_np(doc, end + 1, s1), end
        return None, end
    if spans.is_passive(doc, cue, s0):
        return spans.passive_agent(doc, cue, s1), end
    start = cue.start
    if cue.cls == "adjective":  # "Trump is confident that": the subject of "is"
        while start - 1 >= s0 and (lows[start - 1] in COPULAS or lows[start - 1] in ("very", "so", "not", "also", "increasingly", "deeply")):
            start -= 1
    src = spans.source_left(doc, start, s0)
    if src is None or lows[src[0]] == "it":
        right = spans.source_right(doc, end, s1)
        if right is not None:
            return right, end
    return src, end


def _content(doc: Document, cue: Cue, src, s0: int, s1: int) -> tuple[tuple[int, int] | None, Any]:
    """(content character span, quotation used or None)."""
    starts, ends, lows = doc.tok_starts, doc.tok_ends, doc.lowers
    right_src = src is not None and src[0] >= cue.end
    left_edge = src[0] if src is not None and not right_src else cue.start
    after = src[1] if right_src else cue.end
    q = spans.adjacent_quote(doc, starts[left_edge], -1) or spans.adjacent_quote(doc, ends[after - 1], +1)
    if q is not None:
        return (q.content_start, q.content_end), q
    if after < s1 and lows[after] == ":" and spans.trim(doc, after + 1, s1) is None:
        # "Sputnik reports:" closing a paragraph: the next paragraph is the content
        block = _next_paragraph(doc, ends[after])
        if block is not None:
            return block, None
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
        return None, None
    return (starts[span[0]], ends[span[1] - 1]), None


def _next_paragraph(doc: Document, pos: int) -> tuple[int, int] | None:
    """The first paragraph starting after character ``pos``."""
    i = bisect_right(doc.paragraphs, pos, key=lambda p: p[0])
    return doc.paragraphs[i] if i < len(doc.paragraphs) else None


def score(doc: Document, parties: PartyIndex | None = None) -> SourcesResult:
    anon_heads, _, titles, _ = _lists()
    starts, ends, lows = doc.tok_starts, doc.tok_ends, doc.lowers
    text = doc.text
    citations: list[Citation] = []
    quotes_used: set[int] = set()
    last_person: str | None = None  # party of the person cited last ("" when it has none)
    prev_src: tuple[tuple[int, int] | None, int] = (None, -1)  # (source, sentence) of the last cue
    attributed: set[int] = set()  # sentences with a cue
    for cue in find_cues(doc, parties, anon_heads):
        si = doc.tok_sent[cue.start]
        sent = doc.sentences[si]
        s0, s1 = sent.tok_start, sent.tok_end
        src, _ = _source(doc, cue, s0, s1)
        if cue.cls in ("speech", "attitude") and lows[cue.head].endswith("ing") and cue.start > s0 and lows[cue.start - 1] == ",":
            # "..., X said, adding that ...": the participle continues X's
            # attribution; "The briefing includes evidence, suggesting ...":
            # the subject of the sentence
            src = prev_src[0] if prev_src[1] == si else src
        ante = spans.relative_antecedent(doc, src[0], s0) if src is not None and lows[src[0]] in spans.RELATIVES else None
        stype, anon, party = _classify(doc, parties, ante or src)
        if src is not None and last_person is not None and party is None and (
            lows[src[0]] in _PERSON_PRONOUNS or all(lows[t] in titles or lows[t] in ("the", "a", ".") for t in range(*src))
        ):
            # "he said", "the general-major added": the person cited last
            stype, anon, party = "person", False, last_person or None
        content, q = _content(doc, cue, src, s0, s1)
        if q is not None:
            quotes_used.add(q.start)
        src_span = None if src is None else (starts[src[0]], ends[src[1] - 1])
        cue_span = (starts[cue.start], ends[cue.end - 1])
        ante_span = None if ante is None else (starts[ante[0]], ends[ante[1] - 1])
        citations.append(Citation("direct" if q is not None else "indirect", cue_span, src_span, stype, content, anon, party, cue.cls, ante_span))
        prev_src = (src, si)
        attributed.add(si)
        if stype == "person" and src is not None and lows[src[0]] not in _PERSON_PRONOUNS:
            last_person = party or ""
    quoted_words, direct_quotes = _carry_quotes(doc, citations, quotes_used)
    citations.sort(key=lambda c: (c.cue or c.content)[0])
    return SourcesResult(text, tuple(citations), doc.n_words, len(doc.sentences), direct_quotes, quoted_words, len(attributed))


def _carry_quotes(doc: Document, citations: list[Citation], quotes_used: set[int]) -> tuple[int, int]:
    """Give quotations with no cue of their own to the previous speaker; count quoted words."""
    text = doc.text
    quoted_words = direct_quotes = 0
    carried = []
    k = -1  # index of the last citation whose cue starts before the quotation
    for q in doc.quotes:
        if q.depth:
            continue
        words = len(text[q.content_start : q.content_end].split())
        if words < MIN_QUOTE_WORDS:
            continue
        direct_quotes += 1
        quoted_words += words
        if q.start in quotes_used:
            continue
        while k + 1 < len(citations) and citations[k + 1].cue[0] < q.start:
            k += 1
        prev = citations[k] if k >= 0 else None
        if prev is not None and prev.source is not None and doc.sentence_index(q.start) - doc.sentence_index(prev.cue[0]) <= CARRY_SENTENCES:
            carried.append(
                Citation("quote", None, prev.source, prev.source_type, (q.content_start, q.content_end), prev.anonymous, prev.party, None, prev.refers_to)
            )
    citations.extend(carried)
    return quoted_words, direct_quotes
