"""Huge and adversarial inputs finish in time linear in their size.

Each case is timed at two sizes ten times apart; a quadratic step (or a
regular expression that backtracks) would make the larger one ~100x slower.
The bound is generous (30x) so a busy machine does not fail it.
"""

import time

import pytest

from conftest import EXAMPLES
from mediabias import analyze

ARTICLE = (EXAMPLES / "wire_service.txt").read_text(encoding="utf-8").replace("\n", " ")

CASES = {
    "article text on one line": ARTICLE + " ",
    "unmatched quote marks": '" a ',
    "curly and single marks": "\u201c it\u2019s ' \u2018x ",
    "said said said": "said ",
    "one long quotation without a cue": "\u201cthe strikes may continue and nobody knows ",
    "no punctuation, no spaces": "x",
    "capitalised words": "Igor Konashenkov Amnesty International United Nations Said ",
}


_runs = iter(range(10**6))


def _time(text: str) -> float:
    # syllable counts are memoised per word: make every run's words new
    text = f"Run{next(_runs)}{text}"
    t0 = time.perf_counter()
    analyze(text)
    return time.perf_counter() - t0


@pytest.mark.parametrize("name", CASES)
def test_linear_time(name):
    unit = CASES[name]
    small = (unit * (100_000 // len(unit) + 1))[:100_000]
    large = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    _time(small)  # warm caches
    t_small = min(_time(small) for _ in range(2))
    t_large = _time(large)
    assert t_large < 30 * max(t_small, 0.005), f"{name}: {t_small:.3f}s for 100 kB, {t_large:.3f}s for 1 MB"
