"""Many inputs -> records, in input order, with per-item errors.

``run`` consumes an iterator of :class:`mediabias.inputs.Item` and yields
``(item, record)`` pairs -- the JSON-ready record of each item, with the
item itself so a renderer can show text around a span -- in input order.

With ``jobs > 1`` and enough items, worker processes analyse *chunks* of
items (a few dozen articles or about a megabyte of text each).  The pool is
our own, small and explicit, because it must know which chunk each worker
holds:

* results are written as soon as they are next in input order; at most
  ``WINDOW_PER_JOB`` chunks per worker are between reading and writing, so
  memory stays flat however long the corpus is (inputs are a generator);
* a worker that dies (killed, out of memory) turns the items of the chunk it
  held into error records and is replaced; the batch goes on;
* workers ignore Ctrl-C: the parent stops them at once and the caller sees
  ``KeyboardInterrupt`` after the last complete record;
* workers never outlive the parent: each closes every inherited parent-side
  end of the pipes, so the parent's death is end-of-file to it, and on Linux
  it also asks the kernel for SIGKILL when the parent dies (a worker busy
  with a long chunk would otherwise finish it first).

With few items or ``jobs == 1`` everything runs in this process so small
jobs don't pay for a pool.  An item that fails -- unreadable input or an
exception inside a measure -- becomes an error record; the others are
unaffected.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
from typing import Any, Callable, Iterable, Iterator

from mediabias.pipeline import MEASURES, analyze
from mediabias.config import Config
from mediabias.inputs import Item
from mediabias.report import error_record

SERIAL_BELOW = 8  # fewer items than this: no pool
CHUNK_ITEMS = 16  # items per chunk sent to a worker ...
CHUNK_CHARS = 1_000_000  # ... or fewer, once this much text is in the chunk
WINDOW_PER_JOB = 4  # chunks in flight per worker

Record = dict[str, Any]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_item(item: Item, config: Config, measures: tuple[str, ...] = MEASURES) -> Record:
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
            extractor=item.extractor,
        )
        return report.to_dict()
    except MemoryError:
        return error_record("out of memory while analysing", kind="internal", id=item.id, source=item.source, meta=item.meta)
    except Exception as e:  # a bug in a measure must not lose the batch
        return error_record(
            f"internal error: {type(e).__name__}: {e}", kind="internal", id=item.id, source=item.source, meta=item.meta
        )


def _chunks(items: Iterator[Item]) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text or "")
        if len(chunk) >= CHUNK_ITEMS or size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _die_with_parent(parent_pid: int) -> None:
    """Linux: SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass  # no prctl: end-of-file on the pipe still ends the worker
    if os.getppid() != parent_pid:  # the parent died before the request was made
        os._exit(0)


def _worker_main(conn, config: Config, measures: tuple[str, ...], parent_pid: int, inherited: list) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        # A forked worker holds copies of the parent's ends of every pipe (its
        # own and the earlier workers'); while it does, the parent's death is
        # not end-of-file to anyone.
        for c in inherited:
            c.close()
        _die_with_parent(parent_pid)
        while True:
            msg = conn.recv()
            if msg is None:
                break
            cid, chunk = msg
            conn.send((cid, [analyze_item(item, config, measures) for item in chunk]))
    except (EOFError, OSError):
        pass  # the parent went away
    finally:
        # A forked worker holds a copy of the parent's unflushed stdout buffer;
        # a normal interpreter exit would flush it and duplicate output.
        os._exit(0)


class _Worker:
    __slots__ = ("process", "conn", "chunk_id")

    def __init__(self, ctx, config: Config, measures: tuple[str, ...], others: list["_Worker"] = ()) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()  # nothing buffered for a forked child to inherit
            except (OSError, ValueError):
                pass
        parent, child = ctx.Pipe()
        # forked: the child closes its copies of the parent-side ends; spawned:
        # it inherits nothing but its arguments
        inherited = [parent] + [w.conn for w in others] if ctx.get_start_method() == "fork" else []
        self.process = ctx.Process(target=_worker_main, args=(child, config, measures, os.getpid(), inherited),
                                   daemon=True)
        self.process.start()
        child.close()
        self.conn = parent
        self.chunk_id: int | None = None

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (OSError, ValueError):
                self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _died(chunk: list[Item], exitcode: int | None) -> list[Record]:
    how = f"killed by signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit code {exitcode}"
    return [
        error_record(f"the worker process analysing this input died ({how})", kind="internal",
                     id=item.id, source=item.source, meta=item.meta)
        for item in chunk
    ]


