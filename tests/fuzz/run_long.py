"""A long fuzzing campaign: the properties of tests/fuzz on many more inputs.

    python tests/fuzz/run_long.py --examples 100000            # analyze() inputs; ~30-60 min on 2 cores
    python tests/fuzz/run_long.py --examples 2000 --cli 20     # a quick look
    python tests/fuzz/run_long.py --examples 100000 --jobs 2 --json fuzz.json

What runs (each property with its own hypothesis search, no example database):

* ``--examples N`` generated articles through ``analyze()`` (never raises, record
  validates, spans slice the text, counts equal their hits, finite rates, the
  same record twice);
* N/10 articles with generated user party sets and subsets of measures;
* N/2000 (at least 5) generated texts timed at 20 kB and 200 kB (10x the text,
  at most 15x the CPU time);
* ``--cli M`` (default 300) generated corpora of files and JSON Lines through
  ``mediabias score`` in a real process (exit code, one record per input,
  valid JSON Lines, the same properties per record, -j 1 = -j 2);
* N/200 (at least 10) generated articles through the terminal views (tables,
  detail views, --explain; colour and NO_COLOR): exit 0, none of the article's
  escape sequences on the terminal.

``--jobs 2`` splits each property's examples over two processes with different
seeds.  The summary counts every input tried and every failure (a failure stops
that property's search after hypothesis has shrunk it to a small example,
printed in full).  Exit code 0 when nothing failed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import traceback
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROPERTIES = ("analyze", "parties", "linear", "cli", "views")


def _run_property(name: str, examples: int, seed: int) -> dict:
    """In this process: run one property on ``examples`` inputs; counts and failure."""
    sys.path.insert(0, str(HERE))
    from fuzz_cli import VIEWS, check_corpus, check_views, corpora
    from fuzz_properties import check_analyze, check_linear, check_parties_and_measures
    from fuzz_strategies import MEASURE_SETS, articles, linear_units, party_specs
    from hypothesis import HealthCheck, given, settings
    from hypothesis import seed as hypothesis_seed
    from hypothesis import strategies as st

    count = {"n": 0}

    def counted(check):
        def run(*args):
            count["n"] += 1
            check(*args)
        return run

    strategies = {
        "analyze": ((articles(),), counted(check_analyze)),
        "parties": ((articles(max_pieces=20), party_specs(), st.sampled_from(MEASURE_SETS)),
                    counted(check_parties_and_measures)),
        "linear": ((linear_units(),), counted(check_linear)),
        "cli": ((corpora, st.sampled_from([1, 2]), st.booleans()), counted(check_corpus)),
        "views": ((articles(surrogates=False, max_pieces=25), st.integers(0, len(VIEWS) - 1), st.booleans()),
                  counted(check_views)),
    }
    args, body = strategies[name]

    def prop(drawn):
        body(*drawn)

    test = hypothesis_seed(seed)(settings(
        max_examples=examples, deadline=None, database=None, print_blob=True,
        suppress_health_check=list(HealthCheck),
    )(given(st.tuples(*args))(prop)))
    t0 = time.monotonic()
    failure = None
    try:
        test()
    except Exception:  # the shrunk failing example and its traceback
        failure = traceback.format_exc()
    return {"property": name, "inputs": count["n"], "examples": examples, "seconds": round(time.monotonic() - t0, 1),
            "failure": failure}


def _worker(args: argparse.Namespace) -> None:
    print(json.dumps(_run_property(args.property, args.n, args.seed)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=100_000, help="generated articles through analyze() (default 100,000)")
    ap.add_argument("--cli", type=int, default=300, help="generated corpora through the command line (default 300)")
    ap.add_argument("--jobs", type=int, default=1, help="processes per property (default 1)")
    ap.add_argument("--seed", type=int, default=int(time.time()), help="base seed (default: the time)")
    ap.add_argument("--only", choices=PROPERTIES, action="append", help="run only this property (repeatable)")
    ap.add_argument("--json", type=Path, help="also write the summary here")
    ap.add_argument("--property", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.property:
        return _worker(args)

    plan = {"analyze": args.examples, "parties": args.examples // 10, "linear": max(5, args.examples // 2000),
            "cli": args.cli, "views": max(10, args.examples // 200)}
    results = []
    t0 = time.monotonic()
    for name in args.only or PROPERTIES:
        total = plan[name]
        if total <= 0:
            continue
        shares = [total // args.jobs + (k < total % args.jobs) for k in range(args.jobs)]
        procs = [
            subprocess.Popen([sys.executable, __file__, "--property", name, "--n", str(n), "--seed", str(args.seed + k)],
                             stdout=subprocess.PIPE, text=True)
            for k, n in enumerate(shares) if n
        ]
        parts = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in procs]
        merged = {"property": name, "inputs": sum(p["inputs"] for p in parts),
                  "seconds": max(p["seconds"] for p in parts), "failures": [p["failure"] for p in parts if p["failure"]]}
        results.append(merged)
        print(f"{name:8} {merged['inputs']:>8,} inputs  {merged['seconds']:>7.1f} s  "
              f"{len(merged['failures'])} failure(s)", flush=True)
        for f in merged["failures"]:
            print(f, file=sys.stderr)
    summary = {
        "date": date.today().isoformat(),
        "seed": args.seed,
        "inputs": sum(r["inputs"] for r in results),
        "failures": sum(len(r["failures"]) for r in results),
        "seconds": round(time.monotonic() - t0, 1),
        "properties": results,
    }
    print(f"total    {summary['inputs']:>8,} inputs  {summary['seconds']:>7.1f} s  {summary['failures']} failure(s)")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    sys.exit(1 if summary["failures"] else 0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
