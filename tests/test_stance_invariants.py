"""Where numbers meet labels and evidence in the sentiment block: checked on every party of the
example articles (with and without their config), the seeds and random NewsMTSC sentences.

* a label never disagrees with the sign of its score, and is the most probable class of the
  (mean) probabilities it was given from -- for a mention, a party, a voice and a stance;
* a one-mention party has its mention's label; mentions that share a label give it to their party;
* the stance is the formula written out with the record's own parts (the author's weight and score,
  each voice's weight and view);
* credence evidence slices the text it names, and a distanced voice has evidence for it.
"""

import json
import random

import pytest

from conftest import DATA, EXAMPLES, SEEDS
from mediabias import analyze
from mediabias.config import load_config_file

CLASSES = ("negative", "neutral", "positive")


def _most_probable(p):
    """The most probable class, neutral on a tie."""
    neg, neu, pos = (p[c] for c in CLASSES)
    return "positive" if pos > max(neg, neu) else "negative" if neg > max(pos, neu) else "neutral"


def _label_agrees(label, score):
    if label == "positive":
        assert score > 0
    elif label == "negative":
        assert score < 0


def check_record(text, rec):
    for p in rec["sentiment"]["parties"]:
        ev = p["evidence"]
        assert p["mentions"] == len(ev)
        for e in ev:
            assert text[e["start"]:e["end"]] == e["text"]
            assert e["label"] == _most_probable(e["probabilities"])
            _label_agrees(e["label"], e["score"])
        s = p["stance"]
        if not ev:
            assert p["score"] is None and p["label"] is None and s["score"] is None and s["label"] is None
            assert p["voices"] == []
            continue
        mean = {c: sum(e["probabilities"][c] for e in ev) / len(ev) for c in CLASSES}
        assert p["label"] == _most_probable(mean)
        _label_agrees(p["label"], p["score"])
        if len(ev) == 1:
            assert p["label"] == ev[0]["label"]
        if len({e["label"] for e in ev}) == 1:
            assert p["label"] == ev[0]["label"]
        # the stance: its label from its probabilities, and the mixture of the record's parts
        assert s["label"] == _most_probable(s["probabilities"])
        _label_agrees(s["label"], s["score"])
        assert s["score"] == pytest.approx(s["probabilities"]["positive"] - s["probabilities"]["negative"])
        a = s["author"]
        num = (a["weight"] * a["score"] if a["score"] is not None else 0.0) + sum(v["weight"] * v["view"] for v in p["voices"] if v["weight"])
        den = (a["weight"] if a["score"] is not None else 0.0) + sum(v["weight"] for v in p["voices"] if v["weight"])
        if den > 0:
            assert s["score"] == pytest.approx(num / den, abs=1e-9)
        for f in a["frames"]:
            assert text[f["start"]:f["end"]] == f["text"]
        words = [v["words"] for v in p["voices"]]
        assert words == sorted(words, reverse=True)
        for v in p["voices"]:
            if v["score"] is not None:
                _label_agrees(v["label"], v["score"])
            if v["view"] is None:
                assert v["weight"] == 0
            for x in v["credence_evidence"]:
                assert text[x["start"]:x["end"]] == x["text"] and x["why"]
            if v["credence"] != "neutral":
                assert v["credence_evidence"]
            if v["self"]:
                assert v["party"] in (p["name"], p["affiliation"])


def _texts(folder):
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.txt"))]


@pytest.mark.parametrize("config", [None, EXAMPLES.parent / "parties.toml"])
def test_examples(config):
    parties = load_config_file(config)["parties"] if config else None
    for _, text in _texts(EXAMPLES):
        check_record(text, analyze(text, parties=parties).to_dict())


def test_seeds(seeds):
    for _, text in _texts(SEEDS):
        check_record(text, analyze(text).to_dict())
        check_record(text, analyze(text, parties={"Russia": ["Russia", "Russian", "Moscow", "Kremlin"],
                                                   "Amnesty": ["Amnesty"], "Nobody": ["Atlantis"]}).to_dict())


def test_random_newsmtsc_sentences(data):
    path = DATA / "newsmtsc" / "dev-mt.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not found")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(11)
    sample = rng.sample(rows, min(150, len(rows)))
    # also as one text, so that parties gather many mentions and voices
    check_record("\n\n".join(r["sentence_normalized"] for r in sample),
                 analyze("\n\n".join(r["sentence_normalized"] for r in sample)).to_dict())
    for r in sample:
        text = r["sentence_normalized"]
        check_record(text, analyze(text).to_dict())
