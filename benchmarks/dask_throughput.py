"""Throughput of the Dask engine per worker core on a local cluster.

    python benchmarks/dask_throughput.py ../shared/data/article-bias-prediction/media_valid.jsonl

Splits the corpus into 16 JSONL shards in a temporary folder and runs
``mediabias.engine_dask.run`` on a ``distributed.LocalCluster`` with 1 and
with 2 single-threaded worker processes; prints articles/s and articles/s
per worker.  Needs the extra: pip install 'mediabias[dask]'.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path


def main(corpus: Path) -> None:
    from distributed import Client, LocalCluster

    from mediabias.engine_dask import run

    field = "content_original" if "content_original" in json.loads(corpus.open(encoding="utf-8").readline()) else "text"
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        shards = Path(tmp) / "shards"
        shards.mkdir()
        for k in range(16):
            (shards / f"shard{k:02d}.jsonl").write_text("".join(lines[k::16]), encoding="utf-8")
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
                with Client(cluster) as client:
                    s = run([str(shards)], output_dir=Path(tmp) / f"out{workers}", client=client, text_field=field)
            results.append({"workers": workers, "articles": s["records"], "seconds": s["seconds"],
                            "articles_per_s": s["articles_per_s"],
                            "articles_per_s_per_worker": round(s["articles_per_s"] / workers, 1)})
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
