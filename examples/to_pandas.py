"""Load mediabias JSON Lines output into pandas and compare the articles.

    mediabias score examples/articles --format jsonl > scores.jsonl
    python examples/to_pandas.py scores.jsonl

or straight from a pipe:

    mediabias score examples/articles --format jsonl | python examples/to_pandas.py -

Needs pandas (pip install pandas); mediabias itself does not.
"""

from __future__ import annotations

import json
import sys

import pandas as pd


def load(path: str) -> list[dict]:
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(path: str) -> None:
    records = [r for r in load(path) if "error" not in r]
    # one row per article, headline numbers as columns
    articles = pd.json_normalize(records)[
        ["id", "words", "hedging.per_1k_words", "hedging.by_category.distancing",
         "sources.per_100_words", "sources.anonymous", "readability.flesch_reading_ease"]
    ]
    print(articles.to_string(index=False))
    # one row per (article, party): sentiment toward each party
    parties = pd.json_normalize(records, record_path=["sentiment", "parties"], meta=["id"])
    table = parties.pivot_table(index="name", columns="id", values="score")
    print()
    print(table.round(2).to_string())
    # the evidence behind one number: every hedging hit with its offsets
    hits = pd.json_normalize(records, record_path=["hedging", "hits"], meta=["id"])
    print()
    print(hits[["id", "category", "text", "start", "end", "in_quote"]].head(10).to_string(index=False))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "-")
