"""Party stance and voices (measures/stance.py) on small texts written for these tests.

The mention probabilities come from the model; everything the stance adds --
whose words a mention is in, the words each part rests on, the credence
weights, the turn-around of a distanced voice, a party's own voice -- is
counted by hand here, and the stance must equal the formula written out with
those counts and the mention scores the record gives.
"""

import pytest

from mediabias import analyze
from mediabias.measures import stance as st

PARTIES = {
    "Estova": ["Estova", "Estovan"],
    "Rivers Watch International": ["Rivers Watch International", "Rivers Watch", "the group"],
    "Estenergo": ["Estenergo"],
}


def party(text, name, parties=PARTIES):
    d = analyze(text, parties=parties, measures=["sentiment"]).to_dict()
    return next(p for p in d["sentiment"]["parties"] if p["name"] == name)


def voice(p, speaker):
    return next(v for v in p["voices"] if v["speaker"] == speaker)


# -- the label rule and the mixture, by hand ----------------------------------------------------


def test_label_is_the_most_probable_class_neutral_on_a_tie():
    assert st.label_of((0.5, 0.3, 0.2)) == "negative"
    assert st.label_of((0.2, 0.3, 0.5)) == "positive"
    assert st.label_of((0.3, 0.4, 0.3)) == "neutral"
    assert st.label_of((0.4, 0.2, 0.4)) == "neutral"  # a tie between the polar classes
    assert st.label_of((0.45, 0.45, 0.1)) == "neutral"


def test_calibration_adds_the_offsets_to_the_log_probabilities():
    import math

    p = st.calibrate((0.36, 0.30, 0.34), (0.0, 0.1))
    k = 0.34 * math.exp(0.1)  # 0.37576
    assert p == pytest.approx((0.36 / (0.66 + k), 0.30 / (0.66 + k), k / (0.66 + k)))
    # the model's rule (most probable after the offsets) says positive, and so does the calibrated
    # vector -- whose score is positive too, where the raw one's (0.34 - 0.36) was not
    assert st.label_of(p) == "positive" and p[2] - p[0] > 0


def test_mixture_by_hand():
    parts = [
        st.Part((0.6, 0.3, 0.1), 20, "author"),  # weight 20
        st.Part(st.SELF_VIEW, 10, "neutral"),  # a party's own words, carried neutrally: weight 10 x 0.5 = 5
        st.Part((0.8, 0.2, 0.0), 5, "distanced"),  # turned around to (0, 0.2, 0.8), weight 5
    ]
    # (20 (0.6, 0.3, 0.1) + 5 (0, 0, 1) + 5 (0, 0.2, 0.8)) / 30 = (12, 7, 11) / 30
    assert st.mix(parts) == pytest.approx((0.4, 7 / 30, 11 / 30))
    assert st.label_of(st.mix(parts)) == "negative"  # 0.400 > 0.367 > 0.233
    # another weight for neutral credence: (20 (0.6, 0.3, 0.1) + 10 (0, 0, 1) + 5 (0, 0.2, 0.8)) / 35
    assert st.mix(parts, {**st.CREDENCE_WEIGHT, "neutral": 1.0}) == pytest.approx((12 / 35, 7 / 35, 16 / 35))


def test_same_labelled_vectors_keep_their_label_in_any_mixture():
    import random

    rng = random.Random(7)
    for _ in range(2000):
        vs = []
        while len(vs) < 4:
            v = [rng.random() for _ in range(3)]
            t = sum(v)
            vs.append(tuple(x / t for x in v))
        for lab in ("negative", "neutral", "positive"):
            group = [v for v in vs if st.label_of(v) == lab]
            if group:
                weights = [rng.random() + 0.01 for _ in group]
                assert st.label_of(st.mean_vector(group, weights)) == lab


# -- voices, words and the stance on hand-made texts --------------------------------------------


def test_author_part_a_third_voice_and_the_partys_own_voice():
    text = ('Estenergo let the dam fail. "Estenergo ignored every warning," Rivers Watch said. '
            '"Our engineers worked day and night," Estenergo said in a statement.')
    p = party(text, "Estenergo")
    ev = p["evidence"]
    assert [e["voice"] for e in ev] == ["author", "quoted", "author"]
    rw = voice(p, "Rivers Watch International")
    assert (rw["type"], rw["self"], rw["mentions"], rw["words"], rw["credence"]) == ("party", False, 1, 4, "neutral")
    assert rw["weight"] == 2.0 and rw["view"] == pytest.approx(ev[1]["score"])  # 4 words x 0.5
    own = voice(p, "Estenergo")
    assert (own["self"], own["mentions"], own["words"], own["weight"], own["view"]) == (True, 0, 6, 3.0, 1.0)
    a = p["stance"]["author"]
    # "Estenergo let the dam fail." (5 words) and the third sentence without its quotation (11 - 6)
    assert (a["mentions"], a["words"]) == (2, 10)
    assert a["score"] == pytest.approx((ev[0]["score"] + ev[2]["score"]) / 2)
    expected = (10 * a["score"] + 2.0 * ev[1]["score"] + 3.0 * 1.0) / (10 + 2.0 + 3.0)
    assert p["stance"]["score"] == pytest.approx(expected)
    assert [v["speaker"] for v in p["voices"]] == ["Estenergo", "Rivers Watch International"]  # most words first


