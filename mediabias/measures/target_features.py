"""What a party mention's sentence says about it: named features and the model.

The sentence is read once (:mod:`mediabias.measures.valence`: VADER's words
and rules over a news-adapted lexicon, names silenced).  For one mention,
:func:`features` sums the valences around it by side and distance (near:
1-3 words, mid: 4-8, far: further), by clause (the mention's own clause --
cut at ``;``, ``:``, dashes, "but", "however", "while" ... -- or another),
and by voice (words inside a quotation the mention is not in); it notes the
mention's role without a parser -- the subject of the verb after it, of a
passive ("was condemned") or of a predicate ("is unfit"), the possessor of
the noun after it ("X's failure"), the object of the verb or noun before it
("criticism of X"), the agent after "by", an apposition ("X, a notorious
liar,") -- whether an accusation is aimed at it ("X was accused", "charges
against X"), whether it is a speaker ("X said"), and negation in its clause.

:func:`predict` turns the feature vector into probabilities of negative /
neutral / positive with a multinomial logistic regression whose weights
(``lexicons/sentiment_model.toml``) ``benchmarks/train_sentiment.py`` fits
on NewsMTSC's training split; the mention's score is P(positive) -
P(negative), in [-1, 1].
"""

from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache
from itertools import compress

from mediabias.lexicons import load_toml, load_words
from mediabias.measures import vader
from mediabias.measures.valence import Words

NEAR, MID = 3, 8  # distance bins in words: 1-3 near, 4-8 mid, further far
WINDOW = 40  # words either side of a mention that are read at most
_AUX = frozenset({"is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would", "could",
                  "should", "may", "might", "must", "can", "did", "does", "do", "also", "not", "never", "n't",
                  "'s", "'re", "remains", "remained", "seems", "seemed", "still", "now", "just"})
_COPULA = frozenset({"is", "was", "were", "are", "be", "been", "being", "'s", "'re", "remains", "remained", "seems", "seemed"})
_PREPOSITIONS = frozenset({"of", "for", "against", "on", "to", "with", "toward", "towards", "at", "from", "over"})
_ARTICLES = frozenset({"the", "a", "an"})
_BEFORE_ACCUSATION = frozenset({"who", "faces", "faced", "facing", ","})


@lru_cache(maxsize=1)
def _report_verbs() -> frozenset[str]:
    return load_words("report_verbs.txt")


FEATURES = (
    "pos_near_left", "pos_near_right", "neg_near_left", "neg_near_right",
    "pos_mid", "pos_far", "neg_mid", "neg_far",
    "pos_other_clause", "neg_other_clause",
    "as_subject", "as_passive_subject", "as_predicate_subject", "as_possessor", "as_object", "as_agent_by",
    "in_apposition", "accused", "accusation_near",
    "sentence_compound",
    "mention_quoted", "pos_quoted_other", "neg_quoted_other",
    "speaker", "pos_said_by_it", "neg_said_by_it",
    "negated", "pos_nearer_another", "neg_nearer_another",
    "sentence_subject", "other_entities",
)


def _role(w: Words, a: int, b: int, clo: int, chi: int) -> list[float]:
    """Valence (VADER scale / 4) of the word the mention is subject, possessor or object of.

    ``[clo, chi)`` is the mention's clause (token indices); nothing outside it is looked at.
    """
    lows, get = w.lows, w.val.get
    subj = passive = pred = poss = obj = by = appos = 0.0
    nxt = lows[b] if b < chi else ""
    if nxt == "'s" or nxt == "'":
        for j in range(b + 1, min(chi, b + 4)):
            if get(j):
                poss = get(j)
                break
    elif nxt == ",":
        for j in range(b + 1, min(chi, b + 10)):  # "X, a notorious liar, ..."
            if lows[j] == ",":
                break
            appos += get(j, 0.0)
    else:
        seen_be = False
        for j in range(b, min(chi, b + 5)):
            low = lows[j]
            v = get(j)
            if not v and (low in _AUX or low.endswith("ly")):
                seen_be = seen_be or low in _COPULA
                continue
            if v:
                if seen_be and low.endswith(("ed", "en")):
                    passive = v
                elif seen_be:
                    pred = v
                else:
                    subj = v
            break
    j = a - 1
    if j >= clo:
        low = lows[j]
        if low == "by" and j - 1 >= clo:
            by = get(j - 1, 0.0)
        elif (low in _PREPOSITIONS or low in _ARTICLES) and j - 1 >= clo:
            obj = get(j - 1) or (get(j - 2, 0.0) if j - 2 >= clo and lows[j - 1] in _ARTICLES else 0.0)
        else:
            obj = get(j, 0.0)
    return [subj / 4, passive / 4, pred / 4, poss / 4, obj / 4, by / 4, appos / 4]


def _accusation_aimed(w: Words, a: int, b: int, clo: int, chi: int) -> tuple[float, float]:
    """(aimed at the mention, elsewhere near it in its clause) for accusation words.

    Aimed: "X was accused", "X, who is suspected", "accused X", "charges
    against X", "X's alleged role", "X faces an investigation".  Not aimed:
    "X accused Y" (X is the accuser).
    """
    acc = w.accused
    k0, k1 = bisect_left(acc, max(clo, a - 6)), bisect_left(acc, min(chi, b + 6))
    if k0 == k1:
        return 0.0, 0.0
    lows = w.lows
    j = b
    while j < min(chi, b + 4) and (lows[j] in _AUX or lows[j] in _BEFORE_ACCUSATION):
        j += 1
    if j < chi and j in acc[k0:k1] and (j > b or (j + 1 < chi and lows[j + 1] in ("of", "in", "with", "by"))):
        return 1.0, 0.0
    j = a - 1
    if j > clo and lows[j] in ("against", "into", "of", "the", "on"):
        j -= 1
    if j >= clo and j in acc[k0:k1]:
        return 1.0, 0.0
    near = sum(1 for k in acc[k0:k1] if not a <= k < b)
    return 0.0, float(min(near, 2))


