"""Whose words are where (measures/speech.py), on texts written for these tests."""

from mediabias.measures import parties, sources
from mediabias.measures.speech import Speech
from mediabias.text import Document


def speech(text, user=None):
    doc = Document(text)
    index = parties.detect(doc, user)
    return doc, Speech(doc, index, sources.score(doc, index))


def test_the_innermost_citation_and_its_voice():
    text = '"We found that Russia struck a market," said Philip Luther, a director at Amnesty International.'
    doc, sp = speech(text)
    k = sp.citation_at(text.index("Russia"), text.index("Russia") + 6)
    assert k is not None
    v = sp.speaker(k)
    assert (v.key, v.party, v.type) == ("Amnesty International", "Amnesty International", "party")
    assert sp.citation_at(text.index("Philip"), text.index("Philip") + 6) is None  # the source is the author's words


def test_unnamed_sources_are_one_anonymous_voice():
    text = "Officials said the strikes hit a market."
    doc, sp = speech(text)
    (k,) = range(len(sp.citations))
    assert sp.speaker(k) == ("anonymous", None, "anonymous")


def test_each_word_is_given_to_one_voice():
    text = 'Amnesty reports:\n\nThe report says Russian jets struck a market. Russia claimed that its jets struck only "terrorists".\n'
    doc, sp = speech(text)
    by_source = {doc.text[c.source[0]:c.source[1]]: k for k, c in enumerate(sp.citations)}
    block, report, claim = by_source["Amnesty"], by_source["The report"], by_source["Russia"]
    words = {k: len(doc.text[slice(*sp.citations[k].content)].split()) for k in (block, report, claim)}
    assert words[block] == 16 and words[report] == 5 and words[claim] == 5
    # "Russian jets struck a market" is the report's, 'its jets struck only "terrorists"' Russia's,
    # and the rest of the block (16 - 5 - 5 words) Amnesty's own
    assert (sp.own_words[block], sp.own_words[report], sp.own_words[claim]) == (6, 5, 5)


def test_a_definite_description_refers_to_the_party_last_named_with_its_noun():
    text = ("The Amnesty International report was alarming. Russia's defense ministry disagreed. "
            "The report constantly uses such words. The ministry said so.")
    doc, sp = speech(text)
    uses = doc.lowers.index("uses")
    said = doc.lowers.index("said")
    assert sp.subject_party(uses, doc.sentences[doc.tok_sent[uses]].tok_start) == "Amnesty International"
    assert sp.subject_party(said, doc.sentences[doc.tok_sent[said]].tok_start) == "Russia"
    assert sp.definite("report", 0) is None  # nothing named before the text starts
