"""Sentiment toward each party, per mention and per article.

Each mention of a party is scored from the words that bear on *it*, not
from its whole sentence (:mod:`mediabias.measures.target_features`):
VADER's valences with its negation and booster rules, news vocabulary laid
over VADER's lexicon, party names silenced, weighted by distance and clause,
the verb the mention is subject or object of, quotation and speaker
features -- combined by a small logistic model fitted on NewsMTSC's
training sentences, together with the words around the mention as features
of their own.  A mention's ``score`` is P(positive) - P(negative) in
[-1, 1], with the probabilities calibrated by the two offsets in
``thresholds.mention`` (added to log P(negative) and log P(positive)), and
its label the most probable class (its ``probabilities`` are in the
evidence).

A party's ``score`` is the mean of its mentions' scores and its ``label``
the most probable class of its mentions' mean probabilities -- the same
rule as a mention's (:func:`mediabias.measures.stance.label_of`), so a
one-mention party has its mention's label, mentions that all share a label
give it to their party, and no label disagrees with the sign of its score.
Its ``stance`` -- the article's own view of it, apart from the voices it
carries -- and its ``voices`` are computed by
:mod:`mediabias.measures.stance`.  Every mention is evidence: offsets,
score, the sentence window it was read in, the words that moved it (with their valences), its voice and, inside a quotation or
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

import math
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mediabias.lexicons import load_toml
from mediabias.measures import stance as st
from mediabias.measures.credence import Context
from mediabias.measures import target_features as tf
from mediabias.measures.parties import Mention, PartyIndex
from mediabias.measures.speech import Speech
from mediabias.measures.valence import Words
from mediabias.text.document import Document

NAME = "sentiment"
MAX_WORDS = 5  # evidence words kept per mention (the strongest)


RULE = "most probable class (neutral on a tie) of the probabilities calibrated by the offsets"
PARTY_RULE = "most probable class of the mentions' mean (calibrated) probabilities"


@lru_cache(maxsize=1)
def offsets() -> tuple[float, float]:
    """The offsets added to log P(negative) and log P(positive) to calibrate the model's
    probabilities (chosen by the training script, ``sentiment_model.toml``)."""
    off = load_toml("sentiment_model.toml")["offsets"]
    return float(off["negative"]), float(off["positive"])


def thresholds() -> dict[str, dict[str, Any]]:
    """How labels are given: a mention's, a party's and a stance's by the same rule (:func:`label`).
    ``no_evidence``: the calibrated probabilities of a mention with no evaluative evidence (not
    ``evaluated``): negative and positive equal, so its score is 0 and its label neutral."""
    neg, pos = offsets()
    kn, kp = math.exp(neg), math.exp(pos)
    q = tf.silent_probabilities()
    z = q[0] * kn + q[1] + q[2] * kp
    return {
        "mention": {"rule": RULE, "offsets": {"negative": neg, "positive": pos},
                    "no_evidence": {"negative": q[0] * kn / z, "neutral": q[1] / z, "positive": q[2] * kp / z}},
        "party": {"rule": PARTY_RULE},
    }


def label(probabilities: Any) -> str | None:
    """The label of (calibrated) probabilities (negative, neutral, positive), or None for none."""
    return None if probabilities is None else st.label_of(probabilities)


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
    citation: int | None = None  # index of the citation whose content holds it (in the article's Speech)
    sentence: int = 0  # index of its sentence

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


def _summary(evidence: list[Evidence]) -> dict[str, Any]:
    mean = st.mean_vector([e.probabilities for e in evidence])
    return {"mentions": len(evidence), "score": None if mean is None else mean[2] - mean[0], "label": label(mean)}


@dataclass(frozen=True, slots=True)
class PartySentiment:
    name: str
    kind: str
    aliases: tuple[str, ...]
    affiliation: str | None
    evidence: tuple[Evidence, ...]
    text: str = ""
    user_defined: bool = False
    stance: st.Stance = st.NO_STANCE
    voices: tuple[st.Voice, ...] = ()

    @property
    def probabilities(self) -> tuple[float, float, float] | None:
        """The mean of the mentions' probabilities (None without mentions)."""
        return st.mean_vector([e.probabilities for e in self.evidence])

    @property
    def score(self) -> float | None:
        """The mean of the mention scores (P(positive) - P(negative) of the mean probabilities)."""
        p = self.probabilities
        return None if p is None else p[2] - p[0]

    @property
    def label(self) -> str | None:
        return label(self.probabilities)

    def to_dict(self) -> dict[str, Any]:
        labels = [e.label for e in self.evidence]
        mean = self.probabilities
        by_voice = {v: _summary([e for e in self.evidence if e.voice == v]) for v in ("author", "quoted", "reported")}
        speakers: dict[str, list[Evidence]] = {}
        for e in self.evidence:
            if e.voice != "author" and (e.speaker_party or e.speaker):
                speakers.setdefault(e.speaker_party or e.speaker, []).append(e)
        return {
            "name": self.name,
            "kind": self.kind,
            "user_defined": self.user_defined,
            "aliases": list(self.aliases),
            "affiliation": self.affiliation,
            "mentions": len(self.evidence),
            "score": None if mean is None else mean[2] - mean[0],
            "label": label(mean),
            "positive": labels.count("positive"),
            "neutral": labels.count("neutral"),
            "negative": labels.count("negative"),
            "by_voice": by_voice,
            "by_speaker": {k: _summary(v) for k, v in sorted(speakers.items(), key=lambda kv: -len(kv[1]))},
            "evidence": [e.to_dict(self.text) for e in self.evidence],
            "stance": self.stance.to_dict(self.text),
            "voices": [v.to_dict(self.text) for v in self.voices],
        }


