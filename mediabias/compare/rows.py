"""The rows of a comparison, group by group, and the one rule that stars a cell.

Every row holds one value per article and, per cell, the count of mentions
or hits it rests on (``support``).  The star rule (:data:`STAR_RULE`, the
same words in the terminal footer, the HTML report and the README):

* the row's median ``m`` and scale ``max(|m|, floor)`` -- the floor is per
  kind of number, so that 0.1 against 0.3 hedges per 1,000 words is not news;
* the cell furthest from ``m`` is starred when it is at least half the scale
  away, no other cell is as far, and it rests on 3 or more mentions or hits.
"""

from __future__ import annotations

from statistics import median
from typing import Any

Record = dict[str, Any]
MARK_AT = 0.5  # distance from the row median, in units of the row's scale, that can star a cell
MIN_SUPPORT = 3  # mentions or hits a starred cell (or a summary sentence) rests on, at least
MAX_VOICES = 4  # voices listed under each party
STAR_RULE = ("* marks the cell furthest from its row's median, when it is at least half the row's scale away "
             "(the scale is the median's size, or a floor for small numbers), no other cell is as far, "
             "and it rests on 3 or more mentions or hits")

# the smallest scale of a row, by the kind of number it holds
FLOORS = {"per_1k": 2.0, "per_100": 0.5, "share": 0.05, "score": 0.15, "count": 2.0, "grade": 2.0, "ease": 10.0,
          "words": 50.0}


def get(record: Record, *path: str) -> Any:
    cur: Any = record
    for key in path:
        if not isinstance(cur, dict) or cur.get(key) is None:
            return None
        cur = cur[key]
    return cur


def _num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def row(key: str, label: str, kind: str, values: list, support: list | None = None, details: list | None = None,
        *, starred: bool = True, **extra: Any) -> dict[str, Any]:
    """A row, with the cell the star rule picks in ``marked`` (at most one)."""
    support = support if support is not None else [None] * len(values)
    nums = [v for v in values if _num(v)]
    marked: list[int] = []
    deviation = 0.0
    if len(nums) >= 2:
        m = median(nums)
        scale = max(abs(m), FLOORS[kind])
        devs = [abs(v - m) / scale if _num(v) else 0.0 for v in values]
        deviation = max(devs)
        furthest = [i for i, d in enumerate(devs) if abs(d - deviation) < 1e-9]
        if starred and deviation >= MARK_AT and len(furthest) == 1 and (support[furthest[0]] or 0) >= MIN_SUPPORT:
            marked = furthest
    out = {"key": key, "label": label, "kind": kind, "values": values, "support": support, "marked": marked,
           "deviation": round(deviation, 3)}
    if details is not None:
        out["details"] = details
    out.update(extra)
    return out


def _per_1k(record: Record, count: Any) -> float | None:
    words = record.get("words")
    return None if not words or count is None else count * 1000 / words


def parties_of(record: Record) -> dict[str, dict]:
    return {p["name"]: p for p in (get(record, "sentiment", "parties") or []) if p.get("mentions")}


def aligned_parties(records: list[Record]) -> list[str]:
    """Parties mentioned in at least two articles, most articles first."""
    seen: dict[str, list[int]] = {}
    for r in records:
        for name, p in parties_of(r).items():
            seen.setdefault(name, [0, 0])
            seen[name][0] += 1
            seen[name][1] += p["mentions"]
    return [n for n, (arts, mentions) in sorted(seen.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])) if arts >= 2]


def hedging_rows(records: list[Record], parties: list[str]) -> list[dict]:
    def none_if_error(r: Record, v: Any) -> Any:
        return None if "error" in r else v

    rows = [row("hedging.per_1k_words", "all hedging per 1k words", "per_1k",
                [get(r, "hedging", "per_1k_words") for r in records], [get(r, "hedging", "count") for r in records])]
    for cat in ("hedge", "distancing", "weasel", "booster"):
        counts = [get(r, "hedging", "by_category", cat) for r in records]
        rows.append(row(f"hedging.{cat}_per_1k_words", f"{cat} per 1k words", "per_1k",
                        [_per_1k(r, c) for r, c in zip(records, counts)], counts))
    for voice, label in (("author_voice", "author voice per 1k words"), ("quoted", "quoted voices per 1k words")):
        rows.append(row(f"hedging.{voice.split('_')[0]}_per_1k_words", label, "per_1k",
                        [get(r, "hedging", voice, "per_1k_words") for r in records],
                        [get(r, "hedging", voice, "count") for r in records]))
    for party in parties:
        counts = [get(r, "hedging", "by_party", party, "distancing") for r in records]
        if any(counts):
            values = [none_if_error(r, c or 0) for r, c in zip(records, counts)]
            rows.append(row(f"hedging.distancing_at.{party}", f"distancing aimed at {party}", "count", values, values))
    return rows


