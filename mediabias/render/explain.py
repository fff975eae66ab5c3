"""``--explain``: the article's text in the terminal with every span the
numbers were counted from highlighted by kind, a legend, and the numbers.

With colour: hedging hits coloured by category, party mentions red or
green by the sign of their score, the words by which the author distances a
voice reversed in magenta, attribution cues bold, sources cyan, quoted
content dim -- and the legend in those colours.  Without colour
(``NO_COLOR``, or output to a file or pipe) the same spans are marked in the
text itself, so nothing is lost, and the legend shows the marks:

    [may|H]  [alleged|D]  [some say|W]  [of course|B]   hedging by category
    {Moscow|-0.30}                                      a party mention and its score
    ‹"remote investigation"|distances Amnesty›          a voice the author distances
    <said|CUE>  <Konashenkov|SRC>  «...»                an attribution: cue, source, content

Long texts wrap to the terminal's width (rich does it), so a narrow
terminal works.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from mediabias.inputs import Item
from mediabias.render.stance import voice_line
from mediabias.render.table import article_name, fmt, headline, sign_style
from mediabias.render.views import plain_console
from mediabias.render.safe import cell

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
                out.append((e["start"], e["end"], f"bold {sign_style(e['score'])}".strip(), "{", f"|{e['score']:+.2f}}}"))
            for v in p.get("voices") or []:
                if v.get("credence") == "distanced":
                    who = v.get("speaker") or "anonymous"
                    for ev in v.get("credence_evidence") or []:
                        out.append((ev["start"], ev["end"], "reverse magenta", "\u2039", f"|distances {who}\u203a"))
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


MARKS_LEGEND = {
    "hedging": "hedging: [text|H] hedge  [text|D] distancing  [text|W] weasel  [text|B] booster (certainty, not counted)",
    "sentiment": "parties: {mention|score}; \u2039words|distances X\u203a: the author distances X's words about a party",
    "sources": "sources: <cue|CUE> <source|SRC> \u00abcontent\u00bb",
    "skipped": "page furniture left out of every measure: dimmed \u2039text|kind\u203a (dateline, caption, read-more ...)",
}


def colour_legend(layer: str) -> Text:
    """The legend in the colours the text uses (the marks' legend is for NO_COLOR)."""
    t = Text()
    if layer == "hedging":
        t.append("hedging: ")
        for cat, (style, _) in CATEGORY.items():
            t.append(cat, style=f"bold {style} underline")
            t.append(" ")
        t.append("(booster: certainty, not counted)", style="dim")
    elif layer == "sentiment":
        t.append("parties: a mention ")
        t.append("in red", style="bold red")
        t.append(" scores below -0.05, ")
        t.append("in green", style="bold green")
        t.append(" above +0.05; ")
        t.append("words the author distances", style="reverse magenta")
        t.append(" (a voice's words about a party)")
    else:
        t.append("sources: ")
        t.append("cue", style="bold underline")
        t.append(" ")
        t.append("source", style="cyan")
        t.append(" ")
        t.append("content", style="dim")
    return t


class ExplainView:
    def __init__(self, measure: str, out: TextIO) -> None:
        self.layers = LAYERS[measure]
        self.console = Console(file=out)
        self.plain = plain_console(self.console)

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
            c.print(Text(MARKS_LEGEND[layer]) if self.plain else colour_legend(layer))
        if record.get("skipped"):
            c.print(Text(MARKS_LEGEND["skipped"], style="dim"))
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
            parts = [f"{p['name']} {fmt(headline(p)[0], 2)} ({p['mentions']})" for p in se["parties"][:6]]
            lines.append(("stance: " if any("stance" in p for p in se["parties"]) else "sentiment: ") + "; ".join(parts))
            for p in se["parties"][:6]:
                if p.get("voices"):
                    lines.append(f"  voices about {p['name']}: " + "; ".join(voice_line(v) for v in p["voices"][:4]))
        if s and "sources" in self.layers:
            lines.append(f"sources: {s['attributions']} attributions = {fmt(s['per_100_words'], 2)} per 100 words; "
                         f"named {s['named']}, anonymous {s['anonymous']}; direct quotes {s['direct_quotes']}")
        for line in lines:
            c.print(line, markup=False, highlight=False)

    def finish(self) -> None:
        pass
