"""The tables of a results database and the rows one record gives them.

``articles``: one row per article (key: id and text hash), the headline numbers
as columns (:data:`ARTICLE_COLUMNS`) and the full record as JSON; ``parties``,
``hedges`` and ``citations``: one row per party, hedging hit and attribution of
an article, keyed by the article's id and text hash and a number ``n`` in the
record's order.  Plain SQLite types only, so any SQLite reader reads them.
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

ARTICLE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    # (column, SQL type, path in the record)
    ("source", "TEXT", "source"),
    ("title", "TEXT", "title"),
    ("outlet", "TEXT", "outlet"),
    ("author", "TEXT", "author"),
    ("date", "TEXT", "date"),
    ("url", "TEXT", "url"),
    ("encoding", "TEXT", "encoding"),
    ("extractor", "TEXT", "extractor"),
    ("chars", "INTEGER", "chars"),
    ("words", "INTEGER", "words"),
    ("sentences", "INTEGER", "sentences"),
    ("hedges", "INTEGER", "hedging.count"),
    ("hedges_per_1k_words", "REAL", "hedging.per_1k_words"),
    ("hedge", "INTEGER", "hedging.by_category.hedge"),
    ("distancing", "INTEGER", "hedging.by_category.distancing"),
    ("weasel", "INTEGER", "hedging.by_category.weasel"),
    ("booster", "INTEGER", "hedging.by_category.booster"),
    ("hedges_author_per_1k_words", "REAL", "hedging.author_voice.per_1k_words"),
    ("hedges_quoted_per_1k_words", "REAL", "hedging.quoted.per_1k_words"),
    ("attributions", "INTEGER", "sources.attributions"),
    ("attributions_per_100_words", "REAL", "sources.per_100_words"),
    ("direct_quotes", "INTEGER", "sources.direct_quotes"),
    ("share_words_quoted", "REAL", "sources.share_words_quoted"),
    ("named_sources", "INTEGER", "sources.named"),
    ("anonymous_sources", "INTEGER", "sources.anonymous"),
    ("share_anonymous", "REAL", "sources.share_anonymous"),
    ("flesch_reading_ease", "REAL", "readability.flesch_reading_ease"),
    ("flesch_kincaid_grade", "REAL", "readability.flesch_kincaid_grade"),
    ("gunning_fog", "REAL", "readability.gunning_fog"),
    ("smog_index", "REAL", "readability.smog_index"),
)

SCHEMA = f"""
CREATE TABLE mediabias_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    analyser TEXT NOT NULL,
    settings TEXT NOT NULL,
    {", ".join(f"{name} {kind}" for name, kind, _ in ARTICLE_COLUMNS)},
    fields TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (id, text_hash)
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_date ON articles (date);
CREATE TABLE parties (
    article_id TEXT NOT NULL, text_hash TEXT NOT NULL, name TEXT NOT NULL,
    kind TEXT, affiliation TEXT, mentions INTEGER, score REAL, label TEXT, stance REAL, stance_label TEXT,
    distancing INTEGER, distancing_per_1k_words REAL, attributions INTEGER, quoted_words INTEGER,
    PRIMARY KEY (article_id, text_hash, name)
);
CREATE INDEX parties_name ON parties (name);
CREATE TABLE hedges (
    article_id TEXT NOT NULL, text_hash TEXT NOT NULL, n INTEGER NOT NULL,
    text TEXT, category TEXT, char_start INTEGER, char_end INTEGER, sentence INTEGER,
    in_quote INTEGER, target_party TEXT, via TEXT,
    PRIMARY KEY (article_id, text_hash, n)
);
CREATE TABLE citations (
    article_id TEXT NOT NULL, text_hash TEXT NOT NULL, n INTEGER NOT NULL,
    kind TEXT, cue TEXT, cue_class TEXT, cue_start INTEGER, cue_end INTEGER,
    source TEXT, source_start INTEGER, source_end INTEGER, source_type TEXT, anonymous INTEGER, party TEXT,
    content_start INTEGER, content_end INTEGER, content_words INTEGER, quoted_words INTEGER,
    PRIMARY KEY (article_id, text_hash, n)
);
"""
CHILD_TABLES = ("parties", "hedges", "citations")


def get(record: Record, path: str) -> Any:
    cur: Any = record
    for key in path.split("."):
        if not isinstance(cur, dict):
            return None
        cur = cur.get(key)
    return cur


def party_rows(key: tuple[str, str], record: Record) -> list[tuple]:
    rows: dict[str, list] = {}

    def row(name: str) -> list:
        return rows.setdefault(name, [*key, name] + [None] * 11)

    for p in (record.get("parties") or {}).get("parties", []):
        r = row(p["name"])
        r[3], r[4], r[5] = p.get("kind"), p.get("affiliation"), p.get("mentions")
    for p in get(record, "sentiment.parties") or []:
        r = row(p["name"])
        stance = p.get("stance") or {}
        r[3:10] = [p.get("kind"), p.get("affiliation"), p.get("mentions"), p.get("score"), p.get("label"),
                   stance.get("score"), stance.get("label")]
    for name, d in (get(record, "hedging.by_party") or {}).items():
        r = row(name)
        r[10], r[11] = d.get("distancing"), d.get("distancing_per_1k_words")
    for name, d in (get(record, "sources.by_party") or {}).items():
        r = row(name)
        r[12], r[13] = d.get("attributions"), d.get("quoted_words")
    return [tuple(r) for r in rows.values()]


def hedge_rows(key: tuple[str, str], record: Record) -> list[tuple]:
    return [(*key, n, h.get("text"), h.get("category"), h.get("start"), h.get("end"), h.get("sentence"),
             int(bool(h.get("in_quote"))), h.get("target_party"), h.get("via"))
            for n, h in enumerate(get(record, "hedging.hits") or [])]


def citation_rows(key: tuple[str, str], record: Record) -> list[tuple]:
    rows = []
    for n, c in enumerate(get(record, "sources.citations") or []):
        cue, src, content = c.get("cue") or {}, c.get("source") or {}, c.get("content") or {}
        rows.append((*key, n, c.get("kind"), cue.get("text"), c.get("cue_class"), cue.get("start"), cue.get("end"),
                     src.get("text"), src.get("start"), src.get("end"), c.get("source_type"),
                     int(bool(c.get("anonymous"))), c.get("party"), content.get("start"), content.get("end"),
                     c.get("content_words"), c.get("quoted_words")))
    return rows


def clean(value: Any) -> Any:
    """``value`` with lone surrogates (from a JSON ``\\udfff`` escape or an undecodable file name)
    replaced by U+FFFD in every string: SQLite stores UTF-8 text only."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value
