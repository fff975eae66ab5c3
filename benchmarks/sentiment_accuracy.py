"""Accuracy of party sentiment on NewsMTSC and PerSenT.

    python benchmarks/sentiment_accuracy.py ../shared/data
    python benchmarks/sentiment_accuracy.py ../shared/data --json sentiment.json
    python benchmarks/sentiment_accuracy.py ../shared/data --baseline   # VADER on the whole sentence too

* **NewsMTSC** (``newsmtsc/dev-rw.jsonl``, ``dev-mt.jsonl``; ``train.jsonl``
  with ``--train``): for every target, the label mediabias gives the mention
  at its ``from``/``to`` offsets (the most probable class); macro-F1 over the
  three classes, accuracy and per-class F1.  The model was fitted on train
  only, so dev is unseen.
  ``party_label``: the label a one-mention party gets (the class of its
  mentions' mean probabilities, :func:`mediabias.measures.sentiment.label`)
  scored the same way, and ``party_label_agrees``: the share of targets
  where it equals the mention's label (``target_features.label``).
* **PerSenT** (``persent/dev.csv``): the document-level label toward
  ``TARGET_ENTITY`` -- the entity as a user-defined party (its name and its
  last word as aliases), run through the whole pipeline (sources, hedging,
  sentiment).  ``party``: the party's label (its mentions' mean
  probabilities by the mention rule); ``stance``: its ``stance`` label (the
  author's view apart from the voices it carries,
  :mod:`mediabias.measures.stance`).  No constant was chosen on this set:
  the stance's credence weights are fixed in the code.  ``stance two-fold``
  shows what choosing the weight of a neutrally carried voice would give:
  chosen (0.25, 0.5 or 1) on the rows of one ``DOCUMENT_INDEX`` parity, the
  other half labelled with it.  Documents where the entity is never found
  count as neutral.

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
from mediabias.measures import stance as st  # noqa: E402
from mediabias.measures import target_features as tf  # noqa: E402

LABEL = {label: i for i, label in enumerate(sd.LABELS)}


def newsmtsc(path: Path, baseline: bool) -> dict:
    gold, pred, party = [], [], []
    for x, lex, g, _ in sd.newsmtsc_targets(path):
        gold.append(g)
        pred.append(tf.CLASSES.index(tf.label(x, lex)))
        # the target as a party with one mention: its label by the party rule
        p = st.calibrate(tf.probabilities(x, lex), sentiment.offsets())
        party.append(tf.CLASSES.index(sentiment.label(st.mean_vector([p]))))
    out = {"mediabias": sd.macro_f1(gold, pred), "party_label": sd.macro_f1(gold, party),
           "party_label_agrees": sum(a == b for a, b in zip(pred, party)) / len(pred) if pred else None}
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


NEUTRAL_WEIGHTS = (0.25, 0.5, 1.0)  # the weight of a neutrally carried voice tried by ``stance two-fold``


def persent(path: Path, baseline: bool) -> dict:
    gold, party, stance, halves, base, parts = [], [], [], [], [], []
    mentions: dict[int, list[str]] = {0: [], 1: [], 2: []}  # mention labels by the document's gold label
    silent: dict[int, int] = {0: 0, 1: 0, 2: 0}
    found = 0
    for index, entity, text, g in sd.persent_documents(path):
        p = sd.persent_party(text, entity)
        found += p is not None
        if p is not None:
            mentions[g] += [e.label for e in p.evidence]
            silent[g] += sum(1 for e in p.evidence if not e.evaluated)
        gold.append(g)
        halves.append(int(index) % 2)
        party.append(1 if p is None else LABEL[p.label])
        stance.append(1 if p is None else LABEL[p.stance.label])
        parts.append(None if p is None else p.stance.parts)
        if baseline:
            from mediabias.text.document import Document

            doc = Document(text)
            comps = [vader.polarity_scores(doc.text[sen.start : sen.end])["compound"] for sen in doc.sentences]
            base.append(sd.label_index(sum(comps) / len(comps) if comps else 0.0, 0.05, -0.05))
    out = {"party": sd.macro_f1(gold, party), "stance": sd.macro_f1(gold, stance)}

    def labels(weight: float, rows: list[int]) -> list[int]:
        weights = {**st.CREDENCE_WEIGHT, "neutral": weight}
        return [1 if parts[i] is None else LABEL[sentiment.label(st.mix(parts[i], weights))] for i in rows]

    # two-fold: the neutral credence weight chosen on one half (DOCUMENT_INDEX parity), labels on the other
    pred = [0] * len(gold)
    chosen = []
    for h in (0, 1):
        tune = [i for i, x in enumerate(halves) if x == h]
        test = [i for i, x in enumerate(halves) if x != h]
        best = max(NEUTRAL_WEIGHTS, key=lambda w: sd.macro_f1([gold[i] for i in tune], labels(w, tune))["macro_f1"])
        chosen.append(best)
        for i, lab in zip(test, labels(best, test)):
            pred[i] = lab
    out["stance two-fold"] = sd.macro_f1(gold, pred)
    out["neutral_weight_chosen"] = chosen
    out["entity_found"] = found
    out["mention_labels_by_document_label"] = {
        sd.LABELS[g]: {"mentions": len(labs), **{c: round(labs.count(c) / len(labs), 3) if labs else 0.0 for c in sd.LABELS},
                       "silent": round(silent[g] / len(labs), 3) if labs else 0.0}
        for g, labs in mentions.items()}
    if baseline:
        out["vader_document"] = sd.macro_f1(gold, base)
    return out


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
            print(f"  {name:<8} {system}: {f if not isinstance(f, float) else round(f, 4)}")
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
