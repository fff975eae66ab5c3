"""The batch engine: order, streaming, dead workers, Ctrl-C (real processes)."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES
from mediabias import batch
from mediabias.inputs import Item

ARTICLE = (EXAMPLES / "wire_service.txt").read_text(encoding="utf-8")


def corpus(tmp_path, n=400):
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": f"Article {i}. " + ARTICLE}) + "\n")
    return path


def start(path, jobs=2):
    cmd = [sys.executable, "-m", "mediabias", "score", str(path), "-j", str(jobs), "--format", "jsonl"]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def test_parallel_records_equal_serial_records_in_order():
    items = [Item(f"i{k}", f"s{k}", text=f"Item {k} may be short. " * (k + 1)) for k in range(40)]
    items.insert(7, Item("bad", "bad", error=("binary", "binary data")))
    serial = [r for _, r in batch.run(iter(items), jobs=1)]
    parallel = [r for _, r in batch.run(iter(items), jobs=2)]
    assert parallel == serial
    assert [r["id"] for r in parallel] == [i.id for i in items]
    assert "error" in parallel[7]


def test_chunks_are_bounded_by_items_and_text_size():
    items = [Item(str(k), str(k), text="x" * 300_000) for k in range(10)]
    sizes = [len(c) for c in batch._chunks(iter(items))]
    assert sizes == [4, 4, 2]  # 1,000,000 characters per chunk at most (+1 item)
    small = [Item(str(k), str(k), text="x") for k in range(40)]
    assert [len(c) for c in batch._chunks(iter(small))] == [16, 16, 8]


@pytest.mark.skipif(sys.platform != "linux", reason="uses pgrep and POSIX signals")
def test_a_killed_worker_fails_only_its_chunk(tmp_path):
    for attempt in range(3):
        p = start(corpus(tmp_path))
        first = p.stdout.readline()  # the pool is running
        assert first, p.stderr.read()
        workers = children(p.pid)
        assert len(workers) == 2, workers
        os.kill(workers[0], signal.SIGKILL)
        out, err = p.stdout.read(), p.stderr.read()  # communicate() would skip readline's buffer
        p.wait(timeout=120)
        records = [json.loads(line) for line in [first] + out.splitlines()]
        failed = [r for r in records if "error" in r]
        if failed:  # the killed worker held a chunk (it almost always does)
            break
    assert p.returncode == 3
    assert [r["id"] for r in records] == [f"a{i}" for i in range(400)]
    assert 1 <= len(failed) <= batch.CHUNK_ITEMS
    assert all("worker process" in r["error"]["message"] and "signal 9" in r["error"]["message"] for r in failed)
    assert f"{len(failed)} of 400 input(s) failed" in err


@pytest.mark.skipif(sys.platform != "linux", reason="uses POSIX signals")
def test_ctrl_c_stops_promptly_with_complete_lines(tmp_path):
    p = start(corpus(tmp_path))
    first = p.stdout.readline()
    t0 = time.monotonic()
    p.send_signal(signal.SIGINT)
    out, err = p.stdout.read(), p.stderr.read()
    p.wait(timeout=30)
    assert time.monotonic() - t0 < 5
    assert p.returncode == 130
    lines = [first] + out.splitlines()
    assert all(json.loads(line)["id"] for line in lines)  # every line is a whole record
    assert "interrupted after" in err
    time.sleep(0.2)
    assert children(p.pid) == []


def test_a_huge_article_in_a_corpus_does_not_stall_or_swell_the_batch(tmp_path):
    """A 20 MB line among small ones: refused at once by the default limit, the rest analysed."""
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(30):
            fh.write(json.dumps({"id": f"a{i}", "text": ARTICLE}) + "\n")
            if i == 10:
                fh.write(json.dumps({"id": "huge", "text": "word " * 4_000_000}) + "\n")
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "mediabias", "score", str(path), "-j", "2", "--format", "jsonl"],
                       capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - t0
    records = [json.loads(line) for line in p.stdout.splitlines()]
    assert p.returncode == 3
    assert [r["id"] for r in records][10:13] == ["a10", f"{path}:12", "a11"]
    assert records[11]["error"]["kind"] == "too_large" and "--max-bytes" in records[11]["error"]["message"]
    assert sum("error" in r for r in records) == 1
    assert elapsed < 60


# -- workers never outlive the parent (issue 15 item 3) ------------------------------------
def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="uses /proc, pgrep and POSIX signals")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_exit_when_the_parent_is_killed(tmp_path, sig):
    import threading

    p = start(corpus(tmp_path))
    assert p.stdout.readline()  # the pool is running
    workers = children(p.pid)
    assert len(workers) == 2
    out = []
    # drained aside: a parent blocked on a full pipe never exits, and a worker that
    # outlives the parent keeps the pipe open, so a plain read() would never return
    reader = threading.Thread(target=lambda: out.append(p.stdout.read()), daemon=True)
    reader.start()
    os.kill(p.pid, sig)
    try:
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "a worker outlived its parent"
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)
    p.wait(timeout=30)
    reader.join(timeout=30)
    if sig == signal.SIGTERM:  # handled as Ctrl-C is: complete lines, a count, its own exit code
        assert p.returncode == 143 and "terminated after" in p.stderr.read()
        assert all(json.loads(line)["id"] for line in out[0].splitlines())


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_the_parents_end_of_the_pipe_closing_ends_every_worker(monkeypatch):
    """Without the kernel's help (prctl off): the parent's death is end-of-file to
    each worker only if no worker holds a copy of a parent-side end."""
    import multiprocessing as mp

    from mediabias.config import Config

    monkeypatch.setattr(batch, "_die_with_parent", lambda pid: None, raising=False)
    ctx = mp.get_context("fork")
    workers = []
    for _ in range(3):
        workers.append(batch._Worker(ctx, Config(), ("readability",), workers))
    try:
        for w in workers:
            w.conn.close()  # what the parent's death does to its ends
        for w in workers:
            w.process.join(timeout=5)
        assert [w.process.exitcode for w in workers] == [0, 0, 0]
    finally:
        for w in workers:
            if w.process.is_alive():
                w.process.kill()


# -- Ctrl-C reports the lines written (issue 15 item 10) -----------------------------------
@pytest.mark.skipif(sys.platform != "linux", reason="uses POSIX signals")
def test_ctrl_c_count_equals_the_lines_written(tmp_path):
    """While the test sleeps the pipe fills (64 kB is seven records), so the
    signal often cuts a blocked write short: the line must still be whole."""
    path = corpus(tmp_path, n=600)
    for delay in (0.0, 0.05, 0.13, 0.3, 0.5):
        p = start(path)
        first = p.stdout.readline()
        time.sleep(delay)
        p.send_signal(signal.SIGINT)
        out, err = p.stdout.read(), p.stderr.read()
        p.wait(timeout=30)
        lines = [first] + out.splitlines()
        assert p.returncode == 130
        assert f"interrupted after {len(lines)} input(s)" in err, (delay, len(lines), err)
        assert [json.loads(line)["id"] for line in lines] == [f"a{i}" for i in range(len(lines))]
