"""All file I/O of mediabias: paths, directories, stdin and JSONL corpora.

``iter_inputs`` yields one :class:`Item` per article, lazily and in order:

* a file is one article (``.txt``, ``.md`` or anything else read as text);
* a directory is walked recursively in sorted order, skipping hidden files
  and folders; ``glob`` patterns choose the files (default: the article
  files, :data:`ARTICLE_SUFFIXES` or no suffix -- not a config, a script or an image
  lying beside the articles).
  The walk reads regular files only: a FIFO, socket or device inside a
  folder is never opened (it could block the batch forever), and a
  symbolic link to a folder is not followed (it could loop, or leave the
  tree); both are reported through ``notify`` and skipped.  A sub-folder
  that cannot be listed becomes an error item, so the batch reports it;
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

Bytes become text with :func:`mediabias.decoding.decode_bytes`; the encoding
is reported when it is not plain UTF-8.  An input that cannot be read becomes
an Item with ``error`` set, so a batch goes on with the others.

Names and strings are made writable here, once: a file name that is not
UTF-8 is shown with backslash escapes (``caf\\xff.txt``), and a lone
surrogate from a JSON ``\\udXXX`` escape -- not a character, and not
writable as UTF-8 -- is read as U+FFFD, one character for one, so every
offset is unchanged.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Mapping

from mediabias.decoding import LONE_SURROGATE, InputError, decode_bytes, without_lone_surrogates
from mediabias.inputs_html import HTML_SUFFIXES, looks_like_html  # light: trafilatura is imported by extract()
from mediabias.report import FIELDS_KEY, META_FIELDS

__all__ = ["Item", "InputError", "Skipped", "decode_bytes", "display_name", "estimate_count", "iter_inputs",
           "without_lone_surrogates", "DEFAULT_MAX_BYTES", "JSONL_SUFFIXES"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
# what counts as an article in a directory when no --glob is given: these
# suffixes, or none (a page saved without one is known by its content)
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown") + HTML_SUFFIXES + JSONL_SUFFIXES


def is_article_name(name: str) -> bool:
    return name.lower().endswith(ARTICLE_SUFFIXES) or "." not in name
# A JSONL line without its text field is read from this field when it holds a web page.
DEFAULT_HTML_FIELD = "html"
# Larger inputs are refused by default: a news article is tens of kilobytes,
# and analysis holds ~80 bytes of Python objects per byte of text (a 50 MB
# "article" would need ~4 GB and a minute while the batch's output waits for
# it).  16 MiB still takes a 10 MB single-line file.  --max-bytes raises it.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
# JSONL ids and meta fields deeper than this are refused: a record carries them
# to the output, and a batch sends them to its workers (pickle gives up near 1,000).
MAX_FIELD_DEPTH = 32
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # a JSON escape of a surrogate (a pair's half, or lone)


@dataclass(frozen=True, slots=True)
class Item:
    id: str | None
    source: str
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    error: tuple[str, str] | None = None  # (kind, message)
    extractor: str | None = None  # set when the text was extracted from a web page


def display_name(path: str | os.PathLike) -> str:
    """``path`` as text that can be written anywhere: bytes of a file name that
    are not UTF-8 (decoded by Python as lone surrogates) become ``\\xNN``."""
    name = os.fspath(path)
    if not LONE_SURROGATE.search(name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _read_path(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("too_large", f"{size:,} bytes is more than the limit of {max_bytes:,} (see --max-bytes)")
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as e:
        raise InputError("io", e.strerror or str(e)) from None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path the walk did not read: ``failed`` ones (a folder that cannot be
    listed) become error items; the others (special files, links to folders)
    are only reported."""

    path: str
    message: str
    failed: bool = False


def _special(mode: int) -> str:
    for test, what in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return "not a regular file"


def _walk(root: Path, patterns: tuple[str, ...]) -> Iterator[Path | Skipped]:
    """Regular files under ``root``, depth first, each folder's files before its
    sub-folders, names sorted; what is not read is yielded as :class:`Skipped`.
    A stack, not recursion: a tree thousands of folders deep is still walked."""
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            yield Skipped(display_name(folder), f"cannot read folder: {e.strerror or e}", failed=True)
            continue
        folders = []
        for entry in entries:
            if not entry.name.startswith("."):
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                else:
                    yield from _entry(entry, patterns)
        stack.extend(reversed(folders))


def _entry(entry: os.DirEntry, patterns: tuple[str, ...]) -> Iterator[Path | Skipped]:
    """A folder's entry that is not a folder: the file to read, or why not."""
    path = Path(entry.path)
    try:
        if entry.is_symlink() and entry.is_dir():
            yield Skipped(display_name(path), "a symbolic link to a folder, not followed "
                                              "(name it on the command line to read it)")
            return
        if patterns and not any(fnmatch.fnmatch(entry.name, p) for p in patterns):
            return
        if entry.is_file():  # a regular file, or a link to one
            if patterns or is_article_name(entry.name):  # not a config, a script or an image beside them
                yield path
            return
        if entry.is_symlink() and not os.path.exists(path):
            yield Skipped(display_name(path), "a broken symbolic link", failed=True)
            return
        what = _special(os.stat(path).st_mode)
    except OSError as e:
        yield Skipped(display_name(path), f"cannot read: {e.strerror or e}", failed=True)
        return
    yield Skipped(display_name(path), f"{what}, not read (name it on the command line to read it as a stream)")


