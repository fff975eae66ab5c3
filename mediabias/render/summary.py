"""``mediabias summarize`` output: a corpus summary as tables or long-form data.

* ``table`` (a terminal): one table per family of measures (hedging, sources,
  stance, distancing, readability), groups as rows, each cell the mean over
  the group's articles above its 95 % interval; a mean that differs from the
  rest of the corpus beyond chance is bold with ▲ (higher) or ▼ (lower).
  Columns are split over several tables so that each fits the terminal's
  width; groups below ``--min-articles`` are listed under the tables.
* ``json``: the whole summary (method, groups, measures, cells);
* ``jsonl`` / ``csv``: long form, one line per group x measure
  (:data:`LONG_COLUMNS`).

Numbers are rounded here only; the data formats carry them unrounded.
"""

from __future__ import annotations

import csv
import itertools
import json
from typing import Any, TextIO

LONG_COLUMNS = ("group", "group_articles", "measure", "label", "unit", "mean", "low", "high", "n",
                "rest_mean", "p", "p_adjusted", "significant", "note")
MARKS = {True: "\u25b2", False: "\u25bc"}  # ▲ higher than the rest, ▼ lower


def long_rows(summary: dict[str, Any]):
    measures = {m["key"]: m for m in summary["measures"]}
    articles = {g["group"]: g["articles"] for g in summary["groups"]}
    for c in summary["cells"]:
        m = measures[c["measure"]]
        yield {"group": c["group"], "group_articles": articles[c["group"]], "measure": c["measure"], "label": m["label"],
               "unit": m["unit"], **{k: c[k] for k in LONG_COLUMNS[5:]}}


