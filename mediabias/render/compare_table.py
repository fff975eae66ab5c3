"""``mediabias compare`` on a terminal: one table per group, one column per
article, marked cells highlighted (and starred, so NO_COLOR still shows
them), the group's summary beneath.  Many articles are paged into several
tables so every column stays readable."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from mediabias.render.safe import cell
from mediabias.render.table import label_style

COLUMN_WIDTH = 16  # characters a value column needs


def _cell(row: dict, i: int) -> Text:
    v = row["values"][i]
    kind = row["kind"]
    marked = i in row["marked"]
    if v is None:
        return Text("\u2013", style="dim")
    if kind == "share":
        text = Text(f"{100 * v:.0f}%")
    elif kind == "score":
        d = (row.get("details") or [None] * (i + 1))[i] or {}
        text = Text(f"{v:+.2f}", style=label_style(d.get("label")))
        text.append(f" ({d.get('mentions', 0)})", style="dim")
        a, q = d.get("author"), d.get("quoted")
        text.append("\n" + " ".join(
            f"{name} {x:+.2f}" for name, x in (("auth", a), ("quot", q)) if x is not None), style="dim")
    elif kind == "count":
        text = Text(f"{v:.0f}")
        d = (row.get("details") or [None] * (i + 1))[i] or {}
        if d.get("quoted_words"):
            text.append(f" ({d['quoted_words']} w)", style="dim")
    else:
        text = Text(f"{v:.1f}")
    if marked:
        first = len(text.plain.split("\n")[0])
        text.stylize("bold reverse", 0, first)
        text = text[:first] + Text(" *") + text[first:]
    return text


def render_comparison(comparison: dict[str, Any], out: TextIO) -> None:
    console = Console(file=out)
    articles = comparison["articles"]
    per_page = max(2, (console.width - 34) // COLUMN_WIDTH)
    pages = [list(range(k, min(k + per_page, len(articles)))) for k in range(0, len(articles), per_page)]
    for group in comparison["groups"]:
        for n, cols in enumerate(pages):
            title = group["title"]
            if len(pages) > 1:
                title += f" (articles {cols[0] + 1}\u2013{cols[-1] + 1} of {len(articles)})"
            t = Table(title=title, title_justify="left", show_lines=False)
            t.add_column("", overflow="fold", max_width=32)
            for i in cols:
                a = articles[i]
                t.add_column(Text(a["label"], style="bold"), justify="right", overflow="fold", max_width=COLUMN_WIDTH + 6)
            if any(articles[i]["error"] for i in cols):
                t.add_row("error", *[Text(articles[i]["error"] or "", style="red") for i in cols])
            for row in group["rows"]:
                t.add_row(cell(row["label"]), *[_cell(row, i) for i in cols])
            console.print(t)
        console.print(Text(group["summary"], style="italic"))
        console.print()
    console.print("[dim]* marks the cell furthest from its row's median; sentiment cells: score (mentions), "
                  "author and quoted voice beneath; --format json gives the comparison as data[/dim]")
