"""``mediabias report``: one self-contained HTML file for a story cluster.

The comparison table, three inline-SVG charts (party sentiment by outlet,
citations by party per outlet, hedging by category per outlet) and every
article with its spans highlighted (a hover title gives the category or the
score).  No external scripts, fonts or requests: the file opens offline.

Rendered with Jinja2 with autoescaping on: article text, labels and titles
are always escaped (the template never marks anything safe), so an article
cannot inject markup or script.  Geometry for the charts is computed here
as plain numbers and strings; the template only places them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from mediabias.compare import compare, format_value

PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
CATEGORY_COLOURS = {"hedge": "#edc948", "distancing": "#b07aa1", "weasel": "#76b7b2", "booster": "#4e79a7"}
MAX_PARTIES_CHART = 6


def _segments(text: str, spans: list[tuple[int, int, str, str]]) -> list[dict[str, str]]:
    """Split ``text`` at span edges; each piece lists the classes and titles covering it."""
    edges = {0, len(text)}
    for s, e, _, _ in spans:
        if 0 <= s < e <= len(text):
            edges.update((s, e))
    cuts = sorted(edges)
    starts = sorted(spans)
    out = []
    active: list[tuple[int, int, str, str]] = []
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        while k < len(starts) and starts[k][0] <= a:
            active.append(starts[k])
            k += 1
        active = [sp for sp in active if sp[1] > a]
        covering = [sp for sp in active if sp[0] <= a and sp[1] >= b]
        out.append({
            "text": text[a:b],
            "cls": " ".join(sorted({sp[2] for sp in covering})),
            "title": "; ".join(dict.fromkeys(sp[3] for sp in covering)),
        })
    return out


def _article_spans(record: dict) -> list[tuple[int, int, str, str]]:
    spans = []
    for h in (record.get("hedging") or {}).get("hits", []):
        spans.append((h["start"], h["end"], f"hl h-{h['category']}", h["category"] + (" (quoted)" if h["in_quote"] else "")))
    for p in (record.get("sentiment") or {}).get("parties", []):
        for e in p["evidence"]:
            label = e.get("label") or "neutral"
            spans.append((e["start"], e["end"], f"hl party p-{label[:3]}", f"{p['name']}: {e['score']:+.2f} {label}"))
    for c in (record.get("sources") or {}).get("citations", []):
        who = (c.get("source") or {}).get("text") or "unnamed source"
        party = f" ({c['party']})" if c.get("party") else ""
        if c.get("content"):
            spans.append((c["content"]["start"], c["content"]["end"], "hl s-content", f"said by {who}{party}"))
        if c.get("source"):
            spans.append((c["source"]["start"], c["source"]["end"], "hl s-source", f"source: {c.get('source_type')}{party}"))
        if c.get("cue"):
            spans.append((c["cue"]["start"], c["cue"]["end"], "hl s-cue", "attribution cue"))
    return spans


def _sentiment_chart(comparison: dict) -> dict[str, Any]:
    rows = [r for g in comparison["groups"] if g["name"] == "sentiment" for r in g["rows"]][:MAX_PARTIES_CHART]
    labels = [a["label"] for a in comparison["articles"]]
    bar_h, gap, left, width = 12, 10, 180, 420
    bars, axis = [], []
    y = 20
    for row in rows:
        axis.append({"y": y + len(labels) * bar_h / 2 + 4, "text": row["label"]})
        for i, v in enumerate(row["values"]):
            if v is not None:
                x0 = left + width / 2
                w = abs(v) * width / 2
                bars.append({"x": x0 - w if v < 0 else x0, "y": y, "w": max(w, 1), "h": bar_h - 2,
                             "fill": PALETTE[i % len(PALETTE)], "title": f"{labels[i]} toward {row['label']}: {v:+.2f}"})
            y += bar_h
        y += gap
    return {"height": y + 20, "width": left + width + 20, "bars": bars, "axis": axis,
            "zero": left + width / 2, "left": left, "right": left + width,
            "legend": [{"label": lab, "fill": PALETTE[i % len(PALETTE)]} for i, lab in enumerate(labels)]}


def _citations_chart(comparison: dict) -> dict[str, Any]:
    rows = [r for g in comparison["groups"] if g["name"] == "sources" for r in g["rows"] if r["key"].startswith("sources.cites.")]
    labels = [a["label"] for a in comparison["articles"]]
    parties = [r["label"][6:] for r in rows][:MAX_PARTIES_CHART]
    totals = [sum((r["values"][i] or 0) for r in rows[: len(parties)]) for i in range(len(labels))]
    scale = 420 / max([1] + totals)
    bars, axis = [], []
    for i, lab in enumerate(labels):
        y = 20 + i * 24
        axis.append({"y": y + 13, "text": lab if len(lab) <= 26 else lab[:25] + "\u2026"})
        x = 180
        for j, r in enumerate(rows[: len(parties)]):
            n = r["values"][i] or 0
            if n:
                bars.append({"x": x, "y": y, "w": n * scale, "h": 18, "fill": PALETTE[j % len(PALETTE)],
                             "title": f"{lab} cites {parties[j]}: {n} attributions"})
                x += n * scale
    return {"height": 40 + len(labels) * 24, "width": 620, "bars": bars, "axis": axis,
            "legend": [{"label": p, "fill": PALETTE[j % len(PALETTE)]} for j, p in enumerate(parties)]}


def _hedging_chart(comparison: dict) -> dict[str, Any]:
    rows = {r["key"]: r for g in comparison["groups"] if g["name"] == "hedging" for r in g["rows"]}
    labels = [a["label"] for a in comparison["articles"]]
    cats = list(CATEGORY_COLOURS)
    peak = max([1.0] + [v for c in cats for v in rows[f"hedging.{c}_per_1k_words"]["values"] if v is not None])
    group_w = len(cats) * 14 + 16
    bars, axis = [], []
    for i, lab in enumerate(labels):
        x = 40 + i * group_w
        axis.append({"x": x + group_w / 2 - 8, "text": lab})
        for j, c in enumerate(cats):
            v = rows[f"hedging.{c}_per_1k_words"]["values"][i]
            if v:
                h = v / peak * 160
                bars.append({"x": x + j * 14, "y": 180 - h, "w": 12, "h": h, "fill": CATEGORY_COLOURS[c],
                             "title": f"{lab}: {c} {v:.1f} per 1,000 words"})
    return {"height": 260, "width": max(300, 120 + len(labels) * group_w), "bars": bars, "axis": axis, "base": 180,
            "legend": [{"label": c, "fill": CATEGORY_COLOURS[c]} for c in cats]}


def build_context(pairs: list[tuple[Any, dict]]) -> dict[str, Any]:
    records = [r for _, r in pairs]
    comparison = compare(records)
    articles = []
    for (item, record), meta in zip(pairs, comparison["articles"]):
        text = getattr(item, "text", None) or ""
        articles.append({
            "label": meta["label"], "source": record.get("source"), "error": meta["error"],
            "words": record.get("words"), "segments": _segments(text, _article_spans(record)) if not meta["error"] else [],
        })
    return {
        "comparison": comparison,
        "articles": articles,
        "charts": {
            "sentiment": _sentiment_chart(comparison),
            "citations": _citations_chart(comparison),
            "hedging": _hedging_chart(comparison),
        },
    }


def render_html(pairs: list[tuple[Any, dict]], profiles: dict | None = None) -> str:
    """The report; ``profiles`` (from :func:`mediabias.render.profiles.profile_charts`)
    adds the outlet-profile charts of ``report --by``."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("mediabias.render", "templates"), autoescape=True, undefined=StrictUndefined)
    env.filters["num"] = format_value
    return env.get_template("report.html.j2").render(**build_context(pairs), profiles=profiles)


def write_atomically(path: str | Path, content: str) -> None:
    """Write ``content`` to ``path`` through a temporary file: never a partial file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(content)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a report is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
