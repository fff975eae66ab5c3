"""Target-aware party sentiment on texts written for these tests."""

import pytest

from conftest import SHARED
from mediabias import analyze
from mediabias.measures import parties, sentiment, vader
from mediabias.measures import target_features as tf
from mediabias.measures.valence import Words, news_lexicon
from mediabias.text import Document


def score(text, user=None, **kw):
    doc = Document(text)
    return sentiment.score(doc, parties.detect(doc, user), **kw).to_dict()


def by_name(d):
    return {p["name"]: p for p in d["parties"]}


def valences(text, silenced=()):
    """{token: valence} of the first sentence's tokens that carry one (``silenced``: token ranges)."""
    doc = Document(text)
    w = Words(doc, silenced)
    return {doc.tokens[i]: w.val[i] for i in w.sentence(0)}


def test_each_party_gets_the_words_that_bear_on_it():
    d = score("Amnesty praised the brave rescue workers; Russia was condemned for horrible crimes.")
    p = by_name(d)
    assert p["Amnesty International"]["label"] == "positive"
    assert p["Russia"]["label"] == "negative"
    # the clause boundary keeps the other party's words out of each mention's evidence
    assert [w["text"] for w in p["Amnesty International"]["evidence"][0]["words"]] == ["praised", "brave", "rescue"]
    assert [w["text"] for w in p["Russia"]["evidence"][0]["words"]] == ["condemned", "horrible", "crimes"]


def test_negation_turns_a_word_around():
    corrupt = score("Russia is corrupt.")["parties"][0]
    not_corrupt = score("Russia is not corrupt.")["parties"][0]
    assert corrupt["label"] == "negative"
    assert not_corrupt["score"] > 0 > corrupt["score"]
    assert not_corrupt["evidence"][0]["words"][0]["valence"] == pytest.approx(-2.8 * vader.N_SCALAR)


def test_attribution_and_hedge_words_carry_no_valence():
    # VADER scores these; in news they report a claim without taking a side
    for word in ("suspected", "accused", "denied", "argued", "charges"):
        assert word in vader.lexicon() and word not in news_lexicon()
    assert valences("Officials suspected and accused the group; it denied the charges.") == {}


def test_news_vocabulary_vader_lacks():
    v = valences("The regime slammed the militants for war crimes.")
    assert set(v) == {"regime", "slammed", "militants", "crimes"}
    assert all(x < 0 for x in v.values())
    assert v["crimes"] == -3.4  # the two-word entry "war crimes", not "war" and "crimes" apart
    for word in ("regime", "militant", "slammed"):
        assert word not in vader.lexicon()


def test_inflected_forms_take_their_base_valence():
    assert "helped" not in vader.lexicon()
    assert valences("They helped.") == {"helped": vader.lexicon()["help"]}


def test_names_are_not_opinions():
    # a party mention's words and capitalised words in mid-sentence carry nothing
    text = "Hope Hicks met the Justice Department and the Free Syrian Army."
    assert valences(text, [(0, 2)]) == {}
    assert valences("I hope for justice.") == {"hope": 1.9}


def test_a_speakers_words_are_kept_apart():
    doc = Document("Amnesty said the strikes were terrible.")
    reader = sentiment.Reader(doc, parties.detect(doc).mentions)
    x = dict(zip(tf.FEATURES, reader.features(0, 1)[0]))
    assert x["speaker"] == 1.0 and x["neg_said_by_it"] > 0
    assert x["neg_near_right"] == x["neg_mid"] == 0.0


def test_accusation_aimed_at_the_mention():
    def accused(text, tok):
        doc = Document(text)
        reader = sentiment.Reader(doc, parties.detect(doc).mentions)
        return dict(zip(tf.FEATURES, reader.features(tok, tok + 1)[0]))["accused"]

    assert accused("Russia was accused of bombing hospitals.", 0) == 1.0
    assert accused("Amnesty accused Russia of bombing hospitals.", 2) == 1.0
    assert accused("Amnesty accused Russia of bombing hospitals.", 0) == 0.0


def test_evidence_offsets_words_and_voices():
    text = ('Amnesty International said the strikes were terrible. '
            '"Russia is lying," said Gen. Igor Konashenkov, spokesman of the Russian defense ministry.')
    d = analyze(text, measures=["sentiment"]).to_dict()["sentiment"]
    p = by_name(d)
    for party in d["parties"]:
        for e in party["evidence"]:
            assert text[e["start"]:e["end"]] == e["text"]
            assert e["clause"]["start"] <= e["start"] < e["end"] <= e["clause"]["end"]
            for w in e["words"]:
                assert text[w["start"]:w["end"]] == w["text"]
    russia = p["Russia"]
    assert [e["voice"] for e in russia["evidence"]] == ["quoted", "author"]
    assert russia["evidence"][0]["speaker"] == {"text": "Gen. Igor Konashenkov", "party": "Russia"}
    assert russia["by_voice"]["quoted"]["mentions"] == 1 and russia["by_voice"]["quoted"]["label"] == "negative"
    assert russia["by_speaker"]["Russia"]["mentions"] == 1
    assert p["Igor Konashenkov"]["affiliation"] == "Russia"


