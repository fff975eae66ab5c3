"""A results database that resumes: records in SQLite (``--db FILE``).

``ResultsDB`` keeps one row per analysed article in ``articles`` -- the
headline numbers as columns and the full record as JSON -- with its parties,
hedging hits and citations in tables of their own (:mod:`mediabias.db.schema`),
keyed by the article id and the SHA-256 of the text analysed (its first 128
bits; the extracted text for a web page), with indexes on outlet and date.

How a run resumes: before an article is dispatched for analysis, the parent
process hashes its text and looks it up (:meth:`ResultsDB.lookup`); a row with
the same id, text hash, analyser version and settings (measures, parties, word
lists) is taken as it is, with the record's input fields (source, outlet,
title ...) refreshed from the current input, so nothing is analysed twice.
New records are written in batched transactions (every half second or 500
records), in WAL mode: a run that is interrupted (Ctrl-C, or killed) loses at
most the records not yet committed, and its rerun analyses only those.

An existing file that is not a mediabias database, is corrupt or stays locked
is an error naming the file; it is never overwritten or recreated.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any, Callable, ContextManager, Iterable, Iterator

from mediabias.db.schema import (
    ARTICLE_COLUMNS,
    CHILD_TABLES,
    SCHEMA,
    citation_rows,
    clean,
    get,
    hedge_rows,
    party_rows,
)
from mediabias.report import INPUT_KEYS, SCHEMA_VERSION, record_head

DB_VERSION = "1"
LOCK_TIMEOUT = 10.0  # seconds to wait for another writer before giving up
FLUSH_SECONDS = 0.5
FLUSH_RECORDS = 500

Record = dict[str, Any]


class DatabaseError(Exception):
    """The database file cannot be used; the message names it."""


def analyser_version() -> str:
    from mediabias import __version__

    return f"mediabias {__version__} (record {SCHEMA_VERSION})"


def settings_key(config: Any, measures: Iterable[str]) -> str:
    """A short hash of everything besides the text that a record depends on."""
    spec = {
        "measures": sorted(measures),
        "parties": sorted((k, list(v)) for k, v in (getattr(config, "parties", None) or {}).items()),
        "lexicons": sorted((k, list(v)) for k, v in (getattr(config, "lexicons", None) or {}).items()),
        "group_people": bool(getattr(config, "group_people", False)),
    }
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:16]


def text_hash(text: str) -> str:
    """The first 128 bits of the SHA-256 of the text (UTF-8), in hex."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _encoder() -> Callable[[Record], str]:
    try:
        import msgspec
    except ImportError:  # pragma: no cover - msgspec is a dependency; json writes the same record, slower
        return lambda record: json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    encode = msgspec.json.Encoder().encode  # ~5x faster than json.dumps on a record
    return lambda record: encode(record).decode("utf-8")


def refreshed(stored: Record, item: Any) -> Record:
    """``stored`` with its input fields (id, source, title, outlet ...) as the
    current input gives them: the record a fresh analysis would produce."""
    head = record_head(item.id, item.source, item.meta, item.encoding, getattr(item, "extractor", None))
    head.update((k, v) for k, v in stored.items() if k not in INPUT_KEYS)
    return head


