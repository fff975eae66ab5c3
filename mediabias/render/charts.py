"""The report's charts as plain geometry: rectangles, lines and texts that the
template places in inline SVG.  Every chart has an axis with its scale and
writes its values on the marks, so a reader never has to guess a number.

* a story cluster (one column per article): stance toward each party by
  outlet, citations by party per outlet, hedging by category per outlet;
* a corpus (above the report's article limit): the distribution of the
  articles' stances toward the main parties, the parties cited most over the
  corpus, and each hedging category's median (with its interquartile range).
"""

from __future__ import annotations

from math import floor, log10
from statistics import median, quantiles
from typing import Any

from mediabias.compare.rows import MIN_SUPPORT

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
CATEGORY_COLOURS = {"hedge": "#edc948", "distancing": "#b07aa1", "weasel": "#76b7b2", "booster": "#4e79a7"}
NEGATIVE, POSITIVE = "#d9534f", "#4caf50"  # stance by sign, as the tables colour it
MAX_PARTIES_CHART = 6
MAX_CITED_CHART = 8


def nice_ticks(top: float, most: int = 6) -> list[float]:
    """0, step, 2*step ... up to at least ``top``: step 1, 2 or 5 times a power of ten."""
    top = max(top, 1e-9)
    raw = top / most
    power = 10 ** floor(log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    n = int(-(-top // step))
    return [round(k * step, 10) for k in range(n + 1)]


def _short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _num(v: float, digits: int = 1) -> str:
    return f"{v:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{v:.0f}"


def _chart(chart_id: str, caption: str, width: float, height: float, legend: list[dict], note: str = "") -> dict[str, Any]:
    return {"id": chart_id, "caption": caption, "width": round(width), "height": round(height), "rects": [],
            "lines": [], "texts": [], "circles": [], "legend": legend, "note": note}


def _text(chart: dict, x: float, y: float, text: str, anchor: str = "start", cls: str = "", title: str = "") -> None:
    chart["texts"].append({"x": round(x, 1), "y": round(y, 1), "text": text, "anchor": anchor, "cls": cls, "title": title})


def _rows(comparison: dict, group: str) -> list[dict]:
    return [r for g in comparison["groups"] if g["name"] == group for r in g["rows"]]


def _x_axis(chart: dict, left: float, width: float, y0: float, y1: float, ticks: list[float], lo: float, hi: float,
            fmt=lambda t: _num(t, 2)) -> None:
    for t in ticks:
        x = left + (t - lo) / (hi - lo) * width
        chart["lines"].append({"x1": round(x, 1), "y1": y0, "x2": round(x, 1), "y2": y1, "cls": "zero" if t == 0 else "grid"})
        _text(chart, x, y1 + 12, fmt(t), "middle", "tick")


# -- a story cluster ---------------------------------------------------------
def sentiment_chart(comparison: dict) -> dict[str, Any]:
    rows = [r for r in _rows(comparison, "sentiment") if r["kind"] == "score"][:MAX_PARTIES_CHART]
    labels = [a["label"] for a in comparison["articles"]]
    bar_h, gap, left, width, top = 14, 12, 190, 420, 10
    chart = _chart("chart-sentiment", "Stance toward each party, by outlet (\u22121 to +1)", left + width + 60, 0,
                   [{"label": lab, "fill": PALETTE[i % len(PALETTE)]} for i, lab in enumerate(labels)],
                   f"A pale bar rests on fewer than {MIN_SUPPORT} mentions.")
    y = top
    zero = left + width / 2
    for r in rows:
        _text(chart, 4, y + len(labels) * bar_h / 2 + 4, _short(r["label"]), title=r["label"])
        for i, v in enumerate(r["values"]):
            if v is not None:
                d = (r.get("details") or [None] * len(labels))[i] or {}
                w = abs(v) * width / 2
                x = zero - w if v < 0 else zero
                chart["rects"].append({"x": round(x, 1), "y": y, "w": round(max(w, 1), 1), "h": bar_h - 2,
                                       "fill": PALETTE[i % len(PALETTE)], "pale": (d.get("mentions") or 0) < MIN_SUPPORT,
                                       "title": f"{labels[i]} toward {r['label']}: {v:+.2f} ({d.get('mentions', 0)} mentions)"})
                vx = x - 3 if v < 0 else x + max(w, 1) + 3
                _text(chart, vx, y + bar_h - 4, f"{v:+.2f}", "end" if v < 0 else "start", "value")
            y += bar_h
        y += gap
    _x_axis(chart, left, width, top - 4, y, [-1, -0.5, 0, 0.5, 1], -1, 1, lambda t: f"{t:+.1f}" if t else "0")
    chart["height"] = y + 22
    return chart


def citations_chart(comparison: dict) -> dict[str, Any]:
    rows = [r for r in _rows(comparison, "sources") if r["key"].startswith("sources.cites.")][:MAX_PARTIES_CHART]
    labels = [a["label"] for a in comparison["articles"]]
    parties = [r["party"] for r in rows]
    totals = [sum((r["values"][i] or 0) for r in rows) for i in range(len(labels))]
    left, width, bar_h, top = 190, 380, 20, 10
    ticks = nice_ticks(max([1] + totals))
    scale = width / ticks[-1]
    chart = _chart("chart-citations", "Whom each outlet cites: attributions by party", left + width + 50, 0,
                   [{"label": p, "fill": PALETTE[j % len(PALETTE)]} for j, p in enumerate(parties)])
    for i, lab in enumerate(labels):
        y = top + i * (bar_h + 6)
        _text(chart, 4, y + 14, _short(lab), title=lab)
        x = left
        for j, r in enumerate(rows):
            n = r["values"][i] or 0
            if n:
                chart["rects"].append({"x": round(x, 1), "y": y, "w": round(n * scale, 1), "h": bar_h, "pale": False,
                                       "fill": PALETTE[j % len(PALETTE)], "title": f"{lab} cites {parties[j]}: {n} attributions"})
                if n * scale >= 14:
                    _text(chart, x + n * scale / 2, y + 14, str(n), "middle", "inbar")
                x += n * scale
        _text(chart, x + 4, y + 14, str(totals[i]), "start", "value")
    bottom = top + len(labels) * (bar_h + 6)
    _x_axis(chart, left, width, top - 4, bottom, ticks, 0, ticks[-1], lambda t: _num(t, 0))
    _text(chart, left + width / 2, bottom + 26, "attributions", "middle", "tick")
    chart["height"] = bottom + 34
    return chart


def hedging_chart(comparison: dict) -> dict[str, Any]:
    rows = {r["key"]: r for r in _rows(comparison, "hedging")}
    labels = [a["label"] for a in comparison["articles"]]
    cats = list(CATEGORY_COLOURS)
    values = {c: rows[f"hedging.{c}_per_1k_words"]["values"] for c in cats}
    ticks = nice_ticks(max([1.0] + [v for c in cats for v in values[c] if v is not None]))
    left, base, height, bar_w = 46, 200, 170, 20
    group_w = len(cats) * bar_w + 18
    width = len(labels) * group_w
    chart = _chart("chart-hedging", "Hedging by category, per 1,000 words", left + width + 130, base + 80,
                   [{"label": c, "fill": CATEGORY_COLOURS[c]} for c in cats])
    for t in ticks:
        y = base - t / ticks[-1] * height
        chart["lines"].append({"x1": left, "y1": round(y, 1), "x2": left + width, "y2": round(y, 1),
                               "cls": "zero" if t == 0 else "grid"})
        _text(chart, left - 4, y + 4, _num(t, 1), "end", "tick")
    _text(chart, 4, base - height - 8, "per 1,000 words", "start", "tick")
    for i, lab in enumerate(labels):
        x0 = left + i * group_w + 9
        for j, c in enumerate(cats):
            v = values[c][i]
            if v:
                h = v / ticks[-1] * height
                x = x0 + j * bar_w
                chart["rects"].append({"x": x, "y": round(base - h, 1), "w": bar_w - 2, "h": round(h, 1), "pale": False,
                                       "fill": CATEGORY_COLOURS[c], "title": f"{lab}: {c} {v:.1f} per 1,000 words"})
                _text(chart, x + (bar_w - 2) / 2, base - h - 3, f"{v:.1f}", "middle", "value small")
        _text(chart, x0 + 4, base + 14, _short(lab, 22), "start", "tick rot", title=lab)
    return chart


def cluster_charts(comparison: dict) -> list[dict[str, Any]]:
    return [sentiment_chart(comparison), citations_chart(comparison), hedging_chart(comparison)]


# -- a corpus ----------------------------------------------------------------
def stance_distribution_chart(comparison: dict, bins: int = 20) -> dict[str, Any]:
    """Per main party, how many articles fall in each stance band, and the median."""
    rows = [r for r in _rows(comparison, "sentiment") if r["kind"] == "score"][:MAX_PARTIES_CHART]
    left, width, row_h, top = 190, 420, 46, 10
    chart = _chart("chart-sentiment", "Stance toward the main parties: articles by stance (\u22121 to +1)",
                   left + width + 170, 0, [],
                   f"Articles whose stance rests on {MIN_SUPPORT} or more mentions; the line marks the median.")
    y = top
    for r in rows:
        vals = [v for v, n in zip(r["values"], r["support"]) if v is not None and (n or 0) >= MIN_SUPPORT]
        _text(chart, 4, y + row_h / 2, _short(r["label"]), title=r["label"])
        if vals:
            counts = [0] * bins
            for v in vals:
                counts[min(bins - 1, int((v + 1) / 2 * bins))] += 1
            peak = max(counts)
            for k, n in enumerate(counts):
                if n:
                    h = n / peak * (row_h - 10)
                    lo = -1 + 2 * k / bins
                    chart["rects"].append({"x": round(left + k * width / bins, 1), "y": round(y + row_h - 6 - h, 1),
                                           "w": round(width / bins - 1, 1), "h": round(h, 1), "pale": False,
                                           "fill": NEGATIVE if lo + 1 / bins < 0 else POSITIVE,
                                           "title": f"{r['label']}: {n} article(s) with a stance from {lo:+.1f} to {lo + 2 / bins:+.1f}"})
            m = median(vals)
            x = left + (m + 1) / 2 * width
            chart["lines"].append({"x1": round(x, 1), "y1": y, "x2": round(x, 1), "y2": y + row_h - 6, "cls": "median"})
            _text(chart, left + width + 8, y + row_h / 2, f"median {m:+.2f} (n={len(vals)})", "start", "value")
        y += row_h
    _x_axis(chart, left, width, top - 4, y, [-1, -0.5, 0, 0.5, 1], -1, 1, lambda t: f"{t:+.1f}" if t else "0")
    chart["height"] = y + 22
    return chart


def cited_chart(comparison: dict) -> dict[str, Any]:
    rows = [r for r in _rows(comparison, "sources") if r["key"].startswith("sources.cites.")]
    totals = sorted(((sum(v or 0 for v in r["values"]), sum(1 for v in r["values"] if v), r["party"]) for r in rows),
                    reverse=True)[:MAX_CITED_CHART]
    left, width, bar_h, top = 190, 380, 18, 10
    ticks = nice_ticks(max([1] + [t for t, _, _ in totals]))
    chart = _chart("chart-citations", "The parties cited most over the corpus: attributions", left + width + 130, 0, [])
    for k, (total, articles, party) in enumerate(totals):
        y = top + k * (bar_h + 6)
        _text(chart, 4, y + 13, _short(party), title=party)
        w = total / ticks[-1] * width
        chart["rects"].append({"x": left, "y": y, "w": round(max(w, 1), 1), "h": bar_h, "fill": PALETTE[k % len(PALETTE)],
                               "pale": False, "title": f"{party}: {total} attributions in {articles} articles"})
        _text(chart, left + w + 4, y + 13, f"{total} ({articles} articles)", "start", "value")
    bottom = top + len(totals) * (bar_h + 6)
    _x_axis(chart, left, width, top - 4, bottom, ticks, 0, ticks[-1], lambda t: _num(t, 0))
    chart["height"] = bottom + 22
    return chart


def hedging_spread_chart(comparison: dict) -> dict[str, Any]:
    rows = {r["key"]: r for r in _rows(comparison, "hedging")}
    cats = list(CATEGORY_COLOURS)
    stats = {}
    for c in cats:
        vals = sorted(v for v in rows[f"hedging.{c}_per_1k_words"]["values"] if v is not None)
        if vals:
            q = quantiles(vals, n=4) if len(vals) >= 2 else [vals[0]] * 3
            stats[c] = (q[0], median(vals), q[2])
    ticks = nice_ticks(max([1.0] + [s[2] for s in stats.values()]))
    left, width, bar_h, top = 110, 380, 18, 10
    chart = _chart("chart-hedging", "Hedging by category over the corpus, per 1,000 words: median and middle half",
                   left + width + 150, 0, [])
    for k, c in enumerate(cats):
        y = top + k * (bar_h + 8)
        _text(chart, 4, y + 13, c)
        if c not in stats:
            continue
        lo, m, hi = stats[c]
        sx = width / ticks[-1]
        chart["rects"].append({"x": left, "y": y, "w": round(max(m * sx, 1), 1), "h": bar_h, "fill": CATEGORY_COLOURS[c],
                               "pale": False, "title": f"{c}: median {m:.1f} per 1,000 words"})
        chart["lines"].append({"x1": round(left + lo * sx, 1), "y1": y + bar_h / 2, "x2": round(left + hi * sx, 1),
                               "y2": y + bar_h / 2, "cls": "range"})
        _text(chart, left + max(m, hi) * sx + 4, y + 13, f"{m:.1f} (middle half {lo:.1f}\u2013{hi:.1f})", "start", "value")
    bottom = top + len(cats) * (bar_h + 8)
    _x_axis(chart, left, width, top - 4, bottom, ticks, 0, ticks[-1], lambda t: _num(t, 1))
    chart["height"] = bottom + 22
    return chart


def corpus_charts(comparison: dict) -> list[dict[str, Any]]:
    return [stance_distribution_chart(comparison), cited_chart(comparison), hedging_spread_chart(comparison)]