@dataclass(frozen=True, slots=True)
class SentimentResult:
    parties: tuple[PartySentiment, ...]
    group_people: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "thresholds": thresholds(),
            "group_people": self.group_people,
            "parties": [p.to_dict() for p in self.parties],
        }


@lru_cache(maxsize=1)
def _silent_assessment() -> tuple[list[float], str]:
    """(probabilities, label) of a mention with no evidence (the model's no-evidence logits)."""
    return tf.assess([0.0] * len(tf.FEATURES), (0.0, 0.0))


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
        if self._silent(a, b, w0, w1, hits):  # nothing evaluative can reach it: the features would say so
            return (*_silent_assessment(), a, b, w0, w1, [], False)
        shown: list[int] = []  # the words that count for it in its clause
        x = tf.features(self.words, a, b, w0, w1, hits, self.said.get(tok_start) if self.said else None, shown)
        evaluated = tf.has_evidence(x)
        lex = tf.word_logits(self.words, a, b, w0, w1) if evaluated else (0.0, 0.0)
        return (*tf.assess(x, lex), a, b, w0, w1, shown, evaluated)

    def _silent(self, a: int, b: int, w0: int, w1: int, hits: list[int]) -> bool:
        """True when no word with a valence lies in the mention's window or clause (the only places
        a named feature reads one from) and no accusation word near it: then it has no evidence,
        and its features need not be computed (a shortcut, not a rule: the result is the same)."""
        w = self.words
        clo, chi = w.clause_range(a, w0, w1)
        lo, hi = min(max(w0, a - tf.WINDOW), clo), max(min(w1, b + tf.WINDOW), chi)
        for j in hits[bisect_left(hits, lo) : bisect_left(hits, hi)]:
            if not a <= j < b:
                return False
        acc = w.accused
        return bisect_left(acc, max(clo, a - 6)) == bisect_left(acc, min(chi, b + 6))

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


def score(doc: Document, parties: PartyIndex, *, sources: Any = None, hedging: Any = None,
          speech: Speech | None = None, group_people: bool = False) -> SentimentResult:
    """Sentiment toward every party of ``parties`` in ``doc``.

    ``sources`` (a SourcesResult) names who said quoted and reported words;
    ``hedging`` (a HedgingResult computed with the same sources) gives the
    author's distancing, from which each voice's credence is read -- without
    it, it is computed here; ``speech`` is the caller's :class:`Speech` of
    the same sources; ``group_people`` counts a person's mentions toward their
    affiliation.
    """
    if speech is None:
        speech = Speech(doc, parties, sources)
    if hedging is None and sources is not None:
        from mediabias.measures import hedging as hedging_measure

        hedging = hedging_measure.score(doc, parties, speech=speech)
    reader = Reader(doc, parties.mentions, sources)
    kn, kp = (math.exp(o) for o in offsets())  # the offsets on the probabilities: calibrate() inlined
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
        raw, _, a, b, w0, w1, shown, evaluated = reader.score(m.tok_start, m.tok_end)
        pn, p0, pp = raw[0] * kn, raw[1], raw[2] * kp
        z = pn + p0 + pp
        p = (pn / z, p0 / z, pp / z)
        lo, hi = max(w0, a - tf.WINDOW), min(w1, b + tf.WINDOW)
        words = [(starts[j], ends[j], w.val[j]) for j in shown]
        if len(words) > MAX_WORDS:
            words = sorted(sorted(words, key=lambda x: -abs(x[2]))[:MAX_WORDS])
        window = (starts[lo], ends[hi - 1])
        in_quote = doc.in_quote(m.start, m.end)
        k = speech.citation_at(m.start, m.end)
        if k is not None:
            c = speech.citations[k]
            voice = "quoted" if c.kind in ("direct", "quote") or in_quote else "reported"
            speaker, speaker_party = (text[c.source[0] : c.source[1]] if c.source else None), c.party
        else:
            voice, speaker, speaker_party = ("quoted" if in_quote else "author"), None, None
        by_party.setdefault(folded.get(m.party, m.party), []).append(
            Evidence(text[m.start : m.end], m.start, m.end, p[2] - p[0], label(p), tuple(p), window[0], window[1],
                     in_quote, voice, speaker, speaker_party, tuple(words), m.party if m.party in folded else None,
                     m.via, evaluated, k, doc.tok_sent[m.tok_start])
        )
    ctx = Context(doc, parties, speech, hedging)
    out = []
    for name, ev in by_party.items():
        p = parties.parties[name]
        # user parties list their configured aliases; detected ones the forms found
        aliases = p.aliases if p.user_defined else tuple(dict.fromkeys(e.text for e in ev))
        stance, voices = st.stance(name, ev, ctx)
        out.append(PartySentiment(name, p.kind, aliases, p.affiliation, tuple(ev), text, p.user_defined, stance, voices))
    out.sort(key=lambda p: (-len(p.evidence), p.name))
    return SentimentResult(tuple(out), group_people)
