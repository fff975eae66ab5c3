"""Source citation on small passages written for these tests, counted by hand."""

import pytest

from mediabias.measures import parties, sources
from mediabias.text import Document


def cites(text, party_spec=None):
    doc = Document(text)
    d = sources.score(doc, parties.detect(doc, party_spec)).to_dict()
    rows = []
    for c in d["citations"]:
        rows.append((
            c["kind"],
            c["cue"]["text"] if c["cue"] else None,
            c["source"]["text"] if c["source"] else None,
            c["source_type"],
            text[c["content"]["start"]:c["content"]["end"]] if c["content"] else None,
            c["party"],
        ))
    return rows, d


def test_subject_verb_and_inverted_order_and_according_to():
    text = (
        "Russian defense ministry spokesman Igor Konashenkov said the report was false. "
        '"We saw nothing," said Konashenkov. '
        "According to Amnesty International, 200 civilians died."
    )
    rows, d = cites(text)
    assert rows[0][:4] == ("indirect", "said", "Russian defense ministry spokesman Igor Konashenkov", "person")
    assert rows[0][4] == "the report was false"
    assert rows[0][5] == "Russia"  # a person counts for the party of their affiliation
    assert rows[1] == ("direct", "said", "Konashenkov", "person", "We saw nothing,", "Russia")
    assert rows[2] == ("indirect", "According to", "Amnesty International", "organisation", "200 civilians died", "Amnesty International")
    assert d["attributions"] == 3 and d["named"] == 3 and d["anonymous"] == 0
    assert [c["cue_class"] for c in d["citations"]] == ["speech", "speech", "phrase"]


@pytest.mark.parametrize(
    "text, cue, source",
    [
        ("Ole Solvang, a researcher at the group, said the bombs were Russian.", "said", "Ole Solvang"),
        ("The ministry's spokesman, Igor Konashenkov, said the photos were fake.", "said", "Igor Konashenkov"),
        ("Sanders told reporters that the race was not over.", "told", "Sanders"),
        ("The report was described by Human Rights Watch as accurate.", "was described", "Human Rights Watch"),
        ("Konashenkov was quoted as saying that the report contained nothing new.", "was quoted as saying", "Konashenkov"),
        ("A statement from the Russian Defense Ministry said the report was false.", "said", "A statement from the Russian Defense Ministry"),
        ("The rebels have repeatedly denied the charges.", "have repeatedly denied", "The rebels"),
        ("Rep. Hank Johnson (D-Ga.) said the vote was close.", "said", "Rep. Hank Johnson (D-Ga.)"),
        ("In the words of Philip Luther, the attacks may amount to war crimes.", "In the words of", "Philip Luther"),
        # a time phrase or an adverbial between the subject and the verb is not the source
        ("Sanders on Monday said the race was not over.", "said", "Sanders"),
        ("The ministry on Dec. 23 denied the report.", "denied", "The ministry"),
        ("Officials in Damascus earlier this month rejected the claims.", "rejected", "Officials in Damascus"),
        ("The general in turn accused the group of lying.", "accused", "The general"),
        ("The watchdog came to the conclusion that the strikes were unlawful.", "came to the conclusion", "The watchdog"),
    ],
)
def test_cue_forms_and_orders(text, cue, source):
    rows, _ = cites(text)
    assert [(r[1], r[2]) for r in rows] == [(cue, source)]


def test_relative_pronoun_source_keeps_what_it_refers_to():
    text = "The report angered Cramer, who called it a fabrication."
    doc = Document(text)
    d = sources.score(doc, parties.detect(doc)).to_dict()
    called = [c for c in d["citations"] if c["cue"]["text"] == "called"][0]
    assert called["source"]["text"] == "who"  # as annotators mark it
    assert called["source"]["refers_to"]["text"] == "Cramer"


def test_participle_and_coordinated_verbs_keep_the_speaker():
    text = "Trump said the poll was rigged, adding that he would win, and called the media dishonest."
    rows, d = cites(text)
    assert [(r[1], r[2]) for r in rows] == [("said", "Trump"), ("adding", "Trump"), ("called", "Trump")]
    # each content is its own stretch of the sentence
    assert rows[0][4] == "the poll was rigged"
    assert rows[1][4] == "he would win"


