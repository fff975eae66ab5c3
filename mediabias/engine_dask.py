"""The same analysis on a Dask cluster, for corpora one machine is too slow for.

Optional: ``pip install 'mediabias[dask]'``.  This module is imported only
by ``mediabias score --engine dask`` or by callers who import it; nothing
else in mediabias imports dask.

From Python::

    import dask.bag as db
    from mediabias.engine_dask import score_bag
    records = score_bag(db.from_sequence(texts, npartitions=8))   # a bag of records

or over files that every worker can read (a shared file system or a copy on
each machine)::

    from mediabias.engine_dask import run
    summary = run(["shards/"], output_dir="out/", scheduler="tcp://10.0.0.5:8786")

Each worker reads its files or JSONL shards itself (the client only lists
paths), analyses every article with the same :func:`mediabias.analyze`,
and the result is written as JSON Lines partitions ``part-00000.jsonl`` ...,
plus ``table.parquet/`` (the CSV columns) when pyarrow is installed, and
``summary.json``.  Records are exactly those of a local run.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any, Iterable, Mapping

from mediabias.batch import analyze_item
from mediabias.config import Config
from mediabias.inputs import Item, iter_inputs
from mediabias.pipeline import MEASURES


def _write_group(group: tuple[int, list[str]], out: str, options: dict[str, Any], config: Config,
                 measures: tuple[str, ...]) -> dict[str, Any]:
    """On a worker: analyse one group of files, write its partition(s), return counts."""
    index, paths = group
    path = Path(out) / f"part-{index:05d}.jsonl"
    n = failed = words = 0
    rows = []
    try:
        import pyarrow  # noqa: F401

        from mediabias.render.records import csv_header, csv_row

        header = csv_header()
    except ImportError:
        header = None
    with path.open("w", encoding="utf-8") as fh:
        for item in iter_inputs(paths, **options):
            record = analyze_item(item, config, measures)
            fh.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
            n += 1
            failed += "error" in record
            words += record.get("words", 0)
            if header is not None:
                rows.append({h: str(v) for h, v in zip(header, csv_row(record))})
    parquet = None
    if header is not None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        folder = Path(out) / "table.parquet"
        folder.mkdir(exist_ok=True)
        parquet = folder / f"part-{index:05d}.parquet"
        pq.write_table(pa.Table.from_pylist(rows, schema=pa.schema([(h, pa.string()) for h in header])), parquet)
    return {"records": n, "failed": failed, "words": words, "jsonl": str(path), "parquet": parquet and str(parquet)}


def _record_for_text(obj: Any, config: Config, measures: tuple[str, ...]) -> dict:
    if isinstance(obj, Item):
        item = obj
    elif isinstance(obj, Mapping):
        text = obj.get("text")
        meta = {k: obj[k] for k in ("title", "outlet", "date", "url") if obj.get(k) is not None}
        ident = None if obj.get("id") is None else str(obj["id"])
        item = Item(ident, ident, text=text, meta=meta) if isinstance(text, str) else Item(
            ident, ident, meta=meta, error=("field", "field 'text' is missing or not a string"))
    else:
        item = Item(None, None, text=obj) if isinstance(obj, str) else Item(
            None, None, error=("field", f"expected a str, a mapping with 'text' or an Item, got {type(obj).__name__}"))
    return analyze_item(item, config, measures)


def score_bag(bag, *, config: Config | None = None, measures: Iterable[str] = MEASURES):
    """A ``dask.bag`` of articles (str, ``{"text": ..., "id": ...}`` or Item) -> a bag of records."""
    cfg = config or Config()
    wanted = tuple(measures)
    return bag.map(_record_for_text, cfg, wanted)


def _list_paths(inputs: Iterable[str], patterns: tuple[str, ...]) -> list[str]:
    """Files to analyse: directories are listed here, read on the workers."""
    from mediabias.inputs import Skipped, _expand

    out = []
    for p in _expand(inputs, patterns):
        if isinstance(p, Skipped):  # a folder that cannot be read fails the run; special files are passed over
            if p.failed:
                raise ValueError(f"{p.path}: {p.message}")
            print(f"mediabias: skipped {p.path}: {p.message}", file=sys.stderr)
            continue
        if p == "-":
            raise ValueError("the Dask engine reads files on the workers; standard input ('-') cannot be used")
        out.append(str(p))
    return out


def run(
    inputs: Iterable[str],
    *,
    output_dir: str | Path,
    scheduler: str | None = None,
    config: Config | None = None,
    measures: Iterable[str] = MEASURES,
    patterns: tuple[str, ...] = (),
    text_field: str = "text",
    id_field: str = "id",
    field_map: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
    files_per_partition: int = 1,
    client=None,
) -> dict[str, Any]:
    """Analyse files and JSONL shards on a Dask cluster and write the results.

    ``scheduler`` is the address of a running ``dask scheduler``
    (``tcp://host:8786``); without it (and without ``client``) a
    ``distributed.LocalCluster`` on this machine is used.  Returns the
    summary that is also written to ``output_dir/summary.json``.
    """
    import dask.bag as db
    from distributed import Client, LocalCluster

    from mediabias.inputs import DEFAULT_MAX_BYTES
    from mediabias.render.records import csv_header

    cfg = config or Config()
    wanted = tuple(measures)
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = _list_paths(inputs, patterns)
    size = max(1, files_per_partition)
    groups = [(i, paths[k : k + size]) for i, k in enumerate(range(0, len(paths), size))]
    options = {
        "text_field": text_field,
        "id_field": id_field,
        "field_map": dict(field_map or {}),
        "max_bytes": max_bytes or DEFAULT_MAX_BYTES,
    }
    own_cluster = None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            own_cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=":0")  # CPU-bound Python: one thread a worker
            client = Client(own_cluster)
    t0 = time.perf_counter()
    try:
        bag = db.from_sequence(groups, npartitions=max(1, len(groups)))
        parts = bag.map(_write_group, str(out.resolve()), options, cfg, wanted).compute() if groups else []
    finally:
        if own_cluster is not None:
            client.close()
            own_cluster.close()
    seconds = time.perf_counter() - t0
    records = sum(p["records"] for p in parts)
    summary = {
        "inputs": len(paths),
        "records": records,
        "failed": sum(p["failed"] for p in parts),
        "words": sum(p["words"] for p in parts),
        "seconds": round(seconds, 3),
        "articles_per_s": round(records / seconds, 1) if seconds > 0 else None,
        "jsonl": [p["jsonl"] for p in parts],
        "parquet": [p["parquet"] for p in parts if p["parquet"]],
        "parquet_columns": csv_header() if any(p["parquet"] for p in parts) else None,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary
