"""The mention gold-set harness (benchmarks/mentions_accuracy.py) on a tiny data folder written here,
and the shipped gold set's integrity against the shared data."""

import csv
import json
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import mentions_accuracy as acc  # noqa: E402

TEXT = "Senator Ann Smith met Bob Jones in Paris. The president of Acme Group disagreed. Smith left."


def _data(tmp_path):
    (tmp_path / "persent").mkdir()
    (tmp_path / "newswcl50").mkdir()
    with (tmp_path / "persent" / "dev.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["DOCUMENT_INDEX", "TARGET_ENTITY", "DOCUMENT", "TRUE_SENTIMENT"])
        w.writerow(["7", "Ann Smith", TEXT, "Neutral"])
    (tmp_path / "newswcl50" / "newswcl50_docs.jsonl").write_text(
        json.dumps({"doc_id": "0_L", "sentences": ["Nothing here.", "Really nothing."]}) + "\n", encoding="utf-8")


def _m(text, s, n=1, **kw):
    start = -1
    for _ in range(n):
        start = TEXT.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text, **kw}


def _gold(tmp_path):
    gold = {"id": "persent:7", "source": "persent", "split": "tune", "ignore_spans": [], "entities": [
        {"name": "Ann Smith", "kind": "person", "mentions": [_m("Ann Smith", 0), _m("Smith", 0, 2)]},
        {"name": "Bob Jones", "kind": "person", "mentions": [_m("Bob Jones", 0)]},
        {"name": "Paris", "kind": "place", "mentions": [_m("Paris", 0)]},
        {"name": "Acme Group", "kind": "organisation", "mentions": [_m("Acme Group", 0)]},
        # a gold mention the detector does not find: recall below 1
        {"name": "Kim", "kind": "person", "mentions": [_m("Senator", 0)]},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return path


def test_harness_counts_by_hand(tmp_path, capsys):
    _data(tmp_path)
    gold = _gold(tmp_path)
    out = tmp_path / "figures.json"
    assert acc.main([str(tmp_path), "--gold", str(gold), "--json", str(out), "--errors"]) == 0
    res = json.loads(out.read_text())["tune"]
    # detected: Ann Smith, Bob Jones, Paris, Acme Group, Smith (5), none wrong; gold 6 ("Senator" missed)
    assert res["gold_mentions"] == 6
    assert res["predicted_mentions"] == 5
    assert res["overlap"]["precision"] == 1.0
    assert abs(res["overlap"]["recall"] - 5 / 6) < 1e-9
    assert res["kind"]["found"] == 4 and res["kind"]["accuracy_found"] == 1.0
    assert res["kind"]["entities"] == 5 and abs(res["kind"]["accuracy_all"] - 4 / 5) < 1e-9
    assert json.loads(out.read_text())["held_out"]["articles"] == 0
    err = capsys.readouterr().err
    assert "missed 'Kim'" in err


def test_a_span_that_no_longer_slices_its_text_is_an_error(tmp_path):
    _data(tmp_path)
    bad = {"id": "persent:7", "source": "persent", "split": "tune", "ignore_spans": [],
           "entities": [{"name": "X", "kind": "person", "mentions": [{"start": 0, "end": 3, "text": "Ann"}]}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    try:
        acc.main([str(tmp_path), "--gold", str(path)])
    except SystemExit as e:
        assert "does not slice" in str(e)
    else:
        raise AssertionError("a wrong span must stop the harness")


def test_the_shipped_gold_set_is_well_formed(data):
    texts = acc.article_texts(data)
    gold = acc.load_gold(acc.GOLD, texts)  # every span slices its text
    assert len(gold) == 22
    assert {g["split"] for g in gold} == {"tune", "held_out"}
    for g in gold:
        for e in g["entities"]:
            assert e["kind"] in acc.KINDS
            assert e["mentions"], e["name"]
