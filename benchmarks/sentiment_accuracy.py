"""Accuracy of party sentiment on NewsMTSC and PerSenT.

    python benchmarks/sentiment_accuracy.py ../shared/data
    python benchmarks/sentiment_accuracy.py ../shared/data --json sentiment.json
    python benchmarks/sentiment_accuracy.py ../shared/data --baseline   # VADER on the whole sentence too

* **NewsMTSC** (``newsmtsc/dev-rw.jsonl``, ``dev-mt.jsonl``; ``train.jsonl``
  with ``--train``): for every target, the label mediabias gives the mention
  at its ``from``/``to`` offsets (the most probable class); macro-F1 over the
  three classes, accuracy and per-class F1.  The model was fitted on train
  only, so dev is unseen.
* **PerSenT** (``persent/dev.csv``): the document-level label toward
  ``TARGET_ENTITY`` -- the entity as a user-defined party (its name and its
  last word as aliases), its mean mention score over the article, labelled
  with the document thresholds.  Those thresholds were chosen on this dev
  set (there is no other document-level data), so ``all`` is optimistic;
  ``two-fold`` chooses them on the rows of one ``DOCUMENT_INDEX`` parity and
  labels the other half, an estimate for data the thresholds never saw.
  Documents where the entity is never found count as neutral.

``--baseline`` adds VADER's compound score of the whole sentence (the
document: the mean over its sentences) with VADER's customary +/-0.05
thresholds, for comparison.  Exit status is 0; the CI gate
(``benchmarks/gates/sentiment.sh``) compares the figures with the README.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sentiment_data as sd  # noqa: E402

from mediabias.measures import sentiment, vader  # noqa: E402
from mediabias.measures import target_features as tf  # noqa: E402


def newsmtsc(path: Path, baseline: bool) -> dict:
    gold, pred = [], []
    for x, lex, g, _ in sd.newsmtsc_targets(path):
        gold.append(g)
        pred.append(tf.CLASSES.index(tf.label(x, lex)))
    out = {"mediabias": sd.macro_f1(gold, pred)}
    if baseline:
        bgold, bpred = [], []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                c = vader.polarity_scores(row["sentence_normalized"])["compound"]
                for target in row["targets"]:
                    bgold.append(sd.NEWSMTSC_LABEL[int(target["polarity"])])
                    bpred.append(sd.label_index(c, 0.05, -0.05))
        out["vader_sentence"] = sd.macro_f1(bgold, bpred)
    return out


def persent(path: Path, baseline: bool) -> dict:
    from train_sentiment import best_thresholds

    t = sentiment.thresholds()["document"]
    neutral = tf.predict([0.0] * len(tf.FEATURES))  # a mention with no evidence
    scores, gold, halves, base, by_probs = [], [], [], [], []
    mentions: dict[int, list[str]] = {0: [], 1: [], 2: []}  # mention labels by the document's gold label
    silent: dict[int, int] = {0: 0, 1: 0, 2: 0}
    found = 0
    for index, entity, text, g in sd.persent_documents(path):
        party = sd.persent_party(text, entity)
        s = None if party is None else party.score
        found += s is not None
        scores.append(0.0 if s is None else s)
        by_probs.append(1 if party is None else mean_probability_class(party.evidence))
        if party is not None:
            mentions[g] += [e.label for e in party.evidence]
            silent[g] += sum(1 for e in party.evidence if e.words == () and e.score == 0.0)
        gold.append(g)
        halves.append(int(index) % 2)
        if baseline:
            from mediabias.text.document import Document

            doc = Document(text)
            comps = [vader.polarity_scores(doc.text[sen.start : sen.end])["compound"] for sen in doc.sentences]
            base.append(sd.label_index(sum(comps) / len(comps) if comps else 0.0, 0.05, -0.05))
    out = {"all": sd.macro_f1(gold, [sd.label_index(s, t["positive"], t["negative"]) for s in scores])}
    # two-fold: thresholds chosen on one half (by DOCUMENT_INDEX parity), labels on the other
    pred = [0] * len(scores)
    for h in (0, 1):
        tune = [i for i, x in enumerate(halves) if x == h]
        pos, neg, _ = best_thresholds([scores[i] for i in tune], [gold[i] for i in tune], neutral)
        for i, x in enumerate(halves):
            if x != h:
                pred[i] = sd.label_index(scores[i], pos, neg)
    out["two-fold"] = sd.macro_f1(gold, pred)
    # the class of the mentions' mean probabilities (after the mention offsets): nothing is chosen
    # on PerSenT, so this one figure is also the estimate for unseen data
    out["mean_probabilities"] = sd.macro_f1(gold, by_probs)
    out["entity_found"] = found
    out["mention_labels_by_document_label"] = {
        sd.LABELS[g]: {"mentions": len(labs), **{c: round(labs.count(c) / len(labs), 3) if labs else 0.0 for c in sd.LABELS},
                       "silent": round(silent[g] / len(labs), 3) if labs else 0.0}
        for g, labs in mentions.items()}
    if baseline:
        out["vader_document"] = sd.macro_f1(gold, base)
    return out


def mean_probability_class(evidence) -> int:
    """The class of a party's mentions' mean probabilities, after the mention offsets (the label rule
    of issue 11, measured here; 1, neutral, when there is no mention)."""
    if not evidence:
        return 1
    off = tf.model().offsets
    mean = [sum(e.probabilities[k] for e in evidence) / len(evidence) for k in range(3)]
    z = (math.log(mean[0]) + off[0], math.log(mean[1]), math.log(mean[2]) + off[1])
    return max(range(3), key=z.__getitem__)


def seeds(folder: Path, names: list[str]) -> dict:
    """Mean mention score (and label counts) toward each party in ``names``, article by article,
    as ``mediabias score`` finds the parties (automatic detection, the sources measure's speakers)."""
    from mediabias.measures import parties, sources
    from mediabias.text.document import Document

    out = {}
    for path in sorted(folder.glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"))
        index = parties.detect(doc)
        result = sentiment.score(doc, index, sources=sources.score(doc, index))
        row = {}
        for p in result.parties:
            if p.name in names:
                labels = [e.label for e in p.evidence]
                row[p.name] = {"score": round(p.score, 3), "mentions": len(labels),
                               **{c: labels.count(c) for c in sd.LABELS},
                               "silent": sum(1 for e in p.evidence if e.words == () and e.score == 0.0)}
        out[path.name] = row
    return out


def _print(name: str, figures: dict) -> None:
    for system, f in figures.items():
        if system == "mention_labels_by_document_label":
            for g, d in f.items():
                print(f"  {name:<8} mentions in {g} documents: {d['mentions']}, labelled negative {d['negative']:.3f} "
                      f"neutral {d['neutral']:.3f} positive {d['positive']:.3f} (no evidence: {d['silent']:.3f})")
            continue
        if not isinstance(f, dict):
            print(f"  {system}: {f}")
            continue
        per_class = "  ".join(f"{c} {f['f1_' + c]:.3f}" for c in sd.LABELS)
        print(f"  {name:<8} {system:<16} macro-F1 {f['macro_f1']:.3f}  accuracy {f['accuracy']:.3f}  "
              f"F1: {per_class}  (n={f['n']})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the shared data folder (holds newsmtsc/ and persent/)")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--baseline", action="store_true", help="also score VADER on the whole sentence / document")
    ap.add_argument("--train", action="store_true", help="also report NewsMTSC train (the split the model was fitted on)")
    ap.add_argument("--skip-persent", action="store_true", help="NewsMTSC only (faster)")
    ap.add_argument("--seeds", type=Path, metavar="DIR",
                    help="also the mean score toward --seed-party in each article of DIR (e.g. ../shared/seeds)")
    ap.add_argument("--seed-party", action="append", metavar="NAME",
                    help="a party for --seeds (repeatable; default: Russia and Amnesty International)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    result: dict = {"thresholds": sentiment.thresholds(), "newsmtsc": {}, "persent": None}
    splits = ["dev-rw", "dev-mt"] + (["train"] if args.train else [])
    print("NewsMTSC (target-level, 3 classes)")
    for split in splits:
        path = args.data / "newsmtsc" / f"{split}.jsonl"
        if not path.exists():
            print(f"  {split}: {path} not found", file=sys.stderr)
            continue
        result["newsmtsc"][split] = newsmtsc(path, args.baseline)
        _print(split, result["newsmtsc"][split])
    path = args.data / "persent" / "dev.csv"
    if not args.skip_persent and path.exists():
        print("PerSenT dev (document-level, 3 classes)")
        result["persent"] = persent(path, args.baseline)
        _print("persent", result["persent"])
    if args.seeds is not None:
        names = args.seed_party or ["Russia", "Amnesty International"]
        result["seeds"] = seeds(args.seeds, names)
        print(f"Seeds ({args.seeds}): mean mention score toward each party (mentions: negative/neutral/positive, no evidence)")
        for article, row in result["seeds"].items():
            cells = [f"{n} {row[n]['score']:+.3f} ({row[n]['mentions']}: {row[n]['negative']}/{row[n]['neutral']}/"
                     f"{row[n]['positive']}, {row[n]['silent']})" for n in names if n in row]
            print(f"  {article[:24]:<24} " + "   ".join(cells))
    result["seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
