import pytest

from mediabias import analyze
from mediabias.text import Document
from mediabias.text.quotes import find_quotes
from mediabias.text.segment import split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_tokens_have_offsets_into_the_text():
    text = "Amnesty's report, released in the U.S. on Wednesday, didn't say."
    doc = Document(text)
    assert doc.tokens == ["Amnesty", "'s", "report", ",", "released", "in", "the", "U.S.", "on", "Wednesday", ",", "didn't", "say", "."]
    for tok, s, e in zip(doc.tokens, doc.tok_starts, doc.tok_ends):
        assert text[s:e] == tok
    assert doc.n_words == 10  # the clitic 's is a token, not a word


def test_curly_apostrophe_is_folded_in_lowers_only():
    doc = Document("Russia\u2019s strikes")
    assert doc.tokens[1] == "\u2019s"
    assert doc.lowers[:2] == ["russia", "'s"]


def test_sentence_split_abbreviations_initials_and_acronyms():
    text = (
        "Maj. Gen. Igor Konashenkov spoke on Jan. 5 in Moscow. John F. Kennedy was cited. "
        "He lives in the U.S. The ministry said so. It sits near the U.S. Embassy."
    )
    assert sentences(text) == [
        "Maj. Gen. Igor Konashenkov spoke on Jan. 5 in Moscow.",
        "John F. Kennedy was cited.",
        "He lives in the U.S.",
        "The ministry said so.",
        "It sits near the U.S. Embassy.",
    ]


def test_sentence_split_quotes_and_newlines():
    text = 'Headline without a stop\n"We will respond," he said. "Soon!" She left.\nwrapped line continues here.'
    assert sentences(text) == [
        "Headline without a stop",
        '"We will respond," he said.',
        '"Soon!"',
        "She left.\nwrapped line continues here.",
    ]


def test_sentence_index_and_token_sentence_map_agree():
    doc = Document("One two. Three four five. Six.")
    assert len(doc.sentences) == 3
    assert [doc.tok_sent[i] for i in range(len(doc.tokens))] == [0, 0, 0, 1, 1, 1, 1, 2, 2]
    assert doc.sentence_index(doc.text.index("Four".lower())) == 1


def test_straight_and_curly_quotes():
    text = 'He said "we will go" and \u201cthey stayed\u201d.'
    qs = find_quotes(text)
    assert [text[q.content_start:q.content_end] for q in qs] == ["we will go", "they stayed"]
    assert all(q.closed for q in qs)


def test_apostrophes_are_not_quotes_but_single_quotes_are():
    text = "Russia's 'remote investigation' and the Russians' claims don't matter."
    qs = find_quotes(text)
    assert [text[q.content_start:q.content_end] for q in qs] == ["remote investigation"]


def test_quote_running_over_paragraphs():
    text = '"First paragraph of the quote.\n\n"Second paragraph," he said.\n\nAfter.'
    qs = [q for q in find_quotes(text) if q.depth == 0]
    assert len(qs) == 1
    inner = text[qs[0].content_start:qs[0].content_end]
    assert inner.startswith("First") and inner.endswith("Second paragraph,")
    doc = Document(text)
    assert doc.in_quote(text.index("Second"))
    assert not doc.in_quote(text.index("After"))


def test_quote_closing_in_next_paragraph_without_reopening():
    text = "*\"The report uses 'words,' 'possible violations of*\n\n*international law' - without evidence,\" he noted.*"
    qs = [q for q in find_quotes(text) if q.depth == 0]
    assert len(qs) == 1 and qs[0].closed
    assert "without evidence" in text[qs[0].content_start:qs[0].content_end]


def test_unmatched_quotes_do_not_crash_and_close_at_paragraph_end():
    text = 'He said "this never ends.\n\nNext paragraph has no marks.'
    qs = find_quotes(text)
    assert len(qs) == 1 and not qs[0].closed
    assert text[qs[0].content_start:qs[0].content_end] == "this never ends."
    # an odd number of marks everywhere
    text = '" ' * 1001
    find_quotes(text)
    Document(text)


def test_nested_single_quotes_inside_double():
    text = "\"They wrote 'supposedly Russian strikes' in it,\" he said."
    qs = find_quotes(text)
    nested = [q for q in qs if q.depth == 1]
    assert [text[q.content_start:q.content_end] for q in nested] == ["supposedly Russian strikes"]


def test_empty_text():
    doc = Document("")
    assert doc.tokens == [] and doc.sentences == [] and doc.n_words == 0
    assert not doc.in_quote(0)


# Every C0 and C1 control character, white space that is not a space, format
# characters (zero width, bidi overrides, BOM) and lone surrogates.
ODD_CHARACTERS = [chr(c) for c in (*range(0, 32), *range(127, 160))] + [
    "\u200b", "\u200e", "\u202e", "\u2066", "\u2028", "\u2029", "\ufeff", "\ud800", "\udfff", "\U0001f600", "\u0301",
]


@pytest.mark.parametrize("ch", ODD_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_no_character_in_the_text_shifts_tokens(ch):
    # Document once joined tokens with NUL to lower-case them in one call, so a
    # NUL in the text added a phantom token and every later lower-case token
    # sat one place off its token
    text = f"Officials said {ch} it may{ch}rain.{ch}{ch}Russia{ch}'s claims."
    doc = Document(text)
    assert len(doc.lowers) == len(doc.tokens) == len(doc.tok_starts) == len(doc.tok_ends)
    for tok, low, s, e in zip(doc.tokens, doc.lowers, doc.tok_starts, doc.tok_ends):
        assert text[s:e] == tok
        assert low == tok.lower().replace("\u2019", "'")
    i = doc.lowers.index("may")
    assert doc.tokens[i] == "may" and doc.lowers[i + 1 :].count("rain") == 1


def test_nul_is_not_a_hedge_shifter_and_does_not_crash_the_measures():
    report = analyze("Officials said \x00 it may rain.").to_dict()
    assert [h["text"] for h in report["hedging"]["hits"]] == ["may"]
    report = analyze("\x00may have").to_dict()
    assert [h["text"] for h in report["hedging"]["hits"]] == ["may have"]
    text = '\x00Igor Konashenkov\x00 said\x00 "it\x00 may be\x00 so"\x00 and Amnesty\x00 denied it.'
    report = analyze(text).to_dict()
    assert report["sources"]["attributions"] >= 1
    for c in report["sources"]["citations"]:
        for part in ("cue", "source", "content"):
            if c.get(part) and "text" in c[part]:
                assert text[c[part]["start"]:c[part]["end"]] == c[part]["text"]


def test_word_count_is_tokens_starting_with_a_letter_or_digit():
    doc = Document("_under score_, 42 naïve Ωmega ‘quoted’ — x")
    assert doc.n_words == sum(1 for t in doc.tokens if t[0].isalnum())
    assert doc.n_words == 6  # score_ 42 naïve Ωmega quoted x ("_under" starts with "_")
