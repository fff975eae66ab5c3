"""Corpus work on the command line: ``summarize``, ``--db``, ``--save-text``
and ``report --by``.

Only click is imported here; the database, the summary (numpy) and the
renderers when a command uses them.  :class:`Session` plugs the results
database and the text saver into the analysing commands' flow in
:mod:`mediabias.cli`: it answers ``known`` for the batch (records already
stored are not analysed again) and passes every ``(item, record)`` through on
its way to the renderer, writing what is new.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Iterable, Iterator

import click

PERIODS = ("day", "week", "month", "year")


# -- options -------------------------------------------------------------------

DB_HELP = ("Write every record into this SQLite results database (created if missing). A rerun skips the articles "
           "stored with the same text, analyser version and settings, so an interrupted run resumes where it stopped.")


def store_options(f: Callable, db_help: str = DB_HELP) -> Callable:
    """``--db`` and ``--force`` (score, the measure commands, summarize)."""
    options = [
        click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None, metavar="FILE", help=db_help),
        click.option("--force", is_flag=True,
                     help="With --db: analyse every article again and replace what is stored."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def page_options(f: Callable) -> Callable:
    """``--html-field`` and ``--save-text`` (every analysing command)."""
    options = [
        click.option("--html-field", default=None, metavar="FIELD",
                     help="JSONL field holding a saved web page (HTML) to read instead of the text field; the "
                          "article is extracted from the page as for .html files. Default: a line with no text "
                          "field is read from its 'html' field."),
        click.option("--save-text", "save_text", type=click.Path(file_okay=False), default=None, metavar="DIR",
                     help="Write the text each article was analysed as (for a web page: the extracted text, which "
                          "every offset points into) to DIR, one .txt file per article, named after its id."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def corpus_options(*, by_default: str | None) -> Callable[[Callable], Callable]:
    """The grouping and resampling options of summarize (and report --by)."""

    def decorate(f: Callable) -> Callable:
        what = "outlet, date, title, author, url, or a field carried with --field"
        options = [
            click.option("--by", "by", default=by_default, metavar="FIELD",
                         help=f"Group articles by FIELD: {what} [default: {by_default}]." if by_default else
                              f"Add profiles to the report: articles grouped by FIELD ({what}), each measure's "
                              "mean with its 95% interval and a test against the rest."),
            click.option("--period", type=click.Choice(PERIODS), default=None,
                         help="With --by date: the length of a period (default: month)."),
            click.option("--min-articles", type=click.IntRange(min=2), default=None,
                         help="Groups (and a party's stance) need this many articles for an interval and a test "
                              "[default: 10]; smaller groups are listed as too small."),
            click.option("--resamples", type=click.IntRange(min=10), default=None,
                         help="Bootstrap resamples for the intervals and shuffles for the tests [default: 1000]."),
            click.option("--seed", type=int, default=None, help="Seed of the resampling [default: 0]."),
            click.option("--top-parties", type=click.IntRange(min=0), default=None,
                         help="Parties given a stance and a distancing column: the most widely mentioned [default: 8]."),
            click.option("--measures", "families", default=None, metavar="NAME,...",
                         help="Only these families of measures: hedging, sources, stance, distancing, readability "
                              "[default: all]."),
        ]
        for option in reversed(options):
            f = option(f)
        return f

    return decorate


def summary_settings(opts: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of corpus.summarize from the options (usage errors for bad combinations)."""
    from mediabias.corpus import DEFAULTS

    by = opts.get("by")
    if by is None:
        given = [name for name in ("period", "min_articles", "resamples", "seed", "top_parties", "families")
                 if opts.get(name) is not None]
        if given:
            option = {"families": "measures"}.get(given[0], given[0]).replace("_", "-")
            raise click.UsageError(f"--{option} needs --by FIELD")
        return {}
    if opts.get("period") and by != "date":
        raise click.UsageError("--period needs --by date")
    settings = {k: (opts[k] if opts.get(k) is not None else v) for k, v in DEFAULTS.items() if k != "by"} | {"by": by}
    if opts.get("families") is not None:
        from mediabias.corpus.values import FAMILIES

        names = [n.strip() for n in opts["families"].split(",") if n.strip()]
        wrong = [n for n in names if n not in FAMILIES]
        if wrong or not names:
            raise click.BadParameter(f"{opts['families']!r}: expected names among {', '.join(FAMILIES)}",
                                     param_hint="'--measures'")
        settings["families"] = names
    return settings


