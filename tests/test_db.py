"""The results database (--db): what it stores, how a rerun skips what is
stored without analysing it, how an interrupted run resumes to the same
database as a clean run, and how bad database files are refused."""

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
import mediabias
import mediabias.batch
import mediabias.db
from mediabias.cli import main

TABLES = ("articles", "parties", "hedges", "citations")


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env={"COLUMNS": "200", **(env or {})})


def corpus(path: Path, n: int, offset: int = 0, paragraphs_each: int = 1) -> Path:
    """``n`` short articles made from the example articles' paragraphs, each a little different."""
    paragraphs = [p for f in sorted(EXAMPLES.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")
                  if len(p.split()) > 25]
    outlets = ["Wire", "Broadcaster", "Advocacy", "Analysis"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(offset, offset + n):
            text = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(paragraphs_each))
            text += f"\n\nOfficials said on day {i} that it may rain."
            fh.write(json.dumps({"id": f"a{i:04d}", "text": text, "outlet": outlets[i % 4], "date": f"2024-0{1 + i % 3}-1{i % 9}"}) + "\n")
    return path


def dump(db: Path) -> dict[str, list]:
    """Every row of every table, sorted: two databases with the same content compare equal."""
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()


def test_schema_rows_and_a_plain_sqlite_query(tmp_path):
    db = tmp_path / "results.sqlite"
    r = run("score", EXAMPLES, "--db", db, "--format", "jsonl", "-j", "1")
    assert r.exit_code == 0, r.output
    records = {rec["id"]: rec for rec in map(json.loads, r.stdout.splitlines())}
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = conn.execute("SELECT id, words, hedges_per_1k_words, attributions_per_100_words, flesch_reading_ease, record "
                        "FROM articles ORDER BY id").fetchall()
    assert [row[0] for row in rows] == sorted(records)
    for article_id, words, hedges, attributions, fre, text in rows:
        rec = records[article_id]
        assert json.loads(text) == rec
        assert (words, hedges, attributions, fre) == (rec["words"], rec["hedging"]["per_1k_words"],
                                                      rec["sources"]["per_100_words"], rec["readability"]["flesch_reading_ease"])
        n_hedges = conn.execute("SELECT count(*) FROM hedges WHERE article_id = ?", (article_id,)).fetchone()[0]
        assert n_hedges == len(rec["hedging"]["hits"])
        n_citations = conn.execute("SELECT count(*) FROM citations WHERE article_id = ?", (article_id,)).fetchone()[0]
        assert n_citations == len(rec["sources"]["citations"])
        parties = dict(conn.execute("SELECT name, mentions FROM parties WHERE article_id = ? AND mentions > 0",
                                    (article_id,)).fetchall())
        assert parties == {p["name"]: p["mentions"] for p in rec["sentiment"]["parties"] if p["mentions"]}
    # a hedge row's span is the text it names
    text = (EXAMPLES / "state_broadcaster.txt").read_text(encoding="utf-8")
    for start, end, span in conn.execute("SELECT char_start, char_end, text FROM hedges WHERE article_id LIKE ?",
                                         ("%state_broadcaster.txt",)):
        assert text[start:end] == span
    indexes = {row[1] for row in conn.execute("PRAGMA index_list(articles)")}
    assert {"articles_outlet", "articles_date"} <= indexes
    conn.close()


def test_pandas_reads_the_tables_as_they_are(tmp_path):
    pd = pytest.importorskip("pandas")
    db = tmp_path / "results.sqlite"
    assert run("score", EXAMPLES, "--db", db, "-j", "1", "--format", "csv").exit_code == 0
    conn = sqlite3.connect(db)
    frame = pd.read_sql("SELECT a.id, p.name, p.mentions FROM articles a JOIN parties p ON p.article_id = a.id", conn)
    assert len(frame) > 4 and set(frame.columns) == {"id", "name", "mentions"}


def test_a_rerun_analyses_only_what_is_not_stored(tmp_path, monkeypatch):
    calls = []
    analyze_item = mediabias.batch.analyze_item
    monkeypatch.setattr(mediabias.batch, "analyze_item", lambda item, *a: calls.append(item.id) or analyze_item(item, *a))
    folder = tmp_path / "articles"
    folder.mkdir()
    for f in EXAMPLES.glob("*.txt"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "results.sqlite"
    first = run("score", folder, "--db", db, "--format", "jsonl", "-j", "1")
    assert first.exit_code == 0 and len(calls) == 4
    assert "4 new record(s) written, 0 already stored" in first.stderr
    calls.clear()
    again = run("score", folder, "--db", db, "--format", "jsonl", "-j", "1")
    assert again.exit_code == 0 and calls == []
    assert again.stdout == first.stdout  # the stored records, as a clean run prints them
    assert "0 new record(s) written, 4 already stored and not analysed again" in again.stderr
    # one article edited: only it is analysed; its old version stays under its old hash
    edited = folder / "wire_service.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOfficials said it may rain.\n", encoding="utf-8")
    assert run("score", folder, "--db", db, "-j", "1", "--format", "jsonl").exit_code == 0
    assert [Path(c).name for c in calls] == ["wire_service.txt"]
    calls.clear()
    # --force analyses everything again; other settings (a party list) are a different analysis
    assert run("score", folder, "--db", db, "-j", "1", "--force", "--format", "jsonl").exit_code == 0
    assert len(calls) == 4
    calls.clear()
    assert run("score", folder, "--db", db, "-j", "1", "--party", "Estova=Estova", "--format", "jsonl").exit_code == 0
    assert len(calls) == 4
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (5, 4)


def test_changed_input_fields_update_the_stored_record_without_analysis(tmp_path, monkeypatch):
    calls = []
    analyze_item = mediabias.batch.analyze_item
    monkeypatch.setattr(mediabias.batch, "analyze_item", lambda item, *a: calls.append(item.id) or analyze_item(item, *a))
    path = corpus(tmp_path / "c.jsonl", 3)
    db = tmp_path / "r.sqlite"
    assert run("score", path, "--db", db, "-j", "1", "--format", "jsonl").exit_code == 0
    calls.clear()
    r = run("score", path, "--db", db, "-j", "1", "--format", "jsonl", "--field", "outlet=date")
    assert r.exit_code == 0 and calls == []
    fresh = run("score", path, "-j", "1", "--format", "jsonl", "--field", "outlet=date")
    assert r.stdout == fresh.stdout
    conn = sqlite3.connect(db)
    assert [row[0] for row in conn.execute("SELECT outlet FROM articles ORDER BY id")] == ["2024-01-10", "2024-02-11", "2024-03-12"]


def test_parallel_rerun_fills_in_only_the_missing_articles_in_input_order(tmp_path):
    db = tmp_path / "r.sqlite"
    part = corpus(tmp_path / "part.jsonl", 12)
    whole = corpus(tmp_path / "whole.jsonl", 30)
    assert run("score", part, "--db", db, "-j", "2", "--format", "jsonl").exit_code == 0
    r = run("score", whole, "--db", db, "-j", "2", "--format", "jsonl")
    assert r.exit_code == 0
    assert "18 new record(s) written, 12 already stored and not analysed again (12 with new input fields" in r.stderr
    clean = run("score", whole, "-j", "2", "--format", "jsonl")
    assert r.stdout == clean.stdout
    clean_db = tmp_path / "clean.sqlite"
    assert run("score", whole, "--db", clean_db, "-j", "2", "--format", "jsonl").exit_code == 0
    assert dump(db) == dump(clean_db)


def _cli(*args):
    return [sys.executable, "-m", "mediabias", *map(str, args)]


def test_a_killed_run_resumes_to_the_database_of_a_clean_run(tmp_path):
    total = 1500  # several commits' worth (one every 500 records or half a second), so the kill falls mid-run
    path = corpus(tmp_path / "c.jsonl", total, paragraphs_each=4)
    db = tmp_path / "killed.sqlite"
    proc = subprocess.Popen(_cli("score", path, "--db", db, "-j", "2", "--format", "jsonl"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stored = 0
    deadline = time.monotonic() + 120
    while stored == 0 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            pass  # not created yet
    proc.kill()  # SIGKILL: no chance to commit anything more
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < kept < total
    rerun = subprocess.run(_cli("score", path, "--db", db, "-j", "2", "--format", "jsonl"), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - kept:,} new record(s) written, {kept:,} already stored and not analysed again\n" in rerun.stderr
    clean = tmp_path / "clean.sqlite"
    assert subprocess.run(_cli("score", path, "--db", clean, "-j", "2", "--format", "jsonl"),
                          capture_output=True).returncode == 0
    assert dump(db) == dump(clean)
    assert len(dump(db)["articles"]) == total


def test_ctrl_c_keeps_every_record_already_printed(tmp_path):
    path = corpus(tmp_path / "c.jsonl", 400)
    db = tmp_path / "r.sqlite"
    proc = subprocess.Popen(_cli("score", path, "--db", db, "-j", "1", "--format", "jsonl"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = [proc.stdout.readline() for _ in range(20)]
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    printed = len(lines) + len(rest.splitlines())
    with sqlite3.connect(db) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY id")]
    assert printed <= len(ids) <= printed + 1
    assert ids == [f"a{i:04d}" for i in range(len(ids))]


def test_a_corrupt_file_is_an_error_naming_it_and_is_left_as_it_was(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_bytes(b"these are my notes, not a database\n" * 100)
    before = bad.read_bytes()
    r = run("score", EXAMPLES, "--db", bad, "-j", "1")
    assert r.exit_code == 1 and str(bad) in r.stderr and "not a usable SQLite database" in r.stderr
    assert bad.read_bytes() == before
    truncated = tmp_path / "cut.sqlite"
    assert run("score", EXAMPLES, "--db", truncated, "-j", "1", "--format", "jsonl").exit_code == 0
    truncated.write_bytes(truncated.read_bytes()[:3000])
    before = truncated.read_bytes()
    r = run("summarize", "--db", truncated)
    assert r.exit_code == 1 and str(truncated) in r.stderr
    assert truncated.read_bytes() == before


def test_another_programs_database_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE articles (id TEXT, body TEXT)")
        conn.execute("INSERT INTO articles VALUES ('x', 'y')")
    r = run("score", EXAMPLES, "--db", other, "-j", "1")
    assert r.exit_code == 1 and "database of something else" in r.stderr and str(other) in r.stderr
    with sqlite3.connect(other) as conn:
        assert conn.execute("SELECT * FROM articles").fetchall() == [("x", "y")]


def test_a_locked_database_is_an_error_naming_it(tmp_path, monkeypatch):
    db = tmp_path / "r.sqlite"
    assert run("score", EXAMPLES, "--db", db, "-j", "1", "--format", "jsonl").exit_code == 0
    monkeypatch.setattr(mediabias.db, "LOCK_TIMEOUT", 0.2)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        r = run("score", EXAMPLES, "--db", db, "-j", "1", "--force")
        assert r.exit_code == 1 and "locked" in r.stderr and str(db) in r.stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(dump(db)["articles"]) == 4


def test_force_and_a_missing_database(tmp_path):
    r = run("score", EXAMPLES, "--force")
    assert r.exit_code == 2 and "--force needs --db" in r.output
    r = run("summarize", "--db", tmp_path / "none.sqlite")
    assert r.exit_code == 1 and "no such file" in r.stderr
    assert not (tmp_path / "none.sqlite").exists()
    r = run("score", EXAMPLES, "--db", tmp_path)
    assert r.exit_code == 2 and "is a directory" in r.output
    r = run("score", EXAMPLES, "--db", tmp_path / "d.sqlite", "--engine", "dask", "--output-dir", tmp_path / "out")
    assert r.exit_code == 2 and "--db cannot be combined with --engine dask" in r.output
    assert not (tmp_path / "d.sqlite").exists()


def test_the_measure_commands_write_their_block(tmp_path):
    db = tmp_path / "r.sqlite"
    assert run("hedging", EXAMPLES, "--db", db, "-j", "1", "--format", "jsonl").exit_code == 0
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT hedges_per_1k_words, attributions_per_100_words, record FROM articles LIMIT 1").fetchone()
    assert row[0] is not None and row[1] is None and "sources" not in json.loads(row[2])
    # a score run is another analysis (other measures): it replaces the rows
    assert run("score", EXAMPLES, "--db", db, "-j", "1", "--format", "jsonl").exit_code == 0
    assert conn.execute("SELECT count(*), count(attributions_per_100_words) FROM articles").fetchone() == (4, 4)


def test_lone_surrogates_are_stored_as_replacement_characters(tmp_path):
    """A JSON escape such as \\udfff in a corpus gives text SQLite cannot hold: stored with U+FFFD."""
    from mediabias.db import ResultsDB, text_hash
    from mediabias.inputs import Item

    text = "Officials said the \udfff strikes may have hit a market."
    item = Item("s\ud800", "c.jsonl:1", text=text, meta={"outlet": "X\udfff"})
    record = mediabias.analyze(text, id=item.id, source=item.source, meta=item.meta).to_dict()
    store = ResultsDB(tmp_path / "r.sqlite", settings="s")
    store.add(item, record)
    store.close()
    with sqlite3.connect(tmp_path / "r.sqlite") as conn:
        row = conn.execute("SELECT id, text_hash, outlet, record FROM articles").fetchone()
    assert row[:3] == ("s\ufffd", text_hash(text), "X\ufffd")
    assert json.loads(row[3])["outlet"] == "X\ufffd"
    again = ResultsDB(tmp_path / "r.sqlite", settings="s")
    assert again.lookup(item)["words"] == record["words"]  # found again under the same key


def test_the_readme_documents_every_table_and_column(tmp_path):
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### A results database that resumes"):readme.index("### Saved web pages")]
    db = tmp_path / "r.sqlite"
    assert run("score", EXAMPLES, "--db", db, "-j", "1", "--format", "jsonl").exit_code == 0
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert set(tables) == {*TABLES, "mediabias_meta"}
    for table in tables:
        row = next(line for line in section.splitlines() if line.startswith(f"| `{table}` |"))
        for column in (r[1] for r in conn.execute(f"PRAGMA table_info({table})")):
            if column in ("article_id", "text_hash", "n", "id", "key", "value"):
                continue  # the keys, described in the text
            assert f"`{column}`" in row, (table, column)
