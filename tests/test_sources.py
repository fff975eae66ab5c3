from mediabias.measures import parties, sources
from mediabias.text import Document


def cites(text):
    doc = Document(text)
    d = sources.score(doc, parties.detect(doc)).to_dict()
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
    assert rows[0][5] == "Russia"
    assert rows[1] == ("direct", "said", "Konashenkov", "person", "We saw nothing,", "Russia")
    assert rows[2][:4] == ("indirect", "According to", "Amnesty International", "organisation")
    assert d["attributions"] == 3 and d["named"] == 3 and d["anonymous"] == 0


def test_anonymous_sources():
    rows, d = cites("Officials said the strikes continued. It was reported that the town fell.")
    assert rows[0][2] == "Officials" and rows[0][3] == "anonymous"
    assert d["anonymous"] == 2


def test_noun_uses_are_not_cues():
    rows, d = cites("The report found damage. These claims were denied by Moscow.")
    # "report" and "claims" after a determiner are nouns; "found" is a cue with the report as its source
    assert [r[1] for r in rows] == ["found", "were denied"]  # the cue takes its auxiliary, as annotators mark it
    assert rows[0][2:4] == ("The report", "document")
    assert rows[1][2] == "Moscow"


def test_carried_quote_and_density():
    text = (
        '"We will not stop until the truth is known," Mbeki said.\n\n'
        '"The families deserve answers from the people who were responsible."'
    )
    rows, d = cites(text)
    assert rows[1][0] == "quote" and rows[1][2] == "Mbeki"
    assert d["direct_quotes"] == 2
    assert d["per_100_words"] == 1 * 100 / Document(text).n_words