def _expand(paths: Iterable[str], patterns: tuple[str, ...]) -> Iterator[str | Path | Skipped]:
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
    byte scan); None when standard input, or a JSONL stream named on the
    command line (a FIFO: counting would consume it), is among the paths."""
    total = 0
    for p in _expand(paths, patterns):
        if p == "-":
            return None
        if isinstance(p, Skipped):
            total += p.failed
            continue
        if p.suffix.lower() in JSONL_SUFFIXES:
            if not p.is_file():
                return None
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
    notify: Callable[[str], None] | None = None,
    html_field: str | None = None,
) -> Iterator[Item]:
    """Items for every article named by ``paths``, in order.

    ``field_map`` maps a record key to the JSONL field it is read from
    (``{"outlet": "source", "leaning": "bias_text"}``); ``html_field`` names
    the JSONL field holding a saved web page to read instead of the text (when
    not given, a line with no text field is read from its ``html`` field).
    ``notify`` is called with a message for each path a folder walk skipped
    (special files, links to folders); a folder that cannot be read is an
    error item."""
    fields = {k: k for k in META_FIELDS}
    fields.update(field_map or {})
    for p in _expand(paths, patterns):
        if isinstance(p, Skipped):
            if p.failed:
                yield Item(p.path, p.path, error=("io", p.message))
            elif notify is not None:
                notify(f"{p.path}: {p.message}")
            continue
        if p == "-":
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            if stream is None:  # started with standard input closed (<&-)
                yield Item("-", "<stdin>", error=("io", "standard input is closed"))
            elif stdin_jsonl:
                yield from _iter_jsonl(stream, "<stdin>", text_field, id_field, fields, max_bytes, html_field)
            else:
                try:
                    data = stream.read(max_bytes + 1)
                except OSError as e:
                    yield Item("-", "<stdin>", error=("io", e.strerror or str(e)))
                else:
                    yield _text_item("-", "<stdin>", data, max_bytes)
            continue
        name = display_name(p)
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


def text_fields(obj: Mapping[str, Any], min_words: int = 30) -> list[str]:
    """Fields of a JSONL object that look like an article's text (a string or
    list of strings with some words in it, not a URL), longest first -- the
    hint when the text field is missing."""
    sizes = {}
    for key, value in obj.items():
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "\n".join(value)
        if isinstance(value, str) and len(value.split(None, min_words)) > min_words:
            sizes[str(key)] = len(value)
    return sorted(sizes, key=lambda k: -sizes[k])


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


def _number_or_literal(literal: str) -> Any:
    """A JSON number Python cannot hold as a finite number (1e400, NaN,
    Infinity, an integer of more than 4,300 digits) is kept as its text, so the
    line is still read and the record stays valid JSON."""
    try:
        value = float(literal) if any(c in literal for c in ".eE") else int(literal)
    except ValueError:
        return literal
    return value if value == value and value not in (float("inf"), float("-inf")) else literal


def _loads(line: bytes) -> Any:
    return json.loads(line, parse_float=_number_or_literal, parse_int=_number_or_literal,
                      parse_constant=_number_or_literal)


def _too_deep(value: Any, limit: int) -> bool:
    if not isinstance(value, (list, dict)):
        return False
    if limit <= 0:
        return True
    items = value.values() if isinstance(value, dict) else value
    return any(_too_deep(v, limit - 1) for v in items)


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
    except Exception as e:  # the extractor is a third party's: whatever a page does to it costs that page only
        return Item(id, source, meta=meta, error=("internal", f"the page could not be read ({type(e).__name__}: {e})"))
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
        try:
            line = fh.readline(max_bytes + 1)
        except OSError as e:  # an I/O error part-way: the lines read so far stand
            where = f"{name}:{lineno + 1}"
            yield Item(where, where, error=("io", f"line {lineno + 1}: {e.strerror or e}; the rest is not read"))
            break
        if not line:
            break
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            # skip the rest of an over-long line without holding it in memory
            while line and not line.endswith(b"\n"):
                line = fh.readline(max_bytes + 1)
            yield Item(f"{name}:{lineno}", f"{name}:{lineno}", error=("too_large", f"line {lineno} is longer than the limit of {max_bytes:,} bytes (see --max-bytes)"))
            continue
        line = line.rstrip(b"\r\n")  # so that an error's column is on this line
        if not line.strip():
            continue
        source = f"{name}:{lineno}"
        try:
            obj = _loads(line)
        except UnicodeDecodeError as e:
            yield Item(source, source, error=("decode", f"line {lineno}: not UTF-8 ({e.reason})"))
            continue
        except json.JSONDecodeError as e:
            yield Item(source, source, error=("json", f"line {lineno}: malformed JSON ({e.msg} at column {e.colno})"))
            continue
        except RecursionError:
            yield Item(source, source, error=("json", f"line {lineno}: JSON nested too deeply to read"))
            continue
        if _SURROGATE_ESCAPE.search(line):
            obj = without_lone_surrogates(obj)
        if not isinstance(obj, dict):
            yield Item(source, source, error=("json", f"line {lineno}: expected a JSON object, got {type(obj).__name__}"))
            continue
        meta = _carried(obj, fields)
        raw_id = obj.get(id_field)
        deep = next((f for f in (*fields.values(), id_field) if _too_deep(obj.get(f), MAX_FIELD_DEPTH)), None)
        if deep is not None:
            yield Item(source, source, error=("field", f"line {lineno}: field {deep!r} is nested more than "
                                                       f"{MAX_FIELD_DEPTH} levels deep"))
            continue
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
            hint = text_fields(obj)
            hint = f" (text is in: {', '.join(hint)}; see --text-field)" if hint else ""
            yield Item(item_id, source, meta=meta, error=("field", f"line {lineno}: field {text_field!r} is {what}{hint}"))
            continue
        yield Item(item_id, source, text=text, meta=meta)
