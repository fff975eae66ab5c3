"""What is written can always be written, never drives the terminal, and never
runs in a spreadsheet (mediabias/render/safe.py, mediabias/render/records.py)."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from mediabias.cli import main
from mediabias.render import records
from mediabias.render.safe import cell, terminal_text, terminal_value, writable

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\x9b31m\u202e\r\x08\x00\x7f\ud800"


# -- terminal_text -------------------------------------------------------------------------
def test_terminal_text_replaces_every_obeyed_control_one_for_one():
    out = terminal_text(ESCAPES)
    assert len(out) == len(ESCAPES)
    assert out == "\u241b]0;pwned\u2407\u241b[2J\u241b[31m\ufffd31m\ufffd \u2408\u2400\u2421\ufffd"
    for c in range(0x110000):
        ch = chr(c)
        if terminal_text(ch) == ch:
            assert ch in "\n\t" or (c >= 0x20 and not 0x7F <= c < 0xA0 and not 0xD800 <= c < 0xE000
                                    and not 0x202A <= c <= 0x202E and not 0x2066 <= c <= 0x2069)


def test_plain_text_and_line_breaks_are_left_alone():
    text = "Line one,\ttab.\nLine two: «naïve» — \u0627\u0644\u0639\u0631\u0628\u064a\u0629 \U0001f600 \u0301"
    assert terminal_text(text) is text


def test_terminal_value_copies_a_record_with_every_string_cleaned():
    record = {"id": "a\x1b", "sentiment": {"parties": [{"name": "R\x1b[1m", "score": -0.5, "evidence": []}]},
              "x\x07": None}
    out = terminal_value(record)
    assert out == {"id": "a\u241b", "sentiment": {"parties": [{"name": "R\u241b[1m", "score": -0.5, "evidence": []}]},
                   "x\u2407": None}
    assert record["id"] == "a\x1b"  # the record itself is untouched


def test_cell_is_never_markup():
    t = cell("[/x] [red]Moscow[/red]\x1b", style="bold")
    assert t.plain == "[/x] [red]Moscow[/red]\u241b" and str(t.style) == "bold"


# -- writable ------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "latin-1", "ascii", "cp1252"])
def test_no_character_can_fail_a_write_and_json_stays_valid(encoding):
    raw = io.BytesIO()
    stream = writable(io.TextIOWrapper(raw, encoding=encoding, errors="strict"))
    record = {"text": "lone \udfff surrogate, dash \u2014, emoji \U0001f600, é", "n": 1}
    stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    stream.flush()
    back = json.loads(raw.getvalue().decode(encoding))
    assert back == {"text": "lone \ufffd surrogate, dash \u2014, emoji \U0001f600, é", "n": 1}


def test_writable_leaves_a_stream_without_reconfigure_alone():
    s = io.StringIO()
    assert writable(s) is s


# -- CSV -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value,written", [
    ("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"),
    ("+1+2", "'+1+2"), ("-1+2", "'-1+2"), ("@SUM(A1:A2)", "'@SUM(A1:A2)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("-0.57", "-0.57"), ("+3", "+3"), ("1e-5", "1e-5"), ("RT", "RT"), ("", ""), (-0.57, -0.57), (12, 12),
])
def test_csv_cell_quotes_what_a_spreadsheet_would_run(value, written):
    assert records.csv_cell(value) == written


def test_csv_rows_are_guarded_and_numbers_stay_numbers():
    record = {"id": "=cmd|' /C calc'!A0", "source": "s", "title": "@risk", "outlet": "-2+3", "words": 10,
              "sentiment": {"parties": [{"name": "+Party", "mentions": 2, "score": -0.57, "label": "negative"}]}}
    buf = io.StringIO()
    records.write_csv([record], buf, lambda r: None)
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["id"] == "'=cmd|' /C calc'!A0" and row["title"] == "'@risk" and row["outlet"] == "'-2+3"
    assert row["party1"] == "'+Party" and row["party1_score"] == "-0.57" and row["words"] == "10"


def test_compare_csv_is_guarded(tmp_path):
    for name, outlet in (("a.jsonl", "=EVIL()"), ("b.jsonl", "Good")):
        (tmp_path / name).write_text(json.dumps({"outlet": outlet, "text": "Russia may have lied, officials said."}) + "\n",
                                     encoding="utf-8")
    r = CliRunner().invoke(main, ["compare", str(tmp_path), "--format", "csv"])
    articles = {row["article"] for row in csv.DictReader(io.StringIO(r.stdout))}
    assert articles == {"'=EVIL()", "Good"}


# -- records are counted once written -------------------------------------------------------
class _Boom:
    """Serialising it raises KeyboardInterrupt, as Ctrl-C would while a line is being built."""


def _default(o):
    raise KeyboardInterrupt


@pytest.mark.parametrize("writer", ["jsonl", "json", "csv"])
def test_a_record_is_counted_only_once_its_text_is_written(writer, monkeypatch):
    # the count behind "interrupted after N input(s)" was taken before the line was built,
    # so an interrupt while building it reported N+1 with N lines written
    ok = [{"id": f"r{k}", "source": "s", "words": 1} for k in range(3)]
    if writer == "csv":
        monkeypatch.setattr(records, "csv_row", lambda r: (_default(r) if r.get("boom") else [r["id"]]))
        bad = {"id": "x", "boom": True}
    else:
        real = json.dumps
        monkeypatch.setattr(records.json, "dumps", lambda o, **k: real(o, default=_default, **k))
        bad = {"id": "x", "boom": _Boom()}
    counted = []
    out = io.StringIO()
    write = {"jsonl": records.write_jsonl, "json": records.write_json, "csv": records.write_csv}[writer]
    with pytest.raises(KeyboardInterrupt):
        write(iter(ok + [bad]), out, counted.append)
    assert [r["id"] for r in counted] == ["r0", "r1", "r2"]
    if writer == "jsonl":
        assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["r0", "r1", "r2"]


@pytest.mark.parametrize("writer", ["jsonl", "json"])
def test_one_record_is_one_line_for_any_line_reader(writer):
    # U+0085, U+2028 and U+2029 are line breaks to Python's str.splitlines (and were to
    # JavaScript): inside a JSON string they are written as escapes
    rec = {"id": "x", "title": "a\x85b\u2028c\u2029d"}
    out = io.StringIO()
    {"jsonl": records.write_jsonl, "json": records.write_json}[writer]([rec], out, lambda r: None)
    text = out.getvalue()
    assert "\x85" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == rec
    if writer == "jsonl":
        assert len(text.splitlines()) == 1
