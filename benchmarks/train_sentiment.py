"""Fit the party-sentiment model: a multinomial logistic regression over the
named features of :mod:`mediabias.measures.target_features` and its word
features (:func:`~mediabias.measures.target_features.lexical`).

    pip install numpy scipy        # for this script only; mediabias does not use them
    python benchmarks/train_sentiment.py ../shared/data

Reads ``newsmtsc/train.jsonl`` (dev-rw and dev-mt are left for the accuracy
harness; PerSenT dev only for the document thresholds, step 5) and writes
``mediabias/lexicons/event_words.txt``, ``sentiment_model.toml`` (bias,
offsets, the no-evidence logit, document thresholds, the named features'
weights) and ``sentiment_words.tsv`` (the word features' weights):

0. the event words (:func:`derive_events`): for every training target, the
   words with a valence around it and whether each is aimed at it; a stem
   whose valence carries over to targets it is not aimed at less than half as
   much as a typical word of its sign is an event word, counted only where
   aimed (``--select`` prints the cross-validation of this rule's two
   parameters, the event words derived again on each fold);
1. the named features and word features of every training target (8,739);
   word features seen in fewer than 3 targets are dropped;
2. the weights: L2-regularised maximum likelihood (L-BFGS, scipy), L2 1e-4 on
   the named features and 5e-4 on the word features -- chosen, with the
   window (20 words), the decay (12) and the stemming, by 5-fold
   cross-validation on train grouped by sentence (out-of-fold macro-F1 0.678
   against 0.609 for the named features alone);
3. the label offset -- one number added to both log P(negative) and log
   P(positive) before the most probable class is taken, so that no label
   goes against the sign of its score -- chosen for macro-F1 on out-of-fold
   probabilities (5 folds, grouped by sentence), constrained to leave a
   mention with no evidence neutral;
4. the no-evidence logit: a mention with no word with a valence around it and
   no accusation gets P(negative) = P(positive) = half the share of training
   targets without evidence that are not neutral (its score is 0, its label
   neutral), whatever its word features;
5. document thresholds (for a party's mean score P(pos) - P(neg) over an
   article) chosen for macro-F1 on PerSenT dev (the only document-level data
   there is; the harness also reports a two-fold estimate).

Weights are relative to the neutral class: each feature has a (negative,
positive) pair.  Inference (mediabias) is plain Python.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sentiment_data as sd  # noqa: E402

from mediabias.measures import target_features as tf  # noqa: E402
from mediabias.measures import valence  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "mediabias" / "lexicons" / "sentiment_model.toml"
WORDS = ROOT / "mediabias" / "lexicons" / "sentiment_words.tsv"
EVENTS = ROOT / "mediabias" / "lexicons" / "event_words.txt"
EVENT_RATIO = 0.5  # an event word carries over less than half of what a typical word of its sign does
EVENT_PRIOR = 20.0  # pseudo-occurrences at the typical carry-over
MIN_COUNT = 3
L2_NAMED = 1e-4
L2_WORDS = 5e-4
FOLDS = 5
MAX_ITER = 300


def design(rows, vocab: dict[str, int]):
    """Sparse matrix: named features, then word features."""
    import numpy as np
    import scipy.sparse as sp

    nd = len(tf.FEATURES)
    ri, ci, vv = [], [], []
    for k, (x, lex, *_rest) in enumerate(rows):
        for i, v in enumerate(x):
            if v:
                ri.append(k)
                ci.append(i)
                vv.append(v)
        for f, v in lex.items():
            j = vocab.get(f)
            if j is not None:
                ri.append(k)
                ci.append(nd + j)
                vv.append(v)
    return sp.csr_matrix((np.array(vv, dtype=float), (ri, ci)), shape=(len(rows), nd + len(vocab)))


def fit(X, y, n_named: int):
    """(W[d, 3], b[3]) maximising the L2-penalised log-likelihood."""
    import numpy as np
    from scipy.optimize import minimize

    n, d = X.shape
    Y = np.zeros((n, 3))
    Y[np.arange(n), y] = 1
    reg = np.full(d, L2_WORDS)
    reg[:n_named] = L2_NAMED
    XT = X.T.tocsr()

    def f(theta):
        W = theta[: d * 3].reshape(d, 3)
        b = theta[d * 3 :]
        Z = X @ W + b
        Z -= Z.max(1, keepdims=True)
        E = np.exp(Z)
        P = E / E.sum(1, keepdims=True)
        loss = -np.log((P * Y).sum(1) + 1e-12).sum() / n + 0.5 * (reg[:, None] * W * W).sum()
        G = (P - Y) / n
        return loss, np.concatenate([(XT @ G + reg[:, None] * W).ravel(), G.sum(0)])

    res = minimize(f, np.zeros(d * 3 + 3), jac=True, method="L-BFGS-B", options={"maxiter": MAX_ITER})
    return res.x[: d * 3].reshape(d, 3), res.x[d * 3 :]


def relative(W, b):
    """Weights relative to the neutral class: (negative - neutral, positive - neutral)."""
    return W[:, [0, 2]] - W[:, [1]], (b[0] - b[1], b[2] - b[1])


def best_offsets(logits_np, y, zero):
    """(d, d, macro-F1): the one offset added to both the negative and the positive logit (neutral 0)
    with the best macro-F1.  One offset for both keeps every label on the side of its score (negative
    only when P(negative) > P(positive)); the logits ``zero`` of a mention with no evidence must
    stay neutral."""
    import numpy as np

    grid = [round(-1.5 + 0.05 * i, 2) for i in range(61)]
    best = (0.0, 0.0, -1.0)
    for d in grid:
        if max(zero[0], zero[1]) + d >= 0:
            continue
        z = np.stack([logits_np[:, 0] + d, np.zeros(len(y)), logits_np[:, 1] + d], 1)
        f = sd.macro_f1(list(y), list(z.argmax(1)))["macro_f1"]
        if f > best[2] + 1e-12:
            best = (d, d, f)
    return best


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


def write_model(bias, dense, words: dict[str, tuple[float, float]], offsets, document, silent: float, meta: dict) -> None:
    lines = [
        "# Party-sentiment model: multinomial logistic regression over the named",
        "# features of mediabias/measures/target_features/ and its word features",
        "# (sentiment_words.tsv).  Weights are (negative, positive) relative to the",
        "# neutral class.  Written by benchmarks/train_sentiment.py -- do not edit",
        "# by hand; rerun the script.",
        f"# Fitted on {meta['train']} ({meta['n']} targets, {meta['words']} word features); {meta['note']}",
        "",
        f"bias = [{bias[0]:.6f}, {bias[1]:.6f}]",
        "",
        "# added to the negative and positive logits before the most probable class is the label",
        f"offsets = {{ negative = {offsets[0]:.2f}, positive = {offsets[1]:.2f} }}",
        "",
        "# a mention with no evidence (no word with a valence around it, no accusation): its negative and",
        "# positive logits, whatever its other features -- NewsMTSC's training targets without evidence,",
        "# their non-neutral share split evenly between the two directions",
        f"no_evidence = {{ logit = {silent:.6f} }}",
        "",
        "[thresholds]",
        "# for a party's mean score P(positive) - P(negative) over an article",
        f"document = {{ positive = {document[0]:.2f}, negative = {document[1]:.2f} }}",
        "",
        "[weights]",
    ]
    for name, w in zip(tf.FEATURES, dense):
        lines.append(f"{name} = [{w[0]:.6f}, {w[1]:.6f}]")
    MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = [
        "# Word features of the party-sentiment model: feature, weight toward negative, toward positive",
        "# (relative to neutral).  L|w / R|w: the (stemmed) word w left / right of the mention within 20",
        "# words; P1, N1: the word just before / after; P2, N2: the two words before / after.",
        "# Written by benchmarks/train_sentiment.py -- do not edit by hand.",
    ]
    for f in sorted(words):
        n, p = words[f]
        out.append(f"{f}\t{n:.4f}\t{p:.4f}")
    WORDS.write_text("\n".join(out) + "\n", encoding="utf-8")


def walk_valence_words(path: Path) -> list[tuple[int, list[tuple[str, float, bool]]]]:
    """(gold label index, [(stem, valence, aimed)]) for every target of a NewsMTSC file: the words with
    a valence in the target's window, one entry per stem (aimed if any of its occurrences is)."""
    out = []
    for reader, a, b, gold, _sid in sd.newsmtsc_mentions(path):
        w = reader.words
        seen: dict[str, tuple[float, bool]] = {}
        for j, aimed in reader.aimed_words(a, b):
            st = valence.stem(w.lows[j])
            v, was = seen.get(st, (w.val[j], False))
            seen[st] = (v, was or aimed)
        out.append((gold, [(st, v, am) for st, (v, am) in seen.items()]))
    return out


