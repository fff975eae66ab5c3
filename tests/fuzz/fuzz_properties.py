"""Properties every record must have, whatever the text: checked generically
where possible (any span, any number), by measure where a count meets its
hit list."""

from __future__ import annotations

import math
import time
from collections import Counter
from functools import lru_cache
from typing import Any, Callable


@lru_cache(maxsize=1)
def validator():
    import jsonschema

    from mediabias.schema import load_schema

    return jsonschema.Draft202012Validator(load_schema())


def problems(text: str, record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks a property for ``text`` (empty: none)."""
    out = [f"schema: {e.message} at {'/'.join(map(str, e.absolute_path))}" for e in validator().iter_errors(record)]
    _walk(record, text, "", out)
    if "error" in record:
        return out
    if record["chars"] != len(text):
        out.append(f"chars {record['chars']} != len(text) {len(text)}")
    h, s, se = record.get("hedging"), record.get("sources"), record.get("sentiment")
    if h:
        out += _hedging(h)
    if s:
        out += _sources(s)
    if se:
        out += _sentiment(se)
    return out


def _walk(value: Any, text: str, path: str, out: list[str]) -> None:
    """Every span slices the text it names; every number is finite (or null)."""
    if isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
        if isinstance(start, int) and isinstance(end, int) and not isinstance(start, bool):
            if not 0 <= start <= end <= len(text):
                out.append(f"{path}: span {start}:{end} outside the text (length {len(text)})")
            elif isinstance(value.get("text"), str) and value["text"] != text[start:end]:
                out.append(f"{path}: text {value['text']!r} != article[{start}:{end}] {text[start:end]!r}")
        for k, v in value.items():
            _walk(v, text, f"{path}.{k}", out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _walk(v, text, f"{path}[{i}]", out)
    elif isinstance(value, float) and not math.isfinite(value):
        out.append(f"{path}: {value} is not finite")


def _hedging(h: dict) -> list[str]:
    out = []
    bc = h["by_category"]
    hits = Counter(x["category"] for x in h["hits"])
    quoted = Counter(x["category"] for x in h["hits"] if x["in_quote"])
    if dict(hits) != {c: n for c, n in bc.items() if n}:
        out.append(f"hedging: by_category {bc} != hits {dict(hits)}")
    if h["count"] != bc["hedge"] + bc["distancing"] + bc["weasel"]:
        out.append(f"hedging: count {h['count']} != hedge + distancing + weasel {bc}")
    if h["boosters"] != bc["booster"]:
        out.append("hedging: boosters != by_category.booster")
    for voice, want in (("quoted", quoted), ("author_voice", hits - quoted)):
        got = {c: n for c, n in h[voice]["by_category"].items() if n}
        if got != dict(want):
            out.append(f"hedging: {voice}.by_category {got} != hits {dict(want)}")
    if h["author_voice"]["count"] + h["quoted"]["count"] != h["count"]:
        out.append("hedging: author_voice.count + quoted.count != count")
    aimed = sum(d["hedge"] + d["distancing"] + d["weasel"] for d in h["by_party"].values())
    if aimed > h["count"]:
        out.append(f"hedging: {aimed} hits aimed at parties, more than the {h['count']} counted")
    return out


def _sources(s: dict) -> list[str]:
    out = []
    cited = [c for c in s["citations"] if c.get("cue")]
    if s["attributions"] != len(cited):
        out.append(f"sources: attributions {s['attributions']} != {len(cited)} citations with a cue")
    if s["named"] + s["anonymous"] != s["attributions"]:
        out.append("sources: named + anonymous != attributions")
    if sum(s["by_source_type"].values()) != s["attributions"]:
        out.append(f"sources: by_source_type {s['by_source_type']} does not add up to {s['attributions']}")
    if s["anonymous"] != sum(1 for c in cited if c.get("anonymous")):
        out.append("sources: anonymous != citations flagged anonymous")
    return out


def _sentiment(se: dict) -> list[str]:
    out = []
    for p in se["parties"]:
        ev = p["evidence"]
        labels = Counter(e["label"] for e in ev)
        name = p["name"]
        if p["mentions"] != len(ev):
            out.append(f"sentiment {name}: mentions {p['mentions']} != {len(ev)} evidence")
        if (p["positive"], p["neutral"], p["negative"]) != (labels["positive"], labels["neutral"], labels["negative"]):
            out.append(f"sentiment {name}: label counts != evidence labels {dict(labels)}")
        if sum(v["mentions"] for v in p["by_voice"].values()) != p["mentions"]:
            out.append(f"sentiment {name}: by_voice mentions do not add up")
        if ev and (p["score"] is None or abs(p["score"] - sum(e["score"] for e in ev) / len(ev)) > 1e-9):
            out.append(f"sentiment {name}: score {p['score']} is not the mean of its mentions")
        if not ev and p["score"] is not None:
            out.append(f"sentiment {name}: a score without mentions")
        for e in ev:
            pr = e["probabilities"]
            if abs(sum(pr.values()) - 1) > 1e-9 or abs(e["score"] - (pr["positive"] - pr["negative"])) > 1e-9:
                out.append(f"sentiment {name}: mention score/probabilities inconsistent at {e['start']}")
    return out


def cpu_seconds(run: Callable[[], Any], repeat: int = 3) -> float:
    """Best of ``repeat`` runs in CPU time of this process (other processes on a
    busy machine do not count), with the garbage collector paused: its full
    passes cost more the more objects are alive, which is the interpreter's
    cost, not the algorithm's."""
    import gc

    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            run()
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def growth(unit: str, run: Callable[[str], Any], small: int = 20_000, factor: int = 10) -> tuple[float, float]:
    """CPU seconds of ``run`` on ``unit`` repeated to ``small`` characters and to
    ``factor`` times that (after a warm-up at the small size)."""
    reps = max(1, small // max(1, len(unit)))
    a, b = unit * reps, unit * (reps * factor)
    run(a)
    return cpu_seconds(lambda: run(a)), cpu_seconds(lambda: run(b))


def grows_linearly(unit: str, run: Callable[[str], Any], bound: float = 15.0, attempts: int = 2) -> tuple[bool, str]:
    """Whether 10x the text costs at most ``bound`` times the CPU time; a ratio
    over the bound is measured again (``attempts`` in all) before it counts."""
    report = ""
    for _ in range(attempts):
        small, large = growth(unit, run)
        report = f"{small:.3f}s at {len(unit * max(1, 20_000 // max(1, len(unit))))} chars, {large:.3f}s at 10x"
        if large <= bound * max(small, 0.002):
            return True, report
    return False, report


def scaled(share: float, floor: int = 1) -> int:
    """A number of examples for a slower property: ``share`` of the loaded profile's."""
    from hypothesis import settings

    return max(floor, int(settings().max_examples * share))


# -- the properties, as plain functions (the tests and run_long.py call them) ---------------
def check_analyze(text: str) -> None:
    """analyze() never raises; the record holds; the same input gives the same record."""
    from mediabias import analyze

    record = analyze(text).to_dict()
    found = problems(text, record)
    assert found == [], found
    assert analyze(text).to_dict() == record, "not deterministic"


def check_parties_and_measures(text: str, parties: dict, measures: tuple[str, ...]) -> None:
    """User party sets and subsets of measures: the same properties (an alias
    that can match nothing is refused with ConfigError, the documented error)."""
    from mediabias import analyze
    from mediabias.config import ConfigError

    try:
        record = analyze(text, parties=parties, measures=measures).to_dict()
    except ConfigError:
        return
    found = problems(text, record)
    assert found == [], found


def check_linear(unit: str) -> None:
    """10x the text costs at most 15x the time."""
    from mediabias import analyze

    ok, report = grows_linearly(unit, analyze)
    assert ok, f"{report} for {unit[:300]!r}"
