"""Sentiment toward each party.

First version: every mention of a party is scored with VADER's compound
score of the *clause* that holds it (the sentence cut at ``;``, ``:``,
dashes and contrastive "but"/"however"/"while"; at most 30 tokens either
side of the mention), never the whole article (VADER's compound saturates
on long text).  A party's score is the mean
over its mentions; its label uses VADER's customary thresholds:
``score >= 0.05`` positive, ``score <= -0.05`` negative, else neutral, and
the same thresholds count positive/neutral/negative mentions.

Each mention is evidence: its offsets, the clause it was scored on, its
score and whether it sits inside a quotation (``in_quote``) -- the mean is
split into ``by_voice: {author, quoted}``.

Weak spots: the clause score is about the clause, not the party ("Russia
denied killing civilians" is negative for Russia only by VADER's reading of
"killing"); the party-sentiment issue makes it target-aware.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mediabias.measures.parties import PartyIndex
from mediabias.text.document import Document

NAME = "sentiment"
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05
CLAUSE_WINDOW = 30  # tokens either side of a mention at most
_CLAUSE_BREAKS = frozenset({";", ":", "\u2014", "\u2013", "but", "however", "while", "whereas", "although"})


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def label_for(score: float | None) -> str | None:
    if score is None:
        return None
    if score >= POSITIVE_THRESHOLD:
        return "positive"
    if score <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int
    score: float
    clause_start: int
    clause_end: int
    in_quote: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "label": label_for(self.score),
            "clause": {"start": self.clause_start, "end": self.clause_end},
            "in_quote": self.in_quote,
        }


@dataclass(frozen=True, slots=True)
class PartySentiment:
    name: str
    kind: str
    aliases: tuple[str, ...]
    affiliation: str | None
    evidence: tuple[Evidence, ...]

    @property
    def score(self) -> float | None:
        return _mean([e.score for e in self.evidence])

    def to_dict(self) -> dict[str, Any]:
        scores = [e.score for e in self.evidence]
        author = [e.score for e in self.evidence if not e.in_quote]
        quoted = [e.score for e in self.evidence if e.in_quote]
        mean = _mean(scores)
        return {
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "affiliation": self.affiliation,
            "mentions": len(self.evidence),
            "score": mean,
            "label": label_for(mean),
            "positive": sum(1 for s in scores if s >= POSITIVE_THRESHOLD),
            "neutral": sum(1 for s in scores if NEGATIVE_THRESHOLD < s < POSITIVE_THRESHOLD),
            "negative": sum(1 for s in scores if s <= NEGATIVE_THRESHOLD),
            "by_voice": {
                "author": {"mentions": len(author), "score": _mean(author), "label": label_for(_mean(author))},
                "quoted": {"mentions": len(quoted), "score": _mean(quoted), "label": label_for(_mean(quoted))},
            },
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class SentimentResult:
    parties: tuple[PartySentiment, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "thresholds": {"positive": POSITIVE_THRESHOLD, "negative": NEGATIVE_THRESHOLD},
            "parties": [p.to_dict() for p in self.parties],
        }


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _clause_breaks(doc: Document) -> list[int]:
    """Token indices of clause breaks, in order (computed once per document)."""
    return [k for k, low in enumerate(doc.lowers) if low in _CLAUSE_BREAKS]


def _clause(doc: Document, breaks: list[int], tok_start: int, tok_end: int) -> tuple[int, int]:
    """Token range of the clause around tokens ``[tok_start, tok_end)``."""
    sent = doc.sentences[doc.tok_sent[tok_start]]
    k = bisect_left(breaks, tok_start)
    a = breaks[k - 1] + 1 if k > 0 else 0
    j = bisect_left(breaks, tok_end)
    b = breaks[j] if j < len(breaks) else len(doc.lowers)
    a, b = max(a, sent.tok_start), min(b, sent.tok_end)
    # a run-on "clause" (lists, text without punctuation) is cut to a window
    # around the mention: VADER's cost grows with the square of its input
    return max(a, tok_start - CLAUSE_WINDOW), min(b, tok_end + CLAUSE_WINDOW)


def score(doc: Document, parties: PartyIndex) -> SentimentResult:
    vader = _vader()
    cache: dict[tuple[int, int], float] = {}
    by_party: dict[str, list[Evidence]] = {name: [] for name in parties.parties}
    breaks = _clause_breaks(doc)
    for m in parties.mentions:
        a, b = _clause(doc, breaks, m.tok_start, m.tok_end)
        if a >= b:
            continue
        cs, ce = doc.tok_starts[a], doc.tok_ends[b - 1]
        s = cache.get((cs, ce))
        if s is None:
            s = cache[(cs, ce)] = vader.polarity_scores(doc.text[cs:ce])["compound"]
        by_party.setdefault(m.party, []).append(
            Evidence(doc.text[m.start : m.end], m.start, m.end, s, cs, ce, doc.in_quote(m.start, m.end))
        )
    out = []
    for name, ev in by_party.items():
        p = parties.parties[name]
        # user parties list their configured aliases; detected ones the forms found
        aliases = p.aliases if p.kind == "user" else tuple(dict.fromkeys(e.text for e in ev))
        out.append(PartySentiment(name, p.kind, aliases, p.affiliation, tuple(ev)))
    out.sort(key=lambda p: (-len(p.evidence), p.name))
    return SentimentResult(tuple(out))
