"""Party mentions and kinds against a hand-annotated gold set.

    python benchmarks/mentions_accuracy.py ../shared/data                 # the figures
    python benchmarks/mentions_accuracy.py ../shared/data --json out.json
    python benchmarks/mentions_accuracy.py ../shared/data --errors        # tune split only

The gold set (``benchmarks/data/mentions_gold.jsonl``, written by hand; how
it was made is in ``benchmarks/data/mentions_gold.md``) holds 22 development
articles -- the first 16 of PerSenT dev and the first 6 of NewsWCL50 in
SHA-256 order of their ids -- with every named party, its kind and the
offsets of each mention: names, surnames, titles' names, possessives,
demonyms, hyphenated words, and role nouns that refer to a named party
("the president", "the company").  The texts are read from the shared data
folder; the gold keeps only ids, offsets and short mention texts.

How it is scored:

* **mentions**: a gold mention counts unless its party is of kind ``other``
  (events, works, products: neither counted nor penalised) or it lies in page
  furniture (captions, datelines, related-story headlines: ``ignore``); a
  predicted mention overlapping such a span is dropped as well.  *exact*:
  the same span after trimming a leading "the" and a trailing possessive or
  full stop on both sides; *overlap*: the spans share a character (matched
  one to one).  Precision over the predicted mentions, recall over the gold.
* **kind**: for every gold party found (one of its mentions matched), the
  kind of the predicted mentions that matched it (majority) against the gold
  kind; also over every gold party (a party not found counts as wrong).
* **assignment**: of the matched mentions, the share whose predicted party
  is the one most of that gold party's mentions went to (a surname given to
  the wrong Cheney fails here).

Each article is in the ``tune`` or the ``held_out`` split (by a hash of its
id): rules were tuned on ``tune`` only; ``--errors`` lists the errors of the
tune split (``--errors-all`` of both).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from mediabias.measures import parties
from mediabias.text.document import Document

HERE = Path(__file__).parent
GOLD = HERE / "data" / "mentions_gold.jsonl"
KINDS = ("person", "organisation", "country", "place", "media", "group", "other")
_OLD_KINDS = {"armed_group": "group", "user": "other"}


def article_texts(data: Path) -> dict[str, str]:
    """Text of every PerSenT dev and NewsWCL50 article by gold id, as mediabias reads it."""
    texts = {}
    csv.field_size_limit(sys.maxsize)
    with (data / "persent" / "dev.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts["persent:" + row["DOCUMENT_INDEX"]] = row["DOCUMENT"]
    with (data / "newswcl50" / "newswcl50_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                texts["newswcl50:" + d["doc_id"]] = "\n".join(d["sentences"])  # as --text-field joins a list
    return texts


def load_gold(path: Path, texts: dict[str, str]) -> list[dict]:
    gold = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    for g in gold:
        text = texts[g["id"]]
        for e in g["entities"]:
            for m in e["mentions"]:
                if text[m["start"] : m["end"]] != m["text"]:
                    raise SystemExit(f"{g['id']}: gold span {m} does not slice the text ({text[m['start']:m['end']]!r})")
    return gold


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """The span without a leading "the" and a trailing possessive or full stop."""
    s = text[a:b]
    if s[:4].lower() == "the " and b - a > 4:
        a += 4
    for tail in ("'s", "\u2019s", " 's", "'", "\u2019", "."):
        if text[a:b].endswith(tail) and b - a > len(tail):
            b -= len(tail)
            break
    return a, b


def predict(text: str) -> tuple[list[tuple[int, int, str, str, str]], dict]:
    """(start, end, party, kind of the mention, via) of every detected mention, and the index."""
    doc = Document(text)
    index = parties.detect(doc)
    out = []
    for m in index.mentions:
        kind = getattr(m, "kind", None) or index.parties[m.party].kind
        out.append((m.start, m.end, m.party, _OLD_KINDS.get(kind, kind), m.via))
    return out, index


def score_article(g: dict, text: str) -> dict:
    """Counts for one article (summed over articles by :func:`combine`)."""
    pred, _ = predict(text)
    ignore = [tuple(s) for s in g.get("ignore_spans", [])]
    counted, dont_care = [], []
    for ei, e in enumerate(g["entities"]):
        for m in e["mentions"]:
            span = (m["start"], m["end"])
            if m.get("ignore") or e["kind"] == "other" or any(x <= span[0] and span[1] <= y for x, y in ignore):
                dont_care.append(span)
            else:
                counted.append((span, ei, bool(m.get("role"))))

    def overlaps(a, b):
        return a[0] < b[1] and b[0] < a[1]

    preds = []
    for p in pred:
        span = (p[0], p[1])
        if any(x <= span[0] and span[1] <= y for x, y in ignore):
            continue
        if any(overlaps(span, d) for d in dont_care) and not any(overlaps(span, c[0]) for c in counted):
            continue
        preds.append(p)
    res = Counter()
    res["gold"] = len(counted)
    res["gold_role"] = sum(1 for c in counted if c[2])
    res["pred"] = len(preds)
    res["pred_role"] = sum(1 for p in preds if p[4] in ("role noun", "descriptor"))
    # exact
    gold_exact = {_trim(text, *c[0]): c for c in counted}
    for p in preds:
        key = _trim(text, p[0], p[1])
        if key in gold_exact:
            res["exact"] += 1
            res["exact_role"] += gold_exact[key][2]
            res["exact_pred_role"] += p[4] in ("role noun", "descriptor")
    # overlap, one to one (in text order)
    used: set[int] = set()
    pairs = []
    for p in sorted(preds):
        for k, c in enumerate(counted):
            if k not in used and overlaps((p[0], p[1]), c[0]):
                used.add(k)
                pairs.append((p, c))
                break
    res["overlap"] = len(pairs)
    res["overlap_role"] = sum(1 for _, c in pairs if c[2])
    res["overlap_pred_role"] = sum(1 for p, _ in pairs if p[4] in ("role noun", "descriptor"))
    # kinds and assignment, per gold party
    by_entity: dict[int, list] = {}
    for p, c in pairs:
        by_entity.setdefault(c[1], []).append(p)
    errors = {"missed": [], "spurious": [], "kind": [], "assignment": []}
    matched_pred = {(p[0], p[1]) for p, _ in pairs}
    matched_gold = {c[0] for _, c in pairs}
    for c in counted:
        if c[0] not in matched_gold:
            errors["missed"].append((c[0], g["entities"][c[1]]["name"], c[2]))
    for p in preds:
        if (p[0], p[1]) not in matched_pred:
            errors["spurious"].append(((p[0], p[1]), p[2], p[3], p[4]))
    entities = {c[1] for c in counted}
    res["entities"] = len(entities)
    for ei in entities:
        e = g["entities"][ei]
        ps = by_entity.get(ei)
        if not ps:
            continue
        res["entities_found"] += 1
        kind = Counter(p[3] for p in ps).most_common(1)[0][0]
        if kind == e["kind"]:
            res["kind_ok"] += 1
        else:
            errors["kind"].append((e["name"], e["kind"], kind, Counter(p[3] for p in ps)))
        party, n = Counter(p[2] for p in ps).most_common(1)[0]
        res["assigned"] += len(ps)
        res["assigned_ok"] += n
        if n < len(ps):
            errors["assignment"].append((e["name"], Counter(p[2] for p in ps)))
    # mention-level kinds
    for p, c in pairs:
        res["mention_kind_ok"] += p[3] == g["entities"][c[1]]["kind"]
    return {"counts": res, "errors": errors}


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def combine(counts: list[Counter]) -> dict:
    t = Counter()
    for c in counts:
        t.update(c)
    exact_p, exact_r = _ratio(t["exact"], t["pred"]), _ratio(t["exact"], t["gold"])
    over_p, over_r = _ratio(t["overlap"], t["pred"]), _ratio(t["overlap"], t["gold"])

    def f1(p, r):
        return 2 * p * r / (p + r) if p and r else 0.0

    return {
        "articles": len(counts),
        "gold_mentions": t["gold"],
        "predicted_mentions": t["pred"],
        "exact": {"precision": exact_p, "recall": exact_r, "f1": f1(exact_p, exact_r)},
        "overlap": {"precision": over_p, "recall": over_r, "f1": f1(over_p, over_r)},
        "names": {"recall_overlap": _ratio(t["overlap"] - t["overlap_role"], t["gold"] - t["gold_role"]),
                  "precision_overlap": _ratio(t["overlap"] - t["overlap_pred_role"], t["pred"] - t["pred_role"]),
                  "gold": t["gold"] - t["gold_role"]},
        "role_nouns": {"recall_overlap": _ratio(t["overlap_role"], t["gold_role"]),
                       "precision_overlap": _ratio(t["overlap_pred_role"], t["pred_role"]),
                       "gold": t["gold_role"], "predicted": t["pred_role"]},
        "kind": {"accuracy_found": _ratio(t["kind_ok"], t["entities_found"]),
                 "accuracy_all": _ratio(t["kind_ok"], t["entities"]),
                 "mention_accuracy": _ratio(t["mention_kind_ok"], t["overlap"]),
                 "entities": t["entities"], "found": t["entities_found"]},
        "assignment": _ratio(t["assigned_ok"], t["assigned"]),
    }


def _fmt(v: float | None) -> str:
    return "  -  " if v is None else f"{v:.3f}"


def print_table(results: dict[str, dict]) -> None:
    cols = list(results)
    print(f"{'':34}" + "".join(f"{c:>12}" for c in cols))
    rows = [
        ("articles", lambda r: str(r["articles"])),
        ("gold mentions", lambda r: str(r["gold_mentions"])),
        ("predicted mentions", lambda r: str(r["predicted_mentions"])),
        ("mention precision, exact", lambda r: _fmt(r["exact"]["precision"])),
        ("mention recall, exact", lambda r: _fmt(r["exact"]["recall"])),
        ("mention precision, overlap", lambda r: _fmt(r["overlap"]["precision"])),
        ("mention recall, overlap", lambda r: _fmt(r["overlap"]["recall"])),
        ("  names: recall (overlap)", lambda r: _fmt(r["names"]["recall_overlap"])),
        ("  names: precision (overlap)", lambda r: _fmt(r["names"]["precision_overlap"])),
        ("  role nouns: recall (overlap)", lambda r: _fmt(r["role_nouns"]["recall_overlap"])),
        ("  role nouns: precision (overlap)", lambda r: _fmt(r["role_nouns"]["precision_overlap"])),
        ("kind accuracy, parties found", lambda r: _fmt(r["kind"]["accuracy_found"])),
        ("kind accuracy, all parties", lambda r: _fmt(r["kind"]["accuracy_all"])),
        ("kind accuracy, mentions", lambda r: _fmt(r["kind"]["mention_accuracy"])),
        ("party assignment", lambda r: _fmt(r["assignment"])),
    ]
    for label, get in rows:
        print(f"{label:34}" + "".join(f"{get(results[c]):>12}" for c in cols))


def _ctx(text: str, a: int, b: int, width: int = 50) -> str:
    left = text[max(0, a - width) : a].replace("\n", " ")
    right = text[b : b + width].replace("\n", " ")
    return f"...{left}[{text[a:b]}]{right}..."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="the shared data folder (holds persent/ and newswcl50/)")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("--errors", action="store_true", help="list the errors of the tune split")
    ap.add_argument("--errors-all", action="store_true", help="list the errors of both splits")
    args = ap.parse_args(argv)
    texts = article_texts(args.data)
    gold = load_gold(args.gold, texts)
    per = []
    for g in gold:
        r = score_article(g, texts[g["id"]])
        per.append((g, r))
    results = {
        "tune": combine([r["counts"] for g, r in per if g["split"] == "tune"]),
        "held_out": combine([r["counts"] for g, r in per if g["split"] == "held_out"]),
        "persent": combine([r["counts"] for g, r in per if g["source"] == "persent"]),
        "newswcl50": combine([r["counts"] for g, r in per if g["source"] == "newswcl50"]),
        "all": combine([r["counts"] for _, r in per]),
    }
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.errors or args.errors_all:
        for g, r in per:
            if g["split"] != "tune" and not args.errors_all:
                continue
            text = texts[g["id"]]
            e = r["errors"]
            if not any(e.values()):
                continue
            print(f"\n== {g['id']} ({g['split']})", file=sys.stderr)
            for span, name, role in e["missed"]:
                print(f"  missed {'role ' if role else ''}{name!r}: {_ctx(text, *span)}", file=sys.stderr)
            for span, party, kind, via in e["spurious"]:
                print(f"  spurious {party!r} ({kind}, {via}): {_ctx(text, *span)}", file=sys.stderr)
            for name, gk, pk, c in e["kind"]:
                print(f"  kind {name!r}: gold {gk}, predicted {pk} {dict(c)}", file=sys.stderr)
            for name, c in e["assignment"]:
                print(f"  split {name!r}: {dict(c)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
