"""The article's own stance toward each party, apart from the voices it carries.

The sentiment measure scores every mention of a party (probabilities of
negative / neutral / positive).  Here those mentions are sorted by whose
words they are in, and the article's **stance** toward the party is a
weighted mean of probability vectors -- one *part* for the author and one
for each voice it carries:

* the **author's part**: the party's mentions in the author's own words --
  outside every citation, or in the indirect speech of a speaker the
  article does not distance (reported speech is the author's paraphrase).
  An accusation frame in the author's voice with the party as its subject
  ("Russia *refused to*", "the ministry *failed to*", "Moscow *falsely
  claimed*", ``lexicons/author_frames.txt``) makes that mention read
  negative (1, 0, 0).  Its view is the mean of these mentions' vectors,
  its weight the words of the sentences that hold them, less the words
  inside a voice's quotation.
* a **voice's part** (a speaker: a party, a person, or anonymous): its
  view is the mean vector of its mentions of the party in the words it is
  given (its quotations, and its indirect speech when distanced); its
  weight the words of those citations times the author's **credence**
  toward it (endorsed 1, neutral 0.5, distanced 1).  A party speaking for
  itself (its officials, its ministry) speaks in its own favour: its view
  is (0, 0, 1), whatever war vocabulary its denials hold, and all its
  words count.  A distanced voice's view is turned around (negative and
  positive swapped): what the article holds at arm's length counts
  against that voice's view, not as the author's.

``stance.score`` is P(positive) - P(negative) of the mixture and its label
the same rule as a mention's and a party's (:func:`label_of`: the most
probable class).

The **credence** of each voice and the author's accusation frames come from
:mod:`mediabias.measures.credence` (one :class:`~mediabias.measures.credence.Context`
per article).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from mediabias.measures.credence import Context

AUTHOR = "author"
# how much of a part's words count in the stance, by the credence it is carried with
CREDENCE_WEIGHT = {AUTHOR: 1.0, "endorsed": 1.0, "neutral": 0.5, "distanced": 1.0}
SELF_VIEW = (0.0, 0.0, 1.0)  # a party speaking for itself
FRAME_VIEW = (1.0, 0.0, 0.0)  # a mention that is the subject of an accusation frame


def label_of(p: Iterable[float]) -> str:
    """The label of probabilities ``p`` = (negative, neutral, positive): the most probable class,
    neutral on a tie.  Each class's region is convex, so the mean of vectors that share a label
    has that label, and a polar label never disagrees with the sign of P(positive) - P(negative)."""
    neg, neu, pos = p
    if pos > neg and pos > neu:
        return "positive"
    if neg > pos and neg > neu:
        return "negative"
    return "neutral"


def calibrate(p: Iterable[float], offsets: tuple[float, float]) -> tuple[float, float, float]:
    """Probabilities with ``offsets`` added to log P(negative) and log P(positive), normalised again:
    the model's class priors as the training script calibrated them.  Their most probable class is
    the class the model's rule gives (the most probable after the offsets)."""
    neg, neu, pos = p
    neg, pos = neg * math.exp(offsets[0]), pos * math.exp(offsets[1])
    total = neg + neu + pos
    return neg / total, neu / total, pos / total


def mean_vector(vectors: list[tuple[float, float, float]], weights: list[float] | None = None) -> tuple[float, float, float] | None:
    """The (weighted) mean of probability vectors, or None for none."""
    if weights is None:
        weights = [1.0] * len(vectors)
    total = sum(weights)
    if not vectors or total <= 0:
        return None
    return (sum(w * v[0] for v, w in zip(vectors, weights)) / total,
            sum(w * v[1] for v, w in zip(vectors, weights)) / total,
            sum(w * v[2] for v, w in zip(vectors, weights)) / total)


def _flip(v: tuple[float, float, float]) -> tuple[float, float, float]:
    return v[2], v[1], v[0]


@dataclass(frozen=True, slots=True)
class Voice:
    speaker: str
    party: str | None
    type: str  # party | person | anonymous
    self: bool
    mentions: int
    words: int
    probabilities: tuple[float, float, float] | None
    label: str | None
    credence: str
    credence_evidence: tuple[tuple[int, int, str], ...]
    weight: float  # its weight in the stance (0: its words count as the author's)
    view: tuple[float, float, float] | None  # the vector its part contributes to the stance

    def to_dict(self, text: str) -> dict[str, Any]:
        p = self.probabilities
        return {
            "speaker": self.speaker,
            "party": self.party,
            "type": self.type,
            "self": self.self,
            "mentions": self.mentions,
            "words": self.words,
            "score": None if p is None else p[2] - p[0],
            "label": self.label,
            "credence": self.credence,
            "credence_evidence": [{"text": text[s:e], "start": s, "end": e, "why": why}
                                  for s, e, why in self.credence_evidence],
            "weight": self.weight,
            "view": None if self.view is None else self.view[2] - self.view[0],
        }


@dataclass(frozen=True, slots=True)
class Stance:
    probabilities: tuple[float, float, float] | None
    label: str | None
    author_mentions: int = 0
    author_words: int = 0
    author_view: tuple[float, float, float] | None = None
    frames: tuple[tuple[int, int], ...] = ()
    parts: tuple["Part", ...] = ()

    def to_dict(self, text: str) -> dict[str, Any]:
        p, a = self.probabilities, self.author_view
        return {
            "score": None if p is None else p[2] - p[0],
            "label": self.label,
            "probabilities": None if p is None else {"negative": p[0], "neutral": p[1], "positive": p[2]},
            "author": {
                "mentions": self.author_mentions,
                "words": self.author_words,
                "weight": float(self.author_words),
                "score": None if a is None else a[2] - a[0],
                "frames": [{"text": text[s:e], "start": s, "end": e} for s, e in self.frames],
            },
        }


