"""Several articles on one story side by side: records -> a comparison.

``compare(records)`` takes the records of two or more articles (as printed by
``mediabias score``) and returns a JSON-ready comparison: one column per
article, rows grouped by measure, the cells that differ most marked, and a
plain-language summary line per group.  It only reads numbers the records
already hold; renderers (terminal table, HTML report) lay it out.

* columns are labelled by ``outlet``, else ``title``, else the file name;
* parties are aligned on their canonical name (the gazetteer's or the
  configured one) and kept when they occur in at least two articles;
* a cell is *marked* when it lies far from the median of its row: at least
  half the row's scale away (the scale is the median's size, or a floor per
  kind of number so that 0.1 vs 0.3 hedges per 1,000 words is not news);
* each group's summary states its largest gap with the numbers behind it.
"""

from __future__ import annotations

from statistics import median
from typing import Any, Callable, Iterable

Record = dict[str, Any]
MARK_AT = 0.5  # relative deviation from the row median that marks a cell

# the smallest scale of a row, by the kind of number it holds
FLOORS = {"per_1k": 2.0, "per_100": 0.5, "share": 0.05, "score": 0.15, "count": 2.0, "grade": 2.0, "ease": 10.0}


def article_label(record: Record) -> str:
    for key in ("outlet", "title"):
        if record.get(key):
            return str(record[key])
    name = str(record.get("id") or record.get("source") or "?")
    return name.rsplit("/", 1)[-1]


def _get(record: Record, *path: str) -> Any:
    cur: Any = record
    for key in path:
        if not isinstance(cur, dict) or cur.get(key) is None:
            return None
        cur = cur[key]
    return cur


def _per_1k(record: Record, count: Any) -> float | None:
    words = record.get("words")
    return None if not words or count is None else count * 1000 / words


def _parties(record: Record) -> dict[str, dict]:
    return {p["name"]: p for p in (_get(record, "sentiment", "parties") or []) if p.get("mentions")}


def _row(key: str, label: str, kind: str, values: list, details: list | None = None) -> dict[str, Any]:
    nums = [v for v in values if isinstance(v, (int, float))]
    marked: list[int] = []
    deviation = 0.0
    if len(nums) >= 2:
        m = median(nums)
        scale = max(abs(m), FLOORS[kind])
        devs = [abs(v - m) / scale if isinstance(v, (int, float)) else 0.0 for v in values]
        deviation = max(devs)
        if deviation >= MARK_AT:
            marked = [i for i, d in enumerate(devs) if d >= MARK_AT and d == deviation]
    row = {"key": key, "label": label, "kind": kind, "values": values, "marked": marked, "deviation": round(deviation, 3)}
    if details is not None:
        row["details"] = details
    return row


def _aligned_parties(records: list[Record]) -> list[str]:
    """Parties mentioned in at least two articles, most articles first."""
    seen: dict[str, list[int]] = {}
    for r in records:
        for name, p in _parties(r).items():
            seen.setdefault(name, [0, 0])
            seen[name][0] += 1
            seen[name][1] += p["mentions"]
    return [n for n, (arts, mentions) in sorted(seen.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])) if arts >= 2]


def _hedging(records: list[Record], parties: list[str]) -> list[dict]:
    rows = [_row("hedging.per_1k_words", "all hedging per 1k words", "per_1k", [_get(r, "hedging", "per_1k_words") for r in records])]
    for cat in ("hedge", "distancing", "weasel", "booster"):
        rows.append(_row(f"hedging.{cat}_per_1k_words", f"{cat} per 1k words", "per_1k",
                         [_per_1k(r, _get(r, "hedging", "by_category", cat)) for r in records]))
    rows.append(_row("hedging.author_per_1k_words", "author voice per 1k words", "per_1k",
                     [_get(r, "hedging", "author_voice", "per_1k_words") for r in records]))
    rows.append(_row("hedging.quoted_per_1k_words", "quoted voices per 1k words", "per_1k",
                     [_get(r, "hedging", "quoted", "per_1k_words") for r in records]))
    for party in parties:
        counts = [_get(r, "hedging", "by_party", party, "distancing") for r in records]
        if any(counts):
            values = [None if "error" in r else (c or 0) for r, c in zip(records, counts)]
            rows.append(_row(f"hedging.distancing_at.{party}", f"distancing aimed at {party}", "count", values))
    return rows