def features(w: Words, a: int, b: int, w0: int, w1: int, hits: list[int],
             said: tuple[int, int] | None = None) -> list[float]:
    """Feature vector (in :data:`FEATURES` order) of the mention at tokens ``[a, b)``.

    ``[w0, w1)`` is its sentence and ``hits`` the sentence's tokens with a
    valence (from :meth:`Words.sentence`).  ``said`` is the token range of
    what the mention said when it is the source of a citation (from the
    sources measure); without it, a verb of saying next to the mention
    ("X said ...", "... said X") marks the rest of the sentence.
    """
    lows, val, quoted = w.lows, w.val, w.quoted
    clo, chi = w.clause_range(a, w0, w1)
    mq = quoted(a)
    pnl = pnr = nnl = nnr = pm = pf = nm = nf = po = no = pq = nq = ps = ns = total = 0.0
    lo, hi = max(w0, a - WINDOW), min(w1, b + WINDOW)
    # a speaker ("X said ...", "..., said X"): what X said is about others
    verbs = _report_verbs()
    said_lo = said_hi = -1
    if said is not None:
        said_lo, said_hi = said
    elif b < w1 and lows[b] in verbs:
        said_lo, said_hi = b + 1, w1
    elif b + 1 < w1 and lows[b] in _AUX and lows[b + 1] in verbs:
        said_lo, said_hi = b + 2, w1
    elif a > w0 and lows[a - 1] in verbs:
        said_lo, said_hi = w0, a - 1
    speaker = 1.0 if said_lo >= 0 else 0.0
    po2 = no2 = 0.0
    lcut, rcut = w.neighbours(a, b, w.doc.tok_sent[a])
    for j in hits[bisect_left(hits, lo):bisect_left(hits, hi)]:
        if a <= j < b:
            continue
        v = val[j]
        total += v
        if j < lcut or j > rcut:
            if v > 0:  # nearer another party: probably about it
                po2 += v
            else:
                no2 -= v
        elif said_lo <= j < said_hi:
            if v > 0:
                ps += v
            else:
                ns -= v
        elif quoted(j) != mq:
            if v > 0:
                pq += v
            else:
                nq -= v
        elif not clo <= j < chi:
            if v > 0:
                po += v
            else:
                no -= v
        elif j < a and a - j <= NEAR:
            if v > 0:
                pnl += v
            else:
                nnl -= v
        elif j >= b and j - b < NEAR:
            if v > 0:
                pnr += v
            else:
                nnr -= v
        elif (a - j if j < a else j - b + 1) <= MID:
            if v > 0:
                pm += v
            else:
                nm -= v
        elif v > 0:
            pf += v
        else:
            nf -= v
    accused, near = _accusation_aimed(w, a, b, clo, chi)
    negs = w.negs
    k = bisect_left(negs, clo)
    negated = 1.0 if k < len(negs) and negs[k] < chi else 0.0
    sq = math.log1p
    subject = 1.0 if a == w0 or (a == w0 + 1 and lows[w0] in _ARTICLES) else 0.0
    others = float(min(3, w.entity_count(w.doc.tok_sent[a]) - 1))
    return [
        sq(pnl), sq(pnr), sq(nnl), sq(nnr), sq(pm), sq(pf), sq(nm), sq(nf),
        sq(po), sq(no),
        *_role(w, a, b, clo, chi), accused, near,
        vader.normalize(total) if total else 0.0,
        1.0 if mq else 0.0, sq(pq), sq(nq),
        speaker, sq(ps), sq(ns),
        negated, sq(po2), sq(no2),
        subject, max(others, 0.0),
    ]


CLASSES = ("negative", "neutral", "positive")


@lru_cache(maxsize=1)
def model() -> tuple[list[float], list[list[float]]]:
    """Bias per class and weights per feature, in :data:`CLASSES` order (``sentiment_model.toml``)."""
    data = load_toml("sentiment_model.toml")
    weights = data["weights"]
    missing = [f for f in FEATURES if f not in weights]
    if missing:
        raise ValueError(f"sentiment_model.toml lacks weights for {missing}; retrain with benchmarks/train_sentiment.py")
    return list(data["bias"]), [list(weights[f]) for f in FEATURES]


def probabilities(x: list[float], params: tuple[list[float], list[list[float]]] | None = None) -> list[float]:
    """P(negative), P(neutral), P(positive) for feature vector ``x``."""
    bias, weights = params or model()
    z0, z1, z2 = bias
    for i in compress(range(len(x)), x):  # most features are 0: add up the others only
        xi = x[i]
        w = weights[i]
        z0 += xi * w[0]
        z1 += xi * w[1]
        z2 += xi * w[2]
    m = max(z0, z1, z2)
    e0, e1, e2 = math.exp(z0 - m), math.exp(z1 - m), math.exp(z2 - m)
    s = e0 + e1 + e2
    return [e0 / s, e1 / s, e2 / s]


def predict(x: list[float]) -> float:
    """The mention's score in [-1, 1]: P(positive) - P(negative)."""
    p = probabilities(x)
    return p[2] - p[0]
