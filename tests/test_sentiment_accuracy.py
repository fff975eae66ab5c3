"""The sentiment harness (benchmarks/sentiment_accuracy.py) on tiny NewsMTSC and PerSenT files written here."""

import csv
import json
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import sentiment_accuracy as acc  # noqa: E402
import sentiment_data as sd  # noqa: E402

# one target each; VADER on the whole sentence gets all three right (compound > 0.05, < -0.05, 0)
ROWS = [
    ("The brilliant and generous senator Smith won praise.", "Smith", 6),
    ("The corrupt and dishonest senator Jones lost.", "Jones", 2),
    ("Senator Brown spoke on Tuesday.", "Brown", 4),
]


def _newsmtsc(path):
    with path.open("w", encoding="utf-8") as fh:
        for text, target, polarity in ROWS:
            start = text.index(target)
            fh.write(json.dumps({"sentence_normalized": text, "targets": [
                {"from": start, "to": start + len(target), "mention": target, "polarity": polarity}]}) + "\n")


def _persent(path):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["DOCUMENT_INDEX", "TARGET_ENTITY", "DOCUMENT", "TRUE_SENTIMENT"])
        w.writerow(["0", "Ann Smith", "Ann Smith was praised as a wonderful, honest leader.\nSmith thanked them.", "Positive"])
        w.writerow(["1", "Bob Jones", "Bob Jones was convicted of fraud and theft.\nJones is a disgraced liar.", "Negative"])
        w.writerow(["2", "Cal Brown", "Cal Brown met the committee on Monday.\nBrown left at noon.", "Neutral"])
        w.writerow(["3", "Dee White", "Dee White was unhappy.", "Mixed"])  # not one of the three labels: skipped


def test_harness_with_baseline_on_tiny_files(tmp_path, monkeypatch, capsys):
    (tmp_path / "newsmtsc").mkdir()
    (tmp_path / "persent").mkdir()
    for split in ("dev-rw", "dev-mt"):
        _newsmtsc(tmp_path / "newsmtsc" / f"{split}.jsonl")
    _persent(tmp_path / "persent" / "dev.csv")
    out = tmp_path / "figures.json"
    monkeypatch.setattr(sys, "argv", ["sentiment_accuracy.py", str(tmp_path), "--baseline", "--json", str(out)])
    acc.main()
    res = json.loads(out.read_text())
    for split in ("dev-rw", "dev-mt"):
        figures = res["newsmtsc"][split]
        assert figures["mediabias"]["n"] == 3
        assert figures["vader_sentence"]["macro_f1"] == 1.0  # the three sentences above, by hand
        assert 0.0 <= figures["mediabias"]["macro_f1"] <= 1.0
        # a one-mention party takes its mention's label (the sign guard aside, which these do not meet)
        assert figures["party_label_agrees"] == 1.0
        assert figures["party_label"] == figures["mediabias"]
    persent = res["persent"]
    assert persent["party"]["n"] == 3 and persent["entity_found"] == 3  # "Mixed" skipped
    assert persent["stance"]["n"] == 3 and persent["stance two-fold"]["n"] == 3
    assert all(w in acc.NEUTRAL_WEIGHTS for w in persent["neutral_weight_chosen"])
    assert persent["vader_document"]["n"] == 3
    # mentions by their document's gold label: two in each document (name, then surname)
    by_doc = persent["mention_labels_by_document_label"]
    assert {g: d["mentions"] for g, d in by_doc.items()} == {"negative": 2, "neutral": 2, "positive": 2}
    for d in by_doc.values():
        assert d["negative"] + d["neutral"] + d["positive"] == pytest.approx(1.0, abs=0.002)
    # "Cal Brown met the committee on Monday. Brown left at noon.": nothing evaluative, both silent
    assert by_doc["neutral"] == {"mentions": 2, "negative": 0.0, "neutral": 1.0, "positive": 0.0, "silent": 1.0}
    assert "PerSenT dev" in capsys.readouterr().out


def test_party_label_from_mean_probabilities_and_seed_scores(tmp_path):
    from mediabias.measures import sentiment

    from mediabias.text import Document
    from mediabias.measures import parties

    doc = Document("Russia was condemned for horrible crimes. Russia met Syria on Monday.")
    result = sentiment.score(doc, parties.detect(doc))
    russia = next(p for p in result.parties if p.name == "Russia")
    labels = [e.label for e in russia.evidence]
    assert labels == ["negative", "neutral"]
    # the party's label is the most probable class of its mentions' mean (calibrated) probabilities, by hand
    mean = [sum(e.probabilities[k] for e in russia.evidence) / 2 for k in range(3)]
    assert russia.label == ("negative", "neutral", "positive")[max(range(3), key=mean.__getitem__)]
    assert russia.score == pytest.approx(mean[2] - mean[0])
    (tmp_path / "a.txt").write_text("Amnesty International met officials in Geneva.", encoding="utf-8")
    rows = acc.seeds(tmp_path, ["Russia", "Amnesty International"])
    assert rows == {"a.txt": {"Amnesty International": {"score": 0.0, "mentions": 1, "negative": 0, "neutral": 1,
                                                         "positive": 0, "silent": 1}}}


def test_macro_f1_by_hand():
    # gold neg, neg, neu, pos; predicted neg, neu, neu, pos
    f = sd.macro_f1([0, 0, 1, 2], [0, 1, 1, 2])
    # negative: P 1, R 1/2, F1 2/3; neutral: P 1/2, R 1, F1 2/3; positive: 1
    assert abs(f["macro_f1"] - (2 / 3 + 2 / 3 + 1) / 3) < 1e-3
    assert f["accuracy"] == 0.75