def _sentiment(records: list[Record], parties: list[str]) -> list[dict]:
    rows = []
    for party in parties:
        values, details = [], []
        for r in records:
            p = _parties(r).get(party)
            values.append(p["score"] if p else None)
            voice = (p or {}).get("by_voice") or {}
            details.append(None if p is None else {
                "label": p["label"], "mentions": p["mentions"],
                "author": _get(voice, "author", "score"), "quoted": _get(voice, "quoted", "score"),
                "quoted_mentions": _get(voice, "quoted", "mentions") or 0,
            })
        rows.append(_row(f"sentiment.{party}", party, "score", values, details))
    return rows


def _sources(records: list[Record]) -> list[dict]:
    rows = [
        _row("sources.per_100_words", "attributions per 100 words", "per_100", [_get(r, "sources", "per_100_words") for r in records]),
        _row("sources.share_anonymous", "share of attributions anonymous", "share", [_get(r, "sources", "share_anonymous") for r in records]),
        _row("sources.share_words_quoted", "share of words in direct quotes", "share", [_get(r, "sources", "share_words_quoted") for r in records]),
    ]
    cited: dict[str, list[int]] = {}
    for r in records:
        for party, d in (_get(r, "sources", "by_party") or {}).items():
            if d.get("attributions") or d.get("quoted_words"):
                cited.setdefault(party, [0, 0])
                cited[party][0] += 1
                cited[party][1] += d.get("attributions", 0)
    top = [p for p, (arts, n) in sorted(cited.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])) if arts >= 2][:8]
    for party in top:
        values, details = [], []
        for r in records:
            d = _get(r, "sources", "by_party", party) or {}
            values.append(None if "error" in r else d.get("attributions", 0))
            details.append(None if "error" in r else {"quoted_words": d.get("quoted_words", 0)})
        rows.append(_row(f"sources.cites.{party}", f"cites {party}", "count", values, details))
    return rows


def _readability(records: list[Record]) -> list[dict]:
    spec = (("flesch_reading_ease", "Flesch reading ease", "ease"), ("flesch_kincaid_grade", "Flesch-Kincaid grade", "grade"),
            ("gunning_fog", "Gunning fog", "grade"), ("smog_index", "SMOG", "grade"))
    return [_row(f"readability.{k}", label, kind, [_get(r, "readability", k) for r in records]) for k, label, kind in spec]


def format_value(v: float | None, kind: str = "") -> str:
    """A row's number for display, by the kind of number it is (None: an en dash)."""
    if v is None:
        return "\u2013"
    if kind == "share":
        return f"{100 * v:.0f}%"
    if kind == "score":
        return f"{v:+.2f}"
    if kind == "count":
        return f"{v:.0f}"
    return f"{v:.1f}"


def _outlier_sentence(row: dict, labels: list[str]) -> str | None:
    if not row["marked"]:
        return None
    i = row["marked"][0]
    v = row["values"][i]
    others = [x for j, x in enumerate(row["values"]) if j != i and isinstance(x, (int, float))]
    if not others:
        return None
    m = median(others)
    kind = row["kind"]
    text = f"{labels[i]} stands out on {row['label']}: {format_value(v, kind)} against a median of {format_value(m, kind)} for the others"
    if kind in ("per_1k", "per_100", "count", "share") and m > 0 and v > 0:
        ratio = v / m
        text += f" ({ratio:.1f}\u00d7)" if ratio >= 1 else f" ({1 / ratio:.1f}\u00d7 less)"
    return text + "."


