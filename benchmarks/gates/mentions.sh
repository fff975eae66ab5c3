#!/usr/bin/env bash
# Regression gate for party detection (run by .ci/run with DATA and VPY set): runs the
# mention and kind gold-set harness and fails when a figure of the README's "Party mentions
# and kinds" table (rows "| mention precision, overlap |", "| mention recall, overlap |",
# "| mention precision, exact |", "| mention recall, exact |", "| kind accuracy, parties found |";
# the held-out and all columns) falls more than 2 points below it.  ~5 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DATA:?set DATA to the shared data folder}"
VPY=${VPY:-python3}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$VPY" benchmarks/mentions_accuracy.py "$DATA" --json "$OUT" >/dev/null
"$VPY" - "$OUT" README.md <<'PY'
import json
import sys

res = json.load(open(sys.argv[1], encoding="utf-8"))
readme = open(sys.argv[2], encoding="utf-8").read()
section = readme[readme.index("### Party mentions and kinds"):]
section = section[: section.index("\n## ")] if "\n## " in section else section
rows = {
    "mention precision, overlap": ("overlap", "precision"),
    "mention recall, overlap": ("overlap", "recall"),
    "mention precision, exact": ("exact", "precision"),
    "mention recall, exact": ("exact", "recall"),
    "kind accuracy, parties found": ("kind", "accuracy_found"),
}
reported = {}
for line in section.splitlines():
    cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
    if cells and cells[0] in rows:
        # | figure | tune | held out | all |
        reported[cells[0]] = {"held_out": float(cells[2]), "all": float(cells[3])}
missing = set(rows) - set(reported)
if missing:
    sys.exit(f"mentions gate: README table lacks {sorted(missing)}")
bad = []
for label, (group, key) in rows.items():
    for split in ("held_out", "all"):
        figure = reported[label][split]
        got = res[split][group][key]
        status = "ok" if got >= figure - 0.02 else "FAILED"
        print(f"mentions gate: {label} ({split}) {got:.3f} (README {figure:.3f}, floor {figure - 0.02:.3f}) {status}")
        if status != "ok":
            bad.append(f"{label} ({split})")
if bad:
    sys.exit("mentions gate FAILED: " + ", ".join(bad))
PY
