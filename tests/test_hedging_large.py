"""The hedging rules stay linear on inputs made of their own triggers.

Each case is timed at two sizes ten times apart, as in test_large.py; a rule
that rescanned the sentence for every hit would make the larger one ~100x
slower on these single-sentence inputs.
"""

import time

import pytest

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
    unit = CASES[name]
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    _time(small)
    t_small = min(_time(small) for _ in range(2))
    t_large = _time(large)
    assert t_large < 30 * max(t_small, 0.005), f"{name}: {t_small:.3f}s for 100 kB, {t_large:.3f}s for 1 MB"
