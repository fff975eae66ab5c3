"""``report --by FIELD``: outlet-profile charts, one small inline SVG per measure.

Each chart has a row per group (groups below ``--min-articles`` are left out
and named under the charts): a dot at the group's mean and a bar across its
95 % bootstrap interval, a dashed line at the mean over all articles, and an
axis with its scale.  A filled dot differs from the rest of the corpus beyond
chance (permutation test, Benjamini-Hochberg); a hollow one does not.  Hover
gives the numbers.  Geometry is computed here as plain numbers; the template
(``templates/profiles.html.j2``) only places them.
"""

from __future__ import annotations

import math
from typing import Any

from mediabias.render.summary import format_interval, format_number

LEFT, PLOT, RIGHT, ROW, TOP = 150, 220, 16, 18, 14
DOT = "#4e79a7"


def _ticks(lo: float, hi: float) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / 4
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    return [round(first + i * step, 10) for i in range(int((hi - first) / step + 1e-9) + 1)]


def _chart(measure: dict, rows: list[dict], overall: dict) -> dict[str, Any]:
    unit = measure["unit"]
    values = [v for c in rows + [overall] for v in (c["low"], c["high"], c["mean"]) if v is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    if unit in ("share", "per_1k", "per_100"):
        lo = min(lo, 0.0) if lo < 0.15 * (hi - lo) else lo  # a rate near zero starts at zero
    pad = (hi - lo) * 0.06 or abs(hi) * 0.1 or 1.0
    lo, hi = lo - pad, hi + pad

    def x(v: float) -> float:
        return round(LEFT + (v - lo) / (hi - lo) * PLOT, 1)

    marks = []
    for i, c in enumerate(rows):
        y = TOP + i * ROW + ROW / 2
        label = c["group"] if len(c["group"]) <= 22 else c["group"][:21] + "\u2026"
        row = {"y": y, "label": label, "name": c["group"], "mean": None}
        if c["mean"] is not None and c["low"] is not None:
            p = "" if c["p"] is None else f", p = {c['p']:.3g} (adjusted {c['p_adjusted']:.3g})"
            row.update(mean=x(c["mean"]), low=x(c["low"]), high=x(c["high"]), significant=bool(c["significant"]),
                       title=f"{c['group']}: {format_number(c['mean'], unit)} "
                             f"{format_interval(c['low'], c['high'], unit)}, {c['n']} articles{p}")
        else:
            row["note"] = f"n={c['n']}" if c["n"] else "none"
        marks.append(row)
    height = TOP + len(rows) * ROW + 28
    ticks = [{"x": x(t), "label": format_number(t, unit)} for t in _ticks(lo, hi)]
    all_x = x(overall["mean"]) if overall["mean"] is not None else None
    return {"key": measure["key"], "label": measure["label"], "width": LEFT + PLOT + RIGHT, "height": height,
            "rows": marks, "ticks": ticks, "axis_y": height - 22, "all_x": all_x, "left": LEFT, "right": LEFT + PLOT,
            "all_title": f"all articles: {format_number(overall['mean'], unit)} "
                         f"{format_interval(overall['low'], overall['high'], unit)}" if all_x is not None else ""}


def profile_charts(summary: dict[str, Any]) -> dict[str, Any]:
    """The charts' context for the template, from a corpus summary."""
    shown = [g["group"] for g in summary["groups"] if not g["too_small"] and g["group"] != "(all)"]
    cells = {(c["group"], c["measure"]): c for c in summary["cells"]}
    families: dict[str, list] = {}
    for m in summary["measures"]:
        rows = [cells[(g, m["key"])] for g in shown]
        families.setdefault(m["family"], []).append(_chart(m, rows, cells[("(all)", m["key"])]))
    return {
        "by": summary["by"],
        "articles": summary["articles"],
        "groups": [g for g in summary["groups"] if not g["too_small"] and g["group"] != "(all)"],
        "too_small": [g for g in summary["groups"] if g["too_small"]],
        "min_articles": summary["min_articles"],
        "method": summary["method"],
        "families": [{"title": summary["families"][f], "charts": charts} for f, charts in families.items()],
        "colour": DOT,
    }
