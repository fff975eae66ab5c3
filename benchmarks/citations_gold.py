"""Precision of the sources measure's citations against a gold set judged by reading.

    python benchmarks/citations_gold.py                        # ../shared/seeds and examples/articles
    python benchmarks/citations_gold.py --shared PATH --json out.json
    python benchmarks/citations_gold.py --verbose              # every citation with its verdict
    python benchmarks/citations_gold.py --agreement            # the automatic verdicts against the hand verdicts

``benchmarks/data/citations_gold.jsonl`` holds, for the five seed articles
(``../shared/seeds``, read from there: their text is not stored here) and the
four example articles (scored with ``examples/parties.toml``), the truth for
every cue the measure gave on 2026-12-04 and for every citation it missed:

* ``citation`` records: a cue span (or, for a quotation with no cue of its
  own, none) and whether it is a citation; if it is, the speaker, the
  acceptable source spans (``source``, ``source_alt``, ``antecedent`` for a
  pronoun, ``extent`` the widest acceptable span), the party the speaker
  speaks for, whether the source is genuinely unnamed (``anonymous``), the
  content span (the widest acceptable) and ``content_min`` (what it must
  hold); ``required: false`` marks a borderline citation a reader may or may
  not count (not missed when absent);
* ``judgement`` records: each citation the measure gave before the rules of
  issue 13 were changed, with the verdict of reading it.

A citation record marked ``added`` was judged later, when the changed rules
gave a cue no record covered (read like the others; it is listed as
*unjudged* until then).

A citation the measure gives is matched to the gold record whose cue
overlaps its cue (an uncued quotation: the record whose content overlaps
its content most) and judged:

* **not a citation** -- the gold says so, or no gold cue overlaps (listed as
  *unjudged*: a new output nobody has read yet), or a second citation
  claims a gold citation already matched (*duplicate*);
* **wrong source** -- the source must overlap an acceptable span and lie
  mostly (half its characters) within the widest one; a pronoun ("it",
  "he", "which") must be resolved: its ``refers_to`` overlaps the
  antecedent or its party is the speaker's;
* **wrong content** -- at least 80 % of the content's characters inside the
  gold content, and 90 % of ``content_min`` covered (without one, 60 % of
  the content);
* else **correct**.

Figures: citation precision (correct / citations given), anonymous
precision (citations flagged anonymous whose source the gold says is
genuinely unnamed / citations flagged anonymous), recall (required gold
citations matched correctly), party accuracy of the correct ones, and
quoted words by party: each top-level quotation goes to the innermost gold
citation whose content holds it; the measure's ``by_party.quoted_words``
is compared with those sums (total absolute difference / gold total).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "citations_gold.jsonl"
PRONOUNS = frozenset("he she it they we i who which that whom".split())
VERDICTS = ("correct", "wrong source", "wrong content", "not a citation")


def load(path: Path) -> tuple[dict, dict, dict]:
    """(articles, gold citations by article, hand judgements by article)."""
    articles, gold, judged = {}, defaultdict(list), defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            kind = rec["type"]
            if kind == "article":
                articles[rec["article"]] = rec
            elif kind == "citation":
                gold[rec["article"]].append(rec)
            elif kind == "judgement":
                judged[rec["article"]].append(rec)
    return articles, gold, judged


def article_path(key: str, shared: Path) -> Path:
    return shared / key if key.startswith("seeds/") else ROOT / key


def _span(d) -> tuple[int, int] | None:
    return None if d is None else (d["start"], d["end"])


def _overlap(a, b) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _trim(text: str, sp):
    """A span without non-alphanumeric characters at either edge (quote marks, commas)."""
    if sp is None:
        return None
    a, b = sp
    while a < b and not text[a].isalnum():
        a += 1
    while b > a and not text[b - 1].isalnum():
        b -= 1
    return (a, b) if b > a else None


def _parties(g) -> set:
    p = g.get("party")
    return set(p) if isinstance(p, list) else ({p} if p else set())


def source_ok(text: str, c: dict, g: dict) -> bool:
    src = _span(c["source"])
    gsrc = _span(g.get("source"))
    if gsrc is None and not g.get("source_alt"):
        return src is None
    if src is None:
        return False
    accept = [s for s in [gsrc, *map(_span, g.get("source_alt", [])), _span(g.get("antecedent"))] if s is not None]
    widest = accept + [s for s in [_span(g.get("extent"))] if s is not None]
    if not any(_overlap(src, s) for s in accept):
        return False
    if g["cue"] is None:
        return True  # a carried quotation copies its speaker's span from the citation before: naming them is enough
    inside = sum(_overlap(src, s) for s in _merge(widest))
    if inside * 2 < src[1] - src[0]:
        return False
    if text[src[0] : src[1]].split()[0].lower() in PRONOUNS and src[1] - src[0] <= 5:
        ante = _span(g.get("antecedent"))
        refers = _span((c["source"] or {}).get("refers_to"))
        if ante is not None and _overlap(src, ante) == 0:
            return bool(refers and _overlap(refers, ante)) or (c.get("party") in _parties(g))
    return True


def _merge(spans):
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def content_ok(text: str, c: dict, g: dict) -> bool:
    m = _trim(text, _span(c["content"]))
    gc = _trim(text, _span(g.get("content")))
    if gc is None:
        return m is None
    if m is None:
        return False
    inside = _overlap(m, gc)
    if inside < 0.8 * (m[1] - m[0]):
        return False
    gmin = _trim(text, _span(g.get("content_min")))
    if gmin is not None:
        return _overlap(m, gmin) >= 0.9 * (gmin[1] - gmin[0])
    return inside >= 0.6 * (gc[1] - gc[0])


def match(c: dict, gold: list[dict]) -> dict | None:
    """The gold record a citation of the measure is judged against."""
    if c["cue"] is not None:
        cue = _span(c["cue"])
        best = max(gold, key=lambda g: _overlap(cue, _span(g["cue"])), default=None)
        return best if best is not None and _overlap(cue, _span(best["cue"])) > 0 else None
    content = _span(c["content"])
    best = max(gold, key=lambda g: (_overlap(content, _span(g.get("content"))), g["cue"] is None), default=None)
    return best if best is not None and _overlap(content, _span(best.get("content"))) > 0 else None


def judge(text: str, citations: list[dict], gold: list[dict]) -> list[tuple[dict, dict | None, str]]:
    """(citation, gold record or None, verdict) for each citation of the measure.  Cued
    citations claim their gold record first; a second claim on a record is a *duplicate*
    (the same words counted twice) when its source is right, else a wrong source."""
    claimed: set[int] = set()
    verdicts: dict[int, tuple[dict | None, str]] = {}
    order = sorted(range(len(citations)), key=lambda k: citations[k]["cue"] is None)
    for k in order:
        c = citations[k]
        g = match(c, gold)
        if g is None:
            verdict = "unjudged"
        elif not g["citation"]:
            verdict = "not a citation"
        elif not source_ok(text, c, g):
            verdict = "wrong source"
        elif id(g) in claimed:
            verdict = "duplicate"
        elif not content_ok(text, c, g):
            verdict = "wrong content"
        else:
            verdict = "correct"
        if g is not None and g["citation"]:
            claimed.add(id(g))
        verdicts[k] = (g, verdict)
    return [(c, *verdicts[k]) for k, c in enumerate(citations)]


def gold_quoted_words(doc, gold: list[dict]) -> dict[str, int]:
    """Words inside each top-level quotation, given to the party of the innermost gold citation holding it."""
    words: dict[str, int] = defaultdict(int)
    cites = [g for g in gold if g["citation"] and g.get("content")]
    for q in doc.quotes:
        if q.depth:
            continue
        holders = [g for g in cites if g["content"]["start"] <= q.content_start and q.content_end <= g["content"]["end"] + 1]
        if not holders:
            continue
        g = min(holders, key=lambda g: g["content"]["end"] - g["content"]["start"])
        n = len(doc.text[q.content_start : q.content_end].split())
        for p in sorted(_parties(g))[:1]:
            words[p] += n
    return dict(words)


def run(gold_path: Path, shared: Path) -> dict:
    from mediabias.config import Config
    from mediabias.pipeline import analyze
    from mediabias.text.document import Document

    articles, gold, judged = load(gold_path)
    per_article = {}
    totals = Counter()
    words_rows = []
    for key, art in articles.items():
        path = article_path(key, shared)
        if not path.is_file():
            raise SystemExit(f"{path} not found (pass --shared, the folder holding seeds/)")
        text = path.read_text(encoding="utf-8")
        if len(text) != art["chars"]:
            raise SystemExit(f"{path} has {len(text)} characters, the gold was judged on {art['chars']}")
        config = Config.from_file(ROOT / art["config"]) if art.get("config") else None
        record = analyze(text, measures=["sources"], config=config).to_dict()
        citations = record["sources"]["citations"]
        verdicts = judge(text, citations, gold[key])
        counts = Counter(v for _, _, v in verdicts)
        anon = [(c, g) for c, g, _ in verdicts if c["anonymous"]]
        anon_ok = sum(1 for c, g in anon if g is not None and g["citation"] and g["anonymous"])
        required = [g for g in gold[key] if g["citation"] and g.get("required", True)]
        found = {id(g) for _, g, v in verdicts if v == "correct"}
        correct = [(c, g) for c, g, v in verdicts if v == "correct"]
        party_ok = sum(1 for c, g in correct if (c["party"] in _parties(g)) or (not _parties(g) and c["party"] is None))
        anon_gold = [g for g in required if g["anonymous"]]
        row = {
            "citations": len(citations), "correct": counts["correct"], "verdicts": dict(counts),
            "anonymous": len(anon), "anonymous_correct": anon_ok,
            "required": len(required), "found": sum(1 for g in required if id(g) in found),
            "anonymous_gold": len(anon_gold), "anonymous_found": sum(1 for g in anon_gold if id(g) in found),
            "party_ok": party_ok, "skipped_chars": sum(s["end"] - s["start"] for s in record.get("skipped", [])),
        }
        gw = gold_quoted_words(Document(text), gold[key])
        mw = {p: d["quoted_words"] for p, d in record["sources"]["by_party"].items() if d["quoted_words"]}
        for p in sorted(set(gw) | set(mw)):
            words_rows.append((key, p, gw.get(p, 0), mw.get(p, 0)))
        row["detail"] = [
            {"verdict": v, "kind": c["kind"], "cue": c["cue"] and c["cue"]["text"], "cue_start": (c["cue"] or c["content"] or {}).get("start"),
             "source": c["source"] and c["source"]["text"], "party": c["party"], "anonymous": c["anonymous"],
             "gold_speaker": g and g.get("speaker"), "gold_party": g and g.get("party"), "why": g and g.get("why")}
            for c, g, v in verdicts
        ]
        row["missed"] = [
            {"cue": g["cue"] and g["cue"]["text"], "cue_start": (g["cue"] or g["content"])["start"], "speaker": g["speaker"]}
            for g in required if id(g) not in found
        ]
        row["agreement"] = _agreement(verdicts, judged.get(key, []))
        per_article[key] = row
        for k in ("citations", "correct", "anonymous", "anonymous_correct", "required", "found", "anonymous_gold",
                  "anonymous_found", "party_ok", "skipped_chars"):
            totals[k] += row[k]
        totals.update({f"verdict {v}": n for v, n in counts.items()})
    gold_words = sum(g for _, _, g, _ in words_rows)
    diff = sum(abs(g - m) for _, _, g, m in words_rows)
    ratio = lambda a, b: None if b == 0 else a / b
    return {
        "citation_precision": ratio(totals["correct"], totals["citations"]),
        "anonymous_precision": ratio(totals["anonymous_correct"], totals["anonymous"]),
        "recall": ratio(totals["found"], totals["required"]),
        "anonymous_recall": ratio(totals["anonymous_found"], totals["anonymous_gold"]),
        "party_accuracy": ratio(totals["party_ok"], totals["correct"]),
        "quoted_words_error": ratio(diff, gold_words),
        "quoted_words": [{"article": a, "party": p, "gold": g, "measure": m} for a, p, g, m in words_rows],
        "totals": dict(totals),
        "articles": per_article,
    }


def _agreement(verdicts, judgements) -> dict:
    """The automatic verdicts against the hand verdicts, on the citations that are the same as then."""
    by_key = {}
    for c, _, v in verdicts:
        key = (c["kind"], _span(c["cue"]), _span(c["content"]))
        by_key[key] = "not a citation" if v in ("unjudged", "duplicate") else v
    same = agree = 0
    disagree = []
    for j in judgements:
        key = (j["kind"], _span(j["cue"]), _span(j["content"]))
        if key in by_key:
            same += 1
            if by_key[key] == j["verdict"]:
                agree += 1
            else:
                disagree.append({"cue": j["cue"] and j["cue"]["text"], "at": (j["cue"] or j["content"] or {}).get("start"),
                                 "hand": j["verdict"], "auto": by_key[key]})
    return {"compared": same, "agree": agree, "disagree": disagree}


def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("MEDIABIAS_SHARED", ROOT.parent / "shared")),
                    help="the folder holding seeds/ (default ../shared or $MEDIABIAS_SHARED)")
    ap.add_argument("--json", type=Path, help="write the figures and every verdict as JSON")
    ap.add_argument("--verbose", action="store_true", help="print every citation with its verdict, and the misses")
    ap.add_argument("--agreement", action="store_true", help="print where the automatic verdicts differ from the hand verdicts")
    args = ap.parse_args(argv)
    res = run(args.gold, args.shared)
    print(f"{'article':42} {'cites':>5} {'prec':>6} {'anon':>9} {'recall':>9}  verdicts")
    for key, row in res["articles"].items():
        v = row["verdicts"]
        print(f"{key:42} {row['citations']:5d} {_fmt(row['correct'] / row['citations'] if row['citations'] else None):>6} "
              f"{row['anonymous_correct']:>4}/{row['anonymous']:<4} {row['found']:>4}/{row['required']:<4}  "
              + ", ".join(f"{k} {v[k]}" for k in sorted(v)))
        if args.verbose:
            for d in row["detail"]:
                print(f"    {d['verdict']:15} @{d['cue_start']} {d['kind']:8} cue={d['cue']!r} src={d['source']!r} party={d['party']!r}"
                      f"{' ANON' if d['anonymous'] else ''} | gold: {d['gold_speaker'] or d['why']!r} ({d['gold_party']})")
            for m in row["missed"]:
                print(f"    {'MISSED':15} @{m['cue_start']} cue={m['cue']!r} speaker={m['speaker']!r}")
        if args.agreement:
            ag = row["agreement"]
            print(f"    hand verdicts: {ag['agree']}/{ag['compared']} agree")
            for d in ag["disagree"]:
                print(f"      @{d['at']} {d['cue']!r}: hand {d['hand']!r}, auto {d['auto']!r}")
    t = res["totals"]
    print()
    print(f"citation precision  {_fmt(res['citation_precision'])}  ({t['correct']}/{t['citations']})")
    print(f"anonymous precision {_fmt(res['anonymous_precision'])}  ({t['anonymous_correct']}/{t['anonymous']})")
    print(f"recall (required)   {_fmt(res['recall'])}  ({t['found']}/{t['required']}); anonymous {_fmt(res['anonymous_recall'])}")
    print(f"party accuracy      {_fmt(res['party_accuracy'])}  (of the correct citations)")
    print("verdicts: " + ", ".join(f"{k[8:]} {n}" for k, n in sorted(t.items()) if k.startswith("verdict ")))
    print(f"page furniture skipped: {t['skipped_chars']} characters")
    print()
    print(f"quoted words by party (gold / measure), total error {_fmt(res['quoted_words_error'])}:")
    for row in res["quoted_words"]:
        mark = "" if row["gold"] == row["measure"] else "   *"
        print(f"  {row['article'][:34]:34} {row['party'][:28]:28} {row['gold']:5d} {row['measure']:5d}{mark}")
    if args.agreement:
        comp = sum(r["agreement"]["compared"] for r in res["articles"].values())
        agree = sum(r["agreement"]["agree"] for r in res["articles"].values())
        print(f"\nautomatic verdicts agree with the hand verdicts on {agree}/{comp} citations unchanged since they were judged")
    if args.json:
        args.json.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
