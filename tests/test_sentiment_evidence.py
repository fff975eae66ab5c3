"""What counts as evidence about a party mention: silence, names, event words, words aimed at others.

Texts written for these tests; the expectations are counted by hand.
"""

import json

import pytest

from conftest import EXAMPLES
from mediabias.measures import parties, sentiment, valence
from mediabias.measures import stance as st
from mediabias.measures import target_features as tf
from mediabias.text import Document

# no word with a valence and no accusation anywhere near the party
SILENT = [
    ("Civic Ledger met the city council on Tuesday.", {"Civic Ledger": ("Civic Ledger",)}),
    ("The report by Amnesty International was published on Wednesday.", None),
    ("Russia sent a delegation to the talks in Geneva.", None),
    ("Officials from the United Nations arrived in the capital on Monday.", None),
    ("Germany will hold its next election in the autumn.", None),
    ("The ministry said Russia would publish the figures next week.", None),
    ("Amnesty International has offices in London and Nairobi.", None),
    ("Estenergo, which runs two plants near Narva, will sell its shares to the city.", {"Estenergo": ("Estenergo",)}),
]


def record(text, user=None):
    doc = Document(text)
    return sentiment.score(doc, parties.detect(doc, user)).to_dict()


def evidence(text, user=None):
    return [e for p in record(text, user)["parties"] for e in p["evidence"]]


@pytest.mark.parametrize("text,user", SILENT)
def test_a_mention_with_no_evaluative_word_is_neutral_with_score_zero(text, user):
    found = evidence(text, user)
    assert found, "the party should be found"
    # the record's probabilities hold the offsets (one offset on both sides: still even)
    silent = st.calibrate(tf.silent_probabilities(), sentiment.offsets())
    for e in found:
        assert e["evaluated"] is False and e["words"] == []
        assert e["label"] == "neutral"
        assert abs(e["score"]) < 0.05
        assert e["score"] == 0.0  # P(negative) = P(positive) by construction
        assert [e["probabilities"][c] for c in tf.CLASSES] == pytest.approx(silent)


def test_the_no_evidence_calibration_is_neutral_and_even_and_in_the_record():
    pn, p0, pp = tf.silent_probabilities()
    assert pn == pp and p0 > max(pn, pp)
    # whatever the word features would say: the silent logits replace them
    x = [0.0] * len(tf.FEATURES)
    assert tf.logits(x, {"R|slamm": 1.0, "L|prais": 1.0}) == (tf.model().silent, tf.model().silent)
    assert tf.label(x) == "neutral" and tf.predict(x) == 0.0
    t = record("Russia met Syria.")["thresholds"]["mention"]["no_evidence"]
    cn, c0, cp = st.calibrate((pn, p0, pp), sentiment.offsets())
    assert cn == pytest.approx(cp) and c0 > cn
    assert [t[c] for c in tf.CLASSES] == pytest.approx([cn, c0, cp])


def test_one_evaluative_word_makes_a_mention_evaluated():
    # the word is listed and the model reads it (here it is aimed at the election, so the model is unsure)
    (e,) = evidence("Germany will hold a disgraceful election in the autumn.")
    assert e["evaluated"] is True and [w["text"] for w in e["words"]] == ["disgraceful"] and e["score"] != 0.0
    (e,) = evidence("Germany's disgraceful conduct shocked its neighbours.")
    assert e["evaluated"] is True and e["label"] == "negative" and e["score"] < -0.5
    # an accusation alone is evidence too (accusation words carry no valence of their own)
    (e,) = evidence("Russia was accused on Tuesday.")
    assert e["evaluated"] is True and e["words"] == [] and e["score"] < 0