def test_reported_speech_is_its_own_voice():
    text = "Gen. Igor Konashenkov said Amnesty International was lying."
    d = analyze(text, measures=["sentiment"]).to_dict()["sentiment"]
    amnesty = by_name(d)["Amnesty International"]
    assert amnesty["evidence"][0]["voice"] == "reported"
    assert amnesty["by_voice"]["reported"]["mentions"] == 1
    assert amnesty["by_voice"]["author"]["mentions"] == 0 and amnesty["by_voice"]["author"]["score"] is None


def test_group_people_counts_a_person_toward_their_party():
    text = "Russian defense ministry spokesman Igor Konashenkov rejected the report. Konashenkov was angry."
    apart = by_name(score(text))
    assert apart["Igor Konashenkov"]["mentions"] == 2 and apart["Russia"]["mentions"] == 1
    grouped = by_name(score(text, group_people=True))
    assert "Igor Konashenkov" not in grouped
    assert grouped["Russia"]["mentions"] == 3
    assert [e.get("person") for e in grouped["Russia"]["evidence"]] == [None, "Igor Konashenkov", "Igor Konashenkov"]


def _most_probable(pr):
    best = max(pr, key=pr.get)
    return best if sorted(pr.values())[-1] > sorted(pr.values())[-2] else "neutral"


def test_labels_follow_the_rule_in_the_record():
    import math

    d = score("Amnesty praised Russia. Syria is a country. The regime slammed the UN.")
    t = d["thresholds"]
    off = t["mention"]["offsets"]
    assert "document" not in t and t["party"]["rule"]
    for p in d["parties"]:
        for e in p["evidence"]:
            s, pr = e["score"], e["probabilities"]
            assert -1 <= s <= 1
            assert s == pytest.approx(pr["positive"] - pr["negative"])
            assert sum(pr.values()) == pytest.approx(1.0)
            assert e["label"] == _most_probable(pr)
        assert p["positive"] + p["neutral"] + p["negative"] == p["mentions"]
        mean = sum(e["score"] for e in p["evidence"]) / p["mentions"]
        assert p["score"] == pytest.approx(mean)
        # the party's label: the same rule on the mentions' mean probabilities
        mp = {c: sum(e["probabilities"][c] for e in p["evidence"]) / p["mentions"] for c in ("negative", "neutral", "positive")}
        assert p["label"] == _most_probable(mp)
    # the recorded probabilities are the model's with the offsets added to the log-probabilities:
    # their most probable class is the model's label (most probable after the offsets)
    doc = Document("Amnesty praised Russia.")
    index = parties.detect(doc)
    reader = sentiment.Reader(doc, index.mentions)
    rec = next(p for p in score("Amnesty praised Russia.")["parties"] if p["name"] == "Russia")["evidence"][0]
    m = next(m for m in index.mentions if m.party == "Russia")
    raw, lab, *_ = reader.score(m.tok_start, m.tok_end)
    k = {"negative": math.exp(off["negative"]), "neutral": 1.0, "positive": math.exp(off["positive"])}
    z = sum(k[c] * raw[i] for i, c in enumerate(("negative", "neutral", "positive")))
    for i, c in enumerate(("negative", "neutral", "positive")):
        assert rec["probabilities"][c] == pytest.approx(k[c] * raw[i] / z)
    assert rec["label"] == lab


def test_word_features_by_side_with_distance_weights_and_masked_parties():
    doc = Document("Critics slammed Russia and praised the United Nations.")
    index = parties.detect(doc)
    reader = sentiment.Reader(doc, index.mentions)
    russia = next(m for m in index.mentions if m.party == "Russia")
    _, lex = reader.features(russia.tok_start, russia.tok_end)
    import math

    # "slammed" is the word just before Russia (distance 1), "Critics" two before (stemmed "critic")
    assert lex["L|slamm"] == 1.0 and lex["L|critic"] == pytest.approx(math.exp(-1 / 12))
    assert lex["R|prais"] == pytest.approx(math.exp(-1 / 12))  # "and" is at distance 1
    assert lex["R|<ent>"] == pytest.approx(math.exp(-3 / 12))  # the UN's mention is masked
    assert lex["P1|slamm"] == 1.0 and lex["N1|and"] == 1.0
    assert lex["P2|critic_slamm"] == 1.0 and lex["N2|and_prais"] == 1.0
    assert not any(f.endswith("|russia") for f in lex)  # the mention itself is no feature


def test_user_party_with_no_mentions_is_listed_with_null_score():
    d = score("Nothing here.", {"Russia": ("Russia",)})
    assert d["parties"] == [
        {**d["parties"][0], "name": "Russia", "mentions": 0, "score": None, "label": None, "evidence": []}
    ]


def test_model_files_have_a_weight_for_every_feature_and_a_no_evidence_mention_is_neutral():
    m = tf.model()
    assert len(m.bias) == 2 and len(m.dense) == len(tf.FEATURES)
    assert all(len(w) == 2 for w in m.dense)
    assert len(m.sides) > 1000 and all(len(t) == 4 for t in m.sides.values())
    assert len(m.near) > 1000 and all(f[:2] in ("P1", "N1", "P2", "N2") for f in m.near)
    assert tf.label([0.0] * len(tf.FEATURES)) == "neutral"
    assert m.offsets[0] == m.offsets[1]  # one offset: no label against the sign of its score


