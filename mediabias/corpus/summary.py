"""Records -> a corpus summary: per group, each headline measure's mean with
a bootstrap interval and a permutation test against the rest of the corpus.

``summarize(records, by="outlet")`` reads records as ``mediabias score``
writes them (an iterable: a JSONL file or a results database can be streamed
through it) and returns a JSON-ready dict; renderers lay it out.  See
:mod:`mediabias.corpus.stats` for the statistics and
:mod:`mediabias.corpus.values` for what is read from each record.
"""

from __future__ import annotations

import zlib
from typing import Any, Iterable

from mediabias.corpus.values import (
    ALL,
    FAMILIES,
    FIXED,
    UNKNOWN,
    Article,
    Measure,
    article,
    distancing_measure,
    group_of,
    stance_measure,
)

Record = dict[str, Any]

DEFAULTS = {"by": "outlet", "period": None, "min_articles": 10, "resamples": 1000, "seed": 0, "top_parties": 8,
            "families": None}
CONFIDENCE = 0.95
FDR = 0.05  # a cell is marked when its Benjamini-Hochberg adjusted p is below this


class SummaryError(ValueError):
    """Nothing to summarise, or options that cannot work together."""


def _order_groups(counts: dict[str, int], by: str) -> list[str]:
    if by == "date":  # chronological; the undated last
        return sorted((g for g in counts if g != UNKNOWN)) + ([UNKNOWN] if UNKNOWN in counts else [])
    return sorted(counts, key=lambda g: (g == UNKNOWN, -counts[g], g))


def _parties(articles: list[Article], min_articles: int, top: int) -> list[str]:
    seen: dict[str, int] = {}
    for a in articles:
        for name in a.parties:
            seen[name] = seen.get(name, 0) + 1
    ranked = sorted((name for name, n in seen.items() if n >= min_articles), key=lambda name: (-seen[name], name))
    return ranked[:top]


def _matrix(articles: list[Article], measures: list[Measure]):
    import numpy as np

    x = np.full((len(articles), len(measures)), np.nan)
    fixed = {m.key: i for i, m in enumerate(FIXED)}
    for r, a in enumerate(articles):
        for c, m in enumerate(measures):
            if m.party is None:
                v = a.fixed[fixed[m.key]]
            else:
                pv = a.parties.get(m.party)
                v = None if pv is None else pv[0 if m.family == "stance" else 1]
            if v is not None:
                x[r, c] = v
    return x


