import csv
import io
import json
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT
from mediabias import __version__, analyze
from mediabias.cli import main

COMMANDS = ["score", "hedging", "sentiment", "sources", "readability", "compare", "report", "summarize"]


def run(*args, input=None):
    runner = CliRunner()
    return runner.invoke(main, list(args), input=input, catch_exceptions=False, env={"COLUMNS": "200"})


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.output


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help_with_examples_and_exit_codes(cmd):
    r = run(cmd, "--help")
    assert r.exit_code == 0
    assert "Examples:" in r.output and "Exit codes:" in r.output
    assert f"mediabias {cmd}" in r.output


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_is_in_the_readme(cmd):
    assert f"mediabias {cmd}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_jsonl_is_the_default_when_piped_and_matches_the_api():
    path = EXAMPLES / "wire_service.txt"
    r = run("score", str(path), "-j", "1")
    assert r.exit_code == 0
    records = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(records) == 1
    text = path.read_text(encoding="utf-8")
    want = analyze(text, id=str(path), source=str(path)).to_dict()
    assert records[0] == json.loads(json.dumps(want))


def test_json_is_one_object_for_one_article_and_a_list_for_several():
    r = run("hedging", str(EXAMPLES / "wire_service.txt"), "--format", "json")
    obj = json.loads(r.stdout)
    assert isinstance(obj, dict) and "hedging" in obj and "sentiment" not in obj
    r = run("hedging", str(EXAMPLES), "--format", "json")
    arr = json.loads(r.stdout)
    assert isinstance(arr, list) and len(arr) == len(list(EXAMPLES.glob("*.txt")))
    assert [a["id"] for a in arr] == sorted(a["id"] for a in arr)


def test_csv_loads_as_one_flat_row_per_article():
    r = run("score", str(EXAMPLES), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert len(rows) == 4
    assert {"id", "words", "hedges_per_1k_words", "attributions_per_100_words", "party1", "flesch_reading_ease"} <= set(rows[0])
    assert all(int(row["words"]) > 200 for row in rows)


def test_table_output_shows_every_article():
    r = run("score", str(EXAMPLES), "--format", "table")
    assert r.exit_code == 0
    for p in EXAMPLES.glob("*.txt"):
        assert p.name in r.stdout


@pytest.mark.parametrize("cmd", ["hedging", "sentiment", "sources", "readability"])
def test_detail_tables_render(cmd):
    r = run(cmd, str(EXAMPLES / "state_broadcaster.txt"), "--format", "table")
    assert r.exit_code == 0 and r.stdout.strip()


def test_stdin():
    r = run("hedging", "-", input="The report may be wrong.")
    rec = json.loads(r.stdout)
    assert rec["source"] == "<stdin>" and rec["hedging"]["count"] == 1


def test_missing_path_is_a_usage_error_naming_it():
    r = run("score", "no/such/file.txt")
    assert r.exit_code == 2 and "no/such/file.txt" in r.stderr


def test_bad_party_spec_is_a_usage_error():
    r = run("score", str(EXAMPLES), "--party", "=Russia")
    assert r.exit_code == 2 and "=Russia" in r.stderr
    r = run("score", str(EXAMPLES), "--party", "Russia=Russia,,Moscow")
    assert r.exit_code == 2 and "empty alias" in r.stderr


def test_bad_config_names_file_and_key(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('[parties]\nRussia = 5\n', encoding="utf-8")
    r = run("score", str(EXAMPLES), "--config", str(cfg))
    assert r.exit_code == 1 and str(cfg) in r.stderr and "parties.Russia" in r.stderr


def test_party_option_defines_parties(tmp_path):
    r = run("sentiment", str(EXAMPLES / "wire_service.txt"), "--party", "Estova=Estova,Estova's,Drozdov", "--format", "json")
    rec = json.loads(r.stdout)
    assert [p["name"] for p in rec["sentiment"]["parties"]] == ["Estova"]
    assert rec["sentiment"]["parties"][0]["mentions"] >= 3


def test_batch_with_bad_inputs_exits_3_and_keeps_the_others(tmp_path):
    (tmp_path / "a.txt").write_text("The report may be wrong.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text('{"text": "Fine."}\n{oops\n', encoding="utf-8")
    r = run("score", str(tmp_path), "-j", "1")
    assert r.exit_code == 3
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [("error" in x) for x in recs] == [False, True, False, False, True]
    assert recs[2]["words"] == 0 and recs[2]["hedging"]["per_1k_words"] is None
    assert recs[4]["source"].endswith("d.jsonl:2")
    assert re.search(r"b\.txt: binary data", r.stderr)
    assert "d.jsonl:2: line 2: malformed JSON" in r.stderr
    assert "2 of 5 input(s) failed" in r.stderr


def test_all_inputs_failing_exits_1(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x00" * 100)
    r = run("score", str(tmp_path / "b.txt"))
    assert r.exit_code == 1


def test_parallel_batch_keeps_input_order(tmp_path):
    for i in range(20):
        (tmp_path / f"{i:02d}.txt").write_text(f"Article {i} may be short. " * (i + 1), encoding="utf-8")
    r = run("hedging", str(tmp_path), "-j", "2")
    ids = [json.loads(line)["id"] for line in r.stdout.splitlines()]
    assert ids == sorted(ids) and len(ids) == 20
    serial = run("hedging", str(tmp_path), "-j", "1")
    assert serial.stdout == r.stdout


def test_module_entry_point_and_broken_pipe():
    p = subprocess.run(
        f"{sys.executable} -m mediabias score {EXAMPLES} {EXAMPLES} {EXAMPLES} -f jsonl -j 1 | head -c 10",
        shell=True, capture_output=True, text=True,
    )
    assert p.stderr == ""


def test_parties_csv_has_one_row_per_party():
    r = run("parties", str(EXAMPLES / "wire_service.txt"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and set(rows[0]) == {"id", "source", "party", "kind", "affiliation", "mentions", "aliases", "error"}
    by_name = {row["party"]: row for row in rows}
    assert int(by_name["United Nations"]["mentions"]) == 2
    assert by_name["United Nations"]["aliases"] == "United Nations (1); U.N. (1)"