def derive_events(walked, ratio: float = EVENT_RATIO, prior: float = EVENT_PRIOR) -> set[str]:
    """The event words: stems whose valence carries over to the NewsMTSC label of targets it is
    *not* aimed at less than ``ratio`` times as much as a typical word of its sign does.

    Carry-over of one occurrence: +1 when the target's label has the word's sign, -1 when it has
    the other sign, 0 when it is neutral.  A word's mean carry-over is shrunk toward its sign's mean
    ``m`` by ``prior`` pseudo-occurrences: ``(sum + prior * m) / (n + prior)``, so a rare word keeps
    the typical carry-over and only a word seen often enough becomes an event word."""
    total: dict[str, float] = {}
    count: dict[str, int] = {}
    sign: dict[str, int] = {}
    by_sign: dict[int, list[int]] = {1: [], -1: []}
    for gold, words in walked:
        for st, v, aimed in words:
            if aimed:
                continue
            sg = 1 if v > 0 else -1
            agree = (gold - 1) * sg
            total[st] = total.get(st, 0.0) + agree
            count[st] = count.get(st, 0) + 1
            sign[st] = sg
            by_sign[sg].append(agree)
    mean = {sg: sum(v) / len(v) for sg, v in by_sign.items() if v}
    return {st for st, n in count.items()
            if (total[st] + prior * mean[sign[st]]) / (n + prior) < ratio * mean[sign[st]]}


