"""Generated corpora through the command line (used by test_fuzz_cli.py and run_long.py)."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from fuzz_properties import problems, validator
from fuzz_strategies import articles
from hypothesis import strategies as st

from mediabias.inputs import without_lone_surrogates
from mediabias.render.safe import terminal_text

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-le", "utf-32", "cp1252", "latin-1", "koi8-r",
             "shift_jis", "gb18030"]
BROKEN_LINES = [
    '{"id": "cut", "text":', "{not json", "[1, 2]", '"just a string"', '{"id": "no text"}', '{"text": 5}',
    '{"text": "NaN date", "date": NaN}', '{"text": "big", "date": 1e400}', '{"text": ["a list", "of sentences"]}',
    '{"text": ' + "[" * 5000 + "]" * 5000 + "}", '{"text": "deep title", "title": ' + "[" * 40 + "]" * 40 + "}",
    '{"text": "x", "id": ' + "9" * 5000 + "}", "\ufeff" + '{"text": "late BOM"}', "   ",
]


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le", "replace")
    return text.encode(encoding, "replace")


@st.composite
def file_input(draw):
    text = draw(articles(surrogates=False, max_pieces=25))
    return ("file", _encode(text, draw(st.sampled_from(ENCODINGS))))


@st.composite
def jsonl_input(draw):
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(BROKEN_LINES)))
            continue
        obj = {"text": draw(articles(max_pieces=20))}
        if draw(st.booleans()):
            obj["id"] = draw(st.text(max_size=8))
        if draw(st.booleans()):
            obj["title"] = draw(st.one_of(articles(max_pieces=3), st.integers(), st.none(), st.lists(st.integers())))
        if draw(st.booleans()):
            obj["outlet"] = draw(st.sampled_from(["=HYPERLINK(\"x\")", "RT", "\x1b]0;x\x07", "\udfff", "@SUM(A1)"]))
        lines.append(json.dumps(obj, ensure_ascii=draw(st.booleans()) or _has_surrogate(obj)))
    return ("jsonl", lines)


def _has_surrogate(obj) -> bool:
    return any("\ud800" <= c <= "\udfff" for v in obj.values() if isinstance(v, str) for c in v)


@st.composite
def page_input(draw):
    """A saved web page: generated paragraphs (escaped, or not) among page furniture."""
    import html

    paragraphs = draw(st.lists(articles(surrogates=False, max_pieces=8), max_size=8))
    escape = draw(st.booleans())
    body = "".join(f"<p>{html.escape(p) if escape else p}</p>" for p in paragraphs)
    page = (f"<!doctype html><html><head><title>{html.escape(paragraphs[0][:40]) if paragraphs else ''}</title></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>{body}</article>"
            "<footer>Share this story. Subscribe.</footer></body></html>")
    return ("page", page.encode("utf-8", "surrogatepass"))


corpora = st.lists(st.one_of(file_input(), jsonl_input(), page_input()), min_size=1, max_size=12)
_SUFFIX = {"file": "txt", "jsonl": "jsonl", "page": "html"}


def _write(root: Path, corpus) -> list[tuple[str, str | None]]:
    """Write the corpus (a third of it in a sub-folder); the expected records in
    input order: (source, text as JSON read it, None for a text file, "page" for a web page)."""
    expected = []
    plan = []
    for i, (kind, data) in enumerate(corpus):
        folder = root / "sub" if i % 3 == 2 else root
        folder.mkdir(exist_ok=True)
        plan.append((folder, f"{i:02d}.{_SUFFIX[kind]}", kind, data))
    # the walk's order: a folder's files by name, then its sub-folders
    plan.sort(key=lambda p: (p[0] != root, p[1]))
    for folder, name, kind, data in plan:
        path = folder / name
        if kind in ("file", "page"):
            path.write_bytes(data)
            expected.append((str(path), None if kind == "file" else "page"))
            continue
        path.write_text("\n".join(data) + "\n", encoding="utf-8", errors="surrogatepass")
        for n, line in enumerate(data, 1):
            line = line.removeprefix("\ufeff")  # json reads a UTF-8 byte-order mark before a line's bytes
            if not line.strip():
                continue
            try:
                obj = json.loads(line, parse_int=str, parse_float=str, parse_constant=str)
            except (ValueError, RecursionError):
                obj = None
            text = obj.get("text") if isinstance(obj, dict) else None
            if isinstance(text, list):
                text = "\n".join(text)
            expected.append((f"{path}:{n}", without_lone_surrogates(text) if isinstance(text, str) else None))
    return expected


def _decoded(path: str, encoding: str | None) -> str:
    data = Path(path).read_bytes()
    return data.decode(encoding or "utf-8", "replace")  # utf-8-sig and utf-16 remove their byte-order mark


def score(root: Path, jobs: int) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "mediabias", "score", str(root), "--format", "jsonl", "-j", str(jobs)]
    return subprocess.run(cmd, capture_output=True, timeout=600, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def check_corpus(corpus, jobs: int = 2, twice: bool = False) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        expected = _write(root, corpus)
        p = score(root, jobs)
        lines = p.stdout.decode("utf-8").splitlines()  # strict: output is valid UTF-8
        records = [json.loads(line) for line in lines]
        assert len(records) == len(expected), (p.returncode, p.stderr.decode()[-2000:])
        failed = [r for r in records if "error" in r]
        want = 0 if not failed else 1 if len(failed) == len(records) else 3
        assert p.returncode == want, (p.returncode, p.stderr.decode()[-2000:])
        for (source, text), record in zip(expected, records):
            assert record["source"] == source
            if "error" in record:
                # each failure is on standard error: its own line, or (a message repeated for many
                # inputs, line numbers aside) the one line that sums them up
                message = terminal_text(record["error"]["message"])
                err = p.stderr.decode("utf-8", "replace")
                assert message in err or re.sub(r"^line \d+: ", "", message) in err
                continue
            if text == "page":  # the text analysed is what the extractor kept: the record alone is checked
                assert [e.message for e in validator().iter_errors(record)] == [], source
                continue
            if text is None:
                text = _decoded(source, record.get("encoding"))
            assert problems(text, record) == [], source
        if twice:
            assert score(root, 1 if jobs == 2 else 2).stdout == p.stdout


VIEWS = (["score", "-f", "table"], ["hedging", "-f", "table"], ["sentiment", "-f", "table"], ["sources", "-f", "table"],
         ["parties", "-f", "table"], ["score", "--explain"])


def check_views(text: str, view: int, colour: bool) -> None:
    """A terminal view of any article exits 0 and carries none of the article's
    escape sequences (in-process, through click's runner: the text arrives on stdin)."""
    from click.testing import CliRunner

    from mediabias.cli import main

    env = {"COLUMNS": "100", **({"FORCE_COLOR": "1", "TERM": "xterm-256color"} if colour else {"NO_COLOR": "1"})}
    r = CliRunner().invoke(main, [*VIEWS[view], "-", "-j", "1"], input=text.encode("utf-8"), env=env)
    assert r.exit_code in (0, 1), (r.exit_code, r.output[-2000:], r.exception)  # 1: binary-looking input
    out = r.stdout
    assert "\x1b]" not in out and "\x9b" not in out and "\u202e" not in out and "\x07" not in out
    if not colour:
        assert "\x1b" not in out