class ResultsDB:
    """One results database, opened for reading and writing."""

    def __init__(self, path: str | Path, *, analyser: str | None = None, settings: str = "",
                 force: bool = False, create: bool = True) -> None:
        self.path = Path(path)
        self.analyser = analyser or analyser_version()
        self.settings = settings
        self.force = force
        self.skipped = self.stored = self.updated = 0
        self._rows: list[tuple[tuple, list, list, list]] = []
        self._unchanged: set[tuple[str, str]] = set()  # taken from the database as they are: nothing to write
        self._replace: set[tuple[str, str]] = set()  # stored by another analysis: their rows are deleted first
        self._encode = _encoder()
        self._last_flush = time.monotonic()
        self.conn = self._connect(create)
        try:  # a database that starts empty has nothing to skip: a fresh run makes no look-ups
            self._empty = self.conn.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] == 1
        except sqlite3.Error as e:
            self.conn.close()
            raise self._error(_explain(e)) from None

    # -- opening ---------------------------------------------------------
    def _error(self, what: str) -> DatabaseError:
        return DatabaseError(f"results database {self.path}: {what}")

    def _connect(self, create: bool) -> sqlite3.Connection:
        if self.path.is_dir():
            raise self._error("is a directory")
        if not self.path.exists():
            if not create:
                raise self._error("no such file")
            folder = self.path.parent if str(self.path.parent) else Path(".")
            if not folder.is_dir():
                raise self._error(f"folder {folder} does not exist")
        try:
            conn = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            raise self._error(f"cannot be opened ({e})") from None
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables:
                if not create:
                    raise self._error("is empty, not a mediabias results database")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("BEGIN IMMEDIATE")
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:  # nobody was first
                    for statement in SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.executemany("INSERT INTO mediabias_meta VALUES (?, ?)",
                                     [("db_version", DB_VERSION), ("created_by", self.analyser)])
                conn.execute("COMMIT")
            elif "mediabias_meta" not in tables:
                raise self._error(f"is an SQLite database of something else (tables: {', '.join(sorted(tables)[:5])}); "
                                  "choose another file")
            else:
                version = conn.execute("SELECT value FROM mediabias_meta WHERE key = 'db_version'").fetchone()
                if not version or version[0] != DB_VERSION:
                    raise self._error(f"was written by another version of mediabias (database version "
                                      f"{version[0] if version else '?'}, this one reads {DB_VERSION})")
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        except DatabaseError:
            conn.close()
            raise
        except sqlite3.Error as e:
            conn.close()
            raise self._error(_explain(e)) from None
        return conn

    # -- skipping what is stored -------------------------------------------
    def lookup(self, item: Any) -> Record | None:
        """The stored record of ``item`` when its text was analysed with the
        same analyser and settings; None means: analyse it."""
        if item.text is None or self._empty:
            return None
        key = (clean(str(item.id)), text_hash(item.text))
        try:
            row = self.conn.execute("SELECT analyser, settings, rowid FROM articles WHERE id = ? AND text_hash = ?",
                                    key).fetchone()
            if row is None:
                return None
            if self.force or row[:2] != (self.analyser, self.settings):
                self._replace.add(key)
                return None
            stored = json.loads(self.conn.execute("SELECT record FROM articles WHERE rowid = ?", row[2:]).fetchone()[0])
        except sqlite3.Error as e:
            raise self._error(_explain(e)) from None
        record = refreshed(stored, item)
        if record == stored:
            self._unchanged.add(key)  # nothing to write back
        else:
            self.updated += 1  # the same analysis, read from another source or with other fields: rewritten
        self.skipped += 1
        return record

    # -- writing -----------------------------------------------------------
    def add(self, item: Any, record: Record, guard: Callable[[], ContextManager] = contextlib.nullcontext) -> None:
        """Queue ``record`` (the analysis of ``item``) for writing; errors are not stored."""
        if "error" in record or item.text is None:
            return
        key = (clean(str(item.id)), text_hash(item.text))
        if key in self._unchanged:
            self._unchanged.discard(key)
            return
        try:
            encoded = self._encode(record)
        except UnicodeEncodeError:  # rare: clean the strings once, then write as usual
            record = clean(record)
            encoded = self._encode(record)
        values = [get(record, path) for _, _, path in ARTICLE_COLUMNS]
        fields = record.get("fields")
        article = (*key, self.analyser, self.settings, *values, json.dumps(fields, ensure_ascii=False) if fields else None,
                   encoded)
        self._rows.append((article, party_rows(key, record), hedge_rows(key, record), citation_rows(key, record)))
        if len(self._rows) >= FLUSH_RECORDS or time.monotonic() - self._last_flush >= FLUSH_SECONDS:
            self.flush(guard)

    def flush(self, guard: Callable[[], ContextManager] = contextlib.nullcontext) -> None:
        """Write the queued records in one transaction."""
        self._last_flush = time.monotonic()
        if not self._rows:
            return
        rows = self._rows
        columns = 4 + len(ARTICLE_COLUMNS) + 2
        replace = [r[0][:2] for r in rows if r[0][:2] in self._replace]
        with guard():
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    # another analysis's rows of the same article go first (its parts may be more numerous);
                    # the same analysis twice in one run replaces its rows one by one
                    for table in CHILD_TABLES:
                        self.conn.executemany(f"DELETE FROM {table} WHERE article_id = ? AND text_hash = ?", replace)
                    self.conn.executemany(f"INSERT OR REPLACE INTO articles VALUES ({', '.join('?' * columns)})",
                                          [r[0] for r in rows])
                    for i, table in enumerate(CHILD_TABLES, start=1):
                        batch = [row for r in rows for row in r[i]]
                        if batch:
                            width = len(batch[0])
                            self.conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES ({', '.join('?' * width)})",
                                                  batch)
                    self.conn.execute("COMMIT")
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as e:
                raise self._error(_explain(e)) from None
        self._rows = []  # only once committed: an interrupted flush is tried again by close()
        self._replace.difference_update(replace)
        self.stored += len(rows)

    def sink(self, results: Iterable[tuple[Any, Record]],
             guard: Callable[[], ContextManager] = contextlib.nullcontext) -> Iterator[tuple[Any, Record]]:
        """Pass ``(item, record)`` pairs on, writing each new record on the way."""
        for item, record in results:
            self.add(item, record, guard)
            yield item, record

    def close(self, guard: Callable[[], ContextManager] = contextlib.nullcontext) -> None:
        try:
            self.flush(guard)
        finally:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()

    # -- reading -----------------------------------------------------------
    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    def record_texts(self) -> Iterator[str]:
        """Every stored record as its JSON text, in the order of their ids."""
        try:
            for (text,) in self.conn.execute("SELECT record FROM articles ORDER BY id, text_hash"):
                yield text
        except sqlite3.Error as e:
            raise self._error(_explain(e)) from None

    def records(self) -> Iterator[Record]:
        return (json.loads(text) for text in self.record_texts())


def _explain(e: sqlite3.Error) -> str:
    text = str(e)
    if "locked" in text or "busy" in text:
        return f"is locked by another process (waited {LOCK_TIMEOUT:g} s): {text}"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"is not a usable SQLite database (corrupt, or another kind of file): {text}"
    if isinstance(e, sqlite3.OperationalError) and ("readonly" in text or "unable to open" in text):
        return f"cannot be written: {text}"
    return text


def open_db(path: str | Path, *, config: Any = None, measures: Iterable[str] = (), force: bool = False,
            create: bool = True) -> ResultsDB:
    return ResultsDB(path, settings=settings_key(config, measures), force=force, create=create)