def _sentiment_summary(rows: list[dict], labels: list[str]) -> str | None:
    """The widest range of scores toward a party that most articles mention."""
    best = None
    counts = [sum(isinstance(v, (int, float)) for v in row["values"]) for row in rows]
    needed = max([2] + [min(c, (len(labels) + 1) // 2) for c in counts])
    # the story's main parties: the three most widely and most often mentioned
    main = [(row, count) for row, count in zip(rows, counts) if count >= needed][:3]
    for row, count in main:
        nums = [(v, i) for i, v in enumerate(row["values"]) if isinstance(v, (int, float))]
        (lo, i_lo), (hi, i_hi) = min(nums), max(nums)
        if best is None or hi - lo > best[0]:
            best = (hi - lo, row, i_lo, i_hi)
    if best is None or best[0] < 0.05:
        return None
    _, row, i_lo, i_hi = best
    party, lo, hi = row["label"], row["values"][i_lo], row["values"][i_hi]
    if hi < 0:
        words = ("least negative", "most negative")
    elif lo > 0:
        words = ("most positive", "least positive")
    else:
        words = ("most favourable", "least favourable")
    text = f"Toward {party}, {labels[i_hi]} is the {words[0]} ({hi:+.2f}) and {labels[i_lo]} the {words[1]} ({lo:+.2f})"
    d = row["details"][i_lo] or {}
    if d.get("quoted") is not None and (d.get("author") is None or abs(d["quoted"]) > abs(d["author"])) and d["quoted"] < 0:
        text += f"; in {labels[i_lo]} it comes mostly from quoted voices ({d['quoted']:+.2f} quoted, "
        text += ("no author-voice mentions)" if d.get("author") is None else f"{d['author']:+.2f} author)")
    return text + "."


def _voices_summary(rows: list[dict], labels: list[str]) -> str | None:
    """'RT cites Russia 8x as often as Amnesty International; the others do the opposite.'"""
    cites = [r for r in rows if r["key"].startswith("sources.cites.")]
    if len(cites) < 2:
        return None
    a, b = cites[0], cites[1]
    pairs = [(x, y) for x, y in zip(a["values"], b["values"])]
    prefer_a = [i for i, (x, y) in enumerate(pairs) if x is not None and y is not None and x > y]
    prefer_b = [i for i, (x, y) in enumerate(pairs) if x is not None and y is not None and y > x]
    for minority, major, first, second in ((prefer_a, prefer_b, a, b), (prefer_b, prefer_a, b, a)):
        if len(minority) == 1 and len(major) >= 2:
            i = minority[0]
            x, y = first["values"][i], second["values"][i]
            p1, p2 = first["label"][6:], second["label"][6:]
            ratio = f"{x / y:.0f}\u00d7 as often as" if y else f"{x} times and never"
            return f"{labels[i]} cites {p1} {ratio} {p2}; the others do the opposite."
    return None


def _readability_summary(rows: list[dict], labels: list[str]) -> str | None:
    fre = rows[0]["values"]
    nums = [(v, i) for i, v in enumerate(fre) if isinstance(v, (int, float))]
    if len(nums) < 2:
        return None
    (lo, i_lo), (hi, i_hi) = min(nums), max(nums)
    return f"{labels[i_hi]} is the easiest to read (Flesch {hi:.0f}) and {labels[i_lo]} the hardest ({lo:.0f})."


def _group(name: str, title: str, rows: list[dict], labels: list[str], special: Callable | None = None) -> dict:
    summary = special(rows, labels) if special else None
    if summary is None:
        # on a tie the more specific row wins (a category over all hedging)
        ranked = sorted(rows, key=lambda r: (-r["deviation"], r["key"] == "hedging.per_1k_words"))
        summary = next((s for s in (_outlier_sentence(r, labels) for r in ranked) if s), None)
    return {"name": name, "title": title, "rows": rows, "summary": summary or "No large differences between the articles."}


def compare(records: Iterable[Record]) -> dict[str, Any]:
    """The comparison of two or more article records (see the module docstring)."""
    records = list(records)
    labels = [article_label(r) for r in records]
    seen: dict[str, int] = {}
    for i, label in enumerate(labels):  # keep labels unique
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[i] = f"{label} ({seen[label]})"
    ok = [r for r in records if "error" not in r]
    parties = _aligned_parties(ok)
    groups = [
        _group("hedging", "Hedging and distancing", _hedging(records, parties), labels),
        _group("sentiment", "Sentiment toward each party", _sentiment(records, parties), labels, _sentiment_summary),
        _group("sources", "Sources: who is cited", _sources(records), labels, _voices_summary),
        _group("readability", "Readability", _readability(records), labels, _readability_summary),
    ]
    articles = [
        {"label": lab, "id": r.get("id"), "source": r.get("source"), "words": r.get("words"),
         "error": (r.get("error") or {}).get("message")}
        for lab, r in zip(labels, records)
    ]
    return {"articles": articles, "parties": parties, "groups": groups}