def summarize(
    records: Iterable[Record],
    *,
    by: str = "outlet",
    period: str | None = None,
    min_articles: int = 10,
    resamples: int = 1000,
    seed: int = 0,
    top_parties: int = 8,
    families: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The summary of ``records`` grouped by ``by`` (see the module docstring);
    ``families`` chooses among hedging, sources, stance, distancing, readability."""
    import numpy as np

    from mediabias.corpus import stats

    if by == "date" and period is None:
        period = "month"
    if min_articles < 2:
        raise SummaryError("--min-articles must be 2 or more (an interval needs two articles)")
    if resamples < 10:
        raise SummaryError("--resamples must be 10 or more")
    families = list(families) if families else list(FAMILIES)
    unknown_families = [f for f in families if f not in FAMILIES]
    if unknown_families:
        raise SummaryError(f"unknown measures {', '.join(unknown_families)}: choose from {', '.join(FAMILIES)}")
    articles: list[Article] = []
    failed = 0
    unknown: dict[str, int] = {}
    carried: set[str] = set()  # the fields the records have, for a hint when --by names none of them
    for record in records:
        if "error" in record:
            failed += 1
            continue
        group, why = group_of(record, by, period)
        if group is None:
            unknown[why] = unknown.get(why, 0) + 1
            group = UNKNOWN
            if len(carried) < 50:
                carried.update(k for k in ("title", "outlet", "author", "date", "url") if record.get(k))
                carried.update(record.get("fields") or {})
        articles.append(article(record, group))
    if not articles:
        raise SummaryError("no records to summarise" + (f" ({failed} failed)" if failed else ""))
    if unknown.get("missing") == len(articles):
        raise SummaryError(f"no record has a field {by!r} to group by; the records carry "
                           + (", ".join(sorted(carried)) if carried else "no fields but their id and source")
                           + " (carry one from a corpus with --field NAME=FIELD when scoring)")
    articles.sort(key=lambda a: a.sort_key)  # results do not depend on the input order

    counts: dict[str, int] = {}
    for a in articles:
        counts[a.group] = counts.get(a.group, 0) + 1
    order = _order_groups(counts, by)
    parties = _parties(articles, min_articles, top_parties)
    measures = list(FIXED) + [stance_measure(p) for p in parties] + [distancing_measure(p) for p in parties]
    measures = [m for m in measures if m.family in families]
    x = _matrix(articles, measures)
    has_value = ~np.isnan(x)
    keep = has_value.any(axis=0)  # a measure no record holds (hedging-only records have no stance)
    measures = [m for m, k in zip(measures, keep) if k]
    x, has_value = x[:, keep], has_value[:, keep]
    ok = has_value.astype(np.float64)
    x0 = np.where(has_value, x, 0.0)

    index = {g: i for i, g in enumerate(order)}
    code = np.fromiter((index[a.group] for a in articles), dtype=np.int64, count=len(articles))
    by_code = np.argsort(code, kind="stable")
    bounds = np.searchsorted(code[by_code], np.arange(len(order) + 1))
    group_rows = {g: by_code[bounds[i]:bounds[i + 1]] for i, g in enumerate(order)}
    tested = [g for g in order if counts[g] >= min_articles]
    n_cell = {g: ok[rows].sum(axis=0).astype(int) for g, rows in group_rows.items()}
    mean_cell = {g: stats._means(x0[rows].sum(axis=0), ok[rows].sum(axis=0)) for g, rows in group_rows.items()}
    rest_mean = {g: stats._means(x0.sum(axis=0) - x0[rows].sum(axis=0), ok.sum(axis=0) - ok[rows].sum(axis=0))
                 for g, rows in group_rows.items()}

    intervals = {}
    for g in tested + [ALL]:
        rows = group_rows[g] if g != ALL else np.arange(len(articles))
        rng = np.random.default_rng([seed, zlib.crc32(g.encode("utf-8", "surrogatepass"))])
        intervals[g] = stats.bootstrap(x0[rows], ok[rows], resamples, rng, CONFIDENCE)

    p = np.full((len(tested), len(measures)), np.nan)
    if len(order) > 1 and tested:
        p = stats.permutation_p(x0, ok, [group_rows[g] for g in tested], resamples, np.random.default_rng([seed, 1]))
        total_n = ok.sum(axis=0)
        for i, g in enumerate(tested):  # a cell needs enough articles on each side to be tested
            p[i, (n_cell[g] < min_articles) | (total_n - n_cell[g] < 1)] = np.nan
    adjusted = stats.benjamini_hochberg(p)

    def num(v) -> float | None:
        return None if v is None or np.isnan(v) else float(v)

    cells = []
    for g in order + [ALL]:
        is_all = g == ALL
        n = ok.sum(axis=0).astype(int) if is_all else n_cell[g]
        means = stats._means(x0.sum(axis=0), ok.sum(axis=0)) if is_all else mean_cell[g]
        low, high = intervals.get(g, (None, None))
        i = tested.index(g) if g in tested else None
        for j, m in enumerate(measures):
            cell = {"group": g, "measure": m.key, "mean": num(means[j]), "low": None, "high": None, "n": int(n[j]),
                    "rest_mean": None if is_all else num(rest_mean[g][j]), "p": None, "p_adjusted": None,
                    "significant": None, "note": None}
            if not is_all and counts[g] < min_articles:
                cell["note"] = "group too small"
            elif n[j] < (2 if is_all else min_articles):  # (all) is no group to test: an interval from 2 on
                cell["note"] = f"fewer than {2 if is_all else min_articles} articles with a value"
            else:
                cell["low"], cell["high"] = num(low[j]), num(high[j])
                if i is not None and not np.isnan(p[i, j]):
                    cell["p"], cell["p_adjusted"] = float(p[i, j]), float(adjusted[i, j])
                    cell["significant"] = bool(adjusted[i, j] < FDR)
            cells.append(cell)

    n_tests = int((~np.isnan(p)).sum())
    return {
        "by": by,
        "period": period if by == "date" else None,
        "articles": len(articles),
        "words": int(sum(a.words for a in articles)),
        "failed": failed,
        "min_articles": min_articles,
        "unknown": {"articles": counts.get(UNKNOWN, 0), **unknown} if UNKNOWN in counts else None,
        "method": {
            "unit": "article: a group's mean is the mean of its articles' values",
            "interval": f"{CONFIDENCE:.0%} percentile bootstrap over the group's articles, {resamples} resamples, seed {seed}",
            "test": f"two-sided permutation test of the group's mean against the rest of the corpus, {resamples} "
                    f"shuffles (smallest possible p {1 / (resamples + 1):.2g})",
            "correction": f"Benjamini-Hochberg over all {n_tests} group x measure tests; marked when the "
                          f"adjusted p < {FDR}",
            "resamples": resamples,
            "seed": seed,
            "tests": n_tests,
        },
        "groups": [{"group": g, "articles": counts[g], "words": int(sum(articles[r].words for r in group_rows[g])),
                    "too_small": counts[g] < min_articles} for g in order]
                  + [{"group": ALL, "articles": len(articles), "words": int(sum(a.words for a in articles)),
                      "too_small": False}],
        "families": {f: FAMILIES[f] for f in families},
        "measures": [{"key": m.key, "label": m.label, "unit": m.unit, "family": m.family} for m in measures],
        "cells": cells,
    }
