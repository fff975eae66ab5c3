"""Whose words a hedging hit distances (target_party) and whose words hold it (speaker),
on sentences written for these tests (measures/hedging_targets.py)."""

from mediabias import analyze


def hits(text, **kw):
    d = analyze(text, measures=["hedging"], **kw).to_dict()["hedging"]
    return [(h["text"], h["category"], h["target_party"], h["speaker"]) for h in d["hits"]], d


def test_a_scare_quote_in_reported_speech_distances_the_speaker():
    got, _ = hits('The Russian authorities have claimed that their armed forces are only striking "terrorist" targets.')
    assert got == [("claimed that", "distancing", "Russia", None), ("terrorist", "distancing", "Russia", None)]


def test_a_scare_quote_outside_speech_distances_the_subject_of_its_clause_not_a_party_inside_it():
    got, _ = hits('Amnesty researched the attacks "remotely", going as far as to accuse Russia of causing '
                  '"massive destruction" of homes.')
    assert got == [("remotely", "distancing", "Amnesty International", None),
                   ("massive destruction", "distancing", "Amnesty International", None)]
    got, _ = hits('Amnesty published a report. The NGO pinned the attacks on "suspected Russian airstrikes".')
    quote = next(h for h in got if h[0] == "suspected Russian airstrikes")
    assert quote[2] == "Amnesty International"  # the NGO's words, though Russia is named inside them
    # the hedge inside them is the NGO's word about Russia's strikes: a source's hedging, in quotes
    assert ("suspected", "distancing", "Russia", None) in got


def test_a_possessive_names_whose_phrase_it_is():
    got, _ = hits("The ministry denied Amnesty's 'remote investigation' of Russia's strikes.")
    assert got == [("remote investigation", "distancing", "Amnesty International", None)]
    got, _ = hits("Russia rejected Amnesty's alleged findings and its 'remote investigation'.")
    assert ("remote investigation", "distancing", "Amnesty International", None) in got


def test_a_claims_cue_distances_the_claimant_not_a_party_in_the_claim():
    got, _ = hits("Moscow claimed that Amnesty had lied.")
    assert got == [("claimed that", "distancing", "Russia", None)]


def test_a_hedge_that_is_a_cue_bears_on_its_source():
    got, _ = hits("Security analyst Charles Shoebridge told RT, suggesting that the report was an emotional call.")
    assert got == [("suggesting", "hedge", "Charles Shoebridge", None)]  # not RT, the outlet he spoke to


def test_hedges_only_mentioned_are_their_owners_words():
    text = ("The Amnesty International report was alarming. \"The report constantly uses expressions such as "
            "'supposedly Russian strikes,' 'possible violations' and nothing else,\" the Russian ministry said.")
    got, d = hits(text)
    # the ministry quotes the report's hedges back: the report's (Amnesty's) words, not the ministry's hedging
    assert got == [("supposedly", "distancing", "Amnesty International", "Amnesty International"),
                   ("possible", "hedge", "Amnesty International", "Amnesty International")]
    assert set(d["by_party"]) == {"Amnesty International"}
    # "such expressions as" with straight quotes inside straight quotes, the list read from the marks
    text = ('The Amnesty report came out on Wednesday. Russia said: "The report is full of such expressions as '
            '"presumably Russian airstrikes", "possible violations" and so on."')
    got, _ = hits(text)
    assert {(t, target, speaker) for t, _, target, speaker in got} == {
        ("presumably", "Amnesty International", "Amnesty International"),
        ("possible", "Amnesty International", "Amnesty International")}
    # an owner the text does not name: somebody's words, still not the quoting speaker's hedging
    got, _ = hits('Russia said: "They use words like "possible violations" all the time."')
    assert got == [("possible", "hedge", None, "anonymous")]


def test_hits_in_a_source_s_words_name_the_source():
    got, _ = hits('"The strikes may have hit a market," Amnesty said.')
    assert got == [("may have", "hedge", "Amnesty International", "Amnesty International")]
    got, _ = hits("Amnesty said the strikes probably hit a market.")
    assert got == [("probably", "hedge", "Amnesty International", "Amnesty International")]


def test_a_time_phrase_is_no_weasel():
    got, _ = hits("Amnesty has at some point called for the arming of rebels.")
    assert got == []
    got, _ = hits("Some officials called for the arming of rebels.")
    assert [h[:2] for h in got] == [("Some", "weasel")]
