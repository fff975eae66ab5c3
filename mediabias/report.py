"""The record mediabias produces for one article, and its JSON form.

``Report.to_dict()`` is exactly the JSON record the command line prints;
its shape is described by ``mediabias/schema/report.schema.json`` and
versioned by ``SCHEMA_VERSION``.  Numbers are not rounded here (renderers
round for display); "cannot be computed" is ``None``, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"
META_FIELDS = ("title", "outlet", "date", "url")


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
    hedging: Any = None
    sentiment: Any = None
    sources: Any = None
    readability: Any = None
    parties: Any = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": self.id, "source": self.source}
        for k in META_FIELDS:
            if self.meta.get(k) is not None:
                d[k] = self.meta[k]
        if self.encoding is not None:
            d["encoding"] = self.encoding
        d["chars"] = self.chars
        d["words"] = self.words
        d["sentences"] = self.sentences
        d["skipped"] = [{"start": s, "end": e, "kind": k} for s, e, k in self.skipped]
        for name in ("hedging", "sentiment", "sources", "readability", "parties"):
            value = getattr(self, name)
            if value is not None:
                d[name] = value.to_dict()
        return d


def error_record(
    message: str, *, kind: str, id: str | None = None, source: str | None = None, meta: dict | None = None
) -> dict[str, Any]:
    """The record for an input that could not be analysed."""
    d: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": id, "source": source}
    for k in META_FIELDS:
        if meta and meta.get(k) is not None:
            d[k] = meta[k]
    d["error"] = {"kind": kind, "message": message}
    return d