def write_events(events: set[str], n_targets: int) -> None:
    EVENTS.write_text("\n".join([
        "# Event words for party sentiment: stems whose valence (VADER / news_valence.txt) does not carry over",
        "# to a party they are not aimed at, in NewsMTSC's annotations (train split, "
        f"{n_targets} targets): carry-over less than",
        f"# {EVENT_RATIO} times a typical word of the same sign, shrunk by {EVENT_PRIOR:g} pseudo-occurrences.  They count only",
        "# where aimed at the mention (see measures/target_features/).  Written by benchmarks/train_sentiment.py --",
        "# do not edit by hand.",
        *sorted(events)]) + "\n", encoding="utf-8")


def silent_logit(y) -> float:
    """z_negative = z_positive (neutral 0) of a mention with no evidence: the share of NewsMTSC's
    training targets without evidence that are not neutral, split evenly between the two directions."""
    import numpy as np

    q = float(np.mean(y != 1)) / 2
    return float(np.log(q / (1 - 2 * q)))


def features_and_design(path: Path):
    import numpy as np

    rows = list(sd.newsmtsc_targets(path))
    y = np.array([r[2] for r in rows])
    sids = np.array([r[3] for r in rows])
    evidence = np.array([tf.has_evidence(r[0]) for r in rows])
    counts = Counter(f for r in rows for f in r[1])
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}
    return rows, y, sids, evidence, vocab, design(rows, vocab)


def out_of_fold(X, y, evidence, folds, nd: int):
    """Out-of-fold logits (5 folds grouped by sentence); a mention with no evidence gets its fold's silent logit."""
    import numpy as np

    oof = np.zeros((len(y), 2))
    for k in range(FOLDS):
        tr, te = folds != k, folds == k
        W, b = fit(X[tr], y[tr], nd)
        R, rb = relative(W, b)
        oof[te] = X[te] @ R + np.array(rb)
        oof[te & ~evidence] = silent_logit(y[tr & ~evidence])
    return oof


def select(data: Path) -> None:
    """Cross-validation of the event-word parameters on train (the event words are derived again on
    each fold's training part): out-of-fold macro-F1 for a small grid, for the record."""
    import numpy as np

    path = data / "newsmtsc" / "train.jsonl"
    walked = walk_valence_words(path)
    sentence = [sid for _r, _a, _b, _g, sid in sd.newsmtsc_mentions(path)]
    for ratio, prior in ((None, None), (0.0, 10), (0.25, 20), (0.5, 10), (0.5, 20), (0.75, 20)):
        oof = y = None
        for k in range(FOLDS):
            _set_events(set() if ratio is None else derive_events(
                [w for w, s in zip(walked, sentence) if s % 7919 % FOLDS != k], ratio, prior))
            rows, y, sids, evidence, vocab, X = features_and_design(path)
            folds = sids % 7919 % FOLDS
            tr, te = folds != k, folds == k
            W, b = fit(X[tr], y[tr], len(tf.FEATURES))
            R, rb = relative(W, b)
            oof = np.zeros((len(y), 2)) if oof is None else oof
            oof[te] = X[te] @ R + np.array(rb)
            oof[te & ~evidence] = silent_logit(y[tr & ~evidence])
        f = sd.macro_f1(list(y), list(np.stack([oof[:, 0], np.zeros(len(y)), oof[:, 1]], 1).argmax(1)))["macro_f1"]
        n = 0 if ratio is None else len(derive_events(walked, ratio, prior))
        print(f"event words ratio {ratio} prior {prior}: {n} words, out-of-fold macro-F1 {f:.3f}", file=sys.stderr)
    _set_events(None)