def sentiment_rows(records: list[Record], parties: list[str]) -> list[dict]:
    """Per party: its stance in each article (the headline), then the voices
    the articles carry about it, each with the words given and the credence."""
    rows = []
    for party in parties:
        values, support, details = [], [], []
        for r in records:
            p = parties_of(r).get(party)
            stance = (p or {}).get("stance")
            headline = stance.get("score") if isinstance(stance, dict) else (p or {}).get("score")
            values.append(headline if p else None)
            support.append((p or {}).get("mentions"))
            voice = (p or {}).get("by_voice") or {}
            details.append(None if p is None else {
                "label": stance.get("label") if isinstance(stance, dict) else p.get("label"),
                "mentions": p["mentions"], "mean": p.get("score"), "stance": isinstance(stance, dict),
                "author": get(voice, "author", "score"), "quoted": get(voice, "quoted", "score"),
                "quoted_mentions": get(voice, "quoted", "mentions") or 0,
                **({"folded": p["folded"]} if p.get("folded") else {}),
            })
        key = f"sentiment.{party}"
        rows.append(row(key, party, "score", values, support, details))
        rows.extend(_voice_rows(records, party, key))
    return rows


def _voice_rows(records: list[Record], party: str, parent: str) -> list[dict]:
    totals: dict[str, int] = {}
    for r in records:
        for v in (parties_of(r).get(party) or {}).get("voices") or []:
            speaker = v.get("speaker") or "anonymous"
            totals[speaker] = totals.get(speaker, 0) + (v.get("words") or 0)
    rows = []
    for speaker in sorted(totals, key=lambda s: (-totals[s], s))[:MAX_VOICES]:
        values, details, is_self = [], [], False
        for r in records:
            p = parties_of(r).get(party)
            v = next((v for v in (p or {}).get("voices") or [] if (v.get("speaker") or "anonymous") == speaker), None)
            if "error" in r or p is None:
                values.append(None)
                details.append(None)
            elif v is None:
                values.append(0)
                details.append(None)
            else:
                is_self = is_self or bool(v.get("self"))
                values.append(v.get("words") or 0)
                details.append({"credence": v.get("credence") or "neutral", "mentions": v.get("mentions"),
                                "score": v.get("score"), "type": v.get("type"), "self": bool(v.get("self"))})
        label = f"voice: {speaker}" + (" (self)" if is_self else "")
        rows.append(row(f"{parent}.voice.{speaker}", label, "words", values, None, details, starred=False,
                        parent=parent, speaker=speaker))
    return rows


def sources_rows(records: list[Record]) -> list[dict]:
    rows = [
        row("sources.per_100_words", "attributions per 100 words", "per_100",
            [get(r, "sources", "per_100_words") for r in records], [get(r, "sources", "attributions") for r in records]),
        row("sources.share_anonymous", "share of attributions anonymous", "share",
            [get(r, "sources", "share_anonymous") for r in records], [get(r, "sources", "attributions") for r in records]),
        row("sources.share_words_quoted", "share of words in direct quotes", "share",
            [get(r, "sources", "share_words_quoted") for r in records], [get(r, "sources", "direct_quotes") for r in records]),
    ]
    cited: dict[str, list[int]] = {}
    for r in records:
        for party, d in (get(r, "sources", "by_party") or {}).items():
            if d.get("attributions") or d.get("quoted_words"):
                cited.setdefault(party, [0, 0])
                cited[party][0] += 1
                cited[party][1] += d.get("attributions", 0)
    top = [p for p, (arts, n) in sorted(cited.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])) if arts >= 2][:8]
    for party in top:
        values, details = [], []
        for r in records:
            d = get(r, "sources", "by_party", party) or {}
            values.append(None if "error" in r else d.get("attributions", 0))
            details.append(None if "error" in r else {"quoted_words": d.get("quoted_words", 0)})
        rows.append(row(f"sources.cites.{party}", f"cites {party}", "count", values, values, details, party=party))
    return rows


def readability_rows(records: list[Record]) -> list[dict]:
    spec = (("flesch_reading_ease", "Flesch reading ease", "ease"), ("flesch_kincaid_grade", "Flesch-Kincaid grade", "grade"),
            ("gunning_fog", "Gunning fog", "grade"), ("smog_index", "SMOG", "grade"))
    sentences = [r.get("sentences") for r in records]
    return [row(f"readability.{k}", label, kind, [get(r, "readability", k) for r in records], sentences)
            for k, label, kind in spec]
