"""``mediabias report``: one self-contained HTML file for a story cluster.

The comparison table, three inline-SVG charts (party stance by outlet,
citations by party per outlet, hedging by category per outlet; each with an
axis, a scale and its values written on it) and every article with its spans
highlighted (a hover title gives the category or the score).  No external
scripts, fonts or requests: the file opens offline.

The highlight layers nest without hiding each other: each layer owns its
own CSS properties -- hedging the background colour, party mentions the text
colour and underline, attributions a translucent tint (content), an inset bar
(source) and bold (cue) -- so a hedge inside quoted content keeps its colour,
and switching one layer off never takes another with it.

Above :data:`REPORT_ALL_UP_TO` articles (unless ``everything``) the report is
the corpus-level view: the summaries, charts over the corpus, and the
comparison as one row per article -- no article texts (see
:mod:`mediabias.render.charts`).

Rendered with Jinja2 with autoescaping on: article text, labels and titles
are always escaped (the template never marks anything safe), so an article
cannot inject markup or script.  Geometry for the charts is computed as
plain numbers and strings; the template only places them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from mediabias.compare import STAR_RULE, compare, format_value
from mediabias.render import charts
from mediabias.render import limits
from mediabias.render.table import NEUTRAL_BAND

CORPUS_PARTIES = 6  # parties shown in the corpus-level table


def sign_class(v: float | None) -> str:
    """CSS class of a sentiment number by its sign (as the terminal colours it)."""
    if v is None:
        return ""
    return "neg" if v <= -NEUTRAL_BAND else "pos" if v >= NEUTRAL_BAND else ""


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
        classes = sorted({c for sp in covering for c in sp[2].split()} - {"hl"})
        out.append({
            "text": text[a:b],
            "cls": " ".join(["hl"] + classes) if classes else "",
            "title": "; ".join(dict.fromkeys(sp[3] for sp in covering)),
        })
    return out


def _article_spans(record: dict) -> list[tuple[int, int, str, str]]:
    spans = []
    for h in (record.get("hedging") or {}).get("hits", []):
        spans.append((h["start"], h["end"], f"hl h-{h['category']}", h["category"] + (" (quoted)" if h["in_quote"] else "")))
    for p in (record.get("sentiment") or {}).get("parties", []):
        for e in p["evidence"]:
            cls = {"neg": "p-neg", "pos": "p-pos"}.get(sign_class(e["score"]), "p-neu")
            spans.append((e["start"], e["end"], f"hl party {cls}", f"{p['name']}: {e['score']:+.2f} ({e.get('label') or 'neutral'})"))
        for v in p.get("voices") or []:
            if v.get("credence") == "distanced":
                for ev in v.get("credence_evidence") or []:
                    spans.append((ev["start"], ev["end"], "hl s-distanced",
                                  f"the author distances {v.get('speaker') or 'a voice'} ({ev.get('why') or 'distanced'})"))
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


def _corpus_table(comparison: dict) -> dict[str, Any]:
    """The comparison turned round for a corpus: one row per article, one
    column per headline row (and the stance toward the main parties)."""
    rows = {r["key"]: r for g in comparison["groups"] for r in g["rows"]}
    keys = ["hedging.per_1k_words", "hedging.distancing_per_1k_words", "hedging.author_per_1k_words",
            "sources.per_100_words", "sources.share_anonymous", "sources.share_words_quoted",
            "readability.flesch_reading_ease"]
    keys += [f"sentiment.{p}" for p in comparison["parties"][:CORPUS_PARTIES]]
    columns = [rows[k] for k in keys if k in rows]
    body = []
    for i, a in enumerate(comparison["articles"]):
        cells = []
        for r in columns:
            v = r["values"][i]
            d = (r.get("details") or [None] * len(r["values"]))[i] or {}
            cells.append({"text": format_value(v, r["kind"]), "marked": i in r["marked"],
                          "cls": sign_class(v) if r["kind"] == "score" else "",
                          "sub": f"({d['mentions']})" if r["kind"] == "score" and v is not None else ""})
        body.append({"label": a["label"], "error": a["error"], "cells": cells})
    return {"columns": [r["label"] for r in columns], "rows": body}


def build_context(pairs: list[tuple[Any, dict]], *, everything: bool = False) -> dict[str, Any]:
    records = [r for _, r in pairs]
    comparison = compare(records)
    corpus = len(pairs) > limits.REPORT_ALL_UP_TO and not everything
    articles = []
    for (item, record), meta in zip(pairs, comparison["articles"]):
        text = getattr(item, "text", None) or ""
        show = not corpus and not meta["error"]
        articles.append({
            "label": meta["label"], "source": record.get("source"), "error": meta["error"],
            "words": record.get("words"), "segments": _segments(text, _article_spans(record)) if show else [],
        })
    return {
        "comparison": comparison,
        "articles": articles,
        "corpus": corpus,
        "corpus_table": _corpus_table(comparison) if corpus else None,
        "limit": limits.REPORT_ALL_UP_TO,
        "star_rule": STAR_RULE,
        "charts": charts.corpus_charts(comparison) if corpus else charts.cluster_charts(comparison),
    }


def render_html(pairs: list[tuple[Any, dict]], *, everything: bool = False, profiles: dict | None = None) -> str:
    """The report; ``profiles`` (from :func:`mediabias.render.profiles.profile_charts`)
    adds the outlet-profile charts of ``report --by``."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("mediabias.render", "templates"), autoescape=True, undefined=StrictUndefined)
    env.filters["num"] = format_value
    env.filters["sign"] = sign_class
    context = build_context(pairs, everything=everything)
    context["profiles"] = profiles  # report --by: the outlet profiles (profiles.html.j2), in both views
    return env.get_template("report.html.j2").render(**context)


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
