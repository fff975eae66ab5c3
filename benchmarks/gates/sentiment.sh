#!/usr/bin/env bash
# Regression gate for party sentiment: run the accuracy harness on $DATA and
# fail if a macro-F1 drops more than 2 points below the figure README.md
# reports (section "Party sentiment: NewsMTSC and PerSenT", column
# "mediabias macro-F1").  Run by .ci/run with DATA and VPY set; ~30 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${DATA:-../shared/data}
VPY=${VPY:-python3}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
"$VPY" benchmarks/sentiment_accuracy.py "$DATA" --json "$OUT"
"$VPY" - "$OUT" <<'PY'
import json, re, sys

got = json.load(open(sys.argv[1]))
figures = {
    "NewsMTSC dev-rw": got["newsmtsc"]["dev-rw"]["mediabias"]["macro_f1"],
    "NewsMTSC dev-mt": got["newsmtsc"]["dev-mt"]["mediabias"]["macro_f1"],
    "PerSenT dev, party label": got["persent"]["party"]["macro_f1"],
    "PerSenT dev, stance": got["persent"]["stance"]["macro_f1"],
}
readme = open("README.md", encoding="utf-8").read()
failed = False
for name, value in figures.items():
    m = re.search(r"^\| " + re.escape(name) + r" \| ([0-9.]+) \|", readme, re.M)
    if not m:
        sys.exit(f"sentiment gate: no README row '| {name} | <macro-F1> |'")
    reported = float(m.group(1))
    ok = value >= reported - 0.02
    failed |= not ok
    print(f"sentiment gate: {name}: macro-F1 {value:.3f} (README {reported:.3f}) {'ok' if ok else 'FAILED: more than 2 points below'}")
sys.exit(1 if failed else 0)
PY
