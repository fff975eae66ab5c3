"""The party-sentiment model: weights, the no-evidence calibration, probabilities and labels.
See :mod:`mediabias.measures.target_features`."""

from __future__ import annotations

import math
from functools import lru_cache
from itertools import compress

from mediabias.lexicons import load_toml
from mediabias.measures.target_features.named import FEATURES, has_evidence

CLASSES = ("negative", "neutral", "positive")


class Model:
    """Weights relative to neutral: ``bias`` and each named feature's (negative, positive) pair;
    the word features as ``sides`` (stem -> left negative, left positive, right negative, right
    positive) and ``near`` (the ``P1|``/``N1|``/``P2|``/``N2|`` features -> negative, positive);
    ``silent``: z_negative = z_positive of a mention with no evidence (:func:`has_evidence`);
    ``offsets`` added to log P(negative), log P(positive) before the label is chosen."""

    def __init__(self, bias: tuple[float, float], dense: list[tuple[float, float]], sides: dict, near: dict,
                 offsets: tuple[float, float], silent: float = -1.0) -> None:
        self.bias, self.dense, self.sides, self.near, self.offsets = bias, dense, sides, near, offsets
        self.silent = silent

    def weight(self, feature: str) -> tuple[float, float] | None:
        """The (negative, positive) weight of one word feature by its name, e.g. ``L|slamm``."""
        kind = feature[:2]
        if kind in ("L|", "R|"):
            t = self.sides.get(feature[2:])
            return None if t is None else t[:2] if kind == "L|" else t[2:]
        return self.near.get(feature)


@lru_cache(maxsize=1)
def model() -> Model:
    """The fitted model (``sentiment_model.toml`` and ``sentiment_words.tsv``)."""
    from mediabias.cache import cached, file_key
    from mediabias.lexicons import _HERE

    data = load_toml("sentiment_model.toml")
    weights = data["weights"]
    missing = [f for f in FEATURES if f not in weights]
    if missing:
        raise ValueError(f"sentiment_model.toml lacks weights for {missing}; retrain with benchmarks/train_sentiment.py")
    path = _HERE / "sentiment_words.tsv"

    def parse() -> tuple[dict, dict]:
        sides: dict[str, list[float]] = {}
        near: dict[str, tuple[float, float]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                f, n, p = line.split("\t")
                if f[:2] in ("L|", "R|"):
                    k = 0 if f[0] == "L" else 2
                    t = sides.setdefault(f[2:], [0.0, 0.0, 0.0, 0.0])
                    t[k], t[k + 1] = float(n), float(p)
                else:
                    near[f] = (float(n), float(p))
        return {w: tuple(t) for w, t in sides.items()}, near

    sides, near = cached("sentiment-words", ("sides+near", file_key([path])), parse)
    off = data["offsets"]
    return Model(tuple(data["bias"]), [tuple(weights[f]) for f in FEATURES], sides, near,
                 (float(off["negative"]), float(off["positive"])), float(data["no_evidence"]["logit"]))


def logits(x: list[float], lex: dict[str, float] | tuple[float, float] | None = None,
           m: Model | None = None) -> tuple[float, float]:
    """(z_negative, z_positive) relative to z_neutral = 0; ``lex``: the word features
    (:func:`lexical`) or what they add (:func:`word_logits`).  A mention with no evidence
    (:func:`has_evidence`) has the model's ``silent`` logits whatever its word features."""
    m = m or model()
    if not has_evidence(x):
        return m.silent, m.silent
    zn, zp = m.bias
    if isinstance(lex, tuple):
        zn += lex[0]
        zp += lex[1]
        lex = None
    dense = m.dense
    for i in compress(range(len(x)), x):  # most features are 0: add up the others only
        xi = x[i]
        wn, wp = dense[i]
        zn += xi * wn
        zp += xi * wp
    if lex:
        get = m.weight
        for f, v in lex.items():
            wt = get(f)
            if wt is not None:
                zn += v * wt[0]
                zp += v * wt[1]
    return zn, zp


def assess(x: list[float], lex: tuple[float, float], m: Model | None = None) -> tuple[list[float], str]:
    """(probabilities, label) of a mention: :func:`probabilities` and :func:`label` from one sum."""
    m = m or model()
    zn, zp = logits(x, lex, m)
    return _softmax(zn, zp), _argmax(zn, zp, m)


def silent_probabilities(m: Model | None = None) -> list[float]:
    """P(negative), P(neutral), P(positive) of a mention with no evidence."""
    m = m or model()
    return _softmax(m.silent, m.silent)


def _softmax(zn: float, zp: float) -> list[float]:
    top = max(zn, 0.0, zp)
    en, e0, ep = math.exp(zn - top), math.exp(-top), math.exp(zp - top)
    s = en + e0 + ep
    return [en / s, e0 / s, ep / s]


def _argmax(zn: float, zp: float, m: Model) -> str:
    # log P(c) + offset, up to the same constant: z_c + offset
    scores = (zn + m.offsets[0], 0.0, zp + m.offsets[1])
    return CLASSES[max(range(3), key=scores.__getitem__)]


def probabilities(x: list[float], lex: dict[str, float] | None = None, m: Model | None = None) -> list[float]:
    """P(negative), P(neutral), P(positive) for named features ``x`` and word features ``lex``."""
    return _softmax(*logits(x, lex, m))


def predict(x: list[float], lex: dict[str, float] | None = None) -> float:
    """The mention's score in [-1, 1]: P(positive) - P(negative)."""
    p = probabilities(x, lex)
    return p[2] - p[0]


def label(x: list[float], lex: dict[str, float] | None = None, m: Model | None = None) -> str:
    """The mention's label: the most probable class after the offsets (chosen by the training
    script on out-of-fold predictions, so that a mention with no evidence stays neutral)."""
    m = m or model()
    return _argmax(*logits(x, lex, m), m)
