"""Quotation finding beyond tests/test_document.py: doubled apostrophes,
backticks, quotations over paragraphs, odd numbers of marks."""

from mediabias.text import Document
from mediabias.text.quotes import find_quotes


def contents(text):
    return [text[q.content_start:q.content_end] for q in find_quotes(text) if q.depth == 0]


def test_doubled_apostrophes_are_double_quotes():
    # the New York Times archive writes ''quoted'' (PolNeAR's NYT articles do)
    text = "''That wasn't a good way to treat me,'' he complained. Russia's ''remote'' claims."
    assert contents(text) == ["That wasn't a good way to treat me,", "remote"]
    q = find_quotes(text)[0]
    assert (q.start, q.content_start) == (0, 2) and text[q.content_end:q.end] == "''"


def test_backtick_quotes():
    text = "He said ``we will go'' and left."
    assert contents(text) == ["we will go"]


def test_single_quote_inside_doubled_apostrophes_is_nested_not_a_closer():
    text = "''He said, 'Eight years, no daylight.' It was over,'' Mr. Rhodes recalled."
    assert contents(text) == ["He said, 'Eight years, no daylight.' It was over,"]
    nested = [text[q.content_start:q.content_end] for q in find_quotes(text) if q.depth == 1]
    assert nested == ["Eight years, no daylight."]


def test_quotation_reopened_in_each_paragraph_is_one_quotation():
    text = (
        "\u201cWe have studied the report.\n\n"
        "\u201cThere was nothing new in it,\u201d the spokesman said.\n\nEnd."
    )
    qs = contents(text)
    assert len(qs) == 1 and qs[0].endswith("nothing new in it,")
    doc = Document(text)
    assert doc.in_quote(text.index("nothing")) and not doc.in_quote(text.index("End"))


def test_odd_numbers_of_marks_of_every_kind():
    for unit in ('" ', "'' ", "\u201c ", "\u201d ", "`` ", "' "):
        text = ("x " + unit) * 1001
        qs = find_quotes(text)
        doc = Document(text)
        assert all(0 <= q.start < q.end <= len(text) for q in qs)
        assert doc.quote_at(0) is None or doc.quote_at(0).start == 0


def test_unclosed_quotation_ends_at_its_paragraph():
    text = 'He said "this never ends.\n\nThe next paragraph is the author\'s.'
    (q,) = find_quotes(text)
    assert not q.closed and text[q.content_start:q.content_end] == "this never ends."


def test_a_closing_mark_paragraphs_later_does_not_swallow_the_paragraphs_between():
    # issue 13: a quotation that never closes in its paragraph (or the next)
    # ends with its paragraph, whatever stray closing mark comes later
    for opening, closing in (("\u201c", "\u201d"), ('"', '"'), ("\u00ab", "\u00bb"), ("``", "''")):
        text = f"He said {opening}this never ends.\n\nThe author writes.\n\nMore author text.{closing} He left."
        top = [q for q in find_quotes(text) if q.depth == 0]
        assert [text[q.content_start:q.content_end] for q in top] == ["this never ends."], opening
        assert not top[0].closed
        doc = Document(text)
        assert not doc.in_quote(text.index("author")) and not doc.in_quote(text.index("More"))


def test_a_run_of_blank_lines_is_one_paragraph_break():
    text = "\u201cFirst paragraph.\n\n\n \n\n\u201cSecond paragraph,\u201d he said."
    (q,) = [q for q in find_quotes(text) if q.depth == 0]
    assert q.closed and text[q.content_start:q.content_end].endswith("Second paragraph,")