NO_STANCE = Stance(None, None)


@dataclass(frozen=True, slots=True)
class Part:
    """One part of a stance: a view of the party (a probability vector, before a distanced voice's
    is turned around), the words it rests on and the credence it is carried with (``author`` for
    the author's own part)."""

    view: tuple[float, float, float]
    words: int
    credence: str

    def weight(self, weights: dict[str, float] | None = None) -> float:
        return self.words * (weights or CREDENCE_WEIGHT)[self.credence]

    def turned(self) -> tuple[float, float, float]:
        """The view as it counts in the stance: a distanced voice's turned around."""
        return _flip(self.view) if self.credence == "distanced" else self.view


def mix(parts: Iterable[Part], weights: dict[str, float] | None = None) -> tuple[float, float, float] | None:
    """The stance's probability vector: the parts' views (turned around when distanced) weighted by
    their words times their credence weight (``weights``, by default :data:`CREDENCE_WEIGHT`)."""
    parts = list(parts)
    return mean_vector([p.turned() for p in parts], [p.weight(weights) for p in parts])


def _mean(vectors: list[tuple[float, float, float]]) -> tuple[float, float, float] | None:
    n = len(vectors)
    if n == 0:
        return None
    if n == 1:
        return vectors[0]
    a = b = c = 0.0
    for x, y, z in vectors:
        a += x
        b += y
        c += z
    return a / n, b / n, c / n


def stance(name: str, evidence: Iterable[Any], ctx: "Context") -> tuple[Stance, tuple[Voice, ...]]:
    """The stance toward party ``name`` and the voices that speak about it, from its mentions'
    ``evidence`` (objects with ``start``, ``probabilities``, ``sentence`` -- its sentence's index
    -- and ``citation``: the index of the innermost citation whose content holds the mention in
    ``ctx.speech``, or None)."""
    evidence = list(evidence)
    if not evidence:
        return NO_STANCE, ()
    speech, parties, not_speech, frames_at = ctx.speech, ctx.parties, ctx.not_speech, ctx.frames
    own = {name, parties.party_of(name)} if parties is not None and name in parties.parties else {name}
    author: list[tuple[float, float, float]] = []
    author_sentences: set[int] = set()
    frames: list[tuple[int, int]] = []
    # per voice key: [speaker, its mentions' vectors, its citations concerning the party, those that
    # are its part of the stance, and the vectors of the mentions in these]
    voices: dict[str, list[Any]] = {}
    for e in evidence:
        k = e.citation
        if k is None or k in not_speech:  # not_speech: "Russia admitted that ...", the author's framing
            frame = frames_at.get(e.start) if frames_at else None
            if frame is not None:
                author.append(FRAME_VIEW)
                frames.append(frame)
            else:
                author.append(e.probabilities)
            author_sentences.add(e.sentence)
            continue
        p = e.probabilities
        sp = speech.speaker(k)
        v = voices.get(sp.key)
        if v is None:
            v = voices[sp.key] = [sp, [], set(), set(), []]
        v[1].append(p)
        v[2].add(k)
        if sp.party in own or speech.citations[k].kind != "indirect" or ctx.credence_of(sp.key)[0] == "distanced":
            v[3].add(k)
            v[4].append(p)
        else:  # reported speech the article does not distance: the author's paraphrase
            author.append(p)
            author_sentences.add(e.sentence)
    # a party speaking for itself is its voice even where it does not name itself
    for party in own:
        for k in ctx.by_party.get(party, ()):
            sp = speech.speaker(k)
            v = voices.get(sp.key)
            if v is None:
                v = voices[sp.key] = [sp, [], set(), set(), []]
            v[2].add(k)
            v[3].add(k)
    out: list[Voice] = []
    parts: list[Part] = []
    voiced = set().union(*(v[3] for v in voices.values())) if voices else set()
    author_words = 0
    count = ctx.author_words
    for si in author_sentences:
        author_words += count(si, voiced)
    author_view = _mean(author)
    if author_view is not None:
        parts.append(Part(author_view, author_words, AUTHOR))
    own_words = speech.own_words
    for key, (sp, ps, cites, in_stance, stance_ps) in voices.items():
        is_self = sp.party is not None and sp.party in own
        credence, why = ctx.credence_of(key)
        mean = _mean(ps)
        view = SELF_VIEW if is_self else _mean(stance_ps)
        weight, turned = 0.0, None
        if view is not None and in_stance:
            part = Part(view, sum(own_words[k] for k in in_stance), credence)
            parts.append(part)
            weight, turned = part.weight(), part.turned()
        out.append(Voice(sp.key, sp.party, sp.type, is_self, len(ps), sum(own_words[k] for k in cites), mean,
                         None if mean is None else label_of(mean), credence, why, weight, turned))
    if len(out) > 1:
        out.sort(key=lambda v: (-v.words, -v.mentions, v.speaker))
    if len(parts) == 1 and parts[0].words > 0:
        vector = parts[0].turned()  # the common case: one part
    else:  # without words (cannot happen with real text): the mentions' mean
        vector = mix(parts) or _mean([e.probabilities for e in evidence])
    result = Stance(vector, label_of(vector), len(author), author_words, author_view,
                    tuple(sorted(set(frames))) if frames else (), tuple(parts))
    return result, tuple(out)
