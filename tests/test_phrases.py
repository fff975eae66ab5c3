from mediabias.text import Document
from mediabias.text.phrases import PhraseMatcher


def test_leftmost_longest_non_overlapping():
    m = PhraseMatcher([("it is", "a"), ("it is believed", "b"), ("believed", "c"), ("of course", "d")])
    doc = Document("It is believed, of course, that it is so.")
    found = [(doc.lowers[x.tok_start], x.tok_end - x.tok_start, x.payload) for x in m.find(doc.lowers)]
    assert found == [("it", 3, "b"), ("of", 2, "d"), ("it", 2, "a")]


def test_case_sensitive_matching():
    m = PhraseMatcher([("US", "United States"), ("IS", "Islamic State")], case_sensitive=True)
    doc = Document("The US said it is IS. Tell us.")
    assert [x.payload for x in m.find(doc.tokens)] == ["United States", "Islamic State"]


def test_membership():
    m = PhraseMatcher([("so-called", 1)])
    assert "So-called" in m and "called" not in m
