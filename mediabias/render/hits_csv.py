"""``hedging --format csv`` and ``sources --format csv``: one row per hit or
per citation -- what a spreadsheet user filters and counts -- with the
article's id, outlet and title on every row, the offsets, and the text of
each span (the quoted or reported content included, sliced from the
article).  An article with no hit is one row with empty hit columns, so no
article disappears from the sheet; a failed one is a row with its error.
"""

from __future__ import annotations

import contextlib
import csv
import io
from typing import Any, Callable, Iterable, TextIO

from mediabias.render.records import Guard, csv_cell

HEAD = ["id", "source", "outlet", "title"]
HIT_COLUMNS = ["category", "text", "start", "end", "sentence", "in_quote", "via", "target_party"]
CITATION_COLUMNS = ["kind", "cue", "cue_start", "cue_end", "cue_class", "source_text", "source_start", "source_end",
                    "source_type", "anonymous", "party", "content", "content_start", "content_end", "content_words",
                    "quoted_words"]


def _span(d: dict | None) -> list[Any]:
    return [d["text"], d["start"], d["end"]] if d else [None, None, None]


def hit_rows(record: dict, text: str | None) -> list[list[Any]]:
    return [[h["category"], h["text"], h["start"], h["end"], h.get("sentence"), h["in_quote"], h.get("via"),
             h.get("target_party")] for h in (record.get("hedging") or {}).get("hits", [])]


def citation_rows(record: dict, text: str | None) -> list[list[Any]]:
    rows = []
    for c in (record.get("sources") or {}).get("citations", []):
        content = c.get("content")
        body = " ".join(text[content["start"]:content["end"]].split()) if content and text else None
        rows.append([c["kind"], *_span(c.get("cue")), c.get("cue_class"), *_span(c.get("source")), c.get("source_type"),
                     c.get("anonymous"), c.get("party"), body, (content or {}).get("start"), (content or {}).get("end"),
                     c.get("content_words"), c.get("quoted_words")])
    return rows


def write_hits_csv(measure: str, pairs: Iterable[tuple[Any, dict]], out: TextIO, on_record: Callable[[dict], None],
                   guard: Guard = contextlib.nullcontext) -> None:
    columns, rows_of = (HIT_COLUMNS, hit_rows) if measure == "hedging" else (CITATION_COLUMNS, citation_rows)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(HEAD + columns + ["error"])
    for item, record in pairs:
        on_record(record)
        head = [record.get(k) for k in HEAD]
        if "error" in record:
            rows = [head + [None] * len(columns) + [record["error"]["message"]]]
        else:
            rows = [head + row + [None] for row in rows_of(record, getattr(item, "text", None))]
            rows = rows or [head + [None] * len(columns) + [None]]
        # a title, an outlet or a quoted phrase can start like a formula: the spreadsheet must not run it
        w.writerows([["" if v is None else csv_cell(v) for v in row] for row in rows])
        with guard():
            out.write(buf.getvalue())
            out.flush()
        buf.seek(0)
        buf.truncate()
    with guard():
        out.write(buf.getvalue())
        out.flush()
