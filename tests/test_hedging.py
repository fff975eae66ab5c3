from mediabias import analyze
from mediabias.measures import hedging, parties
from mediabias.text import Document


def hits(text, **kw):
    doc = Document(text)
    res = hedging.score(doc, parties.detect(doc, kw.get("user")))
    return [(h.text, h.category, h.in_quote) for h in res.hits], res.to_dict()


def test_categories_and_counts_hand_counted():
    text = (
        "The strikes may have hit a hospital. Some say the alleged attack was clearly planned. "
        "Officials reportedly disagree."
    )
    found, d = hits(text)
    assert found == [
        ("may have", "hedge", False),
        ("Some say", "weasel", False),
        ("alleged", "distancing", False),
        ("clearly", "booster", False),
        ("reportedly", "hedge", False),
    ]
    assert d["count"] == 4  # the booster is not a hedge
    assert d["by_category"] == {"hedge": 2, "distancing": 1, "weasel": 1, "booster": 1}
    words = len(text.split())
    assert d["per_1k_words"] == 4 * 1000 / words
    assert d["share_sentences_hedged"] == 1.0


def test_may_the_month_and_might_the_noun_are_not_hedges():
    found, _ = hits("In May the army showed its might. On May 5 it may attack. May 2015 was calm.")
    assert found == [("may", "hedge", False)]


def test_negated_modal_is_not_a_hedge():
    found, _ = hits("The UN could not confirm the report. It could be true.")
    assert found == [("could be", "hedge", False)]


def test_hedge_inside_quote_is_flagged_and_kept_out_of_author_voice():
    text = 'The minister said: "It may be true." The report may be wrong.'
    found, d = hits(text)
    assert found == [("may", "hedge", True), ("may", "hedge", False)]
    assert d["author_voice"]["count"] == 1 and d["quoted"]["count"] == 1


def test_scare_quote_is_distancing_but_reported_speech_is_not():
    found, _ = hits("Amnesty researched the attacks 'remotely' from London.")
    assert ("remotely", "distancing", False) in found
    found, _ = hits('Officials said the claims were "lies" and left.')
    assert not any(c == "distancing" for _, c, _ in found)


def test_offsets_point_at_the_hit():
    text = "It is believed that suspected Russian airstrikes hit the town."
    doc = Document(text)
    res = hedging.score(doc, parties.detect(doc))
    for h in res.hits:
        assert text[h.start:h.end] == h.text


def test_target_party_of_distancing():
    _, d = hits("The town was hit by suspected Russian airstrikes.")
    assert d["hits"][0]["target_party"] == "Russia"
    assert d["by_party"] == {"Russia": {"hedge": 0, "distancing": 1, "weasel": 0}}


def test_empty_text_has_null_rates():
    d = analyze("").to_dict()
    assert d["words"] == 0
    assert d["hedging"]["count"] == 0 and d["hedging"]["per_1k_words"] is None
    assert d["sources"]["per_100_words"] is None
    assert d["readability"]["flesch_reading_ease"] is None