# -- results database and saved texts ---------------------------------------------

class Session:
    """The results database (``--db``) and the text saver (``--save-text``) of one run."""

    def __init__(self, store: Any = None, saver: Any = None) -> None:
        self.store = store
        self.saver = saver
        self.known = store.lookup if store is not None else None

    @staticmethod
    def refuse(opts: dict[str, Any], why: str) -> None:
        """Usage error when --db or --save-text is given where they cannot work."""
        for option, key in (("--db", "db_path"), ("--save-text", "save_text")):
            if opts.get(key):
                raise click.UsageError(f"{option} cannot be combined with {why}")

    @classmethod
    def open(cls, opts: dict[str, Any], config: Any, measures: tuple[str, ...]) -> "Session":
        if opts.get("force") and not opts.get("db_path"):
            raise click.UsageError("--force needs --db FILE")
        store = saver = None
        if opts.get("db_path"):
            from mediabias.db import DatabaseError, open_db

            try:
                store = open_db(opts["db_path"], config=config, measures=measures, force=opts.get("force", False))
            except DatabaseError as e:
                raise click.ClickException(str(e)) from None
        if opts.get("save_text"):
            from mediabias.save_text import TextSaver

            try:
                saver = TextSaver(opts["save_text"])
            except OSError as e:
                raise click.ClickException(f"--save-text {opts['save_text']}: {e.strerror or e}") from None
        return cls(store, saver)

    def wrap(self, results: Iterable[tuple[Any, dict]]) -> Iterator[tuple[Any, dict]]:
        if self.store is None and self.saver is None:
            yield from results
            return
        from mediabias.db import DatabaseError

        try:
            for item, record in results:
                if self.store is not None:
                    self.store.add(item, record)
                if self.saver is not None:
                    self.saver.save(item)
                yield item, record
        except DatabaseError as e:
            raise click.ClickException(str(e)) from None
        except OSError as e:
            if self.saver is not None and getattr(e, "filename", None) and str(e.filename).startswith(str(self.saver.folder)):
                raise click.ClickException(f"--save-text: cannot write {e.filename}: {e.strerror}") from None
            raise

    def progress_note(self) -> str:
        return f"{self.store.skipped:,} already stored" if self.store is not None and self.store.skipped else ""

    def close(self) -> None:
        if self.store is None:
            return
        from mediabias.db import DatabaseError

        try:
            self.store.close()
        except DatabaseError as e:
            raise click.ClickException(str(e)) from None
        store = self.store
        updated = f" ({store.updated:,} with new input fields, rewritten)" if store.updated else ""
        click.echo(f"mediabias: {store.path}: {store.stored - store.updated:,} new record(s) written, "
                   f"{store.skipped:,} already stored and not analysed again{updated}", err=True)


# -- summarize -----------------------------------------------------------------

def _read_stored(opts: dict[str, Any], on_error: Callable[[str, str], None]) -> Iterator[dict]:
    """Records from --records files or a results database (no analysis)."""
    from mediabias.corpus.read import decode_all, read_jsonl

    if opts.get("db_path"):
        from mediabias.db import DatabaseError, ResultsDB

        try:
            store = ResultsDB(opts["db_path"], create=False)
        except DatabaseError as e:
            raise click.ClickException(str(e)) from None
        try:
            yield from decode_all(store.record_texts(), str(store.path), on_error)
        except DatabaseError as e:
            raise click.ClickException(str(e)) from None
        finally:
            store.conn.close()
        return
    for path in opts["records"]:
        if path == "-":
            yield from read_jsonl(sys.stdin.buffer, "<stdin>", on_error)
            continue
        try:
            fh = open(path, "rb")
        except OSError as e:
            raise click.ClickException(f"{path}: {e.strerror or e}") from None
        with fh:
            yield from read_jsonl(fh, path, on_error)


def write_summary(records: Iterable[dict], opts: dict[str, Any], fmt: str, out) -> None:
    """Summarise ``records`` (a stream) and write the summary in ``fmt``."""
    from mediabias.corpus import SummaryError, summarize
    from mediabias.render.summary import write_summary as render

    try:
        summary = summarize(records, **summary_settings(opts))
    except SummaryError as e:
        raise click.ClickException(str(e)) from None
    render(summary, fmt, out)


