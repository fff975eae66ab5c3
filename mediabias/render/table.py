"""Terminal views with rich: the ``score`` summary table and the
``readability`` table (one row per article), and the entry point to the
per-measure detail views in :mod:`mediabias.render.views`.

rich is imported here only, so ``mediabias --help`` never pays for it.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mediabias.inputs import Item
from mediabias.render.safe import cell

Record = dict[str, Any]


def fmt(value: Any, digits: int = 1) -> str:
    """Round for display; None (cannot be computed) shows as an en dash."""
    if value is None:
        return "\u2013"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def label_style(label: str | None) -> str:
    return {"positive": "green", "negative": "red"}.get(label or "", "")


def article_name(record: Record) -> str:
    for key in ("outlet", "title"):
        if record.get(key):
            return str(record[key])
    name = str(record.get("id") or record.get("source") or "?")
    # a file path: its name is enough to tell articles apart in a table
    return name.rsplit("/", 1)[-1] if "/" in name and ":" not in name.rsplit("/", 1)[-1] else name


def party_cell(record: Record, k: int = 3) -> Text:
    text = Text()
    for i, p in enumerate((record.get("sentiment") or {}).get("parties", [])[:k]):
        if i:
            text.append("\n")
        text.append(f"{p['name']} ", style="bold")
        text.append(f"{fmt(p['score'], 2)}", style=label_style(p["label"]))
        text.append(f" ({p['mentions']})", style="dim")
    return text


def distancing_cell(record: Record, k: int = 2) -> Text:
    """Distancing hits, then the parties they are aimed at (per 1,000 words)."""
    h = record.get("hedging") or {}
    text = Text(fmt((h.get("by_category") or {}).get("distancing")))
    aimed = [(p, d.get("distancing_per_1k_words")) for p, d in (h.get("by_party") or {}).items() if d.get("distancing")]
    for party, rate in sorted(aimed, key=lambda pr: -(pr[1] or 0))[:k]:
        text.append(f"\n{party} {fmt(rate)}", style="dim")
    return text


def voices_cell(record: Record, k: int = 3) -> Text:
    """The parties cited most, with their attributions and words inside quotation marks."""
    text = Text()
    for i, (party, d) in enumerate(list(((record.get("sources") or {}).get("by_party") or {}).items())[:k]):
        if i:
            text.append("\n")
        text.append(f"{party} ", style="bold")
        text.append(f"{d['attributions']}")
        text.append(f"/{d['quoted_words']}", style="dim")
    return text


class SummaryTable:
    """``mediabias score`` on a terminal: one row per article."""

    def __init__(self, out: TextIO) -> None:
        self.console = Console(file=out)
        t = Table(title="mediabias score", show_lines=True)
        t.add_column("article", overflow="fold", max_width=28)
        t.add_column("words", justify="right")
        t.add_column("hedges\n/1k words", justify="right")
        t.add_column("distancing\n(at whom, /1k)", justify="right")
        t.add_column("parties (sentiment, mentions)", overflow="fold")
        t.add_column("attrib.\n/100 words", justify="right")
        t.add_column("direct\nquotes", justify="right")
        t.add_column("anon.\nsources", justify="right")
        t.add_column("voices: attrib./\nquoted words", overflow="fold", max_width=21)
        t.add_column("reading\nease", justify="right")
        self.table = t

    def add(self, item: Item, record: Record) -> None:
        name = article_name(record)
        if "error" in record:
            self.table.add_row(cell(name), cell(record["error"]["message"], style="red"), *[""] * 8)
            return
        h = record.get("hedging") or {}
        s = record.get("sources") or {}
        r = record.get("readability") or {}
        self.table.add_row(
            cell(name),
            fmt(record["words"]),
            fmt(h.get("per_1k_words")),
            distancing_cell(record),
            party_cell(record),
            fmt(s.get("per_100_words"), 2),
            fmt(s.get("direct_quotes")),
            fmt(s.get("anonymous")),
            voices_cell(record),
            fmt(r.get("flesch_reading_ease")),
        )

    def finish(self) -> None:
        self.console.print(self.table)
        self.console.print(
            "[dim]hedges = hedge + distancing + weasel (boosters excluded); sentiment score in [-1, 1]; "
            "full records with evidence spans: --format json[/dim]"
        )


class ReadabilityTable:
    def __init__(self, out: TextIO) -> None:
        self.console = Console(file=out)
        t = Table(title="mediabias readability")
        for name in ("article", "words", "sentences", "Flesch reading ease", "Flesch-Kincaid grade", "Gunning fog", "SMOG"):
            t.add_column(name, justify="left" if name == "article" else "right")
        self.table = t

    def add(self, item: Item, record: Record) -> None:
        if "error" in record:
            self.table.add_row(cell(article_name(record)), cell(record["error"]["message"], style="red"))
            return
        r = record["readability"]
        self.table.add_row(
            cell(article_name(record)),
            fmt(record["words"]),
            fmt(record["sentences"]),
            fmt(r["flesch_reading_ease"], 2),
            fmt(r["flesch_kincaid_grade"]),
            fmt(r["gunning_fog"], 2),
            fmt(r["smog_index"]),
        )

    def finish(self) -> None:
        self.console.print(self.table)


def make_table_view(measure: str, out: TextIO):
    """The terminal view for a command: ``score`` or one measure."""
    if measure == "score":
        return SummaryTable(out)
    if measure == "readability":
        return ReadabilityTable(out)
    if measure == "parties":
        from mediabias.render.parties_view import PartiesView

        return PartiesView(out)
    from mediabias.render import views

    return views.DetailView(measure, out)
