"""Hypothesis strategies for articles that news corpora can hold, and worse.

Real news fragments (written for these tests: attributions, hedges, quotations,
party names, datelines) are mixed with what breaks text tools: every kind of
quotation mark, unbalanced; combining marks; right-to-left text and bidi
controls; emoji sequences; NUL, C0/C1 controls and escape sequences; lone
surrogates; very long tokens; runs of newlines; repeated cue words.
"""

from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = [
    "The ministry said the strikes had hit only military targets.",
    "Officials said on Tuesday that the convoy may have been attacked by mistake.",
    "\u201cWe have no evidence of that,\u201d a spokesman told reporters.",
    "According to the United Nations, at least 40 civilians were killed.",
    "Amnesty International said the report was based on interviews with survivors.",
    "Russia denied the allegations, calling them \u201cfake news\u201d.",
    "Igor Konashenkov, a Defense Ministry spokesman, said the claims were false.",
    "The so-called experts could not confirm the figures, sources close to the talks said.",
    "It is believed that the dam was poorly maintained.",
    "Critics argue the inquiry was a whitewash; others say it was thorough.",
    "\u201cThis is clearly a war crime,\u201d said Maria Lopez of Human Rights Watch.",
    "The Kremlin reportedly rejected the offer.",
    "Moscow, Dec. 23 (Reuters) - The U.S. State Department said it was \u201cdeeply concerned\u201d.",
    "\u00abNous ne c\u00e9derons pas\u00bb, a d\u00e9clar\u00e9 le ministre.",
    "\u201eWir pr\u00fcfen das\u201c, sagte ein Sprecher.",
    "\u2018Suspected\u2019 strikes, the broadcaster called them.",
    "''That wasn't a good way to treat me,'' he complained.",
    "He said ``we will go'' and left.",
    "Hamas and Israel traded accusations as NATO called for restraint.",
    "The NGO, which has worked in the region since 2011, disputed the account.",
    "Apparently, of course, nobody was responsible.",
    "Some say the figures are inflated, but the ministry insists they are accurate.",
    "Dr. J. R. Smith Jr., an analyst at the institute, told RT that the \u2018evidence\u2019 was thin.",
    "BREAKING: Minister resigns",
    "Photo: A frame grab shows smoke over the city. (Reuters)",
    "Read more: Why the talks collapsed",
    "WASHINGTON \u2014 The president said: \u201cWe will respond.\u201d",
    "\u201cIt is crucial that suspected violations are investigated,\u201d Philip Luther said.",
    "The report, published on Wednesday, alleged that cluster munitions were used.",
    "A source familiar with the matter said talks might resume next week.",
]
QUOTE_MARKS = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u201a", "''", "``",
               "\u2039", "\u203a", "\u300c", "\u300d", "\u201f", "\uff02"]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u20dd", "e\u0301", "a\u0308\u0304", "\u0336" * 5, "Z\u0351\u0342\u034b\u0300"]
RTL = ["\u0642\u0627\u0644\u062a \u0627\u0644\u0648\u0632\u0627\u0631\u0629 \u0625\u0646",
       "\u05d0\u05de\u05e8 \u05d4\u05d3\u05d5\u05d1\u05e8", "\u200f", "\u200e", "\u061c",
       "\u05f4\u05d4\u05d0\u05d5\u05f4\u05dd"]
EMOJI = ["\U0001f600", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\U0001f1fa\U0001f1e6", "\U0001f44d\U0001f3fd",
         "\u2764\ufe0f", "\U0001f3f3\ufe0f\u200d\U0001f308"]
CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)] + [
    "\x1b[31m", "\x1b]0;pwned\x07", "\x1b[2J", "\u202e", "\u202d", "\u2066", "\u2069", "\u2028", "\u2029", "\ufeff",
    "\u200b", "\u200d", "\u00ad", "\ufffe", "\uffff", "\U000e0001",
]
SURROGATES = ["\ud800", "\udfff", "\udc80", "\ud83d"]  # lone: only Python strings can hold them
CUES = ["said", "said said said", "says", "according to", "told reporters", "claimed that", "denied", ":",
        "\u2014", "reportedly", "sources said", "officials said", "in the words of", "Q:", "WALLACE:"]
HEDGES = ["may", "might have", "could", "allegedly", "so-called", "it is believed", "some say", "of course",
          "apparently", "not clear", "many", "experts"]
PARTIES = ["Russia", "Russian", "Russia's", "Moscow", "Kremlin", "Amnesty International", "Amnesty", "U.S.", "US",
           "United Nations", "U.N.", "Igor Konashenkov", "Konashenkov", "Human Rights Watch", "the NGO",
           "the ministry", "Hamas", "NATO", "Syria", "Assad", "Mr. Smith", "O'Brien"]
SEPARATORS = [" ", "", "\n", "\n\n", ", ", ". ", "\t", "\r\n", " \u00a0", "\n\n\n\n"]


@st.composite
def long_token(draw) -> str:
    n = draw(st.integers(100, 6000))
    unit = draw(st.sampled_from(["a", "x-", "Ab", "'", "9", "\u00e9", "_", ".", "\u201c", "-", "e\u0301", "\U0001f600"]))
    return unit * n


def _pieces(*, surrogates: bool) -> st.SearchStrategy[str]:
    odd = CONTROLS + (SURROGATES if surrogates else [])
    return st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(FRAGMENTS),  # news text most of the time
        st.sampled_from(QUOTE_MARKS),
        st.sampled_from(COMBINING),
        st.sampled_from(RTL),
        st.sampled_from(EMOJI),
        st.sampled_from(odd),
        st.sampled_from(CUES),
        st.sampled_from(HEDGES),
        st.sampled_from(PARTIES),
        st.sampled_from(["\n" * k for k in (1, 2, 3, 7, 50)] + ["\r", "\n \n", "\x0c"]),
        st.text(max_size=12),  # anything hypothesis likes (no surrogates)
        long_token(),
    )


def articles(*, surrogates: bool = True, max_pieces: int = 40) -> st.SearchStrategy[str]:
    """An article: pieces joined by separators.  ``surrogates=False`` for text
    that must travel as UTF-8 (files)."""
    pair = st.tuples(_pieces(surrogates=surrogates), st.sampled_from(SEPARATORS))
    return st.lists(pair, max_size=max_pieces).map(lambda ps: "".join(p + s for p, s in ps))


def party_specs() -> st.SearchStrategy[dict[str, list[str]]]:
    """User party sets: names and aliases from the pool, or odd strings."""
    alias = st.one_of(st.sampled_from(PARTIES), st.text(min_size=1, max_size=15).filter(lambda a: a.strip()))
    return st.dictionaries(st.sampled_from(["Russia", "Amnesty", "UN", "Party \u00e9", "X"]),
                           st.lists(alias, min_size=1, max_size=4), min_size=1, max_size=3)


MEASURE_SETS = [("hedging", "sentiment", "sources", "readability"), ("hedging",), ("sources",), ("sentiment",),
                ("readability",), ("parties",), ("hedging", "sentiment", "sources", "readability", "parties")]


def linear_units() -> st.SearchStrategy[str]:
    """A generated text to repeat for the timing property (at least 20 characters)."""
    return articles(max_pieces=12).filter(lambda t: len(t.strip()) >= 20)
