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
                 profiles: dict | None = None) -> None:
    if len(pairs) < 2:
        click.echo(f"mediabias: a comparison needs two articles or more; got {len(pairs)}, showing the single report",
                   err=True)
        if measure == "compare":
            if fmt == "table":
                from mediabias.render.table import SummaryTable

                view = SummaryTable(out)
                for item, record in pairs:
                    view.add(item, record)
                view.finish()
            else:
                out.write(json.dumps([r for _, r in pairs][0] if pairs else {}, ensure_ascii=False, indent=2) + "\n")
            return
        if not pairs:
            raise click.ClickException("no articles to report on")
    if measure == "report":
        from mediabias.render.html import render_html, write_atomically

        html = render_html(pairs, profiles=profiles)
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
