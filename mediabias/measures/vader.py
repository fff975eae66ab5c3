"""VADER's valence rules, reimplemented over word lists we build ourselves.

VADER (Hutto & Gilbert, ICWSM 2014; the ``vaderSentiment`` package, MIT
licence) scores a word from its lexicon and adjusts it by the three words
before it: boosters and dampeners ("very", "kind of"), negation (x -0.74:
"not", "never", "n't", "without" ...), "no" before it, "least", ALL CAPS
emphasis and a few idioms.  ``vaderSentiment.polarity_scores`` does this
with a word list it re-lower-cases for every word (quadratic on long
clauses); here each rule reads a list lower-cased once, so the cost is
linear in the number of words.

VADER's *words* are whitespace-separated chunks with leading and trailing
punctuation stripped (unless that leaves two characters or fewer: "no," and
":)" stay as they are).  :func:`chunks` builds them from a Document's tokens
(adjacent tokens with no space between them make one chunk), so every word
keeps its character offsets.

:func:`valences` gives each word its valence after VADER's rules and
before its sentence-level "but" weighting; :func:`polarity_scores` puts
them together exactly as ``vaderSentiment`` 3.3.2 does (a test checks the
two agree on NewsMTSC's sentences).  The lexicon is the one vaderSentiment
ships, read as a data file; ``vaderSentiment``'s code is never imported.
"""

from __future__ import annotations

import math
import string
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

B_INCR = 0.293
B_DECR = -0.293
C_INCR = 0.733
N_SCALAR = -0.74

NEGATE = frozenset(
    """aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't
    dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't
    neednt needn't never none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent
    oughtn't shan't shouldn't uh-uh wasn't weren't without wont wouldnt won't wouldn't rarely seldom despite""".split()
)
_INCR = """absolutely amazingly awfully completely considerable considerably decidedly deeply effing enormous
    enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping flippin
    frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly hella highly
    hugely incredible incredibly intensely major majorly more most particularly purely quite really remarkably
    so substantially thoroughly total totally tremendous tremendously uber unbelievably unusually utter utterly
    very""".split()
_DECR = """almost barely hardly kinda kindof kind-of less little marginal marginally occasional occasionally
    partly scarce scarcely slight slightly somewhat sorta sortof sort-of""".split()
BOOSTERS: dict[str, float] = {**{w: B_INCR for w in _INCR}, **{w: B_DECR for w in _DECR}}
# multi-word dampeners: only ever matched as a two- or three-word sequence
BOOSTERS.update({"just enough": B_DECR, "kind of": B_DECR, "sort of": B_DECR})
SPECIAL_CASES = {
    "the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0, "yeah right": -2,
    "kiss of death": -1.5, "to die for": 3, "beating heart": 3.5,
}
PUNCTUATION = string.punctuation
# every word of a special case or multi-word booster: no idiom can match without one
_IDIOM_WORDS = frozenset(w for phrase in list(SPECIAL_CASES) + [b for b in BOOSTERS if " " in b] for w in phrase.split())


@lru_cache(maxsize=1)
def lexicon_path() -> Path:
    """vaderSentiment's lexicon file, found without importing vaderSentiment (it imports requests)."""
    spec = find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("vaderSentiment is not installed; its lexicon is the base of party sentiment")
    return Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """VADER's lexicon (word -> mean valence in [-4, 4]), from vaderSentiment's data file."""
    raw = lexicon_path().read_text(encoding="utf-8")
    out = {}
    for line in raw.rstrip("\n").split("\n"):
        if line:
            word, measure = line.strip().split("\t")[0:2]
            out[word] = float(measure)
    return out


def strip_word(chunk: str) -> str:
    """VADER's word from a whitespace-separated chunk."""
    stripped = chunk.strip(PUNCTUATION)
    return chunk if len(stripped) <= 2 else stripped