def test_capitalised_words_in_names_titles_and_abbreviations_carry_no_valence():
    def valenced(text, user):
        doc = Document(text)
        index = parties.detect(doc, user)
        w = sentiment.Reader(doc, index.mentions).words
        return [doc.tokens[i] for si in range(len(doc.sentences)) for i in w.sentence(si)]

    # user parties: nobody else is detected, so "Dick" and "Ill." are just capitalised words
    user = {"Senate": ("Senate",)}
    assert valenced("The bill was introduced by Sen. Dick Durbin (Ill.) in the Senate.", user) == []
    assert valenced("Rep. Joy Hope (D-Calif.) and Gen. Happy Smith spoke.", user) == []
    assert valenced("A letter from John F. Hope reached the Senate.", user) == []
    # the same words in their own sense keep their valence, also after a sentence's full stop
    assert valenced("The Senate met. Hope is fading and the senator is ill.", user) == ["Hope", "ill"]
    (e,) = evidence("The bill was introduced by Sen. Dick Durbin (Ill.) in the Senate.", user)
    assert e["evaluated"] is False and e["score"] == 0.0


def test_an_event_word_counts_only_where_it_is_aimed_at_the_mention(monkeypatch):
    # use a known list so the test does not depend on the trained one
    monkeypatch.setattr(valence, "event_words", lambda: frozenset({"war"}))
    # a war in its sentence: not aimed at Germany
    (e,) = evidence("Germany held an election during the war.")
    assert e["evaluated"] is False and e["score"] == 0.0 and e["words"] == []
    # the war as what the mention's possessor owns ("Russia's war"): aimed, counts
    (e,) = evidence("Russia's war went on.")
    assert e["evaluated"] is True and [w["text"] for w in e["words"]] == ["war"] and e["score"] < 0
    # a word that is not an event word counts wherever it is in the clause
    (e,) = evidence("Germany held an election during the massacre.")
    assert e["evaluated"] is True and [w["text"] for w in e["words"]] == ["massacre"]


def test_the_packaged_event_words_are_stems_of_lexicon_words():
    events = valence.event_words()
    assert 20 <= len(events) <= 400
    stems = {valence.stem(w) for w in valence.news_lexicon()}
    assert events <= stems
    from mediabias.lexicons import _HERE

    assert "train_sentiment.py" in (_HERE / "event_words.txt").read_text(encoding="utf-8")  # the trainer's, not by hand


def test_a_word_aimed_at_another_party_counts_with_the_words_nearer_another():
    import math

    # tokens: Russia , a corrupt and brutal regime , met Amnesty in Geneva .
    doc = Document("Russia, a corrupt and brutal regime, met Amnesty in Geneva.")
    index = parties.detect(doc)
    reader = sentiment.Reader(doc, index.mentions)

    def x(party):
        m = next(m for m in index.mentions if m.party == party)
        return dict(zip(tf.FEATURES, reader.features(m.tok_start, m.tok_end)[0]))

    russia, amnesty = x("Russia"), x("Amnesty International")
    # Russia's apposition is aimed at Russia: all three words count for it, none as another's
    assert russia["in_apposition"] == pytest.approx((-2.8 - 3.1 - 1.6) / 4)
    assert russia["neg_nearer_another"] == 0.0
    assert russia["neg_near_right"] == pytest.approx(math.log1p(2.8))  # "corrupt", 2 words on
    assert russia["neg_mid"] == pytest.approx(math.log1p(3.1 + 1.6))  # "brutal regime", 4-5 words on
    # for Amnesty, "corrupt" is nearer Russia, and "brutal regime" -- nearer Amnesty by distance --
    # is aimed at Russia: all three are another party's
    assert amnesty["neg_nearer_another"] == pytest.approx(math.log1p(2.8 + 3.1 + 1.6))
    assert amnesty["neg_near_left"] == amnesty["neg_mid"] == amnesty["neg_far"] == 0.0


def test_labels_never_contradict_scores_on_the_examples():
    from click.testing import CliRunner

    from mediabias.cli import main

    r = CliRunner().invoke(main, ["sentiment", str(EXAMPLES), "--format", "jsonl", "-j", "1"])
    assert r.exit_code == 0, r.output
    n = 0
    for line in r.stdout.splitlines():
        for p in json.loads(line)["sentiment"]["parties"]:
            for e in p["evidence"]:
                n += 1
                assert not (e["label"] == "positive" and e["score"] < 0)
                assert not (e["label"] == "negative" and e["score"] > 0)
                if not e["evaluated"]:
                    assert e["label"] == "neutral" and e["score"] == 0.0 and e["words"] == []
    assert n > 10
