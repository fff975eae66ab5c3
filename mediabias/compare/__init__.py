"""Several articles on one story side by side: records -> a comparison.

``compare(records)`` takes the records of two or more articles (as printed by
``mediabias score``) and returns a JSON-ready comparison: one column per
article, rows grouped by measure, the cells that differ most starred, and a
plain-language summary line per group.  It only reads numbers the records
already hold; renderers (terminal table, HTML report) lay it out.

* columns are labelled by ``outlet``, else ``title``, else the file name;
* people are aligned across articles by their names (:mod:`.names`:
  "Trump" and "Donald Trump" are one row), the other parties by their
  canonical name, and a party is kept when at least two articles mention it;
* per party, the headline is its ``stance`` in each article, and under it
  the voices the articles carry about it, with the words each is given and
  the author's credence toward it (endorsed, neutral, distanced);
* one rule stars a cell (:data:`STAR_RULE`, in :mod:`.rows`);
* each group's summary states its largest gap with the numbers behind it,
  never resting on fewer than 3 mentions or hits.
"""

from __future__ import annotations

from typing import Any, Iterable

from mediabias.compare.names import fold_people, fold_record, people_names
from mediabias.compare.rows import (MIN_SUPPORT, STAR_RULE, aligned_parties, hedging_rows, readability_rows,
                                    sentiment_rows, sources_rows)
from mediabias.compare.summaries import (format_value, group, readability_summary, sentiment_summary,
                                         voices_summary)

Record = dict[str, Any]
__all__ = ["compare", "article_label", "format_value", "STAR_RULE", "MIN_SUPPORT"]


def article_label(record: Record) -> str:
    for key in ("outlet", "title"):
        if record.get(key):
            return str(record[key])
    name = str(record.get("id") or record.get("source") or "?")
    return name.rsplit("/", 1)[-1]


def compare(records: Iterable[Record]) -> dict[str, Any]:
    """The comparison of two or more article records (see the module docstring)."""
    records = list(records)
    labels = [article_label(r) for r in records]
    seen: dict[str, int] = {}
    for i, label in enumerate(labels):  # keep labels unique
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[i] = f"{label} ({seen[label]})"
    folded = fold_people(people_names(r for r in records if "error" not in r))
    records = [fold_record(r, folded) for r in records]
    ok = [r for r in records if "error" not in r]
    parties = aligned_parties(ok)
    groups = [
        group("hedging", "Hedging and distancing", hedging_rows(records, parties), labels),
        group("sentiment", "Stance toward each party, and the voices carried", sentiment_rows(records, parties), labels,
              sentiment_summary),
        group("sources", "Sources: who is cited", sources_rows(records), labels, voices_summary),
        group("readability", "Readability", readability_rows(records), labels, readability_summary),
    ]
    articles = [
        {"label": lab, "id": r.get("id"), "source": r.get("source"), "words": r.get("words"),
         "error": (r.get("error") or {}).get("message")}
        for lab, r in zip(labels, records)
    ]
    return {"articles": articles, "parties": parties, "names": folded, "star_rule": STAR_RULE, "groups": groups}
