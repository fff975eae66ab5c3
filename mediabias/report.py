"""The record mediabias produces for one article, and its JSON form.

``Report.to_dict()`` is exactly the JSON record the command line prints;
its shape is described by ``mediabias/schema/report.schema.json`` and
versioned by ``SCHEMA_VERSION``.  Numbers are not rounded here (renderers
round for display); "cannot be computed" is ``None``, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.1"  # 1.1: sentiment.thresholds.document removed (party labels follow the mention rule); stance, voices
META_FIELDS = ("title", "outlet", "author", "date", "url")
# further carried fields (``--field leaning=bias_text``) travel in meta["fields"]
# and appear in the record as ``fields: {name: value}``
FIELDS_KEY = "fields"


@dataclass(frozen=True, slots=True)
class Report:
    id: str | None
    source: str | None
    words: int
    sentences: int
    chars: int
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    skipped: tuple = ()  # page furniture left out of every measure: (start, end, kind)
    extractor: str | None = None  # "trafilatura 2.3.1" when the text was extracted from a web page
    hedging: Any = None
    sentiment: Any = None
    sources: Any = None
    readability: Any = None
    parties: Any = None

    def to_dict(self) -> dict[str, Any]:
        d = record_head(self.id, self.source, self.meta, self.encoding, self.extractor)
        d["chars"] = self.chars
        d["words"] = self.words
        d["sentences"] = self.sentences
        d["skipped"] = [{"start": s, "end": e, "kind": k} for s, e, k in self.skipped]
        for name in ("hedging", "sentiment", "sources", "readability", "parties"):
            value = getattr(self, name)
            if value is not None:
                d[name] = value.to_dict()
        return d


def record_head(
    id: str | None, source: str | None, meta: dict | None, encoding: str | None = None, extractor: str | None = None
) -> dict[str, Any]:
    """The first keys of every record: what the input said about the article
    (id, source, title, outlet, author, date, url, further fields) and how its
    text was read (encoding, extractor)."""
    d: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": id, "source": source}
    meta = meta or {}
    for k in META_FIELDS:
        if meta.get(k) is not None:
            d[k] = meta[k]
    if meta.get(FIELDS_KEY):
        d[FIELDS_KEY] = dict(meta[FIELDS_KEY])
    if encoding is not None:
        d["encoding"] = encoding
    if extractor is not None:
        d["extractor"] = extractor
    return d


INPUT_KEYS = ("schema_version", "id", "source", *META_FIELDS, FIELDS_KEY, "encoding", "extractor")


def error_record(
    message: str, *, kind: str, id: str | None = None, source: str | None = None, meta: dict | None = None
) -> dict[str, Any]:
    """The record for an input that could not be analysed."""
    d = record_head(id, source, meta)
    d["error"] = {"kind": kind, "message": message}
    return d
