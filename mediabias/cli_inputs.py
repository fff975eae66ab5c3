"""The command line's view of its inputs: outlets and metadata for plain
files, and a clear error when there is nothing to analyse.

* ``--outlet NAME`` names the outlet of every input (one file, or a folder
  of one outlet's articles);
* ``--outlet-from-dir``: in a folder laid out as ``outlet/article.txt`` the
  first folder under the directory given is the outlet (a file given by
  itself, or lying directly in that directory, takes its own folder's name);
* ``--meta FILE.csv``: a table with a ``path`` or ``id`` column and any of
  ``outlet``, ``title``, ``date``, ``url``; a relative ``path`` is read from
  the CSV's folder, an ``id`` is the article's id (a JSONL line's id, or a
  file's path as walked).  Values from ``--meta`` win over a JSONL line's
  own fields and over ``--outlet-from-dir``.

Nothing here analyses text; it only reads the small CSV and sets
``Item.meta``.
"""

from __future__ import annotations

import csv
import itertools
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator

from mediabias.inputs import ARTICLE_SUFFIXES, JSONL_SUFFIXES, Item, is_article_name
from mediabias.report import META_FIELDS


class InputsError(Exception):
    """The inputs cannot be used as given; the message says why."""


@dataclass
class MetaTable:
    """``--meta FILE.csv``: article path or id -> metadata."""

    path: str
    by_path: dict[str, dict[str, str]] = field(default_factory=dict)
    by_id: dict[str, dict[str, str]] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)  # key -> CSV line, to name rows that matched nothing
    used: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, path: str) -> "MetaTable":
        table = cls(path)
        folder = Path(path).resolve().parent
        try:
            with open(path, newline="", encoding="utf-8-sig") as fh:
                reader = csv.DictReader(fh)
                header = [h.strip() for h in (reader.fieldnames or [])]
                keys = [h for h in header if h in ("path", "id")]
                unknown = [h for h in header if h not in ("path", "id") + META_FIELDS]
                if len(keys) != 1:
                    raise InputsError(f"{path}: needs one key column, 'path' or 'id' (found: {', '.join(header) or 'no header'})")
                if unknown:
                    raise InputsError(f"{path}: unknown column(s) {', '.join(unknown)}; "
                                      f"the columns are path or id, and {', '.join(META_FIELDS)}")
                key = keys[0]
                reader.fieldnames = header
                for row in reader:
                    value = (row.get(key) or "").strip()
                    if not value:
                        continue
                    meta = {k: v.strip() for k, v in row.items() if k in META_FIELDS and v and v.strip()}
                    if key == "path":
                        value = os.path.normpath(folder / value)
                        table.by_path[value] = meta
                    else:
                        table.by_id[value] = meta
                    table.rows[value] = reader.line_num
        except OSError as e:
            raise InputsError(f"{path}: {e.strerror or e}") from None
        except (UnicodeDecodeError, csv.Error) as e:
            raise InputsError(f"{path}: not a readable UTF-8 CSV file ({e})") from None
        return table

    def lookup(self, item: Item) -> dict[str, str] | None:
        if self.by_path:
            key = os.path.normpath(Path(_file_of(item)).resolve()) if _file_of(item) else None
            meta = self.by_path.get(key) if key else None
        else:
            key = item.id
            meta = self.by_id.get(key) if key is not None else None
        if meta is not None:
            self.used.add(key)
        return meta

    def unused(self) -> list[int]:
        """CSV line numbers of rows that matched no input."""
        return sorted(line for key, line in self.rows.items() if key not in self.used)


_LINE_SUFFIX = re.compile(r":\d+$")


def _file_of(item: Item) -> str | None:
    """The file an item was read from (a JSONL line's source is ``path:line``)."""
    source = item.source
    if source in ("<stdin>", None) or source.startswith("<stdin>"):
        return None
    if _LINE_SUFFIX.search(source) and not os.path.exists(source):
        return _LINE_SUFFIX.sub("", source)
    return source


def _outlet_from_dir(item: Item, roots: list[str]) -> str | None:
    path = _file_of(item)
    if path is None:
        return None
    for root in roots:
        prefix = root.rstrip("/") + "/"
        if path.startswith(prefix):
            rel = path[len(prefix):]
            return rel.split("/", 1)[0] if "/" in rel else Path(root).resolve().name
    return Path(path).resolve().parent.name or None


def with_meta(items: Iterable[Item], *, paths: tuple[str, ...], outlet: str | None = None,
              outlet_from_dir: bool = False, meta: MetaTable | None = None) -> Iterator[Item]:
    """``items`` with their outlet and metadata set from the options."""
    roots = sorted((p for p in paths if p != "-" and os.path.isdir(p)), key=len, reverse=True)
    for item in items:
        extra: dict[str, str] = {}
        if outlet is not None:
            extra["outlet"] = outlet
        elif outlet_from_dir:
            name = _outlet_from_dir(item, roots)
            if name:
                extra["outlet"] = name
        if meta is not None:
            extra.update(meta.lookup(item) or {})
        yield replace(item, meta={**item.meta, **extra}) if extra else item


def nonempty(items: Iterable[Item], paths: tuple[str, ...], patterns: tuple[str, ...]) -> Iterator[Item]:
    """``items`` unchanged, once it is known there is at least one; with none,
    :class:`InputsError` says why for each path.  Empty standard input is no
    article (an empty *file* named on the command line still is one)."""
    items = (i for i in items if not (i.source == "<stdin>" and i.text == "" and i.error is None))
    first = next(items, None)
    if first is None:
        raise InputsError("nothing to analyse: " + "; ".join(_why_empty(p, patterns) for p in paths))
    return itertools.chain([first], items)


class FailureLog:
    """Failed inputs on standard error: a line each, but a message repeated
    for many inputs (a JSONL corpus read with the wrong --text-field) is
    printed once and summed up once at the end."""

    SHOWN = 1

    def __init__(self, echo) -> None:
        self.echo = echo
        self.seen: dict[str, int] = {}

    def add(self, record: dict) -> None:
        message = record["error"]["message"]
        key = re.sub(r"^line \d+: ", "", message)
        n = self.seen[key] = self.seen.get(key, 0) + 1
        if n <= self.SHOWN:
            self.echo(f"mediabias: {record.get('source')}: {message}")

    def finish(self) -> None:
        for key, n in self.seen.items():
            if n > self.SHOWN:
                self.echo(f"mediabias: {n - self.SHOWN:,} more input(s) failed the same way: {key}")


def _why_empty(path: str, patterns: tuple[str, ...]) -> str:
    if path == "-":
        return "standard input is empty"
    p = Path(path)
    if not p.is_dir():
        return f"{path} holds no JSON lines" if p.suffix.lower() in JSONL_SUFFIXES else f"{path} is empty"
    files = [Path(d) / f for d, dirs, names in os.walk(p) for f in names
             if not f.startswith(".") and not any(part.startswith(".") for part in Path(d).relative_to(p).parts)]
    if not files:
        return f"{path} is an empty folder"
    if patterns:
        return f"no file in {path} matches --glob {' '.join(patterns)} ({len(files)} other file(s))"
    articles = [f for f in files if is_article_name(f.name)]
    if not articles:
        kinds = sorted({f.suffix.lower() or f.name for f in files})
        return (f"no article files in {path} ({len(files)} file(s): {', '.join(kinds[:6])}); articles end in "
                f"{', '.join(ARTICLE_SUFFIXES)} or have no suffix -- --glob PATTERN chooses others")
    return f"{path} holds no JSON lines"  # only empty .jsonl files
