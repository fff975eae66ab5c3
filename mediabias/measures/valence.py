"""The words of a sentence with their valences, for party sentiment.

A sentence is read once into :class:`SentenceWords`: VADER's words (the
whitespace-separated chunks of :mod:`mediabias.measures.vader`) with their
valences under VADER's rules (negation, boosters, "no", "least", ALL CAPS),
but over a lexicon adapted to news:

* the project's news vocabulary (``lexicons/news_valence.txt``) is laid
  over VADER's lexicon -- attribution and hedge words ("suspected",
  "accused", "denied") carry nothing, news words VADER lacks ("regime",
  "militant", "slammed", "war crimes") carry what a news reader hears, and
  words news copy uses in a neutral sense ("party", "security", "like",
  "well") are taken out;
* an inflected form VADER lacks takes its base's valence ("helped" from
  "help");
* a party mention's own words, and capitalised words inside names and
  abbreviations carry nothing: a name is not an opinion.  A capitalised
  word is taken for part of a name in mid-sentence ("Hope Hicks", "Justice
  Department"), after a title's full stop ("Sen. Dick Durbin"), and with a
  full stop of its own inside the sentence ("(Ill.)", "Calif.,");
* *event words* -- words such as "war", "crisis" or "defeat" whose
  valence, in NewsMTSC's annotations, does not carry over to a party it is
  not aimed at (``lexicons/event_words.txt``, derived from the
  training data by ``benchmarks/train_sentiment.py``) -- are marked
  (:attr:`Words.events`): the party-sentiment features count them only
  where they are aimed at the mention.

Only the words that matter are looked at twice: valences are computed for
words found in the lexicon, clause boundaries and quotation flags on
demand, so reading a sentence costs a few list passes over its words.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress
from pathlib import Path

from mediabias.lexicons import load_list, load_words
from mediabias.measures import vader
from mediabias.text.document import Document

_OPENERS = frozenset(':.!?"\u201c\u2018(\u2014\u2013-')


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem that folds inflections together ("slammed", "slamming" -> "slamm")."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def event_words() -> frozenset[str]:
    """Stems of the event words (``lexicons/event_words.txt``; empty when the file is absent)."""
    from mediabias.lexicons import _HERE, read_entries

    path = _HERE / "event_words.txt"  # read here, not through load_words: the training script rewrites it
    return frozenset(e for _, e in read_entries(path.read_text(encoding="utf-8"), origin=path.name)) if path.exists() else frozenset()


@lru_cache(maxsize=1)
def _title_abbreviations() -> frozenset[str]:
    return load_words("abbreviations.txt")


@lru_cache(maxsize=1)
def _news_entries() -> tuple[tuple[str, float], ...]:
    out = []
    for entry in load_list("news_valence.txt"):
        word, _, value = entry.rpartition(" ")
        out.append((word, float(value)))
    return tuple(out)


@lru_cache(maxsize=1)
def news_lexicon() -> dict[str, float]:
    """VADER's lexicon with the news vocabulary laid over it and inflected forms added
    (kept in the disk cache: building it costs ~30 ms, reading it back ~3)."""
    from mediabias.cache import cached, file_key

    sources = file_key([vader.lexicon_path(), Path(__file__).resolve().parents[1] / "lexicons" / "news_valence.txt"])
    return cached("news-lexicon", sources, _build_news_lexicon)


def _build_news_lexicon() -> dict[str, float]:
    lex = dict(vader.lexicon())
    zero = set()
    for word, value in _news_entries():
        if " " in word:
            continue
        if value == 0:
            lex.pop(word, None)
            zero.add(word)
        else:
            lex[word] = value
    # VADER lists some forms of a word and not others ("help", "helps",
    # "helping", not "helped"): a missing inflected form takes its base's
    # valence (bases of four letters or more, so "wag" does not give "wages")
    forms: dict[str, float] = {}
    for word, value in lex.items():
        if len(word) < 4 or not word.isalpha():
            continue
        stem = word[:-1] if word.endswith("e") else word
        cands = [stem + "ed", stem + "ing", word + "s"]
        if word.endswith("y") and word[-2] not in "aeiou":
            cands += [word[:-1] + "ied", word[:-1] + "ies"]
        elif word.endswith(("s", "sh", "ch", "x", "z")):
            cands.append(word + "es")
        for form in cands:
            if form not in lex and form not in zero:
                forms.setdefault(form, value)
    return {**forms, **lex}


@lru_cache(maxsize=1)
def news_phrases() -> dict[tuple[str, str], float]:
    """Two-word news entries by their words: ("war", "crimes") -> -3.4."""
    return {tuple(w.split()): v for w, v in _news_entries() if " " in w}  # type: ignore[misc]


_BREAKS = frozenset({";", ":", "\u2014", "\u2013", "--", "but", "however", "while", "whereas", "although", "though", "yet"})
_STARTS_CLAUSE = frozenset({"but", "however", "while", "whereas", "although", "though", "yet"})


@lru_cache(maxsize=1)
def _accusation() -> frozenset[str]:
    return load_words("accusation.txt")


@lru_cache(maxsize=1)
def _phrase_firsts() -> frozenset[str]:
    return frozenset(a for a, _ in news_phrases())


@lru_cache(maxsize=1)
def _lookup() -> frozenset[str]:
    """Tokens worth a second look: lexicon words, first words of phrases, negations, clause breaks, accusations."""
    return frozenset(news_lexicon()) | {a for a, _ in news_phrases()} | vader.NEGATE | _BREAKS | _accusation()


class Words:
    """A document's tokens as VADER's words: valences, clauses, negations, accusations.

    The Document's own tokens are the words (punctuation tokens count as
    words in VADER's three-word look-back); one pass over the lower-cased
    tokens finds the few worth a second look, and :meth:`sentence` computes
    the valences of one sentence's words when a mention needs them (VADER's
    rules never look across a sentence boundary).  Tokens overlapping a
    ``silenced`` token range (party mentions) and capitalised words in mid-sentence
    carry no valence.
    """

    __slots__ = ("doc", "lows", "val", "negs", "bounds", "accused", "events", "mention_starts", "mention_ends", "_cands",
                 "_muted", "_quoted", "_sentences", "_names", "_counts", "_stems", "_side_weights", "_aimed",
                 "_aimed_by")

    def __init__(self, doc: Document, silenced: list[tuple[int, int]] = ()) -> None:
        """``silenced``: token ranges ``(tok_start, tok_end)`` of the party mentions."""
        self.doc = doc
        lows = self.lows = doc.lowers
        cands = self._cands = list(compress(range(len(lows)), map(_lookup().__contains__, lows)))
        neg, acc = vader.NEGATE, _accusation()
        self.negs = [i for i in cands if lows[i] in neg]
        self.accused = [i for i in cands if lows[i] in acc]
        ev = event_words()
        self.events = frozenset(i for i in cands if stem(lows[i]) in ev) if ev else frozenset()
        # a contrastive word starts a clause; ; : and dashes end one
        self.bounds = [i if lows[i] in _STARTS_CLAUSE else i + 1 for i in cands if lows[i] in _BREAKS]
        spans = sorted(silenced)  # party mentions in order: whose words are these?
        self._muted = {t for t0, t1 in spans for t in range(t0, t1)}
        self.mention_starts = [s for s, _ in spans]
        self.mention_ends = [e for _, e in spans]
        self._stems: list[str] | None = None  # word-feature forms, made by target_features.stems
        self._side_weights: list | None = None  # their weights, made by target_features.word_logits
        self.val: dict[int, float] = {}
        self._quoted: dict[int, bool] = {}
        self._sentences: dict[int, list[int]] = {}
        self._names: dict[int, list[int]] = {}
        self._counts: dict[int, int] = {}
        self._aimed: dict[tuple[int, int], tuple] = {}  # each mention's role valences and the words aimed at it
        self._aimed_by: dict[int, dict[int, list[int]]] = {}  # per sentence: word -> the mentions it is aimed at

    def neighbours(self, a: int, b: int, si: int) -> tuple[float, float]:
        """Cut-offs around the mention at tokens ``[a, b)`` of sentence ``si``: a word before
        the first or after the second is nearer another entity -- a party mention or a
        capitalised word in mid-sentence (a name we did not resolve) -- than this one."""
        left, right = -(1 << 30), 1 << 30
        starts, ends = self.mention_starts, self.mention_ends
        k = bisect_left(starts, b)
        if k < len(starts):
            right = starts[k]
        k = bisect_left(starts, a) - 1
        if k >= 0 and ends[k] <= a:
            left = ends[k]
        names = self._names.get(si, ())
        k = bisect_left(names, b)
        if k < len(names):
            right = min(right, names[k])
        k = bisect_left(names, a) - 1
        if k >= 0:
            left = max(left, names[k] + 1)
        return (a + left - 1) / 2, (b - 1 + right) / 2

    def entity_count(self, si: int) -> int:
        """How many party mentions and names sentence ``si`` holds (after :meth:`sentence`)."""
        n = self._counts.get(si)
        if n is None:
            s = self.doc.sentences[si]
            starts = self.mention_starts
            ms = starts[bisect_left(starts, s.tok_start) : bisect_left(starts, s.tok_end)]
            n = self._counts[si] = len(set(ms).union(self._names.get(si, ())))
        return n

    def clause_range(self, j: int, w0: int, w1: int) -> tuple[int, int]:
        """Token range of the clause holding token ``j``, within the sentence ``[w0, w1)``."""
        bounds = self.bounds
        k = bisect_right(bounds, j)
        lo = bounds[k - 1] if k > 0 and bounds[k - 1] > w0 else w0
        hi = bounds[k] if k < len(bounds) and bounds[k] < w1 else w1
        return lo, hi

    def quoted(self, j: int) -> bool:
        q = self._quoted.get(j)
        if q is None:
            q = self._quoted[j] = self.doc.in_quote(self.doc.tok_starts[j])
        return q

    def sentence(self, si: int) -> list[int]:
        """The tokens of sentence ``si`` that carry a valence (computed once)."""
        hits = self._sentences.get(si)
        if hits is not None:
            return hits
        s = self.doc.sentences[si]
        w0, w1 = s.tok_start, s.tok_end
        toks = self.doc.tokens
        mute = self._muted
        self._names[si] = [i for i in compress(range(w0 + 1, w1), map(str.istitle, toks[w0 + 1 : w1]))
                           if i not in mute and (toks[i - 1][-1] not in _OPENERS and not toks[i].isupper()
                                                 or _name_like(self.doc, i, w0, w1))]
        cands = self._cands[bisect_left(self._cands, w0) : bisect_left(self._cands, w1)]
        local: dict[int, float] = {}
        if cands:
            doc = self.doc
            lows, origs = self.lows[w0:w1], doc.tokens[w0:w1]
            caps = sum(map(str.isupper, origs))
            cap_diff = 0 < len(origs) - caps < len(origs)
            lex, phrases, mute = news_lexicon(), news_phrases(), self._muted
            for i in cands:
                li = i - w0
                if lows[li] in lex and i not in mute and not _name_like(doc, i, w0, w1):
                    v = vader.word_valence(origs, lows, li, cap_diff, lex)
                    if v:
                        local[i] = v
            for i in (cands if not _phrase_firsts().isdisjoint(lows) else ()):
                # a two-word entry ("war crimes") replaces its words' own valences
                li = i - w0
                v = phrases.get((lows[li], lows[li + 1])) if li + 1 < len(lows) else None
                if v is not None:
                    local.pop(i, None)
                    if i + 1 not in mute:
                        local[i + 1] = v
            if local and "but" in lows:
                # VADER's "but": what comes before it counts half, what follows one and a half
                bi = w0 + lows.index("but")
                local = {i: v * (0.5 if i < bi else 1.5) for i, v in local.items()}
            self.val.update(local)
        hits = self._sentences[si] = sorted(local)
        return hits


def _name_like(doc: Document, i: int, w0: int, w1: int) -> bool:
    """A capitalised word that is part of a name or an abbreviation, in the sentence ``[w0, w1)``:
    in mid-sentence (not after an opening quote, colon or full stop), after a title's or an
    initial's full stop ("Sen. Dick Durbin", "John F. Hope"), or with a full stop of its own inside
    the sentence ("(Ill.)", "Calif.,").  Not the sentence's first word."""
    toks = doc.tokens
    w = toks[i]
    if not w[0].isupper() or w.isupper() or i == w0:
        return False  # not the first word: "Hope Hicks said" and "Corrupt officials said" look alike
    prev = toks[i - 1]
    if prev[-1] not in _OPENERS:
        return True
    if i + 2 < w1 and toks[i + 1] == "." and doc.tok_ends[i] == doc.tok_starts[i + 1]:
        return True  # an abbreviation inside the sentence: "(Ill.)", "Calif.,"
    # after a title's full stop ("Sen. Dick"), or an initial's ("John F. Hope")
    return prev == "." and i - 2 >= w0 and doc.tok_ends[i - 2] == doc.tok_starts[i - 1] and (
        toks[i - 2].lower() in _title_abbreviations() or (len(toks[i - 2]) == 1 and toks[i - 2].isupper()))
