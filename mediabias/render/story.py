"""Output of ``compare`` and ``report``: several articles on one story."""

from __future__ import annotations

import json
from typing import Any, TextIO

import click

from mediabias.compare import compare


def _long_rows(comparison: dict[str, Any]):
    labels = [a["label"] for a in comparison["articles"]]
    yield ["group", "row", "key", "article", "value", "marked"]
    for g in comparison["groups"]:
        for r in g["rows"]:
            for i, v in enumerate(r["values"]):
                yield [g["name"], r["label"], r["key"], labels[i], "" if v is None else v, int(i in r["marked"])]


def render_story(measure: str, fmt: str, pairs: list[tuple[Any, dict]], out: TextIO, output: str | None,
                 everything: bool = False, profiles: dict | None = None) -> None:
    if not pairs:
        raise click.ClickException("nothing to analyse")
    if len(pairs) < 2:
        shown = "the single article's record" if measure == "compare" else "the report shows the single article"
        click.echo(f"mediabias: a comparison needs two articles or more; got 1: {shown}", err=True)
        if measure == "compare":
            if fmt == "table":
                from mediabias.render.table import SummaryTable

                view = SummaryTable(out)
                for item, record in pairs:
                    view.add(item, record)
                view.finish()
            else:
                out.write(json.dumps(pairs[0][1], ensure_ascii=False, indent=2) + "\n")
            return
    if measure == "report":
        from mediabias.render.html import render_html, write_atomically
        from mediabias.render.limits import REPORT_ALL_UP_TO

        if len(pairs) > REPORT_ALL_UP_TO and not everything:
            click.echo(f"mediabias: {len(pairs):,} articles is more than {REPORT_ALL_UP_TO}: the report is the "
                       "corpus-level view (summaries, charts, one row per article) without the articles' texts; "
                       "--all writes every article as well", err=True)
        html = render_html(pairs, everything=everything, profiles=profiles)
        try:
            write_atomically(output, html)
        except OSError as e:
            raise click.ClickException(f"cannot write {output}: {e.strerror or e}") from None
        click.echo(f"mediabias: wrote {output} ({len(html.encode('utf-8')) / 1024:.0f} kB, {len(pairs)} articles)", err=True)
        return
    comparison = compare(r for _, r in pairs)
    if fmt == "table":
        from mediabias.render.compare_table import render_comparison

        render_comparison(comparison, out)
    elif fmt == "json":
        out.write(json.dumps(comparison, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(json.dumps(comparison, ensure_ascii=False, separators=(",", ":")) + "\n")
    else:
        from mediabias.render.records import CsvWriter  # cells a spreadsheet would run are quoted

        CsvWriter(out).writerows(_long_rows(comparison))
    out.flush()