_EVENT_FILE = valence.event_words


def _set_events(events: set[str] | None) -> None:
    """Use ``events`` as the event words in this process (None: the packaged file again)."""
    _EVENT_FILE.cache_clear()
    valence.event_words = _EVENT_FILE if events is None else (lambda: frozenset(events))


def main() -> None:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the shared data folder (holds newsmtsc/ and persent/)")
    ap.add_argument("--select", action="store_true",
                    help="only print the cross-validation of the event-word parameters (writes nothing)")
    ap.add_argument("--no-events", action="store_true",
                    help="no event words (to measure what they do; the packaged model has them)")
    args = ap.parse_args()
    if args.select:
        select(args.data)
        return

    t0 = time.perf_counter()
    path = args.data / "newsmtsc" / "train.jsonl"
    walked = walk_valence_words(path)
    events = set() if args.no_events else derive_events(walked)
    write_events(events, len(walked))
    valence.event_words.cache_clear()
    rows, y, sids, evidence, vocab, X = features_and_design(path)
    nd = len(tf.FEATURES)
    print(f"{len(rows)} training targets ({int((~evidence).sum())} with no evidence), {len(events)} event words, "
          f"{nd} named + {len(vocab)} word features ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)

    folds = sids % 7919 % FOLDS
    oof = out_of_fold(X, y, evidence, folds, nd)
    W, b = fit(X, y, nd)
    R, rb = relative(W, b)
    z0 = silent_logit(y[~evidence])
    dn, dp, f_oof = best_offsets(oof, y, (z0, z0))
    print(f"no evidence: logit {z0:.3f}; offsets {dn:+.2f} / {dp:+.2f}: out-of-fold macro-F1 {f_oof:.3f}", file=sys.stderr)
    full = X @ R + np.array(rb)
    full[~evidence] = z0
    z = np.stack([full[:, 0] + dn, np.zeros(len(y)), full[:, 1] + dp], 1)
    print(f"fitted on all: training macro-F1 {sd.macro_f1(list(y), list(z.argmax(1)))['macro_f1']:.3f}", file=sys.stderr)

    dense = [tuple(R[i]) for i in range(nd)]
    words = {f: tuple(R[nd + j]) for f, j in vocab.items() if abs(R[nd + j][0]) >= 5e-5 or abs(R[nd + j][1]) >= 5e-5}
    meta = {"train": "NewsMTSC train.jsonl", "n": len(rows), "words": len(words), "note": "document thresholds on PerSenT dev."}
    write_model(rb, dense, words, (dn, dp), (0.5, -0.5), z0, meta)
    persent = args.data / "persent" / "dev.csv"
    if persent.exists():
        _reload()
        docs = list(sd.persent_documents(persent))
        scores = [sd.persent_score(text, entity) for _, entity, text, _ in docs]
        gold = [g for (*_, g) in docs]
        s_or_0 = [0.0 if s is None else s for s in scores]
        neutral = tf.predict([0.0] * nd)  # the score of a mention with no evidence
        dpos, dneg, f_doc = best_thresholds(s_or_0, gold, neutral)
        print(f"document thresholds +{dpos:.2f} / {dneg:.2f}: PerSenT dev macro-F1 {f_doc:.3f}", file=sys.stderr)
        write_model(rb, dense, words, (dn, dp), (dpos, dneg), z0, meta)
    else:
        print("no PerSenT found: document thresholds left at +0.50 / -0.50", file=sys.stderr)
    print(f"wrote {MODEL}, {WORDS} and {EVENTS} ({time.perf_counter() - t0:.0f}s)", file=sys.stderr)


def _reload() -> None:
    from mediabias.lexicons import load_toml
    from mediabias.measures import sentiment

    load_toml.cache_clear()
    tf.model.cache_clear()
    sentiment.offsets.cache_clear()  # the party label no longer reads the document thresholds


if __name__ == "__main__":
    main()
