"""Accuracy of the hedging measure on CoNLL-2010 Wikipedia sentences (task 1).

    python benchmarks/hedging_accuracy.py ../shared/data/conll2010-wiki
    python benchmarks/hedging_accuracy.py ../shared/data/conll2010-wiki --json hedging.json
    python benchmarks/hedging_accuracy.py ../shared/data/conll2010-wiki/train.csv --errors 40
    python benchmarks/hedging_accuracy.py DATA --lexicon hedge=my_hedges.txt   # try another list

The data is a ``text,label`` CSV (label 1 = uncertain / weasel sentence);
the path may be the CSV or a folder holding ``train.csv`` (or ``test.csv``).
Each sentence is analysed alone with the real measure
(``mediabias.measures.hedging.score`` on a ``Document`` of that sentence)
and counts as *uncertain* when it has a ``hedge``, ``distancing`` or
``weasel`` hit, in the author's voice or quoted; boosters do not count.

The split: a sentence belongs to the **tune** part when the first byte of
the SHA-1 of its stripped UTF-8 text is even, to the **held-out** part when
it is odd (about half each, the same on every machine and independent of
file order).  Word lists and rules were developed looking at the tune part
only; the README reports the held-out part.  ``--errors N`` prints false
positives and negatives of the tune part only, so the held-out part stays
unseen.  A file named ``test.csv`` is scored whole (``all``).

Prints precision, recall and F1 of the uncertain class for each part.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mediabias.measures import hedging  # noqa: E402
from mediabias.text.document import Document  # noqa: E402

PARTS = ("tune", "held_out", "all")


def part_of(text: str) -> str:
    return "tune" if hashlib.sha1(text.strip().encode("utf-8")).digest()[0] % 2 == 0 else "held_out"


def load(path: Path) -> list[tuple[str, int]]:
    if path.is_dir():
        for name in ("train.csv", "test.csv", "dev.csv"):
            if (path / name).is_file():
                path = path / name
                break
        else:
            sys.exit(f"{path}: no train.csv, test.csv or dev.csv in this folder")
    with path.open(encoding="utf-8", newline="") as fh:
        return [(row["text"], int(row["label"])) for row in csv.DictReader(fh)]


def uncertain(text: str, lexicons: dict[str, tuple[str, ...]] | None) -> tuple[bool, list]:
    result = hedging.score(Document(text.strip()), lexicons=lexicons)
    counted = result.counted
    return bool(counted), counted


def figures(pairs: list[tuple[bool, int]]) -> dict:
    tp = sum(1 for p, g in pairs if p and g)
    fp = sum(1 for p, g in pairs if p and not g)
    fn = sum(1 for p, g in pairs if not p and g)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "sentences": len(pairs),
        "uncertain": tp + fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="CoNLL-2010 Wikipedia CSV, or the folder holding train.csv")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print N false positives and N false negatives of the tune part")
    ap.add_argument("--lexicon", action="append", default=[], metavar="CATEGORY=FILE",
                    help="replace a packaged word list, as mediabias --lexicon does")
    args = ap.parse_args()

    lexicons = None
    if args.lexicon:
        from mediabias.config import ConfigError, parse_lexicon_spec

        try:
            lexicons = dict(parse_lexicon_spec(s) for s in args.lexicon)
        except ConfigError as e:
            sys.exit(str(e))
    rows = load(args.data)
    whole = args.data.name == "test.csv"
    scored: dict[str, list[tuple[bool, int]]] = {p: [] for p in PARTS}
    errors: dict[str, list[str]] = {"false positive": [], "false negative": []}
    t0 = time.perf_counter()
    for text, gold in rows:
        pred, hits = uncertain(text, lexicons)
        part = "all" if whole else part_of(text)
        scored[part].append((pred, gold))
        if part != "all":
            scored["all"].append((pred, gold))
        if part == "tune" and pred != bool(gold):
            kind = "false positive" if pred else "false negative"
            cues = ", ".join(f"{h.category}:{h.text}" for h in hits)
            errors[kind].append(f"{text.strip()}  [{cues}]" if cues else text.strip())
    seconds = time.perf_counter() - t0
    result = {
        "data": str(args.data),
        "split": "SHA-1 of the stripped sentence: first byte even = tune, odd = held_out",
        "lexicons": {k: f"{len(v)} entries (user file)" for k, v in (lexicons or {}).items()},
        "parts": {p: figures(v) for p, v in scored.items() if v},
        "ms_per_sentence": round(seconds * 1000 / max(1, len(rows)), 3),
    }
    if args.errors:
        for kind, lines in errors.items():
            print(f"--- {kind} (tune part), {len(lines)} in all:")
            for line in lines[: args.errors]:
                print("   ", line)
    print(f"{'part':10} {'sentences':>9} {'uncertain':>9} {'P':>7} {'R':>7} {'F1':>7}")
    for p, f in result["parts"].items():
        print(f"{p:10} {f['sentences']:9d} {f['uncertain']:9d} {f['precision']:7.3f} {f['recall']:7.3f} {f['f1']:7.3f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