def summarize_stored(opts: dict[str, Any]) -> None:
    """``mediabias summarize --records FILE`` / ``--db FILE``: no analysis."""
    fmt = opts.get("fmt") or ("table" if sys.stdout.isatty() else "jsonl")
    problems: list[str] = []

    def on_error(where: str, message: str) -> None:
        problems.append(where)
        if len(problems) <= 20:
            click.echo(f"mediabias: {where}: {message}", err=True)

    failed = {"n": 0}

    def counted(records: Iterable[dict]) -> Iterator[dict]:
        for r in records:
            if "error" in r:
                failed["n"] += 1
            yield r

    try:
        write_summary(counted(_read_stored(opts, on_error)), opts, fmt, sys.stdout)
    except KeyboardInterrupt:
        click.echo("mediabias: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # the reader (head ...) went away
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    if len(problems) > 20:
        click.echo(f"mediabias: ... and {len(problems) - 20} more malformed line(s)", err=True)
    if problems or failed["n"]:
        what = [f"{len(problems)} malformed line(s) skipped"] if problems else []
        what += [f"{failed['n']} error record(s) left out"] if failed["n"] else []
        click.echo(f"mediabias: {'; '.join(what)}", err=True)
        sys.exit(3)


def check_summarize(opts: dict[str, Any]) -> bool:
    """Usage checks for summarize; True when articles are to be analysed."""
    if opts["records"] and (opts["paths"] or opts.get("db_path")):
        raise click.UsageError("--records reads finished records: give it without articles and without --db")
    if not opts["paths"] and not opts["records"] and not opts.get("db_path"):
        raise click.UsageError("give articles to analyse, --records FILE.jsonl, or --db FILE")
    if not opts["paths"] and opts.get("force"):
        raise click.UsageError("--force needs articles to analyse")
    summary_settings(opts)
    return bool(opts["paths"])


def report_profiles(pairs: list[tuple[Any, dict]], opts: dict[str, Any]) -> Any:
    """``report --by FIELD``: the summary behind the outlet-profile charts, or None."""
    settings = summary_settings(opts)
    if not settings:
        return None
    from mediabias.corpus import SummaryError, summarize
    from mediabias.render.profiles import profile_charts

    try:
        summary = summarize((r for _, r in pairs), **settings)
    except SummaryError as e:
        click.echo(f"mediabias: no outlet profiles: {e}", err=True)
        return None
    return profile_charts(summary)


SUMMARIZE_HELP = """Profiles of groups of articles -- outlets by default -- with
uncertainty: per group, the number of articles and words, and for each
headline measure (hedging by category and voice, distancing aimed at each
party, attributions, anonymous and quoted shares, each party's stance,
readability) the mean over its articles with a 95% bootstrap interval, and
whether it differs from the rest of the corpus beyond chance (permutation
test, Benjamini-Hochberg correction over all tests).

Reads articles (analysed on the way, with every input option of score),
records already written by score (--records FILE.jsonl), or a results
database (--db FILE without articles). --format jsonl/csv give the long
form (group, measure, mean, low, high, n, p, p_adjusted); json the whole
summary.

\b
Examples:
  mediabias summarize corpus.jsonl --text-field content --field outlet=source
  mediabias summarize --records scores.jsonl --by date --period year
  mediabias summarize --records scores.jsonl --by leaning --format csv > leaning.csv
  mediabias summarize --db results.sqlite --min-articles 20
"""


def summarize_command(run: Callable[[str, tuple[str, ...], dict[str, Any]], None],
                      input_options: Callable[[Callable], Callable], epilog: str) -> click.Command:
    def command(**opts: Any) -> None:
        if check_summarize(opts):
            from mediabias.pipeline import MEASURES

            run("summarize", MEASURES, opts)
        else:
            summarize_stored(opts)

    command.__doc__ = SUMMARIZE_HELP
    command = corpus_options(by_default="outlet")(command)
    command = page_options(input_options(command))
    command = store_options(command, db_help="Without articles: summarise the records stored in this results "
                                             "database. With articles: " + DB_HELP[0].lower() + DB_HELP[1:])
    command = click.option("--records", multiple=True, type=click.Path(exists=True, dir_okay=False, allow_dash=True),
                           metavar="FILE.jsonl",
                           help="Summarise records written by mediabias score (repeatable; '-' for stdin) "
                                "instead of analysing articles.")(command)
    cmd = click.command("summarize", epilog=epilog)(command)
    for param in cmd.params:  # articles are optional: --records or --db may stand in for them
        if param.name == "paths":
            param.required = False
    return cmd