def write_summary(summary: dict[str, Any], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in long_rows(summary):
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(LONG_COLUMNS)
        for row in long_rows(summary):
            w.writerow(["" if row[k] is None else row[k] for k in LONG_COLUMNS])
    else:
        render_table(summary, out)
    out.flush()


def format_number(v: float | None, unit: str) -> str:
    if v is None:
        return "\u2013"
    if unit == "share":
        return f"{100 * v:.0f}%"
    if unit == "score":
        return f"{v:+.2f}"
    if unit == "per_100":
        return f"{v:.2f}"
    return f"{v:.1f}"


def format_interval(low: float | None, high: float | None, unit: str) -> str:
    if low is None or high is None:
        return ""
    return f"[{format_number(low, unit)},{format_number(high, unit)}]"


# Column headings on a terminal: short, and never a word wider than the column.
SHORT = {
    "hedging.per_1k_words": "all", "hedging.author_per_1k_words": "author voice",
    "hedging.quoted_per_1k_words": "quoted voices", "sources.per_100_words": "attrib. /100 words",
    "sources.share_anonymous": "anonymous", "sources.share_words_quoted": "words quoted",
    "readability.flesch_reading_ease": "Flesch ease", "readability.flesch_kincaid_grade": "FK grade",
}


def _cell(c: dict[str, Any], unit: str):
    from rich.text import Text

    if c["mean"] is None:
        return Text("\u2013", style="dim")
    if c["note"]:  # too few articles: the plain mean, no interval or test
        return Text(format_number(c["mean"], unit), style="dim") + Text(f"\nn={c['n']}", style="dim")
    text = Text(format_number(c["mean"], unit))
    if c["significant"]:
        text.stylize("bold")
        text.append(MARKS[c["mean"] > (c["rest_mean"] if c["rest_mean"] is not None else c["mean"])], style="bold")
    text.append("\n" + format_interval(c["low"], c["high"], unit), style="dim")
    return text


def _width(measure: dict, cells: list[dict]) -> int:
    """Characters the measure's column needs: its longest line, or the longest word of its heading."""
    unit = measure["unit"]
    lines = [max((len(w) for w in SHORT.get(measure["key"], measure["label"]).split()), default=1)]
    for c in cells:
        lines.append(len(format_number(c["mean"], unit)) + 1)
        lines.append(len(format_interval(c["low"], c["high"], unit)))
        lines.append(len(f"n={c['n']}"))
    return max(lines)


def _panels(measures: list[dict], widths: dict[str, int], room: int) -> list[tuple[str, list[dict]]]:
    """Each family's measures in tables as wide as ``room``, the columns spread evenly over them."""
    families: dict[str, list[dict]] = {}
    for m in measures:
        families.setdefault(m["family"], []).append(m)
    panels = []
    for family, ms in families.items():
        for tables in range(1, len(ms) + 1):  # the fewest tables whose even shares of the columns all fit
            base, extra = divmod(len(ms), tables)
            bounds = list(itertools.accumulate([0] + [base + (i < extra) for i in range(tables)]))
            chunks = [ms[a:b] for a, b in zip(bounds, bounds[1:])]
            if all(sum(widths[m["key"]] + 2 for m in chunk) <= room for chunk in chunks):
                break
        panels += [(family, chunk) for chunk in chunks]
    return panels


def render_table(summary: dict[str, Any], out: TextIO) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out)
    shown = [g for g in summary["groups"] if not g["too_small"]]
    small = [g for g in summary["groups"] if g["too_small"]]
    cells = {(c["group"], c["measure"]): c for c in summary["cells"]}
    longest_word = max(len(w) for g in shown for w in g["group"].split())
    name_width = max(min(22, max(len(g["group"]) for g in shown)), min(longest_word, 30), len(summary["by"]))
    count_width = max(len("articles"), len(f"{summary['articles']:,}"))
    widths = {m["key"]: _width(m, [cells[(g["group"], m["key"])] for g in shown]) for m in summary["measures"]}
    room = console.width - name_width - count_width - 4
    by = summary["by"] + (f" ({summary['period']})" if summary.get("period") else "")
    console.print(Text(f"{summary['articles']:,} articles ({summary['words']:,} words) by {by}; "
                       f"mean per article [95% interval]", style="bold"))
    previous = None
    for family, measures in _panels(summary["measures"], widths, room):
        title = summary["families"][family] + (" (continued)" if family == previous else "")
        previous = family
        table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
        table.add_column(summary["by"], overflow="fold", width=name_width)
        table.add_column("articles", justify="right", width=count_width)
        for m in measures:
            table.add_column(SHORT.get(m["key"], m["label"]), justify="right", overflow="fold", width=widths[m["key"]])
        for g in shown:
            style = "italic" if g["group"] == "(all)" else None
            table.add_row(g["group"], f"{g['articles']:,}",
                          *(_cell(cells[(g["group"], m["key"])], m["unit"]) for m in measures),
                          style=style, end_section=g is shown[-2] if len(shown) > 1 else False)
        console.print(table)
    method = summary["method"]
    console.print(Text(f"\u25b2/\u25bc: the group's mean is above/below the rest of the corpus beyond chance "
                       f"(permutation test, {method['resamples']:,} shuffles; Benjamini-Hochberg over "
                       f"{method['tests']} tests, adjusted p < 0.05). Intervals: bootstrap, {method['resamples']:,} "
                       f"resamples, seed {method['seed']}. n=: fewer than {summary['min_articles']} articles "
                       "have the value.", style="dim"))
    if small:
        listed = ", ".join(f"{g['group']} {g['articles']}" for g in small[:12])
        more = f" and {len(small) - 12} more" if len(small) > 12 else ""
        console.print(Text(f"Too small (fewer than {summary['min_articles']} articles; in the data formats, "
                           f"without intervals): {listed}{more}.", style="dim"))
    unknown = summary.get("unknown")
    if unknown:
        why = ", ".join(f"{n} {k}" for k, n in unknown.items() if k != "articles")
        console.print(Text(f"(unknown): {unknown['articles']} articles have no {summary['by']} ({why}).", style="dim"))
    if summary.get("failed"):
        console.print(Text(f"{summary['failed']} failed inputs (error records) are left out.", style="dim"))
