"""Source citation: who is cited, how, and how much of the story rests on it.

An *attribution* (citation) is a cue with, where one can be found, its
source and its content:

* **cues** -- reporting verbs in any form (``report_verbs.txt``: said,
  told, added, denied ...) outside quotations, and "according to";
  noun uses ("the report", "these claims") are skipped;
* **source** -- the noun phrase that is the verb's subject: the words right
  before the cue (after auxiliaries and adverbs, jumping over an
  apposition such as "X, who ..., said"), or right after it in inverted
  order (``"...," said X``), or the object of "according to";
* **content** -- an adjacent quotation (``"...," X said`` / ``X said:
  "..."``), else the rest of the sentence after the cue ("said that ...")
  or the part before the source ("..., X said");
* quotations of five words or more with no cue of their own are carried to
  the source of the previous attribution (a speaker quoted over several
  paragraphs).

A source is ``anonymous`` when none is found ("it was reported") or its
head is an unnamed one (``anonymous_sources.txt``: officials, sources,
witnesses) with no name in it; its ``type`` is person, organisation,
document, media or anonymous; its ``party`` comes from a party mention in it
(a person's affiliation counts: Konashenkov -> Russia) or, for "he"/"she",
from the last person cited.

Weak spots: no parser, so long subjects are cut at function words, and
verbs of saying outside the list ("slammed", "dismissed") are not cues.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mediabias.lexicons import load_words
from mediabias.measures.parties import PartyIndex
from mediabias.text.document import Document

NAME = "sources"
MIN_QUOTE_WORDS = 5

_NOUN_DETERMINERS = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "this", "that", "these", "those", "'s", "new", "latest", "our", "my", "your", "such", "whose"}
)
_SKIP_BEFORE_VERB = frozenset(
    {"has", "have", "had", "was", "were", "is", "are", "also", "later", "previously", "repeatedly", "further",
     "then", "again", "once", "already", "recently", "earlier", "flatly", "publicly", "privately", "reportedly",
     "has", "been", "would", "will", "had", "always", "often", "quickly", "strongly", "firmly", "explicitly", "not", "never"}
)
_STOP_LEFT = frozenset(
    {"that", "which", "who", "and", "but", "or", "as", "when", "while", "because", "if", "after", "before",
     "since", "where", "than", "so", "what", "how", "whether", "to", "is", "was", "were", "are", "has", "have",
     "had", "be", "been", "it", "there", "said", "says", "told", "of", "in", "on", "at", "by", "for", "with"}
)
# Words that are nouns as often as reporting verbs: a cue only when followed
# by "that", a colon or a quotation, or after a pronoun or auxiliary.
_NOUN_LIKE = frozenset(
    {"report", "reports", "claim", "claims", "state", "states", "note", "notes", "comment", "reply", "warn"}
)
_VERB_AFTER = frozenset({"that", ":", "\"", "\u201c", "'", "\u2018"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_QUOTE_CHARS = "\"\u201c\u201d\u00ab\u00bb'\u2018\u2019"
_ORG_HEADS = frozenset(
    {"ministry", "government", "department", "agency", "office", "council", "committee", "organization",
     "organisation", "group", "army", "military", "police", "commission", "administration", "authorities",
     "embassy", "spokesman", "spokeswoman", "spokesperson"}
)


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset, frozenset, frozenset]:
    return load_words("report_verbs.txt"), load_words("anonymous_sources.txt"), load_words("document_sources.txt")


@dataclass(frozen=True, slots=True)
class Citation:
    kind: str  # "direct" (quoted content) | "indirect" | "quote" (uncued quotation, carried speaker)
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    source_type: str  # person | organisation | document | media | anonymous
    content: tuple[int, int] | None
    anonymous: bool
    party: str | None

    def to_dict(self, text: str) -> dict[str, Any]:
        def span(sp):
            return None if sp is None else {"text": text[sp[0] : sp[1]], "start": sp[0], "end": sp[1]}

        src = span(self.source)
        if src is not None:
            src["type"] = self.source_type
        content = None if self.content is None else {"start": self.content[0], "end": self.content[1]}
        return {
            "kind": self.kind,
            "cue": span(self.cue),
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
            "by_party": dict(sorted(by_party.items(), key=lambda kv: -kv[1]["attributions"] - kv[1]["quoted_words"] / 1000)),
            "citations": [c.to_dict(self.text) for c in self.citations],
        }


def _is_name(tok: str) -> bool:
    return tok[:1].isupper()


def _left_np(doc: Document, k: int, lower_bound: int) -> tuple[int, int] | None:
    """Token range of the noun phrase ending at token ``k`` (inclusive)."""
    toks, lows = doc.tokens, doc.lowers
    if k < lower_bound:
        return None
    if lows[k] in _PRONOUNS:
        return (k, k + 1)
    head_ok = _is_name(toks[k]) or toks[k][0].isalpha()
    if not head_ok or lows[k] in _STOP_LEFT:
        return None
    a = k
    while a - 1 >= lower_bound and k - a < 8:
        t, low = toks[a - 1], lows[a - 1]
        if low in _STOP_LEFT or low in _PRONOUNS:
            break
        if t[0].isalnum() or low in ("'s", "-") or (t == "." and a - 2 >= lower_bound and len(toks[a - 2]) <= 4 and _is_name(toks[a - 2])):
            a -= 1
            continue
        break
    return (a, k + 1)


_EDGE_PUNCT = frozenset({",", ":", ".", "*", "_", ";", "-", "\u2014", "\u2013"})
_APPOSITION_MAX = 40  # tokens searched back for the comma opening an apposition
_BE = frozenset({"is", "was", "were", "are", "been", "be", "being"})


def _source_left(doc: Document, cue_i: int, sent_start: int) -> tuple[int, int] | None:
    lows = doc.lowers
    k = cue_i - 1
    while k >= sent_start and lows[k] in _SKIP_BEFORE_VERB:
        if lows[k] in _BE and lows[cue_i].endswith(("ed", "told", "said")):
            # passive: "it was reported", "officials were told" - the subject
            # is not the source; "by X" after the verb is
            j = cue_i + 1
            if j + 1 < len(lows) and lows[j] == "by":
                return _left_np_after(doc, j + 1, doc.sentences[doc.tok_sent[cue_i]].tok_end)
            return None
        k -= 1
    if k >= sent_start and lows[k] == ",":
        # "X, who ..., said" / "X, a spokesman for ..., said": jump the apposition
        j = k - 1
        floor = max(sent_start, k - _APPOSITION_MAX)
        while j >= floor and lows[j] != "," and lows[j] not in _QUOTE_CHARS:
            j -= 1
        if j >= floor and j > sent_start and lows[j] == ",":
            # "spokesman, General-Major Igor Konashenkov, said": the name
            # inside the commas is the speaker; "X, who ..., said": X is
            inner = _left_np(doc, k - 1, j + 1)
            if inner is not None and inner[0] == j + 1 and any(_is_name(doc.tokens[t]) for t in range(*inner)):
                return inner
            np = _left_np(doc, j - 1, sent_start)
            if np is not None:
                return np
        return None
    return _left_np(doc, k, sent_start)


def _source_right(doc: Document, cue_i: int, sent_end: int) -> tuple[int, int] | None:
    """Inverted order: '"...," said Igor Konashenkov, ...'."""
    toks, lows = doc.tokens, doc.lowers
    k = cue_i + 1
    if k >= sent_end:
        return None
    if lows[k] in _PERSON_PRONOUNS:
        return (k, k + 1)
    if not (_is_name(toks[k]) or lows[k] in ("the", "a", "an")):
        return None
    b = k
    while b < sent_end and b - k < 8 and (toks[b][0].isalnum() or toks[b] in ("'s", "-", ".")) and lows[b] not in ("that", "on", "in", "at", "when", "as"):
        if toks[b] == "." and not (b > k and len(toks[b - 1]) <= 4 and _is_name(toks[b - 1])):
            break
        b += 1
    return (k, b) if b > k else None


def _classify(doc: Document, parties: PartyIndex | None, span: tuple[int, int] | None) -> tuple[str, bool, str | None]:
    """(source type, anonymous, party) of a source token span."""
    _, anon_heads, doc_heads = _lists()
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
    has_name = any(_is_name(doc.tokens[i]) for i in range(a, b))
    if head in doc_heads:
        return "document", False, party
    if ptype == "person" or head in _PERSON_PRONOUNS:
        return "person", False, party
    if head in anon_heads and ptype != "person":
        generic = anon_heads | doc_heads | _ORG_HEADS | _NOUN_DETERMINERS
        first = doc.sentences[doc.tok_sent[a]].tok_start  # a capital there says nothing
        named = any(
            _is_name(doc.tokens[i]) and i != first and lows[i] not in generic
            and (parties is None or parties.mention_at_token(i) is None)
            for i in range(a, b)
        )
        if not named:
            return "anonymous", True, party
    if ptype == "media":
        return "media", False, party
    if ptype in ("organisation", "armed_group", "country") or head in _ORG_HEADS:
        return "organisation", False, party
    if head in ("they", "we", "it"):
        return "anonymous", False, party
    return ("person" if has_name else "anonymous"), not has_name, party


def _adjacent_quote(doc: Document, pos: int, direction: int):
    """A quotation ending just before ``pos`` (direction -1) or starting just after it (+1)."""
    if direction < 0:
        q = doc.quote_ending_before(pos)
        gap = doc.text[q.end : pos] if q is not None else "x"
        return q if len(gap) <= 6 and gap.strip(" ,*_\n\r\t") == "" else None
    q = doc.quote_starting_after(pos)
    gap = doc.text[pos : q.start] if q is not None else "x"
    return q if len(gap) <= 6 and gap.strip(" ,:*_\n\r\t") == "" else None


def score(doc: Document, parties: PartyIndex | None = None) -> SourcesResult:
    verbs, _, _ = _lists()
    toks, lows, starts, ends = doc.tokens, doc.lowers, doc.tok_starts, doc.tok_ends
    text = doc.text
    citations: list[Citation] = []
    quotes_used: set[int] = set()
    last_person: tuple[tuple[int, int], str | None] | None = None  # (source span, party)
    titles = load_words("titles.txt")
    n = len(toks)
    i = 0
    while i < n:
        low = lows[i]
        is_according = low == "according" and i + 1 < n and lows[i + 1] == "to"
        if not is_according and low not in verbs:
            i += 1
            continue
        prev = lows[i - 1] if i > 0 else ""
        if not is_according:
            if (
                prev in _NOUN_DETERMINERS
                or doc.in_quote(starts[i])
                or (parties is not None and parties.mention_at_token(i) is not None)
                or (
                    low in _NOUN_LIKE
                    and not (i + 1 < n and lows[i + 1] in _VERB_AFTER)
                    and prev not in _PRONOUNS
                    and prev not in _SKIP_BEFORE_VERB
                )
            ):
                i += 1
                continue
        sent = doc.sentences[doc.tok_sent[i]]
        cue_end = i + 2 if is_according else i + 1
        if is_according:
            src = _source_right(doc, i + 1, sent.tok_end) or _left_np_after(doc, i + 2, sent.tok_end)
        else:
            src = _source_left(doc, i, sent.tok_start)
            if src is None or lows[src[0]] == "it":
                src = _source_right(doc, i, sent.tok_end) or src
        if (
            not is_according and lows[i].endswith("ing") and prev == "," and citations
            and citations[-1].cue is not None and doc.sentence_index(citations[-1].cue[0]) == doc.tok_sent[i]
        ):
            # "..., X said, noting that ...": the participle continues X's attribution
            prev_c = citations[-1]
            src = (doc.token_index(prev_c.source[0]), doc.token_index(prev_c.source[1] - 1) + 1) if prev_c.source else None
        stype, anon, party = _classify(doc, parties, src)
        if src is not None and last_person is not None and party is None and (
            lows[src[0]] in _PERSON_PRONOUNS
            or all(lows[t] in titles or lows[t] in ("the", "a", ".") for t in range(*src))
        ):
            # "he said", "the general-major added": the person cited last
            stype, anon, party = "person", False, last_person[1]
        # content: an adjacent quotation, else the rest of the sentence
        content = None
        kind = "indirect"
        left_edge = starts[src[0]] if src is not None and src[0] < i else starts[i]
        q = _adjacent_quote(doc, left_edge, -1) or _adjacent_quote(doc, ends[cue_end - 1], +1)
        if q is not None:
            content = (q.content_start, q.content_end)
            quotes_used.add(q.start)
            kind = "direct"
        else:
            # token ranges only: a huge sentence must not be copied per cue
            r0 = src[1] if src is not None and src[0] > i else cue_end
            r1 = sent.tok_end
            while r0 < r1 and toks[r0] in _EDGE_PUNCT:
                r0 += 1
            while r1 > r0 and toks[r1 - 1] in _EDGE_PUNCT:
                r1 -= 1
            if r1 - r0 >= 3:
                content = (starts[r0], ends[r1 - 1])
            else:
                l1 = src[0] if src is not None and src[0] < i else i
                l0 = sent.tok_start
                while l1 > l0 and toks[l1 - 1] in _EDGE_PUNCT:
                    l1 -= 1
                if l1 - l0 >= 3:
                    content = (starts[l0], ends[l1 - 1])
        src_span = None if src is None else (starts[src[0]], ends[src[1] - 1])
        c = Citation(kind, (starts[i], ends[cue_end - 1]), src_span, stype, content, anon, party)
        citations.append(c)
        if stype == "person" and src_span is not None and lows[src[0]] not in _PERSON_PRONOUNS:
            last_person = (src_span, party)
        i = cue_end
    # quotations with no cue of their own: carried to the previous speaker
    quoted_words = 0
    direct_quotes = 0
    cue_starts = [c.cue[0] for c in citations]  # all cued so far, in text order
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
        k = bisect_left(cue_starts, q.start) - 1
        prev_c = citations[k] if k >= 0 else None
        if prev_c is not None and prev_c.source is not None and doc.sentence_index(q.start) - doc.sentence_index(prev_c.cue[0]) <= 4:
            citations.append(Citation("quote", None, prev_c.source, prev_c.source_type, (q.content_start, q.content_end), prev_c.anonymous, prev_c.party))
    citations.sort(key=lambda c: (c.cue or c.content)[0])
    attributed = {doc.sentence_index(c.cue[0]) for c in citations if c.cue is not None}
    return SourcesResult(text, tuple(citations), doc.n_words, len(doc.sentences), direct_quotes, quoted_words, len(attributed))


def _left_np_after(doc: Document, k: int, sent_end: int) -> tuple[int, int] | None:
    """Noun phrase starting at token ``k`` (the object of "according to")."""
    lows = doc.lowers
    b = k
    while b < sent_end and b - k < 8 and doc.tokens[b][0].isalnum() and lows[b] not in ("that", "which", "who"):
        b += 1
    return (k, b) if b > k else None
