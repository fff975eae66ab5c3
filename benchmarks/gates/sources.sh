#!/usr/bin/env bash
# Regression gate for the sources measure (run by .ci/run with DATA and VPY set):
# runs the PolNeAR harness on dev and fails when cue or source overlap F1 falls
# more than 2 points below the figures in the README's "Source citation: PolNeAR"
# table (rows "| cue, overlap |" and "| source, overlap |", F1 column).  ~10 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DATA:?set DATA to the shared data folder}"
VPY=${VPY:-python3}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$VPY" benchmarks/sources_accuracy.py "$DATA/polnear" --split dev --json "$OUT"
"$VPY" - "$OUT" README.md <<'PY'
import json
import sys

res = json.load(open(sys.argv[1], encoding="utf-8"))
readme = open(sys.argv[2], encoding="utf-8").read()
section = readme[readme.index("### Source citation: PolNeAR"):]
reported = {}
for line in section.splitlines():
    cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
    if cells and cells[0] in ("cue, overlap", "source, overlap"):
        reported[cells[0].split(",")[0] + "_overlap"] = float(cells[3]) / 100
missing = {"cue_overlap", "source_overlap"} - set(reported)
if missing:
    sys.exit(f"sources gate: README table lacks {sorted(missing)}")
bad = []
for metric, figure in sorted(reported.items()):
    got = res[metric]["f1"]
    status = "ok" if got >= figure - 0.02 else "FAILED"
    print(f"sources gate: {metric} F1 {got:.3f} (README {figure:.3f}, floor {figure - 0.02:.3f}) {status}")
    if status != "ok":
        bad.append(metric)
if bad:
    sys.exit("sources gate FAILED: " + ", ".join(bad))
PY
