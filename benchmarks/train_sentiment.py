"""Fit the party-sentiment model: a multinomial logistic regression over the
named features of :mod:`mediabias.measures.target_features`.

    python benchmarks/train_sentiment.py ../shared/data

Reads ``newsmtsc/train.jsonl`` only (dev-rw and dev-mt are left for the
accuracy harness) and writes ``mediabias/lexicons/sentiment_model.toml``:

1. the feature vector of every training target (8,739);
2. mention thresholds on the score P(positive) - P(negative), chosen for
   macro-F1 on out-of-fold scores (5 folds) so they are not fitted to the
   rows the weights were fitted on;
3. the weights, fitted on all training targets (plain Python: averaged
   stochastic gradient descent with L2 regularisation, fixed seed, so the
   file is reproduced byte for byte);
4. document thresholds (for a party's mean score over an article) chosen for
   macro-F1 on PerSenT dev (the only document-level data there is; the
   harness also reports a two-fold estimate: thresholds chosen on one half
   of the rows, scored on the other).

Both pairs of thresholds must leave the score of a mention with no evidence
(all features 0) neutral: a party nothing is said about is neutral.

No numpy, scikit-learn or torch: the model is 3 x (features + 1) numbers.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sentiment_data as sd  # noqa: E402

from mediabias.measures import target_features as tf  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "mediabias" / "lexicons" / "sentiment_model.toml"
EPOCHS = 30
L2 = 1e-3
SEED = 13


def fit(xs: list[list[float]], ys: list[int], epochs: int = EPOCHS, l2: float = L2, seed: int = SEED):
    """Averaged SGD for softmax regression; returns (bias[3], weights[F][3])."""
    nf = len(xs[0])
    w = [[0.0, 0.0, 0.0] for _ in range(nf)]
    b = [0.0, 0.0, 0.0]
    avg_w = [[0.0, 0.0, 0.0] for _ in range(nf)]
    avg_b = [0.0, 0.0, 0.0]
    order = list(range(len(xs)))
    rng = random.Random(seed)
    t = 0
    n_avg = 0
    for epoch in range(epochs):
        rng.shuffle(order)
        lr = 0.1 / (1 + epoch * 0.3)
        for i in order:
            x, y = xs[i], ys[i]
            z = list(b)
            nz = [(f, v) for f, v in enumerate(x) if v]
            for f, v in nz:
                wf = w[f]
                z[0] += v * wf[0]
                z[1] += v * wf[1]
                z[2] += v * wf[2]
            m = max(z)
            e = [math.exp(v - m) for v in z]
            s = sum(e)
            g = [e[c] / s - (1.0 if c == y else 0.0) for c in range(3)]
            for c in range(3):
                b[c] -= lr * g[c]
            for f, v in nz:
                wf = w[f]
                for c in range(3):
                    wf[c] -= lr * g[c] * v
            t += 1
            if t % 50 == 0:  # L2 shrinkage, applied in bulk
                shrink = 1 - lr * l2 * 50
                for wf in w:
                    for c in range(3):
                        wf[c] *= shrink
        if epoch >= epochs // 2:  # average the second half of the epochs
            n_avg += 1
            for f in range(nf):
                for c in range(3):
                    avg_w[f][c] += w[f][c]
            for c in range(3):
                avg_b[c] += b[c]
    return [v / n_avg for v in avg_b], [[v / n_avg for v in wf] for wf in avg_w]


def scores_of(params, xs):
    return [(lambda p: p[2] - p[0])(tf.probabilities(x, params)) for x in xs]


def best_thresholds(scores: list[float], gold: list[int], neutral: float | None = None) -> tuple[float, float, float]:
    """(positive, negative, macro-F1): the grid point with the best macro-F1.

    With ``neutral`` (the score of a mention with no evidence at all), the
    thresholds must leave it neutral: a party nothing is said about is not
    labelled positive or negative, whatever a data set's label prior.
    """
    grid = [round(-0.8 + 0.02 * i, 2) for i in range(81)]
    best = (0.0, 0.0, -1.0)
    for pos in grid:
        for neg in grid:
            if neg >= pos or (neutral is not None and not neg < neutral < pos):
                continue
            f = sd.macro_f1(gold, [sd.label_index(s, pos, neg) for s in scores])["macro_f1"]
            if f > best[2] + 1e-12:
                best = (pos, neg, f)
    return best


def write_model(path: Path, bias, weights, mention, document, meta: dict) -> None:
    lines = [
        "# Party-sentiment model: multinomial logistic regression over the named",
        "# features of mediabias/measures/target_features.py (classes: negative,",
        "# neutral, positive).  Written by benchmarks/train_sentiment.py -- do not",
        "# edit by hand; rerun the script.",
        f"# Fitted on {meta['train']} ({meta['n']} targets); {meta['note']}",
        "",
        f"bias = [{', '.join(f'{v:.6f}' for v in bias)}]",
        "",
        "[thresholds]",
        f"mention = {{ positive = {mention[0]:.2f}, negative = {mention[1]:.2f} }}",
        f"document = {{ positive = {document[0]:.2f}, negative = {document[1]:.2f} }}",
        "",
        "[weights]",
    ]
    for name, w in zip(tf.FEATURES, weights):
        lines.append(f"{name} = [{', '.join(f'{v:.6f}' for v in w)}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the shared data folder (holds newsmtsc/ and persent/)")
    ap.add_argument("--out", type=Path, default=MODEL, help=f"model file to write (default {MODEL.relative_to(ROOT)})")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()

    t0 = time.perf_counter()
    rows = list(sd.newsmtsc_targets(args.data / "newsmtsc" / "train.jsonl"))
    xs = [x for x, _ in rows]
    ys = [y for _, y in rows]
    print(f"{len(xs)} training targets, {len(tf.FEATURES)} features ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)

    # out-of-fold scores for the mention thresholds
    oof = [0.0] * len(xs)
    for k in range(args.folds):
        tr = [i for i in range(len(xs)) if i % args.folds != k]
        te = [i for i in range(len(xs)) if i % args.folds == k]
        params = fit([xs[i] for i in tr], [ys[i] for i in tr])
        for i, s in zip(te, scores_of(params, [xs[i] for i in te])):
            oof[i] = s
    bias0, weights0 = fit(xs, ys)
    neutral = scores_of((bias0, weights0), [[0.0] * len(tf.FEATURES)])[0]
    pos, neg, f_oof = best_thresholds(oof, ys, neutral)
    print(f"mention thresholds +{pos:.2f} / {neg:.2f}: out-of-fold macro-F1 {f_oof:.3f}", file=sys.stderr)

    bias, weights = bias0, weights0
    train_f = sd.macro_f1(ys, [sd.label_index(s, pos, neg) for s in scores_of((bias, weights), xs)])["macro_f1"]
    print(f"fitted on all: training macro-F1 {train_f:.3f}", file=sys.stderr)

    meta = {"train": "NewsMTSC train.jsonl", "n": len(xs), "note": "document thresholds on PerSenT dev."}
    document = (pos, neg)
    write_model(args.out, bias, weights, (pos, neg), document, meta)
    persent = args.data / "persent" / "dev.csv"
    if persent.exists():
        _reload()
        docs = list(sd.persent_documents(persent))
        scores = [sd.persent_score(text, entity) for _, entity, text, _ in docs]
        gold = [g for (*_, g) in docs]
        s_or_0 = [0.0 if s is None else s for s in scores]
        dpos, dneg, f_doc = best_thresholds(s_or_0, gold, neutral)
        document = (dpos, dneg)
        print(f"document thresholds +{dpos:.2f} / {dneg:.2f}: PerSenT dev macro-F1 {f_doc:.3f}", file=sys.stderr)
    else:
        meta["note"] = "no PerSenT found: document thresholds = mention thresholds."
    write_model(args.out, bias, weights, (pos, neg), document, meta)
    print(f"wrote {args.out} ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)


def _reload() -> None:
    from mediabias.lexicons import load_toml
    from mediabias.measures import sentiment

    load_toml.cache_clear()
    tf.model.cache_clear()
    sentiment.thresholds.cache_clear()


if __name__ == "__main__":
    main()
