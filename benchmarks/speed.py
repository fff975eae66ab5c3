"""Speed benchmark of mediabias (not a test: it reports, it does not assert).

    python benchmarks/speed.py ../shared/data/article-bias-prediction/media_valid.jsonl
    python benchmarks/speed.py CORPUS.jsonl --quick        # a few seconds, for CI

Measures, on the corpus given (JSONL; text in ``content_original`` or
``text``):

* throughput of ``mediabias score --format jsonl`` end to end (a fresh
  process reading the corpus and writing JSON Lines to /dev/null) with
  ``--jobs 1`` and ``--jobs 2``: articles/s and MB/s;
* milliseconds per article for each stage (Document, parties, hedging,
  sources, sentiment, readability, JSON output), in this process, article by
  article; and each stage alone in a loop over the first 300 articles (best
  of 5 passes; sentiment with the sources measure's citations, as ``score``
  runs it);
* start-up: median wall time of ``mediabias --help`` and of ``mediabias
  score`` on one article, over fresh processes;
* peak RSS of the batch runs: the largest single process and the largest
  sum over the process tree (parent + workers), sampled every 20 ms; and,
  with ``--rss-repeat N``, the same for the corpus repeated N times, to show
  that memory does not grow with the number of articles.

Results are printed as a table and written as JSON with ``--json FILE``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path


def mediabias_cmd() -> list[str]:
    exe = shutil.which("mediabias", path=str(Path(sys.executable).parent)) or shutil.which("mediabias")
    return [exe] if exe else [sys.executable, "-m", "mediabias"]


def text_field(corpus: Path) -> str:
    with corpus.open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    return "content_original" if "content_original" in first else "text"


def load_texts(corpus: Path, field: str, limit: int | None) -> list[str]:
    texts = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)[field])
                if limit and len(texts) >= limit:
                    break
    return texts


def _tree_rss_kb(pid: int) -> list[int]:
    """RSS in kB of ``pid`` and all its descendants (Linux /proc)."""
    out = []
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        out.append(int(line.split()[1]))
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return out


def run_measured(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak single-process RSS (kB) and peak tree RSS (kB) of ``cmd``."""
    t0 = time.perf_counter()
    with open(os.devnull, "w") as devnull:
        proc = subprocess.Popen(cmd, stdout=devnull)
        peak_one = peak_sum = 0
        while proc.poll() is None:
            sizes = _tree_rss_kb(proc.pid)
            if sizes:
                peak_one = max(peak_one, max(sizes))
                peak_sum = max(peak_sum, sum(sizes))
            time.sleep(0.02)
    return time.perf_counter() - t0, peak_one, peak_sum


def throughput(corpus: Path, field: str, jobs: int, n: int, size: int) -> dict:
    cmd = mediabias_cmd() + ["score", str(corpus), "--text-field", field, "--format", "jsonl", "--jobs", str(jobs), "--no-progress"]
    dt, peak_one, peak_sum = run_measured(cmd)
    return {
        "jobs": jobs,
        "articles": n,
        "seconds": round(dt, 3),
        "articles_per_s": round(n / dt, 1),
        "mb_per_s": round(size / dt / 1e6, 2),
        "peak_rss_mb_largest_process": round(peak_one / 1024, 1),
        "peak_rss_mb_all_processes": round(peak_sum / 1024, 1),
    }


def stages(texts: list[str]) -> dict:
    from mediabias.measures import hedging, parties, readability, sentiment, sources
    from mediabias.measures.speech import Speech
    from mediabias.text import Document

    totals = dict.fromkeys(("document", "parties", "hedging", "sources", "sentiment", "readability", "output"), 0.0)
    pc = time.perf_counter
    for text in texts[:5]:  # warm caches (word lists, VADER lexicon)
        doc = Document(text)
        sentiment.score(doc, parties.detect(doc))
        readability.score(text, doc.n_words)
    for text in texts:
        t0 = pc()
        doc = Document(text)
        t1 = pc()
        idx = parties.detect(doc)
        t2 = pc()
        s = sources.score(doc, idx)
        speech = Speech(doc, idx, s)  # who said what: hedging and sentiment read it
        t3 = pc()
        h = hedging.score(doc, idx, speech=speech)
        t4 = pc()
        se = sentiment.score(doc, idx, sources=s, hedging=h, speech=speech)
        t5 = pc()
        r = readability.score(text, doc.n_words)
        t6 = pc()
        json.dumps({"h": h.to_dict(), "s": s.to_dict(), "se": se.to_dict(), "r": r.to_dict()}, separators=(",", ":"))
        t7 = pc()
        for key, dt in zip(totals, (t1 - t0, t2 - t1, t4 - t3, t3 - t2, t5 - t4, t6 - t5, t7 - t6)):
            totals[key] += dt
    per = {k: round(v / len(texts) * 1000, 3) for k, v in totals.items()}
    per["total"] = round(sum(per.values()), 3)
    return per


