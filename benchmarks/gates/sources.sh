#!/usr/bin/env bash
# Regression gate for the sources measure (run by .ci/run with DATA and VPY set):
# 1. runs the PolNeAR harness on dev and fails when cue or source overlap F1 falls
#    more than 2 points below the figures in the README's "Source citation: PolNeAR"
#    table (rows "| cue, overlap |" and "| source, overlap |", F1 column);
# 2. runs the citation gold set (the seeds from $DATA/.., the example articles) and
#    fails when citation or anonymous precision falls more than 0.03 below the
#    README's "Source citation: a precision gold set" table ("this version" column).
# ~15 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DATA:?set DATA to the shared data folder}"
VPY=${VPY:-python3}
OUT=$(mktemp)
GOLD=$(mktemp)
trap 'rm -f "$OUT" "$GOLD"' EXIT
"$VPY" benchmarks/sources_accuracy.py "$DATA/polnear" --split dev --json "$OUT"
"$VPY" benchmarks/citations_gold.py --shared "$DATA/.." --json "$GOLD"
"$VPY" - "$OUT" "$GOLD" README.md <<'PY'
import json
import re
import sys

res = json.load(open(sys.argv[1], encoding="utf-8"))
gold = json.load(open(sys.argv[2], encoding="utf-8"))
readme = open(sys.argv[3], encoding="utf-8").read()


def cells(line):
    return [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]


checks = []  # (name, measured, README figure, tolerance)
section = readme[readme.index("### Source citation: PolNeAR"):]
reported = {}
for line in section.splitlines():
    row = cells(line)
    if row and row[0] in ("cue, overlap", "source, overlap"):
        reported[row[0].split(",")[0] + "_overlap"] = float(row[3]) / 100
for metric in ("cue_overlap", "source_overlap"):
    if metric not in reported:
        sys.exit(f"sources gate: README PolNeAR table lacks {metric}")
    checks.append((f"PolNeAR dev {metric} F1", res[metric]["f1"], reported[metric], 0.02))

section = readme[readme.index("### Source citation: a precision gold set"):]
for label, key in (("citation precision", "citation_precision"), ("anonymous precision", "anonymous_precision")):
    row = next((cells(line) for line in section.splitlines() if cells(line)[0] == label), None)
    if row is None:
        sys.exit(f"sources gate: README gold-set table lacks '{label}'")
    figure = float(re.match(r"\*{0,2}([0-9.]+)", row[1]).group(1))
    checks.append((f"gold set {label}", gold[key], figure, 0.03))

bad = []
for name, got, figure, tol in checks:
    status = "ok" if got >= figure - tol else "FAILED"
    print(f"sources gate: {name} {got:.3f} (README {figure:.3f}, floor {figure - tol:.3f}) {status}")
    if status != "ok":
        bad.append(name)
if bad:
    sys.exit("sources gate FAILED: " + ", ".join(bad))
PY
