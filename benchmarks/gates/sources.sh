#!/usr/bin/env bash
# Regression gate for the sources measure (run by .ci/run with DATA and VPY set):
# PolNeAR dev, fails when cue or source overlap F1 drops more than 2 points
# below the figures the README reports (74.8 and 72.8 on 2026-11-23).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DATA:?set DATA to the shared data folder}"
VPY=${VPY:-python3}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$VPY" benchmarks/sources_accuracy.py "$DATA/polnear" --split dev --json "$OUT"
"$VPY" - "$OUT" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))
floors = {"cue_overlap": 0.748 - 0.02, "source_overlap": 0.728 - 0.02}
bad = [f"{m} F1 {res[m]['f1']:.3f} < {floor:.3f}" for m, floor in floors.items() if res[m]["f1"] < floor]
if bad:
    sys.exit("sources gate FAILED: " + "; ".join(bad))
print("sources gate passed: " + ", ".join(f"{m} F1 {res[m]['f1']:.3f} (floor {f:.3f})" for m, f in floors.items()))
PY
