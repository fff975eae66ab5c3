"""Resampling statistics for corpus summaries (numpy; imported only by them).

The data is a matrix ``X`` of articles x measures with NaN where an article
has no value.  Three things are computed:

* ``bootstrap`` -- the percentile bootstrap of each measure's mean over a
  group's articles: the articles are resampled with replacement (all
  measures from the same resamples) and each measure's mean is taken over
  the resampled articles that have a value.  The 2.5th and 97.5th
  percentiles of the resampled means bound the 95 % interval.
* ``permutation_p`` -- a two-sided permutation test of "this group's mean
  differs from the rest's": the articles' group labels are shuffled, the
  difference of means recomputed, and p = (1 + shuffles at least as extreme)
  / (1 + shuffles).  A random permutation's first n articles are a random
  group of size n, so one set of shuffles serves every group size at once
  (prefix sums); the smallest p a test can give is 1 / (1 + shuffles).
* ``benjamini_hochberg`` -- adjusted p-values controlling the false
  discovery rate over all the tests of a summary.

Every random draw comes from ``numpy.random.default_rng`` seeded by the
caller, so a summary is reproducible.
"""

from __future__ import annotations

import numpy as np

BLOCK_ELEMENTS = 4_000_000  # resamples are drawn in blocks of about this many numbers


def _means(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(counts > 0, sums / np.where(counts > 0, counts, 1), np.nan)


def bootstrap(x: np.ndarray, ok: np.ndarray, resamples: int, rng: np.random.Generator,
              confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper bounds of each column's mean (``x``: n x m with NaN
    replaced by 0, ``ok``: 1.0 where a value exists)."""
    n, m = x.shape
    both = np.concatenate([x, ok], axis=1)  # one product gives the sums and the counts
    means = np.empty((resamples, m))
    block = max(1, min(resamples, BLOCK_ELEMENTS // max(n, 1)))
    for start in range(0, resamples, block):
        b = min(block, resamples - start)
        draws = rng.integers(0, n, size=(b, n))
        # how often each article was drawn in each resample
        weights = np.bincount((draws + (np.arange(b) * n)[:, None]).ravel(), minlength=b * n).reshape(b, n)
        sums = weights.astype(np.float64) @ both
        means[start:start + b] = _means(sums[:, :m], sums[:, m:])
    tail = (1 - confidence) / 2 * 100
    with np.errstate(invalid="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # a column with no value in any resample
            low, high = np.nanpercentile(means, [tail, 100 - tail], axis=0)
    return low, high


def permutation_p(x: np.ndarray, ok: np.ndarray, groups: list[np.ndarray], shuffles: int,
                  rng: np.random.Generator) -> np.ndarray:
    """Two-sided permutation p-values, one row per group in ``groups`` (arrays
    of row indices into ``x``), one column per measure; NaN where a side has
    no value."""
    n_all, m = x.shape
    total, count = x.sum(axis=0), ok.sum(axis=0)
    observed = np.full((len(groups), m), np.nan)
    for g, rows in enumerate(groups):
        s, c = x[rows].sum(axis=0), ok[rows].sum(axis=0)
        observed[g] = _means(s, c) - _means(total - s, count - c)
    # a group larger than half the corpus is tested through its complement
    sizes = [len(rows) if 2 * len(rows) <= n_all else n_all - len(rows) for rows in groups]
    prefix = sorted({size for size in sizes if size > 0})
    if not prefix:
        return np.full((len(groups), m), np.nan)
    top = prefix[-1]
    cuts = np.array([0] + prefix[:-1])  # segment starts for reduceat
    position = {size: i for i, size in enumerate(prefix)}
    extreme = np.zeros((len(groups), m))
    valid = np.zeros((len(groups), m))
    both = np.concatenate([x, ok], axis=1)
    block = max(1, min(shuffles, BLOCK_ELEMENTS // max(top * 2 * m, 1)))
    base = np.tile(np.arange(n_all), (block, 1))
    for start in range(0, shuffles, block):
        b = min(block, shuffles - start)
        order = rng.permuted(base[:b], axis=1)[:, :top]
        # sums and counts of the first k articles of each shuffle, for every group size k: b x sizes x 2m
        prefix_sums = np.add.reduceat(both[order], cuts, axis=1).cumsum(axis=1)
        for g, (rows, size) in enumerate(zip(groups, sizes)):
            if size == 0:
                continue
            s, c = prefix_sums[:, position[size], :m], prefix_sums[:, position[size], m:]
            if size != len(rows):  # the prefix stands for the rest; the group is its complement
                s, c = total - s, count - c
            diff = _means(s, c) - _means(total - s, count - c)
            ok_diff = ~np.isnan(diff)
            with np.errstate(invalid="ignore"):
                extreme[g] += ((np.abs(diff) >= np.abs(observed[g]) - 1e-12) & ok_diff).sum(axis=0)
            valid[g] += ok_diff.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = (1 + extreme) / (1 + valid)
    p[np.isnan(observed)] = np.nan
    return p


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (NaN entries stay NaN and are not counted as tests)."""
    flat = p.ravel()
    idx = np.flatnonzero(~np.isnan(flat))
    out = np.full_like(flat, np.nan, dtype=np.float64)
    if idx.size:
        order = idx[np.argsort(flat[idx], kind="stable")]
        ranked = flat[order] * idx.size / np.arange(1, idx.size + 1)
        out[order] = np.minimum(1.0, np.minimum.accumulate(ranked[::-1])[::-1])
    return out.reshape(p.shape)
