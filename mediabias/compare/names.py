"""One row per person across articles: the names each article gives a
person, folded onto one name for the comparison.

Within an article the parties measure already folds a surname onto the full
name ("Konashenkov" -> "Igor Konashenkov").  Across articles the same person
can still carry different names -- "Trump" in two outlets and "Donald Trump"
in three, "Kim", "Kim Jong" and "Kim Jong Un" -- so ``compare`` folds them
the same way: two names of people are one person when, compared word by
word (case, hyphens, initials and titles aside), one is the other, or the
start or the end of the other ("Trump" / "Donald Trump", "Kim" / "Kim Jong
Un", "George W. Bush" / "George Bush"; the words are the parties measure's
``name_key``).  A name that could belong to two
different people of the cluster ("Cheney": "Liz Cheney" and "Dick
Cheney") is left alone.  Only people are folded: the gazetteer already gives
countries and organisations one canonical name, and a user's parties are
named by the user.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

Record = dict[str, Any]
_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")


def name_words(name: str) -> tuple[str, ...]:
    """The words that identify a person: the parties measure's ``name_key``
    (lower case, no accents, no leading titles or initials, a suffix last),
    with hyphenated parts apart ("Jong-un" -> "jong", "un")."""
    from mediabias.measures.parties import name_key

    return name_key(_SPLIT.sub(" ", name.strip()))


def _part_of(short: tuple[str, ...], long: tuple[str, ...], names: tuple[str, str]) -> bool:
    """``short`` names part of the person ``long`` names: its start or its end
    ("Kim" / "Kim Jong Un", "Trump" / "Donald Trump"), or, as the parties
    measure has it, all its words with the same last word ("George Bush" /
    "George Walker Bush")."""
    from mediabias.measures.parties import same_person

    if len(short) >= len(long):
        return False
    if long[: len(short)] == short or long[-len(short):] == short:
        return True
    return len(short) > 1 and same_person(*names)


def people_names(records: Iterable[Record]) -> dict[str, int]:
    """Names of people over the records, with their mentions."""
    names: dict[str, int] = {}
    other: set[str] = set()
    for r in records:
        for p in ((r.get("sentiment") or {}).get("parties") or []):
            if p.get("kind") == "person" and not p.get("user_defined"):
                names[p["name"]] = names.get(p["name"], 0) + (p.get("mentions") or 0)
            else:
                other.add(p["name"])
    return {n: m for n, m in names.items() if n not in other}


def fold_people(names: dict[str, int]) -> dict[str, str]:
    """name -> the name of the person it is folded onto (only names that change)."""
    words = {n: name_words(n) for n in names}
    by_words: dict[tuple[str, ...], list[str]] = {}
    for n, w in words.items():
        if w:
            by_words.setdefault(w, []).append(n)
    keys = list(by_words)

    def part_of(k: tuple[str, ...], t: tuple[str, ...]) -> bool:
        return _part_of(k, t, (by_words[k][0], by_words[t][0]))

    # the longest names: no other name contains them
    longest = [k for k in keys if not any(part_of(k, other) for other in keys)]
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    for k in keys:
        if k in longest:
            target[k] = k
            continue
        holders = [t for t in longest if part_of(k, t)]
        if len(holders) == 1:  # two people could bear it ("Cheney"): left alone
            target[k] = holders[0]
    # each person's display name: the most mentioned of its longest forms
    display = {t: max(by_words[t], key=lambda n: (names[n], len(n), n)) for t in set(target.values())}
    out = {}
    for k, t in target.items():
        for n in by_words[k]:
            if display[t] != n:
                out[n] = display[t]
    return out


def _weighted(items: list[tuple[float | None, int]]) -> float | None:
    pairs = [(s, n) for s, n in items if s is not None and n]
    total = sum(n for _, n in pairs)
    return sum(s * n for s, n in pairs) / total if total else None


def _merge_voices(voices: list[dict]) -> list[dict]:
    out: dict[str, dict] = {}
    for v in voices:
        key = v.get("speaker") or "anonymous"
        if key not in out:
            out[key] = dict(v)
            continue
        a = out[key]
        merged = dict(a if a.get("words", 0) >= v.get("words", 0) else v)  # the credence of the larger share
        merged["score"] = _weighted([(a.get("score"), a.get("mentions", 0)), (v.get("score"), v.get("mentions", 0))])
        merged["mentions"] = a.get("mentions", 0) + v.get("mentions", 0)
        merged["words"] = a.get("words", 0) + v.get("words", 0)
        merged["credence_evidence"] = (a.get("credence_evidence") or []) + (v.get("credence_evidence") or [])
        out[key] = merged
    return sorted(out.values(), key=lambda v: -v.get("words", 0))


def merge_parties(parts: list[dict], name: str) -> dict:
    """Two or more entries of one article that name the same person, as one:
    mentions add up, scores are averaged weighted by mentions, and
    ``folded`` lists the names that were merged."""
    if len(parts) == 1:
        p = dict(parts[0])
        if p["name"] != name:
            p["folded"] = [p["name"]]
            p["name"] = name
        return p
    base = dict(max(parts, key=lambda p: p.get("mentions") or 0))
    counts = [p.get("mentions") or 0 for p in parts]
    base["name"] = name
    base["folded"] = [p["name"] for p in parts]
    base["mentions"] = sum(counts)
    base["score"] = _weighted([(p.get("score"), n) for p, n in zip(parts, counts)])
    for key in ("positive", "neutral", "negative"):
        base[key] = sum(p.get(key) or 0 for p in parts)
    if any("stance" in p for p in parts):
        stance = dict(base.get("stance") or {})
        stance["score"] = _weighted([((p.get("stance") or {}).get("score"), n) for p, n in zip(parts, counts)])
        base["stance"] = stance
    voices = {}
    for v in ("author", "quoted", "reported"):
        sub = [((p.get("by_voice") or {}).get(v) or {}) for p in parts]
        voices[v] = {"mentions": sum(s.get("mentions") or 0 for s in sub),
                     "score": _weighted([(s.get("score"), s.get("mentions") or 0) for s in sub])}
    base["by_voice"] = voices
    if any("voices" in p for p in parts):
        base["voices"] = _merge_voices([v for p in parts for v in p.get("voices") or []])
    return base


def _merge_counts(block: dict[str, dict], names: dict[str, str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for party, d in block.items():
        key = names.get(party, party)
        if key in out:
            out[key] = {k: (out[key].get(k) or 0) + v if isinstance(v, (int, float)) and not isinstance(v, bool)
                        else out[key].get(k, v) for k, v in d.items()}
        else:
            out[key] = dict(d)
    return out


def fold_record(record: Record, names: dict[str, str]) -> Record:
    """``record`` with the people in ``names`` renamed and merged (a new dict;
    the record itself is not changed).  Rates per 1,000 words in a merged
    count block are summed, which is right: they share the article's words."""
    if not names or "error" in record:
        return record
    out = dict(record)
    sentiment = record.get("sentiment")
    if sentiment and sentiment.get("parties"):
        groups: dict[str, list[dict]] = {}
        for p in sentiment["parties"]:
            groups.setdefault(names.get(p["name"], p["name"]), []).append(p)
        parties = [merge_parties(parts, name) if (len(parts) > 1 or parts[0]["name"] != name) else parts[0]
                   for name, parts in groups.items()]
        parties = [
            {**p, "voices": _merge_voices([{**v, "speaker": names.get(v.get("speaker"), v.get("speaker"))}
                                           for v in p["voices"]])}
            if p.get("voices") and any(v.get("speaker") in names for v in p["voices"]) else p
            for p in parties
        ]
        out["sentiment"] = {**sentiment, "parties": sorted(parties, key=lambda p: -(p.get("mentions") or 0))}
    for block, key in (("sources", "by_party"), ("hedging", "by_party")):
        b = record.get(block)
        if b and b.get(key):
            out[block] = {**b, key: _merge_counts(b[key], names)}
    return out