def test_group_people_from_the_command_line_and_the_config(tmp_path):
    import json

    from click.testing import CliRunner

    from mediabias.cli import main

    path = tmp_path / "a.txt"
    path.write_text("Russian defense ministry spokesman Igor Konashenkov rejected the report.", encoding="utf-8")

    def names(*args):
        r = CliRunner().invoke(main, ["sentiment", str(path), "--format", "json", *args], catch_exceptions=False)
        assert r.exit_code == 0, r.output
        d = json.loads(r.stdout)["sentiment"]
        return d["group_people"], sorted(p["name"] for p in d["parties"])

    assert names() == (False, ["Igor Konashenkov", "Russia"])
    assert names("--group-people") == (True, ["Russia"])
    cfg = tmp_path / "c.toml"
    cfg.write_text("group_people = true\n", encoding="utf-8")
    assert names("--config", str(cfg)) == (True, ["Russia"])
    assert names("--config", str(cfg), "--no-group-people") == (False, ["Igor Konashenkov", "Russia"])
    cfg.write_text('group_people = "yes"\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["sentiment", str(path), "--config", str(cfg)])
    assert r.exit_code == 1 and str(cfg) in r.stderr and "group_people" in r.stderr


def test_vader_but_weighting_is_kept():
    v = valences("The plan was good but the result was bad.")
    assert v == {"good": pytest.approx(1.9 * 0.5), "bad": pytest.approx(-2.5 * 1.5)}


def test_words_nearer_another_entity_are_kept_apart():
    doc = Document("Amnesty visited Syria yesterday, condemned by everyone.")
    reader = sentiment.Reader(doc, parties.detect(doc).mentions)
    amnesty = dict(zip(tf.FEATURES, reader.features(0, 1)[0]))
    syria = dict(zip(tf.FEATURES, reader.features(2, 3)[0]))
    assert amnesty["neg_nearer_another"] > 0 and amnesty["neg_mid"] == amnesty["neg_near_right"] == 0
    assert syria["neg_nearer_another"] == 0 and syria["neg_near_right"] > 0


def test_a_party_in_the_speakers_apposition_or_relative_clause_is_the_speaker():
    """What a source says is about others, also when the party is named in the source's
    apposition ("said X, director ... at Amnesty") or is what a relative "that said" refers to."""
    from mediabias.measures import parties as parties_measure
    from mediabias.measures import sentiment as sentiment_measure
    from mediabias.measures import sources as sources_measure
    from mediabias.text import Document

    text = (
        '"These attacks are horrific war crimes," said Philip Luther, director at Amnesty International. '
        "A report by Amnesty that said the strikes killed civilians is biased, the ministry said."
    )
    doc = Document(text)
    index = parties_measure.detect(doc)
    reader = sentiment_measure.Reader(doc, index.mentions, sources_measure.score(doc, index))
    amnesty = [m for m in index.mentions if m.party == "Amnesty International"]
    assert [text[m.start:m.end] for m in amnesty] == ["Amnesty International", "Amnesty"]
    first, second = (reader.said.get(m.tok_start) for m in amnesty)
    assert first is not None and "horrific" in text[doc.tok_starts[first[0]]:doc.tok_ends[first[1] - 1]]
    assert second is not None and "killed" in text[doc.tok_starts[second[0]]:doc.tok_ends[second[1] - 1]]


@pytest.mark.skipif(not (SHARED / "data" / "newsmtsc" / "dev-mt.jsonl").exists(), reason="needs ../shared/data/newsmtsc")
def test_run_time_word_sums_equal_the_named_word_features_on_real_sentences():
    """word_logits (the run-time path) adds what logits() over lexical()'s named features adds."""
    import json

    n = 0
    with (SHARED / "data" / "newsmtsc" / "dev-mt.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = Document(json.loads(line)["sentence_normalized"])
            index = parties.detect(doc)
            reader = sentiment.Reader(doc, index.mentions)
            w = reader.words
            for m in index.mentions:
                a, b, w0, w1, _ = reader._place(m.tok_start, m.tok_end)
                m_ = tf.model()
                by_name = [0.0, 0.0]
                for f, v in tf.lexical(w, a, b, w0, w1).items():
                    wt = m_.weight(f)
                    if wt is not None:
                        by_name[0] += v * wt[0]
                        by_name[1] += v * wt[1]
                fast = tf.word_logits(w, a, b, w0, w1)
                assert fast == pytest.approx(tuple(by_name), abs=1e-9)
                # and logits() adds them so for a mention with evidence
                x = [0.0] * len(tf.FEATURES)
                x[tf.FEATURES.index("neg_near_left")] = 1.0
                assert tf.logits(x, tf.lexical(w, a, b, w0, w1)) == pytest.approx(tf.logits(x, fast), abs=1e-9)
                n += 1
    assert n > 300
