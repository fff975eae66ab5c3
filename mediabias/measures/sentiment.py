"""Sentiment toward each party, per mention and per article.

Each mention of a party is scored from the words that bear on *it*, not
from its whole sentence (:mod:`mediabias.measures.target_features`):
VADER's valences with its negation and booster rules, news vocabulary laid
over VADER's lexicon, party names silenced, weighted by distance and clause,
the verb the mention is subject or object of, quotation and speaker
features -- combined by a small logistic model fitted on NewsMTSC's
training sentences, together with the words around the mention as features
of their own.  A mention's ``score`` is P(positive) - P(negative) in
[-1, 1]; its label is the most probable class after the two offsets in
``thresholds.mention`` (its ``probabilities`` are in the evidence).

A party's ``score`` is the mean of its mentions' scores -- the article's
stance toward it -- labelled with the document thresholds.  Every mention
is evidence: offsets, score, the sentence window it was read in, the words
that moved it (with their valences), its voice and, inside a quotation or
reported speech, who said it (from the sources measure when it ran):

* ``author`` -- the journalist's own words;
* ``quoted`` -- inside quotation marks;
* ``reported`` -- in the content of an indirect attribution ("the ministry
  said the report was biased").

``by_voice`` splits the mean by voice and ``by_speaker`` by the party (or
name) of whoever said it.  With ``group_people=True`` a person's mentions
count toward the party the person speaks for (the affiliation the parties
measure found: Konashenkov -> Russia) and the person is not listed apart.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mediabias.lexicons import load_toml
from mediabias.measures import target_features as tf
from mediabias.measures.parties import Mention, PartyIndex
from mediabias.measures.valence import Words
from mediabias.text.document import Document

NAME = "sentiment"
MAX_WORDS = 5  # evidence words kept per mention (the strongest)


@lru_cache(maxsize=1)
def thresholds() -> dict[str, dict[str, Any]]:
    """How labels are given, chosen by the training script: a mention's by the most probable
    class after offsets on the negative and positive log-probabilities; a party's (an
    article's) by thresholds on the mean score."""
    data = load_toml("sentiment_model.toml")
    t, off = data["thresholds"]["document"], data["offsets"]
    p = tf.silent_probabilities()
    return {
        "mention": {"rule": "most probable class after offsets",
                    "offsets": {"negative": float(off["negative"]), "positive": float(off["positive"])},
                    "no_evidence": {"negative": p[0], "neutral": p[1], "positive": p[2]}},
        "document": {"positive": float(t["positive"]), "negative": float(t["negative"])},
    }


def label_for(score: float | None, level: str = "document") -> str | None:
    if score is None:
        return None
    t = thresholds()[level]
    if score >= t["positive"]:
        return "positive"
    if score <= t["negative"]:
        return "negative"
    return "neutral"


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int
    score: float
    label: str
    probabilities: tuple[float, float, float]
    clause_start: int
    clause_end: int
    in_quote: bool
    voice: str  # author | quoted | reported
    speaker: str | None = None  # text of the source, when known
    speaker_party: str | None = None
    words: tuple[tuple[int, int, float], ...] = ()
    person: str | None = None  # the person mentioned, when grouped into a party
    via: str | None = None  # how the parties measure found the mention ("name", "role noun" ...)
    evaluated: bool = True  # an evaluative word or accusation bears on it (else: score 0, neutral)

    def to_dict(self, text: str) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "label": self.label,
            "probabilities": {"negative": self.probabilities[0], "neutral": self.probabilities[1],
                              "positive": self.probabilities[2]},
            "clause": {"start": self.clause_start, "end": self.clause_end},
            "in_quote": self.in_quote,
            "voice": self.voice,
            "speaker": None if self.speaker is None else {"text": self.speaker, "party": self.speaker_party},
            "words": [{"text": text[s:e], "start": s, "end": e, "valence": v} for s, e, v in self.words],
            "evaluated": self.evaluated,
        }
        if self.person is not None:
            d["person"] = self.person
        if self.via is not None:
            d["via"] = self.via
        return d


def _summary(scores: list[float]) -> dict[str, Any]:
    mean = _mean(scores)
    return {"mentions": len(scores), "score": mean, "label": label_for(mean, "document")}


