"""Terminal views with rich: the ``score`` summary table and the
``readability`` table (one row per article), and the entry point to the
per-measure detail views in :mod:`mediabias.render.views`.

rich is imported here only, so ``mediabias --help`` never pays for it.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console
from rich.text import Text

from mediabias.inputs import Item
from mediabias.render.layout import Col, Grid, Layout
from mediabias.render.safe import cell

Record = dict[str, Any]


def fmt(value: Any, digits: int = 1) -> str:
    """Round for display; None (cannot be computed) shows as an en dash."""
    if value is None:
        return "\u2013"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


NEUTRAL_BAND = 0.05  # a sentiment number nearer 0 than this is shown uncoloured


def sign_style(score: float | None) -> str:
    """Colour of a sentiment number by its sign: red below -0.05, green above +0.05."""
    if score is None:
        return ""
    return "red" if score <= -NEUTRAL_BAND else "green" if score >= NEUTRAL_BAND else ""


def label_style(label: str | None) -> str:
    return {"positive": "green", "negative": "red"}.get(label or "", "")


def headline(party: Record) -> tuple[float | None, str | None]:
    """A party's headline number and label: its ``stance`` (the article's own
    view of it) when the record has one, else the mean of its mentions."""
    stance = party.get("stance")
    if isinstance(stance, dict):
        return stance.get("score"), stance.get("label")
    return party.get("score"), party.get("label")


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
        score, _ = headline(p)
        text.append(f"{p['name']} ", style="bold")
        text.append(fmt(score, 2), style=sign_style(score))
        text.append(f" ({p['mentions']})", style="dim")
    return text


def aimed_cell(record: Record, k: int = 2) -> Text:
    """The parties distancing is aimed at, each with its rate per 1,000 words."""
    h = record.get("hedging") or {}
    aimed = [(p, d.get("distancing_per_1k_words")) for p, d in (h.get("by_party") or {}).items() if d.get("distancing")]
    text = Text()
    for i, (party, rate) in enumerate(sorted(aimed, key=lambda pr: -(pr[1] or 0))[:k]):
        text.append(("\n" if i else "") + f"{party} {fmt(rate)}")
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


SUMMARY_COLUMNS = (
    Col("article", card="head"),
    Col("words", "right"),
    Col("hedges\n/1k words", "right"),
    Col("distancing\n/1k words", "right"),
    Col("distancing aimed at\n(/1k words)"),
    Col("parties\n(stance, mentions)"),
    Col("attrib.\n/100 words", "right"),
    Col("direct\nquotes", "right"),
    Col("anon.\nsources", "right"),
    Col("voices: attrib./\nquoted words"),
    Col("reading\nease", "right"),
    Col("error"),
)


class SummaryTable:
    """``mediabias score`` on a terminal: one row per article (a card each on a narrow terminal)."""

    def __init__(self, out: TextIO, layout: Layout | None = None) -> None:
        self.console = Console(file=out)
        self.layout = layout
        self.grid = Grid(SUMMARY_COLUMNS, title="mediabias score")

    def add(self, item: Item, record: Record) -> None:
        name = article_name(record)
        if "error" in record:
            self.grid.add(name, *[None] * 10, cell(record["error"]["message"], style="red"))
            return
        h = record.get("hedging") or {}
        s = record.get("sources") or {}
        r = record.get("readability") or {}
        self.grid.add(
            name,
            fmt(record["words"]),
            fmt(h.get("per_1k_words")),
            fmt((h.get("by_category_per_1k_words") or {}).get("distancing")),
            aimed_cell(record),
            party_cell(record),
            fmt(s.get("per_100_words"), 2),
            fmt(s.get("direct_quotes")),
            fmt(s.get("anonymous")),
            voices_cell(record),
            fmt(r.get("flesch_reading_ease")),
            None,
        )

    def finish(self) -> None:
        self.grid.print(self.console, self.layout, show_lines=True)
        self.console.print(
            "[dim]hedges = hedge + distancing + weasel (boosters excluded), per 1,000 words; stance in [-1, 1] "
            f"(red below -{NEUTRAL_BAND:.2f}, green above +{NEUTRAL_BAND:.2f}); full records with evidence spans: "
            "--format json[/dim]"
        )


class ReadabilityTable:
    def __init__(self, out: TextIO, layout: Layout | None = None) -> None:
        self.console = Console(file=out)
        self.layout = layout
        names = ("article", "words", "sentences", "Flesch reading ease", "Flesch-Kincaid grade", "Gunning fog", "SMOG",
                 "error")
        self.grid = Grid([Col(n, "left" if n in ("article", "error") else "right", card="head" if n == "article" else "field")
                          for n in names], title="mediabias readability")

    def add(self, item: Item, record: Record) -> None:
        if "error" in record:
            self.grid.add(article_name(record), *[None] * 6, cell(record["error"]["message"], style="red"))
            return
        r = record["readability"]
        self.grid.add(
            article_name(record),
            fmt(record["words"]),
            fmt(record["sentences"]),
            fmt(r["flesch_reading_ease"], 2),
            fmt(r["flesch_kincaid_grade"]),
            fmt(r["gunning_fog"], 2),
            fmt(r["smog_index"]),
            None,
        )

    def finish(self) -> None:
        self.grid.print(self.console, self.layout)


def make_table_view(measure: str, out: TextIO, layout: Layout | None = None):
    """The terminal view for a command: ``score`` or one measure (``layout``
    forces a table or cards; by default the terminal's width decides)."""
    if measure == "score":
        return SummaryTable(out, layout)
    if measure == "readability":
        return ReadabilityTable(out, layout)
    if measure == "parties":
        from mediabias.render.parties_view import PartiesView

        return PartiesView(out, layout)
    from mediabias.render import views

    return views.DetailView(measure, out, layout)