def stage_loops(texts: list[str], passes: int) -> dict:
    """Each stage timed alone over the same articles, the best of ``passes`` passes, in ms per
    article (no interleaving with the other stages, so caches stay warm for the one measured)."""
    from mediabias.measures import hedging, parties, readability, sentiment, sources
    from mediabias.measures.speech import Speech
    from mediabias.text import Document

    docs = [Document(t) for t in texts]
    idxs = [parties.detect(d) for d in docs]
    srcs = [sources.score(d, i) for d, i in zip(docs, idxs)]
    sps = [Speech(d, i, s) for d, i, s in zip(docs, idxs, srcs)]
    heds = [hedging.score(d, i, speech=sp) for d, i, sp in zip(docs, idxs, sps)]
    runs = {
        "document": lambda: [Document(t) for t in texts],
        "parties": lambda: [parties.detect(d) for d in docs],
        "hedging": lambda: [hedging.score(d, i, speech=sp) for d, i, sp in zip(docs, idxs, sps)],
        "sources": lambda: [Speech(d, i, sources.score(d, i)) for d, i in zip(docs, idxs)],
        # as score runs it: with the sources' citations and the hedging hits (voices and credence)
        "sentiment": lambda: [sentiment.score(d, i, sources=s, hedging=h, speech=sp)
                              for d, i, s, h, sp in zip(docs, idxs, srcs, heds, sps)],
        "readability": lambda: [readability.score(t, d.n_words) for t, d in zip(texts, docs)],
    }
    out = {}
    for name, run in runs.items():
        run()  # warm
        best = float("inf")
        for _ in range(passes):
            t0 = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - t0)
        out[name] = round(best / len(texts) * 1000, 3)
    return out


def startup(runs: int, article: Path) -> dict:
    out = {}
    for name, args in (("help", ["--help"]), ("score_one", ["score", str(article), "--format", "jsonl"])):
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(mediabias_cmd() + args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - t0)
        out[name + "_ms"] = round(statistics.median(times) * 1000, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="JSONL corpus, e.g. ../shared/data/article-bias-prediction/media_valid.jsonl")
    ap.add_argument("--quick", action="store_true", help="200 articles and 5 start-up runs (for CI)")
    ap.add_argument("--runs", type=int, default=21, help="fresh processes per start-up figure (default 21)")
    ap.add_argument("--json", type=Path, help="also write the results to this file")
    ap.add_argument("--rss-repeat", type=int, default=0, metavar="N",
                    help="also run --jobs 2 on the corpus repeated N times and report its peak RSS")
    args = ap.parse_args()

    field = text_field(args.corpus)
    limit = 200 if args.quick else None
    texts = load_texts(args.corpus, field, limit)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if limit:
            corpus = Path(tmp) / "corpus.jsonl"
            corpus.write_text("".join(json.dumps({field: t}) + "\n" for t in texts), encoding="utf-8")
        article = Path(tmp) / "article.txt"
        article.write_text(texts[0], encoding="utf-8")
        size = sum(len(t.encode("utf-8")) for t in texts)
        words = sum(len(t.split()) for t in texts) / len(texts)
        result = {
            "date": date.today().isoformat(),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}",
            "corpus": str(args.corpus),
            "articles": len(texts),
            "mean_words": round(words),
            "throughput": [throughput(corpus, field, j, len(texts), size) for j in (1, 2)],
            "stage_ms_per_article": stages(texts),
            "stage_loop_ms_per_article": stage_loops(texts[:100 if args.quick else 300], 3 if args.quick else 5),
            "startup": startup(5 if args.quick else args.runs, article),
        }
        if args.rss_repeat > 1:
            big = Path(tmp) / "repeated.jsonl"
            with big.open("w", encoding="utf-8") as out, corpus.open(encoding="utf-8") as src:
                lines = src.readlines()
                for _ in range(args.rss_repeat):
                    out.writelines(lines)
            result["repeated"] = {"times": args.rss_repeat, **throughput(big, field, 2, len(texts) * args.rss_repeat, size * args.rss_repeat)}
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