def test_stance_verbs_are_cues_but_not_inside_reported_words():
    rows, _ = cites("Clinton criticized the plan. Voters believe the economy is weak.")
    assert [(r[1], r[2]) for r in rows] == [("criticized", "Clinton"), ("believe", "Voters")]
    # "thinks" is the reported speaker's, inside what Cuban said
    rows, _ = cites("Cuban said he thinks Trump is unprepared.")
    assert [r[1] for r in rows] == ["said"]


def test_noun_uses_are_not_cues_but_nominal_cues_are():
    rows, _ = cites("The report found damage. These claims were denied by Moscow. His support was strong.")
    # "report", "claims" and "support" after a determiner are nouns; "found" has the report as its source
    assert [r[1] for r in rows] == ["found", "were denied"]  # the cue takes its auxiliary, as annotators mark it
    assert rows[0][2:4] == ("The report", "document")
    assert rows[1][2] == "Moscow"
    rows, _ = cites("Russia's denial that it struck a hospital was rejected.")
    assert rows[0][:3] == ("indirect", "denial", "Russia")
    assert rows[0][4].startswith("it struck a hospital")


def test_anonymous_sources():
    text = (
        "Officials said the strikes continued. It was reported that the town fell. "
        "A source close to the ministry said talks had failed. Witnesses told the agency that a market was hit."
    )
    rows, d = cites(text)
    assert [r[2] for r in rows] == ["Officials", None, "A source close to the ministry", "Witnesses"]
    assert all(r[3] == "anonymous" for r in rows)
    assert d["anonymous"] == 4 and d["named"] == 0 and d["share_anonymous"] == 1.0


@pytest.mark.parametrize(
    "text, source_type",
    [
        ("The advocacy group Rivers Watch International said the dam was old.", "organisation"),
        ("Campaign aide John Smith said the race was over.", "person"),
        ("The Estovan government said nothing.", "organisation"),
        ("People familiar with the talks said they had stalled.", "anonymous"),
        ("The panel said the vote was fair.", "organisation"),  # not a person for its capital "The"
        ("The man said the vote was fair.", "anonymous"),
    ],
)
def test_the_noun_before_a_name_says_what_the_name_is(text, source_type):
    rows, _ = cites(text)
    assert rows[0][3] == source_type


def test_source_types_media_document_and_via():
    text = (
        "Sputnik reported that the jets had returned. The Amnesty report concluded that civilians died. "
        "A resident told RT that the town was quiet."
    )
    rows, d = cites(text)
    assert [r[3] for r in rows] == ["media", "document", "anonymous"]
    assert rows[1][5] == "Amnesty International"
    told = d["citations"][2]
    assert told["via"]["text"] == "RT" and told["via"]["party"] == "RT"
    assert rows[2][4] == "the town was quiet"  # the addressee is not part of what was said
    assert d["by_source_type"] == {"anonymous": 1, "document": 1, "media": 1}


def test_reports_colon_introduces_the_next_paragraph():
    text = "Moscow rejected the findings. Sputnik reports:\n\nThe ministry called the report fake and biased.\n\nEnd."
    rows, d = cites(text)
    sputnik = [r for r in rows if r[2] == "Sputnik"][0]
    assert sputnik[4] == "The ministry called the report fake and biased."


def test_speaker_colon_but_not_q_and_a_or_labels():
    rows, _ = cites("WALLACE: Let's start with the debate.\n\nQ: Will you run?\n\nBreaking: Sanders wins Iowa.")
    assert [(r[1], r[2]) for r in rows] == [(":", "WALLACE")]


def test_quote_spanning_sentences_and_carried_to_the_next_paragraph():
    text = (
        'Helen Mbeki said: "We will not stop. The truth will come out."\n\n'
        '"The families deserve answers from the people responsible."'
    )
    rows, d = cites(text)
    assert rows[0] == ("direct", "said:", "Helen Mbeki", "person", "We will not stop. The truth will come out.", "Helen Mbeki")
    assert rows[1][0] == "quote" and rows[1][2] == "Helen Mbeki" and rows[1][1] is None
    assert d["direct_quotes"] == 2
    assert d["attributions"] == 1  # the carried quotation has no cue of its own
    assert d["by_party"]["Helen Mbeki"] == {"attributions": 1, "quoted_words": 9 + 8, "content_words": 9 + 8}


