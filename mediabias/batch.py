"""Many inputs -> records, in input order, with per-item errors.

``run`` consumes an iterator of :class:`mediabias.inputs.Item` and yields
``(item, record)`` pairs -- the JSON-ready record of each item, with the
item itself so a renderer can show text around a span -- in input order.  With ``jobs > 1`` and
enough items, a process pool analyses them in parallel (``imap`` keeps the
order and streams: only a bounded window of items is in flight); with few
items or ``jobs == 1`` it runs in this process so small jobs don't pay for
a pool.  An item that fails -- unreadable input or an exception inside a
measure -- becomes an error record; the others are unaffected.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
from collections import deque
import os
import threading
from typing import Any, Iterable, Iterator

from mediabias.analyze import MEASURES, analyze
from mediabias.config import Config
from mediabias.inputs import Item
from mediabias.report import error_record

SERIAL_BELOW = 8  # fewer items than this: no pool
CHUNK = 4  # items per task sent to a worker
WINDOW_PER_JOB = 16  # items in flight per worker: bounds memory on huge corpora


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_item(item: Item, config: Config, measures: tuple[str, ...] = MEASURES) -> dict[str, Any]:
    """The record for one item; never raises for a bad article."""
    if item.error is not None:
        kind, message = item.error
        return error_record(message, kind=kind, id=item.id, source=item.source, meta=item.meta)
    try:
        report = analyze(
            item.text,
            config=config,
            measures=measures,
            id=item.id,
            source=item.source,
            meta=item.meta,
            encoding=item.encoding,
        )
        return report.to_dict()
    except MemoryError:
        return error_record("out of memory while analysing", kind="internal", id=item.id, source=item.source, meta=item.meta)
    except Exception as e:  # a bug in a measure must not lose the batch
        return error_record(
            f"internal error: {type(e).__name__}: {e}", kind="internal", id=item.id, source=item.source, meta=item.meta
        )


# Worker-process state: set once per worker by the pool initializer.
_worker_args: tuple[Config, tuple[str, ...]] | None = None


def _init_worker(config: Config, measures: tuple[str, ...]) -> None:
    global _worker_args
    _worker_args = (config, measures)


def _work(item: Item) -> dict[str, Any]:
    assert _worker_args is not None
    return analyze_item(item, *_worker_args)


def run(
    items: Iterable[Item],
    *,
    config: Config | None = None,
    measures: tuple[str, ...] = MEASURES,
    jobs: int | None = None,
) -> Iterator[tuple[Item, dict[str, Any]]]:
    """``(item, record)`` for each of ``items``, in input order."""
    config = config or Config()
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    it = iter(items)
    head = list(itertools.islice(it, SERIAL_BELOW))
    if jobs == 1 or len(head) < SERIAL_BELOW:
        for item in itertools.chain(head, it):
            yield item, analyze_item(item, config, measures)
        return
    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    # Pool.imap would read the whole input ahead of the workers; a semaphore
    # keeps at most `window` items between reading and writing.
    window = threading.BoundedSemaphore(jobs * WINDOW_PER_JOB)
    in_flight: deque[Item] = deque()

    def throttled() -> Iterator[Item]:
        for item in itertools.chain(head, it):
            window.acquire()
            in_flight.append(item)
            yield item

    pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(config, measures))
    try:
        for record in pool.imap(_work, throttled(), chunksize=CHUNK):
            window.release()
            yield in_flight.popleft(), record
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
