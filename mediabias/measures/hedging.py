"""Hedging and distancing: how far the text keeps its claims at arm's length.

Categories (word lists in ``mediabias/lexicons/<category>.txt``):

* ``hedge`` -- epistemic modals and lexical hedges (may, might, appears to,
  probably, it is not clear);
* ``distancing`` -- alleged, suspected, so-called, supposedly ... and *scare
  quotes*, a quoted phrase of one to four words that is not reported speech,
  a name or a title;
* ``weasel`` -- unnamed or vague attribution and unsourced generalisation
  (some say, critics argue, it is believed, many, most, widely, notable);
* ``booster`` -- certainty (clearly, of course); reported, never counted as
  hedging.

All lists (and the participles of opinion verbs that make an agentless
passive a weasel: ``attribution_participles.txt``) are matched in one pass
over the Document's lower-cased tokens; the context rules in
:mod:`mediabias.measures.hedging_rules` then keep, re-class or drop each hit.
A hit inside a quotation is flagged ``in_quote`` (a source's hedging, not
the author's) and counted separately from the author's voice.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping

from mediabias.lexicons import load_list
from mediabias.measures import hedging_rules as rules
from mediabias.measures.hedging_targets import Targets
from mediabias.measures.parties import PartyIndex
from mediabias.measures.speech import Speech
from mediabias.text.document import Document
from mediabias.text.phrases import PhraseMatcher

NAME = "hedging"
CATEGORIES = ("hedge", "distancing", "weasel", "booster")
COUNTED = ("hedge", "distancing", "weasel")  # boosters are certainty, not hedging
PASSIVE = "passive"  # payload of the opinion participles: a weasel only in a passive
VIA_LIST, VIA_PASSIVE, VIA_SCARE_QUOTE = "word list", "agentless passive", "scare quote"


@dataclass(frozen=True, slots=True)
class HedgeHit:
    text: str
    category: str
    start: int
    end: int
    sentence: int
    in_quote: bool
    target_party: str | None
    via: str = VIA_LIST
    speaker: str | None = None  # whose words hold the hit (a party, a name, "anonymous"); None: the author's

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "in_quote": self.in_quote,
            "target_party": self.target_party,
            "via": self.via,
            "speaker": self.speaker,
        }


def _rate(count: int, denom: int, per: int) -> float | None:
    return None if denom == 0 else count * per / denom


@dataclass(frozen=True, slots=True)
class HedgingResult:
    hits: tuple[HedgeHit, ...]
    n_words: int
    n_sentences: int

    @property
    def counted(self) -> list[HedgeHit]:
        """Hedge, distancing and weasel hits (boosters are not hedging)."""
        return [h for h in self.hits if h.category in COUNTED]

    def _rates(self, hits: list[HedgeHit]) -> dict[str, Any]:
        """Count and rates of ``hits`` (boosters excluded) with their categories."""
        counted = [h for h in hits if h.category in COUNTED]
        by_cat = {c: 0 for c in CATEGORIES}
        for h in hits:
            by_cat[h.category] += 1
        return {
            "count": len(counted),
            "per_1k_words": _rate(len(counted), self.n_words, 1000),
            "per_sentence": _rate(len(counted), self.n_sentences, 1),
            "share_sentences_hedged": _rate(len({h.sentence for h in counted}), self.n_sentences, 1),
            "by_category": by_cat,
        }

    def _by_party(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for h in self.counted:
            if h.target_party:
                d = out.setdefault(h.target_party, {c: 0 for c in COUNTED} | {"author_voice": 0})
                d[h.category] += 1
                d["author_voice"] += not h.in_quote
        for d in out.values():
            d["per_1k_words"] = _rate(sum(d[c] for c in COUNTED), self.n_words, 1000)
            d["distancing_per_1k_words"] = _rate(d["distancing"], self.n_words, 1000)
        return dict(sorted(out.items(), key=lambda kv: (-sum(kv[1][c] for c in COUNTED), kv[0])))

    def to_dict(self) -> dict[str, Any]:
        everything = self._rates(list(self.hits))
        author = self._rates([h for h in self.hits if not h.in_quote])
        quoted = self._rates([h for h in self.hits if h.in_quote])
        by_cat = everything["by_category"]
        return {
            **everything,
            "by_category_per_1k_words": {c: _rate(n, self.n_words, 1000) for c, n in by_cat.items()},
            "author_voice": author,
            "quoted": quoted,
            "boosters": by_cat["booster"],
            "by_party": self._by_party(),
            "hits": [h.to_dict() for h in self.hits],
        }


@lru_cache(maxsize=8)
def _matcher(overrides: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> PhraseMatcher:
    lists = {c: load_list(f"{c}.txt") for c in CATEGORIES}
    lists.update(overrides)
    phrases = [(p, c) for c in CATEGORIES for p in lists[c]]
    phrases += [(p, PASSIVE) for p in load_list("attribution_participles.txt")]
    return PhraseMatcher(phrases)  # a phrase in two lists keeps the first category


def _overrides(lexicons: Mapping[str, Iterable[str]] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not lexicons:
        return ()
    unknown = set(lexicons) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown hedging word list(s): {', '.join(sorted(unknown))}; choose from {', '.join(CATEGORIES)}")
    return tuple(sorted((k, tuple(v)) for k, v in lexicons.items()))


def score(
    doc: Document,
    parties: PartyIndex | None = None,
    *,
    lexicons: Mapping[str, Iterable[str]] | None = None,
    sources: Any = None,
    speech: Speech | None = None,
) -> HedgingResult:
    """Hedging, distancing, weasel and booster hits of ``doc``.

    ``parties`` (from :func:`mediabias.measures.parties.detect`) gives each
    hit its ``target_party``; ``sources`` (a SourcesResult) says whose words
    each hit is in (``speaker``) and whose words a scare quote or a
    claims-type cue distances (:mod:`mediabias.measures.hedging_targets`);
    ``speech`` is the same built once by the caller.  ``lexicons`` maps a
    category to phrases that replace its packaged word list (``--lexicon
    hedge=FILE``).
    """
    hits: list[HedgeHit] = []
    starts, ends, text = doc.tok_starts, doc.tok_ends, doc.text
    if speech is None and sources is not None:
        speech = Speech(doc, parties, sources)
    targets = Targets(doc, parties, speech)
    matcher, lowers = _matcher(_overrides(lexicons)), doc.lowers
    # a phrase never runs across a sentence boundary ("according to" at the end of a line before a
    # paragraph that opens with "Some say" is no "according to some")
    matches = [m for sen in doc.sentences for m in matcher.find(lowers, sen.tok_start, sen.tok_end)]
    for m in matches:
        cat = rules.keep(doc, m.tok_start, m.tok_end, m.payload)
        if cat is None:
            continue
        s, e = starts[m.tok_start], ends[m.tok_end - 1]
        target, speaker = targets.word_hit(m.tok_start, m.tok_end, cat)
        hits.append(
            HedgeHit(
                text[s:e], cat, s, e, doc.tok_sent[m.tok_start], doc.in_quote(s, e), target,
                VIA_PASSIVE if m.payload == PASSIVE else VIA_LIST, speaker,
            )
        )
    for s, e, nested in rules.scare_quotes(doc):
        i = doc.token_index(s)
        j = max(i + 1, doc.token_index(e - 1) + 1)
        target, speaker = targets.scare_quote(s, e, i, j, nested)
        hits.append(
            HedgeHit(text[s:e], "distancing", s, e, doc.sentence_index(s), nested, target, VIA_SCARE_QUOTE, speaker)
        )
    hits.sort(key=lambda h: h.start)
    return HedgingResult(tuple(hits), doc.n_words, len(doc.sentences))