def test_partial_quote_inside_a_sentence_belongs_to_its_attribution():
    text = 'Trump called it "a total disaster for the people here" and left.'
    rows, d = cites(text)
    assert len(rows) == 1 and rows[0][1] == "called"  # no second, carried citation
    assert d["citations"][0]["quoted_words"] == 7


def test_cues_inside_quotations_are_the_speakers_not_the_authors():
    rows, _ = cites('"They said no and told us to leave," the mayor said.')
    assert [(r[1], r[2]) for r in rows] == [("said", "the mayor")]


def test_densities_and_shares_by_hand():
    text = (
        'Officials said the dam held. "It is safe now and the water is falling," Ivan Petrov said. '
        "The river rose. It was cold."
    )
    rows, d = cites(text)
    assert [r[1] for r in rows] == ["said", "said"]
    assert Document(text).n_words == 23
    assert d["attributions"] == 2
    assert d["per_100_words"] == pytest.approx(2 * 100 / 23)
    assert d["per_sentence"] == pytest.approx(2 / 4)
    assert d["share_sentences_attributed"] == pytest.approx(2 / 4)
    assert d["direct_quotes"] == 1
    assert d["share_words_quoted"] == pytest.approx(9 / 23)  # "It is safe now and the water is falling,"
    assert d["named"] == 1 and d["anonymous"] == 1 and d["share_anonymous"] == 0.5


def test_by_party_counts_voices_with_affiliation():
    text = (
        'Russian defense ministry spokesman Igor Konashenkov said the report was false. '
        '"Nothing new was published, only old fakes," Konashenkov said. '
        "Amnesty International said it stood by its findings."
    )
    _, d = cites(text)
    assert d["by_party"]["Russia"]["attributions"] == 2
    assert d["by_party"]["Russia"]["quoted_words"] == 7
    assert d["by_party"]["Amnesty International"] == {"attributions": 1, "quoted_words": 0, "content_words": 5}
    assert list(d["by_party"]) == ["Russia", "Amnesty International"]  # most attributions first


def test_user_parties_are_sources_too():
    _, d = cites("Estova's Energy Ministry said the dam was safe.", {"Estova": ("Estova", "Energy Ministry")})
    assert d["by_party"] == {"Estova": {"attributions": 1, "quoted_words": 0, "content_words": 4}}


def test_empty_and_cue_only_texts():
    _, d = cites("")
    assert d["attributions"] == 0 and d["per_100_words"] is None and d["share_anonymous"] is None
    rows, d = cites("said")
    assert d["attributions"] == 0 and rows == []  # a cue with no one who can speak is no citation


def test_source_extent_takes_the_apposition_the_type_and_party_come_from_the_name():
    text = (
        '"Such attacks may amount to war crimes," said Philip Luther, director of the regional programme at '
        "Amnesty International. Chris Cox, who runs the lobbying arm, said the bill was dead. "
        '"No," said Smith, adding that it was over.'
    )
    _, d = cites(text)
    by_cue = {(c["cue"]["text"], c["source"]["text"]): c for c in d["citations"] if c["cue"]}
    luther = by_cue[("said", "Philip Luther")]["source"]
    assert luther["extent"]["text"] == "Philip Luther, director of the regional programme at Amnesty International"
    assert text[luther["extent"]["start"]:luther["extent"]["end"]] == luther["extent"]["text"]
    assert by_cue[("said", "Philip Luther")]["party"] == "Amnesty International"
    assert by_cue[("said", "Chris Cox")]["source"]["extent"]["text"] == "Chris Cox, who runs the lobbying arm"
    smith = by_cue[("said", "Smith")]["source"]
    assert "extent" not in smith  # "adding that ..." is no apposition


def test_a_definite_description_takes_the_party_of_the_source_it_refers_back_to():
    text = (
        "A Russian Defense Ministry spokesman said the report was false. The ministry also called it biased. "
        "Amnesty's report documented 25 strikes. The report said 200 civilians died. The group said nothing."
    )
    rows, _ = cites(text)
    by_source = {r[2]: (r[3], r[5]) for r in rows}
    assert by_source["The ministry"] == ("organisation", "Russia")
    assert by_source["The report"] == ("document", "Amnesty International")
    # "the group" refers back to the organisation named before it (a descriptor mention of Amnesty)
    assert by_source["The group"] == ("organisation", "Amnesty International")
