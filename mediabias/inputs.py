"""All file I/O of mediabias: paths, directories, stdin and JSONL corpora.

``iter_inputs`` yields one :class:`Item` per article, lazily and in order:

* a file is one article (``.txt``, ``.md`` or anything else read as text);
* a directory is walked recursively in sorted order, skipping hidden files
  and folders; ``glob`` patterns choose the files (default: every file);
* ``-`` is standard input (one article, or a corpus with ``jsonl=True``);
* ``.jsonl`` / ``.ndjson`` files are corpora: one JSON object per line with
  the article in ``text`` (or ``text_field``; a list of strings -- sentences
  or paragraphs -- is joined with line breaks) and optional ``id``,
  ``title``, ``outlet``, ``author``, ``date`` and ``url`` (further fields
  named in ``field_map`` travel in ``meta["fields"]``);
* saved web pages -- ``.html``/``.htm`` files, any input that opens with a
  doctype or ``<html>``, and JSONL lines whose ``html_field`` holds the page
  (by default, lines with no text and an ``html`` field) --
  are read by :mod:`mediabias.inputs_html`: the item's text is the article
  extracted from the page, its meta the page's title, author, date and site
  name (fields given in the corpus win).

Bytes are decoded here: UTF-8 (with or without BOM), UTF-16 with a BOM,
otherwise the encoding charset-normalizer detects; the encoding is reported
when it is not plain UTF-8.  An input that cannot be read becomes an Item
with ``error`` set, so a batch goes on with the others.
"""

from __future__ import annotations

import fnmatch
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Mapping

from mediabias.inputs_html import HTML_SUFFIXES, looks_like_html  # light: trafilatura is imported by extract()
from mediabias.report import FIELDS_KEY, META_FIELDS

JSONL_SUFFIXES = (".jsonl", ".ndjson")
# A JSONL line without its text field is read from this field when it holds a web page.
DEFAULT_HTML_FIELD = "html"
# Larger inputs are refused by default: a news article is tens of kilobytes,
# and analysis holds ~80 bytes of Python objects per byte of text (a 50 MB
# "article" would need ~4 GB and a minute while the batch's output waits for
# it).  16 MiB still takes a 10 MB single-line file.  --max-bytes raises it.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
_BINARY_SNIFF = 8192


@dataclass(frozen=True, slots=True)
class Item:
    id: str | None
    source: str
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    error: tuple[str, str] | None = None  # (kind, message)
    extractor: str | None = None  # set when the text was extracted from a web page


