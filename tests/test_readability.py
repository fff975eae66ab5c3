"""Readability equals textstat's own values for the same text."""

import textstat

import pytest

from conftest import EXAMPLES, SEEDS
from mediabias import analyze

FIELDS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index")
TEXTS = sorted(EXAMPLES.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_equal_to_textstat(path):
    text = path.read_text(encoding="utf-8")
    got = analyze(text, measures=["readability"]).to_dict()["readability"]
    want = {f: getattr(textstat, f)(text) for f in FIELDS}
    assert got == want


def test_short_text():
    got = analyze("The cat sat.", measures=["readability"]).to_dict()["readability"]
    assert got["flesch_reading_ease"] == textstat.flesch_reading_ease("The cat sat.")
