from mediabias.measures import parties, sentiment
from mediabias.text import Document


def score(text, user=None):
    doc = Document(text)
    return sentiment.score(doc, parties.detect(doc, user)).to_dict()


def test_clause_not_sentence_and_mean_over_mentions():
    d = score("Russia was praised for its excellent help; Syria was condemned for horrible crimes.")
    by = {p["name"]: p for p in d["parties"]}
    assert by["Russia"]["score"] > 0.05 and by["Russia"]["label"] == "positive"
    assert by["Syria"]["score"] < -0.05 and by["Syria"]["label"] == "negative"
    for p in d["parties"]:
        assert p["mentions"] == 1 == p["positive"] + p["neutral"] + p["negative"]


def test_evidence_has_offsets_and_voice():
    text = 'Amnesty said: "Russia committed terrible crimes." Russia is a country.'
    d = score(text)
    russia = next(p for p in d["parties"] if p["name"] == "Russia")
    assert russia["mentions"] == 2
    assert [text[e["start"]:e["end"]] for e in russia["evidence"]] == ["Russia", "Russia"]
    assert [e["in_quote"] for e in russia["evidence"]] == [True, False]
    assert russia["by_voice"]["quoted"]["mentions"] == 1
    assert russia["by_voice"]["quoted"]["score"] < 0
    assert russia["by_voice"]["author"]["score"] == 0.0


def test_user_party_with_no_mentions_is_listed_with_null_score():
    d = score("Nothing here.", {"Russia": ("Russia",)})
    assert d["parties"] == [
        {**d["parties"][0], "name": "Russia", "mentions": 0, "score": None, "label": None, "evidence": []}
    ]
