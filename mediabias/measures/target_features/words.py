"""The word features of a party mention: the words around it by side, with distance weights, and
the words right next to it -- by name (:func:`lexical`, for training) or as what they add to the
logits (:func:`word_logits`, the run-time path).  See :mod:`mediabias.measures.target_features`."""

from __future__ import annotations

import math

from mediabias.measures.target_features.model import Model, model
from mediabias.measures.valence import Words, stem

WORD_WINDOW = 20  # words either side that are word features
WORD_DECAY = 12.0  # a word feature's value: e^-(d-1)/WORD_DECAY at distance d
MASK = "<ent>"  # another party's mention, as a word feature
_DECAY = tuple(math.exp(-(d - 1) / WORD_DECAY) for d in range(WORD_WINDOW + 2))


def lexical(w: Words, a: int, b: int, w0: int, w1: int) -> dict[str, float]:
    """The word features of the mention at tokens ``[a, b)`` in the sentence ``[w0, w1)``:
    ``L|stem`` / ``R|stem`` (the nearest occurrence's distance weight), and the words right
    before and after it ``P1|``, ``N1|``, ``P2|prev2_prev``, ``N2|next_next2`` (value 1)."""
    st = stems(w)
    out: dict[str, float] = {}
    for j in range(max(w0, a - WORD_WINDOW), a):
        out["L|" + st[j]] = _DECAY[a - j]  # nearer words come later and win
    for j in range(min(w1, b + WORD_WINDOW) - 1, b - 1, -1):
        out["R|" + st[j]] = _DECAY[j - b + 1]
    out.update(dict.fromkeys(_near_features(st, a, b, w0, w1), 1.0))
    return out


def _near_features(st: list[str], a: int, b: int, w0: int, w1: int) -> tuple[str, str, str, str]:
    """The names of the features of the words right before and after the mention."""
    prev = st[a - 1] if a > w0 else "<s>"
    nxt = st[b] if b < w1 else "</s>"
    return ("P1|" + prev, "N1|" + nxt, "P2|" + (st[a - 2] if a - 1 > w0 else "<s>") + "_" + prev,
            "N2|" + nxt + "_" + (st[b + 1] if b + 1 < w1 else "</s>"))


def stems(w: Words) -> list[str]:
    """Every token's word-feature form (its stem, or ``<ent>`` in a party's mention), once per document."""
    got = w._stems
    if got is None:
        got = list(map(stem, w.lows))
        for j in w._muted:
            got[j] = MASK
        w._stems = got
    return got


_DECAY_FROM_1 = _DECAY[1:]


def _side(forms: list[str], weights: list, k: int) -> tuple[float, float]:
    """Sum of decay(d) x weight over a window (nearest first, d = 1, 2, ...), counting only the
    nearest occurrence of a word; ``forms`` its words, ``weights`` their (left n, left p, right n,
    right p) weights or None; ``k``: 0 for the left weights, 2 for the right."""
    zn = zp = 0.0
    if len(set(forms)) == len(forms):  # the common case: no word repeats
        for d, t in zip(_DECAY_FROM_1, weights):
            if t is not None:
                zn += d * t[k]
                zp += d * t[k + 1]
        return zn, zp
    seen = set()
    for d, x, t in zip(_DECAY_FROM_1, forms, weights):
        if x in seen:
            continue
        seen.add(x)
        if t is not None:
            zn += d * t[k]
            zp += d * t[k + 1]
    return zn, zp


def word_logits(w: Words, a: int, b: int, w0: int, w1: int, m: Model | None = None) -> tuple[float, float]:
    """What the word features of the mention add to (z_negative, z_positive): the same sum as
    :func:`logits` over :func:`lexical`, without building the feature names (the run-time path)."""
    m = m or model()
    st = stems(w)
    wts = w._side_weights
    if wts is None:  # each token's side weights, looked up once per document
        wts = w._side_weights = list(map(m.sides.get, st))
    lo, hi = max(w0, a - WORD_WINDOW), min(w1, b + WORD_WINDOW)
    ln, lp = _side(st[lo:a][::-1], wts[lo:a][::-1], 0)
    rn, rp = _side(st[b:hi], wts[b:hi], 2)
    zn, zp = ln + rn, lp + rp
    get = m.near.get
    for f in _near_features(st, a, b, w0, w1):
        t = get(f)
        if t is not None:
            zn += t[0]
            zp += t[1]
    return zn, zp
