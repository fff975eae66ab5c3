"""Hedging and distancing: how far the text keeps its claims at arm's length.

Categories (word lists in ``mediabias/lexicons/<category>.txt``):

* ``hedge`` -- epistemic modals and lexical hedges (may, might, appears to);
* ``distancing`` -- alleged, suspected, so-called ... and *scare quotes*, a
  quoted phrase of one to four words that is not reported speech;
* ``weasel`` -- unnamed attribution (some say, critics argue);
* ``booster`` -- certainty (clearly, of course); reported, never counted as
  hedging.

All lists are matched in one pass over the Document's lower-cased tokens.
Context rules drop "May" the month, "might" the noun, negated modals ("could
not") and "suspect(s)" the noun.  A hit inside a quotation is flagged
``in_quote`` (a source's hedging, not the author's) and counted separately
from the author's voice.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mediabias.lexicons import load_list
from mediabias.measures.parties import PartyIndex
from mediabias.text.document import Document
from mediabias.text.phrases import PhraseMatcher

NAME = "hedging"
CATEGORIES = ("hedge", "distancing", "weasel", "booster")
COUNTED = ("hedge", "distancing", "weasel")  # boosters are certainty, not hedging

_MONTH_CONTEXT = frozenset(
    {"in", "since", "until", "till", "last", "next", "early", "late", "mid", "of", "from", "by", "through", "this", "during"}
)
_NOUN_BEFORE_MIGHT = frozenset(
    {"the", "his", "her", "its", "their", "our", "my", "your", "military", "economic", "naval", "air", "full", "all", "'s", "of", "american", "russian", "chinese"}
)
_NEGATORS = frozenset({"not", "never", "n't", "no"})
_MODALS = frozenset({"may", "might", "could"})
_SHORT_QUOTE_WORDS = 4
# A short quotation in a sentence with one of these outside it is a partial
# quotation of somebody's words ("saying the strikes have 'killed hundreds'"),
# not a scare quote.
_SPEECH_CUES = frozenset(
    {"said", "says", "say", "saying", "told", "tells", "added", "wrote", "writes", "stated",
     "called", "calling", "described", "describing", "dubbed", "termed", "according", "quoted"}
)
_SPEECH_OPENERS = frozenset({"i", "we", "you", "he", "she", "they", "it", "this", "there"})


@dataclass(frozen=True, slots=True)
class HedgeHit:
    text: str
    category: str
    start: int
    end: int
    sentence: int
    in_quote: bool
    target_party: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "in_quote": self.in_quote,
            "target_party": self.target_party,
        }


@dataclass(frozen=True, slots=True)
class HedgingResult:
    hits: tuple[HedgeHit, ...]
    n_words: int
    n_sentences: int

    @property
    def counted(self) -> list[HedgeHit]:
        return [h for h in self.hits if h.category in COUNTED]

    def to_dict(self) -> dict[str, Any]:
        counted = self.counted
        author = [h for h in counted if not h.in_quote]
        quoted = [h for h in counted if h.in_quote]
        by_cat = {c: 0 for c in CATEGORIES}
        for h in self.hits:
            by_cat[h.category] += 1
        by_party: dict[str, dict[str, int]] = {}
        for h in counted:
            if h.target_party:
                d = by_party.setdefault(h.target_party, {c: 0 for c in COUNTED})
                d[h.category] += 1
        sentences_hedged = len({h.sentence for h in counted})
        return {
            "count": len(counted),
            "per_1k_words": _rate(len(counted), self.n_words, 1000),
            "per_sentence": _rate(len(counted), self.n_sentences, 1),
            "share_sentences_hedged": _rate(sentences_hedged, self.n_sentences, 1),
            "by_category": by_cat,
            "author_voice": {"count": len(author), "per_1k_words": _rate(len(author), self.n_words, 1000)},
            "quoted": {"count": len(quoted), "per_1k_words": _rate(len(quoted), self.n_words, 1000)},
            "boosters": by_cat["booster"],
            "by_party": by_party,
            "hits": [h.to_dict() for h in self.hits],
        }


def _rate(count: int, denom: int, per: int) -> float | None:
    return None if denom == 0 else count * per / denom


@lru_cache(maxsize=1)
def _matcher() -> PhraseMatcher:
    return PhraseMatcher((p, c) for c in CATEGORIES for p in load_list(f"{c}.txt"))


def _keep(doc: Document, i: int, j: int, category: str) -> str | None:
    """Context rules: the category the hit keeps, or None to drop it."""
    lows = doc.lowers
    first = lows[i]
    prev = lows[i - 1] if i > 0 else ""
    nxt = lows[j] if j < len(lows) else ""
    if first == "may" and j == i + 1:
        tok = doc.tokens[i]
        sent = doc.sentences[doc.tok_sent[i]]
        if tok == "May" and (i != sent.tok_start or nxt[:1].isdigit()):
            return None  # the month
        if prev in _MONTH_CONTEXT and tok == "May":
            return None
    if first == "might" and j == i + 1 and (prev in _NOUN_BEFORE_MIGHT or nxt in (".", ",", "and")):
        return None  # the noun
    if first in _MODALS and j == i + 1 and (nxt in _NEGATORS or lows[i : i + 1] == ["couldn't"]):
        return None  # "could not confirm" states a negative, not a hedge
    if first in ("suspected", "alleged") and prev in ("the", "a", "an", "two", "three", "several") and nxt in (".", ",", "was", "is", "were", "had", "has", "who"):
        return None  # "the suspected was" - a noun use (rare)
    if first in ("claimed",) and nxt in ("responsibility", "the", "victory", "that", "to"):
        return "distancing" if nxt in ("that", "to") else None  # "claimed responsibility": a report, not distance
    if category == "booster" and first == "no" and prev in ("there", "is", "was"):
        return category
    return category


def _target_party(doc: Document, parties: PartyIndex | None, i: int, j: int) -> str | None:
    """The party the hedged claim is about: nearest mention in the clause."""
    if parties is None:
        return None
    sent = doc.sentences[doc.tok_sent[i]]
    best = None
    best_d = 99
    for k in range(max(sent.tok_start, i - 6), min(sent.tok_end, j + 6)):
        m = parties.mention_at_token(k)
        if m is None:
            continue
        if doc.lowers[k] in (";", ":"):
            break
        d = (i - k) if k < i else (k - j + 1)
        if d < best_d:
            best, best_d = parties.party_of(m.party), d
    return best


def _scare_quotes(doc: Document) -> list[tuple[int, int, bool]]:
    """Short quoted phrases (1-4 words) that are not reported speech."""
    # speech-verb positions, once: is there one in the sentence outside the quote?
    cues = [doc.tok_starts[k] for k, low in enumerate(doc.lowers) if low in _SPEECH_CUES]
    out = []
    for q in doc.quotes:
        if not q.closed or q.content_end - q.content_start > 200:
            continue
        inner = doc.text[q.content_start : q.content_end].strip(" *_,.")
        words = inner.split()
        if not words or len(words) > _SHORT_QUOTE_WORDS:
            continue
        if any(c in inner for c in "!?"):
            continue
        if words[0].lower() in _SPEECH_OPENERS:
            continue  # a short sentence of speech: "We examined this report"
        sent = doc.sentences[doc.sentence_index(q.start)]
        in_sentence = bisect_left(cues, sent.end) - bisect_left(cues, sent.start)
        in_quote = bisect_left(cues, q.end) - bisect_left(cues, q.start)
        if in_sentence > in_quote:
            continue  # reported speech: a speech verb in the sentence, outside the quote
        # nested inside a longer quotation: the quoted source's distancing
        out.append((q.content_start, q.content_end, q.depth > 0))
    return out


def score(doc: Document, parties: PartyIndex | None = None) -> HedgingResult:
    hits: list[HedgeHit] = []
    starts, ends = doc.tok_starts, doc.tok_ends
    for m in _matcher().find(doc.lowers):
        cat = _keep(doc, m.tok_start, m.tok_end, m.payload)
        if cat is None:
            continue
        s, e = starts[m.tok_start], ends[m.tok_end - 1]
        hits.append(
            HedgeHit(
                doc.text[s:e], cat, s, e, doc.tok_sent[m.tok_start], doc.in_quote(s, e),
                _target_party(doc, parties, m.tok_start, m.tok_end),
            )
        )
    for s, e, nested in _scare_quotes(doc):
        while s < e and doc.text[s] in " *_":
            s += 1
        while e > s and doc.text[e - 1] in " *_,.":
            e -= 1
        i = doc.token_index(s)
        j = max(i + 1, doc.token_index(e - 1) + 1)
        hits.append(
            HedgeHit(doc.text[s:e], "distancing", s, e, doc.sentence_index(s), nested, _target_party(doc, parties, i, j))
        )
    hits.sort(key=lambda h: h.start)
    return HedgingResult(tuple(hits), doc.n_words, len(doc.sentences))