def test_a_distanced_voice_counts_against_its_view():
    text = 'Rivers Watch International claims that Estenergo ignored the warnings. The group compiled its report "remotely".'
    p = party(text, "Estenergo")
    rw = voice(p, "Rivers Watch International")
    assert rw["credence"] == "distanced"
    assert [(x["text"], x["why"]) for x in rw["credence_evidence"]] == [
        ("claims that", "'claims that' as the cue of their words"), ("remotely", "scare quotes around their words")]
    for x in rw["credence_evidence"]:
        assert text[x["start"]:x["end"]] == x["text"]
    # the only mention is in Rivers Watch's words, which the article holds at arm's length
    (e,) = p["evidence"]
    assert p["stance"]["author"]["mentions"] == 0
    assert rw["view"] == pytest.approx(-e["score"]) and rw["weight"] == 4.0
    assert p["stance"]["score"] == pytest.approx(-e["score"])


def test_endorsed_indirect_speech_is_the_authors():
    text = "Rivers Watch International documented that Estenergo neglected the dam for years."
    p = party(text, "Estenergo")
    rw = voice(p, "Rivers Watch International")
    assert rw["credence"] == "endorsed" and [x["text"] for x in rw["credence_evidence"]] == ["documented"]
    assert rw["weight"] == 0.0 and rw["view"] is None  # its words count as the author's
    (e,) = p["evidence"]
    assert p["stance"]["author"] == {**p["stance"]["author"], "mentions": 1, "words": 11}
    assert p["stance"]["score"] == pytest.approx(e["score"])


def test_an_accusation_frame_in_the_authors_voice():
    p = party("Estenergo refused to publish its inspection reports.", "Estenergo")
    assert [f["text"] for f in p["stance"]["author"]["frames"]] == ["refused to"]
    assert p["stance"]["score"] == -1.0 and p["stance"]["label"] == "negative"
    assert p["voices"] == []  # refusing is not speaking


def test_falsely_claimed_distances_the_speaker_and_reads_negative():
    text = "Estova falsely claimed that the dam was safe."
    p = party(text, "Estova")
    own = voice(p, "Estova")
    assert own["self"] and own["credence"] == "distanced"
    assert [x["text"] for x in own["credence_evidence"]] == ["falsely claimed"]  # "claimed that" is the same act
    # the author's part (8 words less the 4 of the claim) reads negative, and the party's own
    # words, distanced, count against it: (4 x -1 + 4 x -1) / 8
    assert p["stance"]["author"]["words"] == 4 and own["weight"] == 4.0 and own["view"] == -1.0
    assert p["stance"]["score"] == -1.0


def test_a_denial_is_a_defence():
    p = party("Estova denied that Estovan troops shelled the village.", "Estova")
    own = voice(p, "Estova")
    assert own["self"] and own["mentions"] == 1 and own["view"] == 1.0
    assert p["stance"]["score"] > p["score"]


def test_a_named_party_that_never_occurs():
    p = party("Nothing about any of them here.", "Estova")
    assert p["mentions"] == 0 and p["voices"] == []
    assert p["stance"]["score"] is None and p["stance"]["label"] is None


def test_people_grouped_into_their_party_speak_for_it():
    text = ('Russian defense ministry spokesman Igor Konashenkov rejected the report. '
            '"Our jets did not strike the market," Konashenkov said.')
    d = analyze(text, measures=["sentiment"]).to_dict()
    russia = next(p for p in d["sentiment"]["parties"] if p["name"] == "Russia")
    own = voice(russia, "Russia")
    assert own["self"] and own["type"] == "party" and own["words"] >= 7


def test_stance_in_the_cli_json(tmp_path):
    import json

    from click.testing import CliRunner

    from mediabias.cli import main

    path = tmp_path / "a.txt"
    path.write_text("Estova falsely claimed that the dam was safe.", encoding="utf-8")
    r = CliRunner().invoke(main, ["sentiment", str(path), "--format", "json", "--party", "Estova=Estova",
                                  "--party", "Merrow=Merrow"])
    assert r.exit_code == 0, r.output
    parties = {p["name"]: p for p in json.loads(r.stdout)["sentiment"]["parties"]}
    assert parties["Estova"]["stance"]["label"] == "negative"
    assert parties["Merrow"]["stance"] == {**parties["Merrow"]["stance"], "score": None, "label": None}


# -- bad input -------------------------------------------------------------------------------------

_UNIT = ('"Russia lied about the strikes," Amnesty said. Moscow claimed that Amnesty\'s "remote" report was '
         "fake, and Russia refused to answer. The report uses expressions such as 'possible violations'. ")


@pytest.mark.parametrize("unit", [_UNIT, _UNIT.replace(".", ""), "Russia Amnesty Russia said \" "])
def test_linear_time_with_many_quotations_voices_and_mentions(unit):
    import time

    from conftest import assert_linear

    runs = iter(range(10**6))

    def timer(text):
        text = f"Run{next(runs)} {text}"
        t0 = time.perf_counter()
        analyze(text, measures=["sentiment", "hedging"])
        return time.perf_counter() - t0

    assert_linear("stance", unit, timer)
