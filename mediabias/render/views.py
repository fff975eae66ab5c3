"""Per-measure detail views for the terminal: every hit with its sentence
context, printed article by article as results arrive."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mediabias.inputs import Item
from mediabias.render.safe import cell
from mediabias.render.table import article_name, fmt, label_style

Record = dict[str, Any]
CONTEXT = 60  # characters of context either side of a span
MAX_ROWS = 200  # per article; the machine formats carry everything


def context(text: str, start: int, end: int, style: str = "bold reverse") -> Text:
    """``text[start:end]`` highlighted with some context on either side."""
    a = max(0, start - CONTEXT)
    b = min(len(text), end + CONTEXT)
    out = Text("\u2026" if a > 0 else "")
    out.append(" ".join(text[a:start].split()) + (" " if text[start - 1 : start].isspace() else ""))
    out.append(text[start:end], style=style)
    out.append((" " if text[end : end + 1].isspace() else "") + " ".join(text[end:b].split()))
    if b < len(text):
        out.append("\u2026")
    return out


_CATEGORY_STYLE = {"hedge": "yellow", "distancing": "magenta", "weasel": "cyan", "booster": "blue"}


class DetailView:
    def __init__(self, measure: str, out: TextIO) -> None:
        self.measure = measure
        self.console = Console(file=out)

    def add(self, item: Item, record: Record) -> None:
        name = article_name(record)
        self.console.rule(cell(name, style="bold"))
        if "error" in record:
            self.console.print(cell(f"error: {record['error']['message']}", style="red"))
            return
        getattr(self, f"_{self.measure}")(item.text or "", record)

    def finish(self) -> None:
        pass

    # -- hedging -------------------------------------------------------------
    def _hedging(self, text: str, record: Record) -> None:
        h = record["hedging"]
        a, q = h["author_voice"], h["quoted"]
        self.console.print(
            f"{record['words']} words, {record['sentences']} sentences; hedges {h['count']} = "
            f"{fmt(h['per_1k_words'])} per 1k words, {fmt(h.get('per_sentence'), 2)} per sentence, "
            f"in {fmt(100 * h['share_sentences_hedged'] if h.get('share_sentences_hedged') is not None else None)}% of sentences"
        )
        rates = h.get("by_category_per_1k_words") or {}
        self.console.print(
            "per 1k words: " + ", ".join(f"{c} {fmt(rates.get(c))} ({n})" for c, n in h["by_category"].items())
            + f"; author voice {fmt(a['per_1k_words'])} ({a['count']}), quoted {fmt(q['per_1k_words'])} ({q['count']})"
        )
        if h["by_party"]:
            bp = Table(show_header=True, title="aimed at: hits by the party they bear on (all voices)")
            for col in ("party", "hedge", "distancing", "weasel", "author voice", "per 1k words", "distancing /1k"):
                bp.add_column(col, justify="left" if col == "party" else "right")
            for party, d in h["by_party"].items():
                bp.add_row(cell(party), str(d["hedge"]), str(d["distancing"]), str(d["weasel"]), str(d.get("author_voice", "")),
                           fmt(d.get("per_1k_words")), fmt(d.get("distancing_per_1k_words")))
            self.console.print(bp)
        t = Table(show_header=True, expand=True)
        t.add_column("category", no_wrap=True)
        t.add_column("voice", no_wrap=True)
        t.add_column("target", no_wrap=True)
        t.add_column("in context", ratio=1)
        for hit in h["hits"][:MAX_ROWS]:
            style = _CATEGORY_STYLE.get(hit["category"], "")
            label = Text(hit["category"], style=style)
            if hit.get("via") in ("scare quote", "agentless passive"):
                label.append(f"\n({hit['via']})", style="dim")
            t.add_row(
                label,
                "quoted" if hit["in_quote"] else "author",
                cell(hit.get("target_party")),
                context(text, hit["start"], hit["end"], f"bold {style}"),
            )
        self.console.print(t)
        self._more(len(h["hits"]))

    # -- sentiment -----------------------------------------------------------
    def _sentiment(self, text: str, record: Record) -> None:
        block = record["sentiment"]
        parties = block["parties"]
        t = Table(show_header=True, title="score = mean over mentions of P(positive) - P(negative); by voice and speaker")
        for col in ("party", "kind", "speaks for", "mentions", "score", "label", "author", "quoted", "reported",
                    "+/0/-", "said by"):
            t.add_column(col, justify="right" if col in ("mentions", "score", "author", "quoted", "reported") else "left")
        for p in parties:
            v = p["by_voice"]

            def voice(name: str) -> Text:
                x = v.get(name) or {"mentions": 0, "score": None, "label": None}
                return Text(f"{fmt(x['score'], 2)} ({x['mentions']})" if x["mentions"] else "\u2013",
                            style=label_style(x["label"]))

            speakers = ", ".join(f"{k} {fmt(x['score'], 2)} ({x['mentions']})" for k, x in list(p.get("by_speaker", {}).items())[:3])
            t.add_row(
                cell(p["name"]), p.get("kind") or "", cell(p.get("affiliation")), str(p["mentions"]),
                Text(fmt(p["score"], 2), style=label_style(p["label"])), p["label"] or "",
                voice("author"), voice("quoted"), voice("reported"),
                f"{p['positive']}/{p['neutral']}/{p['negative']}", cell(speakers),
            )
        self.console.print(t)
        ev = Table(show_header=True, expand=True, title="evidence: each mention, the words that moved it (valence), its voice")
        ev.add_column("party", no_wrap=True)
        ev.add_column("score", justify="right")
        ev.add_column("voice")
        ev.add_column("in context", ratio=1)
        rows = 0
        for p in parties:
            for e in p["evidence"]:
                if rows >= MAX_ROWS:
                    break
                rows += 1
                c = e.get("clause") or {"start": e["start"], "end": e["end"]}
                marks = [(e["start"], e["end"], "bold reverse")] + [
                    (w["start"], w["end"], "green" if w["valence"] > 0 else "red") for w in e.get("words", [])
                ]
                snippet = Text()
                pos = c["start"]
                for s, end, style in sorted(marks):
                    if s < pos:
                        continue
                    snippet.append(" ".join(text[pos:s].split()) + (" " if text[s - 1 : s].isspace() else ""))
                    snippet.append(text[s:end], style=style)
                    pos = end
                    snippet.append(" " if text[end : end + 1].isspace() else "")
                snippet.append(" ".join(text[pos : c["end"]].split()))
                voice = e.get("voice") or ("quoted" if e.get("in_quote") else "author")
                if e.get("speaker"):
                    voice += f": {e['speaker'].get('party') or e['speaker']['text']}"
                ev.add_row(cell(p["name"]), Text(fmt(e["score"], 2), style=label_style(e.get("label"))), cell(voice), snippet)
        self.console.print(ev)
        self._more(sum(len(p["evidence"]) for p in parties))

    # -- sources -------------------------------------------------------------
    def _sources(self, text: str, record: Record) -> None:
        s = record["sources"]
        self.console.print(
            f"{s['attributions']} attributions = {fmt(s['per_100_words'], 2)} per 100 words, "
            f"{fmt(100 * s['share_sentences_attributed'] if s['share_sentences_attributed'] is not None else None)}% of sentences; "
            f"named {s['named']}, anonymous {s['anonymous']}; direct quotes {s['direct_quotes']} "
            f"({fmt(100 * s['share_words_quoted'] if s['share_words_quoted'] is not None else None)}% of words)"
        )
        if s.get("by_source_type"):
            self.console.print("sources by type: " + ", ".join(f"{k} {n}" for k, n in s["by_source_type"].items()))
        if s["by_party"]:
            voices = Table(title="voices by party: who gets the word", show_header=True)
            for col in ("party", "attributions", "quoted words", "content words"):
                voices.add_column(col, justify="left" if col == "party" else "right")
            for party, d in s["by_party"].items():
                voices.add_row(cell(party), str(d["attributions"]), str(d["quoted_words"]), str(d.get("content_words", "")))
            self.console.print(voices)
        t = Table(show_header=True, expand=True)
        for col, ratio in (("kind", None), ("source", 2), ("type", None), ("party", 1), ("cue", 1), ("content", 4)):
            t.add_column(col, ratio=ratio, no_wrap=ratio is None)
        for c in s["citations"][:MAX_ROWS]:
            src = c["source"]
            content = c["content"]
            snippet = ""
            if content:
                body = " ".join(text[content["start"] : content["end"]].split())
                snippet = body if len(body) <= 160 else body[:157] + "\u2026"
            who = Text(src["text"] if src else "(none)", style="bold" if src else "dim")
            if src and src.get("refers_to"):
                who.append(f" = {src['refers_to']['text']}", style="dim")
            if c.get("via"):
                who.append(f" (to {c['via']['text']})", style="dim")
            cue = Text(c["cue"]["text"] if c["cue"] else "(carried)")
            if c.get("cue_class"):
                cue.append(f" {c['cue_class']}", style="dim")
            t.add_row(c["kind"], who, c.get("source_type") or "", cell(c.get("party")), cue, cell(snippet))
        self.console.print(t)
        self._more(len(s["citations"]))

    def _more(self, n: int) -> None:
        if n > MAX_ROWS:
            self.console.print(f"[dim]... {n - MAX_ROWS} more; --format json lists all[/dim]")

