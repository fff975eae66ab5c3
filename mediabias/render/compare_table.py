"""``mediabias compare`` on a terminal: one table per group, one column per
article, the starred cell highlighted (and starred, so NO_COLOR still shows
it), the group's summary beneath.

The columns are headed by the articles' labels when they fit, else by
their numbers (the key is printed first).  Cells wrap at spaces only, so a
number is never cut and a word never split: when the articles do not all
fit the terminal's width, the table is paged, as many articles a page as
fit.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from mediabias.compare import STAR_RULE, format_value
from mediabias.render.layout import column_range, fit_columns, table_extra
from mediabias.render.stance import CREDENCE_STYLE
from mediabias.render.table import sign_style
from mediabias.render.safe import terminal_text


LABEL_WIDTH = 26  # the row labels keep this much of their width when the columns allow


def _cell(row: dict, i: int, compact: bool) -> Text:
    v = row["values"][i]
    kind = row["kind"]
    sep = "\n" if compact else " "
    d = (row.get("details") or [None] * (i + 1))[i] or {}
    if v is None:
        return Text("\u2013", style="dim")
    if kind == "score":
        text = Text(format_value(v, kind), style=sign_style(v))
        star_at = len(text.plain)
        text.append(f"{sep}({d.get('mentions', 0)})", style="dim")
        if not d.get("stance"):  # no stance in the record: the mean of mentions, by voice beneath
            a, q = d.get("author"), d.get("quoted")
            voices = " ".join(f"{name} {x:+.2f}" for name, x in (("auth", a), ("quot", q)) if x is not None)
            if voices:
                text.append("\n" + voices, style="dim")
    elif kind == "words":
        text = Text(f"{v:.0f} w")
        star_at = len(text.plain)
        if d.get("credence"):
            text.append(f"{sep}{d['credence']}", style=CREDENCE_STYLE.get(d["credence"], ""))
    else:
        text = Text(format_value(v, kind))
        star_at = len(text.plain)
        if kind == "count" and d.get("quoted_words"):
            text.append(f"{sep}({d['quoted_words']} w)", style="dim")
    if i in row["marked"]:
        text.stylize("bold reverse", 0, star_at)
        text = text[:star_at] + Text(" *") + text[star_at:]
    return text


def _table(group: dict, articles: list[dict], cols: list[int], numbered: bool, compact: bool, title: str) -> Table:
    t = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    t.add_column("")
    for i in cols:
        t.add_column(Text(str(i + 1) if numbered else terminal_text(articles[i]["label"]), style="bold"), justify="right")
    if any(articles[i]["error"] for i in cols):
        t.add_row("error", *[Text(terminal_text(articles[i]["error"] or ""), style="red") for i in cols])
    for row in group["rows"]:
        label = Text(("  " if row.get("parent") else "") + terminal_text(row["label"]), style="dim" if row.get("parent") else "")
        t.add_row(label, *[_cell(row, i, compact) for i in cols])
    return t


def _pages(console: Console, comparison: dict, numbered: bool, compact: bool) -> list[list[int]] | None:
    """Article columns per page so every page fits, or None when not even one column fits:
    the label column's longest word, each article column's, and the borders and padding."""
    articles, groups = comparison["articles"], comparison["groups"]
    tables = [_table(g, articles, list(range(len(articles))), numbered, compact, "") for g in groups]
    label = max(column_range(console, t.columns[0])[0] for t in tables)
    widths = [max(column_range(console, t.columns[i + 1])[0] for t in tables) for i in range(len(articles))]
    extra: dict[int, int] = {}

    def fits(page: list[int]) -> bool:
        k = len(page)
        if k not in extra:
            extra[k] = table_extra(console, _table(groups[0], articles, page, numbered, compact, ""))
        return label + sum(widths[j] for j in page) + extra[k] <= console.width

    pages: list[list[int]] = []
    for i in range(len(articles)):
        if not fits([i]):
            return None
        if pages and fits(pages[-1] + [i]):
            pages[-1].append(i)
        else:
            pages.append([i])
    return pages


def render_comparison(comparison: dict[str, Any], out: TextIO) -> None:
    console = Console(file=out)
    articles = comparison["articles"]
    layout = None
    for numbered, compact in ((False, False), (True, False), (True, True)):
        pages = _pages(console, comparison, numbered, compact)
        if pages is not None and (len(pages) == 1 or (numbered and compact)):
            layout = (numbered, compact, pages)
            break
    if layout is None:  # a terminal narrower than one column: one article a page
        layout = (True, True, [[i] for i in range(len(articles))])
    numbered, compact, pages = layout
    if numbered:
        key = Table.grid(padding=(0, 1))
        key.add_column(justify="right", style="bold")
        key.add_column()
        for i, a in enumerate(articles):
            key.add_row(str(i + 1), Text(terminal_text(a["label"])))
        console.print(key)
        console.print()
    for group in comparison["groups"]:
        for cols in pages:
            title = group["title"]
            if len(pages) > 1:
                title += f" (articles {cols[0] + 1}\u2013{cols[-1] + 1} of {len(articles)})"
            table = _table(group, articles, cols, numbered, compact, title)
            fit_columns(console, table, console.width, first_up_to=LABEL_WIDTH)
            console.print(table)
        console.print(Text(terminal_text(group["summary"]), style="italic"))
        console.print()
    console.print(Text(f"{STAR_RULE}. Party rows: the party's stance in each article (its mentions; for a record "
                       "without a stance, the mean of its mentions, with the author's and quoted voices' beneath); "
                       "voice rows: the words given to each voice about the party and the author's credence toward it. "
                       "--format json gives the comparison as data.", style="dim"))