class InputError(Exception):
    """An input could not be turned into text; ``kind`` names the failure."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Text of ``data`` and the encoding used (None for plain UTF-8)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise InputError("decode", f"starts with a UTF-16 byte-order mark but is not UTF-16 ({e.reason})") from None
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        raise InputError("binary", "binary data (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
        encoding = None
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        matches = list(from_bytes(data))
        if not matches:
            raise InputError("decode", "not UTF-8 and no text encoding could be detected") from None
        best = matches[0]
        # Western single-byte encodings often tie; prefer Windows-1252, the
        # usual legacy encoding of English and Western European news.
        for m in matches:
            if m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01:
                best = m
                break
        text = str(best)
        encoding = best.encoding
    sample = text[:_BINARY_SNIFF]
    controls = sum(1 for c in sample if c < " " and c not in "\n\r\t\f\v")
    if sample and controls > max(2, len(sample) // 100):
        raise InputError("binary", f"binary data ({controls} control characters in the first {len(sample)}), not text")
    return text, encoding


def _read_path(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("too_large", f"{size:,} bytes is more than the limit of {max_bytes:,} (see --max-bytes)")
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError("io", e.strerror or str(e)) from None


def _walk(root: Path, patterns: tuple[str, ...]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if patterns and not any(fnmatch.fnmatch(name, p) for p in patterns):
                continue
            yield Path(dirpath) / name


def _expand(paths: Iterable[str], patterns: tuple[str, ...]) -> Iterator[str | Path]:
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk(path, patterns)
        else:
            yield path


def estimate_count(paths: Iterable[str], *, patterns: tuple[str, ...] = ()) -> int | None:
    """How many items ``iter_inputs`` will yield, for a progress bar's ETA:
    files are counted, JSONL lines counted by their line breaks (a fast
    byte scan); None when standard input is among the paths."""
    total = 0
    for p in _expand(paths, patterns):
        if p == "-":
            return None
        if p.suffix.lower() in JSONL_SUFFIXES:
            try:
                with p.open("rb") as fh:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
            except OSError:
                total += 1
        else:
            total += 1
    return total


def iter_inputs(
    paths: Iterable[str],
    *,
    patterns: tuple[str, ...] = (),
    text_field: str = "text",
    id_field: str = "id",
    field_map: Mapping[str, str] | None = None,
    stdin_jsonl: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    html_field: str | None = None,
) -> Iterator[Item]:
    """Items for every article named by ``paths``, in order.

    ``field_map`` maps a record key to the JSONL field it is read from
    (``{"outlet": "source", "leaning": "bias_text"}``); ``html_field`` names
    the JSONL field holding a saved web page to read instead of the text (when
    not given, a line with no text field is read from its ``html`` field)."""
    fields = {k: k for k in META_FIELDS}
    fields.update(field_map or {})
    for p in _expand(paths, patterns):
        if p == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if stdin_jsonl:
                yield from _iter_jsonl(stream, "<stdin>", text_field, id_field, fields, max_bytes, html_field)
            else:
                data = stream.read(max_bytes + 1)
                yield _text_item("-", "<stdin>", data, max_bytes)
            continue
        name = str(p)
        if p.suffix.lower() in JSONL_SUFFIXES:
            try:
                fh = p.open("rb")
            except OSError as e:
                yield Item(name, name, error=("io", e.strerror or str(e)))
                continue
            with fh:
                yield from _iter_jsonl(fh, name, text_field, id_field, fields, max_bytes, html_field)
            continue
        try:
            data = _read_path(p, max_bytes)
        except InputError as e:
            yield Item(name, name, error=(e.kind, str(e)))
            continue
        yield _text_item(name, name, data, max_bytes, html=name.lower().endswith(HTML_SUFFIXES))


def _text_item(id: str, source: str, data: bytes, max_bytes: int, *, html: bool = False) -> Item:
    if len(data) > max_bytes:
        return Item(id, source, error=("too_large", f"more than the limit of {max_bytes:,} bytes (see --max-bytes)"))
    try:
        text, encoding = decode_bytes(data)
    except InputError as e:
        return Item(id, source, error=(e.kind, str(e)))
    if html or looks_like_html(text):
        return page_item(id, source, text, encoding=encoding)
    return Item(id, source, text=text, encoding=encoding)


def page_item(id: str | None, source: str, html: str, *, meta: Mapping[str, Any] | None = None,
              encoding: str | None = None) -> Item:
    """The item for a saved web page: the extracted article, the page's
    metadata under the fields ``meta`` already gives."""
    from mediabias.inputs_html import NoArticleText, extract

    meta = dict(meta or {})
    try:
        page = extract(html, url=meta.get("url"))
    except NoArticleText as e:
        return Item(id, source, meta=meta, error=("no_text", str(e)))
    return Item(id, source, text=page.text, meta={**page.meta, **meta}, encoding=encoding, extractor=page.extractor)


def _carried(obj: Mapping[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """The record keys read from a JSONL object: META_FIELDS at the top, the others under "fields"."""
    meta: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, name in fields.items():
        value = obj.get(name)
        if value is not None:
            (meta if key in META_FIELDS else extra)[key] = value
    if extra:
        meta[FIELDS_KEY] = extra
    return meta


def _iter_jsonl(
    fh: BinaryIO, name: str, text_field: str, id_field: str, fields: Mapping[str, str], max_bytes: int,
    html_field: str | None = None,
) -> Iterator[Item]:
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            # skip the rest of an over-long line without holding it in memory
            while line and not line.endswith(b"\n"):
                line = fh.readline(max_bytes + 1)
            yield Item(f"{name}:{lineno}", f"{name}:{lineno}", error=("too_large", f"line {lineno} is longer than the limit of {max_bytes:,} bytes (see --max-bytes)"))
            continue
        if not line.strip():
            continue
        source = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except UnicodeDecodeError as e:
            yield Item(source, source, error=("decode", f"line {lineno}: not UTF-8 ({e.reason})"))
            continue
        except json.JSONDecodeError as e:
            yield Item(source, source, error=("json", f"line {lineno}: malformed JSON ({e.msg} at column {e.colno})"))
            continue
        if not isinstance(obj, dict):
            yield Item(source, source, error=("json", f"line {lineno}: expected a JSON object, got {type(obj).__name__}"))
            continue
        meta = _carried(obj, fields)
        raw_id = obj.get(id_field)
        item_id = str(raw_id) if raw_id is not None else source
        if html_field is not None or (obj.get(text_field) is None and isinstance(obj.get(DEFAULT_HTML_FIELD), str)):
            page_field = html_field or DEFAULT_HTML_FIELD
            page = obj.get(page_field)
            if not isinstance(page, str):
                what = "missing" if page is None else f"a {type(page).__name__}, not a string"
                yield Item(item_id, source, meta=meta, error=("field", f"line {lineno}: field {page_field!r} is {what}"))
            else:
                yield page_item(item_id, source, page, meta=meta)
            continue
        text = obj.get(text_field)
        if isinstance(text, list) and all(isinstance(t, str) for t in text):
            text = "\n".join(text)  # a corpus stored as a list of sentences or paragraphs
        if not isinstance(text, str):
            what = "missing" if text is None else f"a {type(text).__name__}, not a string"
            yield Item(item_id, source, meta=meta, error=("field", f"line {lineno}: field {text_field!r} is {what}"))
            continue
        yield Item(item_id, source, text=text, meta=meta)