def chunks(text: str, starts: list[int], ends: list[int], t0: int, t1: int) -> list[tuple[int, int]]:
    """Character spans of the whitespace-separated chunks made by tokens ``[t0, t1)``."""
    out: list[tuple[int, int]] = []
    k = t0
    while k < t1:
        s = starts[k]
        while k + 1 < t1 and ends[k] == starts[k + 1]:
            k += 1
        out.append((s, ends[k]))
        k += 1
    return out


def _negated(word: str) -> bool:
    return word in NEGATE or "n't" in word


def _booster(word: str, low: str, valence: float, cap_diff: bool) -> float:
    scalar = BOOSTERS.get(low, 0.0)
    if scalar:
        if valence < 0:
            scalar = -scalar
        if cap_diff and word.isupper():
            scalar += C_INCR if valence > 0 else -C_INCR
    return scalar


def _special_idioms(valence: float, lows: list[str], i: int) -> float:
    w1, w2, w3 = lows[i - 1], lows[i - 2], lows[i - 3]
    for seq in (f"{w1} {lows[i]}", f"{w2} {w1} {lows[i]}", f"{w2} {w1}", f"{w3} {w2} {w1}", f"{w3} {w2}"):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    n = len(lows)
    if n - 1 > i:
        seq = f"{lows[i]} {lows[i + 1]}"
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
    if n - 1 > i + 1:
        seq = f"{lows[i]} {lows[i + 1]} {lows[i + 2]}"
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
    for seq in (f"{w3} {w2} {w1}", f"{w3} {w2}", f"{w2} {w1}"):
        if seq in BOOSTERS:
            valence += BOOSTERS[seq]
    return valence


def _negation(valence: float, lows: list[str], start_i: int, i: int) -> float:
    if start_i == 0:
        if _negated(lows[i - 1]):
            valence *= N_SCALAR
    elif start_i == 1:
        if lows[i - 2] == "never" and lows[i - 1] in ("so", "this"):
            valence *= 1.25
        elif lows[i - 2] == "without" and lows[i - 1] == "doubt":
            pass
        elif _negated(lows[i - 2]):
            valence *= N_SCALAR
    else:
        if (lows[i - 3] == "never" and lows[i - 2] in ("so", "this")) or lows[i - 1] in ("so", "this"):
            valence *= 1.25
        elif lows[i - 3] == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
            pass
        elif _negated(lows[i - 3]):
            valence *= N_SCALAR
    return valence


def word_valence(words: list[str], lows: list[str], i: int, cap_diff: bool, lex: dict[str, float]) -> float:
    """Valence of word ``i`` after VADER's rules (0.0 for words outside the lexicon)."""
    low = lows[i]
    base = lex.get(low)
    if base is None or low in BOOSTERS:
        return 0.0
    if low == "kind" and i + 1 < len(lows) and lows[i + 1] == "of":
        return 0.0
    valence = base
    if low == "no" and i != len(lows) - 1 and lows[i + 1] in lex:
        valence = 0.0
    if (i > 0 and lows[i - 1] == "no") or (i > 1 and lows[i - 2] == "no") or (
        i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor")
    ):
        valence = base * N_SCALAR
    if cap_diff and words[i].isupper():
        valence += C_INCR if valence > 0 else -C_INCR
    for start_i in range(3):
        j = i - (start_i + 1)
        if j >= 0 and lows[j] not in lex:
            s = _booster(words[j], lows[j], valence, cap_diff)
            if s and start_i:
                s *= 0.95 if start_i == 1 else 0.9
            valence += s
            valence = _negation(valence, lows, start_i, i)
            if start_i == 2 and _IDIOM_WORDS.intersection(lows[i - 3 : i + 3]):
                valence = _special_idioms(valence, lows, i)
    if i > 0 and lows[i - 1] == "least" and lows[i - 1] not in lex:
        if i == 1 or lows[i - 2] not in ("at", "very"):
            valence *= N_SCALAR
    return valence


def cap_differential(words: list[str]) -> bool:
    """True when some but not all words are ALL CAPS (VADER's emphasis switch)."""
    caps = sum(1 for w in words if w.isupper())
    return 0 < len(words) - caps < len(words)


