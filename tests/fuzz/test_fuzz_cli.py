"""The same properties through the command line: generated corpora of files
(in several encodings, some binary), saved web pages and JSON Lines files (odd values, broken
lines) in a folder tree, scored by ``mediabias score --format jsonl`` in a real
process with one or two workers.

For each corpus: the exit code is 0 when every input was analysed and 3 when
some failed; exactly one record per input, in input order; standard output is
valid JSON Lines; every record validates and its spans slice the text as
decoded (by the encoding the record names, or as JSON read it); with two
workers the bytes equal those of one worker.
"""

from __future__ import annotations

import pytest

pytest.importorskip("hypothesis")

from fuzz_cli import VIEWS, check_corpus, check_views, corpora
from fuzz_properties import scaled
from fuzz_strategies import articles
from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=scaled(0.012, floor=2))
@given(corpora, st.sampled_from([1, 2]), st.booleans())
def test_cli_batches_of_generated_corpora(corpus, jobs, twice):
    check_corpus(corpus, jobs, twice)


@settings(max_examples=scaled(0.01, floor=2))
@given(articles(surrogates=False, max_pieces=25), st.integers(0, len(VIEWS) - 1), st.booleans())
def test_terminal_views_of_generated_articles(text, view, colour):
    check_views(text, view, colour)