def _warm(config: Config, measures: tuple[str, ...]) -> None:
    """Load word lists and models once before forking, so workers share them."""
    analyze("Warm up: officials said it may be so.", config=config, measures=measures)


def run(
    items: Iterable[Item],
    *,
    config: Config | None = None,
    measures: tuple[str, ...] = MEASURES,
    jobs: int | None = None,
    known: Callable[[Item], Record | None] | None = None,
) -> Iterator[tuple[Item, Record]]:
    """``(item, record)`` for each of ``items``, in input order.

    ``known(item)``, when given, is asked in this process before an item is
    dispatched: a record it returns is used as it is and the item is not
    analysed (a results database that resumes, :mod:`mediabias.db`)."""
    config = config or Config()
    jobs = default_jobs() if not jobs or jobs < 1 else jobs
    it = iter(items)
    head = list(itertools.islice(it, SERIAL_BELOW))
    if jobs == 1 or len(head) < SERIAL_BELOW:
        for item in itertools.chain(head, it):
            record = known(item) if known is not None else None
            yield item, record if record is not None else analyze_item(item, config, measures)
        return
    yield from _parallel(_chunks(itertools.chain(head, it)), config, measures, jobs, known)


def _parallel(chunks: Iterator[list[Item]], config: Config, measures: tuple[str, ...], jobs: int,
              known: Callable[[Item], Record | None] | None = None):
    import multiprocessing as mp  # not on the start-up path of a one-file run
    from multiprocessing.connection import wait

    methods = mp.get_all_start_methods()
    ctx = mp.get_context("fork" if "fork" in methods else "spawn")
    if ctx.get_start_method() == "fork":
        _warm(config, measures)
    workers: list[_Worker] = []
    for _ in range(jobs):
        workers.append(_Worker(ctx, config, measures, workers))
    sent: dict[int, list[Item]] = {}  # chunk id -> items, until written
    done: dict[int, list[Record]] = {}
    stored: dict[int, list[Record | None]] = {}  # chunk id -> records known before dispatch (None: analysed)
    next_id = next_out = 0
    exhausted = False
    window = jobs * WINDOW_PER_JOB
    try:
        while True:
            for w in workers:
                if w.chunk_id is None and not exhausted and next_id - next_out < window:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    sent[next_id] = chunk
                    if known is not None:
                        records = [known(item) for item in chunk]
                        if None not in records:  # all stored: no worker needed
                            done[next_id] = records
                            next_id += 1
                            continue
                        stored[next_id] = records
                        chunk = [item for item, record in zip(chunk, records) if record is None]
                    w.chunk_id = next_id
                    next_id += 1
                    try:
                        w.conn.send((w.chunk_id, chunk))
                    except (OSError, ValueError):
                        pass  # the worker died while idle: its sentinel is ready, handled below
            while next_out in done:
                records = done.pop(next_out)
                if next_out in stored:  # put the analysed records between the stored ones
                    analysed = iter(records)
                    records = [r if r is not None else next(analysed) for r in stored.pop(next_out)]
                for item, record in zip(sent.pop(next_out), records):
                    yield item, record
                next_out += 1
            busy = [w for w in workers if w.chunk_id is not None]
            if not busy:
                if exhausted and next_out == next_id:
                    break
                continue
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for i, w in enumerate(workers):
                if w.chunk_id is None:
                    continue
                if w.conn in ready:
                    try:
                        cid, records = w.conn.recv()
                    except (EOFError, OSError):
                        pass  # died while sending: handled below with the sentinel
                    else:
                        done[cid] = records
                        w.chunk_id = None
                        continue
                if w.process.sentinel in ready or not w.process.is_alive():
                    w.process.join()
                    cid = w.chunk_id
                    held = sent[cid] if cid not in stored else [i for i, r in zip(sent[cid], stored[cid]) if r is None]
                    done[cid] = _died(held, w.process.exitcode)
                    w.conn.close()
                    workers[i] = _Worker(ctx, config, measures, [o for o in workers if o is not w])
        for w in workers:
            w.stop()
    except BaseException:  # Ctrl-C, a closed output pipe: stop now
        for w in workers:
            w.stop(kill=True)
        raise
