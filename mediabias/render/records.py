"""Machine formats: JSON, JSON Lines and CSV, written as records arrive.

* ``jsonl`` -- one record per line;
* ``json`` -- one object for one article, a list for several (the first
  record is held back until the second shows whether a list is needed);
* ``csv`` -- one flat row per article with the headline numbers
  (:data:`CSV_COLUMNS`), ready for ``pandas.read_csv``.  A text cell a
  spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return: a title ``=HYPERLINK(...)``) is written
  with a single quote before it, OWASP's rule; numbers stay numbers.

``on_record`` is called for each record once its text has been written
(inside ``guard``), so a count kept by it is the number of records written.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from typing import Any, Callable, ContextManager, Iterable, TextIO

from mediabias.render.safe import write_text

Record = dict[str, Any]
# Each record is written and flushed inside `guard()`: the command line passes
# a guard that holds Ctrl-C back until the record's line is complete.
Guard = Callable[[], ContextManager]


# Characters some line readers take for line breaks (Python's str.splitlines,
# JavaScript before ES2019): written as escapes, so one record is one line.
_LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")


def _escape_separators(text: str) -> str:
    if _LINE_SEPARATORS.search(text):  # only inside strings: JSON's own syntax is ASCII
        return _LINE_SEPARATORS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def _dumps(record: Record, **layout: Any) -> str:
    return _escape_separators(json.dumps(record, ensure_ascii=False, **(layout or {"separators": (",", ":")})))


def write_jsonl(
    records: Iterable[Record], out: TextIO, on_record: Callable[[Record], None], guard: Guard = contextlib.nullcontext
) -> None:
    for r in records:
        line = _dumps(r) + "\n"
        with guard():
            write_text(out, line)
            on_record(r)


def write_json(
    records: Iterable[Record], out: TextIO, on_record: Callable[[Record], None], guard: Guard = contextlib.nullcontext
) -> None:
    first: Record | None = None
    n = 0
    for r in records:
        n += 1
        if n == 1:
            first = r
            continue
        text = _dumps(r, indent=2)
        if n == 2:
            text = "[\n" + _dumps(first, indent=2) + ",\n" + text
        else:
            text = ",\n" + text
        with guard():
            write_text(out, text)
            if n == 2:
                on_record(first)
            on_record(r)
    with guard():
        if n == 1:
            write_text(out, _dumps(first, indent=2) + "\n")
        elif n >= 2:
            write_text(out, "\n]\n")
        else:
            write_text(out, "[]\n")
        if n == 1:
            on_record(first)


# -- CSV ------------------------------------------------------------------------------------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell a spreadsheet will not run: text starting with
    = + - @ tab or CR gets a leading single quote, unless it is a plain number."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class CsvWriter:
    """``csv.writer`` whose every cell goes through :func:`csv_cell`."""

    def __init__(self, out: TextIO) -> None:
        self._w = csv.writer(out, lineterminator="\n")

    def writerow(self, row: Iterable[Any]) -> None:
        self._w.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def _get(record: Record, path: str) -> Any:
    cur: Any = record
    for key in path.split("."):
        if not isinstance(cur, dict) or key not in cur:
            return None
        cur = cur[key]
    return cur


def _top_parties(record: Record, k: int) -> list[dict]:
    parties = _get(record, "sentiment.parties") or []
    return parties[:k]


CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "id"),
    ("source", "source"),
    ("title", "title"),
    ("outlet", "outlet"),
    ("author", "author"),
    ("date", "date"),
    ("url", "url"),
    ("encoding", "encoding"),
    ("words", "words"),
    ("sentences", "sentences"),
    ("hedges", "hedging.count"),
    ("hedges_per_1k_words", "hedging.per_1k_words"),
    ("hedge", "hedging.by_category.hedge"),
    ("distancing", "hedging.by_category.distancing"),
    ("weasel", "hedging.by_category.weasel"),
    ("booster", "hedging.by_category.booster"),
    ("hedges_author_per_1k_words", "hedging.author_voice.per_1k_words"),
    ("attributions", "sources.attributions"),
    ("attributions_per_100_words", "sources.per_100_words"),
    ("direct_quotes", "sources.direct_quotes"),
    ("share_words_quoted", "sources.share_words_quoted"),
    ("named_sources", "sources.named"),
    ("anonymous_sources", "sources.anonymous"),
    ("flesch_reading_ease", "readability.flesch_reading_ease"),
    ("flesch_kincaid_grade", "readability.flesch_kincaid_grade"),
    ("gunning_fog", "readability.gunning_fog"),
    ("smog_index", "readability.smog_index"),
)
CSV_PARTIES = 3


def csv_header() -> list[str]:
    cols = [name for name, _ in CSV_COLUMNS]
    for i in range(1, CSV_PARTIES + 1):
        cols += [f"party{i}", f"party{i}_mentions", f"party{i}_score", f"party{i}_label"]
    return cols + ["error"]


def csv_row(record: Record) -> list[Any]:
    row = [_get(record, path) for _, path in CSV_COLUMNS]
    parties = _top_parties(record, CSV_PARTIES)
    for i in range(CSV_PARTIES):
        p = parties[i] if i < len(parties) else {}
        row += [p.get("name"), p.get("mentions"), p.get("score"), p.get("label")]
    err = record.get("error")
    row.append(err["message"] if err else None)
    return ["" if v is None else v for v in row]


PARTY_CSV_HEADER = ["id", "source", "party", "kind", "affiliation", "mentions", "aliases", "error"]


def party_rows(record: Record) -> list[list[Any]]:
    """``mediabias parties --format csv``: one row per (article, party); aliases as 'text (n); ...'."""
    head = [record.get("id"), record.get("source")]
    if "error" in record:
        return [head + ["", "", "", "", "", record["error"]["message"]]]
    rows = []
    for p in (record.get("parties") or {}).get("parties", []):
        aliases = "; ".join(f"{a['text']} ({a['mentions']})" for a in p.get("aliases", []))
        rows.append(head + [p["name"], p.get("kind"), p.get("affiliation") or "", p["mentions"], aliases, ""])
    return rows


def write_csv(
    records: Iterable[Record], out: TextIO, on_record: Callable[[Record], None], guard: Guard = contextlib.nullcontext,
    *, parties: bool = False,
) -> None:
    """One flat row per article (CSV_COLUMNS), or with ``parties`` one row per (article, party)."""
    buf = io.StringIO()
    w = CsvWriter(buf)
    w.writerow(PARTY_CSV_HEADER if parties else csv_header())
    for r in records:
        if parties:
            w.writerows(party_rows(r))
        else:
            w.writerow(csv_row(r))
        with guard():
            write_text(out, buf.getvalue())
            on_record(r)
        buf.seek(0)
        buf.truncate()
    with guard():
        write_text(out, buf.getvalue())  # the header when there were no records
