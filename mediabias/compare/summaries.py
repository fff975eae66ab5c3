"""One plain sentence per group: its largest gap, with the numbers behind it.

A sentence never rests on fewer than :data:`MIN_SUPPORT` mentions or hits
in the cells it names: a party named once in an article says nothing about
that article's stance, and one citation is not a pattern.
"""

from __future__ import annotations

from statistics import median
from typing import Callable

from mediabias.compare.rows import MIN_SUPPORT


def format_value(v: float | None, kind: str = "") -> str:
    """A row's number for display, by the kind of number it is (None: an en dash)."""
    if v is None:
        return "\u2013"
    if kind == "share":
        return f"{100 * v:.0f}%"
    if kind == "score":
        return f"{v:+.2f}"
    if kind in ("count", "words"):
        return f"{v:.0f}"
    return f"{v:.1f}"


def _num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def outlier_sentence(row: dict, labels: list[str]) -> str | None:
    if not row["marked"]:
        return None
    i = row["marked"][0]
    v = row["values"][i]
    others = [x for j, x in enumerate(row["values"]) if j != i and _num(x)]
    if not others:
        return None
    m = median(others)
    kind = row["kind"]
    text = f"{labels[i]} stands out on {row['label']}: {format_value(v, kind)} against a median of {format_value(m, kind)} for the others"
    if kind in ("per_1k", "per_100", "count", "share") and m > 0 and v > 0:
        ratio = v / m
        text += f" ({ratio:.1f}\u00d7)" if ratio >= 1 else f" ({1 / ratio:.1f}\u00d7 less)"
    return text + "."


def sentiment_summary(rows: list[dict], labels: list[str]) -> str | None:
    """The widest range of stances toward a party that most articles mention
    (each end resting on 3 or more mentions)."""
    all_rows, rows = rows, [r for r in rows if r["kind"] == "score"]
    usable = [[i for i, (v, n) in enumerate(zip(r["values"], r["support"])) if _num(v) and (n or 0) >= MIN_SUPPORT]
              for r in rows]
    counts = [len(u) for u in usable]
    needed = max([2] + [min(c, (len(labels) + 1) // 2) for c in counts])
    best = None
    # the story's main parties: the three most widely and most often mentioned
    for r, cells in [(r, u) for r, u in zip(rows, usable) if len(u) >= needed][:3]:
        i_lo = min(cells, key=lambda i: r["values"][i])
        i_hi = max(cells, key=lambda i: r["values"][i])
        gap = r["values"][i_hi] - r["values"][i_lo]
        if best is None or gap > best[0]:
            best = (gap, r, i_lo, i_hi)
    if best is None or best[0] < 0.05:
        return None
    _, r, i_lo, i_hi = best
    party, lo, hi = r["label"], r["values"][i_lo], r["values"][i_hi]
    if hi < 0:
        words = ("least negative", "most negative")
    elif lo > 0:
        words = ("most positive", "least positive")
    else:
        words = ("most favourable", "least favourable")
    d_hi, d_lo = r["details"][i_hi] or {}, r["details"][i_lo] or {}
    what = "stance" if d_hi.get("stance") else "mean mention score"
    text = (f"Toward {party}, {labels[i_hi]} is the {words[0]} ({what} {hi:+.2f}, {d_hi.get('mentions')} mentions) "
            f"and {labels[i_lo]} the {words[1]} ({lo:+.2f}, {d_lo.get('mentions')} mentions)")
    voices = [v for v in rows_of_voices(r, all_rows) if v["details"][i_lo] or v["details"][i_hi]]
    distanced = [v for v in voices for i in (i_lo, i_hi) if (v["details"][i] or {}).get("credence") == "distanced"]
    if distanced:
        v = distanced[0]
        i = next(i for i in (i_lo, i_hi) if (v["details"][i] or {}).get("credence") == "distanced")
        text += f"; {labels[i]} distances {v['speaker']}'s words about {party}"
    return text + "."


def rows_of_voices(party_row: dict, rows: list[dict]) -> list[dict]:
    return [r for r in rows if r.get("parent") == party_row["key"]]


def voices_summary(rows: list[dict], labels: list[str]) -> str | None:
    """'RT cites Russia 8x as often as Amnesty International; the others do the opposite.'"""
    cites = [r for r in rows if r["key"].startswith("sources.cites.")]
    if len(cites) < 2:
        return None
    a, b = cites[0], cites[1]
    pairs = list(zip(a["values"], b["values"]))
    prefer_a = [i for i, (x, y) in enumerate(pairs) if x is not None and y is not None and x > y]
    prefer_b = [i for i, (x, y) in enumerate(pairs) if x is not None and y is not None and y > x]
    for minority, major, first, second in ((prefer_a, prefer_b, a, b), (prefer_b, prefer_a, b, a)):
        if len(minority) == 1 and len(major) >= 2:
            i = minority[0]
            x, y = first["values"][i], second["values"][i]
            if x < MIN_SUPPORT:
                continue
            p1, p2 = first["party"], second["party"]
            ratio = f"{x / y:.0f}\u00d7 as often as" if y else f"{x} times and never"
            return f"{labels[i]} cites {p1} {ratio} {p2}; the others do the opposite."
    return None


def readability_summary(rows: list[dict], labels: list[str]) -> str | None:
    fre = rows[0]
    nums = [(v, i) for i, (v, n) in enumerate(zip(fre["values"], fre["support"])) if _num(v) and (n or 0) >= MIN_SUPPORT]
    if len(nums) < 2:
        return None
    (lo, i_lo), (hi, i_hi) = min(nums), max(nums)
    return f"{labels[i_hi]} is the easiest to read (Flesch {hi:.0f}) and {labels[i_lo]} the hardest ({lo:.0f})."


def group(name: str, title: str, rows: list[dict], labels: list[str], special: Callable | None = None) -> dict:
    summary = special(rows, labels) if special else None
    if summary is None:
        # on a tie the more specific row wins (a category over all hedging)
        ranked = sorted(rows, key=lambda r: (-r["deviation"], r["key"] == "hedging.per_1k_words"))
        summary = next((s for s in (outlier_sentence(r, labels) for r in ranked) if s), None)
    return {"name": name, "title": title, "rows": rows, "summary": summary or "No large differences between the articles."}
