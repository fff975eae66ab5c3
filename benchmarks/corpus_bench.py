"""Corpus work benchmark (not a test: it reports, it does not assert).

    python benchmarks/corpus_bench.py ../shared/data/article-bias-prediction/media_valid.jsonl --json corpus.json

On the corpus given (JSONL; text in ``content_original`` or ``text``, outlet
in ``source`` or ``outlet``), each as a fresh ``mediabias`` process:

1. the results database's cost: ``score --format jsonl > /dev/null`` with and
   without ``--db`` (``--jobs 1`` and ``--jobs 2``, best of ``--repeat``
   runs), and the ratio;
2. resuming: a ``score --db`` run killed (SIGKILL) once about half the
   articles are stored, then run again; the rerun's report of what it
   analysed and skipped, its time, and whether the final database equals the
   database of a clean run (every row of every table);
3. ``summarize``: from the records as JSONL (``--records``), from the
   database (``--db``), and from the raw articles (analysed on the way), with
   1,000 resamples, against ``score`` alone on the same articles.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TABLES = ("articles", "parties", "hedges", "citations")


def mediabias_cmd() -> list[str]:
    exe = shutil.which("mediabias", path=str(Path(sys.executable).parent)) or shutil.which("mediabias")
    return [exe] if exe else [sys.executable, "-m", "mediabias"]


def input_args(corpus: Path) -> list[str]:
    with corpus.open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    args = [str(corpus)]
    if "content_original" in first:
        args += ["--text-field", "content_original"]
    if "ID" in first:
        args += ["--id-field", "ID"]
    if "source" in first and "outlet" not in first:
        args += ["--field", "outlet=source"]
    return args


def timed(cmd: list[str], stdout=subprocess.PIPE) -> tuple[float, subprocess.CompletedProcess]:
    """Wall seconds of ``cmd``; the CPU seconds of it and its workers go to ``timed.cpu``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    timed.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, p


def dump(db: Path) -> dict[str, list]:
    with sqlite3.connect(db) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


def count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing; the best is kept (default 3)")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args()
    mb = mediabias_cmd()
    inputs = input_args(args.corpus)
    n = sum(1 for line in args.corpus.open(encoding="utf-8") if line.strip())
    out: dict = {"date": date.today().isoformat(), "corpus": str(args.corpus), "articles": n, "cpus": os.cpu_count()}
    tmp = Path(tempfile.mkdtemp(prefix="mediabias-corpus-bench-"))
    try:
        # 1. the database's cost
        cost = {}
        for jobs in (1, 2):
            plain, with_db, plain_cpu, with_db_cpu = [], [], [], []
            for i in range(args.repeat):  # alternated, so that a change in the machine's load hits both
                t, p = timed(mb + ["score", *inputs, "-j", str(jobs), "--format", "jsonl"], stdout=subprocess.DEVNULL)
                assert p.returncode == 0, p.stderr
                plain.append(t)
                plain_cpu.append(timed.cpu)
                db = tmp / f"cost-{jobs}-{i}.sqlite"
                t, p = timed(mb + ["score", *inputs, "-j", str(jobs), "--format", "jsonl", "--db", str(db)],
                             stdout=subprocess.DEVNULL)
                assert p.returncode == 0, p.stderr
                with_db.append(t)
                with_db_cpu.append(timed.cpu)
            cost[f"jobs{jobs}"] = {
                "without_db_s": round(min(plain), 2), "with_db_s": round(min(with_db), 2),
                "overhead_wall": round(min(with_db) / min(plain) - 1, 3),
                "without_db_cpu_s": round(min(plain_cpu), 2), "with_db_cpu_s": round(min(with_db_cpu), 2),
                "overhead_cpu": round(min(with_db_cpu) / min(plain_cpu) - 1, 3),
            }
            print(f"score -j {jobs}: {min(plain):.2f} s without --db, {min(with_db):.2f} s with "
                  f"({100 * (min(with_db) / min(plain) - 1):+.1f}%); CPU {min(plain_cpu):.2f} s and "
                  f"{min(with_db_cpu):.2f} s ({100 * (min(with_db_cpu) / min(plain_cpu) - 1):+.1f}%)", flush=True)
        out["db_cost"] = cost

        # 2. killed about half way, then resumed
        killed = tmp / "killed.sqlite"
        proc = subprocess.Popen(mb + ["score", *inputs, "-j", "2", "--format", "jsonl", "--db", str(killed)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while proc.poll() is None and count(killed) < n // 2:
            time.sleep(0.1)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kept = count(killed)
        t, p = timed(mb + ["score", *inputs, "-j", "2", "--format", "jsonl", "--db", str(killed)])
        resumed_line = p.stderr.strip().splitlines()[-1]
        clean = tmp / "cost-2-0.sqlite"
        same = dump(killed) == dump(clean)
        out["resume"] = {"killed_with_stored": kept, "rerun_s": round(t, 2), "rerun_said": resumed_line,
                         "equals_clean_run": same, "rows": {k: len(v) for k, v in dump(killed).items()}}
        print(f"killed with {kept} of {n} stored; rerun {t:.2f} s: {resumed_line}; equals a clean run: {same}", flush=True)

        # 3. summarize
        records = tmp / "records.jsonl"
        with records.open("w", encoding="utf-8") as fh:
            subprocess.run(mb + ["score", *inputs, "-j", "2", "--format", "jsonl"], stdout=fh, check=True)
        timings = {}
        for name, cmd in (("records", ["summarize", "--records", str(records)]),
                          ("db", ["summarize", "--db", str(clean)]),
                          ("articles_jobs2", ["summarize", *inputs, "-j", "2"]),
                          ("score_jobs2", ["score", *inputs, "-j", "2"])):
            best = min(timed(mb + cmd + ["--format", "json"], stdout=subprocess.DEVNULL)[0] for _ in range(args.repeat))
            timings[name] = round(best, 2)
            print(f"{' '.join(cmd[:2])} ... ({name}): {best:.2f} s", flush=True)
        out["summarize_s"] = timings
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")



if __name__ == "__main__":
    main()
