#!/usr/bin/env bash
# CI gate for the hedging measure: CoNLL-2010 Wikipedia sentence-level F1 of
# the uncertain class must not drop more than 2 points below the figures the
# README reports (section "Accuracy" > "Hedging").  Run by .ci/run with
# DATA=<shared data dir> and VPY=<venv python>; takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-../shared/data}
VPY=${VPY:-python3}
# the F1 figures reported in the README, part by part
REPORTED_HELD_OUT=0.619
REPORTED_TUNE=0.604
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$VPY" benchmarks/hedging_accuracy.py "$DATA/conll2010-wiki" --json "$out"
"$VPY" - "$out" "$REPORTED_HELD_OUT" "$REPORTED_TUNE" <<'PY'
import json, sys
parts = json.load(open(sys.argv[1], encoding="utf-8"))["parts"]
failed = False
for part, reported in (("held_out", float(sys.argv[2])), ("tune", float(sys.argv[3]))):
    f1 = parts[part]["f1"]
    ok = f1 >= reported - 0.02
    failed |= not ok
    print(f"hedging {part}: F1 {f1:.3f}, README {reported:.3f}, floor {reported - 0.02:.3f}: {'ok' if ok else 'FAILED'}")
sys.exit(1 if failed else 0)
PY
