"""Every terminal table at 60, 80 and 200 columns: nothing cut, nothing split.

Each view is rendered at the width under test and at 5,000 columns (where
nothing wraps), once as tables and once as cards.  At the width under test:

* no line is wider than the terminal;
* every word printed is a whole word of the wide renderings (a word cut as
  "Amnes" / "ty" or "Internatio…" is not one);
* every number of the wide table rendering appears whole at least as often
  (a number cut as "-0." / "57" loses its count).
"""

from __future__ import annotations

import copy
import io
import re
from collections import Counter

import pytest

from conftest import EXAMPLES, SEEDS
from mediabias import analyze
from mediabias.compare import compare
from mediabias.inputs import Item
from mediabias.render import layout as layout_mod
from mediabias.render.compare_table import render_comparison
from mediabias.render.explain import ExplainView
from mediabias.render.table import make_table_view

WIDTHS = (60, 80, 200)
BOX = re.compile(r"[\u2500-\u257f]+")
PAGE_TITLE = re.compile(r"^(\(articles|\d+\u2013\d+|of|\d+\))$")
NUMBER = re.compile(r"^[(\[{]?[+\-\u2212]?\d+([.,]\d+)*[%\u00d7]?[)\]},;:]*$")


def _articles() -> list[tuple[Item, dict]]:
    paths = sorted(EXAMPLES.glob("*.txt"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))[:3]
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8")
        record = analyze(text, id=str(p), source=str(p), measures=("hedging", "sentiment", "sources", "readability",
                                                                     "parties")).to_dict()
        out.append((Item(str(p), str(p), text), record))
    return out


def _with_stance(record: dict) -> dict:
    """A record with hand-made stance and voices (the fields of CONTRACT.md), so
    that the voices column is rendered whatever the sentiment measure gives."""
    r = copy.deepcopy(record)
    for i, p in enumerate(r["sentiment"]["parties"]):
        p["stance"] = {"score": round(-0.61 + 0.2 * i, 2), "label": "negative" if i == 0 else "neutral"}
        p["voices"] = [
            {"speaker": p["name"], "party": p["name"], "type": "party", "self": True, "mentions": 8, "words": 663,
             "score": -0.4, "label": "negative", "credence": "neutral", "credence_evidence": []},
            {"speaker": "Amnesty International", "party": "Amnesty International", "type": "party", "self": False,
             "mentions": 2, "words": 18, "score": -0.8, "label": "negative", "credence": "distanced",
             "credence_evidence": [{"text": r["hedging"]["hits"][0]["text"] if r["hedging"]["hits"] else "x",
                                    "start": r["hedging"]["hits"][0]["start"] if r["hedging"]["hits"] else 0,
                                    "end": r["hedging"]["hits"][0]["end"] if r["hedging"]["hits"] else 1,
                                    "why": "scare quotes"}]},
        ]
    return r


@pytest.fixture(scope="module")
def articles():
    pairs = _articles()
    return pairs + [(pairs[0][0], _with_stance(pairs[0][1]))]


def _render(draw, width: int, monkeypatch, cards: bool = False) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("NO_COLOR", "1")
    with monkeypatch.context() as m:
        if cards:
            m.setattr(layout_mod.Grid, "fits", lambda self, console, width: False)
        out = io.StringIO()
        draw(out)
    return out.getvalue()


def _tokens(text: str) -> list[str]:
    return BOX.sub(" ", text).split()


def _check(draw, monkeypatch, extra_ok=None) -> None:
    wide = _tokens(_render(draw, 5000, monkeypatch))
    vocab = set(wide) | set(_tokens(_render(draw, 5000, monkeypatch, cards=True)))
    numbers = Counter(t for t in wide if NUMBER.match(t))
    for width in WIDTHS:
        out = _render(draw, width, monkeypatch)
        assert max(len(line) for line in out.splitlines()) <= width, f"a line wider than {width}"
        tokens = _tokens(out)
        split = [t for t in tokens if t not in vocab and not t.isdigit() and not (extra_ok and extra_ok(t))]
        assert not split, f"at {width} columns, words cut or split: {split[:10]}"
        have = Counter(tokens)
        lost = {t: (n, have[t]) for t, n in numbers.items() if have[t] < n}
        assert not lost, f"at {width} columns, numbers not shown whole (wanted, found): {lost}"


@pytest.mark.parametrize("measure", ["score", "hedging", "sentiment", "sources", "readability", "parties"])
def test_every_table_fits_60_80_200_columns(articles, measure, monkeypatch):
    def draw(out):
        view = make_table_view(measure, out)
        for item, record in articles:
            view.add(item, record)
        view.finish()

    _check(draw, monkeypatch)


def test_compare_fits_60_80_200_columns(articles, monkeypatch):
    comparison = compare(r for _, r in articles[:-1])

    def draw(out):
        render_comparison(comparison, out)

    _check(draw, monkeypatch, extra_ok=PAGE_TITLE.match)


@pytest.mark.parametrize("measure", ["score", "sentiment"])
def test_explain_text_legend_and_numbers_fit(articles, measure, monkeypatch):
    item, record = articles[-1]  # the one with voices: the distanced voice's mark and line

    def draw(out):
        ExplainView(measure, out).add(item, record)

    _check(draw, monkeypatch)
    text = _render(draw, 80, monkeypatch)
    if measure == "sentiment":
        assert "|distances Amnesty International\u203a" in text and "DISTANCED" not in text
        assert "voices about" in text and "18 words, distanced" in text


def test_cards_are_used_below_wide_and_tables_above(articles, monkeypatch):
    def draw(out):
        view = make_table_view("score", out)
        for item, record in articles[:2]:
            view.add(item, record)
        view.finish()

    assert "\u2503" in _render(draw, 200, monkeypatch)  # a table's heavy rule
    narrow = _render(draw, 80, monkeypatch)
    assert "\u2503" not in narrow and "words: " in narrow


def test_summarize_table_fits_60_80_200_columns(articles, monkeypatch):
    """summarize's table (the corpus profiles, stream F's renderer) under the same checks."""
    from mediabias.corpus import summarize
    from mediabias.render.summary import write_summary

    records = [dict(r, outlet="State TV" if i % 2 else "Wire") for i, (_, r) in enumerate(articles[:-1])]
    summary = summarize(records, by="outlet", min_articles=2, resamples=50)

    def draw(out):
        write_summary(summary, "table", out)

    _check(draw, monkeypatch, extra_ok=lambda t: t == "(continued)")  # a panel's title when the columns page