def valences(words: list[str], lows: list[str] | None = None, lex: dict[str, float] | None = None) -> list[float]:
    """Each word's valence after VADER's rules, before the "but" weighting."""
    lex = lexicon() if lex is None else lex
    if lows is None:
        lows = [w.lower() for w in words]
    cap_diff = cap_differential(words)
    get = lex.get
    return [0.0 if get(low) is None else word_valence(words, lows, i, cap_diff, lex) for i, low in enumerate(lows)]


def but_check(lows: list[str], sentiments: list[float]) -> list[float]:
    """VADER's "but" rule, exactly as vaderSentiment 3.3.2 applies it.

    Words before the first "but" count half, words after it one and a half
    times.  vaderSentiment finds each value's position with ``list.index``
    (the first equal value), which is reproduced here for non-zero values
    (zeros are unaffected by scaling); it costs a scan per sentiment word,
    so this is for whole sentences, not whole articles.
    """
    try:
        bi = lows.index("but")
    except ValueError:
        return sentiments
    out = list(sentiments)
    for p in range(len(out)):
        v = out[p]
        if v == 0:
            continue
        si = out.index(v)
        if si < bi:
            out[si] = v * 0.5
        elif si > bi:
            out[si] = v * 1.5
    return out


def normalize(score: float, alpha: float = 15) -> float:
    """VADER's squashing of a valence sum into [-1, 1]."""
    return max(-1.0, min(1.0, score / math.sqrt(score * score + alpha)))


def punctuation_emphasis(text: str) -> float:
    ep = min(text.count("!"), 4) * 0.292
    qm = text.count("?")
    return ep + (0.0 if qm <= 1 else qm * 0.18 if qm <= 3 else 0.96)


def score_valence(sentiments: list[float], text: str) -> dict[str, float]:
    """VADER's neg/neu/pos/compound from word valences (rounded as vaderSentiment rounds)."""
    if not sentiments:
        return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
    sum_s = float(sum(sentiments))
    emph = punctuation_emphasis(text)
    if sum_s > 0:
        sum_s += emph
    elif sum_s < 0:
        sum_s -= emph
    compound = normalize(sum_s)
    pos_sum = sum(s + 1 for s in sentiments if s > 0)
    neg_sum = sum(s - 1 for s in sentiments if s < 0)
    neu = sum(1 for s in sentiments if s == 0)
    if pos_sum > -neg_sum:
        pos_sum += emph
    elif pos_sum < -neg_sum:
        neg_sum -= emph
    total = pos_sum + abs(neg_sum) + neu
    return {
        "neg": round(abs(neg_sum / total), 3),
        "neu": round(abs(neu / total), 3),
        "pos": round(abs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }


@lru_cache(maxsize=1)
def _emojis() -> dict[str, str]:
    raw = (lexicon_path().parent / "emoji_utf8_lexicon.txt").read_text(encoding="utf-8")
    return dict(line.strip().split("\t")[0:2] for line in raw.rstrip("\n").split("\n"))


def _replace_emojis(text: str) -> str:
    emojis = _emojis()
    if not any(ch in emojis for ch in text):
        return text
    out = []
    prev_space = True
    for ch in text:
        if ch in emojis:
            if not prev_space:
                out.append(" ")
            out.append(emojis[ch])
            prev_space = False
        else:
            out.append(ch)
            prev_space = ch == " "
    return "".join(out)


def polarity_scores(text: str) -> dict[str, float]:
    """``vaderSentiment``'s ``SentimentIntensityAnalyzer().polarity_scores(text)``, reimplemented."""
    from mediabias.text.document import Document

    text = _replace_emojis(text).strip()
    doc = Document(text)
    words = [strip_word(text[s:e]) for s, e in chunks(text, doc.tok_starts, doc.tok_ends, 0, len(doc.tokens))]
    lows = [w.lower() for w in words]
    return score_valence(but_check(lows, valences(words, lows)), text)
