"""What a corpus summary reads from each record: its group and its numbers.

Every number is read from the record as ``mediabias score`` wrote it; nothing
is measured again.  One article is one observation: a group's mean is the
mean over its articles of the article's own rate (not a rate pooled over the
group's words), so a long article counts as much as a short one.  An article
without a value for a measure (no attributions, so no share anonymous; a party
it never mentions) is left out of that measure only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Record = dict[str, Any]
UNKNOWN = "(unknown)"
ALL = "(all)"
PERIODS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class Measure:
    key: str  # "hedging.hedge_per_1k_words", "stance.Russia"
    label: str  # "hedge", "Russia"
    unit: str  # per_1k | per_100 | share | score | ease | grade
    family: str  # hedging | sources | readability | stance | distancing
    path: tuple[str, ...] = ()  # where a fixed measure sits in the record
    party: str | None = None


FAMILIES = {
    "hedging": "Hedging per 1,000 words (by category and voice)",
    "sources": "Sources",
    "stance": "Stance toward each party (-1 to +1)",
    "distancing": "Distancing aimed at each party, per 1,000 words",
    "readability": "Readability",
}

FIXED: tuple[Measure, ...] = (
    Measure("hedging.per_1k_words", "all hedging", "per_1k", "hedging", ("hedging", "per_1k_words")),
    *(Measure(f"hedging.{c}_per_1k_words", c, "per_1k", "hedging", ("hedging", "by_category_per_1k_words", c))
      for c in ("hedge", "distancing", "weasel", "booster")),
    Measure("hedging.author_per_1k_words", "author voice", "per_1k", "hedging", ("hedging", "author_voice", "per_1k_words")),
    Measure("hedging.quoted_per_1k_words", "quoted voices", "per_1k", "hedging", ("hedging", "quoted", "per_1k_words")),
    Measure("sources.per_100_words", "attributions /100 words", "per_100", "sources", ("sources", "per_100_words")),
    Measure("sources.share_anonymous", "share anonymous", "share", "sources", ("sources", "share_anonymous")),
    Measure("sources.share_words_quoted", "share of words quoted", "share", "sources", ("sources", "share_words_quoted")),
    Measure("readability.flesch_reading_ease", "Flesch reading ease", "ease", "readability",
            ("readability", "flesch_reading_ease")),
    Measure("readability.flesch_kincaid_grade", "Flesch-Kincaid grade", "grade", "readability",
            ("readability", "flesch_kincaid_grade")),
)


def stance_measure(party: str) -> Measure:
    return Measure(f"stance.{party}", party, "score", "stance", party=party)


def distancing_measure(party: str) -> Measure:
    return Measure(f"hedging.distancing_at.{party}", party, "per_1k", "distancing", party=party)


@dataclass(slots=True)
class Article:
    """One record reduced to what a summary needs."""

    sort_key: tuple[str, str]
    group: str
    words: int
    fixed: list[float | None]
    # party -> (stance score, distancing aimed at it per 1,000 words), parties the article mentions
    parties: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)


def _get(record: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(record, dict):
            return None
        record = record.get(key)
    return record


def _number(v: Any) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v else None


def party_values(record: Record) -> dict[str, tuple[float | None, float | None]]:
    """Each party the article mentions: its stance (``stance.score``; records
    written before stance existed give the mean mention ``score``) and the
    distancing aimed at it per 1,000 words (0 when none is)."""
    by_party = _get(record, ("hedging", "by_party")) or {}
    has_hedging = isinstance(record.get("hedging"), dict)
    out: dict[str, tuple[float | None, float | None]] = {}
    parties = _get(record, ("sentiment", "parties"))
    if parties is None:  # a hedging-only record: the parties distancing is aimed at are all it knows
        return {name: (None, _number(d.get("distancing_per_1k_words"))) for name, d in by_party.items()}
    for p in parties:
        if not p.get("mentions"):
            continue
        stance = p.get("stance")
        score = _number(stance.get("score")) if isinstance(stance, dict) else _number(p.get("score"))
        d = by_party.get(p["name"]) or {}
        distancing = _number(d.get("distancing_per_1k_words", 0.0)) if has_hedging else None
        out[p["name"]] = (score, distancing)
    return out


# -- groups -----------------------------------------------------------------

_DATE = re.compile(r"\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])")


def date_bucket(value: Any, period: str) -> str | None:
    """``"2019-03-14"`` -> ``"2019-03"`` (month), ``"2019-W11"`` (week),
    ``"2019-03-14"`` (day), ``"2019"`` (year); None when the value is not an
    ISO-like date precise enough for the period."""
    m = _DATE.match(str(value))
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if period == "year":
        return f"{y:04d}" if 1000 <= y <= 9999 else None
    if mo is None or not 1 <= int(mo) <= 12:
        return None
    if period == "month":
        return f"{y:04d}-{int(mo):02d}"
    if d is None:
        return None
    try:
        day = date(y, int(mo), int(d))
    except ValueError:
        return None
    if period == "day":
        return day.isoformat()
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def group_of(record: Record, by: str, period: str | None) -> tuple[str | None, str]:
    """The group ``record`` belongs to, or (None, why) when it has none."""
    value = record.get(by) if by in record else _get(record, ("fields", by))
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, "missing"
    if by == "date":
        bucket = date_bucket(value, period or "month")
        return (bucket, "") if bucket else (None, "unparseable")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return " ".join(str(value).split()), ""


def article(record: Record, group: str) -> Article:
    return Article(
        sort_key=(str(record.get("id")), str(record.get("source"))),
        group=group,
        words=record.get("words") or 0,
        fixed=[_number(_get(record, m.path)) for m in FIXED],
        parties=party_values(record),
    )
