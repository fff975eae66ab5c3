"""Our reimplementation of VADER's rules gives vaderSentiment's polarity_scores."""

import json

import pytest

from mediabias.measures import vader

# Sentences written for this test, one or more of VADER's rules in each.
RULES = [
    "The report was good.",
    "The report was not good.",
    "The report was VERY GOOD, the reply was poor.",
    "The ministry was extremely angry and somewhat hurt!!",
    "It was kind of good but the ending was horrible.",
    "No one was happy with the terrible result??",
    "At least it isn't a horrible book.",
    "The delegation was the least welcome of all.",
    "Never so good, never this bad.",
    "Without a doubt, an excellent idea.",
    "The new plan is the bomb, said nobody.",
    "Sort of fine; hardly great; barely acceptable.",
    "Officials said nothing, nor did they deny the bad news.",
    "no, no, no",
    ":) the talks went well :(",
    "The envoy's visit was a \U0001F600 moment",
    "",
]


@pytest.fixture(scope="module")
def reference():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@pytest.mark.parametrize("sentence", RULES)
def test_rules_match_vader_sentiment(reference, sentence):
    assert vader.polarity_scores(sentence) == reference.polarity_scores(sentence)


def test_parity_on_newsmtsc_sentences(reference, data):
    sentences = []
    for name in ("dev-rw", "dev-mt", "train"):
        path = data / "newsmtsc" / f"{name}.jsonl"
        if not path.exists():
            pytest.skip(f"{path} not found")
        with path.open(encoding="utf-8") as fh:
            sentences += [json.loads(line)["sentence_normalized"] for line in fh]
        if len(sentences) >= 1500:
            break
    sentences = sentences[:1500]
    assert len(sentences) >= 1000
    different = [s for s in sentences if vader.polarity_scores(s) != reference.polarity_scores(s)]
    assert different == []


def test_word_valence_applies_negation_and_boosters():
    lex = vader.lexicon()
    words = "the report was not very good".split()
    v = vader.valences(words)
    assert v[:5] == [0.0] * 5
    assert v[5] == pytest.approx((lex["good"] + vader.B_INCR) * vader.N_SCALAR)


def test_but_check_halves_before_and_raises_after():
    lows = ["good", "but", "bad"]
    assert vader.but_check(lows, [1.9, 0.0, -2.5]) == [0.95, 0.0, -3.75]
