"""``--explain``: the article's text in the terminal with every span the
numbers were counted from highlighted by kind, a legend, and the numbers.

With colour: hedging hits coloured by category, party mentions green/red
by their sentiment, attribution cues bold, sources cyan, quoted content
dim.  Without colour (``NO_COLOR``, or output to a file or pipe) the same
spans are marked in the text itself, so nothing is lost:

    [may|H]  [alleged|D]  [some say|W]  [of course|B]   hedging by category
    {Moscow|-0.30}                                      a party mention and its score
    <said|CUE>  <Konashenkov|SRC>  «...»                an attribution: cue, source, content

Long texts wrap to the terminal's width (rich does it), so a narrow
terminal works.
"""

from __future__ import annotations

import os
from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from mediabias.inputs import Item
from mediabias.render.safe import cell
from mediabias.render.table import article_name, fmt

CATEGORY = {"hedge": ("yellow", "H"), "distancing": ("magenta", "D"), "weasel": ("cyan", "W"), "booster": ("blue", "B")}
LAYERS = {"score": ("hedging", "sentiment", "sources"), "hedging": ("hedging",), "sentiment": ("sentiment",), "sources": ("sources",)}


def _spans(record: dict, layers: tuple[str, ...]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, style, open mark, close mark) for every span to show."""
    # page furniture the measures left out: dimmed (plain: marked with its kind)
    out = [(s["start"], s["end"], "dim", "\u2039", f"|{s['kind']}\u203a") for s in record.get("skipped") or ()]
    if "hedging" in layers and record.get("hedging"):
        for h in record["hedging"]["hits"]:
            style, letter = CATEGORY[h["category"]]
            out.append((h["start"], h["end"], f"bold {style} underline", "[", f"|{letter}]"))
    if "sentiment" in layers and record.get("sentiment"):
        for p in record["sentiment"]["parties"]:
            for e in p["evidence"]:
                style = {"positive": "bold green", "negative": "bold red"}.get(e.get("label") or "", "bold")
                out.append((e["start"], e["end"], style, "{", f"|{e['score']:+.2f}}}"))
    if "sources" in layers and record.get("sources"):
        for c in record["sources"]["citations"]:
            if c.get("content"):
                out.append((c["content"]["start"], c["content"]["end"], "dim", "\u00ab", "\u00bb"))
            if c.get("source"):
                out.append((c["source"]["start"], c["source"]["end"], "cyan", "<", "|SRC>"))
            if c.get("cue"):
                out.append((c["cue"]["start"], c["cue"]["end"], "bold underline", "<", "|CUE>"))
    return out


def colour_text(text: str, spans: list) -> Text:
    t = Text(text)
    for start, end, style, _, _ in spans:
        t.stylize(style, start, end)
    return t


def marked_text(text: str, spans: list) -> str:
    """The text with opening and closing marks inserted around each span."""
    # at one offset: closes before opens; spans nest (the outer opens first
    # and closes last, and of two equal spans the first opened closes last)
    inserts: list[tuple[tuple, int, str]] = []
    for k, (start, end, _, opening, closing) in enumerate(spans):
        inserts.append(((start, 1, -end, k), start, opening))
        inserts.append(((end, 0, -start, -k), end, closing))
    inserts.sort(key=lambda x: x[0])
    parts = []
    pos = 0
    for _, offset, mark in inserts:
        parts.append(text[pos:offset])
        parts.append(mark)
        pos = offset
    parts.append(text[pos:])
    return "".join(parts)


LEGEND = {
    "hedging": "hedging: [text|H] hedge  [text|D] distancing  [text|W] weasel  [text|B] booster (certainty, not counted)",
    "sentiment": "parties: {mention|score}, green positive, red negative",
    "sources": "sources: <cue|CUE> <source|SRC> \u00abcontent\u00bb",
    "skipped": "page furniture left out of every measure: dimmed \u2039text|kind\u203a (dateline, caption, read-more ...)",
}


class ExplainView:
    def __init__(self, measure: str, out: TextIO) -> None:
        self.layers = LAYERS[measure]
        self.console = Console(file=out)
        self.plain = bool(os.environ.get("NO_COLOR")) or self.console.color_system is None

    def add(self, item: Item, record: dict[str, Any]) -> None:
        c = self.console
        c.rule(cell(article_name(record), style="bold"))
        if "error" in record:
            c.print(cell(f"error: {record['error']['message']}", style="red"))
            return
        text = item.text or ""
        spans = _spans(record, self.layers)
        if self.plain:
            c.print(marked_text(text, spans), markup=False, highlight=False)
        else:
            c.print(colour_text(text, spans))
        c.print()
        for layer in self.layers:
            c.print(Text(LEGEND[layer], style="dim"))
        if record.get("skipped"):
            c.print(Text(LEGEND["skipped"], style="dim"))
        self._numbers(record)

    def _numbers(self, record: dict) -> None:
        c = self.console
        h, s, se = record.get("hedging"), record.get("sources"), record.get("sentiment")
        lines = [f"{record['words']} words, {record['sentences']} sentences"]
        if h and "hedging" in self.layers:
            cats = ", ".join(f"{k} {v}" for k, v in h["by_category"].items())
            lines.append(f"hedging: {h['count']} = {fmt(h['per_1k_words'])} per 1k words ({cats}); "
                         f"author voice {fmt(h['author_voice']['per_1k_words'])}, quoted {fmt(h['quoted']['per_1k_words'])}")
        if se and "sentiment" in self.layers:
            parts = [f"{p['name']} {fmt(p['score'], 2)} ({p['mentions']})" for p in se["parties"][:6]]
            lines.append("sentiment: " + "; ".join(parts))
        if s and "sources" in self.layers:
            lines.append(f"sources: {s['attributions']} attributions = {fmt(s['per_100_words'], 2)} per 100 words; "
                         f"named {s['named']}, anonymous {s['anonymous']}; direct quotes {s['direct_quotes']}")
        for line in lines:
            c.print(line, markup=False, highlight=False)

    def finish(self) -> None:
        pass
