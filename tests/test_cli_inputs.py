"""What the command line does with its inputs: outlets for plain files,
nothing to analyse, a corpus read with the wrong text field, and the
per-hit CSV and config outputs."""

import csv
import io
import json
import tomllib

from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from mediabias.cli import main

WIRE = (EXAMPLES / "wire_service.txt").read_text(encoding="utf-8")


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, env={"COLUMNS": "200"})


def records(result):
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_outlet_names_every_input_and_labels_the_comparison(tmp_path):
    r = run("score", EXAMPLES / "wire_service.txt", "--outlet", "Continental Press")
    assert records(r)[0]["outlet"] == "Continental Press"
    r = run("compare", EXAMPLES, "--meta", ROOT / "examples" / "meta.csv", "--format", "json", "-j", "1")
    labels = [a["label"] for a in json.loads(r.stdout)["articles"]]
    assert labels == ["The Civic Ledger", "Policy Lens", "Estova Today", "Continental Press Agency"]


def test_outlet_from_dir_takes_the_first_folder_under_the_one_given(tmp_path):
    for path in ("RT/2015/a.txt", "Reuters/b.txt", "loose.txt"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(WIRE, encoding="utf-8")
    r = run("score", tmp_path, "--outlet-from-dir", "-j", "1")
    assert [(x["id"].rsplit("/", 1)[-1], x["outlet"]) for x in records(r)] == [
        ("loose.txt", tmp_path.name), ("a.txt", "RT"), ("b.txt", "Reuters")]
    r = run("score", tmp_path / "Reuters" / "b.txt", "--outlet-from-dir")
    assert records(r)[0]["outlet"] == "Reuters"  # a file given by itself: its folder


def test_meta_csv_by_path_or_id_wins_over_the_corpus_and_reports_what_it_did_not_use(tmp_path):
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "meta.csv").write_text("path,outlet,date\na.txt,Wire,2025-03-14\nnot_there.txt,X,\n", encoding="utf-8")
    r = run("score", tmp_path / "a.txt", "--meta", tmp_path / "meta.csv")
    assert r.exit_code == 0
    assert records(r)[0]["outlet"] == "Wire" and records(r)[0]["date"] == "2025-03-14"
    assert "1 row(s) matched no input (line 3)" in r.stderr
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x1", "text": WIRE, "outlet": "Old"}) + "\n", encoding="utf-8")
    (tmp_path / "ids.csv").write_text("id,outlet\nx1,New\n", encoding="utf-8")
    assert records(run("score", corpus, "--meta", tmp_path / "ids.csv"))[0]["outlet"] == "New"
    (tmp_path / "bad.csv").write_text("path,publisher\na.txt,Wire\n", encoding="utf-8")
    r = run("score", tmp_path / "a.txt", "--meta", tmp_path / "bad.csv")
    assert r.exit_code == 1 and "unknown column(s) publisher" in r.stderr


def test_nothing_to_analyse_is_exit_1_with_the_reason(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "report.png").write_bytes(b"\x89PNG")
    (tmp_path / "none.jsonl").write_text("\n", encoding="utf-8")
    for args, why in (([tmp_path / "empty"], "is an empty folder"),
                      ([tmp_path / "other"], "no article files in"),
                      ([EXAMPLES, "--glob", "*.pdf"], "no file in"),
                      (["-"], "standard input is empty"),
                      ([tmp_path / "none.jsonl"], "holds no JSON lines")):
        for command in ("score", "report"):
            extra = ["-o", tmp_path / "r.html"] if command == "report" else []
            r = run(command, *args, *extra, input="")
            assert r.exit_code == 1 and "nothing to analyse" in r.stderr and why in r.stderr, (command, args, r.stderr)
            assert r.stdout == "" and "single" not in r.stderr
    assert not (tmp_path / "r.html").exists()


def test_a_folder_is_its_article_files(tmp_path):
    r = run("score", ROOT / "examples", "-j", "1")  # articles/, parties.toml, meta.csv, to_pandas.py, report.png
    assert r.exit_code == 0, r.stderr
    assert sorted(x["id"].rsplit("/", 1)[-1] for x in records(r)) == sorted(p.name for p in EXAMPLES.glob("*.txt"))


def test_the_wrong_text_field_is_one_error_with_a_hint(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "content": WIRE, "url": "http://x"}) + "\n" for i in range(40)),
                      encoding="utf-8")
    r = run("score", corpus, "-j", "1")
    assert r.exit_code == 1
    lines = r.stderr.splitlines()
    assert len(lines) == 3, lines
    assert "field 'text' is missing (text is in: content; see --text-field)" in lines[0]
    assert lines[1].startswith("mediabias: 39 more input(s) failed the same way") and "40 of 40" in lines[2]


def test_hedging_and_sources_csv_have_a_row_per_hit_and_citation():
    text = (EXAMPLES / "state_broadcaster.txt").read_text(encoding="utf-8")
    r = run("hedging", EXAMPLES / "state_broadcaster.txt", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    rec = records(run("hedging", EXAMPLES / "state_broadcaster.txt"))[0]
    assert len(rows) == len(rec["hedging"]["hits"]) > 3
    for row, hit in zip(rows, rec["hedging"]["hits"]):
        assert text[int(row["start"]):int(row["end"])] == row["text"] == hit["text"]
        assert row["category"] == hit["category"]
    r = run("sources", EXAMPLES / "state_broadcaster.txt", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    rec = records(run("sources", EXAMPLES / "state_broadcaster.txt"))[0]
    assert len(rows) == len(rec["sources"]["citations"]) > 3
    for row in rows:
        if row["content_start"]:
            assert row["content"] == " ".join(text[int(row["content_start"]):int(row["content_end"])].split())
        if row["cue_start"]:
            assert text[int(row["cue_start"]):int(row["cue_end"])] == row["cue"]
        if row["source_start"]:
            assert text[int(row["source_start"]):int(row["source_end"])] == row["source_text"]


def test_parties_toml_is_a_config_that_loads_with_each_alias_once(tmp_path, seeds):
    r = run("parties", seeds, "--format", "toml", "-j", "1")
    assert r.exit_code == 0
    config = tomllib.loads(r.stdout)["parties"]
    aliases = [a for names in config.values() for a in names]
    assert len(aliases) == len(set(aliases))  # "ngo" was under two parties
    assert all(a != a.lower() for a in aliases)  # no lower-case alias that matches anywhere
    (tmp_path / "p.toml").write_text(r.stdout, encoding="utf-8")
    r = run("score", seeds, "--config", tmp_path / "p.toml", "-j", "1")
    assert r.exit_code == 0 and len(records(r)) == 5
