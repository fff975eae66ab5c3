"""Per-measure detail views for the terminal: every hit with its sentence
context, printed article by article as results arrive."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from mediabias.inputs import Item
from mediabias.render.layout import Col, Grid, Layout
from mediabias.render.table import article_name, fmt, headline, sign_style
from mediabias.render.safe import cell

Record = dict[str, Any]
CONTEXT = 60  # characters of context either side of a span
MAX_ROWS = 200  # per article; the machine formats carry everything


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def snippet(text: str, a: int, b: int, marks: list[tuple[int, int, str, str, str]], mark: bool = False) -> Text:
    """``text[a:b]`` on one line with each ``(start, end, style, open, close)``
    span styled -- or, with ``mark``, written between its open and close
    marks, so the highlight survives without colour."""
    out = Text()
    pos = a
    for s, e, style, opening, closing in sorted(marks):
        if s < pos or e > b:
            continue
        gap = _squeeze(text[pos:s])
        out.append(gap + (" " if gap and text[s - 1 : s].isspace() else ""))
        out.append(f"{opening}{_squeeze(text[s:e])}{closing}" if mark else _squeeze(text[s:e]), style=style)
        pos = e
        out.append(" " if text[e : e + 1].isspace() else "")
    out.append(_squeeze(text[pos:b]))
    return out


def context(text: str, start: int, end: int, style: str = "bold reverse", mark: bool = False) -> Text:
    """``text[start:end]`` highlighted (``mark``: between [ ]) with some context on either side."""
    a = max(0, start - CONTEXT)
    b = min(len(text), end + CONTEXT)
    while 0 < a < start and not text[a - 1].isspace():  # whole words only
        a -= 1
    while end < b < len(text) and not text[b].isspace():
        b += 1
    out = Text("\u2026" if a > 0 else "")
    out.append_text(snippet(text, a, b, [(start, end, style, "[", "]")], mark=mark))
    if b < len(text):
        out.append("\u2026")
    return out


_CATEGORY_STYLE = {"hedge": "yellow", "distancing": "magenta", "weasel": "cyan", "booster": "blue"}


def plain_console(console: Console) -> bool:
    """Colour is off (NO_COLOR, or not a terminal): marks must carry what colour would."""
    return console.no_color or console.color_system is None


class DetailView:
    def __init__(self, measure: str, out: TextIO, layout: Layout | None = None) -> None:
        self.measure = measure
        self.console = Console(file=out)
        self.layout = layout
        self.plain = plain_console(self.console)

    def add(self, item: Item, record: Record) -> None:
        name = article_name(record)
        self.console.rule(cell(name, style="bold"))
        if "error" in record:
            self.console.print(cell(f"error: {record['error']['message']}", style="red"))
            return
        getattr(self, f"_{self.measure}")(item.text or "", record)

    def finish(self) -> None:
        pass

    def _print(self, grid: Grid, **kwargs) -> None:
        grid.print(self.console, self.layout, **kwargs)

    # -- hedging -------------------------------------------------------------
    def _hedging(self, text: str, record: Record) -> None:
        h = record["hedging"]
        a, q = h["author_voice"], h["quoted"]
        share = h.get("share_sentences_hedged")
        self.console.print(
            f"{record['words']} words, {record['sentences']} sentences; hedges {h['count']} = "
            f"{fmt(h['per_1k_words'])} per 1k words, {fmt(h.get('per_sentence'), 2)} per sentence, "
            f"in {fmt(100 * share if share is not None else None)}% of sentences", markup=False, highlight=False,
        )
        rates = h.get("by_category_per_1k_words") or {}
        self.console.print(
            "per 1k words: " + ", ".join(f"{c} {fmt(rates.get(c))} ({n})" for c, n in h["by_category"].items())
            + f"; author voice {fmt(a['per_1k_words'])} ({a['count']}), quoted {fmt(q['per_1k_words'])} ({q['count']})",
            markup=False, highlight=False,
        )
        if h["by_party"]:
            bp = Grid([Col("party", card="head"), Col("hedge", "right"), Col("distancing", "right"), Col("weasel", "right"),
                       Col("author voice", "right"), Col("all /1k words", "right"), Col("distancing /1k words", "right")],
                      title="aimed at: hits by the party they bear on (all voices)")
            for party, d in h["by_party"].items():
                bp.add(party, str(d["hedge"]), str(d["distancing"]), str(d["weasel"]), str(d.get("author_voice", "")),
                       fmt(d.get("per_1k_words")), fmt(d.get("distancing_per_1k_words")))
            self._print(bp)
        t = Grid([Col("category", card="head"), Col("voice", card="head"), Col("target", card="head"),
                  Col("in context", card="body", ratio=1)])
        for hit in h["hits"][:MAX_ROWS]:
            style = _CATEGORY_STYLE.get(hit["category"], "")
            label = Text(hit["category"], style=style)
            if hit.get("via") in ("scare quote", "agentless passive"):
                label.append(f" ({hit['via']})", style="dim")
            target = Text(f"\u2192 {hit['target_party']}") if hit.get("target_party") else None
            t.add(label, "quoted" if hit["in_quote"] else "author", target,
                  context(text, hit["start"], hit["end"], f"bold {style}", mark=self.plain))
        self._print(t, expand=True)
        self._more(len(h["hits"]))

    # -- sentiment -----------------------------------------------------------
    def _sentiment(self, text: str, record: Record) -> None:
        from mediabias.render.stance import voices_text

        parties = record["sentiment"]["parties"]
        t = Grid([Col("party", card="head"), Col("kind", card="head"), Col("speaks for"), Col("mentions", "right"),
                  Col("stance", "right"), Col("label"), Col("mention mean", "right"), Col("author", "right"),
                  Col("quoted", "right"), Col("reported", "right"), Col("pos/neu/neg"), Col("voices (words, credence)")],
                 title="stance = the article's own view of each party; mention mean = mean over mentions of "
                       "P(positive) - P(negative), by voice")
        for p in parties:
            v = p.get("by_voice") or {}

            def voice(name: str) -> Text:
                x = v.get(name) or {"mentions": 0, "score": None}
                return Text(f"{fmt(x['score'], 2)} ({x['mentions']})" if x["mentions"] else "\u2013",
                            style=sign_style(x["score"]))

            score, label = headline(p)
            t.add(
                p["name"], p.get("kind") or "", p.get("affiliation") or "", str(p["mentions"]),
                Text(fmt(score, 2), style=sign_style(score)), label or "",
                Text(fmt(p.get("score"), 2), style=sign_style(p.get("score"))),
                voice("author"), voice("quoted"), voice("reported"),
                f"{p['positive']}/{p['neutral']}/{p['negative']}", voices_text(p),
            )
        self._print(t)
        ev = Grid([Col("party", card="head"), Col("score", "right", card="head"), Col("voice", card="head"),
                   Col("in context", card="body", ratio=1)],
                  title="evidence: each mention and the words with a valence that moved it",
                  caption=("{mention}, [word|+] / [word|-]: the words that moved its score up / down" if self.plain
                           else "mention in reverse; the words that moved its score green (up) / red (down)"))
        rows = 0
        for p in parties:
            for e in p["evidence"]:
                if rows >= MAX_ROWS:
                    break
                rows += 1
                c = e.get("clause") or {"start": e["start"], "end": e["end"]}
                marks = [(e["start"], e["end"], "bold reverse", "{", "}")] + [
                    (w["start"], w["end"], "green" if w["valence"] > 0 else "red", "[", "|+]" if w["valence"] > 0 else "|-]")
                    for w in e.get("words", [])
                ]
                voice = e.get("voice") or ("quoted" if e.get("in_quote") else "author")
                if e.get("speaker"):
                    voice += f": {e['speaker'].get('party') or e['speaker']['text']}"
                ev.add(p["name"], Text(fmt(e["score"], 2), style=sign_style(e["score"])), voice,
                       snippet(text, c["start"], c["end"], marks, mark=self.plain))
        self._print(ev, expand=True)
        self._more(sum(len(p["evidence"]) for p in parties))

    # -- sources -------------------------------------------------------------
    def _sources(self, text: str, record: Record) -> None:
        s = record["sources"]
        attributed, quoted = s["share_sentences_attributed"], s["share_words_quoted"]
        self.console.print(
            f"{s['attributions']} attributions = {fmt(s['per_100_words'], 2)} per 100 words, "
            f"{fmt(100 * attributed if attributed is not None else None)}% of sentences; "
            f"named {s['named']}, anonymous {s['anonymous']}; direct quotes {s['direct_quotes']} "
            f"({fmt(100 * quoted if quoted is not None else None)}% of words)", markup=False, highlight=False,
        )
        if s.get("by_source_type"):
            self.console.print("sources by type: " + ", ".join(f"{k} {n}" for k, n in s["by_source_type"].items()),
                               markup=False, highlight=False)
        if s["by_party"]:
            voices = Grid([Col("party", card="head"), Col("attributions", "right"), Col("quoted words", "right"),
                           Col("content words", "right")], title="voices by party: who gets the word")
            for party, d in s["by_party"].items():
                voices.add(party, str(d["attributions"]), str(d["quoted_words"]), str(d.get("content_words", "")))
            self._print(voices)
        t = Grid([Col("kind", card="head"), Col("source", card="head", ratio=2), Col("type", card="head"),
                  Col("party", card="head"), Col("cue", ratio=1), Col("content", card="body", ratio=4)])
        for c in s["citations"][:MAX_ROWS]:
            src = c["source"]
            content = c["content"]
            body = ""
            if content:
                body = " ".join(text[content["start"] : content["end"]].split())
                body = body if len(body) <= 160 else body[:157].rsplit(" ", 1)[0] + " \u2026"
            who = Text(src["text"] if src else "(none)", style="bold" if src else "dim")
            if src and src.get("refers_to"):
                who.append(f" = {src['refers_to']['text']}", style="dim")
            if c.get("via"):
                who.append(f" (to {c['via']['text']})", style="dim")
            cue = Text(c["cue"]["text"] if c["cue"] else "(carried)")
            if c.get("cue_class"):
                cue.append(f" ({c['cue_class']})", style="dim")
            party = Text(f"\u2192 {c['party']}") if c.get("party") else None
            t.add(c["kind"], who, c.get("source_type") or "", party, cue, Text(f"\u00ab{body}\u00bb" if body else ""))
        self._print(t, expand=True)
        self._more(len(s["citations"]))

    def _more(self, n: int) -> None:
        if n > MAX_ROWS:
            self.console.print(f"[dim]... {n - MAX_ROWS} more; --format json lists all[/dim]")
