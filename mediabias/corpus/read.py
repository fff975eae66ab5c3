"""Reading records back for a summary: JSONL files and stored JSON texts.

A summary needs a few numbers of each record, not its evidence (about nine
tenths of a record's bytes), so records are decoded with msgspec against a
partial description of the record (``_Record`` below): the evidence lists
are skipped without building Python objects for them, which makes reading
2,356 records about ten times faster than ``json.loads``.  A line that does
not fit the description is decoded with ``json`` instead; a line that is not
JSON is reported by its number and the others are read on.
"""

from __future__ import annotations

import json
from typing import Any, BinaryIO, Callable, Iterable, Iterator, TypedDict

Record = dict[str, Any]
OnError = Callable[[str, str], None]  # (where, message)


class _Party(TypedDict, total=False):
    name: Any
    mentions: Any
    score: Any
    stance: Any


class _Sentiment(TypedDict, total=False):
    parties: list[_Party]


class _PartyHedging(TypedDict, total=False):
    distancing_per_1k_words: Any


class _Voice(TypedDict, total=False):
    per_1k_words: Any


class _Hedging(TypedDict, total=False):
    per_1k_words: Any
    by_category_per_1k_words: Any
    author_voice: _Voice
    quoted: _Voice
    by_party: dict[str, _PartyHedging]


class _Sources(TypedDict, total=False):
    per_100_words: Any
    share_anonymous: Any
    share_words_quoted: Any


class _Readability(TypedDict, total=False):
    flesch_reading_ease: Any
    flesch_kincaid_grade: Any


class _Record(TypedDict, total=False):
    schema_version: Any
    id: Any
    source: Any
    title: Any
    outlet: Any
    author: Any
    date: Any
    url: Any
    fields: Any
    encoding: Any
    extractor: Any
    words: Any
    error: Any
    hedging: _Hedging
    sentiment: _Sentiment
    sources: _Sources
    readability: _Readability


def _decoder() -> Callable[[bytes | str], Any]:
    try:
        import msgspec
    except ImportError:  # pragma: no cover - msgspec is a dependency; json gives the same result, slower
        return json.loads
    partial = msgspec.json.Decoder(_Record)

    def decode(text: bytes | str) -> Any:
        try:
            return partial.decode(text)
        except msgspec.ValidationError:  # valid JSON of another shape: let the caller judge it
            return json.loads(text)
        except msgspec.DecodeError as e:
            raise ValueError(str(e)) from None

    return decode


def _check(obj: Any) -> str | None:
    if not isinstance(obj, dict):
        return f"expected a JSON object (a mediabias record), got {type(obj).__name__}"
    if "words" not in obj and "error" not in obj:
        return "not a mediabias record (no 'words' or 'error'; was it written by mediabias score?)"
    return None


def read_jsonl(stream: BinaryIO, name: str, on_error: OnError) -> Iterator[Record]:
    """The records of a JSONL stream; a malformed line goes to ``on_error("name:line", why)``."""
    decode = _decoder()
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = decode(line)
        except (ValueError, UnicodeDecodeError) as e:
            on_error(f"{name}:{lineno}", f"malformed JSON ({e})")
            continue
        problem = _check(obj)
        if problem:
            on_error(f"{name}:{lineno}", problem)
            continue
        yield obj


def decode_all(texts: Iterable[str | bytes], name: str, on_error: OnError) -> Iterator[Record]:
    """Records from stored JSON texts (a results database's ``record`` column)."""
    decode = _decoder()
    for i, text in enumerate(texts, start=1):
        try:
            obj = decode(text)
        except ValueError as e:
            on_error(f"{name}: row {i}", f"malformed JSON ({e})")
            continue
        yield obj
