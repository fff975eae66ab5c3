"""Readability equals textstat's own values for the same text (the article with its page
furniture blanked, as every measure reads it)."""

import textstat

import pytest

from conftest import EXAMPLES, SEEDS
from mediabias import analyze
from mediabias.text import furniture


def measured(text: str) -> str:
    """The text the measures read: page furniture (captions, datelines ...) blanked to spaces."""
    return furniture.blank(text, furniture.find(text))

FIELDS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index")
TEXTS = sorted(EXAMPLES.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_equal_to_textstat(path):
    text = path.read_text(encoding="utf-8")
    got = analyze(text, measures=["readability"]).to_dict()["readability"]
    want = {f: getattr(textstat, f)(measured(text)) for f in FIELDS}
    assert got == want


def test_short_text():
    got = analyze("The cat sat.", measures=["readability"]).to_dict()["readability"]
    assert got["flesch_reading_ease"] == textstat.flesch_reading_ease("The cat sat.")


def test_equal_to_textstat_on_real_articles(data):
    """Every one of the first 400 articles of media_valid.jsonl, all four formulas."""
    import json

    with (data / "article-bias-prediction" / "media_valid.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["content_original"] for _, line in zip(range(400), fh)]
    for text in texts:
        got = analyze(text, measures=["readability"]).to_dict()["readability"]
        want = {f: getattr(textstat, f)(measured(text)) for f in FIELDS}
        assert got == want


def test_syllables_equal_pyphen_plus_one():
    import re

    import pyphen

    from mediabias.text.syllables import syllables

    hyph = pyphen.Pyphen(lang="en_US")
    words = set()
    for path in TEXTS:
        words.update(re.sub(r"[^\w\s]", "", path.read_text(encoding="utf-8").lower()).split())
    words.update(["a", "antidisestablishmentarianism", "x" * 300, "naïve", "2015", "konashenkov"])
    assert len(words) > 1000
    for w in sorted(words):
        assert syllables(w) == len(hyph.positions(w)) + 1, w


def test_syllable_patterns_load_without_a_writable_cache(tmp_path, monkeypatch):
    from mediabias.text import syllables as S

    monkeypatch.setenv("MEDIABIAS_CACHE_DIR", str(tmp_path / "no" / "such" / "dir"))
    (tmp_path / "no").write_text("a file where a directory should be", encoding="utf-8")
    S._patterns.cache_clear()
    try:
        patterns, maxlen = S._patterns()
        assert len(patterns) > 1000 and maxlen > 3
        assert S._points("antidisestablishmentarianism", patterns, maxlen) == S._points(
            "antidisestablishmentarianism", patterns, maxlen, S._pattern_prefixes())
    finally:
        S._patterns.cache_clear()


def test_packaged_syllable_table_equals_pyphen():
    import pyphen

    from mediabias.text import syllables as S

    hyph = pyphen.Pyphen(lang="en_US")
    rows = [line.split("\t") for line in S._TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    checked = 0
    for count, words in rows:
        for w in words.split():
            assert len(hyph.positions(w)) + 1 == int(count), w
            checked += 1
    assert checked > 10_000