@dataclass(frozen=True, slots=True)
class PartySentiment:
    name: str
    kind: str
    aliases: tuple[str, ...]
    affiliation: str | None
    evidence: tuple[Evidence, ...]
    text: str = ""
    user_defined: bool = False

    @property
    def score(self) -> float | None:
        return _mean([e.score for e in self.evidence])

    def to_dict(self) -> dict[str, Any]:
        scores = [e.score for e in self.evidence]
        labels = [e.label for e in self.evidence]
        mean = _mean(scores)
        by_voice = {v: _summary([e.score for e in self.evidence if e.voice == v]) for v in ("author", "quoted", "reported")}
        speakers: dict[str, list[float]] = {}
        for e in self.evidence:
            if e.voice != "author" and (e.speaker_party or e.speaker):
                speakers.setdefault(e.speaker_party or e.speaker, []).append(e.score)
        return {
            "name": self.name,
            "kind": self.kind,
            "user_defined": self.user_defined,
            "aliases": list(self.aliases),
            "affiliation": self.affiliation,
            "mentions": len(self.evidence),
            "score": mean,
            "label": label_for(mean, "document"),
            "positive": labels.count("positive"),
            "neutral": labels.count("neutral"),
            "negative": labels.count("negative"),
            "by_voice": by_voice,
            "by_speaker": {k: _summary(v) for k, v in sorted(speakers.items(), key=lambda kv: -len(kv[1]))},
            "evidence": [e.to_dict(self.text) for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class SentimentResult:
    parties: tuple[PartySentiment, ...]
    group_people: bool = False

    def to_dict(self) -> dict[str, Any]:
        t = thresholds()
        return {
            "thresholds": t,
            "group_people": self.group_people,
            "parties": [p.to_dict() for p in self.parties],
        }


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


class Reader:
    """The words of one document with every party mention's words silenced; scores mentions.

    With the sources measure's result, a mention inside a citation's source
    ("Russian defense ministry spokesman Igor Konashenkov said ...") knows
    what was said: those words are about others, and are kept apart.
    """

    def __init__(self, doc: Document, mentions: list[Mention], sources: Any = None) -> None:
        self.doc = doc
        self.words = Words(doc, [(m.tok_start, m.tok_end) for m in mentions])
        self.said: dict[int, tuple[int, int]] = {}
        if sources is not None:
            index = doc.token_index
            for c in sources.citations:
                if c.source is not None and c.content is not None and c.cue is not None:
                    content = (index(c.content[0]), index(c.content[1] - 1) + 1)
                    # "said Philip Luther, director ... at Amnesty International"; "a report by Amnesty that said"
                    for who in (c.extent or c.source, c.refers_to):
                        if who is not None:
                            for t in range(index(who[0]), index(who[1] - 1) + 1):
                                self.said.setdefault(t, content)

    def _place(self, tok_start: int, tok_end: int) -> tuple[int, int, int, int, list[int]]:
        s = self.doc.sentences[self.doc.tok_sent[tok_start]]
        return tok_start, min(tok_end, s.tok_end), s.tok_start, s.tok_end, self.words.sentence(self.doc.tok_sent[tok_start])

    def score(self, tok_start: int, tok_end: int) -> tuple[list[float], str, int, int, int, int, list[int], bool]:
        """(probabilities, label, a, b, w0, w1, words, evaluated) of the mention at tokens ``[tok_start,
        tok_end)``: its token range cut at its sentence's end, its sentence's token range, the tokens
        of the words that count for it in its clause, and whether it has evaluative evidence at all."""
        a, b, w0, w1, hits = self._place(tok_start, tok_end)
        shown: list[int] = []  # the words that count for it in its clause
        x = tf.features(self.words, a, b, w0, w1, hits, self.said.get(tok_start) if self.said else None, shown)
        evaluated = tf.has_evidence(x)
        lex = tf.word_logits(self.words, a, b, w0, w1) if evaluated else (0.0, 0.0)
        return (*tf.assess(x, lex), a, b, w0, w1, shown, evaluated)

    def aimed_words(self, tok_start: int, tok_end: int) -> list[tuple[int, bool]]:
        """The valence words around the mention at tokens ``[tok_start, tok_end)``, each with
        whether it is aimed at it (for training)."""
        a, b, w0, w1, hits = self._place(tok_start, tok_end)
        return tf.aimed_words(self.words, a, b, w0, w1, hits)

    def features(self, tok_start: int, tok_end: int) -> tuple[list[float], dict[str, float]]:
        """The named and word features of the mention at tokens ``[tok_start, tok_end)`` (for
        training and benchmarks)."""
        a, b, w0, w1, hits = self._place(tok_start, tok_end)
        x = tf.features(self.words, a, b, w0, w1, hits, self.said.get(tok_start) if self.said else None)
        return x, tf.lexical(self.words, a, b, w0, w1)


class _Speakers:
    """Who said the words at an offset: the content spans of the sources measure's citations."""

    def __init__(self, doc: Document, sources: Any) -> None:
        spans = []
        if sources is not None:
            for c in sources.citations:
                if c.content is not None and c.source is not None:
                    who = doc.text[c.source[0] : c.source[1]]
                    spans.append((c.content[0], c.content[1], who, c.party, c.kind in ("direct", "quote")))
        spans.sort()
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def at(self, start: int, end: int) -> tuple[str, str | None, bool] | None:
        """(speaker, party, quoted) of the innermost citation whose content holds ``[start, end)``."""
        k = bisect_right(self.starts, start) - 1
        for _ in range(4):  # contents rarely nest deeper than this
            if k < 0:
                return None
            cs, ce, who, party, quoted = self.spans[k]
            if end <= ce:
                return who, party, quoted
            k -= 1
        return None


def score(doc: Document, parties: PartyIndex, *, sources: Any = None, group_people: bool = False) -> SentimentResult:
    """Sentiment toward every party of ``parties`` in ``doc``.

    ``sources`` (a SourcesResult) names who said quoted and reported words;
    ``group_people`` counts a person's mentions toward their affiliation.
    """
    reader = Reader(doc, parties.mentions, sources)
    speakers = _Speakers(doc, sources)
    by_party: dict[str, list[Evidence]] = {name: [] for name in parties.parties}
    folded: dict[str, str] = {}
    if group_people:
        for name, p in parties.parties.items():
            if p.kind == "person" and p.affiliation and p.affiliation in parties.parties:
                folded[name] = p.affiliation
                by_party.pop(name, None)
    text = doc.text
    w = reader.words
    starts, ends = doc.tok_starts, doc.tok_ends
    for m in parties.mentions:
        p, lab, a, b, w0, w1, shown, evaluated = reader.score(m.tok_start, m.tok_end)
        lo, hi = max(w0, a - tf.WINDOW), min(w1, b + tf.WINDOW)
        words = [(starts[j], ends[j], w.val[j]) for j in shown]
        if len(words) > MAX_WORDS:
            words = sorted(sorted(words, key=lambda x: -abs(x[2]))[:MAX_WORDS])
        window = (starts[lo], ends[hi - 1])
        in_quote = doc.in_quote(m.start, m.end)
        said = speakers.at(m.start, m.end)
        if said is not None:
            voice = "quoted" if said[2] or in_quote else "reported"
            speaker, speaker_party = said[0], said[1]
        else:
            voice, speaker, speaker_party = ("quoted" if in_quote else "author"), None, None
        by_party.setdefault(folded.get(m.party, m.party), []).append(
            Evidence(text[m.start : m.end], m.start, m.end, p[2] - p[0], lab, tuple(p), window[0], window[1], in_quote,
                     voice, speaker, speaker_party, tuple(words), m.party if m.party in folded else None, m.via,
                     evaluated)
        )
    out = []
    for name, ev in by_party.items():
        p = parties.parties[name]
        # user parties list their configured aliases; detected ones the forms found
        aliases = p.aliases if p.user_defined else tuple(dict.fromkeys(e.text for e in ev))
        out.append(PartySentiment(name, p.kind, aliases, p.affiliation, tuple(ev), text, p.user_defined))
    out.sort(key=lambda p: (-len(p.evidence), p.name))
    return SentimentResult(tuple(out), group_people)
