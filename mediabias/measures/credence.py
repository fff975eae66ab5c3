"""The author's credence toward each voice of an article, and the accusation frames in its own words.

Built once per article (:class:`Context`) for the stance of every party
(:mod:`mediabias.measures.stance`):

* **credence** per voice -- *distanced* when the author's own distancing
  aimed at the voice's words (scare quotes around them, a claims-type cue of
  its citation, "so-called" before its name, a frame such as "falsely
  claimed") outnumbers the cues that adopt them; *endorsed* when cues that
  adopt them ("found", "confirmed", "documented":
  ``lexicons/endorsing_cues.txt``, not negated) outnumber its distancing;
  *neutral* otherwise.  Each act counts once, with the span that decided it.
* **frames**: an accusation frame in the author's voice with a party
  mention as its subject ("Russia refused to", ``lexicons/author_frames.txt``)
  -- the stance reads that mention as negative, and a "citation" whose cue
  is such a frame is nobody's speech;
* the words of each sentence that are the author's (not inside a voice's
  quotation).

Everything is one pass over the citations, the hedging hits and the frame
matches, so it stays linear in the text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from mediabias.lexicons import load_list, load_words
from mediabias.measures.speech import Speech
from mediabias.text.document import Document
from mediabias.text.phrases import PhraseMatcher

_NAMING = frozenset({"so-called", "self-styled", "self-proclaimed", "self-described"})
_NEGATORS = frozenset({"not", "n't", "never", "cannot", "can't", "couldn't", "didn't", "doesn't", "no", "failed"})
_SUBJECT_GAP = frozenset({"has", "have", "had", "also", "repeatedly", "again", "so", "far", "reportedly", "then",
                          "already", "once", "twice", "consistently", "previously", "initially", ","})



@lru_cache(maxsize=1)
def _frames() -> PhraseMatcher:
    return PhraseMatcher((f, f) for f in load_list("author_frames.txt"))


class Context:
    """What the stance of every party of one article is computed from: the citations
    (:class:`Speech`), the credence of each voice and the author's accusation frames."""

    def __init__(self, doc: Document, parties: Any, speech: Speech, hedging: Any) -> None:
        self.doc, self.parties, self.speech = doc, parties, speech
        self._sentence_words: dict[int, int] = {}
        self._sentence_keys: dict[int, str] = {}
        self.by_sentence: dict[int, list[int]] = {}  # the citations whose content overlaps each sentence
        for k, c in enumerate(speech.citations):
            for si in range(doc.sentence_index(c.content[0]), doc.sentence_index(max(c.content[0], c.content[1] - 1)) + 1):
                self.by_sentence.setdefault(si, []).append(k)
        dist: dict[str, list[tuple[int, int, str]]] = {}
        endorse: dict[str, list[tuple[int, int, str]]] = {}
        lows, starts, ends = doc.lowers, doc.tok_starts, doc.tok_ends
        cue_of: dict[int, int] = {}  # token of a cue -> its citation
        for k, c in enumerate(speech.citations):
            if c.cue is not None:
                for t in range(doc.token_index(c.cue[0]), doc.token_index(c.cue[1] - 1) + 1):
                    cue_of.setdefault(t, k)
        if hedging is not None:
            for h in hedging.hits:
                if h.category != "distancing" or h.in_quote or h.speaker is not None:
                    continue  # only the author's own distancing decides the author's credence
                if h.via == "scare quote":
                    if h.target_party:
                        dist.setdefault(h.target_party, []).append((h.start, h.end, "scare quotes around their words"))
                    continue
                i = doc.token_index(h.start)
                k = next((cue_of[t] for t in range(i, doc.token_index(h.end - 1) + 1) if t in cue_of), None)
                if k is not None:  # "Moscow claimed that", "Russia's claims that"
                    dist.setdefault(speech.speaker(k).key, []).append((h.start, h.end, f"'{h.text}' as the cue of their words"))
                elif h.target_party and lows[i] in _NAMING:  # "the so-called Islamic State"
                    dist.setdefault(h.target_party, []).append((h.start, h.end, f"'{h.text}' before their name"))
        endorsing = load_words("endorsing_cues.txt")
        for t, k in cue_of.items():
            if lows[t] in endorsing and _NEGATORS.isdisjoint(lows[max(0, t - 3) : t]):
                key = speech.speaker(k).key
                endorse.setdefault(key, []).append((starts[t], ends[t], f"'{doc.tokens[t]}' as the cue of their words"))
        # accusation frames in the author's voice: the mention of their subject reads negative, and a
        # "citation" whose cue is such a frame ("Russia refused to allow ...") is no one's speech
        self.frames: dict[int, tuple[int, int]] = {}  # mention start -> frame span
        self.not_speech: set[int] = set()
        if parties is not None and parties.mentions:
            for m in _frames().find(lows):
                s, e = doc.tok_starts[m.tok_start], doc.tok_ends[m.tok_end - 1]
                if doc.in_quote(s, e) or speech.citation_at(s, e) is not None:
                    continue
                subject = _subject(doc, parties, m.tok_start)
                if subject is None:
                    continue
                self.frames[subject.start] = (s, e)
                if lows[m.tok_start].endswith("ly"):  # "falsely claimed": their words are untrue
                    key = parties.party_of(subject.party)
                    dist.setdefault(key, []).append((s, e, f"'{doc.text[s:e]}' in the author's voice"))
                else:
                    self.not_speech.update(cue_of[t] for t in range(m.tok_start, m.tok_end) if t in cue_of)
        self.by_party: dict[str, list[int]] = {}  # the citations each party's voice is the source of
        for k in range(len(speech.citations)):
            party = speech.speaker(k).party
            if party is not None and k not in self.not_speech:
                self.by_party.setdefault(party, []).append(k)
        self.credence: dict[str, tuple[str, tuple[tuple[int, int, str], ...]]] = {}
        for key in set(dist) | set(endorse):
            d, n = self._distinct(dist.get(key, [])), self._distinct(endorse.get(key, []))
            self.credence[key] = (decide(len(d), len(n)), tuple(sorted(d + n)))

    def _distinct(self, items: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The evidence once per act: spans that overlap ("falsely claimed", "claimed that") count
        once, and a sentence repeated word for word (a paragraph printed twice) says its words once."""
        seen, out = set(), []
        doc, sentences = self.doc, self._sentence_keys
        for s, e, why in sorted(set(items)):
            si = doc.sentence_index(s)
            text = sentences.get(si)
            if text is None:
                sent = doc.sentences[si]
                text = sentences[si] = " ".join(doc.text[sent.start : sent.end].lower().split())
            key = (doc.text[s:e].lower(), text)
            if key not in seen and not (out and s < out[-1][1]):  # overlapping spans: one act
                seen.add(key)
                out.append((s, e, why))
        return out

    def credence_of(self, key: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
        return self.credence.get(key, ("neutral", ()))

    def sentence_words(self, si: int) -> int:
        got = self._sentence_words.get(si)
        if got is None:
            s = self.doc.sentences[si]
            got = self._sentence_words[si] = len(self.doc.text[s.start : s.end].split())
        return got

    def author_words(self, si: int, voiced: set[int]) -> int:
        """The words of sentence ``si`` that are the author's: all but those inside the content of a
        citation that is a voice's part rather than the author's -- a quotation, or any citation in
        ``voiced`` (the party's own words, a distanced speaker's).  The contents are merged first,
        so nested and overlapping ones are subtracted once."""
        ks = self.by_sentence.get(si)
        if not ks:
            return self.sentence_words(si)
        s = self.doc.sentences[si]
        cuts: list[tuple[int, int]] = []
        for k in ks:  # in order of content start
            c = self.speech.citations[k]
            if k in voiced or (c.kind != "indirect" and k not in self.not_speech):
                a, b = max(s.start, c.content[0]), min(s.end, c.content[1])
                if a >= b:
                    continue
                if cuts and a <= cuts[-1][1]:
                    cuts[-1] = (cuts[-1][0], max(cuts[-1][1], b))
                else:
                    cuts.append((a, b))
        if not cuts:
            return self.sentence_words(si)
        return max(0, self.sentence_words(si) - sum(self.speech.words(cut) for cut in cuts))


def decide(distancing: int, endorsing: int) -> str:
    """The credence from the number of distinct distancing and endorsing acts toward a voice."""
    if distancing > endorsing:
        return "distanced"
    if endorsing > distancing:
        return "endorsed"
    return "neutral"


def _subject(doc: Document, parties: Any, i: int) -> Any:
    """The party mention that is the subject of the frame at token ``i``: ending just before it,
    with at most three auxiliaries or adverbs between ("Russia has repeatedly refused to")."""
    sent_start = doc.sentences[doc.tok_sent[i]].tok_start
    k = i - 1
    while k >= sent_start and i - k <= 4:
        m = parties.mention_at_token(k)
        if m is not None:
            return m
        if doc.lowers[k] not in _SUBJECT_GAP and not doc.lowers[k].endswith("ly"):
            return None
        k -= 1
    return None


