"""The hedging rules stay linear on inputs made of their own triggers.

Each case is timed at two sizes ten times apart, as in test_large.py; a rule
that rescanned the sentence for every hit would make the larger one ~100x
slower on these single-sentence inputs.
"""

import time

import pytest

from conftest import assert_linear

from mediabias.measures import hedging, parties
from mediabias.text import Document

CASES = {
    "short quotations, one sentence": "'x' ",
    "modal after a party": "Russia may ",
    "possessive and scare quote": "Amnesty's 'remote' ",
    "partial quotations with a cue": '"a" said ',
}


def _time(text: str) -> float:
    doc = Document(text)
    index = parties.detect(doc)
    t0 = time.perf_counter()
    hedging.score(doc, index)
    return time.perf_counter() - t0


@pytest.mark.parametrize("name", CASES)
def test_hedging_linear_time(name):
    assert_linear(name, CASES[name], _time)
