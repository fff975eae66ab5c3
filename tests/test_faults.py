"""Fault and bad-input checks, as a new user would try them (issue 15).

Every check runs the command line (a real process unless it needs a patched
file system) and asserts what the README promises: exit codes, one record per
input, complete lines, messages instead of tracebacks, output that is valid
UTF-8 and valid JSON, terminal views that cannot be driven by the article.
Grouped as the issue lists them: determinism, batches under signals,
encodings, and its ten items.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from mediabias.cli import main

ARTICLE = (EXAMPLES / "wire_service.txt").read_text(encoding="utf-8")
LINUX = pytest.mark.skipif(sys.platform != "linux", reason="POSIX signals, /proc, FIFOs")
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\x9b31m\u202e"


def mb(*args, env=None, input=None, timeout=300) -> subprocess.CompletedProcess:
    """``mediabias ARGS`` in a fresh process; stdout as bytes (decoding is part of the check)."""
    return subprocess.run([sys.executable, "-m", "mediabias", *map(str, args)], capture_output=True, timeout=timeout,
                          input=input, env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})})


def records(p: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line, parse_constant=_no_constants) for line in p.stdout.decode("utf-8").splitlines()]


def _no_constants(name):
    raise ValueError(f"{name} is not JSON")


def jsonl(path: Path, *objects) -> Path:
    path.write_text("\n".join(o if isinstance(o, str) else json.dumps(o) for o in objects) + "\n", encoding="utf-8")
    return path


def corpus(tmp_path: Path, n: int) -> Path:
    return jsonl(tmp_path / "corpus.jsonl", *({"id": f"a{i}", "text": f"Article {i}. {ARTICLE}"} for i in range(n)))


def spans_slice(text: str, record: dict) -> None:
    def walk(v):
        if isinstance(v, dict):
            if isinstance(v.get("start"), int) and isinstance(v.get("end"), int) and isinstance(v.get("text"), str):
                assert v["text"] == text[v["start"]:v["end"]]
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(record)


# -- determinism ------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_the_same_bytes_twice(fmt):
    a, b = mb("score", EXAMPLES, "-f", fmt, "-j", "1"), mb("score", EXAMPLES, "-f", fmt, "-j", "1")
    assert a.returncode == 0 and a.stdout == b.stdout and a.stdout


def test_one_worker_and_two_give_the_same_bytes(tmp_path):
    path = corpus(tmp_path, 40)
    one, two = mb("score", path, "-j", "1"), mb("score", path, "-j", "2")
    assert one.returncode == two.returncode == 0 and one.stdout == two.stdout


def test_with_and_without_the_cache_the_same_bytes(tmp_path):
    runs = [mb("score", EXAMPLES, "-j", "1", env=env) for env in (
        {"MEDIABIAS_NO_CACHE": "1"}, {"MEDIABIAS_CACHE_DIR": str(tmp_path / "c")}, {"MEDIABIAS_CACHE_DIR": str(tmp_path / "c")})]
    assert len({r.stdout for r in runs}) == 1 and runs[0].returncode == 0


# -- batches under signals ------------------------------------------------------------------
def _start(path, jobs=2):
    return subprocess.Popen([sys.executable, "-m", "mediabias", "score", str(path), "-j", str(jobs), "-f", "jsonl"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _children(pid):
    return [int(x) for x in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]


def _alive(pid):
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@LINUX
def test_a_sigkilled_worker_costs_exactly_its_chunk(tmp_path):
    from mediabias.batch import CHUNK_ITEMS

    path = corpus(tmp_path, 300)
    for _ in range(3):
        p = _start(path)
        first = p.stdout.readline()
        os.kill(_children(p.pid)[0], signal.SIGKILL)
        out, err = p.stdout.read(), p.stderr.read()
        p.wait(timeout=120)
        recs = [json.loads(x) for x in [first] + out.splitlines()]
        failed = [r for r in recs if "error" in r]
        if failed:
            break
    assert p.returncode == 3 and [r["id"] for r in recs] == [f"a{i}" for i in range(300)]
    assert 1 <= len(failed) <= CHUNK_ITEMS and all("signal 9" in r["error"]["message"] for r in failed)
    assert f"{len(failed)} of 300 input(s) failed" in err


@LINUX
@pytest.mark.parametrize("sig,code,word", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_a_signal_stops_the_batch_at_once_with_complete_lines_counted(tmp_path, sig, code, word):
    p = _start(corpus(tmp_path, 400))
    first = p.stdout.readline()
    time.sleep(0.2)  # the pipe fills meanwhile: the signal may cut a blocked write short
    t0 = time.monotonic()
    p.send_signal(sig)
    out, err = p.stdout.read(), p.stderr.read()
    p.wait(timeout=30)
    lines = [first] + out.splitlines()
    assert time.monotonic() - t0 < 5 and p.returncode == code
    assert [json.loads(x)["id"] for x in lines] == [f"a{i}" for i in range(len(lines))]
    assert f"{word} after {len(lines)} input(s)" in err


@LINUX
def test_no_worker_outlives_a_parent_killed_with_sigkill(tmp_path):
    p = _start(corpus(tmp_path, 400))
    p.stdout.readline()
    workers = _children(p.pid)
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=10)
    deadline = time.monotonic() + 5
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [w for w in workers if _alive(w)]
    for w in survivors:
        os.kill(w, signal.SIGKILL)
    assert workers and not survivors


# -- encodings -------------------------------------------------------------------------------
TEXTS = {
    "utf-8": "Officials said the strikes may have hit Aleppo \u2014 \u201callegedly\u201d, Russia\u2019s ministry claimed.",
    "utf-8-sig": "Officials said the strikes may have hit Aleppo, a spokesman told reporters. \u00a9 2015",
    "utf-16": "Officials said the strikes may have hit Aleppo \u2014 \u201callegedly\u201d. \U0001f600",
    "utf-16-be": "Officials said the strikes may have hit Aleppo \u2014 a \u201cso-called\u201d inquiry.",
    "cp1252": "Le minist\u00e8re a d\u00e9clar\u00e9 que les frappes \u00e9taient \u00ab tr\u00e8s pr\u00e9cises \u00bb et que "
              "l\u2019arm\u00e9e \u00e9tait pr\u00eate. Selon l\u2019ONG, 40 civils ont \u00e9t\u00e9 tu\u00e9s \u2014 un bilan contest\u00e9.",
    "latin-1": "Die Beh\u00f6rden erkl\u00e4rten, dass die Angriffe m\u00f6glicherweise Zivilisten getroffen h\u00e4tten. "
               "Der Sprecher sagte, man pr\u00fcfe die Vorw\u00fcrfe genau.",
    "koi8-r": "\u041c\u0438\u043d\u0438\u0441\u0442\u0435\u0440\u0441\u0442\u0432\u043e \u043e\u0431\u043e\u0440\u043e\u043d\u044b "
              "\u0437\u0430\u044f\u0432\u0438\u043b\u043e, \u0447\u0442\u043e \u0443\u0434\u0430\u0440\u044b \u0431\u044b\u043b\u0438 "
              "\u043d\u0430\u043d\u0435\u0441\u0435\u043d\u044b \u0442\u043e\u043b\u044c\u043a\u043e \u043f\u043e \u0432\u043e\u0435\u043d\u043d\u044b\u043c "
              "\u0446\u0435\u043b\u044f\u043c. Officials said so.",
    "shift_jis": "\u56fd\u9632\u7701\u306f\u3001\u653b\u6483\u306f\u8ecd\u4e8b\u76ee\u6a19\u306e\u307f\u3092\u5bfe\u8c61\u3068"
                 "\u3057\u305f\u3068\u8ff0\u3079\u305f\u3002\u6c11\u9593\u4eba\u304c\u6b7b\u4ea1\u3057\u305f\u53ef\u80fd\u6027\u304c\u3042\u308b\u3002",
    "utf-32": "Officials said the strikes may have hit Aleppo \u2014 \u201callegedly\u201d. \U0001f600",
    "utf-16-le": "Officials said the strikes may have hit Aleppo \u2014 no byte-order mark. Les frappes \u00e9taient pr\u00e9cises.",
    "gb18030": "\u56fd\u9632\u90e8\u8868\u793a\uff0c\u7a7a\u88ad\u53ea\u9488\u5bf9\u519b\u4e8b\u76ee\u6807\u3002\u636e\u4eba\u6743"
               "\u7ec4\u7ec7\u79f0\uff0c\u53ef\u80fd\u6709\u5e73\u6c11\u6b7b\u4ea1\u3002",
}


def _encoded(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)  # utf-16-le: no byte-order mark


def test_utf8_with_a_stray_byte_is_analysed_not_lost(tmp_path):
    text = "Le minist\u00e8re a d\u00e9clar\u00e9 que les frappes \u00e9taient \u00ab tr\u00e8s pr\u00e9cises \u00bb. " * 4
    data = text.encode("utf-8")
    (tmp_path / "a.txt").write_bytes(data[:40] + b"\x92" + data[40:])
    p = mb("score", tmp_path / "a.txt")
    (record,) = records(p)
    assert p.returncode == 0 and record["encoding"] == "utf-8" and record["chars"] == len(text) + 1


def test_every_encoding_decodes_with_correct_spans(tmp_path):
    for k, (encoding, text) in enumerate(TEXTS.items()):
        (tmp_path / f"{k:02d}-{encoding}.txt").write_bytes(_encoded(text, encoding))
    p = mb("score", tmp_path, "-j", "1")
    recs = records(p)
    assert p.returncode == 0 and len(recs) == len(TEXTS)
    for (encoding, text), record in zip(TEXTS.items(), recs):
        assert record["chars"] == len(text), encoding
        assert (record.get("encoding") is None) == (encoding == "utf-8"), (encoding, record.get("encoding"))
        spans_slice(text, record)


# -- 1. NUL and other control characters ------------------------------------------------------
def test_nul_in_a_jsonl_text_and_after_a_files_first_8_kb(tmp_path):
    jsonl(tmp_path / "a.jsonl", {"text": "Officials said \x00 it may rain."}, {"text": "\x00may have"})
    late = "Filler sentence. " * 600 + "Officials said \x00 it may rain."
    (tmp_path / "b.txt").write_text(late, encoding="utf-8")
    p = mb("hedging", tmp_path, "-j", "1")
    recs = records(p)
    assert p.returncode == 0 and [[h["text"] for h in r["hedging"]["hits"]] for r in recs] == [["may"], ["may have"], ["may"]]
    spans_slice(late, recs[2])


# -- 2. unencodable characters --------------------------------------------------------------
def test_a_lone_surrogate_never_kills_the_batch(tmp_path):
    path = jsonl(tmp_path / "s.jsonl", r'{"id": "s1", "title": "\udfff", "text": "Officials said \ud800 it may rain."}',
                 {"id": "s2", "text": "Fine."})
    for encoding in ("utf-8", "ascii", "latin-1"):
        p = mb("score", path, env={"PYTHONIOENCODING": f"{encoding}:strict"})
        recs = [json.loads(x) for x in p.stdout.decode(encoding).splitlines()]
        assert p.returncode == 0 and [r["id"] for r in recs] == ["s1", "s2"], encoding
        assert recs[0]["title"] == "\ufffd"
        spans_slice("Officials said \ufffd it may rain.", recs[0])


@pytest.mark.skipif(sys.platform == "darwin", reason="file names must be UTF-8 there")
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "utf-8:strict"}, {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""},
                                 {"LC_ALL": "C", "PYTHONIOENCODING": ""}], ids=["strict-utf8", "C.UTF-8", "C"])
def test_a_file_name_that_is_not_utf8(tmp_path, env):
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xff.txt"), "w", encoding="utf-8") as fh:
        fh.write("The report may be wrong.")
    p = mb("score", tmp_path, env=env)
    (record,) = records(p)  # decodes as strict UTF-8: no raw 0xff byte
    assert p.returncode == 0 and record["source"].endswith("caf\\xff.txt")


# -- 3. workers and their parent: see the batch checks above -----------------------------------
# -- 4. hostile trees -------------------------------------------------------------------------
def test_an_unreadable_sub_folder_is_named_and_exits_3(tmp_path, monkeypatch):
    for name in ("a.txt", "locked/x.txt", "z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("The report may be wrong.", encoding="utf-8")
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if os.fspath(p).endswith("locked") else real(p))
    r = CliRunner().invoke(main, ["score", str(tmp_path), "-j", "1", "-f", "jsonl"])
    recs = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 3 and [("error" in x) for x in recs] == [False, False, True]
    assert f"{tmp_path / 'locked'}: cannot read folder: Permission denied" in r.stderr


@LINUX
def test_special_files_in_a_folder_never_block_the_batch(tmp_path):
    (tmp_path / "a.txt").write_text("The report may be wrong.", encoding="utf-8")
    os.mkfifo(tmp_path / "b.fifo")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "c.sock"))
    if os.geteuid() == 0:
        os.mknod(tmp_path / "d.null", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    try:
        p = mb("score", tmp_path, timeout=60)
    finally:
        sock.close()
    assert p.returncode == 0 and len(records(p)) == 1
    err = p.stderr.decode()
    assert "b.fifo: a FIFO, not read" in err and "c.sock: a socket, not read" in err
    assert os.geteuid() != 0 or "d.null: a character device, not read" in err


def test_symlinked_folders_are_reported_not_followed_and_loops_end(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("The report may be wrong.", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    p = mb("score", tmp_path, timeout=60)
    assert p.returncode == 0 and [r["source"] for r in records(p)] == [str(tmp_path / "real" / "a.txt")]
    assert p.stderr.decode().count("a symbolic link to a folder, not followed") == 2


@LINUX
def test_a_fifo_named_on_the_command_line_is_read_as_a_stream(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text("The streamed report may be wrong.", encoding="utf-8"))
    writer.start()
    p = mb("hedging", fifo, timeout=60)
    writer.join(timeout=10)
    assert p.returncode == 0 and records(p)[0]["hedging"]["count"] == 1


# -- 5. messages, not tracebacks --------------------------------------------------------------
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_a_full_disk_is_a_message_and_exit_1(fmt):
    with open("/dev/full", "w") as full:
        p = subprocess.run([sys.executable, "-m", "mediabias", "score", str(EXAMPLES), "-f", fmt, "-j", "1"],
                           stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert p.returncode == 1 and "Traceback" not in p.stderr
    assert "cannot write the output: No space left on device" in p.stderr


@pytest.mark.parametrize("content", ["[parties]\nRussia = " + "[" * 600 + '"x"' + "]" * 600,
                                     "x = " + "{a = " * 600 + "1" + "}" * 600, "[parties\n", b"\xff\xfe[parties]"],
                         ids=["600 nested arrays", "600 nested tables", "bad TOML", "not UTF-8"])
def test_a_bad_config_is_a_message_and_exit_1(tmp_path, content):
    path = tmp_path / "c.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    p = mb("score", EXAMPLES, "--config", path)
    assert p.returncode == 1 and "Traceback" not in p.stderr.decode() and str(path) in p.stderr.decode()


@LINUX
def test_a_closed_standard_output_is_a_message_and_exit_1():
    p = subprocess.run([sys.executable, "-m", "mediabias", "score", str(EXAMPLES), "-j", "1"], stderr=subprocess.PIPE,
                       text=True, timeout=120, preexec_fn=lambda: os.close(1))  # as `mediabias score ... >&-`
    assert p.returncode == 1 and p.stderr == "mediabias: cannot write the output: standard output is closed\n"


@LINUX
def test_a_closed_standard_input_is_an_error_record():
    p = subprocess.run([sys.executable, "-m", "mediabias", "score", "-"], capture_output=True, text=True, timeout=120,
                       stdin=None, preexec_fn=lambda: os.close(0))  # as `mediabias score - <&-`
    assert p.returncode == 1 and json.loads(p.stdout)["error"] == {"kind": "io", "message": "standard input is closed"}


def test_a_closed_pipe_is_quiet():
    p = subprocess.run(f"{sys.executable} -m mediabias score {EXAMPLES} {EXAMPLES} -f jsonl -j 1 | head -c 10",
                       shell=True, capture_output=True, text=True, timeout=120)
    assert p.stderr == ""


# -- 6. terminal escape injection ----------------------------------------------------------------
@pytest.mark.parametrize("args", [["score"], ["hedging"], ["sentiment"], ["sources"], ["parties"], ["readability"],
                                  ["score", "--explain"], ["compare"]], ids=" ".join)
@pytest.mark.parametrize("colour", [True, False], ids=["colour", "NO_COLOR"])
def test_articles_cannot_drive_the_terminal(tmp_path, args, colour):
    text = f"Officials said {ESCAPES} the strikes may have hit Moscow. [/x] [red]Amnesty[/red] said it was \u201cfalse\u201d."
    path = jsonl(tmp_path / "e.jsonl", {"id": "e1", "title": f"T{ESCAPES}", "text": text},
                 {"id": "e2", "title": "[/bold] two", "text": text})
    fmt = [] if "--explain" in args else ["-f", "table"]
    env = {"COLUMNS": "120", **({"FORCE_COLOR": "1", "TERM": "xterm-256color"} if colour else {"NO_COLOR": "1"})}
    p = mb(*args, path, *fmt, env=env)
    out = p.stdout.decode("utf-8")
    assert p.returncode == 0, p.stderr.decode()[-1500:]
    assert "\x1b]0;pwned" not in out and "\x1b[2J" not in out and "\x9b" not in out and "\u202e" not in out
    assert "\u241b]0;pwned" in out or args == ["readability"] or args == ["compare"]
    if not colour:
        assert "\x1b" not in out


def test_machine_formats_carry_the_text_as_read(tmp_path):
    path = jsonl(tmp_path / "e.jsonl", {"id": "e1", "title": f"T{ESCAPES}", "text": "It may be."})
    (record,) = records(mb("score", path))
    assert record["title"] == f"T{ESCAPES}"


# -- 7. quotations open across many paragraphs -----------------------------------------------
@pytest.mark.parametrize("marks", [("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"), ("``", "''")],
                         ids=lambda m: m[0])
def test_a_quotation_open_across_thousands_of_paragraphs_is_fast(marks):
    from mediabias.text.document import Document

    text = marks[0] + "It may be.\n\n" * 20_000 + marks[1]  # 240 kB: 7 s before the fix
    t0 = time.process_time()
    doc = Document(text)
    assert time.process_time() - t0 < 2
    first = doc.quotes[0]
    assert not first.closed and first.end == text.index("\n")  # it ends with its paragraph
    assert all(q.start > first.end for q in doc.quotes[1:])  # (a stray closing mark at the end is its own)


# -- 8. the disk cache -------------------------------------------------------------------------
def test_party_sets_do_not_grow_the_cache(tmp_path):
    env = {"MEDIABIAS_CACHE_DIR": str(tmp_path / "cache")}
    mb("score", EXAMPLES / "wire_service.txt", env=env)
    before = len(list((tmp_path / "cache").iterdir()))
    for k in range(5):
        assert mb("score", EXAMPLES / "wire_service.txt", "--party", f"P{k}=Estova,Drozdov{k}", env=env).returncode == 0
    assert len(list((tmp_path / "cache").iterdir())) == before


# -- 9. CSV formula guard --------------------------------------------------------------------------
def test_csv_cells_that_would_run_as_formulas_are_quoted(tmp_path):
    path = jsonl(tmp_path / "f.jsonl", {"id": "=1+2", "title": "=HYPERLINK(\"http://x\",\"y\")", "outlet": "@cmd",
                                        "text": "Russia may have lied, officials said."})
    row = next(csv.DictReader(io.StringIO(mb("score", path, "-f", "csv").stdout.decode())))
    assert row["id"] == "'=1+2" and row["title"].startswith("'=HYPERLINK") and row["outlet"] == "'@cmd"
    assert float(row["hedges_per_1k_words"]) > 0  # numbers stay numbers


# -- 10. JSONL errors where they are ----------------------------------------------------------------
def test_a_line_cut_off_is_reported_at_its_end(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "ok", "text": "Fine."}\n{"id": "x", "text":\n', encoding="utf-8")
    p = mb("score", path)
    assert p.returncode == 3 and "line 2: malformed JSON (Expecting value at column 20)" in p.stderr.decode()


# -- no batch loses the records of its other inputs -------------------------------------------------
BAD_LINES = [
    '{"id": "cut", "text":', "{oops", "[1, 2]", '{"id": "nt"}', '{"text": 5}', r'{"text": "nul \u0000 may"}',
    r'{"text": "lone \udfff may", "title": "\ud800"}', '{"text": "nan", "date": NaN}', '{"text": "inf", "date": 1e400}',
    '{"text": "big", "id": ' + "9" * 5000 + "}", '{"text": ' + "[" * 3000 + "]" * 3000 + "}",
    '{"text": "deep", "title": ' + "[" * 50 + "]" * 50 + "}", json.dumps({"text": ESCAPES + " may"}),
    json.dumps({"text": "\u201c" + "It may be.\n\n" * 500}), json.dumps({"text": "x" * 100_000}),
    json.dumps({"text": "said " * 5000}), json.dumps({"text": ["a", "list"]}),
]


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_bad_line_in_one_corpus_costs_only_itself(tmp_path, jobs):
    lines = []
    for k, bad in enumerate(BAD_LINES):
        lines += [json.dumps({"id": f"good{k}", "text": f"Article {k}. Officials said it may rain."}), bad]
    path = jsonl(tmp_path / "bad.jsonl", *lines)
    p = mb("score", path, "-j", jobs, "--max-bytes", 50_000)
    recs = records(p)
    assert len(recs) == len(lines) and p.returncode == 3
    assert all("error" not in r for r in recs[0::2]) and [r["id"] for r in recs[0::2]] == [f"good{k}" for k in range(len(BAD_LINES))]
    errors = [r["error"]["kind"] for r in recs[1::2] if "error" in r]
    assert errors == ["json", "json", "json", "field", "field", "json", "field", "too_large"]
    assert "Traceback" not in p.stderr.decode()
