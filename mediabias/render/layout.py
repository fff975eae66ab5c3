"""Tables that fit the terminal: one set of rows, laid out as a table when
it fits and as one card per row when it does not.

A table is used when every column can show its longest word whole and the
terminal is wide enough (``WIDE_TABLE_AT`` columns, or the table's natural
width when that is less).  Otherwise each row becomes a *card*: a heading
line made of the row's ``head`` cells, then one ``label  value`` line per
other cell (``body`` cells on their own, indented), wrapped at spaces.  So
nothing is cut: no number loses digits and no word is split, at any width
(tested at 60, 80 and 200 columns).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Literal, Union

from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from mediabias.render.limits import WIDE_TABLE_AT
from mediabias.render.safe import terminal_text

Cell = Union[str, Text, None]
Layout = Literal["table", "cards"]


@dataclass(frozen=True)
class Col:
    name: str  # the table header ("\n" allowed); one line in a card
    justify: str = "left"
    card: str = "field"  # "head": in the card's heading line; "field": a labelled line; "body": a line of its own
    ratio: int | None = None  # a table column that takes the spare width (long text)


def cell_range(console: Console, cell: RenderableType | None) -> tuple[int, int]:
    """(longest word, longest line) of a cell, in terminal columns: what rich
    measures for text, computed directly (rich's measurement of a large
    table cell by cell is slow)."""
    if cell is None:
        return (0, 0)
    if isinstance(cell, (str, Text)):
        plain = cell if isinstance(cell, str) else cell.plain
        return (max((cell_len(w) for w in plain.split()), default=0),
                max((cell_len(line) for line in plain.split("\n")), default=0))
    m = Measurement.get(console, console.options.update_width(10**6), cell)
    return (m.minimum, m.maximum)


def column_range(console: Console, column) -> tuple[int, int]:
    ranges = [cell_range(console, c) for c in (column.header, *column.cells)]
    return (max([r[0] for r in ranges] + [1]), max([r[1] for r in ranges] + [1]))


def table_extra(console: Console, table: Table) -> int:
    """Columns a table takes beyond its cells' text: borders and padding."""
    saved = [c.width for c in table.columns]
    for c in table.columns:
        c.width = 1
    try:
        return Measurement.get(console, console.options.update_width(10**6), table).minimum - len(table.columns)
    finally:
        for c, w in zip(table.columns, saved):
            c.width = w


def fit_columns(console: Console, table: Table, width: int, first_up_to: int = 0) -> bool:
    """Give each column of ``table`` a fixed width so that the table fits in
    ``width`` and no column is narrower than its longest word; False (and no
    change) when even that does not fit.  Rich's own shrinking narrows the
    widest column first, below its longest word, and so cuts words.
    ``first_up_to``: the first column (row labels) keeps up to that many
    columns of its natural width while the others can still fit."""
    cols = table.columns
    if not cols:
        return True
    lo, hi = (list(x) for x in zip(*(column_range(console, c) for c in cols)))
    extra = table_extra(console, table)
    room = width - extra
    if sum(lo) > room:
        return False
    want = min(hi[0], max(lo[0], first_up_to))
    lo[0] = max(lo[0], min(want, room - sum(lo[1:])))
    if sum(hi) <= room:
        alloc = hi
    else:  # the largest cap c with sum(min(hi, max(lo, c))) <= room
        a, b = 1, max(hi)
        while a < b:
            mid = (a + b + 1) // 2
            if sum(min(h, max(m, mid)) for m, h in zip(lo, hi)) <= room:
                a = mid
            else:
                b = mid - 1
        alloc = [min(h, max(m, a)) for m, h in zip(lo, hi)]
    spare = room - sum(alloc)
    flexible = [i for i, c in enumerate(cols) if c.ratio] if table.expand else []
    for k, i in enumerate(flexible):
        alloc[i] += spare // len(flexible) + (1 if k < spare % len(flexible) else 0)
    for c, w in zip(cols, alloc):
        c.width = w
        c.ratio = None  # the spare width is given out above: rich must not share it out again
    table.expand = False
    return True


def _text(cell: Cell) -> Text:
    if cell is None:
        return Text("")
    # a plain string is article text as often as not: never markup, no control characters
    return cell.copy() if isinstance(cell, Text) else Text(terminal_text(str(cell)))


class Grid:
    """Rows under named columns; :meth:`print` chooses table or cards."""

    def __init__(self, columns: Iterable[Col], title: str | None = None, caption: str | None = None) -> None:
        self.columns = list(columns)
        self.title = title
        self.caption = caption
        self.rows: list[list[Cell]] = []

    def add(self, *cells: Cell) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{len(cells)} cells for {len(self.columns)} columns")
        self.rows.append(list(cells))

    # -- table ---------------------------------------------------------------
    def table(self, **kwargs) -> Table:
        """The rows as a rich table; a column with nothing in any row is left out."""
        t = Table(title=self.title, caption=self.caption, title_justify="left", caption_justify="left", **kwargs)
        shown = [i for i in range(len(self.columns)) if any(_text(row[i]).plain.strip() for row in self.rows)]
        for i in shown:
            col = self.columns[i]
            t.add_column(col.name, justify=col.justify, ratio=col.ratio, overflow="fold")
        for row in self.rows:
            t.add_row(*[_text(row[i]) for i in shown])
        return t

    def fits(self, console: Console, width: int) -> bool:
        t = self.table()
        lo, hi = (sum(x) for x in zip(*(column_range(console, c) for c in t.columns))) if t.columns else (0, 0)
        extra = table_extra(console, t)
        return lo + extra <= width and (width >= WIDE_TABLE_AT or hi + extra <= width)

    def fitted_table(self, console: Console, **kwargs) -> Table:
        t = self.table(**kwargs)
        fit_columns(console, t, console.width)
        return t

    # -- cards ---------------------------------------------------------------
    def cards(self) -> RenderableType:
        parts: list[RenderableType] = []
        if self.title:
            parts.append(Text(self.title, style="italic"))
        for row in self.rows:
            head = Text(style="bold")
            flow = Text()
            blocks: list[RenderableType] = []
            for col, cell in zip(self.columns, row):
                text = _text(cell)
                if not text.plain.strip():
                    continue
                label = " ".join(col.name.split())
                if col.card == "head":
                    if head.plain:
                        head.append(" \u00b7 ", style="dim")
                    head.append_text(text)
                elif col.card == "body":
                    blocks.append(Padding(text, (0, 0, 0, 2)))
                elif "\n" in text.plain:  # a list: its own lines under its label
                    blocks.append(Padding(Group(Text(label + ":", style="dim"), Padding(text, (0, 0, 0, 2))), (0, 0, 0, 2)))
                else:
                    if flow.plain:
                        flow.append(" \u00b7 ", style="dim")
                    flow.append(label + ": ", style="dim")
                    flow.append_text(text)
            block: list[RenderableType] = [head] if head.plain else []
            if flow.plain:
                block.append(Padding(flow, (0, 0, 0, 2)))
            parts.append(Group(*block, *blocks))
        if self.caption:
            parts.append(Text(self.caption, style="dim"))
        return Group(*_spaced(parts))

    def print(self, console: Console, layout: Layout | None = None, **table_kwargs) -> Layout:
        if not self.rows:
            return "table"
        layout = layout or ("table" if self.fits(console, console.width) else "cards")
        console.print(self.fitted_table(console, **table_kwargs) if layout == "table" else self.cards())
        return layout


def _spaced(parts: list[RenderableType]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for i, p in enumerate(parts):
        if i:
            out.append(Text(""))
        out.append(p)
    return out
