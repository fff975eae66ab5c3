"""Accuracy of the sources measure on PolNeAR (attribution: source, cue, content).

    python benchmarks/sources_accuracy.py ../shared/data/polnear              # dev split
    python benchmarks/sources_accuracy.py ../shared/data/polnear --split train
    python benchmarks/sources_accuracy.py ../shared/data/polnear/dev --json dev.json
    python benchmarks/sources_accuracy.py ../shared/data/polnear --baseline   # plain report-verb list

PolNeAR (Newell, Margolin & Ruths, LREC 2018) is brat standoff: ``text/<id>.txt``
and ``attributions/<id>_<annotator>.ann``.  ``T`` lines are spans
(``Source``/``Cue``/``Content`` ``start end``; discontinuous spans are
``s e;s e``), ``E`` lines tie one attribution's parts together
(``Attribution-no-source`` when the source is not in the text; ``Content2``
is a second content span, merged into the first).  ``Discuss``/``Discard``
spans are annotators' notes and are ignored.

Figures (micro-averaged over the split):

* **cue** and **source** P/R/F1 over the distinct spans of each article,
  with *overlap* matching (a span counts as found when it shares a
  character with one on the other side) and *exact* matching (same start
  and end after trimming white space; a discontinuous gold span is
  compared by its hull);
* **cue token** and **content token** P/R/F1: the word tokens (the
  Document tokenizer's tokens that start with a letter or digit) inside
  any cue / content span;
* **density**: Spearman's rho, over articles, between the attributions per
  100 words the measure reports and the gold number of attributions (``E``
  lines) per 100 words.

Articles with two annotators: each annotation is scored as a gold standard
with weight 1/k (k annotators), so every article counts once and the figure
is the expected score against an annotator picked at random; the gold
density is the annotators' mean.  Where two annotations exist, the first
annotator is also scored against the second as a human reference.

``--baseline`` replaces the measure by the plain report-verb list
(every token in ``report_verbs.txt`` is a cue, no source, no content).
``--errors N`` prints N missed and N spurious cues and sources (for tuning
on train; not for reading dev).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from mediabias.lexicons import load_words
from mediabias.measures import parties, sources
from mediabias.text.document import Document

Span = tuple[tuple[int, int], ...]  # one or more fragments


@dataclass
class Annotation:
    cues: set = field(default_factory=set)
    sources: set = field(default_factory=set)
    contents: set = field(default_factory=set)
    attributions: int = 0


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def parse_ann(raw: str, text: str) -> Annotation:
    spans: dict[str, tuple[str, Span]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in raw.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            frags = []
            for frag in offs.split(";"):
                s, e = frag.split()
                frags.append(_trim(text, int(s), int(e)))
            spans[parts[0]] = (label, tuple(f for f in frags if f[0] < f[1]))
        elif line.startswith("E") and len(parts) >= 2:
            events.append([tuple(arg.split(":", 1)) for arg in parts[1].split() if ":" in arg])
    ann = Annotation()
    for args in events:
        if not args or args[0][0] not in ("Attribution", "Attribution-no-source"):
            continue
        roles = defaultdict(list)
        for role, tid in args[1:]:
            if tid in spans and spans[tid][1]:
                roles[role.rstrip("0123456789")].append(spans[tid][1])
        if not roles.get("Cue"):
            continue
        ann.attributions += 1
        ann.cues.update(roles["Cue"])
        ann.sources.update(roles.get("Source", ()))
        ann.contents.update(roles.get("Content", ()))
    return ann


def load_split(path: Path) -> list[tuple[str, str, list[tuple[str, Annotation]]]]:
    """[(article id, text, [(annotator, annotation), ...]), ...] sorted by id."""
    text_dir, ann_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise SystemExit(f"{path} is not a PolNeAR split (needs text/ and attributions/)")
    by_id: dict[str, list[Path]] = defaultdict(list)
    for p in sorted(ann_dir.glob("*.ann")):
        art, _, annotator = p.stem.rpartition("_")
        by_id[art].append(p)
    out = []
    for tp in sorted(text_dir.glob("*.txt")):
        anns = by_id.get(tp.stem)
        if not anns:
            continue
        text = tp.read_text(encoding="utf-8")
        out.append((tp.stem, text, [(p.stem.rpartition("_")[2], parse_ann(p.read_text(encoding="utf-8"), text)) for p in anns]))
    return out


# -- predictions ---------------------------------------------------------------


def predict(doc: Document) -> Annotation:
    result = sources.score(doc, parties.detect(doc))
    ann = Annotation()
    for c in result.citations:
        if c.content is not None:
            ann.contents.add((c.content,))
        if c.cue is None:
            continue
        ann.attributions += 1
        ann.cues.add((c.cue,))
        if c.source is not None:
            ann.sources.add((c.extent or c.source,))  # with its apposition, as the annotators mark it
    return ann


def predict_baseline(doc: Document) -> Annotation:
    verbs = load_words("report_verbs.txt")
    ann = Annotation()
    for i, low in enumerate(doc.lowers):
        if low in verbs:
            ann.cues.add(((doc.tok_starts[i], doc.tok_ends[i]),))
            ann.attributions += 1
    return ann


# -- scoring ---------------------------------------------------------------------


class PRF:
    def __init__(self) -> None:
        self.tp_p = self.n_p = self.tp_g = self.n_g = 0.0

    def add(self, tp_p: float, n_p: float, tp_g: float, n_g: float, w: float = 1.0) -> None:
        self.tp_p += w * tp_p
        self.n_p += w * n_p
        self.tp_g += w * tp_g
        self.n_g += w * n_g

    def figures(self) -> dict:
        p = self.tp_p / self.n_p if self.n_p else 0.0
        r = self.tp_g / self.n_g if self.n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _overlaps(a: Span, b: Span) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _hull(a: Span) -> tuple[int, int]:
    return (min(s for s, _ in a), max(e for _, e in a))


def span_match(pred: set, gold: set, exact: bool) -> tuple[int, int, int, int]:
    if exact:
        ph, gh = {_hull(p) for p in pred}, {_hull(g) for g in gold}
        return len(ph & gh), len(ph), len(ph & gh), len(gh)
    gold_sorted = sorted(gold, key=_hull)
    tp_p = sum(1 for p in pred if any(_overlaps(p, g) for g in gold_sorted))
    tp_g = sum(1 for g in gold_sorted if any(_overlaps(p, g) for p in pred))
    return tp_p, len(pred), tp_g, len(gold)


def word_tokens(doc: Document, spans: set) -> set[int]:
    """Indices of word tokens inside any of ``spans``."""
    starts, ends, toks = doc.tok_starts, doc.tok_ends, doc.tokens
    out: set[int] = set()
    from bisect import bisect_left, bisect_right

    for span in spans:
        for s, e in span:
            i = bisect_right(ends, s)
            j = bisect_left(starts, e)
            out.update(k for k in range(i, j) if toks[k][0].isalnum())
    return out


def token_match(pred: set[int], gold: set[int]) -> tuple[int, int, int, int]:
    tp = len(pred & gold)
    return tp, len(pred), tp, len(gold)


def spearman(xs: list[float], ys: list[float]) -> float | None:
    def ranks(v):
        order = sorted(range(len(v)), key=lambda i: v[i])
        r = [0.0] * len(v)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and v[order[j + 1]] == v[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return r

    if len(xs) < 3:
        return None
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else None


METRICS = ("cue_overlap", "cue_exact", "cue_token", "source_overlap", "source_exact", "content_token")


def compare(doc: Document, pred: Annotation, gold: Annotation, acc: dict[str, PRF], w: float) -> None:
    acc["cue_overlap"].add(*span_match(pred.cues, gold.cues, False), w)
    acc["cue_exact"].add(*span_match(pred.cues, gold.cues, True), w)
    acc["cue_token"].add(*token_match(word_tokens(doc, pred.cues), word_tokens(doc, gold.cues)), w)
    acc["source_overlap"].add(*span_match(pred.sources, gold.sources, False), w)
    acc["source_exact"].add(*span_match(pred.sources, gold.sources, True), w)
    acc["content_token"].add(*token_match(word_tokens(doc, pred.contents), word_tokens(doc, gold.contents)), w)


def evaluate(articles, baseline: bool = False, errors: int = 0) -> dict:
    acc = {m: PRF() for m in METRICS}
    human = {m: PRF() for m in METRICS}
    n_human = 0
    dens_pred, dens_gold = [], []
    missed: list[tuple[str, str, str]] = []
    spurious: list[tuple[str, str, str]] = []
    elapsed = 0.0
    for art, text, anns in articles:
        doc = Document(text)
        t0 = time.perf_counter()
        pred = predict_baseline(doc) if baseline else predict(doc)
        elapsed += time.perf_counter() - t0
        w = 1 / len(anns)
        for _, gold in anns:
            compare(doc, pred, gold, acc, w)
        if len(anns) >= 2:
            compare(doc, anns[0][1], anns[1][1], human, 1.0)
            n_human += 1
        words = max(doc.n_words, 1)
        dens_pred.append(100 * pred.attributions / words)
        dens_gold.append(sum(100 * g.attributions / words for _, g in anns) / len(anns))
        if errors:
            gold = anns[0][1]
            for kind, p_set, g_set in (("cue", pred.cues, gold.cues), ("source", pred.sources, gold.sources)):
                for g in g_set:
                    if not any(_overlaps(p, g) for p in p_set):
                        missed.append((kind, art, _context(text, g)))
                for p in p_set:
                    if not any(_overlaps(p, g) for g in g_set):
                        spurious.append((kind, art, _context(text, p)))
    out = {m: acc[m].figures() for m in METRICS}
    out["density_spearman"] = round(spearman(dens_pred, dens_gold) or 0.0, 4)
    out["articles"] = len(articles)
    out["annotations"] = sum(len(a) for _, _, a in articles)
    out["ms_per_article"] = round(1000 * elapsed / max(len(articles), 1), 3)
    if n_human:
        out["human_reference"] = {m: human[m].figures() for m in METRICS}
        out["human_reference"]["articles"] = n_human
    if errors:
        rng = random.Random(0)
        for label, items in (("MISSED", missed), ("SPURIOUS", spurious)):
            for kind in ("cue", "source"):
                sel = [x for x in items if x[0] == kind]
                print(f"\n== {label} {kind}: {len(sel)}", file=sys.stderr)
                for _, art, ctx in rng.sample(sel, min(errors, len(sel))):
                    print(f"  {art[:40]}: {ctx}", file=sys.stderr)
    return out


def _context(text: str, span: Span) -> str:
    s, e = _hull(span)
    left = text[max(0, s - 60) : s].replace("\n", " ")
    right = text[e : e + 40].replace("\n", " ")
    return f"{left}[[{text[s:e]}]]{right}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path, help="PolNeAR folder (with train/ dev/) or one split folder")
    ap.add_argument("--split", default="dev", help="split when PATH is the PolNeAR folder (default: dev)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    ap.add_argument("--baseline", action="store_true", help="score the plain report-verb list instead")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print N missed/spurious cues and sources")
    args = ap.parse_args(argv)
    split = args.path / args.split if (args.path / args.split).is_dir() else args.path
    articles = load_split(split)
    if args.limit:
        articles = articles[: args.limit]
    if not articles:
        raise SystemExit(f"no annotated articles in {split}")
    res = evaluate(articles, baseline=args.baseline, errors=args.errors)
    res["split"] = split.name
    res["system"] = "report-verb baseline" if args.baseline else "mediabias sources"
    print(f"PolNeAR {split.name}: {res['articles']} articles, {res['annotations']} annotations; {res['system']}")
    print(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}   {'human F1':>8}")
    for m in METRICS:
        f = res[m]
        h = res.get("human_reference", {}).get(m, {}).get("f1")
        hs = f"{100 * h:8.1f}" if h is not None else ""
        print(f"{m:18}{100 * f['p']:7.1f}{100 * f['r']:7.1f}{100 * f['f1']:7.1f}   {hs}")
    print(f"{'density rho':18}{res['density_spearman']:21.3f}")
    print(f"{'ms per article':18}{res['ms_per_article']:21.2f}   (sources + parties, Document excluded)")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
